"""The reader's first screen on a desktop and a phone (Playwright on Debian chromium)."""

from __future__ import annotations

import datetime
import json

import pytest
from playwright.sync_api import Page, expect

from tests.factories import EventFactory, TariffMeasureFactory
from timeline.models import Event, Jurisdiction, Meeting, Official

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

D = datetime.date
DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}


def event_with(codes, slugs=(), location="", **fields) -> Event:
    event = EventFactory(**fields)
    event.jurisdictions.set(Jurisdiction.objects.filter(code__in=codes))
    event.participants.set(Official.objects.filter(slug__in=slugs))
    if location:
        Meeting.objects.create(event=event, location=location)
    return event


@pytest.fixture
def timeline():
    return [
        event_with(["JP", "US"], ["ryosei-akazawa"], title="Akazawa in Washington"),
        event_with(["JP", "CN"], title="Japan and China talk", date_start=D(2025, 5, 2)),
        event_with(["CN", "US"], ["he-lifeng"], title="Geneva talks", date_start=D(2025, 5, 10)),
        event_with(["JP"], title="Japan on its own", date_start=D(2025, 5, 12)),
    ]


def titles(page: Page) -> list[str]:
    return page.locator("#event-list .event-title a").all_inner_texts()


def test_first_event_is_above_the_fold_on_a_laptop(live_server, page: Page, timeline):
    page.set_viewport_size(DESKTOP)
    page.goto(live_server.url + "/")
    first = page.locator("#event-list .event").first
    box = first.locator(".event-title").bounding_box()
    assert box is not None and box["y"] + box["height"] <= DESKTOP["height"]
    assert page.evaluate("window.scrollY") == 0


def test_filters_fold_behind_one_button_on_a_phone(live_server, page: Page, timeline):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/")
    toggle = page.get_by_role("button", name="Filters", exact=True)
    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(page.locator("#filters")).to_be_hidden()
    box = page.locator("#event-list .event-title").first.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"]

    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#filters")).to_be_visible()
    page.get_by_label("China").check()
    expect(page.locator("#result-count")).to_contain_text("2 events")
    toggle.click()
    expect(page.locator("#filters")).to_be_hidden()


def test_the_filter_button_is_not_shown_on_a_laptop(live_server, page: Page, timeline):
    page.set_viewport_size(DESKTOP)
    page.goto(live_server.url + "/")
    expect(page.get_by_role("button", name="Filters", exact=True)).to_be_hidden()
    expect(page.locator("#filters")).to_be_visible()


def test_two_countries_say_what_they_mean(live_server, page: Page, timeline):
    page.set_viewport_size(DESKTOP)
    page.goto(live_server.url + "/")
    page.get_by_label("Japan").check()
    expect(page.locator("#result-count")).to_contain_text("3 events")
    page.get_by_label("China").check()
    expect(page.locator(".meaning")).to_contain_text("Events between China and Japan")
    expect(page.locator("#result-count")).to_contain_text("1 event")
    assert titles(page) == ["Japan and China talk"]

    page.get_by_label("Involving any of them").check()
    expect(page.locator(".meaning")).to_contain_text("Events involving any of China or Japan")
    expect(page.locator("#result-count")).to_contain_text("4 events")

    page.get_by_label("Events between them").check()
    page.get_by_label("China").uncheck()
    page.get_by_label("United States").check()
    expect(page.locator(".meaning")).to_contain_text("Events between Japan and United States")
    assert titles(page) == ["Akazawa in Washington"]


def test_a_combination_without_events_explains_why(live_server, page: Page, timeline):
    page.set_viewport_size(DESKTOP)
    page.goto(live_server.url + "/?country=CN&country=JP&country=US")
    empty = page.locator(".empty")
    expect(empty).to_contain_text("none has all of them as parties")
    empty.get_by_role("link", name="Events involving any of them").click()
    expect(page.locator("#result-count")).to_contain_text("4 events")


def test_country_chart_fits_a_phone_without_sideways_scrolling(live_server, page: Page):
    TariffMeasureFactory(event=EventFactory(kind="tariff_measure", date_start=D(2025, 4, 9)))
    TariffMeasureFactory(
        event=EventFactory(kind="tariff_measure", date_start=D(2025, 7, 22)), rate_percent=15
    )
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/countries/jp/")
    chart = page.locator("svg.chart-compact")
    expect(chart).to_be_visible()
    expect(page.locator("svg.chart-wide")).to_be_hidden()
    box = chart.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1]


def test_timelinejs_display_dates_stay_text_when_inserted_as_html(live_server, page: Page):
    EventFactory(title="<b>bold</b>", date_start=D(2025, 4, 16))
    page.goto(live_server.url + "/export/events.timelinejs.json")
    data = json.loads(page.locator("body").inner_text())
    [slide] = data["events"]
    assert slide["display_date"] == "16 Apr 2025"
    # TimelineJS sets headline and display_date with innerHTML: no element may come of them.
    made = page.evaluate(
        """(slide) => {
            const box = document.createElement("div");
            box.innerHTML = slide.display_date + slide.text.headline;
            return [box.children.length, box.textContent];
        }""",
        slide,
    )
    assert made == [0, "16 Apr 2025<b>bold</b>"]


@pytest.mark.parametrize(
    "viewport,query",
    [
        ({"width": 1280, "height": 900}, ""),
        ({"width": 1280, "height": 900}, "?as_of=2025-05-02"),
        ({"width": 700, "height": 900}, ""),
    ],
)
def test_filter_controls_lie_within_the_panel(live_server, page: Page, timeline, viewport, query):
    page.set_viewport_size(viewport)
    page.goto(live_server.url + "/" + query)
    panel = page.locator("#filters").bounding_box()
    assert panel is not None
    controls = page.locator("#filters input:visible, #filters select:visible")
    assert controls.count() >= 6
    for control in controls.all():
        box = control.bounding_box()
        assert box is not None
        assert panel["x"] <= box["x"] and box["x"] + box["width"] <= panel["x"] + panel["width"], (
            control.get_attribute("name"),
            box,
            panel,
        )


def test_filter_controls_lie_within_the_panel_on_a_phone(live_server, page: Page, timeline):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + "/")
    page.get_by_role("button", name="Filters", exact=True).click()
    panel = page.locator("#filters").bounding_box()
    for name in ("type", "status", "from", "to", "order"):
        box = page.locator(f"#filters [name={name}]").bounding_box()
        assert box["x"] + box["width"] <= panel["x"] + panel["width"], name
