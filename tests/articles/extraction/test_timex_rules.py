"""The scanner's gates: a rule is skipped only where its pattern cannot match."""

from __future__ import annotations

import pytest

from articles.extraction.timex_rules import RULE_GATES, RULES, _is_open, folded

PHRASES = [
    "at 5 p.m. on Monday",
    "at 14:30 GMT",
    "shortly after midnight",
    "by mid-afternoon",
    "on Christmas Eve",
    "before New Year's",
    "the day after tomorrow",
    "late last night",
    "over the coming fiscal year",
    "for the full year",
    "over the weekend",
    "by year-end",
    "at the end of the quarter",
    "later this month",
    "at a later date",
    "in the near term",
    "published biweekly",
    "every other afternoon",
    "a multi-year plan",
    "a week-long visit",
    "over the past few weeks",
    "the year-ago quarter",
    "two decades ago",
    "in the first half of 2025",
    "the 21st century",
    "this spring",
]


def variants(text: str) -> list[str]:
    """As written, in capitals, and with the letters a case-blind regex also takes for i, s
    and k (dotted and dotless I, the long s, the Kelvin sign)."""
    odd = text.replace("i", "\u0131").replace("s", "\u017f").replace("k", "\u212a")
    return [text, text.upper(), odd, odd.upper().replace("I", "\u0130")]


@pytest.mark.parametrize("text", [v for phrase in PHRASES for v in variants(phrase)])
def test_gates_open_wherever_their_rule_matches(text):
    lowered = folded(text)
    for rule, gates in zip(RULES, RULE_GATES, strict=True):
        if rule.pattern.search(text):
            assert all(_is_open(gate, text, lowered) for gate in gates), rule.name


def test_folded_keeps_what_a_case_blind_regex_reads_as_ascii():
    assert folded("WINTER \u0130N \u212aYIV, \u017fPRING") == "winter in kyiv, spring"
