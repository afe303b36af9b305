"""The tariff-rate history of a country as a step chart, rendered on the server as SVG.

Two pure steps: `tariff_series()` turns TariffMeasure rows into rate series (one per imposing
country, target and sector), and `step_chart()` draws series as an SVG string. No JavaScript.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import partial
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

ONE_DAY = datetime.timedelta(days=1)
# Dates further than this from the measure's own event are placeholders, not history:
# "in force until 9999-12-31" means until further notice, "from 0001-01-01" since before.
PLAUSIBLE = datetime.timedelta(days=366 * 20)
PALETTE = ("#0b5cad", "#b3261e", "#1f7a3a", "#7b3fa0", "#a15c00", "#00707a", "#5b5b5b", "#c2185b")
MAX_SERIES = 8
ZERO_ACTIONS = {"removed", "exempted"}
RATE_ACTIONS = {"imposed", "raised", "lowered", "announced", "resumed"}


@dataclass(frozen=True)
class Step:
    """From `start`, the rate is `rate` (None: unknown, not drawn) until the next step."""

    start: datetime.date
    rate: float | None
    paused: bool = False
    planned: bool = False
    note: str = ""


@dataclass(frozen=True)
class Series:
    label: str
    steps: tuple[Step, ...]


def _measure_date(measure: Any) -> datetime.date | None:
    """When the measure took effect: its own start, unless that is a placeholder far from
    the event that reported it ("from 0001-01-01"), then the event's date."""
    start, reported = measure.in_force_from, measure.event.date_start
    if start is None or (reported is not None and not _near(start, reported)):
        return reported
    return start


def _measure_end(measure: Any, start: datetime.date) -> datetime.date | None:
    """The first day the measure no longer applies, or None: open-ended (no end stated, or a
    placeholder like 9999-12-31 for "until further notice")."""
    end = measure.in_force_to
    if end is None or end < start or not _near(end, start):
        return None
    return _shift(end, ONE_DAY)


def _near(day: datetime.date, other: datetime.date) -> bool:
    return abs(day - other) <= PLAUSIBLE


def _shift(day: datetime.date, delta: datetime.timedelta) -> datetime.date:
    """`day + delta`, saturating at the calendar's ends instead of overflowing."""
    try:
        return day + delta
    except OverflowError:
        return datetime.date.max if delta > datetime.timedelta(0) else datetime.date.min


def _label(measure: Any, country: Any) -> str:
    imposing = measure.imposing.name if measure.imposing else "Unknown country"
    if measure.applies_to_all:
        target = "all trading partners"
    else:
        target = measure.target.name if measure.target else "unspecified partners"
    sector = measure.sector or "all goods"
    return f"{imposing} on {target} · {sector}"


def _steps(measures: list[Any]) -> tuple[Step, ...]:
    """Rate changes in date order; a pause or a temporary rate ends by reverting."""
    changes: list[tuple[datetime.date, int, Step]] = []
    current: float | None = None
    for order, measure in enumerate(measures):
        start = _measure_date(measure)
        rate = float(measure.rate_percent) if measure.rate_percent is not None else None
        planned = measure.event.status in {"planned", "speculative"}
        note = f"{measure.get_action_display()} ({measure.event.get_status_display().lower()})"
        if measure.action == "paused":
            step = Step(start, rate if rate is not None else current, True, planned, note)
            after = step.rate  # the paused rate applies again when the pause ends
        elif measure.action in ZERO_ACTIONS:
            step, after = Step(start, 0.0, False, planned, note), current
        elif rate is not None:
            step, after = Step(start, rate, False, planned, note), current
        else:
            continue
        changes.append((start, order, step))
        if end := _measure_end(measure, start):
            back = Step(end, after, False, planned, "ends")
            changes.append((back.start, order, back))
        elif not step.paused:
            current = step.rate
    ordered = [step for _, _, step in sorted(changes, key=lambda c: (c[0], c[1]))]
    return tuple(_within_pauses(ordered, measures))


def _within_pauses(steps: list[Step], measures: list[Any]) -> list[Step]:
    """A measure dated inside a pause of the same rate is paused too: "imposed 24% on 9 April"
    under a pause running 2 April to 10 July does not end the pause."""
    pauses = [
        (start, end, float(m.rate_percent))
        for m in measures
        if m.action == "paused"
        and m.rate_percent is not None
        and (start := _measure_date(m)) is not None
        and (end := _measure_end(m, start)) is not None
    ]
    return [
        replace(step, paused=True)
        if not step.paused
        and step.rate is not None
        and any(start <= step.start < end and step.rate == rate for start, end, rate in pauses)
        else step
        for step in steps
    ]


