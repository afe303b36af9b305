"""What editors rejected, or have not seen yet, stays out of public view."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse

from tests.factories import (
    ArticleFactory,
    EventFactory,
    EvidenceFactory,
    OfficialFactory,
    TariffMeasureFactory,
)
from timeline.models import Event, Jurisdiction, Official

pytestmark = pytest.mark.django_db

D = datetime.date
APPROVED, PROPOSED, REJECTED = (
    Event.ReviewState.APPROVED,
    Event.ReviewState.PROPOSED,
    Event.ReviewState.REJECTED,
)


# Links between tariff measures ----------------------------------------------------------------


@pytest.fixture
def lineage() -> dict[str, Event]:
    """An approved measure modifying a rejected one, and modified by a rejected and a proposed
    one (titles the public must not see on its page)."""
    approved = TariffMeasureFactory(
        event__title="Approved 25% tariff", event__date_start=D(2025, 4, 9)
    )
    rejected_base = TariffMeasureFactory(
        event__title="Rejected earlier tariff",
        event__review_state=REJECTED,
        event__date_start=D(2025, 3, 1),
    )
    approved.modifies = rejected_base.event
    approved.save()
    for title, state in (("Rejected pause", REJECTED), ("Proposed cut", PROPOSED)):
        change = TariffMeasureFactory(
            event__title=title, event__review_state=state, event__date_start=D(2025, 5, 1)
        )
        change.modifies = approved.event
        change.save()
    approved_change = TariffMeasureFactory(
        event__title="Approved rise", event__date_start=D(2025, 6, 1), modifies=approved.event
    )
    return {"approved": approved.event, "change": approved_change.event}


def test_event_page_links_only_to_approved_measures_for_the_public(client, lineage):
    text = client.get(lineage["approved"].get_absolute_url()).text
    assert "Modified by: " in text and "Approved rise" in text
    for hidden in ("Rejected earlier tariff", "Rejected pause", "Proposed cut"):
        assert hidden not in text


def test_event_page_links_editors_to_proposed_measures_never_rejected(editor_client, lineage):
    text = editor_client.get(lineage["approved"].get_absolute_url()).text
    assert "Proposed cut" in text
    assert "Rejected pause" not in text and "Rejected earlier tariff" not in text


def test_api_event_modifies_only_an_approved_measure(client, lineage):
    approved = client.get(f"/api/events/{lineage['approved'].pk}").json()
    assert approved["tariff"]["modifies"] is None  # the measure it modifies was rejected
    change = client.get(f"/api/events/{lineage['change'].pk}").json()
    assert change["tariff"]["modifies"] == lineage["approved"].pk


# Officials found only in rejected events ------------------------------------------------------


@pytest.fixture
def people() -> dict[str, Official]:
    """People the pipeline found (unreviewed), each known from events in one review state."""
    found = {}
    for state in (APPROVED, PROPOSED, REJECTED):
        person = OfficialFactory(full_name=f"Person {state}", is_reviewed=False)
        EventFactory(title=f"Event {state}", review_state=state).participants.set([person])
        found[state] = person
    return found


def test_official_of_rejected_events_only_is_not_offered_as_a_filter(client, people):
    text = client.get("/").text
    assert "Person approved" in text
    assert "Person rejected" not in text
    assert "Person proposed" not in text  # the public's timeline shows approved events
    assert "Person proposed" in client.get("/", {"unreviewed": "1"}).text


def test_country_of_rejected_events_only_is_not_offered_as_a_filter(client):
    EventFactory(review_state=REJECTED).jurisdictions.set([Jurisdiction.objects.get(code="BT")])
    EventFactory().jurisdictions.set([Jurisdiction.objects.get(code="JP")])
    text = client.get("/").text
    assert 'value="JP"' in text and 'value="BT"' not in text


def test_official_of_rejected_events_only_has_no_public_page(client, people):
    assert client.get(people[REJECTED].get_absolute_url()).status_code == 404
    assert client.get(people[APPROVED].get_absolute_url()).status_code == 200
    assert client.get(people[PROPOSED].get_absolute_url()).status_code == 200


def test_editors_still_see_the_page_of_an_official_of_rejected_events(editor_client, people):
    assert editor_client.get(people[REJECTED].get_absolute_url()).status_code == 200


def test_api_official_of_rejected_events_only_is_not_found(client, people):
    slug = people[REJECTED].slug
    assert client.get(f"/api/officials/{slug}").status_code == 404
    listed = [
        p["slug"] for p in client.get("/api/officials", {"unreviewed": "true"}).json()["results"]
    ]
    assert people[APPROVED].slug in listed and slug not in listed
    assert client.get("/api/events", {"official": slug}).status_code == 400


def test_reviewed_official_without_events_keeps_a_public_page(client):
    assert (
        client.get(Official.objects.get(slug="scott-bessent").get_absolute_url()).status_code == 200
    )


# New evidence on an approved event ------------------------------------------------------------


@pytest.fixture
def new_find() -> dict:
    """An approved event with its reviewed source, and a sentence from a new, unreviewed
    article that the pipeline attached afterwards."""
    event = EventFactory(title="Akazawa meets Bessent", status=Event.Status.PLANNED)
    event.jurisdictions.set([Jurisdiction.objects.get(code="JP")])
    EvidenceFactory(
        event=event,
        article=ArticleFactory(outlet="Kyodo News", body="Akazawa met Bessent in Washington."),
        sentence="Akazawa met Bessent in Washington.",
    )
    article = ArticleFactory(outlet="Blog Nobody Checked", body="Akazawa secretly agreed to 0%.")
    found = EvidenceFactory(
        event=event, article=article, sentence="Akazawa secretly agreed to 0%.", awaits_review=True
    )
    return {"event": event, "article": article, "evidence": found}


PUBLIC_READERS = [
    "/export/events.csv",
    "/export/events.ics",
    "/export/events.timelinejs.json",
    "/feeds/events.atom",
    "/api/events",
]


def body(response) -> str:
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    return raw.decode()


def test_new_evidence_on_an_approved_event_waits_for_review_on_its_page(client, new_find):
    text = client.get(new_find["event"].get_absolute_url()).text
    assert "Kyodo News" in text
    assert "secretly agreed" not in text and "Blog Nobody Checked" not in text


@pytest.mark.parametrize("url", PUBLIC_READERS)
def test_new_evidence_waits_for_review_in_the_api_and_exports(client, new_find, url):
    text = body(client.get(url))
    assert "Kyodo News" in text
    assert "secretly agreed" not in text and "Blog Nobody Checked" not in text


def test_new_evidence_does_not_make_its_article_public(client, new_find):
    article = new_find["article"]
    assert client.get(f"/api/articles/{article.pk}").status_code == 404
    assert article.pk not in [a["id"] for a in client.get("/api/articles").json()["results"]]


@pytest.mark.parametrize("q", ["secretly", "secretly agreed"])
def test_new_evidence_is_not_searchable_before_review(client, new_find, q):
    """One word and several words take different paths through SQLite's FTS5 tables."""
    assert client.get("/api/events", {"q": q}).json()["count"] == 0
    new_find["event"].approve()
    assert client.get("/api/events", {"q": q}).json()["count"] == 1


