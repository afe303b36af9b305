"""A past view shows each event as its latest claim up to the day, on every surface: exports,
feeds, the API, the negotiation index. The plan held later is a plan as of a day before the
report, with the date, title, place and rate then told."""

from __future__ import annotations

import csv
import datetime
import io

import feedparser
import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ArticleFactory, EvidenceFactory, TariffMeasureFactory
from timeline.models import Event

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
