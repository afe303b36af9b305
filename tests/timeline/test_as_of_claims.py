"""A past view shows each event as its latest claim up to the day, on every surface: exports,
feeds, the API, the negotiation index. The plan held later is a plan as of a day before the
report, with the date, title, place and rate then told."""

from __future__ import annotations

import csv
import datetime
import io
import re

import feedparser
import icalendar
import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import strip_tags

from tests.factories import ArticleFactory, EventFactory, EvidenceFactory, TariffMeasureFactory
from timeline.filters import TimelineEventFilter
from timeline.models import Event, Negotiation
from timeline.negotiations import attach_next_steps, overview

pytestmark = pytest.mark.django_db

D = datetime.date
BEFORE = "2025-05-01"  # the round is planned for mid-May
AFTER = "2025-05-25"  # it was held on 23 May, in Washington
PLANNED_TITLE = "Planned: Japan–United States talks"


@pytest.fixture
def raised_rate() -> Event:
    """A tariff on Japan told at 24% by an article of 3 April, at 25% by one of 10 April."""
    measure = TariffMeasureFactory(
        rate_percent=25, event__title="US tariff on Japan at 25%", event__date_start=D(2025, 4, 9)
    )
    for published, rate in ((D(2025, 4, 3), 24), (D(2025, 4, 10), 25)):
        EvidenceFactory(
            event=measure.event,
            article=ArticleFactory(published=published),
            claimed_status="happened",
            claimed_title=f"US tariff on Japan at {rate}%",
            claimed_rate_percent=rate,
        )
    return measure.event


def csv_rows(client, **params) -> list[dict]:
    response = client.get("/export/events.csv", params)
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(text)))


# Exports and feeds ---------------------------------------------------------------------------


def test_csv_as_of_shows_the_plan_as_told_then(client, held_round):
    [row] = csv_rows(client, as_of=BEFORE)
    assert (row["status"], row["title"]) == ("planned", PLANNED_TITLE)
    assert (row["date_start"], row["date_end"], row["date_precision"]) == (
        "2025-05-11",
        "2025-05-20",
        "range",
    )
    assert row["meeting_location"] == ""  # Washington comes from the later article


def test_csv_as_of_after_the_report_shows_the_round_held(client, held_round):
    [row] = csv_rows(client, as_of=AFTER)
    assert (row["status"], row["date_start"], row["meeting_location"]) == (
        "happened",
        "2025-05-23",
        "Washington",
    )


def test_csv_as_of_shows_the_rate_told_then(client, raised_rate):
    [row] = csv_rows(client, as_of="2025-04-05")
    assert (row["tariff_rate_percent"], row["title"]) == ("24.00", "US tariff on Japan at 24%")
    [row] = csv_rows(client)
    assert (row["tariff_rate_percent"], row["title"]) == ("25.00", "US tariff on Japan at 25%")


def test_ics_as_of_shows_the_plan_as_told_then(client, held_round):
    response = client.get("/export/events.ics", {"as_of": BEFORE})
    [entry] = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert str(entry["summary"]) == PLANNED_TITLE
    assert entry["dtstart"].dt == D(2025, 5, 11)
    assert entry["dtend"].dt == D(2025, 5, 21)
    assert "location" not in entry


def test_timelinejs_as_of_shows_the_plan_as_told_then(client, held_round):
    [slide] = client.get("/export/events.timelinejs.json", {"as_of": BEFORE}).json()["events"]
    assert slide["text"]["headline"] == PLANNED_TITLE
    assert slide["start_date"] == {"year": 2025, "month": 5, "day": 11}


def test_atom_feed_as_of_shows_the_plan_as_told_then(client, held_round):
    feed = feedparser.parse(client.get("/feeds/events.atom", {"as_of": BEFORE}).content)
    assert [entry.title for entry in feed.entries] == [PLANNED_TITLE]


def test_api_events_as_of_show_the_plan_as_told_then(client, held_round):
    [event] = client.get("/api/events", {"as_of": BEFORE}).json()["results"]
    assert (event["status"], event["title"], event["date"]["start"]) == (
        "planned",
        PLANNED_TITLE,
        "2025-05-11",
    )
    assert event["meeting"]["location"] == ""


def test_api_event_as_of_shows_the_rate_told_then(client, raised_rate):
    event = client.get(f"/api/events/{raised_rate.pk}", {"as_of": "2025-04-05"}).json()
    assert event["tariff"]["rate_percent"] == 24.0


