from __future__ import annotations

import datetime
import re

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import Page, expect

from tests.factories import ArticleFactory, EventFactory, EvidenceFactory
from timeline import views
from timeline.models import Event, Jurisdiction, Official

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

D = datetime.date


def event_with(codes, slugs=(), **fields) -> Event:
    event = EventFactory(**fields)
    event.jurisdictions.set(Jurisdiction.objects.filter(code__in=codes))
    event.participants.set(Official.objects.filter(slug__in=slugs))
    return event


@pytest.fixture
def timeline():
    return [
        event_with(["JP", "US"], ["ryosei-akazawa"], title="Akazawa in Washington"),
        event_with(["JP", "US"], ["scott-bessent"], title="Bessent call", date_start=D(2025, 5, 2)),
        event_with(["CN", "US"], ["he-lifeng"], title="Geneva talks", date_start=D(2025, 5, 10)),
    ]


def event_titles(page: Page) -> list[str]:
    return page.locator("#event-list .event-title a").all_inner_texts()


def test_filter_by_country_then_official_and_back(live_server, page: Page, timeline):
    page.goto(live_server.url + "/")
    expect(page.locator("#result-count")).to_contain_text("3 events")
    page.get_by_label("Japan").check()
    expect(page).to_have_url(re.compile(r"\?.*country=JP"))
    expect(page.locator("#result-count")).to_contain_text("2 events")
    assert event_titles(page) == ["Akazawa in Washington", "Bessent call"]

    page.get_by_label("Scott Bessent").check()
    expect(page).to_have_url(re.compile(r"official=scott-bessent"))
    expect(page.locator("#result-count")).to_contain_text("1 event")
    assert event_titles(page) == ["Bessent call"]

    page.go_back()
    expect(page).not_to_have_url(re.compile("official="))
    expect(page).to_have_url(re.compile("country=JP"))
    expect(page.locator("#event-list .event")).to_have_count(2)


def test_search_box_filters_as_you_type(live_server, page: Page, timeline):
    page.goto(live_server.url + "/")
    page.get_by_label("Search").fill("geneva")
    expect(page).to_have_url(re.compile(r"q=geneva"))
    expect(page.locator("#event-list .event")).to_have_count(1)
    expect(page.locator("#event-list mark")).to_have_text("Geneva")


def test_open_an_event_in_place_and_on_its_own_page(live_server, page: Page):
    article = ArticleFactory(
        outlet="Kyodo News",
        body="Opening.\nTalks went well. Akazawa met Bessent on Thursday.\nClosing.",
    )
    start = article.body.index("Akazawa")
    event = EventFactory(title="Akazawa meets Bessent", date_text="Thursday")
    EvidenceFactory(
        event=event,
        article=article,
        sentence="Akazawa met Bessent on Thursday.",
        start_char=start,
        end_char=start + 32,
    )
    page.goto(live_server.url + "/")
    page.get_by_text("Evidence and details").click()
    expect(page.locator(".event-more mark")).to_have_text("Akazawa met Bessent on Thursday.")
    expect(page.locator(".event-more")).to_contain_text("Kyodo News")
    assert page.url == live_server.url + "/"  # expanded in place

    page.get_by_role("link", name="Akazawa meets Bessent").first.click()
    expect(page).to_have_url(live_server.url + event.get_absolute_url())
    expect(page.locator("h1")).to_have_text("Akazawa meets Bessent")


def test_load_more_appends_the_next_page(live_server, page: Page, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    for day in (1, 2, 3):
        EventFactory(title=f"Event {day}", date_start=D(2025, 4, day))
    page.goto(live_server.url + "/")
    expect(page.locator("#event-list .event")).to_have_count(2)
    page.get_by_role("link", name="Load more events").click()
    expect(page.locator("#event-list .event")).to_have_count(3)
    expect(page.locator(".month-heading")).to_have_count(1)  # April continues, no new heading
    expect(page.get_by_role("link", name="Event 3")).to_be_focused()


def test_editor_approves_a_proposed_event(live_server, page: Page):
    user = User.objects.create_user("ed", password="pw-editor-123", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    proposed = EventFactory(title="Machine found this", review_state=Event.ReviewState.PROPOSED)

    page.goto(live_server.url + "/admin/login/?next=/")
    page.get_by_label("Username").fill("ed")
    page.get_by_label("Password").fill("pw-editor-123")
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(live_server.url + "/")

    row = page.locator(f"#event-{proposed.pk}")
    expect(row.locator(".review-badge")).to_have_text("Unreviewed · machine-extracted")
    row.get_by_role("button", name=re.compile("^Approve")).click()
    expect(row.locator(".review-done")).to_have_text("Approved: now public.")
    proposed.refresh_from_db()
    assert proposed.review_state == Event.ReviewState.APPROVED
