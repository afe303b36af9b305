"""The issue's "done when", through the real pipeline and team-written articles: a later
article reporting the planned third round held (called off, moved) turns the planned round into
that, one event with both claims in its history."""

from __future__ import annotations

import datetime

import pytest

from articles.services import ingest_bytes
from tests.conftest import ROOT
from timeline.claims import reported_history
from timeline.models import Event

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

D = datetime.date
ARTICLES = ROOT / "tests" / "data" / "claims"


def ingest(*names: str) -> None:
    for name in names:
        path = ARTICLES / name
        assert ingest_bytes(path.read_bytes(), source_name=path.name).status == "created"


def the_round() -> Event:
    return Event.objects.get(kind="meeting", jurisdictions__code="IN")


def history(event: Event) -> list[str]:
    claims = reported_history(event, event.evidence.select_related("article"))
    return [f"{r.published:%d %b}: {r.text}" for r in claims]


def test_planned_round_then_held_is_one_happened_event_with_both_claims():
    ingest("01_third_round_planned.txt", "04_third_round_held.txt")
    event = the_round()
    assert (event.status, event.date_start, event.round_number) == ("happened", D(2025, 4, 25), 3)
    assert event.meeting.location == "New Delhi"
    assert history(event) == [
        "10 Mar: planned for late Apr 2025",
        "26 Apr: held on 25 Apr 2025 in New Delhi",
    ]


def test_planned_round_then_called_off_is_one_cancelled_event():
    ingest("01_third_round_planned.txt", "03_third_round_called_off.txt")
    event = the_round()
    assert (event.status, event.date_start) == ("cancelled", D(2025, 4, 21))
    assert history(event)[-1] == "22 Apr: called off (it was planned for late Apr 2025)"


def test_planned_round_then_moved_is_one_planned_event_with_the_new_date():
    ingest("01_third_round_planned.txt", "02_third_round_moved.txt")
    event = the_round()
    assert (event.status, event.date_start) == ("planned", D(2025, 5, 12))
    assert history(event) == [
        "10 Mar: planned for late Apr 2025",
        "18 Apr: postponed to 12 May 2025 in Washington",
    ]


def test_planned_round_as_known_before_it_was_held():
    ingest("01_third_round_planned.txt", "04_third_round_held.txt")
    before = Event.objects.known_on(D(2025, 4, 1)).get(kind="meeting", jurisdictions__code="IN")
    assert (before.status, before.date_start, before.date_end) == (
        "planned",
        D(2025, 4, 21),
        D(2025, 4, 30),
    )
