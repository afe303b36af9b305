"""The timex scanner: finds temporal expressions in running text and gives them TIMEX3 values.

The rules live by kind in ``timex_explicit`` (calendar dates, quarters, seasons, clock times),
``timex_relative`` (weekdays, "last week", "ago", reference words, sets) and
``timex_durations``; what they share is in ``timex_lexicon``. ``scan`` runs every rule, keeps
the longest non-overlapping matches from left to right, and widens date spans with
part-of-period modifiers ("early", "mid-", "the end of"). Conventions follow the TempEval-3
(TimeML 1.2) gold data: "last year" -> "2024", "two weeks" -> "P2W", "now" -> "PRESENT_REF",
"the third quarter" -> "2025-Q3", "Friday morning" -> "2025-05-02TMO".
"""

from __future__ import annotations

import datetime as dt
import re

from articles.extraction import timex_durations, timex_explicit, timex_relative
from articles.extraction.timex_lexicon import Context, Hit, Norm, Rule

# Earlier rules win ties (same start, same length).
RULES: list[Rule] = [*timex_explicit.RULES, *timex_relative.RULES, *timex_durations.RULES]


# Modifiers ("early", "mid-", "the end of") widen a date's span.
PREFIX = re.compile(
    r"(?:(?P<edge>(?:the\s+)?(?:very\s+)?(?:beginning|start|middle|end|close|turn)\s+of)\s+|"
    r"(?P<adj>early|late|mid|end(?=-)|earlier|later|around|about|approximately|roughly|as\s+early\s+as|"
    r"as\s+late\s+as|no\s+later\s+than|sometime|some\s+time|the)(?:\s+|-))$",
    re.I,
)
MOD_WORDS = {
    "early": "EARLY",
    "late": "LATE",
    "mid": "MID",
    "middle": "MID",
    "beginning": "START",
    "start": "START",
    "end": "END",
    "close": "END",
    "turn": "END",
}


def _widen(text: str, start: int, norm: Norm) -> tuple[int, Norm]:
    """Pull "early", "mid-", "the end of", "earlier" into a date span and record the MOD."""
    if norm.type != "DATE" or norm.value.endswith("_REF"):
        return start, norm
    for _ in range(2):  # "the end of early May" is rare; two rounds cover "until the end of"
        m = PREFIX.search(text, max(0, start - 40), start)
        if not m:
            break
        word = (m["edge"] or m["adj"]).lower().split()[-2 if m["edge"] else -1]
        if m["adj"] and m["adj"].lower() == "the":
            break  # "the" is only part of spans its own rules build
        mod = MOD_WORDS.get(word, norm.mod)
        start, norm = m.start(), Norm(norm.type, norm.value, mod)
    return start, norm


