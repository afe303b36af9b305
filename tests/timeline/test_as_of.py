"""`?as_of=YYYY-MM-DD` on every surface: only what articles published by that day reported.

The rule tested everywhere: nothing from a later article leaks, neither an event first reported
later, nor a later article's sentence on an event known earlier, nor a person named only later.
"""

from __future__ import annotations

import datetime
import json
import xml.etree.ElementTree as ET

import feedparser
import icalendar
import pytest
from django.urls import reverse

from tests.factories import (
    ArticleFactory,
    EvidenceFactory,
    OfficialFactory,
    TariffMeasureFactory,
    reported,
)
from timeline.caching import normalized_query
from timeline.models import Event, Jurisdiction

pytestmark = pytest.mark.django_db

D = datetime.date
DAY = "2025-05-02"
HX = {"HTTP_HX_REQUEST": "true"}
LATER_SENTENCE = "Officials later said the first talks had gone well."
LATER_OUTLET = "Later Gazette"
LATER_PERSON = "Later Person"
EARLY = ["First talks", "Akazawa meets Bessent"]


@pytest.fixture
def past(japan_us) -> dict[str, Event]:
    """japan_us, plus a sentence on the first talks from an article of 24 May, and a person
    named only in the third round (reported on 24 May)."""
    first = Event.objects.get(title="First talks")
    third = Event.objects.get(title="Third round")
    later = ArticleFactory(
        published=D(2025, 5, 24), outlet=LATER_OUTLET, body=LATER_SENTENCE + " More."
    )
    EvidenceFactory(
        event=first, article=later, sentence=LATER_SENTENCE, end_char=len(LATER_SENTENCE)
    )
    person = OfficialFactory(full_name=LATER_PERSON, slug="later-person")
    third.participants.add(person)
    return {"first": first, "third": third, "person": person}


def assert_nothing_later(text: str) -> None:
    for later in ("Third round", LATER_SENTENCE, LATER_OUTLET, LATER_PERSON, "later-person"):
        assert later not in text, later


def assert_early(text: str) -> None:
    for title in EARLY:
        assert title in text, title


def get(client, url: str, **params):
    response = client.get(url, {"as_of": DAY, **params})
    assert response.status_code == 200, response.content[:500]
    return response


# Pages ---------------------------------------------------------------------------------------


def test_timeline_as_of_shows_only_what_was_reported_by_then(client, past):
    response = get(client, reverse("timeline:index"))
    assert_early(response.text)
    assert_nothing_later(response.text)  # the officials filter does not offer Later Person


def test_timeline_today_shows_everything(client, past):
    response = client.get(reverse("timeline:index"))
    assert "Third round" in response.text and LATER_PERSON in response.text
    assert "As known on" in response.text  # the form, but no past-view banner
    assert 'class="past-view"' not in response.text


def test_timeline_as_of_says_it_is_a_past_view_with_a_way_back(client, past):
    response = get(client, reverse("timeline:index"), country="JP")
    assert 'As known on <time datetime="2025-05-02">2 May 2025</time>' in response.text
    assert '<a href="/?country=JP">See today\'s view</a>' in response.text


def test_timeline_filter_form_carries_as_of(client, past):
    response = get(client, reverse("timeline:index"))
    form = response.text.split('<form id="filters"')[1].split("</form>")[0]
    assert '<input type="hidden" name="as_of" value="2025-05-02">' in form


def test_timeline_past_view_form_keeps_the_filters(client, past):
    response = get(client, reverse("timeline:index"), country="JP", q="talks")
    form = response.text.split('<form class="as-of"')[1].split("</form>")[0]
    assert 'name="country" value="JP"' in form and 'name="q" value="talks"' in form
    assert 'name="as_of" value="2025-05-02"' in form


def test_timeline_rows_link_to_the_past_view_of_each_event(client, past):
    response = get(client, reverse("timeline:index"))
    assert f'hx-get="/events/{past["first"].pk}/?as_of=2025-05-02"' in response.text
    assert '/officials/scott-bessent/?as_of=2025-05-02"' in response.text
    assert '/countries/jp/?as_of=2025-05-02"' in response.text


def test_timeline_htmx_results_as_of(client, past):
    response = client.get(reverse("timeline:index"), {"as_of": DAY}, **HX)
    assert "<html" not in response.text and 'class="past-view"' in response.text
    assert_early(response.text)
    assert_nothing_later(response.text)


