"""What the timex rules share: the lexicon (months, numbers, units), the regex pieces, the
match and meaning types, the context a rule may consult, and the small parsers."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from articles.extraction import timex_calendar as cal
from articles.extraction.timex_tense import infer_tense

# --------------------------------------------------------------------------
# Lexicon
# --------------------------------------------------------------------------

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "a couple of": 2,
    "couple of": 2,
    "a couple": 2,
    "a dozen": 12,
    "dozen": 12,
    "half a": 0.5,
    "half an": 0.5,
    "a half": 0.5,
}
FUZZY_NUMBERS = frozenset(["a few", "few", "several", "some", "many", "a number of", "multiple"])
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}
UNITS = {
    "second": "S",
    "minute": "TM",
    "hour": "H",
    "day": "D",
    "night": "D",
    "week": "W",
    "fortnight": "F",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "E",
    "centur": "C",
    "weekend": "WE",
    "season": "Y",
}
PART_OF_DAY = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "tonight": "NI",
}
SEASON_CODES = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

MONTH = (
    r"(?-i:Jan(?:uary|\.)|Feb(?:ruary|\.)|Mar(?:ch|\.)|Apr(?:il|\.)|May|June?|July?|"
    r"Aug(?:ust|\.)|Sept?(?:ember|\.)?|Oct(?:ober|\.)|Nov(?:ember|\.)|Dec(?:ember|\.))(?![a-z])"
)
# "Aug 1", "1 Aug", "Oct 30, 2025": wire copy often drops the abbreviation's period; beside a
# day number a bare abbreviation is a month (alone, "Jan" may be a name and "Mar" a verb)
MONTH_BY_DAY = rf"(?:{MONTH}|(?-i:Jan|Feb|Mar|Apr|Aug|Sep|Oct|Nov|Dec)(?![a-z.]))"
WEEKDAY = r"(?-i:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)"
DAY_NUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
YEAR = r"(?<![\d$£€.,])(?:1[6-9]\d\d|20\d\d)(?![\d%])"
NUMBER_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|"
    r"four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"(?:a\s+)?hundred|(?:a\s+)?couple(?:\s+of)?|(?:a\s+)?dozen)"
)
NUM = (
    rf"(?:\d+(?:\.\d+)?(?:\s+1/2)?|{NUMBER_WORD}(?:\s+and\s+a\s+half)?|a\s+few|few|several|"
    r"some|many|a\s+number\s+of|half\s+an?|an?)"
)
UNIT = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ie))"
REL = r"(?:last|this|next|this\s+past|this\s+coming|past|coming|previous|following)"
# word start that refuses a hyphenated continuation ("two-year") but allows "mid-May"
B = r"(?<!\w)(?:(?<=mid-)|(?<=late-)|(?<=early-)|(?<=end-)|(?<=pre-)|(?<=post-)|(?<!-))"
E = r"(?![\w])"


@dataclass(frozen=True)
class Norm:
    """The meaning of one match: TIMEX3 type and value, plus a part-of-period modifier."""

    type: str
    value: str
    mod: str | None = None
    start: int | None = None  # a later start than the match's, to leave a determiner out


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    type: str
    value: str
    mod: str | None = None


# Prepositions that fix the direction whatever the verb: "since March", "as early as Tuesday".
TENSE_CUE = re.compile(
    r"(?:\b(?P<past>since|up\s+until|^\s*until|[.!?]\s+until)|"
    r"\b(?:as\s+(?:early|soon)\s+as|no\s+later\s+than|until|till))\s+$",
    re.I,
)


FINANCIAL = re.compile(r"\bquarter|\bfiscal\b|\bper share\b", re.I)


class Context:
    """What a rule may know: the text, publication date, forced tense, and discourse state."""

    def __init__(self, text: str, dct: dt.date, tense: str | None = None) -> None:
        self.text = text
        self.dct = dct
        self.forced_tense = tense
        try:
            last_q = cal.add_months(dct, -3)
        except cal.OutOfRange:  # published in the first quarter of year 1
            last_q = dct
        self.ref_quarter = (last_q.year, cal.quarter_of(last_q))  # the quarter being reported
        self.anchor = dct  # the last day mentioned, for "the next day" / "10 a.m."
        self.anchor_year = dct.year  # the last year written out, for "later that year"
        self._tense_cache: dict[int, str | None] = {}

    @functools.cached_property
    def financial(self) -> bool:
        """The text speaks of quarters or fiscal years (asked by few rules: looked for once,
        when first asked)."""
        return bool(FINANCIAL.search(self.text))

    def tense(self, m: re.Match) -> str | None:
        """The forced tense, else a cue right before the date, else the sentence's tense."""
        if self.forced_tense:
            return self.forced_tense
        if m.start() not in self._tense_cache:
            cue = TENSE_CUE.search(self.text[max(0, m.start() - 20) : m.start()])
            if cue:
                tense = "past" if cue["past"] else "future"
            else:
                tense = infer_tense(self.text, m.start(), m.end())
            self._tense_cache[m.start()] = tense
        return self._tense_cache[m.start()]

    def before(self, m: re.Match, width: int = 30) -> str:
        return self.text[max(0, m.start() - width) : m.start()]

    def after(self, m: re.Match, width: int = 30) -> str:
        return self.text[m.end() : m.end() + width]


