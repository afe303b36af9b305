"""The Japan–United States thread as the demo articles tell it, for page and API tests."""

from __future__ import annotations

import datetime

import pytest

from articles.services.events import store_extraction
from tests.factories import (
    HELD,
    MID_MAY,
    ArticleFactory,
    EventFactory,
    TariffMeasureFactory,
    extracted_meeting,
    reported,
    thread_round,
)
from timeline.models import Event, Jurisdiction, Negotiation

D = datetime.date


@pytest.fixture
def japan_us(db) -> Negotiation:
    """Rounds on 16 April and 1 May, one planned for mid-May (told on 1 May), a pause to early
    July; then the third round, held on 23 May, reported on 24 May."""
    negotiation = Negotiation.objects.create(
        title="Japan–United States", slug="japan-united-states"
    )
    negotiation.parties.set(Jurisdiction.objects.filter(code__in=["JP", "US"]))
    thread_round(negotiation, D(2025, 4, 16), published=D(2025, 4, 17), title="First talks")
    thread_round(negotiation, D(2025, 5, 1), title="Akazawa meets Bessent")
    thread_round(
        negotiation,
        D(2025, 5, 11),
        date_end=D(2025, 5, 20),
        date_precision="range",
        status="planned",
        published=D(2025, 5, 1),
        title="Planned: ministerial talks",
    )
    thread_round(
        negotiation, D(2025, 5, 23), published=D(2025, 5, 24), round_number=3, title="Third round"
    )
    pause = TariffMeasureFactory(
        event__negotiation=negotiation,
        event__title="United States pauses 24% tariff on Japan",
        event__date_start=D(2025, 4, 9),
        event__date_end=D(2025, 7, 9),
        event__date_precision="range",
        action="paused",
        in_force_to=D(2025, 7, 9),
    )
    reported(pause.event, D(2025, 4, 10))
    deal = EventFactory(
        negotiation=negotiation,
        kind="agreement",
        title="Possible deal",
        status="speculative",
        date_start=D(2025, 6, 1),
        date_end=D(2025, 6, 30),
        date_precision="month",
    )
    reported(deal, D(2025, 5, 1))
    return negotiation


@pytest.fixture
def held_round(db) -> Event:
    """A round planned for mid-May (Kyodo, 14 April), reported held on 23 May (Reuters)."""
    store_extraction(
        ArticleFactory(published=D(2025, 4, 14), outlet="Kyodo"),
        [extracted_meeting("planned", MID_MAY, title="Planned: Japan–United States talks")],
    )
    store_extraction(
        ArticleFactory(published=D(2025, 5, 24), outlet="Reuters"),
        [extracted_meeting("happened", HELD, location="Washington")],
    )
    event = Event.objects.get()
    event.approve()
    return event
