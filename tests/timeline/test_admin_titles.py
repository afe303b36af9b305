"""A machine title follows an editor's edits, unless the editor wrote the title."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import (
    EventFactory,
    OfficialFactory,
    TariffMeasureFactory,
    event_admin_form,
    link_rows,
)
from timeline.models import Event, Jurisdiction

pytestmark = pytest.mark.django_db


def change(client, event: Event, **changes):
    url = reverse("admin:timeline_event_change", args=[event.pk])
    response = client.post(url, event_admin_form(event, **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors
    event.refresh_from_db()
    return event


def test_title_follows_new_participants(editor_client):
    event = EventFactory(title="Japan–United States talks", merge_key="m")
    akazawa = OfficialFactory(full_name="Aiko Tanaka", slug="aiko-tanaka")
    bessent = OfficialFactory(full_name="Bob Stone", slug="bob-stone")
    change(
        editor_client,
        event,
        **link_rows("participant_links", "official", [akazawa.pk, bessent.pk]),
    )
    assert event.title == "Aiko Tanaka meets Bob Stone"


def test_title_follows_new_type_and_parties(editor_client):
    event = EventFactory(title="Trade talks", merge_key="m")
    japan, us = Jurisdiction.objects.filter(code__in=["JP", "US"]).order_by("name")
    change(
        editor_client,
        event,
        kind="agreement",
        **link_rows("country_links", "jurisdiction", [japan.pk, us.pk]),
    )
    assert event.title == "Japan–United States deal"


def test_title_written_by_the_editor_stays(editor_client):
    event = EventFactory(title="Trade talks", merge_key="m")
    change(editor_client, event, title="Akazawa's seventh visit")
    assert event.title_by_editor
    change(editor_client, event, kind="agreement", title_by_editor="on")
    assert event.title == "Akazawa's seventh visit"


def test_title_stays_when_nothing_it_depends_on_changes(editor_client):
    event = EventFactory(title="Trade talks as extracted", merge_key="m")
    change(editor_client, event, summary="A first round.")
    assert event.title == "Trade talks as extracted"


def test_retitle_uses_the_tariff_details():
    measure = TariffMeasureFactory(action="lowered", rate_percent=15, event__merge_key="m")
    assert measure.event.retitle()
    assert measure.event.title == "United States lowers tariff on Japan to 15%"


def test_a_legal_acts_own_headline_follows_its_new_status(editor_client):
    event = EventFactory(
        kind="other",
        status="planned",
        title="Planned: Supreme Court will hear levy case",
        merge_key="m",
    )
    change(editor_client, event, status="happened")
    assert event.title == "Supreme Court will hear levy case"
