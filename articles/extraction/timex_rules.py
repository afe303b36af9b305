"""Rules that find temporal expressions in running text and give them TIMEX3 values.

Each rule is a regex plus a small function that turns a match into a ``Norm`` (type, value,
mod) given the publication date and the sentence tense, or rejects it. ``scan`` runs every
rule, keeps the longest non-overlapping matches from left to right, and widens date spans
with part-of-period modifiers ("early", "mid-", "the end of"). Conventions follow the
TempEval-3 (TimeML 1.2) gold data: "last year" -> "2024", "two weeks" -> "P2W", "now" ->
"PRESENT_REF", "the third quarter" -> "2025-Q3", "Friday morning" -> "2025-05-02TMO".
"""

from __future__ import annotations

import datetime as dt
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
B = r"(?<!\w)(?:(?<=mid-)|(?<=late-)|(?<=early-)|(?<=pre-)|(?<=post-)|(?<!-))"
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
        self.financial = bool(re.search(r"\bquarter|\bfiscal\b|\bper share\b", text, re.I))
        self._tense_cache: dict[int, str | None] = {}

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


def _rule(name: str, pattern: str) -> Callable[[NormFn], NormFn]:
    """Register ``fn`` as the normalizer of ``pattern`` (matched case-insensitively)."""

    def register(fn: NormFn) -> NormFn:
        RULES.append(Rule(name, re.compile(pattern, re.I), fn))
        return fn

    return register


RULES: list[Rule] = []

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


# --------------------------------------------------------------------------
# Explicit calendar dates
# --------------------------------------------------------------------------


@_rule(
    "month_day",
    rf"{B}(?:(?P<rel>last|this|next|this\s+past|this\s+coming)\s+)?(?:(?P<wd>{WEEKDAY}),?\s+(?:the\s+)?)?"
    rf"(?P<mon>{MONTH})\s*(?P<day>{DAY_NUM})"
    rf"(?:(?:\s*,\s*|\s+)(?P<year>{YEAR}))?",
)
def norm_month_day(m: re.Match, ctx: Context) -> Norm | None:
    """ "April 16", "Friday, Oct. 23", "Aug. 7, 1998"."""
    month, day = month_number(m["mon"]), int(re.sub(r"\D", "", m["day"]))
    rel = (m.groupdict().get("rel") or "").lower()
    tense = "past" if "last" in rel or "past" in rel else "future" if rel else ctx.tense(m)
    year = int(m["year"]) if m["year"] else cal.nearest_year(ctx.dct, month, day, tense)
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    ctx.anchor = date
    if m["year"]:
        ctx.anchor_year = year
    return Norm("DATE", cal.day_value(date))


@_rule(
    "day_month", rf"{B}(?P<day>{DAY_NUM})\s+(?:of\s+)?(?P<mon>{MONTH})(?:,?\s+(?P<year>{YEAR}))?"
)
def norm_day_month(m: re.Match, ctx: Context) -> Norm | None:
    """ "1 May 2025", "the 3rd of March"."""
    return norm_month_day(m, ctx)


@_rule("iso_date", r"(?<![\d-])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d-])")
def norm_iso_date(m: re.Match, ctx: Context) -> Norm | None:
    try:
        date = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    ctx.anchor = date
    return Norm("DATE", cal.day_value(date))


