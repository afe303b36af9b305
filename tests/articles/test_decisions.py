from __future__ import annotations

import datetime
import json

import pytest
from auditlog.models import LogEntry

from articles.services.decisions import (
    Decision,
    apply_decisions,
    event_fingerprint,
    events_of,
    read_decisions,
)
from tests.factories import ArticleFactory, EventFactory, EvidenceFactory, TariffMeasureFactory
from timeline.models import Event, Jurisdiction, TariffMeasure

pytestmark = pytest.mark.django_db


def proposed_event(article=None, **fields) -> Event:
    event = EventFactory(review_state=Event.ReviewState.PROPOSED, **fields)
    EvidenceFactory(event=event, article=article or ArticleFactory())
    return event


def fresh(event: Event) -> Event:
    return events_of([event.evidence.get().article]).get(pk=event.pk)


def decide(event: Event, decision: str) -> Decision:
    return Decision(event_fingerprint(fresh(event)), decision, "test.txt", "a test event", "test")


def test_event_fingerprint_is_stable_across_loads():
    event = proposed_event()
    event.jurisdictions.add(*Jurisdiction.objects.filter(code__in=["US", "JP"]))
    assert event_fingerprint(fresh(event)) == event_fingerprint(fresh(event))
    assert len(event_fingerprint(event)) == 40


@pytest.mark.parametrize(
    "change",
    [
        {"kind": Event.Kind.AGREEMENT},
        {"title": "Akazawa meets Trump"},
        {"date_start": datetime.date(2025, 4, 9)},
        {"date_end": datetime.date(2025, 4, 30)},
        {"status": Event.Status.PLANNED},
    ],
)
def test_event_fingerprint_changes_with_the_event(change):
    event = proposed_event()
    before = event_fingerprint(fresh(event))
    Event.objects.filter(pk=event.pk).update(**change)
    assert event_fingerprint(fresh(event)) != before


def test_event_fingerprint_changes_with_a_country():
    event = proposed_event()
    before = event_fingerprint(fresh(event))
    event.jurisdictions.add(Jurisdiction.objects.get(code="SE"))
    assert event_fingerprint(fresh(event)) != before


def test_event_fingerprint_changes_with_another_evidence_sentence():
    event = proposed_event()
    before = event_fingerprint(fresh(event))
    article = event.evidence.get().article
    EvidenceFactory(event=event, article=article, start_char=50, end_char=60)
    assert event_fingerprint(events_of([article]).get()) != before


def test_event_fingerprint_changes_with_the_article():
    event, other = proposed_event(), proposed_event()
    assert event_fingerprint(fresh(event)) != event_fingerprint(fresh(other))


@pytest.mark.parametrize(
    "change",
    [
        {"rate_percent": 10},
        {"action": TariffMeasure.Action.PAUSED},
        {"target": None, "applies_to_all": True},
        {"imposing_id": None},
    ],
)
def test_event_fingerprint_changes_with_the_tariff(change):
    event = proposed_event(kind=Event.Kind.TARIFF_MEASURE)
    TariffMeasureFactory(event=event)
    before = event_fingerprint(fresh(event))
    TariffMeasure.objects.filter(event=event).update(**change)
    assert event_fingerprint(fresh(event)) != before


def test_read_decisions_refuses_an_unknown_decision(tmp_path):
    path = tmp_path / "decisions.json"
    entry = {"fingerprint": "ab", "decision": "maybe", "article": "a.txt", "summary": "", "why": ""}
    path.write_text(json.dumps([entry]))
    with pytest.raises(ValueError, match="approve or reject"):
        read_decisions(path)


def test_apply_decisions_approves_only_what_is_marked_approve():
    article = ArticleFactory()
    good, bad, _ = (
        proposed_event(article, title=title, date_start=datetime.date(2025, 4, day))
        for day, title in [(1, "good"), (2, "bad"), (3, "unknown")]
    )
    decisions = {d.fingerprint: d for d in [decide(good, "approve"), decide(bad, "reject")]}
    result = apply_decisions(events_of([article]), decisions=decisions)
    states = dict(Event.objects.values_list("title", "review_state"))
    assert states == {"good": "approved", "bad": "rejected", "unknown": "proposed"}
    assert (result.approved, result.rejected, result.undecided) == (1, 1, 1)


def test_apply_decisions_twice_changes_nothing():
    article = ArticleFactory()
    event = proposed_event(article)
    decisions = {decide(event, "approve").fingerprint: decide(event, "approve")}
    apply_decisions(events_of([article]), decisions=decisions)
    again = apply_decisions(events_of([article]), decisions=decisions)
    assert (again.approved, again.rejected, again.unchanged) == (0, 0, 1)


def test_apply_decisions_is_recorded_in_the_audit_log():
    event = proposed_event()
    decision = decide(event, "reject")
    apply_decisions(
        events_of([event.evidence.get().article]), decisions={decision.fingerprint: decision}
    )
    entry = LogEntry.objects.get_for_object(event).filter(action=LogEntry.Action.UPDATE).get()
    assert entry.changes_dict["review_state"] == ["proposed", "rejected"]


def test_apply_decisions_never_approves_an_event_an_editor_rejected():
    event = proposed_event()
    decision = decide(event, "approve")
    event.reject()
    apply_decisions(
        events_of([event.evidence.get().article]), decisions={decision.fingerprint: decision}
    )
    event.refresh_from_db()
    assert event.review_state == Event.ReviewState.REJECTED


def test_apply_decisions_withdraws_the_approval_of_a_known_wrong_event():
    event = proposed_event()
    decision = decide(event, "reject")
    event.approve()
    apply_decisions(
        events_of([event.evidence.get().article]), decisions={decision.fingerprint: decision}
    )
    event.refresh_from_db()
    assert event.review_state == Event.ReviewState.REJECTED
