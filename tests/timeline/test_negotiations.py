"""Round numbering (pure, on unsaved events) and the thread overview's parts."""

from __future__ import annotations

import datetime
import itertools

import pytest

from tests.factories import EventFactory, EvidenceFactory, OfficialFactory, TariffMeasureFactory
from timeline.models import Event, Jurisdiction, Negotiation
from timeline.negotiations import nearest_deadline, number_rounds, overview, tariff_state

D = datetime.date
ids = itertools.count(1)


def meeting(start, end=None, *, status="happened", precision="day", round_number=None) -> Event:
    return Event(
        pk=next(ids),
        kind=Event.Kind.MEETING,
        title=f"Meeting {start}",
        date_start=start,
        date_end=end or start,
        date_precision=precision,
        status=status,
        round_number=round_number,
    )


def numbers(rounds) -> list[tuple]:
    return [(r.event.date_start, r.number, r.inferred) for r in rounds]


def test_number_rounds_inferred_by_date():
    rounds = number_rounds([meeting(D(2025, 5, 1)), meeting(D(2025, 4, 16))])
    assert numbers(rounds) == [(D(2025, 4, 16), 1, True), (D(2025, 5, 1), 2, True)]


def test_number_rounds_stated_number_wins_and_the_count_goes_on_from_it():
    rounds = number_rounds(
        [
            meeting(D(2025, 4, 16)),
            meeting(D(2025, 5, 23), round_number=4),  # a round the articles missed
            meeting(D(2025, 5, 30), status="planned"),
        ]
    )
    assert numbers(rounds) == [
        (D(2025, 4, 16), 1, True),
        (D(2025, 5, 23), 4, False),
        (D(2025, 5, 30), 5, True),
    ]


def test_number_rounds_vague_mention_of_a_precise_round_is_one_round():
    kickoff = meeting(D(2025, 4, 14), D(2025, 4, 20), precision="week")
    rounds = number_rounds([kickoff, meeting(D(2025, 4, 16)), meeting(D(2025, 5, 1))])
    assert numbers(rounds) == [(D(2025, 4, 16), 1, True), (D(2025, 5, 1), 2, True)]


def test_number_rounds_vague_meeting_alone_is_a_round():
    rounds = number_rounds([meeting(D(2025, 4, 14), D(2025, 4, 20), precision="week")])
    assert numbers(rounds) == [(D(2025, 4, 14), 1, True)]


def test_number_rounds_plan_overtaken_by_a_later_round_held_is_unnumbered():
    plan = meeting(D(2025, 5, 11), D(2025, 5, 20), status="planned", precision="range")
    held = meeting(D(2025, 5, 23), round_number=3)
    rounds = number_rounds([meeting(D(2025, 4, 16)), meeting(D(2025, 5, 1)), plan, held])
    assert numbers(rounds)[2:] == [(D(2025, 5, 11), None, False), (D(2025, 5, 23), 3, False)]
    assert rounds[2].overtaken


def test_number_rounds_cancelled_unnumbered_speculative_and_undated_left_out():
    rounds = number_rounds(
        [
            meeting(D(2025, 4, 16)),
            meeting(D(2025, 5, 1), status="cancelled"),
            meeting(D(2025, 6, 1), status="speculative"),
            Event(pk=next(ids), kind="meeting", title="Undated", status="happened"),
            meeting(D(2025, 6, 15), status="planned"),
        ]
    )
    assert numbers(rounds) == [
        (D(2025, 4, 16), 1, True),
        (D(2025, 5, 1), None, False),
        (D(2025, 6, 15), 2, True),
    ]


@pytest.mark.django_db
def test_nearest_deadline_is_the_earliest_of_deadlines_and_pause_ends():
    negotiation = Negotiation.objects.create(title="Japan–United States", slug="jp-us")
    pause = TariffMeasureFactory(
        event__negotiation=negotiation, action="paused", in_force_to=D(2025, 7, 9)
    )
    EventFactory(kind="deadline", negotiation=negotiation, date_start=D(2025, 8, 1))
    EventFactory(kind="deadline", negotiation=negotiation, date_start=D(2025, 4, 1))  # past
    deadline = nearest_deadline(Event.objects.filter(negotiation=negotiation), day=D(2025, 5, 1))
    assert (deadline.day, deadline.event, deadline.days_left) == (D(2025, 7, 9), pause.event, 69)


@pytest.mark.django_db
def test_overview_leads_are_each_partys_most_present_people():
    negotiation = Negotiation.objects.create(title="Japan–United States", slug="jp-us")
    japan, usa = Jurisdiction.objects.get(code="JP"), Jurisdiction.objects.get(code="US")
    negotiation.parties.set([japan, usa])
    akazawa = OfficialFactory(jurisdiction=japan)
    bessent, lutnick, greer = (OfficialFactory(jurisdiction=usa) for _ in range(3))
    for people in ([akazawa, bessent], [akazawa, bessent, lutnick], [akazawa, greer, bessent]):
        event = EventFactory(negotiation=negotiation)
        event.participants.set(people)
        EvidenceFactory(event=event)
    thread = overview(negotiation, Event.objects.all(), day=D(2025, 5, 1))
    leads = {
        party.country.code: [(lead.official, lead.events) for lead in party.leads]
        for party in thread.parties
    }
    assert leads["JP"] == [(akazawa, 3)]
    assert leads["US"][0] == (bessent, 3) and len(leads["US"]) == 2


@pytest.mark.django_db
def test_tariff_state_a_pause_in_force_wins_over_a_later_dated_imposition():
    negotiation = Negotiation.objects.create(title="Japan–United States", slug="jp-us")
    negotiation.parties.set(Jurisdiction.objects.filter(code__in=["JP", "US"]))
    pause = TariffMeasureFactory(  # its start is computed back from "early July": 2 April
        event__date_start=D(2025, 4, 2), action="paused", in_force_to=D(2025, 7, 10)
    )
    TariffMeasureFactory(event__date_start=D(2025, 4, 9), action="imposed")
    events = Event.objects.all()
    assert tariff_state(events, list(negotiation.parties.all()), day=D(2025, 5, 1)) == [pause]
    [after] = tariff_state(events, list(negotiation.parties.all()), day=D(2025, 7, 11))
    assert after.action == "imposed"
