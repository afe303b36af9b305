from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse

from tests.factories import (
    ArticleFactory,
    EventFactory,
    EvidenceFactory,
    OfficialFactory,
    TariffMeasureFactory,
)
from timeline import views
from timeline.models import Event, Jurisdiction, Official

pytestmark = pytest.mark.django_db

D = datetime.date
HX = {"HTTP_HX_REQUEST": "true"}
INDEX = reverse("timeline:index")


def country(code: str) -> Jurisdiction:
    return Jurisdiction.objects.get(code=code)


def event_with(*codes: str, people: tuple[Official, ...] = (), **fields) -> Event:
    event = EventFactory(**fields)
    event.jurisdictions.set([country(code) for code in codes])
    event.participants.set(people)
    return event


def titles(response) -> list[str]:
    return re.findall(r'class="event-title"><a href="[^"]+"[^>]*>([^<]+)</a>', response.text)


# The timeline page


def test_index_full_page_has_form_results_and_htmx(client):
    event_with("JP", "US", title="Akazawa meets Bessent")
    response = client.get(INDEX)
    assert response.status_code == 200
    assert "<html" in response.text and '<form id="filters"' in response.text
    assert 'hx-push-url="true"' in response.text and 'hx-target="#event-list"' in response.text
    assert "htmx" in response.text.split("</head>")[0]
    assert titles(response) == ["Akazawa meets Bessent"]


def test_index_htmx_request_gets_only_the_results_and_an_oob_count(client):
    event_with("JP", title="Only one")
    response = client.get(INDEX, **HX)
    # the results carry the past-view form (it keeps the filters), never the filter form
    assert "<html" not in response.text and 'id="filters"' not in response.text
    assert response.text.lstrip().startswith('<div id="event-list"')
    assert 'id="result-count"' in response.text and 'hx-swap-oob="innerHTML"' in response.text
    assert "1 event<" in response.text
    assert "HX-Request" in response["Vary"]