# Cheap tests that must pass before a rule's full pattern is worth running: most sentences
# cannot match most rules, and a rule's regex costs about as much on a sentence it cannot
# match as on one it can. A gate is a regex, searched in the text as written, or a tuple of
# words one of which must appear in the folded text (see `folded`): a word every match of
# the rule contains, whatever its case. A unit word must start a word: "day" in "Monday" or
# "today" does not open a duration.
_UNIT_WORD = re.compile(
    r"(?<![^\W\d_])(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur)",
    re.I,
)
_AGO_WORD = ("ago", "earlier", "before", "later", "from now", "from today", "hence")
_MONTH_NAME = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_WEEKDAY_NAME = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day")
_DIGITS = re.compile(r"\d")
_PERIOD = ("week", "month", "quarter", "year", "decade", "century")
_QUARTER = re.compile(r"quarter|\bQ[1-4]", re.I)
GATES: dict[str, tuple[re.Pattern | tuple[str, ...], ...]] = {
    "month_day": (_MONTH_NAME,),
    "day_month": (_MONTH_NAME,),
    "month_year": (_MONTH_NAME,),
    "month": (_MONTH_NAME,),
    "weekday": (_WEEKDAY_NAME,),
    "weekday_set": (_WEEKDAY_NAME,),
    "iso_date": (_DIGITS,),
    "slash_date": (_DIGITS,),
    "year": (_DIGITS,),
    "short_year": (_DIGITS,),
    "duration": (_UNIT_WORD,),
    "ago": (_UNIT_WORD, _AGO_WORD),
    "bare_units": (_UNIT_WORD,),
    "recent_units": (_UNIT_WORD, ("recent", "coming", "past", "last", "next", "previous")),
    "unit_long": (_UNIT_WORD, ("long", "multi", "many")),
    "year_ago_period": (_UNIT_WORD, ("year",), ("earlier", "ago")),
    "season": (("spring", "summer", "fall", "autumn", "winter"),),
    "decade": (re.compile(r"\d0'?s|decade|ties\b", re.I),),
    "quarter": (_QUARTER,),
    "q_quarter": (_QUARTER,),
    "anaphoric_quarter": (("quarter",),),
    "century": (("centur",),),
    "half": (("half",),),
    "clock": (_DIGITS,),
    "clock_24": (_DIGITS, (":",)),
    "noon": (("noon", "mid"),),
    "holiday": (
        (
            "christmas",
            "new",
            "thanksgiving",
            "easter",
            "independence",
            "labor",
            "memorial",
            "election",
            "halloween",
            "valentine",
            "veterans",
        ),
    ),
    "relative_day": (("today", "tonight", "tomorrow", "yesterday"),),
    "this_part_of_day": (("morning", "afternoon", "evening", "night"),),
    "relative_period": (_PERIOD,),
    "the_year": (("the",), ("year",)),
    "the_weekend": (("weekend",),),
    "period_end": (("end",), ("year", "month", "quarter", "week")),
    "edge_of_period": (_PERIOD,),
    "earlier_this": (("earlier", "later"), ("week", "month", "year", "quarter")),
    "ref_word": (
        (
            "now",
            "current",
            "present",
            "days",
            "past",
            "recent",
            "lately",
            "future",
            "term",
            "later",
        ),
    ),
    "set_word": (("daily", "nightly", "weekly", "monthly", "yearly", "hourly"),),
    "every": (
        ("every", "each", "per"),
        (
            "second",
            "minute",
            "hour",
            "day",
            "night",
            "week",
            "month",
            "quarter",
            "year",
            "decade",
            "centur",
            "morning",
            "evening",
            "afternoon",
        ),
    ),
}


RULE_GATES = [GATES.get(rule.name, ()) for rule in RULES]  # aligned with RULES

# The characters that re.IGNORECASE takes for an ASCII letter besides its two cases ("İ" and
# dotless "ı" for i, the long s, the Kelvin sign): folded to that letter, so that a word found
# by a case-blind regex is found in the folded text too.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def folded(text: str) -> str:
    """The text in lower case, with every character a case-blind regex matches to an ASCII
    letter written as that letter."""
    return text.lower() if text.isascii() else text.translate(_FOLD).lower()


def _is_open(gate: re.Pattern | tuple[str, ...], text: str, lowered: str) -> bool:
    if isinstance(gate, tuple):
        for word in gate:  # a plain loop: any() over a generator took twice as long
            if word in lowered:
                break
        else:
            return False
        return True
    return gate.search(text) is not None


def scan(text: str, dct: dt.date, tense: str | None = None) -> list[Hit]:
    """All temporal expressions in ``text``, left to right, without overlaps."""
    candidates = []
    lowered = folded(text)
    open_gates: dict[re.Pattern | tuple[str, ...], bool] = {}  # each gate tested once
    for priority, rule in enumerate(RULES):
        closed = False
        for gate in RULE_GATES[priority]:
            is_open = open_gates.get(gate)
            if is_open is None:
                is_open = open_gates[gate] = _is_open(gate, text, lowered)
            if not is_open:
                closed = True
                break
        if closed:
            continue
        for m in rule.pattern.finditer(text):
            start, end = m.span("tx") if "tx" in m.re.groupindex and m["tx"] else m.span()
            if end > start:
                candidates.append((start, start - end, priority, m, rule, end))
    if not candidates:
        return []  # most sentences: no context to build
    candidates.sort(key=lambda c: c[:3])
    ctx = Context(text, dct, tense)
    hits: list[Hit] = []
    taken_until = 0
    for start, _, _, m, rule, end in candidates:
        if start < taken_until:
            continue
        try:
            norm = rule.normalize(m, ctx)
        except (ValueError, OverflowError):  # off the calendar: "99999999 years ago"
            continue
        if norm is None:
            continue
        start = norm.start if norm.start is not None else start
        new_start, norm = _widen(text, start, norm)
        if hits and new_start < hits[-1].end:
            new_start = start
        hits.append(Hit(new_start, end, norm.type, norm.value, norm.mod))
        taken_until = end
    return hits
