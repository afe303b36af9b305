"""Filing events under negotiation threads, stated rounds, and the editors' merge and split.

Stored through `store_extraction` with hand-made extracted events (no NLP: fast); the real
pipeline on the seed is in tests/timeline/test_negotiation_seed.py.
"""

from __future__ import annotations

import datetime

import pytest
from auditlog.models import LogEntry

from articles.extraction.dates import ResolvedDate
from articles.extraction.types import EvidenceSpan, ExtractedEvent, ExtractedTariff
from articles.services.events import store_extraction
from articles.services.negotiations import (
    merge_negotiations,
    split_negotiation,
    stated_round,
)
from tests.factories import ArticleFactory, EventFactory
from timeline.models import Event, Jurisdiction, Negotiation

pytestmark = pytest.mark.django_db

D = datetime.date


def day(date: datetime.date) -> ResolvedDate:
    return ResolvedDate(date, date, "day", date.isoformat(), date.isoformat())


def extracted(kind: str = "meeting", *, countries=("Japan", "United States"), **fields):
    sentence = fields.pop("sentence", "Akazawa met Bessent in Washington.")
    defaults = {
        "title": f"{kind} between {', '.join(countries)}",
        "date": day(D(2025, 5, 1)),
        "status": "happened",
        "countries": tuple(countries),
        "evidence": (EvidenceSpan(sentence, 0, len(sentence)),),
    }
    return ExtractedEvent(type=kind, **(defaults | fields))


def store(*items: ExtractedEvent, published: datetime.date | None = None):
    article = ArticleFactory(published=published or D(2025, 5, 1))
    store_extraction(article, list(items))
    return article


def thread(slug: str) -> Negotiation:
    return Negotiation.objects.get(slug=slug)


def country(code: str) -> Jurisdiction:
    return Jurisdiction.objects.get(code=code)


def test_assign_meeting_between_two_countries_creates_the_thread():
    store(extracted())
    negotiation = thread("japan-united-states")
    assert negotiation.title == "Japan–United States"
    assert {p.code for p in negotiation.parties.all()} == {"JP", "US"}
    assert Event.objects.get().negotiation == negotiation


def test_assign_every_filed_kind_to_the_same_thread():
    store(
        extracted("meeting"),
        extracted("agreement", date=day(D(2025, 6, 1))),
        extracted("statement", date=day(D(2025, 5, 2))),
        extracted("deadline", date=day(D(2025, 7, 9))),
    )
    assert Negotiation.objects.count() == 1
    assert set(Event.objects.values_list("negotiation__slug", flat=True)) == {"japan-united-states"}


def test_assign_tariff_by_imposer_and_target_not_by_countries_named():
    tariff = ExtractedTariff(24.0, "United States", "Japan", action="paused")
    store(extracted("tariff_measure", countries=("United States",), tariff=tariff))
    assert Event.objects.get().negotiation == thread("japan-united-states")


def test_assign_universal_tariff_and_one_country_statement_to_no_thread():
    universal = ExtractedTariff(10.0, "United States", None, applies_to_all=True)
    store(
        extracted("tariff_measure", countries=("United States", "Japan"), tariff=universal),
        extracted("statement", countries=("Japan",)),
        extracted("announcement", date=day(D(2025, 5, 3))),
    )
    assert not Negotiation.objects.exists()
    assert not Event.objects.filter(negotiation__isnull=False).exists()


TRILATERAL = ("Japan", "United States", "South Korea")


def test_assign_exactly_the_set_of_parties():
    store(extracted(), extracted(countries=TRILATERAL, date=day(D(2025, 5, 20))))
    assert sorted(Event.objects.values_list("negotiation__slug", flat=True)) == [
        "japan-south-korea-united-states",
        "japan-united-states",
    ]


def test_assign_event_gaining_a_party_moves_to_the_larger_thread():
    store(extracted())
    store(extracted(countries=TRILATERAL), published=D(2025, 5, 2))  # the same meeting
    event = Event.objects.get()
    assert event.negotiation.slug == "japan-south-korea-united-states"


def test_assign_never_moves_an_event_an_editor_touched():
    elsewhere = Negotiation.objects.create(title="Tokyo track", slug="tokyo-track")
    store(extracted())
    event = Event.objects.get()
    event.negotiation = elsewhere
    event.edited_by_editor = True
    event.save()
    store(extracted(), published=D(2025, 5, 2))  # told again: merged into the same event
    event.refresh_from_db()
    assert event.negotiation == elsewhere
    assert event.evidence.count() == 2


def test_assign_twice_reuses_the_thread():
    article = store(extracted())
    store_extraction(article, [extracted()])
    assert Negotiation.objects.count() == 1
    assert Event.objects.get().negotiation.slug == "japan-united-states"


def test_assign_new_thread_takes_a_free_slug():
    Negotiation.objects.create(title="Renamed", slug="japan-united-states")  # no parties
    store(extracted())
    assert Event.objects.get().negotiation.slug == "japan-united-states-2"


def test_stated_round_recorded_from_the_evidence():
    store(extracted(sentence="Akazawa held a third round of talks in Washington on Friday."))
    assert Event.objects.get().round_number == 3


def test_stated_round_left_empty_when_the_text_states_none():
    store(extracted())
    assert Event.objects.get().round_number is None


def test_stated_round_sentences_disagreeing_give_none():
    assert stated_round(["the third round", "a fourth round"]) is None
    assert stated_round(["the third round", "no number here"]) == 3


def two_threads():
    store(extracted(), extracted(countries=TRILATERAL, date=day(D(2025, 5, 20))))
    return thread("japan-united-states"), thread("japan-south-korea-united-states")


def test_merge_moves_events_deletes_the_others_and_audits_each_move():
    bilateral, trilateral = two_threads()
    moved_event = trilateral.events.get()
    assert merge_negotiations(bilateral, [trilateral]) == 1
    assert not Negotiation.objects.filter(pk=trilateral.pk).exists()
    moved_event.refresh_from_db()
    assert moved_event.negotiation == bilateral
    entry = LogEntry.objects.get_for_object(moved_event).filter(action=LogEntry.Action.UPDATE)
    assert any("negotiation" in e.changes_dict for e in entry)


def test_merge_pins_events_whose_parties_differ_from_the_target():
    bilateral, trilateral = two_threads()
    merge_negotiations(bilateral, [trilateral])
    pinned = Event.objects.get(jurisdictions=country("KR"))
    assert pinned.edited_by_editor  # re-extraction would file it back otherwise
    assert not Event.objects.exclude(pk=pinned.pk).get().edited_by_editor


def test_split_makes_a_thread_with_the_same_parties():
    store(extracted(), extracted(date=day(D(2025, 5, 20))))
    source = thread("japan-united-states")
    later = Event.objects.get(date_start=D(2025, 5, 20))
    new = split_negotiation([later], title="Japan–United States: shipbuilding")
    assert new.slug == "japan-united-states-shipbuilding"
    assert {p.code for p in new.parties.all()} == {"JP", "US"}
    later.refresh_from_db()
    assert later.negotiation == new and later.edited_by_editor
    assert source.events.count() == 1


def test_split_refuses_events_of_different_threads():
    two_threads()
    with pytest.raises(ValueError, match="one and the same thread"):
        split_negotiation(Event.objects.all(), title="Mixed")
    with pytest.raises(ValueError):
        split_negotiation([EventFactory()], title="No thread")
