"""`EventCountry.is_party` follows every input of the rule (`not_a_party`): the meeting's place,
its people and their countries, the event's kind, the country's name; however they are written."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

from tests.factories import EventFactory, OfficialFactory
from timeline.models import Event, EventCountry, Jurisdiction, Meeting

pytestmark = pytest.mark.django_db


def country(code: str) -> Jurisdiction:
    return Jurisdiction.objects.get(code=code)


def parties(event: Event) -> set[str]:
    links = EventCountry.objects.filter(event=event, is_party=True)
    return set(links.values_list("jurisdiction__code", flat=True))


@pytest.fixture
def stockholm() -> Event:
    """The United States and China meet in Stockholm: Sweden is the venue."""
    event = EventFactory()
    event.jurisdictions.add(country("US"), country("CN"), country("SE"))
    event.participants.add(OfficialFactory(), OfficialFactory(jurisdiction=country("CN")))
    Meeting.objects.create(event=event, location="Stockholm")
    return event


def test_a_venue_is_stored_as_no_party(stockholm):
    assert parties(stockholm) == {"US", "CN"}


def test_one_side_left_makes_every_country_a_party(stockholm):
    stockholm.participants.remove(stockholm.participants.get(jurisdiction__code="CN"))
    assert parties(stockholm) == {"US", "CN", "SE"}


def test_a_person_cleared_from_their_events_leaves_one_side(stockholm):
    stockholm.participants.get(jurisdiction__code="CN").events.clear()
    assert parties(stockholm) == {"US", "CN", "SE"}


def test_a_persons_new_country_is_a_party(stockholm):
    person = stockholm.participants.get(jurisdiction__code="CN")
    person.jurisdiction = country("SE")
    person.save()
    assert parties(stockholm) == {"US", "SE"}


def test_a_place_named_as_the_location_is_no_party():
    event = EventFactory()
    event.jurisdictions.add(country("JP"), country("CA"))
    meeting = Meeting.objects.create(event=event, location="Canada")
    assert parties(event) == {"JP"}
    meeting.location = "Ottawa"
    meeting.save()
    assert parties(event) == {"JP", "CA"}


def test_another_kind_of_event_has_every_country_a_party(stockholm):
    stockholm.kind = Event.Kind.AGREEMENT
    stockholm.save()
    assert parties(stockholm) == {"US", "CN", "SE"}


def test_a_country_renamed_as_the_place_is_no_party():
    event = EventFactory()
    event.jurisdictions.add(country("JP"), country("CA"))
    Meeting.objects.create(event=event, location="Dominion of Canada")
    canada = country("CA")
    canada.name = "Dominion of Canada"
    canada.save()
    assert parties(event) == {"JP"}


def test_a_country_added_as_a_row_is_marked(stockholm):
    EventCountry.objects.create(event=stockholm, jurisdiction=country("NO"))  # the admin inline
    assert parties(stockholm) == {"US", "CN"}


def test_migration_marks_the_venues_there_are(stockholm):
    EventCountry.objects.update(is_party=True)
    module = importlib.import_module("timeline.migrations.0016_event_country_is_party")
    module.mark_places(apps, None)
    assert parties(stockholm) == {"US", "CN"}
