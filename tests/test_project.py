from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from articles.models import Article
from timeline.models import Event

pytestmark = pytest.mark.django_db


def test_no_missing_migrations():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_system_checks_clean():
    call_command("check", fail_level="WARNING")


@pytest.mark.slow
def test_load_demo_is_idempotent():
    call_command("load_demo", verbosity=0)
    articles, events = Article.objects.count(), Event.objects.count()
    assert articles >= 13
    assert Event.objects.approved().exists()
    call_command("load_demo", verbosity=0)
    assert (Article.objects.count(), Event.objects.count()) == (articles, events)
    editor = User.objects.get(username="editor")
    assert editor.is_staff and editor.check_password("parley-demo-editor")
    assert editor.groups.filter(name="Editors").exists()


def test_home_page_lists_events(client):
    from tests.factories import EventFactory

    EventFactory(title="Akazawa meets Bessent")
    response = client.get("/")
    assert response.status_code == 200
    assert "Akazawa meets Bessent" in response.text
