"""Editors edit an event's countries and participants as rows (inlines): what they add has no
article (shown in every past view), what the pipeline added keeps its article."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, EventFactory, event_admin_form, link_rows
from timeline.models import Event, EventCountry, Jurisdiction

pytestmark = pytest.mark.django_db


@pytest.fixture
def told() -> Event:
    """An event with Japan, named by an article."""
    event = EventFactory(title="Trade talks", merge_key="m")
    event.jurisdictions.add(
        Jurisdiction.objects.get(code="JP"), through_defaults={"article": ArticleFactory()}
    )
    return event


def test_admin_change_page_shows_who_named_each_country(editor_client, told):
    response = editor_client.get(reverse("admin:timeline_event_change", args=[told.pk]))
    assert response.status_code == 200
    assert "First named by" in response.text and "Test Wire, 01 May 2025" in response.text
    article = EventCountry.objects.get(event=told).article
    assert str(article)[:40] in response.text  # the article's title, not only its number
    assert "on event" not in response.text  # rows are labelled by the country's name


def test_editor_adds_a_country_without_article(editor_client, told):
    japan = EventCountry.objects.get(event=told)
    us = Jurisdiction.objects.get(code="US")
    form = event_admin_form(told) | link_rows("country_links", "jurisdiction", [us.pk])
    form |= {
        "country_links-TOTAL_FORMS": "2",
        "country_links-INITIAL_FORMS": "1",
        "country_links-0-id": str(japan.pk),
        "country_links-0-event": str(told.pk),
        "country_links-0-jurisdiction": str(japan.jurisdiction_id),
        "country_links-1-jurisdiction": str(us.pk),
    }
    url = reverse("admin:timeline_event_change", args=[told.pk])
    assert editor_client.post(url, form).status_code == 302
    links = dict(
        EventCountry.objects.filter(event=told).values_list("jurisdiction__code", "article")
    )
    assert links == {"JP": japan.article_id, "US": None}
    told.refresh_from_db()
    assert told.edited_by_editor  # the pipeline now leaves its links alone


def test_editor_removes_a_country(editor_client, told):
    japan = EventCountry.objects.get(event=told)
    form = event_admin_form(told) | {
        "country_links-TOTAL_FORMS": "1",
        "country_links-INITIAL_FORMS": "1",
        "country_links-0-id": str(japan.pk),
        "country_links-0-event": str(told.pk),
        "country_links-0-jurisdiction": str(japan.jurisdiction_id),
        "country_links-0-DELETE": "on",
    }
    url = reverse("admin:timeline_event_change", args=[told.pk])
    assert editor_client.post(url, form).status_code == 302
    assert not told.jurisdictions.exists()