NormFn = Callable[[re.Match, Context], Norm | None]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern
    normalize: NormFn


def rule_registry(rules: list[Rule]) -> Callable[[str, str], Callable[[NormFn], NormFn]]:
    """A decorator that appends ``fn`` to ``rules`` as the normalizer of ``pattern`` (matched
    case-insensitively). Each module of rules keeps its own list; the scan joins them in a
    fixed order, which breaks ties between equally long matches at one place."""

    def rule(name: str, pattern: str) -> Callable[[NormFn], NormFn]:
        def register(fn: NormFn) -> NormFn:
            rules.append(Rule(name, re.compile(pattern, re.I), fn))
            return fn

        return register

    return rule


# --------------------------------------------------------------------------
# Small parsers
# --------------------------------------------------------------------------


def month_number(word: str) -> int:
    return MONTHS[word.lower()[:3]]


def weekday_number(word: str) -> int:
    return WEEKDAYS[word.lower()[:3]]


def parse_number(text: str | None) -> float | None:
    """Number from digits or words; None for vague amounts ("several")."""
    if not text:
        return 1
    t = re.sub(r"\s+", " ", text.lower().strip())
    if t in FUZZY_NUMBERS:
        return None
    half = 0.0
    for suffix in (" and a half", " 1/2"):
        if t.endswith(suffix):
            t, half = t[: -len(suffix)], 0.5
    if re.fullmatch(r"\d+(\.\d+)?", t):
        return float(t) + half
    if t in NUMBERS:
        return NUMBERS[t] + half
    parts = re.split(r"[\s-]", t)
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS:
        return NUMBERS[parts[0]] + NUMBERS[parts[1]] + half
    return None


def unit_code(word: str) -> str:
    w = word.lower()
    for stem, code in UNITS.items():
        if w.startswith(stem):
            return code
    raise KeyError(word)


def duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration: P3D, P2W, P18M, P10Y, PT5H30M, PXY for vague amounts."""
    if unit == "F":
        amount, unit = (None if amount is None else amount * 2), "W"
    if unit == "WE":
        return "P2D" if amount == 1 else f"P{_num(amount * 2) if amount else 'X'}D"
    if unit == "E":
        amount, unit = (None if amount is None else amount * 10), "Y" if amount else "E"
    if unit == "C":
        amount, unit = (None if amount is None else amount * 100), "Y" if amount else "C"
    time_unit = {"S": "S", "TM": "M", "H": "H"}.get(unit)
    prefix = "PT" if time_unit else "P"
    letter = time_unit or unit
    if amount is None:
        return f"{prefix}X{letter}"
    if amount != int(amount):
        whole, frac = int(amount), amount - int(amount)
        lower = {
            "Y": (12, "M"),
            "M": (30, "D"),
            "W": (7, "D"),
            "D": (24, "H"),
            "H": (60, "M"),
            "TM": (60, "S"),
        }.get(unit)
        if lower:
            sub = _num(frac * lower[0])
            head = f"{whole}{letter}" if whole else ""
            if unit == "D":
                return f"P{head}T{sub}H"
            return f"{prefix}{head}{sub}{lower[1]}"
    return f"{prefix}{_num(amount)}{letter}"


def _num(x: float) -> str:
    return str(int(x)) if x == int(x) else str(x)


def year_from_short(text: str, dct: dt.date) -> int:
    """'98 -> 1998 when published in 2001, '05 -> 2005."""
    yy = int(text)
    century = dct.year // 100 * 100
    year = century + yy
    return year - 100 if year > dct.year + 20 else year


def past_or_future(tense: str | None) -> str:
    return "future" if tense == "future" else "past"


EARNINGS = re.compile(
    r"quarter|period|three months|a share|\bnet\b|revenue|sales|profit|earn", re.I
)


def earnings_context(m: re.Match, ctx: Context) -> bool:
    """True in an earnings report, where "a year ago" means the same quarter last year."""
    return ctx.financial and bool(EARNINGS.search(ctx.text, max(0, m.start() - 200), m.end() + 60))
