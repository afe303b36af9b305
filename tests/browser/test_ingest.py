"""Ingest in a real browser: errors keep the work, success leads to review (issue 10)."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import Page, expect

from articles.models import Article
from timeline.models import Event

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

UNDATED = "Akazawa met Bessent in Washington on Thursday for tariff talks."
DATED = "date 2025-05-01\n" + UNDATED


def log_in(page: Page, live_server) -> None:
    user = User.objects.create_user("ed", password="pw-editor-123", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    page.goto(live_server.url + "/admin/login/?next=/admin/articles/article/ingest/")
    page.get_by_label("Username").fill("ed")
    page.get_by_label("Password").fill("pw-editor-123")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Ingest articles")).to_be_visible()


def test_ingest_error_keeps_the_text(live_server, page: Page):
    log_in(page, live_server)
    page.get_by_label("Text").fill(UNDATED)
    page.get_by_role("button", name="Ingest").click()

    date_row = page.locator(".form-row", has=page.get_by_label("Published"))
    expect(date_row.locator(".errorlist")).to_contain_text("no publication date found")
    expect(page.get_by_label("Text")).to_have_value(UNDATED)
    expect(page.locator("body")).not_to_contain_text("--published")
    assert Article.objects.count() == 0

    page.get_by_label("Published").fill("2025-05-01")
    page.get_by_role("button", name="Ingest").click()
    expect(page).to_have_url(re.compile(r"/admin/articles/article/\d+/review/$"))


@pytest.mark.slow
def test_ingest_then_review_the_new_articles_events(live_server, page: Page):
    log_in(page, live_server)
    page.get_by_label("Text").fill(DATED)
    page.get_by_role("button", name="Ingest").click()

    article = Article.objects.get()
    expect(page).to_have_url(live_server.url + f"/admin/articles/article/{article.pk}/review/")
    expect(page.locator(".extraction .state")).to_have_text("Extracted")
    event = Event.objects.filter(evidence__article=article).first()
    section = page.locator(f"#event-{event.pk}")
    expect(section.locator("blockquote").first).to_contain_text("Akazawa met Bessent")

    section.get_by_label("Title").fill("Akazawa and Bessent meet in Washington")
    section.get_by_role("button", name=re.compile("^Save")).click()
    expect(section.get_by_role("status").first).to_have_text("Saved.")
    expect(section.locator("h3")).to_have_text("Akazawa and Bessent meet in Washington")

    section.get_by_role("button", name=re.compile("^Approve")).click()
    expect(section.locator(".review-done")).to_have_text("Approved: now public.")
    event.refresh_from_db()
    assert event.review_state == Event.ReviewState.APPROVED
    assert event.title == "Akazawa and Bessent meet in Washington"
    assert event.edited_by_editor
