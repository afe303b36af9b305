from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import EventFactory, EvidenceFactory, OfficialFactory, event_admin_form
from timeline.models import Event, Jurisdiction, Negotiation

pytestmark = pytest.mark.django_db

EDITOR_MODELS = [
    ("timeline", "event"),
    ("timeline", "proposedevent"),
    ("timeline", "official"),
    ("timeline", "evidence"),
    ("timeline", "negotiation"),
    ("articles", "article"),
]


@pytest.mark.parametrize(("app", "model"), [*EDITOR_MODELS, ("timeline", "jurisdiction")])
def test_changelist_and_search_load_for_editor(editor_client, app, model):
    EvidenceFactory(event=EventFactory(review_state=Event.ReviewState.PROPOSED))
    OfficialFactory()
    url = reverse(f"admin:{app}_{model}_changelist")
    assert editor_client.get(url).status_code == 200
    assert editor_client.get(url, {"q": "Japan"}).status_code == 200


@pytest.mark.parametrize(("app", "model"), EDITOR_MODELS)
def test_add_page_loads_for_editor(editor_client, app, model):
    assert editor_client.get(reverse(f"admin:{app}_{model}_add")).status_code == 200


def test_change_page_shows_inlines(editor_client):
    evidence = EvidenceFactory()
    response = editor_client.get(reverse("admin:timeline_event_change", args=[evidence.event.pk]))
    assert response.status_code == 200
    assert "meeting details" in response.text.lower()
    assert evidence.sentence in response.text


def test_editor_cannot_change_countries(editor_client):
    japan = Jurisdiction.objects.get(code="JP")
    url = reverse("admin:timeline_jurisdiction_change", args=[japan.pk])
    response = editor_client.post(url, {"code": "JP", "name": "Nippon"})
    assert response.status_code == 403
    japan.refresh_from_db()
    assert japan.name == "Japan"


@pytest.mark.parametrize("url_name", ["admin:auth_user_changelist", "admin:auth_group_changelist"])
def test_editor_cannot_manage_users(editor_client, url_name):
    assert editor_client.get(reverse(url_name)).status_code == 403


def test_editor_cannot_delete_events(editor_client):
    event = EventFactory()
    response = editor_client.post(
        reverse("admin:timeline_event_delete", args=[event.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert Event.objects.filter(pk=event.pk).exists()


def test_bulk_approve_from_review_queue(editor_client):
    proposed = [EventFactory(review_state=Event.ReviewState.PROPOSED) for _ in range(3)]
    response = editor_client.post(
        reverse("admin:timeline_proposedevent_changelist"),
        {"action": "approve", "_selected_action": [e.pk for e in proposed[:2]]},
    )
    assert response.status_code == 302
    states = sorted(Event.objects.values_list("review_state", flat=True))
    assert states == ["approved", "approved", "proposed"]


def test_bulk_reject(editor_client):
    event = EventFactory(review_state=Event.ReviewState.PROPOSED)
    editor_client.post(
        reverse("admin:timeline_event_changelist"),
        {"action": "reject", "_selected_action": [event.pk]},
    )
    event.refresh_from_db()
    assert event.review_state == Event.ReviewState.REJECTED


def test_review_queue_lists_only_proposed_with_evidence(editor_client):
    proposed = EvidenceFactory(
        event=EventFactory(review_state=Event.ReviewState.PROPOSED, title="Pending talks")
    )
    EventFactory(review_state=Event.ReviewState.APPROVED, title="Settled talks")
    response = editor_client.get(reverse("admin:timeline_proposedevent_changelist"))
    assert "Pending talks" in response.text
    assert "Settled talks" not in response.text
    assert proposed.sentence in response.text


def test_editing_an_event_marks_it_edited(editor_client):
    event = EventFactory(review_state=Event.ReviewState.PROPOSED)
    url = reverse("admin:timeline_event_change", args=[event.pk])
    form = event_admin_form(event, title="Corrected title")
    response = editor_client.post(url, form)
    assert response.status_code == 302, response.text[:2000]
    event.refresh_from_db()
    assert event.title == "Corrected title"
    assert event.edited_by_editor


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("admin:timeline_event_changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def thread(slug: str, *codes: str) -> Negotiation:
    negotiation = Negotiation.objects.create(title=slug.title(), slug=slug)
    negotiation.parties.set(Jurisdiction.objects.filter(code__in=codes))
    return negotiation


def test_editor_moves_an_event_to_another_thread(editor_client):
    event = EventFactory(negotiation=thread("japan-united-states", "JP", "US"))
    other = thread("tokyo-track", "JP", "US")
    response = editor_client.post(
        reverse("admin:timeline_event_change", args=[event.pk]),
        event_admin_form(event, negotiation=str(other.pk)),
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.negotiation == other and event.edited_by_editor


def test_editor_merges_threads_into_the_oldest(editor_client):
    oldest = thread("japan-united-states", "JP", "US")
    newer = thread("japan-us-autos", "JP", "US")
    event = EventFactory(negotiation=newer)
    response = editor_client.post(
        reverse("admin:timeline_negotiation_changelist"),
        {"action": "merge", "_selected_action": [oldest.pk, newer.pk]},
    )
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.negotiation == oldest
    assert list(Negotiation.objects.all()) == [oldest]


def test_editor_splits_events_off_into_a_new_thread(editor_client):
    source = thread("japan-united-states", "JP", "US")
    stays, leaves = EventFactory(negotiation=source), EventFactory(negotiation=source)
    url = reverse("admin:timeline_event_changelist")
    asked = editor_client.post(url, {"action": "split_off", "_selected_action": [leaves.pk]})
    assert asked.status_code == 200 and "Split off" in asked.text
    done = editor_client.post(
        url,
        {"action": "split_off", "_selected_action": [leaves.pk], "title": "Japan–US shipbuilding"},
    )
    assert done.status_code == 302
    leaves.refresh_from_db()
    stays.refresh_from_db()
    assert leaves.negotiation.title == "Japan–US shipbuilding"
    assert set(leaves.negotiation.parties.values_list("code", flat=True)) == {"JP", "US"}
    assert stays.negotiation == source


def test_editor_renames_a_thread(editor_client):
    negotiation = thread("japan-united-states", "JP", "US")
    response = editor_client.post(
        reverse("admin:timeline_negotiation_change", args=[negotiation.pk]),
        {
            "title": "Japan–US tariff talks",
            "slug": "japan-us-tariff-talks",
            "subject": "Tariffs",
            "parties": [j.pk for j in negotiation.parties.all()],
        },
    )
    assert response.status_code == 302
    negotiation.refresh_from_db()
    assert (negotiation.title, negotiation.slug) == (
        "Japan–US tariff talks",
        "japan-us-tariff-talks",
    )
