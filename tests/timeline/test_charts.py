from __future__ import annotations

import datetime
import re

import pytest

from tests.factories import EventFactory, TariffMeasureFactory
from timeline.charts import Series, Step, chart_span, step_chart, tariff_series
from timeline.models import Event, Jurisdiction, TariffMeasure

D = datetime.date


def series_paths(svg: str) -> list[str]:
    """The `d` of each path in the first series."""
    return re.findall(r'<path[^>]* d="([^"]*)"', svg.split('<g class="series"')[1].split("</g>")[0])


def test_step_chart_draws_a_series_as_one_path_of_levels_and_risers():
    series = [Series("US on Japan", (Step(D(2025, 4, 9), 24.0), Step(D(2025, 7, 22), 15.0)))]
    svg = step_chart(series, title="Tariffs <Japan>", span=(D(2025, 4, 1), D(2025, 8, 31)))
    assert svg.startswith('<svg class="step-chart') and svg.endswith("</svg>")
    assert 'role="img"' in svg and '<title id="chart-title">Tariffs &lt;Japan&gt;</title>' in svg
    # a level, the riser to the next rate, the next level to the end of the chart
    assert re.fullmatch(r"M[\d.]+ [\d.]+H[\d.]+V[\d.]+H746", *series_paths(svg))


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
    assert svg.count('class="pause"') == 1 and 'fill="url(#chart-hatch)"' in svg
    solid, dotted = series_paths(svg)
    assert solid.count("H") == 1  # in force from 10 July
    assert dotted.count("H") == 2 and 'class="planned" stroke-dasharray="2 4"' in svg


def test_step_chart_skips_unknown_rates_and_empty_input():
    series = [Series("s", (Step(D(2025, 1, 1), None), Step(D(2025, 2, 1), 10.0)))]
    svg = step_chart(series, title="t", span=(D(2025, 1, 1), D(2025, 3, 1)))
    assert [path.count("H") for path in series_paths(svg)] == [1]  # the known level only
    assert step_chart([], title="t") == ""


def test_chart_span_pads_and_reaches_today_when_asked():
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


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("in_force_from", "in_force_to"),
    [
        (None, D(9999, 12, 31)),  # "until further notice"
        (D(1, 1, 1), None),
        (D(1, 1, 1), D(9999, 12, 31)),
        (D(9999, 12, 31), D(9999, 12, 31)),
    ],
)
def test_country_page_survives_placeholder_dates(client, in_force_from, in_force_to):
    TariffMeasureFactory(
        event=EventFactory(kind="tariff_measure", date_start=D(2025, 4, 9)),
        in_force_from=in_force_from,
        in_force_to=in_force_to,
    )
    response = client.get("/countries/jp/")
    assert response.status_code == 200
    assert "24%" in response.text


@pytest.mark.django_db
def test_a_placeholder_end_is_open_ended_and_a_placeholder_start_is_the_event_date():
    japan = Jurisdiction.objects.get(code="JP")
    TariffMeasureFactory(
        event=EventFactory(kind="tariff_measure", date_start=D(2025, 4, 9)),
        in_force_from=D(1, 1, 1),
        in_force_to=D(9999, 12, 31),
    )
    [series] = tariff_series(TariffMeasure.objects.select_related("event"), japan)
    assert [(s.start, s.rate) for s in series.steps] == [(D(2025, 4, 9), 24.0)]
    first, last = chart_span([series])
    assert first.year == 2025 and last.year == 2025


def test_chart_span_saturates_at_the_calendar_ends():
    series = [Series("s", (Step(D(1, 1, 1), 10.0), Step(D(9999, 12, 31), 20.0)))]
    assert chart_span(series) == (D.min, D.max)
    svg = step_chart(series, title="t", span=chart_span(series))
    assert len(re.findall(r'class="tick"', svg)) <= 12


def test_chart_span_runs_from_first_to_last_change_not_to_today():
    series = [Series("s", (Step(D(2025, 4, 1), 10.0), Step(D(2025, 5, 1), 20.0)))]
    first, last = chart_span(series)
    assert D(2025, 3, 1) < first < D(2025, 4, 1)
    assert D(2025, 5, 1) < last < D(2025, 6, 1)


@pytest.mark.django_db
def test_sector_series_sit_beside_their_all_goods_series():
    japan = Jurisdiction.objects.get(code="JP")
    TariffMeasureFactory(sector="autos", rate_percent=25)
    TariffMeasureFactory(sector="steel", rate_percent=50)
    TariffMeasureFactory(rate_percent=24)
    TariffMeasureFactory(target=None, applies_to_all=True, rate_percent=10)
    TariffMeasureFactory(target=None, applies_to_all=True, rate_percent=20)
    labels = [s.label for s in tariff_series(TariffMeasure.objects.all(), japan)]
    assert labels == [
        "United States on Japan · all goods",
        "United States on Japan · autos",
        "United States on Japan · steel",
        "United States on all trading partners · all goods",
    ]


@pytest.mark.django_db
def test_country_page_draws_a_wide_and_a_compact_chart_and_the_table_says_when_a_rate_ends(client):
    TariffMeasureFactory(
        event=EventFactory(kind="tariff_measure", date_start=D(2025, 4, 9)),
        in_force_to=D(2025, 7, 9),
    )
    response = client.get("/countries/jp/")
    assert 'class="step-chart chart-wide"' in response.text
    assert 'class="step-chart chart-compact"' in response.text
    assert 'viewBox="0 0 360 260"' in response.text
    assert "no longer in force" in response.text
    assert "10 Jul 2025" in response.text
