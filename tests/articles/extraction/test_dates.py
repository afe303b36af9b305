"""Date semantics of articles.extraction.dates, all relative to Thursday 2025-05-01."""

from __future__ import annotations

import datetime as dt

import pytest

from articles.extraction.dates import (
    DateMention,
    ResolvedDate,
    add_duration,
    duration_days,
    find_dates,
    resolve_date,
    widened,
)

PUBLISHED = dt.date(2025, 5, 1)  # a Thursday
D = dt.date


@pytest.mark.parametrize(
    ("text", "tense", "expected"),
    [
        ("Thursday", "past", D(2025, 5, 1)),
        ("Thursday", "present", D(2025, 5, 1)),
        ("Thursday", "future", D(2025, 5, 1)),  # the paper's own weekday: today
        ("Friday", "future", D(2025, 5, 2)),
        ("Monday", "past", D(2025, 4, 28)),
        ("Monday", "future", D(2025, 5, 5)),
        ("April 16", None, D(2025, 4, 16)),
        ("Aug. 1", "future", D(2025, 8, 1)),
        ("today", None, D(2025, 5, 1)),
        ("yesterday", None, D(2025, 4, 30)),
        ("tomorrow", None, D(2025, 5, 2)),
        ("last Friday", None, D(2025, 4, 25)),
        ("next Tuesday", None, D(2025, 5, 6)),
        ("Aug. 7, 1998", None, D(1998, 8, 7)),
    ],
)
def test_resolve_date_single_days(text, tense, expected):
    resolved = resolve_date(text, published_at=PUBLISHED, tense=tense)
    assert (resolved.start, resolved.end, resolved.precision) == (expected, expected, "day")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The minister said it Thursday.", D(2025, 5, 1)),
        ("Officials met Monday in Geneva.", D(2025, 4, 28)),
        ("The talks will resume Monday.", D(2025, 5, 5)),
        ("Negotiators are expected to meet Thursday.", D(2025, 5, 1)),
        ("Negotiators are expected to meet next Thursday.", D(2025, 5, 8)),
    ],
)
def test_resolve_date_weekday_tense_inferred_from_sentence(text, expected):
    assert resolve_date(text, published_at=PUBLISHED).start == expected


@pytest.mark.parametrize(
    ("text", "tense", "start", "end", "timex"),
    [
        ("in March", "past", D(2025, 3, 1), D(2025, 3, 31), "2025-03"),
        ("in June", "future", D(2025, 6, 1), D(2025, 6, 30), "2025-06"),
        ("The duties take effect in June.", None, D(2025, 6, 1), D(2025, 6, 30), "2025-06"),
        ("in December", "past", D(2024, 12, 1), D(2024, 12, 31), "2024-12"),
        ("Exports fell in December.", None, D(2024, 12, 1), D(2024, 12, 31), "2024-12"),
        ("May 2025", None, D(2025, 5, 1), D(2025, 5, 31), "2025-05"),
    ],
)
def test_resolve_date_months(text, tense, start, end, timex):
    resolved = resolve_date(text, published_at=PUBLISHED, tense=tense)
    assert (resolved.start, resolved.end, resolved.precision, resolved.timex) == (
        start,
        end,
        "month",
        timex,
    )


@pytest.mark.parametrize(
    ("text", "start", "end", "timex"),
    [
        ("two weeks ago", D(2025, 4, 14), D(2025, 4, 20), "2025-W16"),
        ("last week", D(2025, 4, 21), D(2025, 4, 27), "2025-W17"),
        ("this week", D(2025, 4, 28), D(2025, 5, 4), "2025-W18"),
        ("in three weeks", D(2025, 5, 19), D(2025, 5, 25), "2025-W21"),
    ],
)
def test_resolve_date_weeks(text, start, end, timex):
    resolved = resolve_date(text, published_at=PUBLISHED)
    assert (resolved.start, resolved.end, resolved.precision, resolved.timex) == (
        start,
        end,
        "week",
        timex,
    )