def test_index_history_restore_gets_the_full_page(client):
    response = client.get(INDEX, HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true")
    assert "<html" in response.text


def test_index_orders_by_date_and_groups_by_month(client):
    EventFactory(title="Second", date_start=D(2025, 5, 2))
    EventFactory(title="First", date_start=D(2025, 4, 16))
    EventFactory(title="Third", date_start=D(2025, 5, 20))
    response = client.get(INDEX)
    assert titles(response) == ["First", "Second", "Third"]
    assert re.findall(r'class="month-heading">([^<]+)<', response.text) == [
        "April 2025",
        "May 2025",
    ]
    assert titles(client.get(INDEX, {"order": "newest"})) == ["Third", "Second", "First"]


def test_index_row_shows_precise_date_status_type_people_countries_and_tariff(client):
    bessent = Official.objects.get(slug="scott-bessent")
    event = event_with(
        "US",
        "JP",
        people=(bessent,),
        title="Talks planned",
        status=Event.Status.PLANNED,
        date_start=D(2025, 5, 11),
        date_end=D(2025, 5, 20),
        date_precision="range",
    )
    TariffMeasureFactory(event=EventFactory(title="Tariff", date_start=D(2025, 6, 1)))
    text = client.get(INDEX).text
    assert '<time datetime="2025-05">mid-May 2025</time>' in text
    assert 'class="status-badge status-planned">Planned<' in text
    assert "Meeting or call" in text
    assert f'href="{bessent.get_absolute_url()}">Scott Bessent</a>' in text
    assert f'href="{country("JP").get_absolute_url()}">Japan</a>' in text
    assert "Imposed 24% · United States on Japan" in text
    assert f'href="{event.get_absolute_url()}"' in text and 'hx-trigger="toggle once"' in text


def test_index_filters_by_country_all_chosen_countries(client):
    event_with("JP", "US", title="Japan and US")
    event_with("CN", "US", title="China and US")
    event_with("JP", title="Japan alone")
    assert titles(client.get(INDEX, {"country": "jp"}, **HX)) == ["Japan and US", "Japan alone"]
    assert titles(client.get(INDEX, {"country": ["JP", "US"]}, **HX)) == ["Japan and US"]


def test_index_filters_by_official_and_type_and_status_and_dates(client):
    greer = Official.objects.get(slug="jamieson-greer")
    event_with("US", people=(greer,), title="Greer", date_start=D(2025, 5, 10))
    EventFactory(title="Deal", kind=Event.Kind.AGREEMENT, date_start=D(2025, 7, 22))
    EventFactory(title="Maybe", status=Event.Status.SPECULATIVE, date_start=D(2025, 8, 1))
    assert titles(client.get(INDEX, {"official": "jamieson-greer"}, **HX)) == ["Greer"]
    assert titles(client.get(INDEX, {"type": "agreement"}, **HX)) == ["Deal"]
    assert titles(client.get(INDEX, {"status": "speculative"}, **HX)) == ["Maybe"]
    assert titles(client.get(INDEX, {"from": "2025-07-01", "to": "2025-07-31"}, **HX)) == ["Deal"]


def test_index_text_search_highlights_the_terms(client):
    EventFactory(title="Akazawa meets Bessent")
    EventFactory(title="Something else")
    response = client.get(INDEX, {"q": "akazawa"}, **HX)
    assert "<mark>Akazawa</mark> meets Bessent" in response.text
    assert "Something else" not in response.text


def test_index_search_lists_matches_in_date_order(client):
    EventFactory(title="Later", summary="Tariffs rise.", date_start=D(2025, 3, 1))  # ranked first
    earlier = EventFactory(title="Earlier", summary="", date_start=D(2025, 1, 1))
    EvidenceFactory(event=earlier, sentence="A tariff in the evidence.")
    assert titles(client.get(INDEX, {"q": "tariff"}, **HX)) == ["Earlier", "Later"]


@pytest.mark.parametrize(
    ("params", "shown"),
    [({"q": "tariff"}, "More than 2 events"), ({"q": "tariff", "type": "meeting"}, "2 events")],
)
def test_index_search_counts_matches_up_to_a_cap(client, monkeypatch, params, shown):
    monkeypatch.setattr(views, "SEARCH_COUNT_CAP", 2)
    for day in (1, 2):
        EventFactory(title=f"Tariff talks {day}", kind="meeting", date_start=D(2025, 1, day))
    EventFactory(title="Tariff measure", kind="tariff_measure", date_start=D(2025, 1, 3))
    EventFactory(title="Tariff, rejected", kind="meeting", review_state=Event.ReviewState.REJECTED)
    EventFactory(title="Something else", kind="meeting")
    text = client.get(INDEX, params).text
    assert re.search(rf">\s*{shown}[ ,<]", text)


def test_index_form_keeps_the_chosen_filters(client):
    event_with("JP", people=(Official.objects.get(slug="ryosei-akazawa"),))
    text = client.get(INDEX, {"country": "jp", "official": "ryosei-akazawa", "q": "x<y"}).text
    assert 'name="country" value="JP" checked' in text
    assert 'name="official" value="ryosei-akazawa" checked' in text
    assert 'value="x&lt;y"' in text


def test_index_empty_state_offers_ways_out(client):
    EventFactory(title="Exists", review_state=Event.ReviewState.PROPOSED)
    text = client.get(INDEX, {"q": "nothing-like-this", "country": "JP"}, **HX).text
    assert "No events match these filters." in text
    assert "Any country" in text and "Search without" in text
    assert "unreviewed=1" in text  # proposed events exist: offer to include them


@pytest.mark.parametrize(
    "params",
    [
        {"country": "ZZ"},
        {"country": "jpn"},
        {"country": ""},
        {"country": "'; DROP TABLE timeline_event; --"},
        {"official": "no-such-person"},
        {"official": "../../etc"},
        {"type": "war"},
        {"status": ["planned", "bogus"]},
        {"from": "2025-13-45"},
        {"from": "yesterday"},
        {"to": "99999-01-01"},
        {"from": "0000-00-00", "to": "-1"},
        {"q": "x" * 5000},
        {"q": "%_\\'\""},
        {"q": "\x00"},
        {"country": "\x00"},
        {"page": "abc"},
        {"page": "-1"},
        {"page": "99999999999999999999"},
        {"order": "sideways"},
        {"unreviewed": "maybe"},
        {"after": "<script>"},
        {"from_date": "nope", "to_date": "2025-01-01"},
    ],
)
def test_index_malformed_parameters_never_fail(client, params):
    EventFactory(title="Still here")
    full = client.get(INDEX, params)
    partial = client.get(INDEX, params, **HX)
    assert full.status_code == 200 and partial.status_code == 200
    assert "<script>" not in partial.text


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"country": "ZZ"}, "Country"),
        ({"from": "2025-13-45"}, "From"),
        ({"type": "war"}, "Type"),
    ],
)
def test_index_malformed_filters_are_reported_and_ignored(client, params, message):
    EventFactory(title="Shown anyway")
    response = client.get(INDEX, params, **HX)
    assert "were not understood" in response.text
    assert re.search(rf"<li>{message}: ", response.text)
    assert titles(response) == ["Shown anyway"]