def tariff_series(measures: Iterable[Any], country: Any) -> list[Series]:
    """Series of the tariffs affecting `country`, the busiest first, at most MAX_SERIES.

    `measures` are TariffMeasure rows with their event, imposing and target loaded. A measure
    without a date (neither in force from nor an event date) cannot be placed and is skipped.
    """
    grouped: dict[str, list[Any]] = {}
    dated = [(start, m) for m in measures if (start := _measure_date(m)) is not None]
    dated.sort(key=lambda dm: (dm[0], dm[1].event.date_start or dm[0], dm[1].pk))
    for _start, measure in dated:
        grouped.setdefault(_label(measure, country), []).append(measure)
    series = [Series(label, _steps(rows)) for label, rows in grouped.items()]
    series = [s for s in series if any(step.rate is not None for step in s.steps)]
    # The busiest pair of countries first; within a pair, all goods and then its sectors.
    changes: dict[str, int] = {}
    for s in series:
        changes[_pair(s)] = changes.get(_pair(s), 0) + len(s.steps)
    series.sort(
        key=lambda s: (-changes[_pair(s)], _pair(s), not s.label.endswith(ALL_GOODS), s.label)
    )
    return series[:MAX_SERIES]


ALL_GOODS = "· all goods"


def _pair(series: Series) -> str:
    return series.label.rsplit(" · ", 1)[0]