@_rule("slash_date", r"(?<![\d/])(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>(?:19|20)?\d\d)(?![\d/])")
def norm_slash_date(m: re.Match, ctx: Context) -> Norm | None:
    """US style 5/1/2025 (news wires are American)."""
    year = int(m["y"]) if len(m["y"]) == 4 else year_from_short(m["y"], ctx.dct)
    try:
        date = dt.date(year, int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return Norm("DATE", cal.day_value(date))


@_rule(
    "month_year",
    rf"{B}(?P<mon>{MONTH}),?\s+(?:of\s+)?(?:(?P<year>{YEAR})|"
    r"(?P<rel>this|last|next)\s+year|'(?P<yy>\d\d)(?!\d))",
)
def norm_month_year(m: re.Match, ctx: Context) -> Norm | None:
    """ "July 1997", "January this year", "June last year"."""
    if m["year"]:
        year = int(m["year"])
    elif m["yy"]:
        year = year_from_short(m["yy"], ctx.dct)
    else:
        year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    ctx.anchor_year = year
    return Norm("DATE", cal.month_value(year, month_number(m["mon"])))


MONTH_CUE = re.compile(
    r"(?:\b(?:in|since|until|till|by|of|from|to|through|before|after|during|early|late|"
    r"mid|last|this|next|the|between|and|or|past|coming|end|beginning|start|middle|until|"
    r"for|on|each|every)\s*-?|mid-|,)\s*$",
    re.I,
)


STRONG_MONTH_CUE = re.compile(
    r"\b(?:in|since|until|till|by|from|through|before|after|during|early|late|mid|last|this|next|"
    r"between|end|beginning|start|middle)\s*-?\s*$",
    re.I,
)


@_rule("month", rf"{B}(?:(?P<rel>{REL})\s+)?(?P<mon>{MONTH})")
def norm_month(m: re.Match, ctx: Context) -> Norm | None:
    """A month name alone: the nearest one, in the direction of the tense.

    "May" is a month only after a preposition-like cue ("in May", "mid-May", "last May");
    otherwise it is the modal verb or a surname. "March" must not be the verb ("to March on").
    """
    word = m["mon"]
    if word.startswith("May") and not m["rel"] and not MONTH_CUE.search(ctx.before(m)):
        return None
    if (
        word.startswith("Mar")
        and re.match(r"\s+(?:on|against|in|through|to|for|of|from)\b", ctx.after(m))
        and not STRONG_MONTH_CUE.search(ctx.before(m))
    ):
        return None  # "the March for Life", "to March on Washington"
    if re.match(r"\s*\d{1,2}\b", ctx.after(m, 4)):
        return None  # "May 5" belongs to month_day; if that refused it (a dateline), so do we
    month = month_number(word)
    rel = (m["rel"] or "").lower().split()
    dct = ctx.dct
    if (rel and rel[0] in ("last", "past", "previous")) or rel[-1:] == ["past"]:
        year = dct.year if month < dct.month else dct.year - 1
    elif rel and rel[-1] in ("next", "coming", "following"):
        year = dct.year if month > dct.month else dct.year + 1
    elif rel == ["this"]:
        year = dct.year
    else:
        year = cal.nearest_year(dct, month, None, ctx.tense(m))
    return Norm("DATE", cal.month_value(year, month))


@_rule(
    "year",
    rf"{B}(?:(?P<pre>fiscal(?:\s+year)?|calendar(?:\s+year)?|the\s+year|FY)\s*)?(?P<year>{YEAR})"
    r"(?P<short>[-/](?:\d\d)(?!\d))?",
)
def norm_year(m: re.Match, ctx: Context) -> Norm | None:
    """A four-digit year, unless the number is a count ("2000 troops") or a label."""
    before, after = ctx.before(m, 25), ctx.after(m, 25)
    if not m["pre"]:
        if re.search(
            r"(?:\b(?:about|some|nearly|almost|than|approximately|roughly|over|"
            r"No|Nos|Number|Section|Article|Chapter|Rule|Flight|Route|Room|Model|"
            r"Resolution|Title|Windows|version|Boeing|Airbus|Tu|Il|MiG)\.?\s+|[#$£€:/]\s*|\d[\s,]*)$",
            before,
        ):
            return None
        if re.match(
            r"\s*(?:%|percent|per\s*cent|(?:people|persons|troops|soldiers|workers|jobs|"
            r"tons|tonnes|barrels|cars|units|shares|points|employees|feet|meters|metres|"
            r"miles|kilometers|acres|votes|members|students|pounds|dollars|yuan|euros|"
            r"yen|rupees|calories|companies|km|kg|hectares|cases|deaths|refugees|"
            r"families|children|residents|delegates|pages|words|seats|stores|homes)\b)",
            after,
            re.I,
        ):
            return None
        if re.match(r"\s*(?:[ap]\.?m\b|GMT|hours?\b|hrs\b)", after, re.I):
            return None
    ctx.anchor_year = int(m["year"])
    return Norm("DATE", m["year"])


@_rule("short_year", r"(?<![\w$])'(?P<yy>\d\d)(?![\ds\w])")
def norm_short_year(m: re.Match, ctx: Context) -> Norm | None:
    """'98 written for 1998, after a preposition ("since '98"), not a quote ("'60 Minutes")."""
    if not re.search(
        r"\b(?:in|of|since|by|until|from|to|through|before|after|during|class|"
        r"summer|spring|fall|winter|early|late|mid)\s*-?\s*$",
        ctx.before(m, 12),
        re.I,
    ):
        return None
    return Norm("DATE", str(year_from_short(m["yy"], ctx.dct)))


@_rule(
    "decade",
    rf"{B}(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<dec>(?:1[6-9]|20)\d0)|"
    r"'(?P<short>\d0)|(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|"
    r"nineties))'?s?(?<=[s0])(?![\w])",
)
def norm_decade(m: re.Match, ctx: Context) -> Norm | None:
    """ "the 1990s" -> 199X, "the '80s" -> 198X, "the nineties"."""
    raw = m.group(0)
    if m["dec"] and not raw.rstrip("'").endswith("s"):
        return None  # a bare year ending in 0 is a year
    if m["dec"]:
        year = int(m["dec"])
    elif m["short"]:
        year = year_from_short(m["short"], ctx.dct)
    else:
        words = [
            "twenties",
            "thirties",
            "forties",
            "fifties",
            "sixties",
            "seventies",
            "eighties",
            "nineties",
        ]
        year = 1920 + 10 * words.index(m["word"].lower())
        if year + 100 <= ctx.dct.year - 20:
            year += 100
    mod = {"early": "EARLY", "mid": "MID", "late": "LATE"}.get((m["mod"] or "").lower())
    return Norm("DATE", f"{year // 10}X", mod)  # TempEval-3 news: "the 1990s" -> "199X"


@_rule("century", rf"{B}(?:the\s+)?(?P<n>\d{{1,2}})(?:st|nd|rd|th)\s+century")
def norm_century(m: re.Match, ctx: Context) -> Norm | None:
    return Norm("DATE", f"{int(m['n']) - 1:02d}")


# --------------------------------------------------------------------------
# Quarters, halves, seasons, fiscal years
# --------------------------------------------------------------------------

YEAR_OWNER = r"(?:this|last|next)\s+year's"


def quarter_year(ctx: Context, m: re.Match, quarter: int) -> int:
    """Year of "the third quarter": this year's, unless that quarter has not begun yet and
    the sentence talks about the past (a January report on "the fourth quarter")."""
    dct = ctx.dct
    if quarter > cal.quarter_of(dct) and ctx.tense(m) != "future":
        return dct.year - 1
    return dct.year


def owner_year(owner: str | None, ctx: Context) -> int | None:
    """Year given by a possessive or attributive: "last year's", "the 1988", "year-earlier"."""
    if not owner:
        return None
    o = owner.lower()
    if re.search(r"\d{4}", o):
        return int(re.search(r"\d{4}", o)[0])
    if "last year" in o or "year-earlier" in o or "year-ago" in o or "year earlier" in o:
        return ctx.ref_quarter[0] - 1 if ("earlier" in o or "ago" in o) else ctx.dct.year - 1
    if "next year" in o:
        return ctx.dct.year + 1
    if "this year" in o or "current" in o:
        return ctx.dct.year
    return None


@_rule(
    "quarter",
    rf"{B}(?:(?P<owner>the\s+(?:comparable\s+|same\s+)?(?:year-earlier|year-ago|(?:fiscal\s+)?"
    rf"{YEAR})|{YEAR_OWNER}|the|fiscal(?:\s+{YEAR})?)\s+)?(?P<fiscal>fiscal[\s-]+)?"
    r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)(?P<sep>[\s-]+)(?:fiscal[\s-]+)?quarter(?!s)"
    rf"(?:\s+of\s+(?:fiscal\s+)?(?P<year>{YEAR}|this\s+year|last\s+year|next\s+year))?",
)
def norm_quarter(m: re.Match, ctx: Context) -> Norm | None:
    """ "the third quarter", "third-quarter", "the fiscal first quarter", "Q3 2025"."""
    q = ORDINALS[m["ord"].lower()]
    owner = m["owner"] or ""
    year = owner_year(m["year"], ctx) or owner_year(owner, ctx)
    if year is None:
        year = quarter_year(ctx, m, q)
    if "year-earlier" in owner.lower() or "year-ago" in owner.lower():
        year = quarter_year(ctx, m, q) - 1
    ctx.ref_quarter = (year, q)
    start = None
    if m["sep"] == "-" and owner.lower() == "the":  # "the third-quarter results"
        start = m.start("fiscal") if m["fiscal"] else m.start("ord")
    return Norm("DATE", f"{year}-Q{q}", start=start)


