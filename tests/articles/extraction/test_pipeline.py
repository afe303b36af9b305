"""Single sentences through the real pipeline: one rule of interpretation each.

The sentences are new (not from the development set), so these also check that the rules
carry over to text they were not tuned on.
"""

from __future__ import annotations

import datetime

import pytest

from articles.extraction.pipeline import extract
from articles.services import build_gazetteer

pytestmark = [pytest.mark.django_db, pytest.mark.slow]
D = datetime.date
PUBLISHED = D(2025, 6, 12)  # a Thursday


@pytest.fixture
def run():
    gazetteer = build_gazetteer()
    return lambda text, published=PUBLISHED: extract(
        text, published_at=published, gazetteer=gazetteer
    )


def only(events, kind):
    chosen = [e for e in events if e.type == kind]
    assert len(chosen) == 1, [(e.type, e.date, e.title) for e in events]
    return chosen[0]


def test_meeting_on_weekday_in_past_sentence(run):
    meeting = only(
        run("Sefcovic met Greer in Paris on Tuesday to discuss steel tariffs."), "meeting"
    )
    assert (meeting.date.start, meeting.status) == (D(2025, 6, 10), "happened")
    assert {"Maroš Šefčovič", "Jamieson Greer"} <= set(meeting.participants)
    assert meeting.location == "Paris"
    assert set(meeting.countries) >= {"European Union", "United States"}


def test_planned_meeting_next_week(run):
    meeting = only(run("He Lifeng will meet Bessent next week in London."), "meeting")
    assert meeting.status == "planned"
    assert meeting.date.precision == "week"
    assert meeting.date.start == D(2025, 6, 16)


def test_tariff_raised_with_rate_and_target(run):
    tariff = only(
        run("The United States on Wednesday raised its tariff on Canadian lumber to 35 percent."),
        "tariff_measure",
    ).tariff
    assert (tariff.rate_percent, tariff.action) == (35.0, "raised")
    assert (tariff.imposing_country, tariff.target_country) == ("United States", "Canada")
    assert tariff.sector == "lumber"


def test_announced_future_tariff_is_dated_on_the_announcement(run):
    events = run("Trump said on Monday he would impose a 30 percent tariff on Mexico from Aug. 1.")
    tariff, applied = sorted(
        (e for e in events if e.type == "tariff_measure"), key=lambda e: e.date.start
    )
    assert (applied.status, applied.date.start, applied.tariff.action) == (
        "planned",
        D(2025, 8, 1),
        "imposed",
    )
    assert tariff.status == "happened"
    assert tariff.date.start == D(2025, 6, 9)
    assert tariff.tariff.action == "announced"
    assert tariff.tariff.in_force_from == "2025-08-01"


def test_tariff_talks_are_a_meeting_not_a_tariff(run):
    events = run("Japan and the United States held tariff talks in Tokyo on Friday.")
    assert [e.type for e in events] == ["meeting"]
    assert events[0].date.start == D(2025, 6, 6)


def test_speculative_deal(run):
    deal = only(run("The two sides could strike a deal in July, officials said."), "agreement")
    assert deal.status == "speculative"
    assert (deal.date.start, deal.date.end) == (D(2025, 7, 1), D(2025, 7, 31))


def test_pause_for_ninety_days_has_a_computed_end(run):
    tariff = only(
        run("On Monday Trump suspended the 34 percent tariff on China for 90 days."),
        "tariff_measure",
    ).tariff
    assert tariff.action == "paused"
    assert tariff.in_force_from == "2025-06-09"
    assert tariff.in_force_to == "2025-09-07"


def test_dated_statement_by_an_official(run):
    statement = only(
        run("Bessent told reporters on Wednesday that talks with China were on track."),
        "statement",
    )
    assert statement.date.start == D(2025, 6, 11)
    assert statement.participants == ("Scott Bessent",)


def test_future_deadline(run):
    deadline = only(
        run("Countries have until July 9 to reach agreements, the White House said."), "deadline"
    )
    assert deadline.date.start == D(2025, 7, 9)
    assert deadline.status == "planned"


def test_averted_tariff_is_not_a_measure(run):
    events = run("The deal, struck on Sunday, heads off a 50 percent tariff on European goods.")
    assert all(e.type != "tariff_measure" for e in events)
    assert only(events, "agreement").date.start == D(2025, 6, 8)


def test_undated_background_is_not_an_event(run):
    assert run("Tariffs have long been a favourite tool of the president.") == []


def test_travel_destination_is_the_meeting_place(run):
    meeting = only(
        run("Greer will travel to Geneva next week for talks with Chinese officials."), "meeting"
    )
    assert meeting.location == "Geneva"
    assert meeting.status == "planned"
    assert set(meeting.countries) == {"United States", "China"}


def test_later_this_month_is_what_remains_of_it(run):
    talks = only(
        run("Tokyo and Washington are set to hold another round of talks later this month."),
        "meeting",
    )
    assert (talks.date.start, talks.date.end, talks.date.precision) == (
        D(2025, 6, 13),
        D(2025, 6, 30),
        "range",
    )
    assert talks.status == "planned"


def test_video_call_is_a_virtual_meeting(run):
    call = only(run("Ebrard held a video call with Lutnick on Tuesday."), "meeting")
    assert call.meeting_format == "virtual"
    assert call.date.start == D(2025, 6, 10)
    assert set(call.participants) == {"Marcelo Ebrard", "Howard Lutnick"}


def test_countermeasures_announced_with_their_start(run):
    events = run(
        "The European Commission said on Thursday the EU would impose countermeasures on U.S. goods from July 14."
    )
    tariff, applied = sorted(
        (e for e in events if e.type == "tariff_measure"), key=lambda e: e.date.start
    )
    assert (applied.status, applied.date.start) == ("planned", D(2025, 7, 14))
    assert tariff.status == "happened"
    assert tariff.date.start == D(2025, 6, 12)
    assert (tariff.tariff.imposing_country, tariff.tariff.action) == ("European Union", "announced")
    assert tariff.tariff.in_force_from == "2025-07-14"


def test_readiness_is_not_a_measure(run):
    events = run(
        "The European Commission said on Saturday it was prepared to take countermeasures."
    )
    assert [e.type for e in events] == ["statement"]


def test_generic_talks_do_not_borrow_another_meetings_date(run):
    events = run(
        "Officials met in Geneva on Monday.\nCanada dropped its digital tax to revive trade talks."
    )
    assert [e.date.start for e in events if e.type == "meeting"] == [D(2025, 6, 9)]
