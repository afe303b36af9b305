"""`?as_of`: a country or a person a later article added to an event known earlier never shows
on that event, nor makes it match a filter, in a past view; today's view shows them.

The first talks (16 April, told on 17 April) gain South Korea and a Korean official, Lena
Later (so South Korea is a party, not a venue), from an article of 24 May. As of 2 May, neither
is on them anywhere.
"""

from __future__ import annotations

import datetime
import json

import feedparser
import icalendar
import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, EvidenceFactory, OfficialFactory
from timeline.models import Event, EventCountry, EventParticipant, Jurisdiction

pytestmark = pytest.mark.django_db

D = datetime.date
DAY = "2025-05-02"
HX = {"HTTP_HX_REQUEST": "true"}
LATER = ("South Korea", "/countries/kr/", "Lena Later", "lena-later")


@pytest.fixture
def first(japan_us) -> Event:
    first = Event.objects.get(title="First talks")
    korea = Jurisdiction.objects.get(code="KR")
    person = OfficialFactory(full_name="Lena Later", slug="lena-later", jurisdiction=korea)
    told_later(first, korea=korea, person=person)
    return first


def told_later(event: Event, *, korea=None, person=None) -> None:
    """A sentence on the event from an article of 24 May, which names these too."""
    later = ArticleFactory(published=D(2025, 5, 24), outlet="Later Gazette")
    EvidenceFactory(event=event, article=later)
    if korea is not None:
        event.jurisdictions.add(korea, through_defaults={"article": later})
    if person is not None:
        event.participants.add(person, through_defaults={"article": later})


def then(client, url: str, **params) -> str:
    response = client.get(url, {"as_of": DAY, **params})
    assert response.status_code == 200, response.content[:500]
    return text_of(response)


def today(client, url: str, **params) -> str:
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:500]
    return text_of(response)


def text_of(response) -> str:
    content = b"".join(response) if response.streaming else response.content
    return content.decode().replace("\r\n ", "")  # unfolded iCalendar lines


def assert_none_later(text: str) -> None:
    for later in LATER:
        assert later not in text, later


def assert_all_later(text: str) -> None:
    for later in LATER:
        assert later in text, later


# Pages ---------------------------------------------------------------------------------------


def test_timeline_as_of_leaves_out_links_a_later_article_added(client, first):
    text = then(client, reverse("timeline:index"))
    assert "First talks" in text
    assert_none_later(text)  # neither on the row nor offered by the filters


def test_timeline_today_shows_links_a_later_article_added(client, first):
    assert_all_later(today(client, reverse("timeline:index")))


def test_timeline_partial_as_of_leaves_out_later_links(client, first):
    response = client.get(reverse("timeline:index"), {"as_of": DAY}, **HX)
    assert "<html" not in response.text and "First talks" in response.text
    assert_none_later(response.text)


@pytest.mark.parametrize(
    "params",
    [{"country": "KR"}, {"country": ["JP", "KR"]}, {"official": "lena-later"}],
    ids=["country", "between", "official"],
)
def test_timeline_filters_as_of_by_links_known_then(client, first, params):
    assert "First talks" not in then(client, reverse("timeline:index"), **params)
    assert "First talks" in today(client, reverse("timeline:index"), **params)


def test_event_page_as_of_leaves_out_later_links(client, first):
    url = reverse("timeline:event-detail", args=[first.pk])
    text = then(client, url)
    assert "Japan" in text and "Ryosei Akazawa" in text
    assert_none_later(text)
    assert_all_later(today(client, url))


def test_country_page_as_of_leaves_out_later_partners(client, first):
    url = reverse("timeline:country-detail", args=["jp"])
    partners = then(client, url).split('class="partners"')[1].split("</ul>")[0]
    assert "United States" in partners and "South Korea" not in partners
    assert "South Korea" in today(client, url).split('class="partners"')[1].split("</ul>")[0]


def test_country_page_as_of_lists_no_event_a_later_article_put_there(client, first):
    url = reverse("timeline:country-detail", args=["kr"])
    assert "First talks" not in then(client, url)
    assert "First talks" in today(client, url)


def test_official_page_as_of_of_a_person_named_later_is_not_found(client, first):
    url = reverse("timeline:official-detail", args=["lena-later"])
    assert client.get(url, {"as_of": DAY}).status_code == 404
    assert "First talks" in today(client, url)


def test_negotiation_page_as_of_leads_only_people_known_then(client, first):
    japanese = OfficialFactory(
        full_name="Jun Later", jurisdiction=first.jurisdictions.get(code="JP")
    )
    told_later(first, person=japanese)  # Japan's second lead today (Akazawa first)
    url = reverse("timeline:negotiation-detail", args=["japan-united-states"])
    assert "Jun Later" not in then(client, url)
    assert "Jun Later" in today(client, url)


