"""Template filters for the timeline: dates as precisely as known, month groups, evidence.

The filters wrap plain functions (`format_event_date`, `group_by_month`, `evidence_paragraph`)
that are tested on their own.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django import template
from django.template.defaultfilters import floatformat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from timeline import search
from timeline.charts import palette_colour

register = template.Library()

THIRDS = {1: "early", 11: "mid-", 21: "late"}


def _dm(day: datetime.date) -> str:
    return f"{day.day} {day:%b}"


def format_day(day: datetime.date) -> str:
    """The house style for a day: "16 Apr 2025" (the ISO date goes in `datetime`)."""
    return f"{day.day} {day:%b %Y}"


def _last_day(day: datetime.date) -> int:
    return calendar.monthrange(day.year, day.month)[1]


def _third(start: datetime.date, end: datetime.date) -> str | None:
    """ "mid-May 2025" when the range is exactly the 1st–10th, 11th–20th or 21st–last."""
    if (start.year, start.month) != (end.year, end.month) or start.day not in THIRDS:
        return None
    last = {1: 10, 11: 20, 21: _last_day(start)}[start.day]
    if end.day != last:
        return None
    word = THIRDS[start.day]
    return f"{word}{'' if word.endswith('-') else ' '}{start:%b %Y}"


def _range(start: datetime.date, end: datetime.date) -> str:
    if start.year != end.year:
        return f"{_dm(start)} {start.year} – {_dm(end)} {end.year}"
    if start.month != end.month:
        return f"{_dm(start)} – {_dm(end)} {end.year}"
    return f"{start.day}–{end.day} {start:%b %Y}"


def _months(start: datetime.date, end: datetime.date) -> str | None:
    """Whole months: "Jun 2025", "Apr–Jun 2025", "Q2 2025"; None if not whole months."""
    if start.day != 1 or end.day != _last_day(end):
        return None
    if (start.year, start.month) == (end.year, end.month):
        return f"{start:%b %Y}"
    if start.year == end.year and start.month % 3 == 1 and end.month == start.month + 2:
        return f"Q{(start.month + 2) // 3} {start.year}"
    if start.year == end.year and start.month == 1 and end.month == 12:
        return str(start.year)
    if start.year == end.year:
        return f"{start:%b}–{end:%b %Y}"
    return f"{start:%b %Y} – {end:%b %Y}"


def format_event_date(
    start: datetime.date | None, end: datetime.date | None, precision: str = ""
) -> str:
    """An event's date as precisely as it is known, and no more precisely.

    "16 Apr 2025" for a day, "mid-May 2025" or "11–20 May 2025" for a range, "week of 14 Apr
    2025", "Jun 2025", "Q2 2025", "2025". A precision that contradicts the dates is ignored.
    """
    if start is None:
        return "Undated"
    end = end or start
    if start == end:
        return format_day(start)
    if precision == "week" and (end - start).days == 6:
        return f"week of {_dm(start)} {start.year}"
    if precision in {"month", "quarter", "year"} and (whole := _months(start, end)):
        return whole
    return _third(start, end) or _range(start, end)


def machine_date(
    start: datetime.date | None, end: datetime.date | None, precision: str = ""
) -> str:
    """A valid `<time datetime>` value: a day, a month ("2025-06"), a week or a year."""
    if start is None:
        return ""
    end = end or start
    if start == end:
        return start.isoformat()
    if precision == "week" and (end - start).days == 6:
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if start.year == end.year and start.month == end.month:
        return f"{start:%Y-%m}"
    if start.year == end.year and (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return str(start.year)
    return start.isoformat()


@register.filter
def day(value: datetime.date | None) -> str:
    """A single date in the house style: "16 Apr 2025"."""
    return format_day(value) if value else ""


@register.filter
def event_date(event: Any) -> str:
    return format_event_date(event.date_start, event.date_end, event.date_precision)


@register.filter
def event_datetime(event: Any) -> str:
    return machine_date(event.date_start, event.date_end, event.date_precision)


@dataclass
class MonthGroup:
    month: datetime.date | None  # the first of the month; None for undated events
    events: list = field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.month:%Y-%m}" if self.month else "undated"

    @property
    def label(self) -> str:
        return f"{self.month:%B %Y}" if self.month else "Undated"


def group_by_month(events) -> list[MonthGroup]:
    """Consecutive events grouped by the month they start in (the list is already ordered)."""
    groups: list[MonthGroup] = []
    for event in events:
        month = event.date_start.replace(day=1) if event.date_start else None
        if not groups or groups[-1].month != month:
            groups.append(MonthGroup(month))
        groups[-1].events.append(event)
    return groups


@register.filter
def by_month(events) -> list[MonthGroup]:
    return group_by_month(events)


def evidence_paragraph(body: str, start: int, end: int, sentence: str = "") -> SafeString:
    """The paragraph of `body` holding [start, end), escaped, with that span in <mark>.

    Paragraphs are separated by newlines. When the offsets do not point at the sentence (the
    article was edited), the sentence is looked up in the body; failing that, it stands alone.
    """
    if sentence and " ".join(body[start:end].split()) != " ".join(sentence.split()):
        found = body.find(sentence)
        if found < 0:
            return mark_safe(f"<mark>{escape(sentence)}</mark>")
        start, end = found, found + len(sentence)
    if not 0 <= start < end <= len(body):
        return mark_safe(f"<mark>{escape(sentence)}</mark>") if sentence else mark_safe("")
    para_start = body.rfind("\n", 0, start) + 1
    para_end = body.find("\n", end)
    para_end = len(body) if para_end < 0 else para_end
    before, marked, after = body[para_start:start], body[start:end], body[end:para_end]
    return mark_safe(f"{escape(before)}<mark>{escape(marked)}</mark>{escape(after)}")


@register.filter
def in_paragraph(evidence: Any) -> SafeString:
    return evidence_paragraph(
        evidence.article.body, evidence.start_char, evidence.end_char, evidence.sentence
    )


@register.filter
def highlight(text: str, query: str) -> SafeString:
    """Search terms in <mark> (through `timeline.search.highlight`); plain escaped text if none."""
    return search.highlight(text, query) if query else mark_safe(escape(text))


def format_rate(rate: Decimal | float | None) -> str:
    """24.00 -> "24%", 12.5 -> "12.5%"; "" when unknown."""
    if rate is None:
        return ""
    return f"{Decimal(str(rate)).normalize():f}%"


def describe_tariff(tariff: Any) -> str:
    """ "Imposed 24% · United States on Japan · autos" """
    rate = f" {format_rate(tariff.rate_percent)}" if tariff.rate_percent is not None else ""
    if tariff.applies_to_all:
        whom = "all trading partners"
    else:
        whom = tariff.target.name if tariff.target else ""
    who = tariff.imposing.name if tariff.imposing else ""
    parties = f"{who} on {whom}" if who and whom else who or (f"on {whom}" if whom else "")
    parts = [f"{tariff.get_action_display()}{rate}", parties, tariff.sector]
    return " · ".join(part for part in parts if part)


@register.filter
def tariff_summary(tariff: Any) -> str:
    return describe_tariff(tariff)


@register.filter
def reported(event: Any) -> list:
    """The event's "reported" history from its prefetched evidence (timeline/claims.py)."""
    from timeline.claims import reported_history

    return reported_history(event, event.evidence.all())


