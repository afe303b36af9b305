"""The seed article (Kyodo, 2025-05-01) through the real pipeline: each event it must yield."""

from __future__ import annotations

import datetime

import pytest

from articles.extraction.pipeline import extract
from articles.parsing import parse_text
from articles.services import build_gazetteer
from tests.conftest import SEED

pytestmark = [pytest.mark.django_db, pytest.mark.slow]
D = datetime.date


@pytest.fixture
def events():
    parsed = parse_text(SEED.read_text())
    return extract(parsed.body, published_at=parsed.published, gazetteer=build_gazetteer())


def find(events, kind, start, end=None):
    matches = [
        e
        for e in events
        if e.type == kind
        and e.date is not None
        and e.date.start == start
        and (end is None or e.date.end == end)
    ]
    assert len(matches) == 1, [(e.type, e.date) for e in events]
    return matches[0]


def test_may_1_meeting_in_washington(events):
    meeting = find(events, "meeting", D(2025, 5, 1), D(2025, 5, 1))
    assert meeting.status == "happened"
    assert {"Ryosei Akazawa", "Scott Bessent"} <= set(meeting.participants)
    assert set(meeting.countries) == {"Japan", "United States"}
    assert meeting.location == "Washington"
    assert meeting.duration_minutes == 120
    assert meeting.date.text == "Thursday"
    assert len(meeting.evidence) >= 3  # told across several sentences, merged into one


def test_april_16_meeting_with_trump_and_cabinet(events):
    meeting = find(events, "meeting", D(2025, 4, 16), D(2025, 4, 16))
    assert meeting.status == "happened"
    assert {
        "Ryosei Akazawa",
        "Donald Trump",
        "Scott Bessent",
        "Howard Lutnick",
        "Jamieson Greer",
    } <= set(meeting.participants)
    assert meeting.location == "Washington"
    assert meeting.duration_minutes == 50


def test_planned_ministerial_talks_in_or_after_mid_may(events):
    talks = find(events, "meeting", D(2025, 5, 11), D(2025, 5, 20))
    assert talks.status == "planned"
    assert talks.date.precision == "range"


def test_possible_leaders_deal_in_june(events):
    deal = find(events, "agreement", D(2025, 6, 1), D(2025, 6, 30))
    assert deal.status == "speculative"
    assert deal.date.precision == "month"


def test_auto_tariffs_eased_two_days_before_the_meeting(events):
    eased = find(events, "tariff_measure", D(2025, 4, 29), D(2025, 4, 29))
    assert eased.tariff.rate_percent == 25.0
    assert eased.tariff.imposing_country == "United States"
    assert eased.tariff.sector == "autos"
    assert eased.tariff.action == "lowered"
    assert eased.date.computed
    assert "two days after" in eased.date.explanation and "2025-05-01" in eased.date.explanation


def test_reciprocal_tariff_on_japan_paused_until_early_july(events):
    paused = [e for e in events if e.tariff and e.tariff.action == "paused"]
    assert len(paused) == 1
    tariff = paused[0].tariff
    assert (tariff.rate_percent, tariff.imposing_country, tariff.target_country) == (
        24.0,
        "United States",
        "Japan",
    )
    assert tariff.in_force_to == "2025-07-10"  # the end of "early July"
    assert paused[0].date.end == D(2025, 7, 10)
    assert paused[0].date.start == D(2025, 4, 2)  # 90 days before early July: computed
    assert paused[0].date.computed


def test_universal_ten_percent_tariff_still_applies(events):
    universal = [e for e in events if e.tariff and e.tariff.rate_percent == 10.0]
    assert len(universal) == 1
    assert universal[0].tariff.applies_to_all
    assert universal[0].tariff.imposing_country == "United States"
    assert "Japan" in universal[0].countries


def test_talks_kicked_off_two_weeks_earlier(events):
    kickoff = find(events, "meeting", D(2025, 4, 14), D(2025, 4, 20))
    assert kickoff.date.precision == "week"
    assert kickoff.status == "happened"


def test_nothing_from_the_reader_comments(events):
    evidence = " ".join(span.sentence for e in events for span in e.evidence)
    for comment_word in ("stockpiled", "Iranian", "700%", "soybeans for a discount", "LDP"):
        assert comment_word not in evidence
