"""Durations: "two weeks" -> P2W, "90-day", "the past three months", "for years"."""

from __future__ import annotations

import re

from articles.extraction import timex_calendar as cal
from articles.extraction.timex_lexicon import (
    NUM,
    UNIT,
    B,
    Context,
    Norm,
    Rule,
    duration_value,
    parse_number,
    rule_registry,
    unit_code,
)

RULES: list[Rule] = []
_rule = rule_registry(RULES)


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