def test_timeline_next_page_as_of(client, past):
    response = client.get(reverse("timeline:index"), {"as_of": DAY, "page": "1"}, **HX)
    assert_early(response.text)
    assert_nothing_later(response.text)


def test_timeline_exports_links_keep_as_of(client, past):
    response = get(client, reverse("timeline:index"))
    assert "/export/events.csv?as_of=2025-05-02" in response.text
    assert "/api/events?as_of=2025-05-02" in response.text


def test_event_page_as_of_leaves_out_later_evidence(client, past):
    response = get(client, past["first"].get_absolute_url())
    assert 'class="past-view"' in response.text
    assert_nothing_later(response.text)
    assert LATER_SENTENCE in client.get(past["first"].get_absolute_url()).text


def test_event_page_expanded_in_place_as_of(client, past):
    response = client.get(past["first"].get_absolute_url(), {"as_of": DAY}, **HX)
    assert "<html" not in response.text
    assert_nothing_later(response.text)


def test_event_page_of_an_event_reported_later_is_not_found(client, past):
    response = client.get(past["third"].get_absolute_url(), {"as_of": DAY})
    assert response.status_code == 404


def test_official_page_as_of_lists_only_events_reported_by_then(client, past):
    response = get(client, reverse("timeline:official-detail", args=["scott-bessent"]))
    assert 'class="past-view"' in response.text
    assert_early(response.text)
    assert_nothing_later(response.text)


def test_official_named_only_later_is_not_found_as_of(client, past):
    url = reverse("timeline:official-detail", args=[past["person"].slug])
    assert client.get(url).status_code == 200
    assert client.get(url, {"as_of": DAY}).status_code == 404


def test_country_page_as_of(client, past):
    response = get(client, reverse("timeline:country-detail", args=["jp"]))
    assert 'class="past-view"' in response.text
    assert_early(response.text)
    assert_nothing_later(response.text)
    assert "/negotiations/japan-united-states/?as_of=2025-05-02" in response.text


def test_country_page_htmx_next_page_as_of(client, past):
    url = reverse("timeline:country-detail", args=["jp"])
    response = client.get(url, {"as_of": DAY, "page": "1"}, **HX)
    assert_nothing_later(response.text)


def test_negotiation_page_as_of_leaves_out_later_people(client, past):
    response = get(client, reverse("timeline:negotiation-detail", args=["japan-united-states"]))
    assert_nothing_later(response.text)


@pytest.mark.parametrize(
    "name,args",
    [
        ("timeline:index", []),
        ("timeline:country-detail", ["jp"]),
        ("timeline:official-detail", ["scott-bessent"]),
        ("timeline:negotiation-index", []),
        ("timeline:negotiation-detail", ["japan-united-states"]),
    ],
)
@pytest.mark.parametrize("value", ["2025-13-01", "yesterday", "2025-5-1", "1746057600", "\x00"])
def test_pages_malformed_as_of_is_a_400_that_says_why(client, past, name, args, value):
    response = client.get(reverse(name, args=args), {"as_of": value})
    assert response.status_code == 400
    assert "as_of must be a day as YYYY-MM-DD" in response.text


def test_event_page_malformed_as_of_is_a_400(client, past):
    response = client.get(past["first"].get_absolute_url(), {"as_of": "2025-02-30"})
    assert response.status_code == 400


def test_page_cache_keeps_past_and_present_apart(client, past):
    today = client.get(reverse("timeline:index"))
    then = client.get(reverse("timeline:index"), {"as_of": DAY})
    again = client.get(reverse("timeline:index"))
    assert "Third round" in today.text and "Third round" not in then.text
    assert again.text == today.text


def test_normalized_query_includes_as_of(rf):
    assert normalized_query(rf.get("/", {"as_of": DAY, "country": "JP"})) == (
        "as_of=2025-05-02&country=JP"
    )


# Exports and feeds ---------------------------------------------------------------------------


def body(response) -> str:
    content = b"".join(response) if response.streaming else response.content
    return content.decode()


def test_csv_as_of(client, past):
    text = body(get(client, "/export/events.csv"))
    assert_early(text)
    assert_nothing_later(text)


def test_ics_as_of(client, past):
    response = get(client, "/export/events.ics")
    calendar = icalendar.Calendar.from_ical(response.content)
    summaries = {str(e["summary"]) for e in calendar.walk("VEVENT")}
    assert set(EARLY) <= summaries
    assert_nothing_later(response.content.decode().replace("\r\n ", ""))
    assert "as known on 2025-05-02" in str(calendar["x-wr-calname"])


