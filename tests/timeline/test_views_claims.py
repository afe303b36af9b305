"""The "reported" history on the event and negotiation pages and in the API, and a plan held
later shown as it was known on a past day."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from articles.services.events import store_extraction
from tests.factories import HELD, MID_MAY, ArticleFactory, extracted_meeting
from timeline.models import Event, Negotiation
from timeline.negotiations import overview

pytestmark = pytest.mark.django_db

D = datetime.date


def test_event_page_shows_the_reported_history(client, held_round):
    response = client.get(held_round.get_absolute_url())
    assert "14 Apr</time>: planned for mid-May 2025 (Kyodo)" in response.text
    assert "24 May</time>: held on 23 May 2025 in Washington (Reuters)" in response.text


def test_event_page_marks_a_claim_waiting_for_review_for_editors_only(client, admin_client):
    store_extraction(
        ArticleFactory(published=D(2025, 4, 14), outlet="Kyodo"),
        [extracted_meeting("planned", MID_MAY)],
    )
    plan = Event.objects.get()
    plan.approve()
    store_extraction(
        ArticleFactory(published=D(2025, 5, 24), outlet="Reuters"),
        [extracted_meeting("happened", HELD)],
    )
    url = plan.get_absolute_url()
    assert "held on 23 May" not in client.get(url).text
    assert 'class="awaits-review"' in admin_client.get(url).text


def test_negotiation_page_as_of_shows_the_plan_before_it_was_held(client, held_round):
    thread = Negotiation.objects.get(slug="japan-united-states")
    url = reverse("timeline:negotiation-detail", args=[thread.slug])
    before = client.get(url, {"as_of": "2025-05-01"}).text
    assert "Planned: Japan–United States talks" in before
    assert "held on 23 May" not in before  # nothing from the later article leaks
    after = client.get(url, {"as_of": "2025-05-25"}).text
    assert "held on 23 May 2025 in Washington (Reuters)" in after


def test_overview_as_of_takes_the_revised_plan_as_next_step(held_round):
    thread = Negotiation.objects.get(slug="japan-united-states")
    day = D(2025, 5, 1)
    view = overview(thread, Event.objects.approved().known_on(day), day=day)
    assert (view.next_step.pk, view.next_step.status) == (held_round.pk, "planned")
    assert view.last_activity is None
    later = D(2025, 5, 25)
    view = overview(thread, Event.objects.approved().known_on(later), day=later)
    assert view.next_step is None
    assert view.last_activity == D(2025, 5, 23)


def test_api_event_gives_each_evidence_its_claim(client, held_round):
    response = client.get(reverse("api:event", args=[held_round.pk]))
    claims = [e["claim"] for e in response.json()["evidence"]]
    assert [(c["status"], c["date"]["start"]) for c in claims] == [
        ("planned", "2025-05-11"),
        ("happened", "2025-05-23"),
    ]


def test_admin_change_page_shows_each_evidence_claim(admin_client, held_round):
    response = admin_client.get(reverse("admin:timeline_event_change", args=[held_round.pk]))
    assert "planned for mid-May 2025" in response.text
    assert "held on 23 May 2025 in Washington" in response.text
