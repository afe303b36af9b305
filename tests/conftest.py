from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "data" / "devset" / "00_seed_kyodo_japan_us.txt"


@pytest.fixture
def seed_bytes() -> bytes:
    return SEED.read_bytes()


@pytest.fixture
def seed_published() -> datetime.date:
    return datetime.date(2025, 5, 1)


@pytest.fixture
def editor(db) -> User:
    user = User.objects.create_user("ed", password="pw-editor-123", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture(autouse=True)
def _fresh_gazetteer():
    """Each test's database differs (rolled back after the last one): no cached gazetteer."""
    from articles.services.events import forget_gazetteer

    forget_gazetteer()
    yield
    forget_gazetteer()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Cached pages are keyed by the data version, which each test's rollback winds back."""
    from django.core.cache import cache

    cache.clear()
    yield
