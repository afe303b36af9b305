"""Round numbers read from a sentence: pure, no model."""

from __future__ import annotations

import pytest

from articles.extraction.rounds import round_number


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Akazawa held a third round of talks in Washington on Friday.", 3),
        ("He is expected to fly back on May 30 for a fourth round, Bessent said.", 4),
        ("The two sides opened second-round negotiations in Seoul.", 2),
        ("The 5th round of consultations ended without a deal.", 5),
        ("Japan's Akazawa meets Lutnick, Greer in Third Round", 3),
        ("Round three of the talks is set for Geneva.", 3),
        ("Talks resume with Round 6 next week.", 6),
        ("It was the first round of ministerial-level talks since April.", 1),
        ("They held a third round of talks on tariffs and currencies.", 3),
        ("Officials met for the twelfth round in Brussels.", 12),
    ],
)
def test_round_number_stated(sentence, expected):
    assert round_number(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Akazawa met Bessent in Washington on Thursday.",
        "Negotiators said future rounds would focus on autos.",
        "The next round is expected in mid-May.",
        "China warned of a larger round of retaliation.",
        "It was the first round of tariff increases this year.",
        "After several rounds of negotiations the sides agreed a framework.",
        "Three rounds in five weeks and the car tariff is still 25%.",
        "The final round ended on Friday.",
        "He booked a first round-trip flight to Washington.",
        # two different rounds in one sentence: which one the meeting is cannot be told here
        "Akazawa held a third round of talks and will return for a fourth round on May 30.",
    ],
)
def test_round_number_none(sentence):
    assert round_number(sentence) is None


def test_round_number_same_round_named_twice_counts_once():
    assert round_number("The third round began on Friday; the third round ended Monday.") == 3
