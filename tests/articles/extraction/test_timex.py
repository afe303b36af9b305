"""The TIMEX3 tagger contract: spans, values and types on news-like sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from articles.extraction.timex import tag

DCT = dt.date(2025, 5, 1)  # a Thursday


def tagged(text: str, dct: dt.date = DCT) -> list[tuple[str, str, str]]:
    return [(text[s:e], value, typ) for s, e, value, typ in tag(text, dct)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministry said Friday it would respond.", [("Friday", "2025-04-25", "DATE")]),
        ("Talks will resume next Tuesday.", [("next Tuesday", "2025-05-06", "DATE")]),
        ("Tariffs rose last year.", [("last year", "2024", "DATE")]),
        ("Exports fell 3% in the first quarter.", [("the first quarter", "2025-Q1", "DATE")]),
        ("Third-quarter profit rose.", [("Third-quarter", "2024-Q3", "DATE")]),
        ("He visited in early July 1997.", [("early July 1997", "1997-07", "DATE")]),
        ("Output peaked in the 1990s.", [("the 1990s", "199X", "DATE")]),
        ("The deal was signed Aug. 7, 1998.", [("Aug. 7, 1998", "1998-08-07", "DATE")]),
        (
            "Prices have climbed for the past two months.",
            [("the past two months", "P2M", "DURATION")],
        ),
        ("The vote was held two weeks ago.", [("two weeks ago", "2025-W16", "DATE")]),
        ("It is now clear.", [("now", "PRESENT_REF", "DATE")]),
        ("He recently resigned.", [("recently", "PAST_REF", "DATE")]),
        ("The paper is published daily.", [("daily", "P1D", "SET")]),
        ("The fee is $5 a year.", [("a year", "P1Y", "SET")]),
        (
            "They met at 10:35 a.m. yesterday.",
            [("10:35 a.m. yesterday", "2025-04-30T10:35", "TIME")],
        ),
        ("He left this morning.", [("this morning", "2025-05-01TMO", "TIME")]),
        ("The strike lasted 5 1/2 hours.", [("5 1/2 hours", "PT5H30M", "DURATION")]),
        ("a 90-day reprieve", [("90-day", "P90D", "DURATION")]),
        ("Sales in fiscal 1989 fell.", [("fiscal 1989", "1989", "DATE")]),
        ("Shares fell last fall.", [("last fall", "2024-FA", "DATE")]),
        ("It closed on Thanksgiving Day.", [("Thanksgiving Day", "2024-11-28", "DATE")]),
        # wire copy that drops the abbreviation's period
        ("Talks resume ahead of the Aug 1 deadline.", [("Aug 1", "2025-08-01", "DATE")]),
        ("The order was signed on Mar 26, 2025.", [("Mar 26, 2025", "2025-03-26", "DATE")]),
        ("Duties rise from 9 Jul.", [("9 Jul", "2025-07-09", "DATE")]),
        ("The truce ends on 12 Aug.", [("12 Aug.", "2025-08-12", "DATE")]),
        ("Exports fell in Feb 2025.", [("Feb 2025", "2025-02", "DATE")]),
        ("A deal is due by end-July.", [("end-July", "2025-07", "DATE")]),
    ],
)
def test_tag_values(text, expected):
    assert tagged(text) == expected


def test_tag_third_quarter_reported_in_autumn():
    assert tagged("Third-quarter profit rose.", dt.date(1989, 10, 26)) == [
        ("Third-quarter", "1989-Q3", "DATE")
    ]


def test_tag_year_ago_quarter_in_an_earnings_report():
    text = "Third-quarter net income rose 5% from a year ago."
    assert tagged(text, dt.date(1989, 10, 26))[-1] == ("a year ago", "1988-Q3", "DATE")


@pytest.mark.parametrize(
    "text",
    [
        "It may rise.",
        "They plan to march on the capital.",
        "Section 232 tariffs",
        "About 2000 people attended.",
        "A 52-year-old man was arrested.",
        "futures contracts",
        "Jan Hatzius, the bank's economist, said so.",
    ],
)
def test_tag_ignores_non_dates(text):
    assert tagged(text) == []


def test_tag_spans_are_character_offsets():
    text = "On Monday, May 5, officials met."
    ((start, end, value, typ),) = tag(text, DCT)
    assert (text[start:end], value, typ) == ("Monday, May 5", "2025-05-05", "DATE")


def test_tag_returns_four_tuples_in_text_order():
    text = "Yesterday's talks, the first since March, will continue next week."
    result = tag(text, DCT)
    assert [r[0] for r in result] == sorted(r[0] for r in result)
    assert all(len(r) == 4 for r in result)
    assert [r[2] for r in result] == ["2025-04-30", "2025-03", "2025-W19"]


def test_tag_weeks_are_unpadded_as_in_tempeval3():
    assert tagged("Talks stalled last week.", dt.date(2025, 2, 12)) == [
        ("last week", "2025-W6", "DATE")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sales for the year rose.", ("the year", "2025", "DATE")),
        ("Net fell in the year ended Sept. 30.", ("the year", "P1Y", "DURATION")),
    ],
)
def test_tag_the_year(text, expected):
    assert tagged(text)[0] == expected