def test_editors_see_new_evidence_at_once_marked_with_a_way_to_approve_it(editor_client, new_find):
    text = editor_client.get(new_find["event"].get_absolute_url()).text
    assert "secretly agreed" in text
    assert "New evidence, not yet reviewed" in text
    assert re.search(r'value="approve"[^>]*>Approve the new evidence', text)


def test_approving_the_new_evidence_makes_it_public(client, editor, new_find):
    event = new_find["event"]
    client.force_login(editor)
    client.post(reverse("timeline:event-review", args=[event.pk]), {"decision": "approve"})
    client.logout()
    assert "secretly agreed" in client.get(event.get_absolute_url()).text
    assert client.get(f"/api/articles/{new_find['article'].pk}").status_code == 200


RECALL_APRIL_16 = b"""date 2025-05-23
Akazawa returns to Washington for third round

Japan's chief negotiator Ryosei Akazawa arrived in Washington on Friday for a third round of tariff talks.
Akazawa first met President Donald Trump in the Oval Office on April 16 to open the negotiations.
"""


@pytest.mark.slow
def test_the_pipeline_marks_what_it_adds_to_an_approved_event(seed_bytes):
    from articles.services import ingest_bytes

    ingest_bytes(seed_bytes, source_name="seed.txt")
    april_16 = Event.objects.get(kind="meeting", date_start=D(2025, 4, 16))
    april_16.approve()
    recall = ingest_bytes(RECALL_APRIL_16, source_name="recall.txt").article
    waiting = {e.article_id: e.awaits_review for e in april_16.evidence.all()}
    assert waiting[recall.pk] is True
    assert not any(flag for article, flag in waiting.items() if article != recall.pk)
