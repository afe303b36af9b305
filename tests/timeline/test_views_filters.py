"""The timeline's filters offer what a reader can see and say what two countries mean."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.urls import reverse

from tests.factories import EventFactory, OfficialFactory
from timeline.models import Event, Jurisdiction, Meeting

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]

INDEX = reverse("timeline:index")
HX = {"HTTP_HX_REQUEST": "true"}


def event(*codes: str, people=(), location: str = "", **fields) -> Event:
    made = EventFactory(**fields)
    made.jurisdictions.set(Jurisdiction.objects.filter(code__in=codes))
    made.participants.set(people)
    if location:
        Meeting.objects.create(event=made, location=location)
    return made


def titles(response) -> list[str]:
    return re.findall(r'class="event-title"><a href="[^"]+"[^>]*>([^<]+)</a>', response.text)


def offered(response, name: str) -> list[str]:
    return re.findall(rf'name="{name}" value="([^"]+)"', response.text)


def test_filters_offer_only_countries_and_officials_of_visible_events(client):
    shown = OfficialFactory(slug="shown-person")
    hidden = OfficialFactory(slug="hidden-person")
    event("JP", people=(shown,))
    event("SE", people=(hidden,), review_state=Event.ReviewState.PROPOSED)
    response = client.get(INDEX)
    assert offered(response, "country") == ["JP"]
    assert offered(response, "official") == ["shown-person"]
    asked = client.get(INDEX, {"unreviewed": "1"})
    assert offered(asked, "country") == ["JP", "SE"]
    assert set(offered(asked, "official")) == {"hidden-person", "shown-person"}


def test_a_chosen_country_stays_offered_so_it_can_be_unticked(client):
    event("JP")
    response = client.get(INDEX, {"country": "fr"})
    assert 'name="country" value="FR" checked' in response.text


def test_two_countries_mean_events_between_them_by_default(client):
    event("JP", "CN", title="Japan and China")
    event("JP", title="Japan alone")
    event("CN", "US", title="China and US")
    response = client.get(INDEX, {"country": ["JP", "CN"]}, **HX)
    assert titles(response) == ["Japan and China"]
    assert "Events between China and Japan" in response.text


def test_two_countries_with_match_any_mean_events_involving_either(client):
    event("JP", "CN", title="Japan and China")
    event("JP", title="Japan alone")
    event("US", title="US alone")
    response = client.get(INDEX, {"country": ["JP", "CN"], "match": "any"}, **HX)
    assert titles(response) == ["Japan and China", "Japan alone"]
    assert "Events involving any of China or Japan" in response.text


def test_a_venue_is_not_a_party_between_two_countries(client):
    event("JP", "US", "CA", title="Summit in Canada", location="Canada", kind="meeting")
    response = client.get(INDEX, {"country": ["JP", "CA"]}, **HX)
    assert titles(response) == []
    assert titles(client.get(INDEX, {"country": ["JP", "US"]}, **HX)) == ["Summit in Canada"]


def test_the_form_has_a_control_for_both_meanings(client):
    text = client.get(INDEX).text
    assert 'name="match" value="all" checked' in text
    assert 'name="match" value="any"' in text


def test_an_empty_combination_explains_why(client):
    event("JP", "US")
    event("SE")
    text = client.get(INDEX, {"country": ["JP", "SE"]}, **HX).text
    assert "No events match these filters." in text
    assert "Japan has 1 event, Sweden has 1 event with the other filters" in text
    assert "none has both as parties" in text
    assert "match=any" in text


def test_the_officials_list_is_not_a_clipped_scroll_box():
    css = (ROOT / "static" / "css" / "site.css").read_text()
    rule = re.search(r"\.choice-list \{([^}]*)\}", css).group(1)
    assert "max-height" not in rule and "overflow" not in rule


def test_the_filters_fold_behind_one_button_on_a_phone(client):
    text = client.get(INDEX).text
    assert (
        '<button type="button" class="filters-toggle" aria-expanded="true" aria-controls="filters" hidden>'
        in text
    )
    assert "js/app.js" in text


def test_favicon_ico_is_served(client):
    response = client.get("/favicon.ico", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[0][0].endswith("favicon.svg")


def test_the_explanation_is_not_a_query_per_country_for_many_countries(
    client, django_assert_max_num_queries
):
    codes = list(Jurisdiction.objects.values_list("code", flat=True)[:30])
    with django_assert_max_num_queries(12):
        response = client.get(INDEX, {"country": codes}, **HX)
    assert "No events match these filters." in response.text
    assert "as parties" not in response.text
