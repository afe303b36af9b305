"""Each article's claim kept on its evidence, and a planned round becoming the round held.

Stored through `store_extraction` with hand-made extracted events (no NLP: fast); the real
pipeline on team-written articles is in tests/timeline/test_claims_pipeline.py.
"""

from __future__ import annotations

import datetime

import pytest

from articles.extraction.dates import ResolvedDate
from articles.extraction.types import EvidenceSpan, ExtractedEvent, ExtractedTariff
from articles.services.events import store_extraction
from tests.factories import ArticleFactory
from timeline.claims import reported_history
from timeline.models import Event, Evidence

pytestmark = pytest.mark.django_db

D = datetime.date


def day(date: datetime.date) -> ResolvedDate:
    return ResolvedDate(date, date, "day", date.isoformat(), date.isoformat())


MID_MAY = ResolvedDate(D(2025, 5, 11), D(2025, 5, 20), "range", "mid-May", "11th-20th")


def meeting(status: str = "happened", *, date=None, sentence="The two sides met.", **fields):
    defaults = {
        "title": "Japan–United States talks",
        "date": date or day(D(2025, 5, 23)),
        "status": status,
        "countries": ("Japan", "United States"),
        "evidence": (EvidenceSpan(sentence, 0, len(sentence)),),
    }
    return ExtractedEvent(type="meeting", **(defaults | fields))


def store(*items: ExtractedEvent, published: datetime.date, outlet: str = "Kyodo News"):
    article = ArticleFactory(published=published, outlet=outlet)
    store_extraction(article, list(items))
    return article


def plan_mid_may(**fields) -> Event:
    store(meeting("planned", date=MID_MAY, **fields), published=D(2025, 4, 14))
    return Event.objects.get()


def history(event: Event) -> list[str]:
    evidence = event.evidence.select_related("article")
    return [
        f"{r.published:%d %b}: {r.text} ({r.outlet})" for r in reported_history(event, evidence)
    ]


def test_claim_recorded_on_the_evidence():
    tariff = ExtractedTariff(24.0, "United States", "Japan")
    store(
        ExtractedEvent(
            type="tariff_measure",
            title="United States imposes 24% tariff on Japan",
            date=day(D(2025, 4, 9)),
            status="happened",
            countries=("Japan", "United States"),
            tariff=tariff,
            evidence=(EvidenceSpan("A 24% tariff took effect.", 0, 25),),
        ),
        published=D(2025, 4, 10),
    )
    evidence = Evidence.objects.get()
    assert (
        evidence.claimed_status,
        evidence.claimed_date_start,
        evidence.claimed_rate_percent,
    ) == (
        "happened",
        D(2025, 4, 9),
        24,
    )


def test_plan_then_held_is_one_event_with_both_claims():
    plan = plan_mid_may()
    store(
        meeting(location="Washington", title="Akazawa meets Lutnick in Washington"),
        published=D(2025, 5, 24),
        outlet="Reuters",
    )
    event = Event.objects.get()
    assert event.pk == plan.pk
    assert (event.status, event.date_start, event.date_precision) == (
        "happened",
        D(2025, 5, 23),
        "day",
    )
    assert event.meeting.location == "Washington"
    assert event.title == "Akazawa meets Lutnick in Washington"
    assert history(event) == [
        "14 Apr: planned for mid-May 2025 (Kyodo News)",
        "24 May: held on 23 May 2025 in Washington (Reuters)",
    ]


def test_a_round_hoped_for_then_held_is_one_event_in_either_order():
    store(meeting("speculative", date=MID_MAY), published=D(2025, 4, 14))
    store(meeting(), published=D(2025, 5, 24), outlet="Reuters")
    event = Event.objects.get()
    assert (event.status, event.date_start) == ("happened", D(2025, 5, 23))
    assert history(event)[0].startswith("14 Apr: ")


def test_a_round_held_then_an_older_hope_for_it_is_one_event():
    store(meeting(), published=D(2025, 5, 24), outlet="Reuters")
    store(meeting("speculative", date=MID_MAY), published=D(2025, 4, 14))
    event = Event.objects.get()
    assert (event.status, event.date_start) == ("happened", D(2025, 5, 23))


def test_a_hope_does_not_move_a_plan():
    plan_mid_may()
    store(meeting("speculative", date=day(D(2025, 6, 2))), published=D(2025, 5, 1))
    assert sorted(Event.objects.values_list("status", flat=True)) == ["planned", "speculative"]


def test_plan_then_held_by_stated_round_number_far_from_the_plan():
    plan_mid_may(sentence="A third round is planned for mid-May.")
    store(
        meeting(date=day(D(2025, 6, 20)), sentence="The third round of talks was held."),
        published=D(2025, 6, 21),
    )
    event = Event.objects.get()
    assert (event.status, event.date_start, event.round_number) == ("happened", D(2025, 6, 20), 3)


def test_plan_and_held_round_with_different_numbers_stay_apart():
    plan_mid_may(sentence="A fourth round is planned for mid-May.")
    store(meeting(sentence="The third round of talks was held."), published=D(2025, 5, 24))
    assert sorted(Event.objects.values_list("status", flat=True)) == ["happened", "planned"]