@_rule("q_quarter", rf"{B}Q(?P<q>[1-4])(?:\s+|\s*,\s*|-)?(?P<year>{YEAR})?(?![\w])")
def norm_q_quarter(m: re.Match, ctx: Context) -> Norm | None:
    if m.group(0)[0] != "Q":
        return None
    q = int(m["q"])
    year = int(m["year"]) if m["year"] else quarter_year(ctx, m, q)
    ctx.ref_quarter = (year, q)
    return Norm("DATE", f"{year}-Q{q}")


@_rule(
    "anaphoric_quarter",
    rf"{B}(?:(?P<det>the|this|that|last|next|its|the\s+(?:latest|current|"
    r"most\s+recent|previous|prior|preceding|same|comparable|latest\s+fiscal|recent|just-ended|"
    r"year-earlier|year-ago))\s+)(?:fiscal\s+)?quarter(?!s|ly)"
    r"(?:\s+(?P<ago>a\s+year\s+(?:ago|earlier)|of\s+last\s+year|last\s+year))?",
)
def norm_anaphoric_quarter(m: re.Match, ctx: Context) -> Norm | None:
    """ "the quarter", "the latest quarter": the quarter the report is about."""
    det = re.sub(r"\s+", " ", m["det"].lower())
    dct_q = (ctx.dct.year, cal.quarter_of(ctx.dct))
    year, q = ctx.ref_quarter
    if any(w in det for w in ("latest", "most recent", "just-ended", "recent")):
        last_q = cal.add_months(ctx.dct, -3)
        year, q = last_q.year, cal.quarter_of(last_q)
    elif det in ("this", "the current"):
        year, q = dct_q
    elif det == "next":
        nxt = cal.add_months(ctx.dct, 3)
        year, q = nxt.year, cal.quarter_of(nxt)
    elif det == "last" or "previous" in det or "prior" in det or "preceding" in det:
        prev = cal.add_months(ctx.dct, -3)
        year, q = prev.year, cal.quarter_of(prev)
    if "year-earlier" in det or "year-ago" in det or m["ago"]:
        year -= 1
    return Norm("DATE", f"{year}-Q{q}")


@_rule(
    "year_ago_period",
    rf"{B}(?:the\s+)?(?:comparable\s+|same\s+)?(?:year-earlier|year-ago|"
    r"year\s+earlier|year\s+ago)(?:\s+(?:period|quarter))?(?![\w-])",
)
def norm_year_ago_period(m: re.Match, ctx: Context) -> Norm | None:
    """ "year-earlier" profit, "the year-ago period": the reported quarter a year before."""
    text = m.group(0).lower()
    if not text.startswith(("the", "year-", "comparable", "same")):
        return None
    if _earnings_context(m, ctx):
        year, q = ctx.ref_quarter
        return Norm("DATE", f"{year - 1}-Q{q}")
    return Norm("DATE", str(ctx.dct.year - 1))


@_rule(
    "half",
    rf"{B}(?:the\s+)?(?P<ord>first|second|last|latter)\s+half(?:\s+of\s+(?:(?P<year>{YEAR})|"
    r"(?P<rel>this|last|next)\s+year|the\s+year))?",
)
def norm_half(m: re.Match, ctx: Context) -> Norm | None:
    """ "the first half of 2025" -> 2025-H1; "the second half" -> this year's."""
    h = 1 if m["ord"].lower() == "first" else 2
    if m["year"]:
        year = int(m["year"])
    elif m["rel"]:
        year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    else:
        if not re.search(
            r"\b(?:year|quarter|fiscal|profit|sales|growth|earnings|economy)",
            ctx.after(m, 60) + ctx.before(m, 60),
            re.I,
        ):
            return None
        year = ctx.dct.year
    return Norm("DATE", f"{year}-H{h}")


@_rule(
    "season",
    rf"{B}(?:(?P<rel>{REL}|the|early|late|mid)\s+)?(?P<season>spring|summer|fall|autumn|winter)"
    rf"(?:\s+(?:of\s+)?(?P<year>{YEAR}))?(?![\w-])",
)
def norm_season(m: re.Match, ctx: Context) -> Norm | None:
    """ "last fall" -> 2024-FA, "this summer" -> 2025-SU."""
    code = SEASON_CODES[m["season"].lower()]
    rel = (m["rel"] or "").lower()
    word = m["season"].lower()
    if word == "fall" and not rel and not m["year"]:
        return None  # "prices fall"
    if (
        not rel
        and not m["year"]
        and not re.search(
            r"\b(?:in|this|last|next|during|by|until|since|the)\s*$", ctx.before(m, 12), re.I
        )
    ):
        return None
    dct = ctx.dct
    first_month = cal.SEASONS[code][0]
    this_started = dct.month >= first_month if code != "WI" else True
    if m["year"]:
        year = int(m["year"])
    elif "last" in rel or "past" in rel or "previous" in rel:
        year = dct.year if first_month < dct.month - 2 and code != "WI" else dct.year - 1
    elif "next" in rel or "coming" in rel or "following" in rel:
        year = dct.year if first_month > dct.month else dct.year + 1
    elif rel == "this":
        year = dct.year
    else:
        tense = ctx.tense(m)
        year = dct.year - 1 if tense == "past" and not this_started else dct.year
    mod = {"early": "EARLY", "late": "LATE", "mid": "MID"}.get(rel)
    return Norm("DATE", f"{year}-{code}", mod)


