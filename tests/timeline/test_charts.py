from __future__ import annotations

import datetime
import re

import pytest

from tests.factories import EventFactory, TariffMeasureFactory
from timeline.charts import Series, Step, chart_span, step_chart, tariff_series
from timeline.models import Event, Jurisdiction, TariffMeasure

D = datetime.date


def test_step_chart_draws_one_line_per_step_and_a_riser_between():
    series = [Series("US on Japan", (Step(D(2025, 4, 9), 24.0), Step(D(2025, 7, 22), 15.0)))]
    svg = step_chart(series, title="Tariffs <Japan>", span=(D(2025, 4, 1), D(2025, 8, 31)))
    assert svg.startswith('<svg class="step-chart"') and svg.endswith("</svg>")
    assert 'role="img"' in svg and '<title id="chart-title">Tariffs &lt;Japan&gt;</title>' in svg
    series_markup = svg.split('<g class="series"')[1].split("</g>")[0]
    assert series_markup.count("<line") == 3  # two steps and the riser joining them
    assert 'class="riser"' in series_markup


def test_step_chart_places_rates_on_a_round_axis():
    series = [Series("s", (Step(D(2025, 1, 1), 24.0),))]
    svg = step_chart(series, title="t", span=(D(2025, 1, 1), D(2025, 3, 1)))
    labels = re.findall(r'text-anchor="end">([\d.]+)%', svg)
    assert labels == ["0", "5", "10", "15", "20", "25"]


def test_step_chart_hatches_pauses_and_dots_planned_steps():
    series = [
        Series(
            "s",
            (
                Step(D(2025, 4, 9), 24.0, paused=True),
                Step(D(2025, 7, 10), 24.0),
                Step(D(2025, 8, 1), 15.0, planned=True),
            ),
        )
    ]
    svg = step_chart(series, title="t", span=(D(2025, 4, 1), D(2025, 9, 1)))
    assert svg.count('class="pause"') == 1 and 'fill="url(#hatch)"' in svg
    assert svg.count('stroke-dasharray="2 4"') >= 2  # the paused and the planned level


def test_step_chart_skips_unknown_rates_and_empty_input():
    series = [Series("s", (Step(D(2025, 1, 1), None), Step(D(2025, 2, 1), 10.0)))]
    svg = step_chart(series, title="t", span=(D(2025, 1, 1), D(2025, 3, 1)))
    assert svg.split('<g class="series"')[1].split("</g>")[0].count("<line") == 1
    assert step_chart([], title="t") == ""


def test_chart_span_pads_and_reaches_today():
    series = [Series("s", (Step(D(2025, 4, 1), 10.0), Step(D(2025, 5, 1), 20.0)))]
    first, last = chart_span(series, today=D(2025, 12, 1))
    assert first < D(2025, 4, 1) and last > D(2025, 12, 1)


@pytest.mark.django_db
def test_tariff_series_follows_a_pause_and_its_end():
    japan = Jurisdiction.objects.get(code="JP")
    TariffMeasureFactory(event=EventFactory(kind="tariff_measure", date_start=D(2025, 4, 5)))
    TariffMeasureFactory(
        event=EventFactory(kind="tariff_measure", date_start=D(2025, 4, 9)),
        action=TariffMeasure.Action.PAUSED,
        in_force_from=D(2025, 4, 9),
        in_force_to=D(2025, 7, 9),
    )
    TariffMeasureFactory(
        event=EventFactory(kind="tariff_measure", date_start=D(2025, 8, 1), status="planned"),
        rate_percent=15,
        action=TariffMeasure.Action.LOWERED,
    )
    [series] = tariff_series(TariffMeasure.objects.select_related("event"), japan)
    assert series.label == "United States on Japan · all goods"
    assert [(s.start, s.rate, s.paused, s.planned) for s in series.steps] == [
        (D(2025, 4, 5), 24.0, False, False),
        (D(2025, 4, 9), 24.0, True, False),
        (D(2025, 7, 10), 24.0, False, False),
        (D(2025, 8, 1), 15.0, False, True),
    ]


@pytest.mark.django_db
def test_tariff_series_groups_by_partner_and_sector_and_drops_undated():
    japan = Jurisdiction.objects.get(code="JP")
    TariffMeasureFactory(sector="autos", rate_percent=25)
    TariffMeasureFactory(target=None, applies_to_all=True, rate_percent=10)
    TariffMeasureFactory(event=EventFactory(date_start=None, date_end=None))
    TariffMeasureFactory(
        imposing=japan,
        target=None,
        sector="autos",
        action=TariffMeasure.Action.REMOVED,
        rate_percent=None,
    )
    labels = {s.label for s in tariff_series(TariffMeasure.objects.all(), japan)}
    assert labels == {
        "United States on Japan · autos",
        "United States on all trading partners · all goods",
        "Japan on unspecified partners · autos",
    }
    assert Event.objects.filter(date_start=None).exists()


@pytest.mark.django_db
def test_a_measure_dated_inside_a_pause_of_its_rate_stays_paused():
    japan = Jurisdiction.objects.get(code="JP")
    TariffMeasureFactory(  # "paused until early July under a 90-day reprieve": computed start
        event=EventFactory(kind="tariff_measure", date_start=D(2025, 4, 2)),
        action=TariffMeasure.Action.PAUSED,
        in_force_from=D(2025, 4, 2),
        in_force_to=D(2025, 7, 10),
    )
    TariffMeasureFactory(event=EventFactory(kind="tariff_measure", date_start=D(2025, 4, 9)))
    [series] = tariff_series(TariffMeasure.objects.select_related("event"), japan)
    assert [(s.start, s.rate, s.paused) for s in series.steps] == [
        (D(2025, 4, 2), 24.0, True),
        (D(2025, 4, 9), 24.0, True),
        (D(2025, 7, 11), 24.0, False),
    ]