def test_index_public_sees_approved_and_can_include_unreviewed(client):
    EventFactory(title="Approved")
    EventFactory(title="Proposed", review_state=Event.ReviewState.PROPOSED)
    EventFactory(title="Rejected", review_state=Event.ReviewState.REJECTED)
    assert titles(client.get(INDEX)) == ["Approved"]
    response = client.get(INDEX, {"unreviewed": "1"})
    assert titles(response) == ["Approved", "Proposed"]
    assert response.text.count("Unreviewed · machine-extracted") == 1
    assert 'value="approve"' not in response.text  # no review buttons for the public


def test_index_editor_sees_proposed_events_marked_with_review_controls(editor_client):
    proposed = EventFactory(title="Proposed", review_state=Event.ReviewState.PROPOSED)
    EventFactory(title="Rejected", review_state=Event.ReviewState.REJECTED)
    text = editor_client.get(INDEX).text
    assert "Proposed" in text and "Rejected" not in titles(editor_client.get(INDEX))
    assert reverse("timeline:event-review", args=[proposed.pk]) in text
    assert reverse("admin:timeline_event_change", args=[proposed.pk]) in text


# Paging


def test_index_pages_with_load_more_continuing_the_month(client, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    for day in (1, 2, 3):
        EventFactory(title=f"April {day}", date_start=D(2025, 4, day))
    first = client.get(INDEX)
    assert titles(first) == ["April 1", "April 2"]
    assert 'hx-get="?page=2&amp;after=2025-04"' in first.text
    more = client.get(INDEX, {"page": "2", "after": "2025-04"}, **HX)
    assert titles(more) == ["April 3"]
    assert 'id="event-list"' not in more.text and "Load more" not in more.text
    assert "April 2025 (continued)" in more.text and "autofocus" in more.text


def make_events(count: int) -> None:
    people = list(Official.objects.all()[:3])
    countries = [country("JP"), country("US")]
    for i in range(count):
        event = EventFactory(
            title=f"Tariff talks, round {i}", date_start=D(2025, 1, 1) + datetime.timedelta(days=i)
        )
        event.jurisdictions.set(countries)
        event.participants.set(people)
        if i % 3 == 0:
            TariffMeasureFactory(event=EventFactory(date_start=D(2025, 2, 1)))


@pytest.mark.parametrize("count", [3, 20])
@pytest.mark.parametrize("params", [{}, {"country": "JP"}, {"page": "2"}, {"q": "talks"}])
def test_index_partial_queries_do_not_grow_with_the_data(
    client, django_assert_num_queries, monkeypatch, count, params
):
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    make_events(count)
    # data version, count, page, countries and participants prefetches (+1: the country)
    with django_assert_num_queries(5 + ("country" in params)):
        client.get(INDEX, params, **HX)


@pytest.mark.parametrize("count", [3, 20])
def test_index_full_page_queries_do_not_grow_with_the_data(
    client, django_assert_num_queries, count
):
    make_events(count)
    with django_assert_num_queries(7):  # the partial's five + the form's countries and officials
        client.get(INDEX)


# An event


def test_event_page_shows_evidence_in_its_paragraph_and_the_date_explanation(client):
    article = ArticleFactory(
        outlet="Kyodo News",
        url="https://example.com/a",
        title="Talks progress",
        body="Intro line.\nTalks went well. Akazawa met Bessent on Thursday.\nOutro.",
    )
    start = article.body.index("Akazawa")
    event = EventFactory(
        title="Akazawa meets Bessent",
        date_text="Thursday",
        date_explanation="'Thursday' from 2025-05-01 -> day 2025-05-01",
        confidence=0.83,
    )
    EvidenceFactory(
        event=event,
        article=article,
        sentence="Akazawa met Bessent on Thursday.",
        start_char=start,
        end_char=start + 32,
    )
    text = client.get(event.get_absolute_url()).text
    assert "<html" in text and "<h1>Akazawa meets Bessent</h1>" in text
    assert "<p>Talks went well. <mark>Akazawa met Bessent on Thursday.</mark></p>" in text
    assert "Intro line." not in text
    assert "<cite>Kyodo News</cite>" in text and 'href="https://example.com/a"' in text
    assert "1 May 2025" in text
    assert "“Thursday”" in text and "-&gt; day 2025-05-01" in text
    assert "83% (machine extraction)" in text


def test_event_expansion_is_a_fragment_without_the_page(client):
    event = EvidenceFactory().event
    response = client.get(event.get_absolute_url(), **HX)
    assert response.text.lstrip().startswith(f'<div class="event-more" id="event-more-{event.pk}"')
    assert "<html" not in response.text and "<h4>Evidence</h4>" in response.text


def test_event_page_links_the_measure_it_modifies_and_the_same_negotiation(client):
    akazawa = Official.objects.get(slug="ryosei-akazawa")
    original = TariffMeasureFactory(event=EventFactory(title="24% imposed")).event
    pause = TariffMeasureFactory(
        event=EventFactory(title="24% paused", date_start=D(2025, 4, 20)), modifies=original
    ).event
    meeting = event_with("JP", "US", people=(akazawa,), title="Round one")
    event_with("JP", "US", people=(akazawa,), title="Round two", date_start=D(2025, 5, 1))
    event_with("JP", "US", title="A year later", date_start=D(2026, 5, 1))
    event_with("CN", title="Elsewhere")
    assert "Modifies: <a" in client.get(pause.get_absolute_url()).text
    assert "Modified by: <a" in client.get(original.get_absolute_url()).text
    text = client.get(meeting.get_absolute_url()).text
    assert "Round two" in text
    assert "A year later" not in text and "Elsewhere" not in text


def test_event_page_hides_rejected_events_from_the_public(client, editor):
    event = EventFactory(review_state=Event.ReviewState.REJECTED)
    assert client.get(event.get_absolute_url()).status_code == 404
    client.force_login(editor)
    assert client.get(event.get_absolute_url()).status_code == 200


def test_event_page_of_a_proposed_event_is_marked(client):
    event = EventFactory(review_state=Event.ReviewState.PROPOSED)
    assert "Unreviewed · machine-extracted" in client.get(event.get_absolute_url()).text


def test_event_page_unknown_id_is_404(client):
    assert client.get("/events/999999/").status_code == 404


# Officials and countries


def test_official_page_lists_roles_over_time_and_events(client):
    bessent = Official.objects.get(slug="scott-bessent")
    event_with("US", people=(bessent,), title="Bessent in Geneva")
    EventFactory(title="Without him")
    text = client.get(bessent.get_absolute_url()).text
    assert "Secretary of the Treasury" in text and '<time datetime="2025-01-28">' in text
    assert "Bessent in Geneva" in text and "Without him" not in text
    assert "?official=scott-bessent" in text


def test_official_page_load_more_gets_the_next_page(client, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 1)
    official = OfficialFactory()
    event_with(people=(official,), title="One", date_start=D(2025, 1, 1))
    event_with(people=(official,), title="Two", date_start=D(2025, 2, 1))
    response = client.get(official.get_absolute_url(), {"page": "2"}, **HX)
    assert titles(response) == ["Two"] and "<h1>" not in response.text


def test_country_page_shows_events_partners_and_the_tariff_chart(client):
    event_with("JP", "US", title="Japan-US talks")
    event_with("JP", "US", title="Japan-US deal")
    event_with("JP", "CA", title="Japan-Canada deal")
    TariffMeasureFactory(event=EventFactory(title="US tariff on Japan"))
    response = client.get("/countries/jp/")
    text = response.text
    assert "<h1>Japan</h1>" in text and "Japan-Canada deal" in text
    partners = re.findall(r"Japan and ([\w ]+)</a> <span class=\"count\">(\d+)", text)
    assert partners == [("United States", "2"), ("Canada", "1")]
    assert "?country=JP&amp;country=US" in text
    assert (
        '<svg class="step-chart chart-wide"' in text
        and "United States on Japan · all goods" in text
    )


def test_country_page_without_tariffs_says_so(client):
    event_with("FR", title="French statement")
    text = client.get("/countries/FR/").text
    assert "<svg" not in text and "No tariff measures" in text


def test_country_page_unknown_code_is_404(client):
    assert client.get("/countries/zz/").status_code == 404
    assert client.get("/countries/toolong/").status_code == 404


def test_timeline_links_to_exports_with_its_filters(client):
    EventFactory(title="Talks")
    response = client.get("/", {"country": "JP", "type": "meeting", "page": "2"})
    for url in (
        "/export/events.csv",
        "/export/events.ics",
        "/feeds/events.atom",
        "/export/events.timelinejs.json",
        "/api/events",
    ):
        assert f'href="{url}?country=JP&amp;type=meeting"' in response.text, url
