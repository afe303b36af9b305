"""The admin's ingest keeps the editor's work and leads to review (issue 10, editors)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article, ExtractionStatus
from tests.factories import ArticleFactory, EventFactory, EvidenceFactory, OfficialFactory
from timeline.models import Event, Jurisdiction

pytestmark = pytest.mark.django_db

INGEST = "admin:articles_article_ingest"
GOOD = "date 2025-05-01\nAkazawa met Bessent in Washington on Thursday for tariff talks."
NO_DATE = "Akazawa met Bessent in Washington on Thursday for tariff talks."


def field_errors(response, name: str) -> str:
    return " ".join(str(e) for e in response.context["form"].errors.get(name, []))


def test_no_date_keeps_the_text_and_says_so_by_the_date_field(editor_client):
    response = editor_client.post(reverse(INGEST), {"text": NO_DATE})
    assert response.status_code == 200
    assert NO_DATE in response.text  # the textarea is filled again
    assert "no publication date found" in field_errors(response, "published")
    assert "--published" not in response.text
    assert Article.objects.count() == 0


def test_bad_date_header_is_reported_on_the_text(editor_client):
    text = "date 2025-02-30\n" + NO_DATE
    response = editor_client.post(reverse(INGEST), {"text": text})
    assert "is not a date" in field_errors(response, "text")
    assert "2025-02-30" in response.text


def test_too_large_is_reported_on_the_text(editor_client, settings):
    settings.PARLEY_MAX_ARTICLE_BYTES = 40
    response = editor_client.post(reverse(INGEST), {"text": GOOD})
    assert "over the limit of 40 bytes" in field_errors(response, "text")


def test_duplicate_links_to_the_existing_article(editor_client):
    existing = ArticleFactory(
        body="Akazawa met Bessent in Washington on Thursday for tariff talks."
    )
    response = editor_client.post(reverse(INGEST), {"text": GOOD})
    review = reverse("admin:articles_article_review", args=[existing.pk])
    assert f'href="{review}"' in field_errors(response, "text")
    assert Article.objects.count() == 1


@pytest.mark.slow
def test_failed_file_keeps_its_name_and_lists_the_stored_one(editor_client):
    files = [
        SimpleUploadedFile("good.txt", GOOD.encode()),
        SimpleUploadedFile("undated.txt", NO_DATE.encode()),
    ]
    response = editor_client.post(reverse(INGEST), {"files": files})
    assert response.status_code == 200
    assert "undated.txt" in field_errors(response, "published")
    stored = Article.objects.get()
    assert f'href="{reverse("admin:articles_article_review", args=[stored.pk])}"' in response.text
    assert "good.txt" in response.text


@pytest.mark.slow
def test_one_article_lands_on_its_review_page(editor_client):
    response = editor_client.post(reverse(INGEST), {"text": GOOD}, follow=True)
    article = Article.objects.get()
    assert response.redirect_chain[-1][0] == reverse(
        "admin:articles_article_review", args=[article.pk]
    )
    assert "Extracted" in response.text
    event = Event.objects.get(kind="meeting")
    assert f'id="event-{event.pk}"' in response.text
    assert 'value="approve"' in response.text and 'value="reject"' in response.text
    assert f'name="event-{event.pk}-title"' in response.text


@pytest.mark.slow
def test_several_articles_land_on_the_list_of_them(editor_client):
    files = [
        SimpleUploadedFile("a.txt", GOOD.encode()),
        SimpleUploadedFile("b.txt", b"date 2025-05-02\nAkazawa met Lutnick in Tokyo on Friday."),
    ]
    response = editor_client.post(reverse(INGEST), {"files": files})
    ids = ",".join(str(pk) for pk in Article.objects.order_by("pk").values_list("pk", flat=True))
    assert response["Location"].endswith(f"?id__in={ids}")
    assert editor_client.get(response["Location"]).status_code == 200


def test_review_page_of_a_queued_article_shows_its_state_and_polls(editor_client):
    article = ArticleFactory(extraction_status=ExtractionStatus.PENDING)
    response = editor_client.get(reverse("admin:articles_article_review", args=[article.pk]))
    assert "Waiting for extraction" in response.text
    assert 'hx-trigger="every 3s"' in response.text


def test_review_page_fragment_for_htmx(editor_client):
    article = ArticleFactory(extraction_status=ExtractionStatus.DONE)
    response = editor_client.get(
        reverse("admin:articles_article_review", args=[article.pk]), HTTP_HX_REQUEST="true"
    )
    assert response.text.lstrip().startswith('<div id="article-events"')
    assert "No events were found" in response.text


def test_quick_edit_saves_the_event_in_place(editor_client):
    evidence = EvidenceFactory(event__review_state=Event.ReviewState.PROPOSED)
    event, article = evidence.event, evidence.article
    url = reverse("admin:articles_article_edit_event", args=[article.pk, event.pk])
    prefix = f"event-{event.pk}"
    response = editor_client.post(
        url,
        {
            f"{prefix}-title": "Akazawa meets Bessent",
            f"{prefix}-kind": "meeting",
            f"{prefix}-status": "happened",
            f"{prefix}-date_start": "2025-04-17",
            f"{prefix}-date_end": "2025-04-17",
        },
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert response.text.lstrip().startswith(f'<section class="event" id="event-{event.pk}"')
    event.refresh_from_db()
    assert event.title == "Akazawa meets Bessent"
    assert event.edited_by_editor


def test_quick_edit_is_for_editors_only(client, django_user_model):
    evidence = EvidenceFactory()
    user = django_user_model.objects.create_user("r", password="pw-reader-123", is_staff=True)
    client.force_login(user)
    url = reverse(
        "admin:articles_article_edit_event", args=[evidence.article.pk, evidence.event.pk]
    )
    assert client.post(url, {}).status_code == 403


def test_review_queue_filters_by_article(editor_client):
    mine = EvidenceFactory(event__review_state=Event.ReviewState.PROPOSED, event__title="Mine")
    EvidenceFactory(event__review_state=Event.ReviewState.PROPOSED, event__title="Other")
    url = reverse("admin:timeline_proposedevent_changelist")
    response = editor_client.get(url, {"article": mine.article.pk})
    titles = [event.title for event in response.context["cl"].result_list]
    assert titles == ["Mine"]


@pytest.mark.parametrize("field", ["evidence", "participant", "country"])
def test_review_queue_search_covers_evidence_participants_and_countries(editor_client, field):
    event = EventFactory(title="Talks", review_state=Event.ReviewState.PROPOSED)
    EventFactory(title="Other talks", review_state=Event.ReviewState.PROPOSED)
    if field == "evidence":
        EvidenceFactory(event=event, sentence="The Zanzibari envoy arrived.")
        term = "Zanzibari"
    elif field == "participant":
        event.participants.add(OfficialFactory(full_name="Zelda Quixote"))
        term = "Quixote"
    else:
        event.jurisdictions.add(Jurisdiction.objects.get(code="JP"))
        term = "Japan"
    url = reverse("admin:timeline_proposedevent_changelist")
    response = editor_client.get(url, {"q": term})
    assert [e.pk for e in response.context["cl"].result_list] == [event.pk]