def test_timelinejs_as_of(client, past):
    data = get(client, "/export/events.timelinejs.json").json()
    assert_early(json.dumps(data, ensure_ascii=False))
    assert_nothing_later(json.dumps(data, ensure_ascii=False))


def test_atom_feed_as_of(client, past):
    response = get(client, "/feeds/events.atom")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert set(EARLY) <= {entry.title for entry in feed.entries}
    assert_nothing_later(response.content.decode())


@pytest.mark.parametrize(
    "url",
    [
        "/export/events.csv",
        "/export/events.ics",
        "/export/events.timelinejs.json",
        "/feeds/events.atom",
        "/feeds/negotiations/japan-united-states.atom",
    ],
)
def test_exports_malformed_as_of_is_a_400(client, past, url):
    response = client.get(url, {"as_of": "2025-02-30"})
    assert response.status_code == 400
    assert "as_of must be a day as YYYY-MM-DD" in body(response)


# API -----------------------------------------------------------------------------------------


def test_api_events_as_of(client, past):
    response = get(client, "/api/events")
    titles = [event["title"] for event in response.json()["results"]]
    assert set(EARLY) <= set(titles)
    assert response.json()["count"] == len(titles)
    assert_nothing_later(response.text)


def test_api_events_next_link_keeps_as_of(client, past):
    data = get(client, "/api/events", limit="1").json()
    assert "as_of=2025-05-02" in data["next"]


def test_api_event_as_of(client, past):
    response = get(client, f"/api/events/{past['first'].pk}")
    assert len(response.json()["evidence"]) == 1
    assert_nothing_later(response.text)
    assert client.get(f"/api/events/{past['third'].pk}", {"as_of": DAY}).status_code == 404


def test_api_officials_as_of(client, past):
    response = get(client, "/api/officials")
    slugs = {person["slug"] for person in response.json()["results"]}
    assert {"scott-bessent", "ryosei-akazawa"} <= slugs
    assert_nothing_later(response.text)
    assert "later-person" in client.get("/api/officials").text


def test_api_countries_as_of(client, past):
    later = Jurisdiction.objects.get(code="KR")
    Event.objects.get(title="Third round").jurisdictions.add(later)
    codes = {c["code"] for c in get(client, "/api/countries", limit="500").json()["results"]}
    assert codes == {"JP", "US"}
    assert "KR" in client.get("/api/countries", {"limit": "500"}).text


def test_api_articles_as_of(client, past):
    response = get(client, "/api/articles", limit="500")
    published = [article["published"] for article in response.json()["results"]]
    assert published and max(published) <= DAY
    assert_nothing_later(response.text)
    later = past["first"].evidence.get(article__outlet=LATER_OUTLET).article
    assert client.get(f"/api/articles/{later.pk}", {"as_of": DAY}).status_code == 404


def test_api_official_as_of(client, past):
    person = get(client, "/api/officials/scott-bessent").json()
    assert person["url"] == "http://testserver/officials/scott-bessent/?as_of=2025-05-02"
    assert person["api_url"].endswith("/api/officials/scott-bessent?as_of=2025-05-02")
    assert person["events_url"].endswith("/api/events?official=scott-bessent&as_of=2025-05-02")
    assert client.get("/api/officials/later-person").status_code == 200
    assert client.get("/api/officials/later-person", {"as_of": DAY}).status_code == 404


def test_api_country_as_of(client, past):
    Event.objects.get(title="Third round").jurisdictions.add(Jurisdiction.objects.get(code="KR"))
    japan = get(client, "/api/countries/jp").json()
    assert japan["url"] == "http://testserver/countries/jp/?as_of=2025-05-02"
    assert japan["events_url"].endswith("/api/events?country=JP&as_of=2025-05-02")
    assert client.get("/api/countries/kr").status_code == 200
    assert client.get("/api/countries/kr", {"as_of": DAY}).status_code == 404  # as listed


def test_api_links_keep_as_of(client, past):
    [event] = get(client, "/api/events", q="First talks").json()["results"]
    assert event["url"].endswith(f"/events/{past['first'].pk}/?as_of=2025-05-02")
    assert event["api_url"].endswith(f"/api/events/{past['first'].pk}?as_of=2025-05-02")
    assert event["evidence"][0]["article"]["api_url"].endswith("?as_of=2025-05-02")
    [thread] = get(client, "/api/negotiations").json()["results"]
    assert thread["url"].endswith("/negotiations/japan-united-states/?as_of=2025-05-02")
    assert thread["next_step"]["api_url"].endswith("?as_of=2025-05-02")
    for person in get(client, "/api/officials").json()["results"]:
        assert person["url"].endswith("?as_of=2025-05-02")


