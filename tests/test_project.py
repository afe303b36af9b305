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


def test_deploy_checks_clean_with_production_environment():
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": __import__("secrets").token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": "parley.example.org",
        "DATABASE_URL": "postgres://parley@db.internal:5432/parley",
        "PARLEY_TASK_BACKEND": "database",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    import os
    import subprocess
    import sys

    env = {**os.environ, "DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": ""}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_an_empty_database_url_means_the_embedded_default(tmp_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "DATABASE_URL": ""}
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from django.conf import settings; "
            "print(settings.DATABASES['default']['ENGINE'], settings.DATABASES['default']['NAME'])",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "sqlite3" in result.stdout and "parley.sqlite3" in result.stdout
