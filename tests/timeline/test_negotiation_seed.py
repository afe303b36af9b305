"""The issue's "done when", through the real pipeline: the seed alone makes the Japan–United
States thread with its rounds; with the demo articles, each past day shows what was known."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from articles.services import ingest_bytes
from tests.conftest import ROOT
from timeline.claims import reported_history
from timeline.models import Event, Negotiation
from timeline.negotiations import overview

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

D = datetime.date
DEMO = ROOT / "articles" / "demo"


def ingest(*paths: Path) -> None:
    for path in paths:
        assert ingest_bytes(path.read_bytes(), source_name=path.name).status == "created"


def rounds_as_of(day: datetime.date) -> list[tuple]:
    thread = Negotiation.objects.get(slug="japan-united-states")
    events = Event.objects.visible(include_unreviewed=True).known_on(day)
    return [
        (r.number, r.inferred, r.event.status, r.event.date_start)
        for r in overview(thread, events, day=day).rounds
    ]


def test_seed_alone_gives_the_japan_us_thread_with_two_rounds_and_a_planned_third(seed_bytes):
    assert ingest_bytes(seed_bytes, source_name="seed.txt").status == "created"
    thread = Negotiation.objects.get(slug="japan-united-states")
    assert thread.title == "Japan–United States"
    assert {p.code for p in thread.parties.all()} == {"JP", "US"}
    assert rounds_as_of(D(2025, 5, 1)) == [
        (1, True, "happened", D(2025, 4, 16)),
        (2, True, "happened", D(2025, 5, 1)),
        (3, True, "planned", D(2025, 5, 11)),  # "in or after mid-May"
    ]
    events = Event.objects.visible(include_unreviewed=True)
    view = overview(thread, events, day=D(2025, 5, 1))
    assert view.next_step.date_start == D(2025, 5, 11)
    assert view.deadline.day == D(2025, 7, 10)  # the 90-day pause ends "early July"
    assert thread.events.filter(kind="tariff_measure", tariff__action="paused").exists()


def test_demo_thread_as_known_on_each_day():
    ingest(*sorted(DEMO.glob("0[0-2]_*.txt")))  # 17 April, 1 May and 24 May
    # On 20 April: the first round; the second was then only hoped for "before the end of
    # April" (told on 17 April), a possible meeting, not yet a round of the thread. As the 1 May
    # article reports it held, the hope is the held round's earlier claim.
    assert rounds_as_of(D(2025, 4, 20)) == [(1, False, "happened", D(2025, 4, 16))]
    thread = Negotiation.objects.get(slug="japan-united-states")
    then = Event.objects.visible(include_unreviewed=True).known_on(D(2025, 4, 20))
    view = overview(thread, then, day=D(2025, 4, 20))
    assert view.next_step is None  # nothing was scheduled on 20 April
    assert view.possible_step.status == "speculative"  # the round hoped for, shown as such
    assert view.possible_step.date_end == D(2025, 4, 30)
    second = Event.objects.get(kind="meeting", date_start=D(2025, 5, 1))
    claims = reported_history(second, second.evidence.select_related("article"))
    assert [(r.published, r.evidence.claimed_status) for r in claims][:2] == [
        (D(2025, 4, 17), "speculative"),
        (D(2025, 5, 1), "happened"),
    ]
    assert rounds_as_of(D(2025, 5, 2)) == [
        (1, False, "happened", D(2025, 4, 16)),  # "Japan's first round of tariff negotiations"
        (2, False, "happened", D(2025, 5, 1)),  # the planned "second round", held
        (3, True, "planned", D(2025, 5, 11)),
    ]
    # The planned round and the third round held on 23 May are one event: its history keeps both.
    assert rounds_as_of(D(2025, 5, 25))[2] == (3, False, "happened", D(2025, 5, 23))
    third = Negotiation.objects.get(slug="japan-united-states").events.get(round_number=3)
    claims = reported_history(third, third.evidence.select_related("article"))
    assert [(r.published, r.evidence.claimed_status) for r in claims] == [
        (D(2025, 5, 1), "planned"),
        (D(2025, 5, 24), "happened"),
    ]