def test_api_links_today_are_canonical(client, past):
    [event] = client.get("/api/events", {"q": "First talks"}).json()["results"]
    assert event["url"] == f"http://testserver/events/{past['first'].pk}/"
    person = client.get("/api/officials/scott-bessent").json()
    assert person["events_url"] == "http://testserver/api/events?official=scott-bessent"


def test_api_tariff_modifies_only_a_measure_reported_by_then(client, past):
    pause = Event.objects.get(title="United States pauses 24% tariff on Japan")
    imposed = TariffMeasureFactory(event__title="United States imposes 24% on Japan")
    reported(imposed.event, D(2025, 5, 20))  # the earlier measure, told only later
    pause.tariff.modifies = imposed.event
    pause.tariff.save()
    assert get(client, f"/api/events/{pause.pk}").json()["tariff"]["modifies"] is None
    [listed] = get(client, "/api/events", type="tariff_measure").json()["results"]
    assert listed["tariff"]["modifies"] is None
    today = client.get(f"/api/events/{pause.pk}").json()
    assert today["tariff"]["modifies"] == imposed.event.pk
    later = client.get(f"/api/events/{pause.pk}", {"as_of": "2025-05-20"}).json()
    assert later["tariff"]["modifies"] == imposed.event.pk


@pytest.mark.parametrize("url", ["/api/officials/{slug}", "/api/countries/{code}"])
def test_api_details_document_as_of(client, url):
    schema = client.get("/api/openapi.json").json()
    [as_of] = [p for p in schema["paths"][url]["get"]["parameters"] if p["name"] == "as_of"]
    assert "past view" in as_of["description"]


LISTINGS = [
    "/api/events",
    "/api/officials",
    "/api/countries",
    "/api/articles",
    "/api/negotiations",
]


@pytest.mark.parametrize("url", LISTINGS)
def test_api_listings_document_as_of(client, url):
    schema = client.get("/api/openapi.json").json()
    [as_of] = [p for p in schema["paths"][url]["get"]["parameters"] if p["name"] == "as_of"]
    assert "past view" in as_of["description"]
    assert as_of["schema"]["anyOf"][0]["format"] == "date"


@pytest.mark.parametrize("url", LISTINGS)
@pytest.mark.parametrize("value", ["2025-13-01", "1746057600", "tomorrow"])
def test_api_listings_malformed_as_of_is_a_422(client, url, value):
    response = client.get(url, {"as_of": value})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "as_of"]


# The negotiation's feed ----------------------------------------------------------------------

ATOM = "{http://www.w3.org/2005/Atom}"
FEED = "/feeds/negotiations/japan-united-states.atom"


def test_negotiation_feed_is_valid_atom(client, past):
    response = client.get(FEED)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    assert root.find(f"{ATOM}title").text == "Parley: Japan–United States"
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.link == "http://testserver/negotiations/japan-united-states/"


def test_negotiation_feed_lists_the_threads_approved_events_only(client, past):
    Event.objects.filter(title="Possible deal").update(review_state="proposed")
    other = EvidenceFactory(event__title="Another thread's talks").event
    titles = {entry.title for entry in feedparser.parse(client.get(FEED).content).entries}
    thread = set(Event.objects.filter(negotiation__slug="japan-united-states").approved())
    assert titles == {event.title for event in thread}
    assert "Possible deal" not in titles and other.title not in titles


def test_negotiation_feed_as_of(client, past):
    response = get(client, FEED)
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert set(EARLY) <= {entry.title for entry in feed.entries}
    assert_nothing_later(response.content.decode())
    assert feed.feed.link.endswith("/negotiations/japan-united-states/?as_of=2025-05-02")


def test_negotiation_feed_unknown_slug_is_404(client, db):
    assert client.get("/feeds/negotiations/nowhere.atom").status_code == 404


def test_negotiation_page_links_its_feed(client, past):
    response = client.get(reverse("timeline:negotiation-detail", args=["japan-united-states"]))
    head = response.text.split("</head>")[0]
    assert '<link rel="alternate" type="application/atom+xml"' in head
    assert f'href="{FEED}"' in head