def test_plan_then_held_far_outside_the_planned_period_stays_apart():
    plan_mid_may()
    store(meeting(date=day(D(2025, 7, 1))), published=D(2025, 7, 2))
    assert Event.objects.count() == 2


def test_plan_then_held_between_other_parties_stays_apart():
    plan_mid_may()
    store(meeting(countries=("China", "United States")), published=D(2025, 5, 24))
    assert Event.objects.count() == 2


def test_plan_then_cancelled_keeps_the_planned_date():
    plan = plan_mid_may()
    store(meeting("cancelled", date=day(D(2025, 5, 16))), published=D(2025, 5, 12))
    event = Event.objects.get()
    assert (event.pk, event.status) == (plan.pk, "cancelled")
    assert history(event)[-1] == "12 May: called off (it was planned for 16 May 2025) (Kyodo News)"


def test_plan_then_postponed_by_round_number_moves_the_date():
    plan_mid_may(sentence="The third round is set for mid-May.")
    store(
        meeting("planned", date=day(D(2025, 6, 6)), sentence="The third round will be on June 6."),
        published=D(2025, 5, 15),
        outlet="Reuters",
    )
    event = Event.objects.get()
    assert (event.status, event.date_start, event.date_end) == (
        "planned",
        D(2025, 6, 6),
        D(2025, 6, 6),
    )
    assert history(event) == [
        "14 Apr: planned for mid-May 2025 (Kyodo News)",
        "15 May: postponed to 6 Jun 2025 (Reuters)",
    ]


def test_plan_refined_to_a_day_inside_it_is_the_same_plan():
    plan_mid_may()
    store(meeting("planned", date=day(D(2025, 5, 16))), published=D(2025, 5, 2))
    assert Event.objects.get().date_start == D(2025, 5, 16)


def test_same_article_plan_and_meeting_stay_apart():
    # only a later article's report joins a plan (the seed plans one round and tells another)
    planned, held = meeting("planned", date=MID_MAY), meeting(date=day(D(2025, 5, 22)))
    store(planned, held, published=D(2025, 5, 25))
    assert Event.objects.count() == 2


def test_held_report_on_an_approved_plan_waits_for_review():
    plan = plan_mid_may()
    plan.approve()
    store(meeting(), published=D(2025, 5, 24))
    event = Event.objects.get()
    assert (event.status, event.date_start) == ("planned", D(2025, 5, 11))  # not yet reviewed
    assert event.evidence.filter(awaits_review=True).count() == 1
    event.approve()  # the editor approves the new evidence: the report is now the event's word
    event.refresh_from_db()
    assert (event.status, event.date_start) == ("happened", D(2025, 5, 23))


def test_editor_values_win_over_a_later_claim():
    plan = plan_mid_may()
    Event.objects.filter(pk=plan.pk).update(edited_by_editor=True, date_start=D(2025, 5, 14))
    store(meeting(), published=D(2025, 5, 24))
    event = Event.objects.get()
    assert (event.status, event.date_start) == ("planned", D(2025, 5, 14))
    assert len(history(event)) == 2  # the report is kept in the history all the same


def test_known_on_shows_each_event_as_claimed_by_then():
    plan_mid_may()
    store(meeting(), published=D(2025, 5, 24))
    before = Event.objects.known_on(D(2025, 5, 1)).get()
    after = Event.objects.known_on(D(2025, 5, 25)).get()
    assert (before.status, before.date_start) == ("planned", D(2025, 5, 11))
    assert (after.status, after.date_start) == ("happened", D(2025, 5, 23))


def test_store_twice_keeps_one_event_and_its_claims():
    plan_mid_may()
    article = store(meeting(), published=D(2025, 5, 24))
    store_extraction(article, [meeting()])
    event = Event.objects.get()
    assert (event.status, event.evidence.count()) == ("happened", 2)


def test_a_plan_told_by_an_older_article_ingested_after_the_holding_joins_it():
    store(
        meeting(title="Akazawa meets Lutnick in Washington"),
        published=D(2025, 5, 24),
        outlet="Reuters",
    )
    held = Event.objects.get()
    store(meeting("planned", date=MID_MAY), published=D(2025, 4, 14))  # arrives later
    event = Event.objects.get()
    assert event.pk == held.pk
    assert (event.status, event.date_start) == ("happened", D(2025, 5, 23))
    assert history(event) == [
        "14 Apr: planned for mid-May 2025 (Kyodo News)",
        "24 May: held on 23 May 2025 (Reuters)",
    ]
    as_of = Event.objects.known_on(D(2025, 5, 1)).get()
    assert (as_of.status, as_of.date_start) == ("planned", D(2025, 5, 11))


def test_a_late_plan_does_not_join_a_meeting_of_other_parties():
    store(meeting(countries=("Japan", "China")), published=D(2025, 5, 24))
    store(meeting("planned", date=MID_MAY), published=D(2025, 4, 14))
    assert Event.objects.count() == 2
