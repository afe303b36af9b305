"""Relative timexes, resolved against the publication date: weekdays, "yesterday", "last week",
"two months ago", "earlier this year", reference words ("now", "recently") and sets ("every
Monday")."""

from __future__ import annotations

import datetime as dt
import re

from articles.extraction import timex_calendar as cal
from articles.extraction.timex_lexicon import (
    NUM,
    PART_OF_DAY,
    UNIT,
    WEEKDAY,
    B,
    Context,
    Norm,
    Rule,
    duration_value,
    earnings_context,
    parse_number,
    rule_registry,
    unit_code,
    weekday_number,
)

RULES: list[Rule] = []
_rule = rule_registry(RULES)


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
    if unit == "week" and rel == "this" and ctx.dct.weekday() == 6 and ctx.tense(m) == "future":
        offset = 1  # written on a Sunday, "will visit this week" is the week that starts next
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
    r"(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|before|later|from\s+(?:now|today)|hence)(?!\w)",
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
    if unit == "Y" and amount == 1 and earnings_context(m, ctx):
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
