"""The admin as Parley's: its name, the review count, breadcrumbs, plurals, what editors see."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from tests.factories import EventFactory
from timeline.models import Event

pytestmark = pytest.mark.django_db


def test_admin_is_named_parley_editors(editor_client):
    response = editor_client.get(reverse("admin:index"))
    assert "<title>Editors&#x27; desk | Parley editors</title>" in response.text
    assert ">Parley editors</a>" in response.text
    assert "Django administration" not in response.text


def test_admin_index_counts_events_waiting_for_review(editor_client):
    for _ in range(3):
        EventFactory(review_state=Event.ReviewState.PROPOSED)
    EventFactory(review_state=Event.ReviewState.APPROVED)
    response = editor_client.get(reverse("admin:index"))
    assert "<strong>3 events</strong> waiting for review" in response.text


def test_timeline_header_counts_events_waiting_for_editors(editor_client):
    EventFactory(review_state=Event.ReviewState.PROPOSED)
    response = editor_client.get(reverse("timeline:index"))
    assert 'Review queue <span class="count-badge">1<' in response.text


def test_timeline_header_has_no_review_count_for_readers(client):
    EventFactory(review_state=Event.ReviewState.PROPOSED)
    response = client.get(reverse("timeline:index"))
    assert "count-badge" not in response.text
    assert "Log out" not in response.text


def test_signed_in_editor_can_log_out_from_the_timeline(editor_client):
    page = editor_client.get(reverse("timeline:event-detail", args=[EventFactory().pk]))
    assert f'action="{reverse("admin:logout")}"' in page.text
    response = editor_client.post(reverse("admin:logout"), {"next": "/"})
    assert response.status_code == 302
    assert response.url == "/"
    assert "_auth_user_id" not in editor_client.session


def test_ingest_breadcrumbs_are_an_ordered_list(editor_client):
    response = editor_client.get(reverse("admin:articles_article_ingest"))
    assert '<ol class="breadcrumbs">' in response.text
    assert '<li aria-current="page">Ingest articles</li>' in response.text


@pytest.mark.parametrize(
    ("action", "one", "many"),
    [
        ("reject", "1 event rejected.", "2 events rejected."),
        ("approve", "1 event approved.", "2 events approved."),
    ],
)
def test_bulk_review_messages_agree_in_number(editor_client, action, one, many):
    url = reverse("admin:timeline_proposedevent_changelist")
    first = EventFactory(review_state=Event.ReviewState.PROPOSED)
    response = editor_client.post(url, {"action": action, "_selected_action": [first.pk]})
    assert [str(m) for m in get_messages(response.wsgi_request)] == [one]
    more = [EventFactory(review_state=Event.ReviewState.PROPOSED) for _ in range(2)]
    response = editor_client.post(url, {"action": action, "_selected_action": [e.pk for e in more]})
    assert [str(m) for m in get_messages(response.wsgi_request)][-1] == many


def test_task_results_are_off_the_editors_index(editor_client):
    response = editor_client.get(reverse("admin:index"))
    assert "Task Results" not in response.text
    assert "Review queue" in response.text


def test_task_results_stay_on_the_index_for_administrators(admin_client):
    assert "Task Results" in admin_client.get(reverse("admin:index")).text
