"""Trust: audit trail, login throttling, permissions, CSRF, escaping."""

from __future__ import annotations

import pytest
from auditlog.models import LogEntry
from django.test import Client
from django.urls import reverse

from tests.factories import (
    ArticleFactory,
    EventFactory,
    EvidenceFactory,
    OfficialFactory,
    event_admin_form,
)
from timeline.models import Event

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script>'


def test_editor_change_is_audited_with_who_what_when(editor_client, editor):
    event = EventFactory(title="Talks in Tokyo")
    response = editor_client.post(
        reverse("admin:timeline_event_change", args=[event.pk]),
        event_admin_form(event, title="Talks in Osaka"),
    )
    assert response.status_code == 302
    entry = LogEntry.objects.get_for_object(event).filter(action=LogEntry.Action.UPDATE).get()
    assert entry.actor == editor
    assert entry.changes_dict["title"] == ["Talks in Tokyo", "Talks in Osaka"]
    assert entry.timestamp is not None


def test_editors_can_read_but_not_change_the_audit_log(editor_client):
    assert editor_client.get(reverse("admin:auditlog_logentry_changelist")).status_code == 200
    assert editor_client.get(reverse("admin:auditlog_logentry_add")).status_code == 403


def test_login_is_throttled_after_repeated_failures(editor, settings):
    settings.AXES_FAILURE_LIMIT = 3
    client = Client()
    url = reverse("admin:login")
    for _ in range(3):
        client.post(url, {"username": editor.username, "password": "wrong-password"})
    locked = client.post(url, {"username": editor.username, "password": "pw-editor-123"})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_correct_login_works_before_the_limit(editor):
    client = Client()
    client.post(reverse("admin:login"), {"username": editor.username, "password": "wrong"})
    ok = client.post(
        reverse("admin:login") + "?next=/admin/",
        {"username": editor.username, "password": "pw-editor-123"},
    )
    assert ok.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_admin_posts_need_csrf(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    event = EventFactory(title="Unchanged")
    response = client.post(
        reverse("admin:timeline_event_change", args=[event.pk]),
        event_admin_form(event, title="Changed"),
    )
    assert response.status_code == 403
    event.refresh_from_db()
    assert event.title == "Unchanged"


@pytest.mark.parametrize("url_name", ["admin:timeline_event_add", "admin:articles_article_ingest"])
def test_non_editor_staff_cannot_write(client, django_user_model, url_name):
    user = django_user_model.objects.create_user("intern", password="pw-intern-123", is_staff=True)
    client.force_login(user)
    assert client.get(reverse(url_name)).status_code == 403


def test_script_payloads_are_escaped_on_public_pages(client):
    article = ArticleFactory(title=SCRIPT, outlet=SCRIPT, body=f"Talks began. {SCRIPT} Tariffs.")
    person = OfficialFactory(full_name=f"Eve {SCRIPT}")
    event = EventFactory(title=f"Meeting {SCRIPT}", summary=SCRIPT)
    event.participants.add(person)
    EvidenceFactory(
        event=event, article=article, sentence=SCRIPT, start_char=13, end_char=13 + len(SCRIPT)
    )
    pages = [
        "/",
        "/?q=alert",
        event.get_absolute_url(),
        person.get_absolute_url(),
        "/countries/us/",
        "/api/events",
        "/feeds/events.atom",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert SCRIPT not in response.text, url


def test_bulk_approval_in_the_admin_is_audited(editor_client, editor):
    events = [EventFactory(review_state=Event.ReviewState.PROPOSED) for _ in range(2)]
    editor_client.post(
        reverse("admin:timeline_proposedevent_changelist"),
        {"action": "approve", "_selected_action": [e.pk for e in events]},
    )
    for event in events:
        entry = LogEntry.objects.get_for_object(event).filter(action=LogEntry.Action.UPDATE).get()
        assert entry.actor == editor
        assert entry.changes_dict["review_state"] == ["proposed", "approved"]


def test_edits_through_the_review_queue_are_audited(editor_client, editor):
    event = EventFactory(review_state=Event.ReviewState.PROPOSED, title="Talks in Tokyo")
    response = editor_client.post(
        reverse("admin:timeline_proposedevent_change", args=[event.pk]),
        event_admin_form(event, title="Talks in Osaka"),
    )
    assert response.status_code == 302
    entries = LogEntry.objects.filter(object_pk=str(event.pk), action=LogEntry.Action.UPDATE)
    assert [e.changes_dict["title"] for e in entries] == [["Talks in Tokyo", "Talks in Osaka"]]
    assert entries.get().actor == editor
