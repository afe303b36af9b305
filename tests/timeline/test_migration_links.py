"""0015_event_links: links made before links kept their article get the earliest article among
their event's evidence; links of an event without evidence (entered by hand) get none."""

from __future__ import annotations

import datetime
import importlib

import pytest
from django.apps import apps

from tests.factories import ArticleFactory, EventFactory, EvidenceFactory
from timeline.models import EventCountry, EventParticipant, Jurisdiction, Official

pytestmark = pytest.mark.django_db

earliest_articles = importlib.import_module(
    "timeline.migrations.0015_event_links"
).earliest_articles


def test_migration_gives_links_the_earliest_article_of_their_event():
    event = EventFactory()
    later = EvidenceFactory(
        event=event, article=ArticleFactory(published=datetime.date(2025, 5, 9))
    )
    first = EvidenceFactory(
        event=event, article=ArticleFactory(published=datetime.date(2025, 5, 2))
    )
    event.jurisdictions.add(Jurisdiction.objects.get(code="JP"))
    event.participants.add(Official.objects.get(slug="scott-bessent"))
    earliest_articles(apps, None)
    assert EventCountry.objects.get(event=event).article == first.article
    assert EventParticipant.objects.get(event=event).article == first.article != later.article


def test_migration_leaves_links_of_events_entered_by_hand_without_article():
    event = EventFactory()
    event.jurisdictions.add(Jurisdiction.objects.get(code="JP"))
    earliest_articles(apps, None)
    assert EventCountry.objects.get(event=event).article is None
