"""Calendar arithmetic for the date normalizer: TIMEX3 values and the intervals they denote.

Pure functions, no regexes. ``timex_rules`` uses them to build values, ``dates`` to turn a
value (plus a TimeML MOD such as START/MID/END) into a calendar interval.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


class OutOfRange(ValueError):
    """The date would fall outside the calendar (years 1 to 9999): the reading is rejected."""


def add_months(day: dt.date, months: int) -> dt.date:
    """Shift by whole months, clamping the day (Jan 31 + 1 month -> Feb 28)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise OutOfRange(f"{day.isoformat()} + {months} months is outside the calendar")
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def week_value(day: dt.date) -> str:
    """ISO week value in the TempEval-3 form, without zero padding ("2025-W8", "2025-W18").

    The TE3 (AQUAINT) annotations write weeks unpadded; ``base_interval`` reads both forms.
    """
    year, week, _ = day.isocalendar()
    return f"{year}-W{week}"


def day_value(day: dt.date) -> str:
    return day.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def nearest_year(dct: dt.date, month: int, day: int | None, tense: str | None) -> int:
    """Year for a month (and day) written without one.

    News mostly talks about the recent past or the near future: take the reading closest to
    the publication date, and let the sentence tense break the tie for dates further than
    a couple of months away ("in December" in a past sentence is last December).
    """
    ref_day = day or 15
    best = None
    for year in (dct.year - 1, dct.year, dct.year + 1):
        try:
            cand = dt.date(year, month, min(ref_day, calendar.monthrange(year, month)[1]))
        except ValueError:
            continue
        delta = (cand - dct).days
        if day is None and year == dct.year and month == dct.month:
            delta = 0
        if tense == "past" and delta > (31 if day is None else 60):
            delta += 400
        elif tense == "future" and delta < (-31 if day is None else -60):
            delta -= 400
        score = abs(delta) + (0.5 if delta > 0 else 0)  # ties go to the past
        if best is None or score < best[0]:
            best = (score, year)
    return best[1]


def weekday_date(dct: dt.date, weekday: int, direction: str) -> dt.date:
    """The weekday (0 = Monday) nearest ``dct`` in ``direction``.

    "past" includes the publication day itself (news says "said Thursday" on Thursday);
    "future" means a later day, a full week ahead when the weekday is today.
    """
    diff = weekday - dct.weekday()
    if direction == "nearest":
        ahead, back = diff % 7, (-diff) % 7
        return dct + dt.timedelta(days=ahead) if ahead < back else dct - dt.timedelta(days=back)
    if direction == "future":
        return dct + dt.timedelta(days=diff % 7 or 7)
    if direction == "future_or_today":
        return dct + dt.timedelta(days=diff % 7)
    if direction == "past_strict":
        return dct - dt.timedelta(days=(-diff) % 7 or 7)
    return dct - dt.timedelta(days=(-diff) % 7)


def shift(dct: dt.date, unit: str, amount: int) -> dt.date:
    """Move ``dct`` by ``amount`` units (D, W, M, Q, Y, E for decade, C for century).

    Raises OutOfRange when the result is not a date ("in 900000000 weeks").
    """
    if unit in ("D", "W"):
        try:
            return dct + dt.timedelta(days=amount * (7 if unit == "W" else 1))
        except OverflowError as error:
            raise OutOfRange(
                f"{dct.isoformat()} + {amount} {unit} is outside the calendar"
            ) from error
    months = {"M": 1, "Q": 3, "Y": 12, "E": 120, "C": 1200}[unit]
    return add_months(dct, months * amount)


def value_at(day: dt.date, unit: str) -> str:
    """The TIMEX3 value of the ``unit``-sized period containing ``day``."""
    if unit == "D":
        return day_value(day)
    if unit == "W":
        return week_value(day)
    if unit == "M":
        return month_value(day.year, day.month)
    if unit == "Q":
        return f"{day.year}-Q{quarter_of(day)}"
    if unit == "E":
        return f"{day.year // 10}X"
    if unit == "C":
        return f"{day.year // 100}"
    return f"{day.year}"


# --------------------------------------------------------------------------
# value (+ MOD) -> interval
# --------------------------------------------------------------------------

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})(-WE)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})X?$")


def base_interval(value: str) -> tuple[dt.date, dt.date, str] | None:
    """(first day, last day, precision) of a calendar TIMEX3 value, or None."""
    try:
        return _base_interval(value)
    except ValueError:  # e.g. 2025-02-30 in a bad gold-like value
        return None


def _base_interval(value: str) -> tuple[dt.date, dt.date, str] | None:
    if m := _DAY.match(value):
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return day, day, "day"
    if m := _WEEK.match(value):
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), "range"
        return monday, monday + dt.timedelta(days=6), "week"
    if m := _MONTH.match(value):
        year, month = int(m[1]), int(m[2])
        return dt.date(year, month, 1), month_end(year, month), "month"
    if m := _QUARTER.match(value):
        year, q = int(m[1]), int(m[2])
        return dt.date(year, 3 * q - 2, 1), month_end(year, 3 * q), "quarter"
    if m := _HALF.match(value):
        year, h = int(m[1]), int(m[2])
        return dt.date(year, 6 * h - 5, 1), month_end(year, 6 * h), "range"
    if m := _SEASON.match(value):
        year, (first, last) = int(m[1]), SEASONS[m[2]]
        end_year = year + 1 if last < first else year
        return dt.date(year, first, 1), month_end(end_year, last), "range"
    if m := _YEAR.match(value):
        year = int(m[1])
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
    if m := _DECADE.match(value):
        decade = int(m[1]) * 10
        return dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31), "range"
    return None


def narrow(start: dt.date, end: dt.date, precision: str, mod: str | None):
    """Apply a part-of-period modifier to an interval; returns (start, end, precision).

    ``mod`` is EARLY / MID / LATE (the adjectives) or START / END ("the beginning of",
    "the end of"). Months split in thirds (1-10, 11-20, 21-end) and both readings agree;
    for a year "early"/"mid"/"late" are four-month thirds while "the end of the year" is
    December and "the beginning of the year" is January, which is how deadlines read.
    """
    if not mod or mod not in ("EARLY", "MID", "LATE", "START", "END"):
        return start, end, precision
    if precision == "month":
        bounds = {"EARLY": (1, 10), "START": (1, 10), "MID": (11, 20)}.get(mod, (21, end.day))
        return start.replace(day=bounds[0]), start.replace(day=bounds[1]), "range"
    if precision == "year":
        months = {"EARLY": (1, 4), "MID": (5, 8), "LATE": (9, 12), "START": (1, 1), "END": (12, 12)}
        first_month, last_month = months[mod]
        first = dt.date(start.year, first_month, 1)
        last = month_end(start.year, last_month)
        return first, last, "month" if first_month == last_month else "range"
    if precision == "week" and (end - start).days == 6:
        # news weeks are working weeks: "early next week" is Monday to Wednesday, "late next
        # week" (and "the end of the week") Thursday and Friday, "midweek" Tuesday to Thursday
        days = {"EARLY": (0, 2), "START": (0, 2), "MID": (1, 3)}.get(mod, (3, 4))
        return start + dt.timedelta(days=days[0]), start + dt.timedelta(days=days[1]), "range"
    if precision in ("quarter", "range", "week"):
        third = ((end - start).days + 1) // 3
        if mod in ("EARLY", "START"):
            return start, start + dt.timedelta(days=third - 1), "range"
        if mod == "MID":
            return start + dt.timedelta(days=third), end - dt.timedelta(days=third), "range"
        return end - dt.timedelta(days=third - 1), end, "range"
    return start, end, precision
