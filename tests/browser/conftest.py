"""Browser tests: pytest-playwright driving Debian's chromium (never `playwright install`).

They are skipped when /usr/bin/chromium is missing; `.ci/run` installs it with apt-get.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import connections

CHROMIUM = Path("/usr/bin/chromium")


def pytest_collection_modifyitems(items):
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(reason="needs Debian chromium at /usr/bin/chromium")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="module", autouse=True)
def _allow_orm_beside_playwright_loop():
    """Playwright's sync API runs an event loop in this thread; the ORM calls of the tests are
    still synchronous, so Django's async-safety check is relaxed, for these modules only
    (the variable must not leak into other tests, `check --deploy` refuses it)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    }


@pytest.fixture(scope="session", autouse=True)
def _serialized_contents_for_all_connections(django_db_setup):
    """Let serialized_rollback restore the reference data (countries, officials, Editors).

    Django keeps the serialized test database on the connection object, and Django's
    connections are context-local while Playwright's event loop runs, so the tests would get
    a fresh connection without it: the data flushed after one test would never come back.
    Copying it onto the connection class makes it visible from every connection.
    """
    wrapper = type(connections["default"])
    contents = getattr(connections["default"], "_test_serialized_contents", None)
    if contents is not None:
        wrapper._test_serialized_contents = contents
    yield
    if contents is not None:
        del wrapper._test_serialized_contents