# Exports and feeds ---------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/export/events.csv", "/export/events.ics"])
def test_exports_as_of_leave_out_later_links(client, first, url):
    text = then(client, url)
    assert "First talks" in text and "Japan" in text
    for later in ("South Korea", "Lena Later"):
        assert later not in text
        assert later in today(client, url)


def test_ics_as_of_lists_the_countries_known_then(client, first):
    calendar = icalendar.Calendar.from_ical(then(client, "/export/events.ics"))
    [talks] = [e for e in calendar.walk("VEVENT") if str(e["summary"]) == "First talks"]
    assert "Japan" in str(talks["description"])
    assert "South Korea" not in str(talks["description"])


@pytest.mark.parametrize("params", [{"country": "KR"}, {"official": "lena-later"}])
def test_timelinejs_filters_as_of_by_links_known_then(client, first, params):
    url = "/export/events.timelinejs.json"  # it names no countries: the filters tell
    assert "First talks" not in then(client, url, **params)
    assert "First talks" in today(client, url, **params)


def test_atom_feed_as_of_leaves_out_later_countries(client, first):
    text = then(client, "/feeds/events.atom")
    feed = feedparser.parse(text)
    [talks] = [entry for entry in feed.entries if entry.title == "First talks"]
    assert "Japan" in {tag.term for tag in talks.tags}
    assert "South Korea" not in {tag.term for tag in talks.tags}
    assert "South Korea" in today(client, "/feeds/events.atom")


# API -----------------------------------------------------------------------------------------


def test_api_event_as_of_leaves_out_later_links(client, first):
    data = json.loads(then(client, f"/api/events/{first.pk}"))
    assert {c["code"] for c in data["countries"]} == {"JP", "US"}
    assert {p["slug"] for p in data["participants"]} == {"ryosei-akazawa", "scott-bessent"}
    data = json.loads(today(client, f"/api/events/{first.pk}"))
    assert "KR" in {c["code"] for c in data["countries"]}
    assert "lena-later" in {p["slug"] for p in data["participants"]}


def test_api_events_as_of_leave_out_later_links(client, first):
    text = then(client, "/api/events", limit="500")
    assert "First talks" in text
    assert_none_later(text.replace('"KR"', ""))
    assert '"KR"' not in text


@pytest.mark.parametrize("params", [{"country": "KR"}, {"official": "lena-later"}])
def test_api_events_filter_as_of_by_links_known_then(client, first, params):
    assert json.loads(then(client, "/api/events", **params))["count"] == 0
    assert json.loads(today(client, "/api/events", **params))["count"] == 1


def test_api_countries_and_officials_as_of_leave_out_later_links(client, first):
    codes = {c["code"] for c in json.loads(then(client, "/api/countries", limit="500"))["results"]}
    assert codes == {"JP", "US"}
    assert "lena-later" not in then(client, "/api/officials", limit="500")
    assert client.get("/api/countries/kr", {"as_of": DAY}).status_code == 404
    assert "lena-later" in today(client, "/api/officials", limit="500")


# The rule ------------------------------------------------------------------------------------


def test_links_known_on_their_articles_day(first):
    day = D(2025, 5, 24)
    links = EventCountry.objects.filter(event=first, jurisdiction__code="KR")
    assert not links.known_on(day - datetime.timedelta(days=1)).exists()
    assert links.known_on(day).exists() and links.known_on(None).exists()


def test_links_an_editor_made_are_known_on_any_day(first):
    # japan_us's links were made by hand (no article): shown whenever their event is.
    assert EventParticipant.objects.filter(event=first, article=None).count() == 2
    projected = Event.objects.known_on(D(2025, 4, 17)).get(pk=first.pk)
    assert {p.slug for p in projected.participants.all()} == {"ryosei-akazawa", "scott-bessent"}


def test_past_view_of_an_event_fetched_without_prefetch_leaves_out_later_links(first):
    event = Event.objects.known_on(D(2025, 5, 2)).get(pk=first.pk)
    assert [c.code for c in event.jurisdictions.all()] == ["JP", "US"]
    today = Event.objects.get(pk=first.pk)
    assert [c.code for c in today.jurisdictions.all()] == ["JP", "KR", "US"]


def test_past_view_streamed_in_chunks_leaves_out_later_links(first):
    events = Event.objects.known_on(D(2025, 5, 2)).for_listing()
    [talks] = [e for e in events.iterator(chunk_size=2) if e.pk == first.pk]
    assert "KR" not in {c.code for c in talks.jurisdictions.all()}
