"""0013_evidence_claims: evidence stored before claims existed says what its event says now."""

from __future__ import annotations

import datetime
import importlib

import pytest
from django.apps import apps

from tests.factories import EvidenceFactory, TariffMeasureFactory
from timeline.models import Meeting

pytestmark = pytest.mark.django_db

claims_from_events = importlib.import_module(
    "timeline.migrations.0013_evidence_claims"
).claims_from_events


def test_migration_fills_claims_from_the_event():
    evidence = EvidenceFactory(
        event__status="planned",
        event__date_start=datetime.date(2025, 5, 11),
        event__date_end=datetime.date(2025, 5, 20),
        event__date_precision="range",
        event__date_text="mid-May",
    )
    Meeting.objects.create(event=evidence.event, location="Washington")
    claims_from_events(apps, None)
    evidence.refresh_from_db()
    assert (evidence.claimed_status, evidence.claimed_date_start, evidence.claimed_date_end) == (
        "planned",
        datetime.date(2025, 5, 11),
        datetime.date(2025, 5, 20),
    )
    assert (evidence.claimed_date_text, evidence.claimed_location) == ("mid-May", "Washington")
    assert evidence.claimed_title == evidence.event.title


def test_migration_fills_the_tariff_rate():
    evidence = EvidenceFactory(event=TariffMeasureFactory(rate_percent=24).event)
    claims_from_events(apps, None)
    evidence.refresh_from_db()
    assert evidence.claimed_rate_percent == 24