def _axis(value: float) -> tuple[float, float]:
    """A round top for the rate axis and a round step between at most five gridlines."""
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2500, 5000):
        if value <= step * 5:
            top = step * -(-value // step)
            return float(max(top, step)), float(step)
    step = 10 ** len(str(int(value)))
    return float(step), float(step / 5)


def _month_ticks(
    start: datetime.date, end: datetime.date, *, most: int = 12
) -> list[datetime.date]:
    """First days of months between start and end, evenly spaced, at most `most` of them."""
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    every = next((n for n in (1, 2, 3, 6, 12, 24, 60, 120, 600, 1200) if months / n <= most), 12000)
    ticks = []
    index = (start.year * 12 + start.month - 1) // every * every
    while True:
        year, month = divmod(index, 12)
        if year > datetime.MAXYEAR:
            return ticks
        index += every
        if year < datetime.MINYEAR:
            continue
        tick = datetime.date(year, month + 1, 1)
        if tick > end:
            return ticks
        if tick >= start:
            ticks.append(tick)


def chart_span(
    series: list[Series], *, today: datetime.date | None = None
) -> tuple[datetime.date, datetime.date] | None:
    """From a little before the first change to a little after the last one (and today,
    when given), saturating at the calendar's ends."""
    days = [step.start for s in series for step in s.steps]
    if not days:
        return None
    first, last = min(days), max([*days, today] if today else days)
    padding = max(datetime.timedelta(days=14), (last - first) / 20)
    return _shift(first, -padding), _shift(last, padding)


def tariff_chart(
    measures: Iterable[Any], country: Any
) -> tuple[list[Series], SafeString, SafeString]:
    """The series for a country's page and their chart, from the first change to the last
    (plus a margin): wide for a desktop, compact for a phone (CSS shows one of them)."""
    series = tariff_series(measures, country)
    return (series, *draw_tariff_chart(series, country))


def draw_tariff_chart(series: list[Series], country: Any) -> tuple[SafeString, SafeString]:
    """The wide and the compact chart of a country's series (`tariff_series`)."""
    title = f"Tariff rates affecting {country.name} over time"
    span = chart_span(series)
    wide = step_chart(series, title=title, span=span, chart_id="chart-wide")
    compact = step_chart(
        series, title=title, span=span, width=360, height=260, chart_id="chart-compact", ticks=4
    )
    return wide, compact


def step_chart(
    series: list[Series],
    *,
    title: str,
    width: int = 760,
    height: int = 320,
    span: tuple[datetime.date, datetime.date] | None = None,
    chart_id: str = "chart",
    ticks: int = 12,
) -> SafeString:
    """An accessible SVG step chart: solid in force, dotted planned, hatched paused.

    Colours come from PALETTE in series order (the page's legend and table use the same order).
    Series sharing a rate are nudged apart by a pixel or two so that none hides another.
    """
    span = span or chart_span(series)
    if span is None:
        return mark_safe("")
    first, last = span
    left, right, top, bottom = 44, 14, 12, 36
    plot_w, plot_h = width - left - right, height - top - bottom
    top_rate, rate_step = _axis(max((st.rate or 0) for s in series for st in s.steps) or 1)
    total_days = max((last - first).days, 1)

    # Remembered per chart: about 900 steps share their dates with their neighbours and
    # their handful of rates with each other.
    xs: dict[datetime.date, float] = {}
    ys: dict[tuple[float, int], float] = {}

    def x(day: datetime.date) -> float:
        if (at := xs.get(day)) is None:
            at = xs[day] = round(left + plot_w * (day - first).days / total_days, 1)
        return at

    def y(rate: float, nudge: int = 0) -> float:
        if (at := ys.get((rate, nudge))) is None:
            at = ys[rate, nudge] = round(top + plot_h * (1 - rate / top_rate) - nudge, 1)
        return at

    out = [
        f'<svg class="step-chart {chart_id}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{chart_id}-title" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<defs><pattern id="{chart_id}-hatch" width="6" height="6" '
        'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<rect width="2" height="6" fill="#8a8f98"/></pattern></defs>',
    ]
    for i in range(int(top_rate // rate_step) + 1):
        rate = rate_step * i
        out.append(
            f'<line class="grid" x1="{left}" x2="{width - right}" y1="{y(rate)}" y2="{y(rate)}"/>'
            f'<text class="axis" x="{left - 6}" y="{y(rate) + 4}" text-anchor="end">'
            f"{Decimal(str(rate)).normalize():f}%</text>"
        )
    for number, tick in enumerate(_month_ticks(first, last, most=ticks)):
        label = f"{tick:%b %Y}" if tick.month == 1 or number == 0 else f"{tick:%b}"
        out.append(
            f'<line class="tick" x1="{x(tick)}" x2="{x(tick)}" y1="{top + plot_h}" y2="{top + plot_h + 5}"/>'
            f'<text class="axis" x="{x(tick)}" y="{height - 12}" text-anchor="middle">{label}</text>'
        )
    for index, s in enumerate(series):
        colour = PALETTE[index % len(PALETTE)]
        out.append(
            f'<g class="series" stroke="{colour}" fill="none"><title>{escape(s.label)}</title>'
        )
        level = partial(y, nudge=index * 2)  # series sharing a rate are nudged apart
        hatch = f"{chart_id}-hatch"
        out.extend(_series_marks(s, x=x, y=level, last=last, base=top + plot_h, hatch=hatch))
        out.append("</g>")
    out.append(
        f'<line class="axis-line" x1="{left}" x2="{width - right}" '
        f'y1="{top + plot_h}" y2="{top + plot_h}"/></svg>'
    )
    return mark_safe("".join(out))


def _series_marks(
    series: Series,
    *,
    x: Callable[[datetime.date], float],
    y: Callable[[float], float],
    last: datetime.date,
    base: float,
    hatch: str,
) -> list[str]:
    """A series as one path of its steps in force and one of its planned or paused ones (a
    level, then the riser to the next: `H` and `V` commands), plus a hatched box per pause.

    One path rather than an element per step: a busy country's eight series have about 900
    steps, drawn twice (wide and compact), which made 210 KB of SVG as lines.
    """
    paths: dict[bool, list[str]] = {False: [], True: []}  # dashed or not
    pauses, pen = [], None  # pen: (dashed, x, y) where the path being drawn ends
    for step, following in zip(series.steps, [*series.steps[1:], None], strict=True):
        if step.rate is None:
            pen = None
            continue
        end = following.start if following else last
        x1, x2, level = x(step.start), x(min(end, last)), y(step.rate)
        if step.paused:
            pauses.append(
                f'<rect class="pause" x="{x1}" y="{level}" width="{max(x2 - x1, 1)}" '
                f'height="{round(base - level, 1)}" fill="url(#{hatch})" stroke="none"/>'
            )
        dashed = step.planned or step.paused
        path = paths[dashed]
        if pen != (dashed, x1, level):
            path.append(f"M{x1:g} {level:g}")
        path.append(f"H{x2:g}")
        pen = (dashed, x2, level)
        if following and following.rate is not None:
            rise = y(following.rate)
            path.append(f"V{rise:g}")
            pen = (dashed, x2, rise)
    marks = pauses
    if paths[False]:
        marks.append(f'<path d="{"".join(paths[False])}"/>')
    if paths[True]:
        marks.append(f'<path class="planned" stroke-dasharray="2 4" d="{"".join(paths[True])}"/>')
    return marks


def palette_colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]