@pytest.mark.parametrize(
    ("text", "start", "end", "timex"),
    [
        ("in or after mid-May", D(2025, 5, 11), D(2025, 5, 20), "2025-05"),
        ("mid-May", D(2025, 5, 11), D(2025, 5, 20), "2025-05"),
        ("early July", D(2025, 7, 1), D(2025, 7, 10), "2025-07"),
        ("by end-July", D(2025, 7, 21), D(2025, 7, 31), "2025-07"),
        ("late June", D(2025, 6, 21), D(2025, 6, 30), "2025-06"),
        ("by the end of this month", D(2025, 5, 21), D(2025, 5, 31), "2025-05"),
    ],
)
def test_resolve_date_parts_of_month_are_ranges(text, start, end, timex):
    resolved = resolve_date(text, published_at=PUBLISHED)
    assert (resolved.start, resolved.end, resolved.precision, resolved.timex) == (
        start,
        end,
        "range",
        timex,
    )


def test_resolve_date_keeps_the_phrase_as_written():
    assert resolve_date("in or after mid-May", published_at=PUBLISHED).text == "in or after mid-May"


def test_resolve_date_end_of_the_year_is_december():
    resolved = resolve_date("end of the year", published_at=PUBLISHED)
    assert (resolved.start, resolved.end, resolved.timex) == (
        D(2025, 12, 1),
        D(2025, 12, 31),
        "2025-12",
    )


@pytest.mark.parametrize(
    ("text", "precision", "timex", "start", "end"),
    [
        ("2024", "year", "2024", D(2024, 1, 1), D(2024, 12, 31)),
        ("last year", "year", "2024", D(2024, 1, 1), D(2024, 12, 31)),
        ("next year", "year", "2026", D(2026, 1, 1), D(2026, 12, 31)),
        ("the first quarter", "quarter", "2025-Q1", D(2025, 1, 1), D(2025, 3, 31)),
        ("fiscal 2026", "year", "2026", D(2026, 1, 1), D(2026, 12, 31)),
    ],
)
def test_resolve_date_years_and_quarters(text, precision, timex, start, end):
    resolved = resolve_date(text, published_at=PUBLISHED)
    assert (resolved.precision, resolved.timex, resolved.start, resolved.end) == (
        precision,
        timex,
        start,
        end,
    )


def test_resolve_date_relative_phrase_is_computed_with_explanation():
    resolved = resolve_date("two weeks ago", published_at=PUBLISHED)
    assert resolved.computed
    assert "2025-05-01" in resolved.explanation


def test_resolve_date_explicit_year_is_not_computed():
    assert not resolve_date("Aug. 7, 1998", published_at=PUBLISHED).computed


def test_resolve_date_accepts_a_datetime():
    published = dt.datetime(2025, 5, 1, 14, 30)
    assert resolve_date("yesterday", published_at=published).start == D(2025, 4, 30)


def test_resolve_date_nothing_to_resolve_returns_none():
    assert resolve_date("the talks collapsed", published_at=PUBLISHED) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("recent months", "PAST_REF"),
        ("now", "PRESENT_REF"),
        ("currently", "PRESENT_REF"),
        ("in the future", "FUTURE_REF"),
    ],
)
def test_find_dates_reference_words(text, value):
    (mention,) = find_dates(text, published_at=PUBLISHED)
    assert (mention.type, mention.value) == ("DATE", value)


def test_find_dates_duration_has_days():
    (mention,) = find_dates("a 90-day reprieve", published_at=PUBLISHED)
    assert (mention.type, mention.value, mention.duration_days, mention.resolved) == (
        "DURATION",
        "P90D",
        90,
        None,
    )
    assert mention.text == "90-day"


@pytest.mark.parametrize(
    ("text", "value", "days"),
    [
        ("2 hours", "PT2H", None),
        ("two weeks", "P2W", 14),
        ("six months", "P6M", 180),
        ("several years", "PXY", None),
        ("72 hours", "PT72H", 3),
    ],
)
def test_find_dates_durations(text, value, days):
    (mention,) = find_dates(text, published_at=PUBLISHED)
    assert (mention.type, mention.value, mention.duration_days) == ("DURATION", value, days)


@pytest.mark.parametrize(
    "text",
    [
        "we",
        "Prices may rise.",
        "Farmers plan a march on Washington.",
        "Tariffs under Section 232 remain.",
        "Imports rose 25 percent.",
        "Some 2000 troops crossed.",
        "a 6-year-old girl",
        "Eastern Europe",
    ],
)
def test_find_dates_not_dates(text):
    assert find_dates(text, published_at=PUBLISHED) == []


