"""Dates off the calendar are rejected or saturated, never raised (issue 13, fault 2)."""

from __future__ import annotations

import datetime

import pytest

from articles.extraction import timex_calendar as cal
from articles.extraction.dates import add_duration, duration_days, find_dates, resolve_date
from articles.extraction.pipeline import extract
from articles.extraction.types import Gazetteer

MAY_1 = datetime.date(2025, 5, 1)
LAST_DAY = datetime.date(9999, 12, 31)
FIRST_DAY = datetime.date(1, 1, 1)

HOSTILE = [
    ("Japan and the United States met 99999999 years ago in Tokyo.", MAY_1),
    ("Japan will impose tariffs on the United States in 10000 years.", MAY_1),
    ("The United States paused its 25% tariff on Japan for 3000000 days.", MAY_1),
    ("Japan and the United States will hold talks in 900000000 weeks.", MAY_1),
    ("Japan and the United States will hold talks next year.", LAST_DAY),
    ("Japan and the United States will meet tomorrow and next week.", LAST_DAY),
    ("Japan and the United States met yesterday and last quarter.", FIRST_DAY),
]
PHRASES = ["99999999 years ago", "in 10000 years", "for 3000000 days", "in 900000000 weeks"]


@pytest.mark.parametrize("phrase", [*PHRASES, "next year", "next week", "tomorrow"])
@pytest.mark.parametrize("published", [MAY_1, LAST_DAY, FIRST_DAY])
def test_resolve_date_off_the_calendar_is_none_or_a_date(phrase, published):
    resolved = resolve_date(phrase, published_at=published)
    assert resolved is None or resolved.start <= resolved.end
    for mention in find_dates(phrase, published_at=published):
        assert mention.resolved is None or mention.resolved.start <= mention.resolved.end


@pytest.mark.parametrize(("unit", "amount"), [("Y", 99999999), ("W", 900000000), ("D", 10**12)])
def test_shift_off_the_calendar_is_rejected(unit, amount):
    with pytest.raises(cal.OutOfRange):
        cal.shift(MAY_1, unit, amount)


def test_add_duration_saturates_at_the_end_of_the_calendar():
    assert add_duration(MAY_1, 10**12, text="forever").start == datetime.date.max


def test_duration_of_millions_of_days_is_no_deadline():
    assert duration_days("P3000000D") is None
    assert duration_days("P90D") == 90


@pytest.mark.slow
@pytest.mark.parametrize(("text", "published"), HOSTILE)
def test_extract_survives_dates_off_the_calendar(text, published):
    gazetteer = Gazetteer(countries={"Japan": "Japan", "United States": "United States"})
    for event in extract(text, published_at=published, gazetteer=gazetteer):
        assert event.date is None or event.date.start <= event.date.end
