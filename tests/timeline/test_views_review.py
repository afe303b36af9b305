from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from tests.factories import EventFactory
from timeline.models import Event

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}


def review_url(event: Event) -> str:
    return reverse("timeline:event-review", args=[event.pk])


@pytest.fixture
def proposed() -> Event:
    return EventFactory(title="Proposed", review_state=Event.ReviewState.PROPOSED)


def test_editor_approves_in_place(editor_client, proposed):
    response = editor_client.post(review_url(proposed), {"decision": "approve"}, **HX)
    proposed.refresh_from_db()
    assert proposed.review_state == Event.ReviewState.APPROVED
    assert response.text.startswith(f'<div class="review" id="review-{proposed.pk}">')
    assert "Approved: now public." in response.text and "<html" not in response.text
    assert '"eventReviewed"' in response["HX-Trigger"]


def test_editor_rejects_in_place_and_can_still_approve_later(editor_client, proposed):
    response = editor_client.post(review_url(proposed), {"decision": "reject"}, **HX)
    proposed.refresh_from_db()
    assert proposed.review_state == Event.ReviewState.REJECTED
    assert "Rejected: hidden from the public." in response.text
    assert 'value="approve"' in response.text and 'value="reject"' not in response.text


def test_review_without_javascript_redirects_back(editor_client, proposed):
    response = editor_client.post(review_url(proposed), {"decision": "approve", "next": "/?q=x"})
    assert response.status_code == 302 and response["Location"] == "/?q=x"


def test_review_refuses_to_redirect_elsewhere(editor_client, proposed):
    response = editor_client.post(
        review_url(proposed), {"decision": "approve", "next": "https://evil.example/"}
    )
    assert response["Location"] == proposed.get_absolute_url()


def test_review_by_anonymous_is_forbidden(client, proposed):
    assert client.post(review_url(proposed), {"decision": "approve"}, **HX).status_code == 403
    proposed.refresh_from_db()
    assert proposed.review_state == Event.ReviewState.PROPOSED


def test_review_by_a_user_without_permission_is_forbidden(client, proposed):
    client.force_login(User.objects.create_user("reader", password="pw-reader-123"))
    assert client.post(review_url(proposed), {"decision": "approve"}).status_code == 403
    proposed.refresh_from_db()
    assert proposed.review_state == Event.ReviewState.PROPOSED


def test_review_needs_a_csrf_token(editor, proposed):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post(review_url(proposed), {"decision": "approve"}, **HX).status_code == 403
    proposed.refresh_from_db()
    assert proposed.review_state == Event.ReviewState.PROPOSED


def test_review_with_the_page_csrf_token_in_the_htmx_header(editor, proposed):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    page = client.get("/")
    token = page.text.split('"X-CSRFToken": "')[1].split('"')[0]
    response = client.post(
        review_url(proposed), {"decision": "approve"}, HTTP_X_CSRFTOKEN=token, **HX
    )
    assert response.status_code == 200


def test_review_is_post_only_and_needs_a_known_decision(editor_client, proposed):
    assert editor_client.get(review_url(proposed)).status_code == 405
    assert editor_client.post(review_url(proposed), {"decision": "delete"}).status_code == 400
    assert editor_client.post("/events/999999/review/", {"decision": "approve"}).status_code == 404
