"""Explicit timexes: calendar dates ("April 16", "Aug. 7, 1998", "2025-05-01"), months, years,
decades, quarters, halves, seasons and fiscal years, clock times and holidays."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from articles.extraction import timex_calendar as cal
from articles.extraction.timex_lexicon import (
    DAY_NUM,
    MONTH,
    MONTH_BY_DAY,
    ORDINALS,
    REL,
    SEASON_CODES,
    WEEKDAY,
    YEAR,
    B,
    Context,
    Norm,
    Rule,
    earnings_context,
    month_number,
    past_or_future,
    rule_registry,
    weekday_number,
    year_from_short,
)

RULES: list[Rule] = []
_rule = rule_registry(RULES)


# --------------------------------------------------------------------------
# Explicit calendar dates
# --------------------------------------------------------------------------


@_rule(
    "month_day",
    rf"{B}(?:(?P<rel>last|this|next|this\s+past|this\s+coming)\s+)?(?:(?P<wd>{WEEKDAY}),?\s+(?:the\s+)?)?"
    rf"(?P<mon>{MONTH_BY_DAY})\s*(?P<day>{DAY_NUM})"
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
    "day_month",
    rf"{B}(?P<day>{DAY_NUM})\s+(?:of\s+)?(?P<mon>{MONTH_BY_DAY})(?:,?\s+(?P<year>{YEAR}))?",
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
    rf"{B}(?P<mon>{MONTH_BY_DAY}),?\s+(?:of\s+)?(?:(?P<year>{YEAR})|"
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
    if earnings_context(m, ctx):
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