# --------------------------------------------------------------------------
# Days relative to the publication date
# --------------------------------------------------------------------------


@_rule(
    "weekday",
    rf"{B}(?:(?P<rel>last|this|next|this\s+past|this\s+coming|coming|past|previous|following)\s+)?"
    rf"(?P<wd>{WEEKDAY})(?!s)(?:\s+(?P<pod>morning|afternoon|evening|night))?(?!\w)",
)
def norm_weekday(m: re.Match, ctx: Context) -> Norm | None:
    """A weekday: past (or today) in past and present sentences, the next one in future ones."""
    weekday = weekday_number(m["wd"])
    rel = (m["rel"] or "").lower()
    if rel in ("last", "past", "this past", "previous"):
        direction = "past_strict"
    elif rel in ("next", "coming", "this coming", "following"):
        direction = "future"
    elif rel == "this":
        direction = "future_or_today" if ctx.tense(m) == "future" else "past"
    elif ctx.after(m, 2) == "'s" and not ctx.forced_tense:
        direction = "past"  # "Friday's vote" is usually a reported event
    else:
        # "is set to meet on Thursday" in a Thursday paper means today, not a week ahead
        direction = {"future": "future_or_today", "present": "nearest"}.get(ctx.tense(m), "past")
    date = cal.weekday_date(ctx.dct, weekday, direction)
    ctx.anchor = date
    # "Friday night" keeps the day's value: the TempEval-3 news annotations give the plain
    # date more often than 2025-05-02TNI, and a day is what a timeline needs
    return Norm("DATE", date.isoformat())


@_rule(
    "weekday_set",
    rf"{B}(?:(?:every|each)\s+(?P<wd1>{WEEKDAY})|(?:on\s+)?(?P<wd2>{WEEKDAY})s)(?!\w)",
)
def norm_weekday_set(m: re.Match, ctx: Context) -> Norm | None:
    """ "every Tuesday", "on Tuesdays" -> XXXX-WXX-2."""
    wd = weekday_number(m["wd1"] or m["wd2"]) + 1
    return Norm("SET", f"XXXX-WXX-{wd}")


@_rule(
    "relative_day",
    r"\b(?P<word>today|tonight|tomorrow|yesterday|the\s+day\s+before\s+yesterday|"
    r"the\s+day\s+after\s+tomorrow)(?:\s+(?P<pod>morning|afternoon|evening|night))?(?!\w)",
)
def norm_relative_day(m: re.Match, ctx: Context) -> Norm | None:
    word = re.sub(r"\s+", " ", m["word"].lower())
    offset = {
        "today": 0,
        "tonight": 0,
        "tomorrow": 1,
        "yesterday": -1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }[word]
    date = ctx.dct + dt.timedelta(days=offset)
    ctx.anchor = date
    pod = m["pod"]  # "tonight" stays a plain date, like "Friday night"
    if pod:
        return Norm("TIME", f"{date.isoformat()}T{PART_OF_DAY[pod.lower()]}")
    return Norm("DATE", date.isoformat())


@_rule(
    "this_part_of_day",
    r"\b(?P<rel>this|last|late\s+last|early\s+this|later\s+this)\s+"
    r"(?P<pod>morning|afternoon|evening|night)\b",
)
def norm_this_part_of_day(m: re.Match, ctx: Context) -> Norm | None:
    """ "this morning" -> today TMO, "last night" -> yesterday TNI."""
    rel = m["rel"].lower()
    date = ctx.dct - dt.timedelta(days=1 if rel.endswith("last") else 0)
    return Norm("TIME", f"{date.isoformat()}T{PART_OF_DAY[m['pod'].lower()]}")


# --------------------------------------------------------------------------
# Periods relative to the publication date
# --------------------------------------------------------------------------

PERIOD = r"(?:week(?:end)?|month|quarter|year|fiscal\s+year|decade|century)"


def period_value(ctx: Context, unit: str, offset: int) -> str:
    code = {
        "week": "W",
        "weekend": "WE",
        "month": "M",
        "quarter": "Q",
        "year": "Y",
        "fiscal year": "Y",
        "decade": "E",
        "century": "C",
    }[unit]
    if code == "WE":
        return cal.week_value(cal.shift(ctx.dct, "W", offset)) + "-WE"
    return cal.value_at(cal.shift(ctx.dct, code, offset), code)


@_rule(
    "relative_period",
    rf"{B}(?P<rel>last|this|next|the\s+(?:past|last|previous|prior|current|coming|"
    rf"next|following|present)|this\s+(?:past|coming|current)|the\s+same|that|the\s+latest)\s+(?P<unit>{PERIOD})(?!s)(?![\w-])",
)
def norm_relative_period(m: re.Match, ctx: Context) -> Norm | None:
    """ "last week", "this year", "next month", "the past year", "the current quarter"."""
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    unit = re.sub(r"\s+", " ", m["unit"].lower())
    if unit == "quarter":
        return None  # anaphoric_quarter handles it
    if rel in ("that", "the same", "the latest"):
        if unit == "year":
            return Norm("DATE", str(ctx.anchor_year))
        return None
    if unit == "year" and rel in ("the following", "the previous", "the prior"):
        return Norm("DATE", str(ctx.anchor_year + (1 if rel == "the following" else -1)))
    last = rel in ("last", "the past", "the last", "the previous", "the prior", "this past")
    nxt = rel in ("next", "the coming", "the next", "the following", "this coming")
    offset = -1 if last else 1 if nxt else 0
    if unit == "week" and rel in ("the past", "the last"):
        offset = 0  # "for the past week": the seven days up to now
    if unit in ("decade", "century"):
        if offset:
            return Norm("DURATION", duration_value(1, unit_code(unit)))
        return Norm("DATE", period_value(ctx, unit, 0))
    if unit == "weekend" and rel == "this" and ctx.dct.weekday() < 4 and ctx.tense(m) == "past":
        offset = -1
    return Norm("DATE", period_value(ctx, unit, offset))


