"""Hostile or unlucky input to the editors' side: the admin, the login, the commands."""

from __future__ import annotations

import os
import subprocess
import sys
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import EventFactory
from timeline.auth import client_address

pytestmark = pytest.mark.django_db

NUL = quote("\x00")
ADMIN_QUERIES = [
    f"/admin/timeline/event/?q={NUL}",
    f"/admin/timeline/event/?review_state={NUL}",
    f"/admin/timeline/event/?kind__exact=meeting{NUL}",
    f"/admin/timeline/event/?jurisdictions__id__exact={NUL}",
    f"/admin/timeline/official/?q=a{NUL}b",
    f"/admin/timeline/evidence/?q={NUL}",
    f"/admin/articles/article/?q={NUL}",
    f"/admin/auditlog/logentry/?q={NUL}",
    f"/admin/autocomplete/?term={NUL}&app_label=timeline&model_name=event&field_name=jurisdictions",
    f"/admin/autocomplete/?term=x{NUL}&app_label=timeline&model_name=event&field_name=participants",
]


@pytest.mark.parametrize("url", ADMIN_QUERIES)
def test_admin_nul_in_a_search_filter_or_autocomplete_is_a_bad_request(editor_client, url):
    """PostgreSQL refuses NUL in a text literal: these were 500s there."""
    EventFactory(title="Talks")
    response = editor_client.get(url)
    assert response.status_code == 400
    assert "NUL" in response.content.decode()


def test_admin_search_without_nul_still_works(editor_client):
    EventFactory(title="Talks in Geneva")
    response = editor_client.get("/admin/timeline/event/", {"q": "Geneva"})
    assert response.status_code == 200 and "Talks in Geneva" in response.text


# Login: throttling per user and real client address ------------------------------------------

BALANCER = "10.0.0.2"


def attempt(client: Client, editor, password: str, forwarded: str):
    return client.post(
        reverse("admin:login"),
        {"username": editor.username, "password": password},
        REMOTE_ADDR=BALANCER,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


def test_lockout_behind_the_load_balancer_is_per_client_address(editor, settings):
    """Every request came from the balancer's address: five bad passwords from anyone locked
    the editor out for everyone."""
    settings.AXES_FAILURE_LIMIT = 3
    settings.PROXY_COUNT = 1
    attacker, editor_at_home = Client(), Client()
    for _ in range(3):
        attempt(attacker, editor, "wrong-password", "203.0.113.5")
    assert attempt(attacker, editor, "pw-editor-123", "203.0.113.5").status_code == 429
    assert attempt(editor_at_home, editor, "pw-editor-123", "198.51.100.7").status_code == 302


def test_without_a_proxy_the_forwarded_header_is_not_trusted(editor, settings):
    """Otherwise an attacker would get fresh attempts by inventing addresses."""
    settings.AXES_FAILURE_LIMIT = 3
    settings.PROXY_COUNT = 0
    client = Client()
    for n in range(3):
        attempt(client, editor, "wrong-password", f"203.0.113.{n}")
    assert attempt(client, editor, "pw-editor-123", "198.51.100.7").status_code == 429


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, "203.0.113.5", BALANCER),
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "1.2.3.4, 203.0.113.5", "203.0.113.5"),  # the client's own header is not believed
        (2, "1.2.3.4, 203.0.113.5, 10.0.0.9", "203.0.113.5"),
        (2, "203.0.113.5", BALANCER),  # fewer hops than proxies: misconfigured, not trusted
        (1, "not-an-address", BALANCER),
        (1, "", BALANCER),
    ],
)
def test_client_address_counts_trusted_proxies_from_the_right(
    rf, settings, count, forwarded, expected
):
    settings.PROXY_COUNT = count
    request = rf.get("/", REMOTE_ADDR=BALANCER, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/", "javascript:alert(1)"]
)
def test_login_with_an_unsafe_next_lands_on_the_admin(client, editor, next_url):
    """It went to Django's default /accounts/profile/, a 404."""
    response = client.post(
        f"{reverse('admin:login')}?next={quote(next_url)}",
        {"username": editor.username, "password": "pw-editor-123", "next": next_url},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:index")


# Commands with the database down --------------------------------------------------------------

DOWN = "postgres://parley@127.0.0.1:9/parley"  # the discard port: nothing listens


@pytest.mark.parametrize(
    "command",
    [["requeue_extractions"], ["load_demo", "--no-articles"], ["migrate"]],
)
def test_commands_with_the_database_down_fail_in_one_line(command):
    env = {**os.environ, "DATABASE_URL": DOWN, "DJANGO_DEBUG": "1"}
    result = subprocess.run(
        [sys.executable, "manage.py", *command],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: the database is not available")