def add_planned_rounds(count: int) -> None:
    """More rounds like `held_round`, each planned on 14 April and reported held on 24 May."""
    for _ in range(count):
        event = EvidenceFactory(
            article__published=D(2025, 4, 14),
            claimed_status="planned",
            claimed_date_start=D(2025, 5, 11),
            claimed_date_end=D(2025, 5, 20),
        ).event
        EvidenceFactory(
            event=event,
            article__published=D(2025, 5, 24),
            claimed_status="happened",
            claimed_date_start=D(2025, 5, 23),
            claimed_date_end=D(2025, 5, 23),
        )
        Event.objects.filter(pk=event.pk).update(
            status="happened", date_start=D(2025, 5, 23), date_end=D(2025, 5, 23)
        )


def count_queries(client, url: str, **params) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "url",
    [
        "/export/events.csv",
        "/export/events.ics",
        "/export/events.timelinejs.json",
        "/feeds/events.atom",
        "/api/events",
    ],
)
def test_exports_as_of_cost_the_same_whatever_the_number_of_events(client, held_round, url):
    add_planned_rounds(2)
    before = count_queries(client, url, as_of=BEFORE)
    add_planned_rounds(8)
    assert count_queries(client, url, as_of=BEFORE) == before


def test_csv_as_of_projects_every_event_streamed(client, held_round):
    add_planned_rounds(3)
    rows = csv_rows(client, as_of=BEFORE)
    assert {row["status"] for row in rows} == {"planned"}
    assert {row["date_start"] for row in rows} == {"2025-05-11"}


# The negotiation index -------------------------------------------------------------------------


def index_row(client, **params) -> str:
    response = client.get(reverse("timeline:negotiation-index"), params)
    assert response.status_code == 200
    [row] = [r for r in response.text.split("<tr>") if "japan-united-states" in r]
    return " ".join(strip_tags(row).split())


def test_negotiation_index_as_of_takes_a_plan_held_later_as_the_next_step(client, held_round):
    row = index_row(client, as_of=BEFORE)
    assert f"— {PLANNED_TITLE} mid-May 2025" in row  # no activity yet; the plan is next


def test_negotiation_index_as_of_after_the_report_counts_the_round_held(client, held_round):
    assert "23 May 2025 none scheduled" in index_row(client, as_of=AFTER)
    assert "23 May 2025 none scheduled" in index_row(client)


def test_api_negotiations_as_of_take_a_plan_held_later_as_the_next_step(client, held_round):
    [thread] = client.get("/api/negotiations", {"as_of": BEFORE}).json()["results"]
    assert thread["last_activity"] is None
    step = thread["next_step"]
    assert (step["id"], step["status"], step["title"]) == (held_round.pk, "planned", PLANNED_TITLE)
    assert step["date"]["start"] == "2025-05-11"


def test_country_page_as_of_shows_no_activity_reported_later(client, held_round):
    page = client.get(reverse("timeline:country-detail", args=["jp"]), {"as_of": BEFORE})
    assert "last active" not in page.text
    later = client.get(reverse("timeline:country-detail", args=["jp"]), {"as_of": AFTER})
    assert 'last active <time datetime="2025-05-23">' in later.text


@pytest.mark.parametrize("day", [D(2025, 4, 20), D(2025, 5, 1), D(2025, 5, 25)])
def test_negotiation_index_agrees_with_the_negotiation_page(held_round, day):
    visible = Event.objects.approved().known_on(day)
    [thread] = Negotiation.objects.with_activity(visible, day=day)
    attach_next_steps([thread], as_of=day)
    page = overview(thread, visible, day=day)
    assert thread.last_activity == page.last_activity
    assert thread.next_step == page.next_step
    if page.next_step:
        assert thread.next_step.status == page.next_step.status == "planned"


def test_claims_known_on_leave_an_editors_values(held_round):
    Event.objects.filter(pk=held_round.pk).update(edited_by_editor=True)
    [event] = Event.objects.with_claims_known_on(D(2025, 5, 1))
    assert (event.known_status, event.known_date_start) == ("happened", D(2025, 5, 23))


def test_claims_known_on_take_the_latest_claim_with_a_date(held_round):
    undated = ArticleFactory(published=D(2025, 4, 20))
    EvidenceFactory(event=held_round, article=undated, claimed_status="planned")
    [event] = Event.objects.with_claims_known_on(D(2025, 5, 1))
    assert (event.known_status, event.known_date_start, event.known_date_end) == (
        "planned",
        D(2025, 5, 11),
        D(2025, 5, 20),
    )


