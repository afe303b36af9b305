from __future__ import annotations

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.template import Context, Template

from timeline.charts import Series, Step
from timeline.templatetags.timeline_tags import (
    evidence_paragraph,
    format_event_date,
    format_rate,
    group_by_month,
    latest_changes,
    machine_date,
)

D = datetime.date


@pytest.mark.parametrize(
    ("start", "end", "precision", "expected"),
    [
        (D(2025, 4, 16), D(2025, 4, 16), "day", "16 Apr 2025"),
        (D(2025, 5, 11), D(2025, 5, 20), "range", "mid-May 2025"),
        (D(2025, 7, 1), D(2025, 7, 10), "range", "early Jul 2025"),
        (D(2025, 4, 21), D(2025, 4, 30), "range", "late Apr 2025"),
        (D(2025, 2, 21), D(2025, 2, 28), "range", "late Feb 2025"),
        (D(2025, 5, 10), D(2025, 5, 20), "range", "10–20 May 2025"),
        (D(2025, 5, 10), D(2025, 5, 11), "range", "10–11 May 2025"),
        (D(2025, 4, 28), D(2025, 5, 2), "range", "28 Apr – 2 May 2025"),
        (D(2024, 12, 30), D(2025, 1, 3), "range", "30 Dec 2024 – 3 Jan 2025"),
        (D(2025, 4, 14), D(2025, 4, 20), "week", "week of 14 Apr 2025"),
        (D(2025, 6, 1), D(2025, 6, 30), "month", "Jun 2025"),
        (D(2025, 4, 1), D(2025, 6, 30), "quarter", "Q2 2025"),
        (D(2025, 4, 1), D(2025, 5, 31), "month", "Apr–May 2025"),
        (D(2019, 1, 1), D(2019, 12, 31), "year", "2019"),
        (D(2025, 6, 3), D(2025, 6, 30), "month", "3–30 Jun 2025"),  # precision contradicts
        (D(2025, 6, 1), D(2025, 6, 30), "", "1–30 Jun 2025"),
        (D(2025, 4, 16), None, "", "16 Apr 2025"),
        (None, None, "", "Undated"),
    ],
)
def test_format_event_date(start, end, precision, expected):
    assert format_event_date(start, end, precision) == expected


@pytest.mark.parametrize(
    ("start", "end", "precision", "expected"),
    [
        (D(2025, 4, 16), D(2025, 4, 16), "day", "2025-04-16"),
        (D(2025, 5, 11), D(2025, 5, 20), "range", "2025-05"),
        (D(2025, 4, 14), D(2025, 4, 20), "week", "2025-W16"),
        (D(2019, 1, 1), D(2019, 12, 31), "year", "2019"),
        (D(2025, 4, 28), D(2025, 5, 2), "range", "2025-04-28"),
        (None, None, "", ""),
    ],
)
def test_machine_date_is_a_valid_time_datetime(start, end, precision, expected):
    assert machine_date(start, end, precision) == expected


def test_group_by_month_keeps_order_and_starts_a_group_per_month():
    events = [
        SimpleNamespace(date_start=D(2025, 4, 1)),
        SimpleNamespace(date_start=D(2025, 4, 30)),
        SimpleNamespace(date_start=D(2025, 6, 2)),
        SimpleNamespace(date_start=None),
    ]
    groups = group_by_month(events)
    assert [(g.key, g.label, len(g.events)) for g in groups] == [
        ("2025-04", "April 2025", 2),
        ("2025-06", "June 2025", 1),
        ("undated", "Undated", 1),
    ]


BODY = "First paragraph.\nTalks went well. Akazawa <said> so.\nLast one."


def test_evidence_paragraph_marks_the_sentence_inside_its_paragraph():
    start = BODY.index("Akazawa")
    html = evidence_paragraph(BODY, start, start + len("Akazawa <said> so."))
    assert html == "Talks went well. <mark>Akazawa &lt;said&gt; so.</mark>"


def test_evidence_paragraph_finds_the_sentence_when_offsets_are_stale():
    html = evidence_paragraph(BODY, 0, 5, sentence="Last one.")
    assert html == "<mark>Last one.</mark>"


def test_evidence_paragraph_shows_the_sentence_alone_when_not_in_the_body():
    assert evidence_paragraph(BODY, 0, 5, sentence="Gone <b>") == "<mark>Gone &lt;b&gt;</mark>"


def test_evidence_paragraph_of_a_one_paragraph_body():
    assert evidence_paragraph("A b. C d.", 5, 9) == "A b. <mark>C d.</mark>"


@pytest.mark.parametrize(
    ("rate", "expected"),
    [(Decimal("24.00"), "24%"), (Decimal("12.50"), "12.5%"), (100, "100%"), (None, "")],
)
def test_format_rate(rate, expected):
    assert format_rate(rate) == expected


# The chart table's rows as the country page wrote them with template tags before
# `latest_changes` built them in Python: both must give the same HTML.
TABLE_ROWS_AS_TEMPLATE = (
    '{% load timeline_tags %}{% for s in series %}{% if s.steps|length > 12 %}<tr><th scope="row">'
    '{{ s.label }}</th><td colspan="3">{{ s.steps|length|add:"-12" }} earlier changes, drawn in '
    'the chart</td></tr>{% endif %}{% for step in s.steps|slice:"-12:" %}<tr><th scope="row">'
    "{{ s.label }}</th><td><time datetime=\"{{ step.start|date:'Y-m-d' }}\">{{ step.start|day }}"
    '</time></td><td>{% if step.rate is not None %}{{ step.rate|floatformat:"-2" }}%{% elif '
    'step.note == "ends" %}no longer in force{% else %}unknown{% endif %}{% if step.paused %} '
    '(paused){% endif %}</td><td>{{ step.note|default:"—" }}{% if step.planned %}, planned'
    "{% endif %}</td></tr>{% endfor %}{% endfor %}"
)


def test_latest_changes_matches_the_template_it_replaced():
    start = datetime.date(2025, 1, 1)
    busy = Series(
        "Japan on <all> & more · all goods",
        tuple(
            Step(start + datetime.timedelta(days=n), 10.0 + n / 4, note="Raised (happened)")
            for n in range(14)
        ),
    )
    odd = Series(
        "United States on Japan · autos",
        (
            Step(start, 24.0, paused=True, note="Paused (happened)"),
            Step(datetime.date(2025, 7, 9), None, note="ends"),
            Step(datetime.date(2025, 8, 1), None, note="Announced (planned)", planned=True),
            Step(datetime.date(2025, 9, 1), 7.5, planned=True),
        ),
    )
    series = [busy, odd]
    expected = Template(TABLE_ROWS_AS_TEMPLATE).render(Context({"series": series}))
    assert latest_changes(series) == expected
