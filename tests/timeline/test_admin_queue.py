"""The review queue fits a screen: filters from what occurs, room for evidence, confidence."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from tests.factories import EventFactory, EvidenceFactory
from timeline.models import Event, Jurisdiction

pytestmark = pytest.mark.django_db

QUEUE = "admin:timeline_proposedevent_changelist"


def proposed(date: datetime.date | None = datetime.date(2025, 4, 16), **kwargs) -> Event:
    event = EventFactory(
        review_state=Event.ReviewState.PROPOSED, date_start=date, date_end=date, **kwargs
    )
    EvidenceFactory(event=event)  # its article was published on 2025-05-01
    return event


def test_country_filter_lists_only_countries_of_queued_events(editor_client):
    proposed().jurisdictions.add(Jurisdiction.objects.get(code="JP"))
    EventFactory().jurisdictions.add(Jurisdiction.objects.get(code="FR"))  # approved
    response = editor_client.get(reverse(QUEUE))
    assert "jurisdictions__id__exact" in response.text
    assert ">Japan</a>" in response.text
    assert ">France</a>" not in response.text
    assert ">Afghanistan</a>" not in response.text


def test_date_filter_offers_the_months_of_queued_events(editor_client):
    proposed(datetime.date(2025, 4, 16))
    proposed(datetime.date(2025, 6, 2))
    response = editor_client.get(reverse(QUEUE))
    assert "?month=2025-04" in response.text
    assert ">Apr 2025</a>" in response.text
    assert ">Jun 2025</a>" in response.text
    assert ">May 2025</a>" not in response.text


def test_date_filter_sets_misread_dates_apart(editor_client):
    proposed(datetime.date(2025, 4, 16))
    stray = proposed(datetime.date(2019, 1, 1), title="Trade talks of 2019")
    response = editor_client.get(reverse(QUEUE))
    month_filter = next(f for f in response.context["cl"].filter_specs if f.title == "date")
    assert [label for _, label in month_filter.lookup_choices] == [
        "Apr 2025",
        "Over a year from its article (check)",
    ]
    assert "Over a year from its article (check)" in response.text
    far = editor_client.get(reverse(QUEUE), {"month": "far"})
    assert list(far.context["cl"].result_list) == [stray]


def test_date_filter_picks_a_month_and_undated(editor_client):
    april = proposed(datetime.date(2025, 4, 16))
    undated = proposed(None)
    proposed(datetime.date(2025, 6, 2))
    assert list(
        editor_client.get(reverse(QUEUE), {"month": "2025-04"}).context["cl"].result_list
    ) == [april]
    assert list(
        editor_client.get(reverse(QUEUE), {"month": "undated"}).context["cl"].result_list
    ) == [undated]


def test_queue_has_no_year_hierarchy(editor_client):
    proposed(datetime.date(2028, 1, 1))
    response = editor_client.get(reverse(QUEUE))
    assert "date_start__year" not in response.text


def test_queue_shows_confidence_and_sorts_by_it(editor_client):
    low = proposed(confidence=0.41)
    high = proposed(confidence=0.93)
    response = editor_client.get(reverse(QUEUE))
    assert '<td class="field-confidence_display">93%</td>' in response.text
    columns = list(response.context["cl"].list_display)
    ascending = editor_client.get(reverse(QUEUE), {"o": str(columns.index("confidence_display"))})
    assert list(ascending.context["cl"].result_list) == [low, high]
    assert list(response.context["cl"].result_list) == [high, low]


def test_queue_gives_the_evidence_column_room(editor_client):
    proposed()
    response = editor_client.get(reverse(QUEUE))
    assert "css/admin.css" in response.text
    assert 'class="field-evidence_list"' in response.text