@_rule(
    "the_year",
    r"\b[Tt]he\s+(?:(?P<which>full|fiscal|entire|whole|current|current\s+fiscal|calendar)\s+)?year"
    r"(?![\w'-])(?!\s+(?:ago|earlier|before|later|after|two|\d))",
)
def norm_the_year(m: re.Match, ctx: Context) -> Norm | None:
    """ "for the year" -> this year; "the year ended Sept. 30" -> a twelve-month P1Y."""
    if re.match(r"\s+(?:that\s+)?end(?:ed|ing|s)\b", ctx.after(m, 20)):
        return Norm("DURATION", "P1Y")
    return Norm("DATE", str(ctx.dct.year))


@_rule("the_weekend", r"\bthe\s+weekend\b")
def norm_the_weekend(m: re.Match, ctx: Context) -> Norm | None:
    """ "the weekend": the coming one in future sentences, else the last one."""
    dct = ctx.dct
    if ctx.tense(m) == "future":
        offset = 0 if dct.weekday() < 5 else 1
    else:
        offset = 0 if dct.weekday() >= 5 else -1
    start = m.group(0).lower().find("the")
    del start
    return Norm("DATE", cal.week_value(cal.shift(dct, "W", offset)) + "-WE")


@_rule("period_end", r"\b(?P<which>year|month|quarter|week)[\s-]end\b")
def norm_period_end(m: re.Match, ctx: Context) -> Norm | None:
    """ "year-end" -> this year's end (last year's when written early in the year)."""
    unit = m["which"].lower()
    if unit == "year":
        tense = ctx.tense(m)
        year = ctx.dct.year - 1 if tense == "past" and ctx.dct.month <= 3 else ctx.dct.year
        return Norm("DATE", f"{year}-12-31")  # the gold data reads year-end as Dec. 31
    return Norm("DATE", period_value(ctx, unit, 0), "END")


@_rule(
    "edge_of_period",
    rf"{B}(?:the\s+)?(?P<edge>beginning|start|middle|end|close|turn)\s+of\s+"
    rf"(?P<rel>the|this|next|last)\s+(?P<unit>week|month|quarter|year|fiscal\s+year|decade|century)(?!s)\b",
)
def norm_edge_of_period(m: re.Match, ctx: Context) -> Norm | None:
    """ "the end of the year" -> this year, MOD END ("by the end of next month")."""
    rel = m["rel"].lower()
    offset = {"the": 0, "this": 0, "next": 1, "last": -1}[rel]
    unit = re.sub(r"\s+", " ", m["unit"].lower())
    mod = {"beginning": "START", "start": "START", "middle": "MID", "turn": "END"}.get(
        m["edge"].lower(), "END"
    )
    return Norm("DATE", period_value(ctx, unit, offset), mod)


@_rule(
    "earlier_this",
    r"\b(?P<adv>earlier|later)\s+(?:this|in\s+the)\s+(?P<unit>week|month|year|quarter)(?![\w-])",
)
def norm_earlier_this(m: re.Match, ctx: Context) -> Norm | None:
    """ "earlier this year" -> this year."""
    unit = m["unit"].lower()
    if unit == "quarter":
        return Norm("DATE", f"{ctx.dct.year}-Q{cal.quarter_of(ctx.dct)}")
    return Norm("DATE", period_value(ctx, unit, 0))