@register.filter
def percent(value: float | None) -> str:
    return f"{round(value * 100)}%" if value is not None else ""


@register.filter
def getlist(data: Any, key: str) -> list[str]:
    """All values of a query parameter (`request.GET|getlist:"country"`)."""
    return data.getlist(key) if hasattr(data, "getlist") else []


@register.filter
def role_on(official: Any, day: datetime.date | None) -> Any:
    return official.role_on(day) if day else None


@register.filter
def colour(index: int) -> str:
    """The chart colour of the series at a 0-based index (for the legend)."""
    return palette_colour(index)


@register.simple_tag
def latest_changes(series: list[Any], latest: int = 12) -> SafeString:
    """The rows of the chart's table: each series' `latest` steps, after a row counting the
    earlier ones. Built here rather than in the template: a busy country has about a hundred
    rows, and their eight tags and filters each were a third of the page's rendering."""
    rows = []
    for s in series:
        label = escape(s.label)
        if len(s.steps) > latest:
            rows.append(
                f'<tr><th scope="row">{label}</th><td colspan="3">'
                f"{len(s.steps) - latest} earlier changes, drawn in the chart</td></tr>"
            )
        for step in s.steps[-latest:]:
            if step.rate is not None:
                rate = f"{floatformat(step.rate, '-2')}%"
            else:
                rate = "no longer in force" if step.note == "ends" else "unknown"
            rows.append(
                f'<tr><th scope="row">{label}</th><td><time datetime="{step.start.isoformat()}">'
                f"{day(step.start)}</time></td><td>{rate}{' (paused)' if step.paused else ''}"
                f"</td><td>{escape(step.note or '—')}{', planned' if step.planned else ''}"
                "</td></tr>"
            )
    return mark_safe("".join(rows))


@register.filter
def field_label(form: Any, name: str) -> str:
    """The label of a form field by name ("From" for `from_date`); the name if unknown."""
    field = form.fields.get(name)
    return str(field.label) if field is not None and field.label else name


def keep_as_of(url: str, day: datetime.date | None) -> str:
    """The link as it is, or with `as_of` added in a past view, so following it keeps the day."""
    if not day:
        return url
    return f"{url}{'&' if '?' in url else '?'}as_of={day:%Y-%m-%d}"


@register.filter
def as_known_on(url: str, day: datetime.date | None) -> str:
    """`{{ event.get_absolute_url|as_known_on:as_of }}`: see `keep_as_of`."""
    return keep_as_of(str(url), day)
