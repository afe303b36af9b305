"""One date style everywhere, with the ISO date in `datetime`."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from tests.factories import EventFactory, EvidenceFactory, TariffMeasureFactory

pytestmark = pytest.mark.django_db


def test_timeline_row_reads_16_apr_2025_with_the_iso_date_in_datetime(client):
    EventFactory(date_start=datetime.date(2025, 4, 16))
    text = client.get(reverse("timeline:index")).text
    assert '<time datetime="2025-04-16">16 Apr 2025</time>' in text


def test_event_page_uses_the_same_style_for_in_force_and_source_dates(client):
    measure = TariffMeasureFactory(
        in_force_from=datetime.date(2025, 4, 9), in_force_to=datetime.date(2025, 7, 9)
    )
    EvidenceFactory(event=measure.event)
    text = client.get(measure.event.get_absolute_url()).text
    assert '<time datetime="2025-04-09">9 Apr 2025</time>' in text
    assert '<time datetime="2025-07-09">9 Jul 2025</time>' in text
    assert '<time datetime="2025-05-01">1 May 2025</time>' in text  # the article's date


def test_review_queue_uses_the_same_style(editor_client):
    EventFactory(
        review_state="proposed",
        date_start=datetime.date(2025, 6, 11),
        date_end=datetime.date(2025, 6, 20),
        date_precision="range",
    )
    text = editor_client.get(reverse("admin:timeline_proposedevent_changelist")).text
    assert "mid-Jun 2025" in text