@_rule(
    "ago",
    rf"{B}(?:(?P<mod>about|almost|nearly|more\s+than|less\s+than|some|roughly|approximately|"
    rf"just|only|over|barely|around|at\s+least)\s+)?(?P<num>{NUM})(?:\s+or\s+so)?[\s-]+(?P<unit>{UNIT})s?"
    r"(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|before|later|from\s+now|hence)(?!\w)",
)
def norm_ago(m: re.Match, ctx: Context) -> Norm | None:
    """ "two weeks ago" -> that week; "a year ago" in an earnings report -> that quarter."""
    amount = parse_number(m["num"])
    unit = unit_code(m["unit"])
    direction = m["dir"].lower()
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    if direction in ("before", "after", "later") and amount != 1:
        return None  # "two days later": relative to an event, not datable here
    if amount is None:
        return Norm("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    if amount != int(amount) or unit in ("S", "TM", "H"):
        return None
    amount = int(amount)
    if unit == "Y" and amount == 1 and _earnings_context(m, ctx):
        year, q = ctx.ref_quarter
        return Norm("DATE", f"{year - 1}-Q{q}")
    if unit == "F":
        unit, amount = "W", amount * 2
    if unit == "WE":
        unit = "W"
    date = cal.shift(ctx.dct, unit, sign * amount)
    if unit in ("E", "C"):
        unit = "Y"
    if unit == "D":
        ctx.anchor = date
    return Norm("DATE", cal.value_at(date, unit))


EARNINGS = re.compile(
    r"quarter|period|three months|a share|\bnet\b|revenue|sales|profit|earn", re.I
)


def _earnings_context(m: re.Match, ctx: Context) -> bool:
    """True in an earnings report, where "a year ago" means the same quarter last year."""
    return ctx.financial and bool(EARNINGS.search(ctx.text, max(0, m.start() - 200), m.end() + 60))


# --------------------------------------------------------------------------
# Durations
# --------------------------------------------------------------------------

DURATION_MOD = (
    r"(?:more\s+than|less\s+than|fewer\s+than|no\s+more\s+than|no\s+less\s+than|"
    r"at\s+least|at\s+most|up\s+to|nearly|almost|about|around|approximately|"
    r"roughly|over|under|only|just|another|an\s+additional|a\s+further)"
)
DURATION_LEAD = (
    r"(?:the|these|those|its|their|his|her|our)\s+(?:(?:first|last|past|next|previous|"
    r"coming|following|latest|entire|whole|full|final|remaining|initial|same|"
    r"prior|preceding|ensuing)\s+)?"
)


@_rule(
    "duration",
    rf"{B}(?P<lead>{DURATION_LEAD})?(?:(?P<mod>{DURATION_MOD})\s+)?(?P<num>{NUM})"
    rf"(?:\s+(?P<adj>more|additional|straight|consecutive|trading|business|working|calendar|"
    rf"full|long))?(?P<sep>[\s-]+)(?P<unit>{UNIT})(?P<pl>s)?(?P<old>-old|-long)?(?![\w-])",
)
def norm_duration(m: re.Match, ctx: Context) -> Norm | None:
    """ "two weeks", "a 90-day reprieve", "the past three months", "5 1/2 hours"."""
    amount = parse_number(m["num"])
    unit = unit_code(m["unit"])
    num_text = m["num"].lower()
    lead = (m["lead"] or "").lower()
    if num_text in ("a", "an") and m["sep"] != " " and "-" in m["sep"]:
        return None
    if num_text in ("some", "many") and not m["pl"]:
        return None
    if m["old"] == "-old" or re.match(r"\s+old\b", ctx.after(m, 5)):
        return None  # ages: "a 6-year-old"
    if num_text in ("a", "an", "one") and unit in ("Y", "D", "W", "M") and _is_rate(m, ctx):
        return Norm("SET", duration_value(1, unit))
    value = duration_value(amount, unit)
    start = None
    if (
        "-" in m["sep"]
        and lead
        and not re.search(r"first|last|past|next|previous|coming|following", lead)
    ):
        start = m.start("mod") if m["mod"] else m.start("num")  # "the 30-day period"
    if (
        not lead
        and not m["mod"]
        and amount is not None
        and unit not in ("S", "TM", "H")
        and re.search(r"\bin\s+$", ctx.before(m, 8), re.I)
        and ctx.tense(m) != "past"
    ):
        # "in three weeks" (from now) is a date; TimeML keeps "in" outside the span
        date = cal.shift(
            ctx.dct, {"F": "W", "WE": "W"}.get(unit, unit), int(amount) * (2 if unit == "F" else 1)
        )
        code = {"E": "Y", "C": "Y", "F": "W", "WE": "W"}.get(unit, unit)
        return Norm("DATE", cal.value_at(date, code))
    return Norm("DURATION", value, start=start)


def _is_rate(m: re.Match, ctx: Context) -> bool:
    """ "$5 a year", "twice a day": the unit is a frequency, not a span."""
    if m["lead"] or m["mod"]:
        return False
    if m["num"].lower() not in ("a", "per"):
        return False
    return bool(
        re.search(
            r"(?:\d|\bonce|\btwice|\btimes|\bpercent|%|\bmillion|\bbillion|"
            r"\bthousand|\bhundred|\bdollars?|\bcents?)\W{0,3}(?:\w+\W+){0,2}$",
            ctx.before(m, 40),
            re.I,
        )
    )


@_rule(
    "bare_units",
    r"\b(?:(?P<lead>for|over|in|within|after|take|takes|took|taken|last|lasted|"
    r"lasts|spent|spend)\s+)(?P<tx>(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades|centuries))(?![\w-])",
)
def norm_bare_units(m: re.Match, ctx: Context) -> Norm | None:
    """ "for years", "in months" -> PXY, PXM (the verb or preposition stays outside)."""
    return Norm("DURATION", duration_value(None, unit_code(m["unit"])))


@_rule(
    "unit_long",
    r"\b(?P<unit>day|week|month|year|decade|hour)s?-long\b|\b(?P<multi>multi|many)-?(?P<unit2>day|week|month|year|decade)\b",
)
def norm_unit_long(m: re.Match, ctx: Context) -> Norm | None:
    """ "day-long" -> P1D, "decades-long" -> PXE, "multiyear" -> PXY."""
    word = m.group(0).lower()
    unit = unit_code(m["unit"] or m["unit2"])
    vague = m["multi"] or re.search(r"s-long", word)
    return Norm("DURATION", duration_value(None if vague else 1, unit))


@_rule(
    "recent_units",
    r"\b(?:the\s+)?(?P<rel>recent|coming|upcoming|past|last|next|previous)\s+"
    r"(?P<few>few\s+|several\s+|many\s+)?(?P<unit>days|weeks|months|quarters|years|decades)\b",
)
def norm_recent_units(m: re.Match, ctx: Context) -> Norm | None:
    """ "recent months" -> PAST_REF, "coming years" -> FUTURE_REF, "the past few weeks" -> PXW."""
    rel = m["rel"].lower()
    if rel == "recent":
        return Norm("DATE", "PAST_REF")
    if rel in ("coming", "upcoming") and not m["few"]:
        return Norm("DATE", "FUTURE_REF")
    if not m.group(0).lower().startswith("the") and not m["few"]:
        return None
    return Norm("DURATION", duration_value(None, unit_code(m["unit"])))


# --------------------------------------------------------------------------
# Reference words and sets
# --------------------------------------------------------------------------

REF_WORDS = {
    "now": "PRESENT_REF",
    "right now": "PRESENT_REF",
    "just now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "current": "PRESENT_REF",
    "presently": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "at the moment": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "the present": "PRESENT_REF",
    "the moment": "PRESENT_REF",
    "recently": "PAST_REF",
    "recent": "PAST_REF",
    "lately": "PAST_REF",
    "previously": "PAST_REF",
    "formerly": "PAST_REF",
    "the past": "PAST_REF",
    "the recent past": "PAST_REF",
    "once": "PAST_REF",
    "the future": "FUTURE_REF",
    "future": "FUTURE_REF",
    "the near future": "FUTURE_REF",
    "soon": "FUTURE_REF",
    "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF",
    "the long term": "FUTURE_REF",
    "the long run": "FUTURE_REF",
    "a later date": "FUTURE_REF",
    "someday": "FUTURE_REF",
    "the distant future": "FUTURE_REF",
}


# Words the TimeML annotators tag more often than not. Left out on purpose, because the gold
# data leaves them untagged most of the time: "previously", "formerly", "soon", bare
# "future" and "recent" (adjectives), "the long run".
@_rule(
    "ref_word",
    r"\b(?:(?:right|just)\s+(?=now))?(?P<tx>now|currently|current|at\s+present|these\s+days|"
    r"nowadays|the\s+(?:recent\s+)?past|recently|lately|"
    r"the\s+(?:near\s+|distant\s+)?future|the\s+(?:near|short)\s+term|"
    r"a\s+later\s+date)(?![\w-])",
)
def norm_ref_word(m: re.Match, ctx: Context) -> Norm | None:
    """ "now", "currently", "recently", "the past", "the future", "soon"."""
    word = re.sub(r"\s+", " ", m["tx"].lower())
    before, after = ctx.before(m, 20), ctx.after(m, 20)
    if word == "now" and re.match(r"-|\s+that\b", after):
        return None  # "now-defunct", "now that"
    if word in ("current", "recent") and re.match(
        r"\s+(?:account|affairs|events|accounts|"
        r"assets|liabilities)",
        after,
        re.I,
    ):
        return None
    if word == "future" and re.match(r"s\b", after):
        return None
    if word == "soon" and re.match(r"\s+after|\s+as\b|er\b", after, re.I):
        return None
    if word == "once" or (
        word == "current" and re.search(r"\b(?:then|the)\s*$", before) is None and False
    ):
        return None
    if word == "the past" and re.match(
        r"\s+(?:few|several|\d|two|three|four|five|six|decade|year|"
        r"month|week|day)",
        after,
        re.I,
    ):
        return None
    return Norm("DATE", REF_WORDS[word])


SET_WORDS = {
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "biweekly": "P2W",
    "monthly": "P1M",
    "yearly": "P1Y",
    "hourly": "PT1H",
}


# "quarterly" and "annually" are left out: in news they mostly qualify figures
# ("quarterly profit", "$5 billion annually") and the gold leaves them untagged.
@_rule("set_word", r"\b(?:daily|nightly|weekly|biweekly|monthly|yearly|hourly)\b")
def norm_set_word(m: re.Match, ctx: Context) -> Norm | None:
    return Norm("SET", SET_WORDS[m.group(0).lower()])


@_rule(
    "every",
    rf"\b(?:every|each|per)\s+(?:(?P<other>other)\s+|(?P<num>{NUM})\s+)?(?P<unit>{UNIT}|"
    r"morning|evening|afternoon|night)s?\b",
)
def norm_every(m: re.Match, ctx: Context) -> Norm | None:
    """ "every day" -> P1D, "every two years" -> P2Y, "each morning" -> XXXX-XX-XXTMO."""
    word = m["unit"].lower()
    if word in ("morning", "evening", "afternoon") or (word == "night" and not m["num"]):
        return Norm("SET", f"XXXX-XX-XXT{PART_OF_DAY[word]}")
    amount = 2 if m["other"] else parse_number(m["num"]) if m["num"] else 1
    if amount is None:
        return None
    return Norm("SET", duration_value(amount, unit_code(word)))


# --------------------------------------------------------------------------
# Clock times and holidays
# --------------------------------------------------------------------------

TIME_DAY = rf"(?P<day>{WEEKDAY}|today|tonight|tomorrow|yesterday)"


@_rule(
    "clock",
    rf"\b(?P<h>[01]?\d|2[0-3])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ap>[ap]\.?\s?m\b\.?|o'clock)"
    rf"(?:\s+(?P<tz>(?-i:[A-Z]{{1,3}}T|GMT|UTC)|local\s+time))?(?:\s+(?:on\s+)?{TIME_DAY})?(?!\w)",
)
def norm_clock(m: re.Match, ctx: Context) -> Norm | None:
    """ "10:35 a.m.", "9 a.m. EST Tuesday", "4 p.m. yesterday"."""
    hour = int(m["h"])
    ap = m["ap"].lower()
    if ap.startswith("p") and hour < 12:
        hour += 12
    elif ap.startswith("a") and hour == 12:
        hour = 0
    date = _clock_day(m, ctx)
    return Norm("TIME", f"{date.isoformat()}T{hour:02d}:{int(m['min'] or 0):02d}")


def _clock_day(m: re.Match, ctx: Context) -> dt.date:
    if not m["day"]:
        return ctx.anchor
    day = m["day"].lower()
    if day in ("today", "tonight"):
        return ctx.dct
    if day in ("tomorrow", "yesterday"):
        return ctx.dct + dt.timedelta(days=1 if day == "tomorrow" else -1)
    return cal.weekday_date(ctx.dct, weekday_number(day), past_or_future(ctx.tense(m)))


@_rule(
    "clock_24",
    r"(?<![\d:.$])(?P<h>[01]\d|2[0-3]):(?P<min>[0-5]\d)(?:\s+(?P<tz>(?-i:GMT|UTC|[A-Z]{1,3}T)|local\s+time))?(?![\d:])",
)
def norm_clock_24(m: re.Match, ctx: Context) -> Norm | None:
    if not m["tz"] and not re.search(r"\bat\s*$", ctx.before(m, 5)):
        return None
    return Norm("TIME", f"{ctx.anchor.isoformat()}T{m['h']}:{m['min']}")


@_rule(
    "noon",
    rf"\b(?P<word>noon|midnight|midday|mid-?afternoon|mid-?morning)(?:\s+(?:on\s+)?{TIME_DAY})?\b",
)
def norm_noon(m: re.Match, ctx: Context) -> Norm | None:
    word = m["word"].lower().replace("-", "")
    if re.search(r"\bhigh\s+$", ctx.before(m, 6), re.I):
        return None  # "High Noon"
    date = _clock_day(m, ctx) if m["day"] else ctx.anchor
    clock = {
        "noon": "12:00",
        "midday": "12:00",
        "midnight": "24:00",
        "midafternoon": "AF",
        "midmorning": "MO",
    }[word]
    return Norm("TIME", f"{date.isoformat()}T{clock}")


def _thanksgiving(year: int) -> dt.date:
    nov1 = dt.date(year, 11, 1)
    return nov1 + dt.timedelta(days=(3 - nov1.weekday()) % 7 + 21)


def _easter(year: int) -> dt.date:
    from dateutil.easter import easter

    return easter(year)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = cal.month_end(year, month)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "christmas eve": lambda y: dt.date(y, 12, 24),
    "christmas": lambda y: dt.date(y, 12, 25),
    "new year's eve": lambda y: dt.date(y, 12, 31),
    "new year's": lambda y: dt.date(y, 1, 1),
    "thanksgiving": _thanksgiving,
    "easter": _easter,
    "independence day": lambda y: dt.date(y, 7, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1),
    "halloween": lambda y: dt.date(y, 10, 31),
    "valentine's day": lambda y: dt.date(y, 2, 14),
    "veterans day": lambda y: dt.date(y, 11, 11),
}


