"""Date semantics for the event pipeline: find date phrases and resolve them to intervals.

``find_dates`` runs the TIMEX3 rules of ``timex_rules`` over running text and attaches a
calendar interval to every DATE/TIME mention; ``resolve_date`` does the same for one
phrase, with dateparser as a fallback for formats the rules do not cover. Everything is
relative to the article's publication date, never to "today".

Choices worth knowing:
- Parts of a month are thirds: "early July" 1-10, "mid-May" 11-20, "late June" 21-end,
  and "the end of this month" is the last third (precision "range"); the TIMEX3 value stays
  the month ("2025-05"), as TimeML has no finer value.
- "the end of the year" is December ("2025-12"); "late 2025" is September-December.
- "two weeks ago" is the ISO week containing the day two weeks back (precision "week").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from articles.extraction import timex_calendar as cal
from articles.extraction.timex_lexicon import MONTH, MONTH_BY_DAY, YEAR, month_number
from articles.extraction.timex_rules import Hit, scan

DATEPARSER_SETTINGS = {
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "REQUIRE_PARTS": [],
}
DAYS_PER_UNIT = {"D": 1, "W": 7, "M": 30, "Q": 91, "Y": 365}
MAX_DURATION_DAYS = 100 * 365  # a longer "for N days" is no deadline, and off the calendar soon


@dataclass(frozen=True)
class ResolvedDate:
    start: dt.date  # first day of the interval
    end: dt.date  # last day (inclusive)
    precision: str  # "day" | "week" | "month" | "quarter" | "year" | "range"
    text: str  # the phrase as written, e.g. "in or after mid-May"
    timex: str  # TIMEX3 value, e.g. "2025-05-01", "2025-05", "2025-W16"
    computed: bool = False  # True when derived (end date from a duration, offsets)
    explanation: str = ""  # for humans: "'two weeks ago' from 2025-05-01 -> week of 2025-04-14"


@dataclass(frozen=True)
class DateMention:
    start_char: int
    end_char: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str  # TIMEX3 value
    resolved: ResolvedDate | None  # the interval, for DATE/TIME with a calendar reading
    duration_days: int | None = None  # for DURATION ("a 90-day reprieve" -> 90)


def find_dates(text: str, *, published_at: dt.date, tense: str | None = None) -> list[DateMention]:
    """Every temporal expression in ``text``, resolved against ``published_at``.

    ``tense`` ("past" | "present" | "future") overrides the per-sentence guess, for callers
    that already know it (a clause from the parser); None lets the rules infer it.
    """
    mentions = []
    for hit in scan(text, _as_date(published_at), tense):
        phrase = text[hit.start : hit.end]
        mentions.append(
            DateMention(
                start_char=hit.start,
                end_char=hit.end,
                text=phrase,
                type=hit.type,
                value=hit.value,
                resolved=_interval(hit, phrase, _as_date(published_at)),
                duration_days=duration_days(hit.value) if hit.type == "DURATION" else None,
            )
        )
    return mentions


def resolve_date(
    text: str, *, published_at: dt.date, tense: str | None = None, context: str = ""
) -> ResolvedDate | None:
    """The interval meant by one date phrase ("in or after mid-May", "two weeks ago").

    The first mention with a calendar reading wins and keeps the whole phrase as its text.
    ``context`` is the text just before the phrase ("talks in" before "May"), which the rules
    may need to tell the month from the verb. Phrases the rules do not know go to dateparser,
    relative to ``published_at``.
    """
    published_at = _as_date(published_at)
    prefix = f"{context.rstrip()} " if context.strip() else ""
    for mention in find_dates(prefix + text, published_at=published_at, tense=tense):
        if mention.resolved and mention.end_char > len(prefix):
            read = read_on(
                mention.resolved, prefix + text, len(prefix), mention.end_char, published_at
            )
            return _with_text(read[1] if read else mention.resolved, text)
    return _dateparser_fallback(text, published_at, tense)


# "September 12-18", "Sept. 17 to 19", "Oct. 30 and 31": the days after a written date.
DAY_RANGE_END = re.compile(
    r"\s*(?:[-\u2013\u2014]|to|through|and)\s*(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:%])"
)


# "from April 29 to May 2", "between Oct. 30 and Nov. 2": a range running into the next month
RANGE_START = re.compile(r"\b(?:from|between)\s+$", re.I)
MONTH_RANGE_END = re.compile(
    rf"\s*(?:[-\u2013\u2014]|to|through|until|till|and)\s*(?P<mon>{MONTH_BY_DAY})\s*"
    r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:%])"
)
# a date moved, not a span: "postponed the meeting from April 29 to May 2"
MOVING_WORDS = re.compile(
    r"\b(?:postpon|delay|push|mov|extend|extension|shift|reschedul|bring|brought|advanc)\w*", re.I
)


def month_range(
    resolved: ResolvedDate, text: str, start: int, end: int
) -> tuple[int, ResolvedDate] | None:
    """ "from April 29 to May 2": the range to a day of a later month (at most two months on)."""
    following = MONTH_RANGE_END.match(text, end)
    if following is None or not RANGE_START.search(text[max(0, start - 10) : start]):
        return None
    if MOVING_WORDS.search(text[:start]):
        return None
    first = resolved.start
    month = month_number(following["mon"])
    year = first.year + (1 if month < first.month else 0)
    try:
        last = dt.date(year, month, int(following["day"]))
    except ValueError:
        return None
    if not first < last <= first + dt.timedelta(days=62):
        return None
    return following.end(), spanning(resolved, first, last, text[start : following.end()])


def spanning(resolved: ResolvedDate, first: dt.date, last: dt.date, phrase: str) -> ResolvedDate:
    """The date read on to the end of a written span ("from April 29 to May 2")."""
    return replace(
        resolved,
        start=first,
        end=last,
        precision="range",
        text=phrase,
        computed=True,
        explanation=f"{phrase!r}: {first.isoformat()} to {last.isoformat()}",
    )


# "November 2023 to March 2024", "January to March 2025", "between May and July": months
# running into a later month ("and" only after "between": "talks in March and May" are two)
MONTH_SPAN_END = re.compile(
    rf"\s*(?P<link>[-\u2013\u2014]|to|through|until|till|and)\s*(?P<mon>{MONTH})"
    rf"(?:,?\s+(?P<year>{YEAR}))?(?![\w])",
    re.I,
)
MAX_MONTH_SPAN_DAYS = 2 * 366


def month_span(
    resolved: ResolvedDate, text: str, start: int, end: int
) -> tuple[int, ResolvedDate] | None:
    """ "talks from November 2023 to March 2024": the months from the first to the last."""
    following = MONTH_SPAN_END.match(text, end)
    if following is None or MOVING_WORDS.search(text[:start]):
        return None
    if following["link"].lower() == "and" and not RANGE_START.search(
        text[max(0, start - 10) : start]
    ):
        return None
    first = resolved.start
    month = month_number(following["mon"])
    if following["year"]:
        year = int(following["year"])
        if not re.search(YEAR, text[start:end]):  # "January to March 2025": both in 2025
            first = first.replace(year=year if first.month <= month else year - 1)
    else:
        year = first.year + (1 if month < first.month else 0)
    try:
        last = cal.month_end(year, month)
    except ValueError:  # past the calendar's last year
        return None
    if (
        not first < last
        or (last - first).days > MAX_MONTH_SPAN_DAYS
        or (last.month == first.month and last.year == first.year)
    ):
        return None
    return following.end(), spanning(resolved, first, last, text[start : following.end()])


# "June 30 next year", "in March last year": a day or month placed in a year said relatively.
RELATIVE_YEAR = re.compile(r",?\s+(?P<which>next|last|this)\s+year\b", re.I)
YEAR_STEP = {"next": 1, "last": -1, "this": 0}


def in_year(resolved: ResolvedDate, year: int, *, text: str) -> ResolvedDate:
    """The same day or month in the given year."""
    try:
        start = resolved.start.replace(year=year)
        end = resolved.end.replace(year=year)
    except ValueError:  # 29 February
        return _with_text(resolved, text)
    timex = f"{year}{resolved.timex[4:]}" if resolved.timex[:4].isdigit() else resolved.timex
    return replace(
        resolved,
        start=start,
        end=end,
        text=text,
        timex=timex,
        computed=True,
        explanation=f"{text!r}: {start.isoformat()}"
        + (f" to {end.isoformat()}" if end != start else ""),
    )


def day_range(first: ResolvedDate, last_day: int, *, text: str) -> ResolvedDate:
    """From the first day to the given day of the same month (or of the next month when the
    day number is smaller: "Oct. 31-1")."""
    start = first.start
    try:
        end = start.replace(day=last_day)
        if end < start:
            end = (start.replace(day=1) + dt.timedelta(days=32)).replace(day=last_day)
    except ValueError:
        return _with_text(first, text)
    if (end - start).days > 31:
        return _with_text(first, text)
    return ResolvedDate(
        start=start,
        end=end,
        precision="range",
        text=text,
        timex=start.isoformat(),
        computed=True,
        explanation=f"{text!r}: {start.isoformat()} to {end.isoformat()}",
    )


def add_duration(start: ResolvedDate | dt.date, days: int, *, text: str) -> ResolvedDate:
    """The day ``days`` after ``start`` ("a 90-day reprieve" from April 9 ends July 8).

    Counts from the first day of ``start``; the result is a computed single day.
    """
    first = start.start if isinstance(start, ResolvedDate) else start
    try:
        end = first + dt.timedelta(days=days)
    except OverflowError:  # saturates at the ends of the calendar
        end = dt.date.max if days > 0 else dt.date.min
    return ResolvedDate(
        start=end,
        end=end,
        precision="day",
        text=text,
        timex=end.isoformat(),
        computed=True,
        explanation=f"{first.isoformat()} + {days} days -> {end.isoformat()}",
    )


def duration_days(value: str) -> int | None:
    """Whole days in a TIMEX3 duration (P90D -> 90, P2W -> 14, P3M -> 90, PT72H -> 3).

    Months count 30 days and years 365: an estimate for deadlines, not calendar math.
    None for vague durations (PXY), for spans shorter than a day and for spans longer than
    MAX_DURATION_DAYS ("for 3000000 days" is no deadline).
    """
    m = re.fullmatch(r"P(?:(\d+)([DWMQY]))?(?:T(\d+)H)?", value)
    if not m or not (m[1] or m[3]):
        return None
    days = int(m[1]) * DAYS_PER_UNIT[m[2]] if m[1] else 0
    days += int(m[3]) // 24 if m[3] else 0
    return days if 0 < days <= MAX_DURATION_DAYS else None


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------


def _as_date(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _interval(hit: Hit, phrase: str, published_at: dt.date) -> ResolvedDate | None:
    """Calendar interval of a DATE/TIME hit, narrowed by its part-of-period modifier."""
    if hit.type not in ("DATE", "TIME"):
        return None
    if hit.value == "FUTURE_REF":
        return _coming_period(phrase, published_at)
    base = cal.base_interval(hit.value)
    if base is None:
        return None
    start, end, precision = cal.narrow(*base, hit.mod)
    start, end, precision = _clip_to_publication(phrase, published_at, start, end, precision)
    timex = hit.value
    if precision == "month" and base[2] == "year":  # "the end of the year" -> December
        timex = cal.month_value(start.year, start.month)
    # anything without a written year was worked out from the publication date
    computed = not re.search(r"(?<!\d)\d{4}(?!\d)", phrase)
    return ResolvedDate(
        start=start,
        end=end,
        precision=precision,
        text=phrase,
        timex=timex,
        computed=computed,
        explanation=_explain(phrase, published_at, start, end, precision) if computed else "",
    )


COMING = re.compile(r"\b(?:coming|upcoming)\s+(?P<unit>days|weeks|months)\b", re.I)
COMING_SPAN_DAYS = {"days": 7, "weeks": 28, "months": 91}


def _coming_period(phrase: str, published_at: dt.date) -> ResolvedDate | None:
    """ "in the coming days": from publication to a week on; "the coming weeks": four weeks;
    "the coming months": three months. A plan told this way is on the timeline as a range
    (its TIMEX3 value stays FUTURE_REF); "the coming years" is too vague for one."""
    found = COMING.search(phrase)
    if found is None:
        return None
    end = published_at + dt.timedelta(days=COMING_SPAN_DAYS[found["unit"].lower()])
    return ResolvedDate(
        start=published_at,
        end=end,
        precision="range",
        text=phrase,
        timex="FUTURE_REF",
        computed=True,
        explanation=f"{phrase!r}: from publication ({published_at.isoformat()}) "
        f"to {end.isoformat()}",
    )


LATER_IN = re.compile(r"^\s*later\s+(?:this|in\s+the)\b", re.I)
EARLIER_IN = re.compile(r"^\s*earlier\s+(?:this|in\s+the)\b", re.I)


def _clip_to_publication(
    phrase: str, published_at: dt.date, start: dt.date, end: dt.date, precision: str
) -> tuple[dt.date, dt.date, str]:
    """ "later this month" is what is left of it after publication, "earlier this week" what
    had passed by then: the current period cut at the publication date."""
    if start <= published_at <= end:
        if LATER_IN.search(phrase) and published_at < end:
            return published_at + dt.timedelta(days=1), end, "range"
        if EARLIER_IN.search(phrase) and start < published_at:
            return start, published_at - dt.timedelta(days=1), "range"
    return start, end, precision


def _explain(
    phrase: str, published_at: dt.date, start: dt.date, end: dt.date, precision: str
) -> str:
    span = start.isoformat() if start == end else f"{start.isoformat()}..{end.isoformat()}"
    return f"'{phrase}' from {published_at.isoformat()} -> {precision} {span}"


def _with_text(resolved: ResolvedDate, text: str) -> ResolvedDate:
    return ResolvedDate(
        start=resolved.start,
        end=resolved.end,
        precision=resolved.precision,
        text=text,
        timex=resolved.timex,
        computed=resolved.computed,
        explanation=resolved.explanation,
    )


def _dateparser_fallback(
    text: str, published_at: dt.date, tense: str | None
) -> ResolvedDate | None:
    """dateparser for one phrase the rules missed ("3rd of May, 2025 at noon", "in 2 days")."""
    settings = {
        **DATEPARSER_SETTINGS,
        "RELATIVE_BASE": dt.datetime.combine(published_at, dt.time()),
        "PREFER_DATES_FROM": {"past": "past", "future": "future"}.get(
            tense or "", "current_period"
        ),
    }
    from dateparser.date import DateDataParser

    try:
        data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    except (ValueError, OverflowError):  # "in 900000000 weeks" is off the calendar
        return None
    if not data or not data.date_obj:
        return None
    day = data.date_obj.date()
    period = data.period or "day"
    if period == "year":
        start, end, precision, timex = (
            dt.date(day.year, 1, 1),
            dt.date(day.year, 12, 31),
            "year",
            str(day.year),
        )
    elif period == "month":
        start, end = day.replace(day=1), cal.month_end(day.year, day.month)
        precision, timex = "month", cal.month_value(day.year, day.month)
    elif period == "week":
        start = day - dt.timedelta(days=day.weekday())
        end = (
            min(day + dt.timedelta(days=6 - day.weekday()), dt.date.max)
            if day.year < dt.MAXYEAR
            else dt.date.max
        )
        precision, timex = "week", cal.week_value(day)
    else:
        start, end, precision, timex = day, day, "day", day.isoformat()
    return ResolvedDate(
        start=start,
        end=end,
        precision=precision,
        text=text,
        timex=timex,
        computed=True,
        explanation=f"dateparser: '{text}' from {published_at.isoformat()} -> {timex}",
    )


def read_on(
    resolved: ResolvedDate, text: str, start: int, end: int, published_at: dt.date
) -> tuple[int, ResolvedDate] | None:
    """What follows the date ``text[start:end]`` and changes it: the last day of a range
    ("September 12-18") or a year said relatively ("June 30 next year"). Returns where the
    phrase now ends and its interval, or None."""
    if resolved.precision == "day" and (ranged := month_range(resolved, text, start, end)):
        return ranged
    if resolved.precision == "month" and (spanned := month_span(resolved, text, start, end)):
        return spanned
    last_day = DAY_RANGE_END.match(text, end)
    if last_day and resolved.precision == "day":
        phrase = text[start : last_day.end()]
        ranged = day_range(resolved, int(last_day["day"]), text=phrase)
        if ranged.precision == "range":
            return last_day.end(), ranged
    year = RELATIVE_YEAR.match(text, end)
    if year and resolved.precision in {"day", "month"}:
        step = YEAR_STEP[year["which"].lower()]
        phrase = text[start : year.end()]
        return year.end(), in_year(resolved, published_at.year + step, text=phrase)
    return None


def widened(mention: DateMention, text: str, published_at: dt.date) -> DateMention:
    """The mention of ``text`` widened over what follows it and changes it (`read_on`), with
    the new interval; the mention as it was otherwise."""
    if mention.resolved is None or mention.type != "DATE":
        return mention
    read = read_on(mention.resolved, text, mention.start_char, mention.end_char, published_at)
    if read is None:
        return mention
    end, resolved = read
    return replace(mention, end_char=end, text=text[mention.start_char : end], resolved=resolved)