def test_find_dates_a_year_earlier_is_a_relative_date():
    (mention,) = find_dates("Exports fell from a year earlier.", published_at=PUBLISHED)
    assert (mention.text, mention.type, mention.value) == ("a year earlier", "DATE", "2024")


def test_find_dates_offsets_point_into_the_text():
    text = "Officials met on Monday and will meet again in mid-May."
    mentions = find_dates(text, published_at=PUBLISHED)
    assert [text[m.start_char : m.end_char] for m in mentions] == ["Monday", "mid-May"]
    assert all(isinstance(m, DateMention) for m in mentions)


def test_find_dates_tense_argument_overrides_the_sentence():
    (mention,) = find_dates("Monday", published_at=PUBLISHED, tense="future")
    assert mention.value == "2025-05-05"


def test_add_duration_counts_from_a_date():
    resolved = add_duration(D(2025, 4, 9), 90, text="a 90-day reprieve")
    assert (resolved.start, resolved.end, resolved.precision, resolved.computed) == (
        D(2025, 7, 8),
        D(2025, 7, 8),
        "day",
        True,
    )
    assert resolved.text == "a 90-day reprieve"


def test_add_duration_counts_from_a_resolved_date():
    start = resolve_date("April 9", published_at=PUBLISHED)
    assert isinstance(start, ResolvedDate)
    assert add_duration(start, 90, text="90 days").end == D(2025, 7, 8)


@pytest.mark.parametrize(
    ("value", "days"),
    [("P90D", 90), ("P2W", 14), ("P1Y", 365), ("PXY", None), ("PT2H", None), ("PT48H", 2)],
)
def test_duration_days(value, days):
    assert duration_days(value) == days


@pytest.mark.parametrize(
    ("phrase", "start", "end"),
    [
        ("later this month", D(2025, 5, 2), D(2025, 5, 31)),
        ("later this year", D(2025, 5, 2), D(2025, 12, 31)),
        ("earlier this week", D(2025, 4, 28), D(2025, 4, 30)),
    ],
)
def test_later_and_earlier_this_period_are_cut_at_publication(phrase, start, end):
    resolved = resolve_date(phrase, published_at=D(2025, 5, 1))
    assert (resolved.start, resolved.end, resolved.precision) == (start, end, "range")


@pytest.mark.parametrize(
    "text, end",
    [
        ("in the coming days", D(2025, 5, 8)),
        ("over the coming weeks", D(2025, 5, 29)),
        ("in the upcoming months", D(2025, 7, 31)),
    ],
)
def test_the_coming_days_weeks_and_months_run_from_publication(text, end):
    resolved = resolve_date(text, published_at=PUBLISHED, tense="future")
    assert (resolved.start, resolved.end, resolved.precision) == (PUBLISHED, end, "range")
    assert resolved.timex == "FUTURE_REF"  # the TimeML value stays what TimeML says


def test_the_coming_years_are_too_vague_for_the_timeline():
    assert resolve_date("in the coming years", published_at=PUBLISHED, tense="future") is None


@pytest.mark.parametrize(
    ("phrase", "start", "end"),
    [
        ("talks from November 2023 to March 2024", D(2023, 11, 1), D(2024, 3, 31)),
        ("talks between November 2023 and March 2024", D(2023, 11, 1), D(2024, 3, 31)),
        ("talks from January to March 2025", D(2025, 1, 1), D(2025, 3, 31)),
        ("talks from May 2024 - March 2025", D(2024, 5, 1), D(2025, 3, 31)),
    ],
)
def test_a_span_of_months_runs_from_the_first_to_the_end_of_the_last(phrase, start, end):
    resolved = in_sentence(phrase, D(2025, 12, 12))
    assert (resolved.start, resolved.end, resolved.precision) == (start, end, "range")


def test_months_joined_by_and_are_two_dates_a_moved_date_is_not_a_span():
    listed = in_sentence("talks in March and May", PUBLISHED)
    assert (listed.start, listed.end) == (D(2025, 3, 1), D(2025, 3, 31))
    moved = in_sentence("the round was postponed from March to May", PUBLISHED)
    assert (moved.start, moved.end) == (D(2025, 3, 1), D(2025, 3, 31))


def in_sentence(sentence: str, published: dt.date) -> ResolvedDate:
    """The first date of a sentence as the pipeline reads it (widened over what follows)."""
    first = find_dates(sentence, published_at=published, tense="past")[0]
    return widened(first, sentence, published).resolved