@_rule(
    "holiday",
    rf"\b(?:(?P<rel>last|this|next)\s+)?(?P<name>(?-i:Christmas\s+Eve|Christmas|New\s+Year's\s+Eve|"
    r"New\s+Year's|Thanksgiving|Easter|Independence\s+Day|Labor\s+Day|Memorial\s+Day|Election\s+Day|"
    r"Halloween|Valentine's\s+Day|Veterans\s+Day))(?!\w)(?:\s+(?P<day>Day|Sunday|Eve))?"
    rf"(?:,?\s+(?P<year>{YEAR}))?",
)
def norm_holiday(m: re.Match, ctx: Context) -> Norm | None:
    """ "Thanksgiving Day", "last Christmas", "Easter 1999"."""
    name = re.sub(r"\s+", " ", m["name"].lower())
    if name == "new year's" and not m["day"]:
        return None  # "New Year's resolutions"
    fn = HOLIDAYS[name]
    rel = (m["rel"] or "").lower()
    if m["year"]:
        date = fn(int(m["year"]))
    elif rel == "this":
        date = fn(ctx.dct.year)
    else:
        tense = {"last": "past", "next": "future"}.get(rel) or ctx.tense(m)
        probe = fn(ctx.dct.year)
        date = fn(cal.nearest_year(ctx.dct, probe.month, probe.day, tense))
    if name == "easter" and not m["day"] and re.match(r"\s+week", ctx.after(m), re.I):
        return None
    ctx.anchor = date
    return Norm("DATE", date.isoformat())