def test_negotiation_index_as_of_costs_the_same_whatever_the_number_of_threads(client, held_round):
    url = reverse("timeline:negotiation-index")
    before = count_queries(client, url, as_of=BEFORE)
    for n in range(5):
        other = Negotiation.objects.create(title=f"Thread {n}", slug=f"thread-{n}")
        EvidenceFactory(
            event__negotiation=other,
            event__status="planned",
            event__date_start=D(2025, 5, n + 10),
            article__published=D(2025, 4, 1),
        )
    assert count_queries(client, url, as_of=BEFORE) == before


# Filters and order ----------------------------------------------------------------------------


@pytest.fixture
def mid_may_statement(held_round) -> Event:
    """An event of 15 May, reported on 20 April: after the round as planned, before it held."""
    statement = EventFactory(date_start=D(2025, 5, 15), title="Mid-May statement")
    EvidenceFactory(event=statement, article__published=D(2025, 4, 20), claimed_status="happened")
    return statement


def timeline_ids(client, **params) -> list[int]:
    """The events the timeline's results list, in order (its htmx fragment)."""
    response = client.get(reverse("timeline:index"), params, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    return list(
        dict.fromkeys(int(pk) for pk in re.findall(r'hx-get="/events/(\d+)/', response.text))
    )


def api_ids(client, **params) -> list[int]:
    response = client.get("/api/events", params)
    assert response.status_code == 200
    return [event["id"] for event in response.json()["results"]]


@pytest.mark.parametrize("listed", [timeline_ids, api_ids])
def test_status_filter_as_of_reads_the_status_known_then(client, held_round, listed):
    assert listed(client, as_of=BEFORE, status="planned") == [held_round.pk]
    assert listed(client, as_of=BEFORE, status="happened") == []


def test_status_filter_as_of_after_the_report_reads_the_round_held(client, held_round):
    assert timeline_ids(client, as_of=AFTER, status="happened") == [held_round.pk]
    assert timeline_ids(client, as_of=AFTER, status="planned") == []


def test_csv_status_filter_as_of_reads_the_status_known_then(client, held_round):
    assert [row["status"] for row in csv_rows(client, as_of=BEFORE, status="planned")] == [
        "planned"
    ]
    assert csv_rows(client, as_of=BEFORE, status="happened") == []


@pytest.mark.parametrize("listed", [timeline_ids, api_ids])
def test_date_filters_as_of_read_the_planned_dates(client, held_round, listed):
    assert listed(client, **{"as_of": BEFORE, "from": "2025-05-19", "to": "2025-05-19"}) == [
        held_round.pk
    ]
    assert listed(client, **{"as_of": BEFORE, "from": "2025-05-23", "to": "2025-05-23"}) == []


@pytest.mark.parametrize("listed", [timeline_ids, api_ids])
def test_timeline_order_as_of_follows_the_dates_known_then(client, mid_may_statement, listed):
    statement, held = mid_may_statement.pk, Event.objects.exclude(pk=mid_may_statement.pk).get().pk
    assert listed(client, as_of=BEFORE) == [held, statement]  # planned from 11 May
    assert listed(client, as_of=AFTER) == [statement, held]  # held on 23 May


def test_timeline_newest_first_as_of_follows_the_dates_known_then(client, mid_may_statement):
    held = Event.objects.exclude(pk=mid_may_statement.pk).get().pk
    assert timeline_ids(client, as_of=BEFORE, order="newest") == [mid_may_statement.pk, held]


@pytest.mark.parametrize("listed", [timeline_ids, api_ids])
def test_filters_and_order_today_read_the_stored_values(client, mid_may_statement, listed):
    held = Event.objects.exclude(pk=mid_may_statement.pk).get().pk
    assert listed(client, status="happened") == [mid_may_statement.pk, held]
    assert listed(client, status="planned") == []
    assert listed(client, **{"from": "2025-05-23", "to": "2025-05-23"}) == [held]


def test_filters_today_query_no_claims(held_round):
    params = QueryDict("status=happened&from=2025-05-01&to=2025-05-31")
    events = TimelineEventFilter(params, queryset=Event.objects.all()).qs.in_timeline_order()
    assert "known_" not in str(events.query)


@pytest.mark.parametrize("url", ["/", "/api/events"])
def test_filters_as_of_cost_the_same_whatever_the_number_of_events(client, held_round, url):
    params = {"as_of": BEFORE, "status": "planned", "from": "2025-05-01", "to": "2025-05-31"}
    add_planned_rounds(2)
    before = count_queries(client, url, **params)
    add_planned_rounds(8)
    assert count_queries(client, url, **params) == before
