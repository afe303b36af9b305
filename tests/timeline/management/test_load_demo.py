from __future__ import annotations

import json

import pytest
from auditlog.models import LogEntry
from django.core.management import call_command

from articles.services.decisions import (
    DEMO_DIR,
    demo_articles,
    event_fingerprint,
    events_of,
    read_decisions,
)
from timeline.management.commands import load_demo
from timeline.models import Event

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

TEAM_ARTICLE = DEMO_DIR / "09_china_kuala_lumpur_busan.txt"  # written by the team


@pytest.fixture
def small_demo(tmp_path, monkeypatch):
    """The demo cut down to one team-written article, with its decisions in a scratch file."""
    (tmp_path / TEAM_ARTICLE.name).write_bytes(TEAM_ARTICLE.read_bytes())
    decisions = tmp_path / "decisions.json"
    decisions.write_text("[]")
    monkeypatch.setattr(load_demo, "DEMO_DIR", tmp_path)
    monkeypatch.setattr(load_demo, "DECISIONS_FILE", decisions)
    return decisions


def write_decisions(path, marked: dict[Event, str]) -> None:
    path.write_text(
        json.dumps(
            [
                {
                    "fingerprint": event_fingerprint(event),
                    "decision": decision,
                    "article": TEAM_ARTICLE.name,
                    "summary": event.title,
                    "why": "test",
                }
                for event, decision in marked.items()
            ]
        )
    )


def states() -> dict[int, str]:
    return dict(Event.objects.values_list("pk", "review_state"))


def test_load_demo_approves_nothing_without_a_decision(small_demo):
    call_command("load_demo", verbosity=0)
    assert Event.objects.exists()
    assert set(states().values()) == {Event.ReviewState.PROPOSED}


def test_load_demo_approves_exactly_the_events_marked_approve(small_demo):
    call_command("load_demo", verbosity=0)
    events = list(events_of(list(demo_articles(load_demo.DEMO_DIR).values())).order_by("pk"))
    assert len(events) >= 4
    approve, reject = events[:2], events[2]
    write_decisions(small_demo, {approve[0]: "approve", approve[1]: "approve", reject: "reject"})
    call_command("load_demo", verbosity=0)
    assert set(Event.objects.approved().values_list("pk", flat=True)) == {e.pk for e in approve}
    assert list(Event.objects.filter(review_state="rejected").values_list("pk", flat=True)) == [
        reject.pk
    ]
    assert Event.objects.proposed().count() == len(events) - 3


def test_load_demo_twice_changes_nothing(small_demo):
    call_command("load_demo", verbosity=0)
    first = Event.objects.order_by("pk").first()
    write_decisions(small_demo, {first: "approve"})
    call_command("load_demo", verbosity=0)
    before, log = states(), LogEntry.objects.count()
    call_command("load_demo", verbosity=0)
    assert states() == before
    assert LogEntry.objects.count() == log


def test_load_demo_shows_no_known_wrong_event_as_approved():
    call_command("load_demo", verbosity=0)
    approved = Event.objects.approved()
    assert approved.exists()
    # The examples: a threat "off the table", "since 2019", "through 2028", a tariff
    # "imposed" on the day it was suspended, and a venue counted as a party.
    assert not approved.filter(tariff__rate_percent=100).exists()
    assert not approved.filter(date_start__year__in=[2019, 2028]).exists()
    assert not approved.filter(tariff__rate_percent=24, tariff__action="imposed").exists()
    assert not approved.filter(jurisdictions__name="Sweden").exists()
    marked = {f for f, d in read_decisions().items() if d.decision == "approve"}
    events = events_of(list(demo_articles().values())).filter(pk__in=approved)
    assert {event_fingerprint(event) for event in events} <= marked


def test_load_demo_decides_every_event_of_the_seed():
    call_command("load_demo", verbosity=0)
    seed = demo_articles()["00_kyodo_japan_us_talks.txt"]
    decisions = read_decisions()
    events = events_of([seed])
    assert events.count() >= 8
    assert all(event_fingerprint(event) in decisions for event in events)
    assert not events.filter(review_state=Event.ReviewState.PROPOSED).exists()