# --------------------------------------------------------------------------
# Modifiers and the scan
# --------------------------------------------------------------------------

PREFIX = re.compile(
    r"(?:(?P<edge>(?:the\s+)?(?:very\s+)?(?:beginning|start|middle|end|close|turn)\s+of)\s+|"
    r"(?P<adj>early|late|mid|earlier|later|around|about|approximately|roughly|as\s+early\s+as|"
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


# Cheap tests that must pass before a rule's full pattern is worth running: the duration,
# season and quarter patterns are the slow ones, and most sentences cannot match them. A unit
# word must start a word: "day" in "Monday" or "today" does not open a duration.
_UNIT_WORD = re.compile(
    r"(?<![^\W\d_])(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur)",
    re.I,
)
_AGO_WORD = re.compile(r"ago|earlier|before|later|from now|hence", re.I)
_MONTH_NAME = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_WEEKDAY_NAME = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day")
_DIGITS = re.compile(r"\d")
GATES: dict[str, tuple[re.Pattern, ...]] = {
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
    "recent_units": (_UNIT_WORD,),
    "unit_long": (_UNIT_WORD,),
    "year_ago_period": (_UNIT_WORD,),
    "season": (re.compile(r"spring|summer|fall|autumn|winter", re.I),),
    "decade": (re.compile(r"\d0'?s|decade|ties\b", re.I),),
    "quarter": (re.compile(r"quarter|\bQ[1-4]", re.I),),
    "q_quarter": (re.compile(r"quarter|\bQ[1-4]", re.I),),
    "anaphoric_quarter": (re.compile(r"quarter", re.I),),
    "century": (re.compile(r"centur", re.I),),
    "half": (re.compile(r"half", re.I),),
}


RULE_GATES = [GATES.get(rule.name, ()) for rule in RULES]  # aligned with RULES
ALL_GATES = {gate for gates in GATES.values() for gate in gates}


def scan(text: str, dct: dt.date, tense: str | None = None) -> list[Hit]:
    """All temporal expressions in ``text``, left to right, without overlaps."""
    candidates = []
    open_gates = {gate: gate.search(text) is not None for gate in ALL_GATES}
    for priority, rule in enumerate(RULES):
        closed = False
        for gate in RULE_GATES[priority]:
            if not open_gates[gate]:
                closed = True
                break
        if closed:
            continue
        for m in rule.pattern.finditer(text):
            start, end = m.span("tx") if "tx" in m.re.groupindex and m["tx"] else m.span()
            if end > start:
                candidates.append((start, start - end, priority, m, rule, end))
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
