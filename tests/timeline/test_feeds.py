from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET

import feedparser
import pytest
import time_machine

from tests.factories import ArticleFactory, EventFactory, EvidenceFactory
from timeline.models import Event, Jurisdiction

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def events() -> dict[str, Event]:
    japan, china = Jurisdiction.objects.get(code="JP"), Jurisdiction.objects.get(code="CN")
    with time_machine.travel(datetime.datetime(2025, 5, 1, 9, tzinfo=datetime.UTC), tick=False):
        older = EventFactory(title="Older approval <b>bold</b>", summary="Tariffs & talks.")
        older.jurisdictions.set([japan])
        article = ArticleFactory(outlet="Kyodo News", url="https://example.com/a?x=1&y=2")
        EvidenceFactory(
            event=older, article=article, sentence="They met.", start_char=0, end_char=9
        )
        proposed = EventFactory(title="Waiting for review", review_state=Event.ReviewState.PROPOSED)
        proposed.jurisdictions.set([japan])
    with time_machine.travel(datetime.datetime(2025, 5, 3, 9, tzinfo=datetime.UTC), tick=False):
        china_event = EventFactory(title="China approval")
        china_event.jurisdictions.set([china])
    with time_machine.travel(datetime.datetime(2025, 5, 5, 9, tzinfo=datetime.UTC), tick=False):
        newly = EventFactory(
            title="Newly approved",
            review_state=Event.ReviewState.PROPOSED,
            date_start=None,
            date_end=None,
        )
        newly.jurisdictions.set([japan])
        newly.approve()
    return {"older": older, "proposed": proposed, "china": china_event, "newly": newly}


def test_feed_is_atom_with_namespaced_entries(client, events):
    response = client.get("/feeds/events.atom")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    assert root.find(f"{ATOM}title").text == "Parley: newly approved events"
    assert root.find(f"{ATOM}author/{ATOM}name").text == "Parley"
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 3
    for entry in entries:
        assert entry.find(f"{ATOM}id").text.startswith("http://testserver/events/")
        assert entry.find(f"{ATOM}updated") is not None


def test_feed_lists_approved_events_most_recently_approved_first(client, events):
    feed = feedparser.parse(client.get("/feeds/events.atom").content)
    assert not feed.bozo, feed.bozo_exception
    assert [entry.title for entry in feed.entries] == [
        "Newly approved",
        "China approval",
        "Older approval <b>bold</b>",
    ]
    assert feed.entries[0].updated_parsed[:3] == (2025, 5, 5)


def test_feed_ignores_unreviewed(client, events):
    feed = feedparser.parse(client.get("/feeds/events.atom", {"unreviewed": "1"}).content)
    assert "Waiting for review" not in {entry.title for entry in feed.entries}


def test_feed_entry_links_to_event_with_escaped_sources(client, events):
    feed = feedparser.parse(client.get("/feeds/events.atom").content)
    entry = next(e for e in feed.entries if e.title.startswith("Older"))
    assert entry.link == f"http://testserver/events/{events['older'].pk}/"
    assert "<p>Tariffs &amp; talks.</p>" in entry.summary
    assert '<a href="https://example.com/a?x=1&amp;y=2">Kyodo News, 2025-05-01</a>' in entry.summary
    assert {tag.term for tag in entry.tags} == {"Meeting or call", "Japan"}


def test_feed_per_filter(client, events):
    response = client.get("/feeds/events.atom", {"country": "CN"})
    feed = feedparser.parse(response.content)
    assert [entry.title for entry in feed.entries] == ["China approval"]
    assert feed.feed.title == "Parley: newly approved events (China)"
    root = ET.fromstring(response.content)
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert links == {
        "alternate": "http://testserver/?country=CN",
        "self": "http://testserver/feeds/events.atom?country=CN",
    }


def test_feed_drops_characters_xml_cannot_carry(client, events):
    EventFactory(title="Bell\x07 and vertical\x0btab")
    response = client.get("/feeds/events.atom", {"q": "Bell\x01"})
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert [entry.title for entry in feed.entries] == ["Bell and verticaltab"]
