"""Parties, not places: a meeting's venue is not a negotiating partner."""

from __future__ import annotations

import datetime

import pytest

from tests.factories import EventFactory, OfficialFactory
from timeline.models import Event, Jurisdiction, Meeting

pytestmark = pytest.mark.django_db


def country(code: str) -> Jurisdiction:
    return Jurisdiction.objects.get(code=code)


def event(*codes: str, people=(), location: str = "", **fields) -> Event:
    made = EventFactory(**fields)
    made.jurisdictions.add(*[country(code) for code in codes])
    made.participants.add(*people)
    if location:
        Meeting.objects.create(event=made, location=location)
    return made


def official(code: str):
    return OfficialFactory(jurisdiction=country(code))


def test_a_venue_named_as_the_location_is_not_a_partner():
    event("JP", "CA", location="Canada")
    event("JP", "US", kind="agreement")
    partners = Jurisdiction.objects.partners_of(country("JP"), Event.objects.all())
    assert [(p.name, p.shared) for p in partners] == [("United States", 1)]


def test_a_country_none_of_two_sides_comes_from_is_the_venue():
    event("US", "CN", "SE", people=(official("US"), official("CN")), location="Stockholm")
    partners = Jurisdiction.objects.partners_of(country("US"), Event.objects.all())
    assert [p.name for p in partners] == ["China"]


def test_with_people_from_one_side_the_other_side_stays_a_party():
    event("JP", "US", people=(official("JP"),), location="Washington")
    partners = Jurisdiction.objects.partners_of(country("JP"), Event.objects.all())
    assert [p.name for p in partners] == ["United States"]


def test_the_venue_itself_has_no_partners_from_the_meeting():
    event("JP", "US", location="Japan")
    event("JP", "CN", "US", people=(official("US"), official("CN")), location="Tokyo")
    event("JP", "CA", kind="agreement")
    partners = Jurisdiction.objects.partners_of(country("JP"), Event.objects.all())
    assert [(p.name, p.shared) for p in partners] == [("Canada", 1)]


def test_partners_count_only_the_events_given():
    event("JP", "US", kind="agreement", review_state=Event.ReviewState.REJECTED)
    event("JP", "CA", kind="agreement")
    partners = Jurisdiction.objects.partners_of(country("JP"), Event.objects.visible())
    assert [(p.name, p.shared) for p in partners] == [("Canada", 1)]


def test_same_negotiation_needs_the_same_pair_of_parties():
    talks = event("JP", "US", kind="agreement")
    same_pair = event("JP", "US", kind="statement", date_start=datetime.date(2025, 4, 20))
    event("JP", "CA", kind="statement", date_start=datetime.date(2025, 4, 20))
    summit = event(  # Japan and the US met in Canada: Canada is the venue
        "JP", "US", "CA", people=(official("JP"), official("US")), location="Canada"
    )
    venue_only = event("CA", "US", kind="agreement", date_start=datetime.date(2025, 4, 21))
    related = list(Event.objects.related_to(talks))
    assert set(related) == {same_pair, summit}
    assert venue_only not in Event.objects.related_to(summit)


def test_one_party_events_are_related_through_a_shared_person():
    akazawa = official("JP")
    visit = event("JP", people=(akazawa,))
    again = event("JP", people=(akazawa,), date_start=datetime.date(2025, 4, 30))
    event("JP", date_start=datetime.date(2025, 4, 30))
    assert list(Event.objects.related_to(visit)) == [again]
