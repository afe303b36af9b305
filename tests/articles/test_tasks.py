from __future__ import annotations

import pytest
from django.core.management import call_command
from django.tasks import default_task_backend
from django.urls import reverse

from articles import tasks
from articles.models import Article, ExtractionStatus
from articles.services import ingest_bytes
from timeline.models import Event

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

DUMMY = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


def test_deferred_ingest_queues_a_job(settings, seed_bytes):
    settings.TASKS = DUMMY
    outcome = ingest_bytes(seed_bytes, source_name="seed.txt", defer=True)
    assert outcome.message == "extraction queued"
    assert outcome.article.extraction_status == ExtractionStatus.PENDING
    assert Event.objects.count() == 0
    results = default_task_backend.results
    assert [r.args for r in results] == [[outcome.article.pk]]


def test_in_process_backend_extracts_after_commit(seed_bytes, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        outcome = ingest_bytes(seed_bytes, source_name="seed.txt", defer=True)
    outcome.article.refresh_from_db()
    assert outcome.article.extraction_status == ExtractionStatus.DONE
    assert Event.objects.filter(kind="meeting").count() >= 3


def test_failed_job_marks_article_and_retries(settings, seed_bytes, monkeypatch):
    settings.TASKS = DUMMY
    article = ingest_bytes(seed_bytes, source_name="seed.txt", defer=True).article

    def broken(*args, **kwargs):
        raise RuntimeError("model not loaded")

    monkeypatch.setattr("articles.services.extract_events", broken)
    with pytest.raises(RuntimeError):
        tasks.extract_article.call(article.pk)
    article.refresh_from_db()
    assert article.extraction_status == ExtractionStatus.FAILED
    assert "model not loaded" in article.extraction_error
    retry = default_task_backend.results[-1]
    assert retry.args == [article.pk, 2]
    assert retry.task.run_after is not None


def test_last_attempt_is_not_retried(settings, seed_bytes, monkeypatch):
    settings.TASKS = DUMMY
    article = ingest_bytes(seed_bytes, source_name="seed.txt", defer=True).article
    monkeypatch.setattr(
        "articles.services.extract_events", lambda *a, **k: (_ for _ in ()).throw(ValueError("x"))
    )
    queued = len(default_task_backend.results)
    with pytest.raises(ValueError):
        tasks.extract_article.call(article.pk, tasks.MAX_ATTEMPTS)
    assert len(default_task_backend.results) == queued


def test_requeue_picks_up_failed_and_pending(settings):
    settings.TASKS = DUMMY
    Article.objects.create(
        published="2025-05-01", body="A.", original="A.", extraction_status=ExtractionStatus.FAILED
    )
    Article.objects.create(
        published="2025-05-01", body="B.", original="B.", extraction_status=ExtractionStatus.DONE
    )
    call_command("requeue_extractions", verbosity=0)
    assert len(default_task_backend.results) == 1


def test_admin_ingest_of_pasted_text(editor_client, django_capture_on_commit_callbacks):
    text = "date 2025-05-01\nAkazawa met Bessent in Washington on Thursday for tariff talks."
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            reverse("admin:articles_article_ingest"), {"text": text, "outlet": "Test Wire"}
        )
    assert response.status_code == 302
    article = Article.objects.get()
    assert article.outlet == "Test Wire"
    assert article.extraction_status == ExtractionStatus.DONE
    assert Event.objects.filter(kind="meeting", date_start="2025-05-01").exists()


def test_admin_ingest_of_uploaded_file_with_bad_input(editor_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    binary = SimpleUploadedFile("scan.pdf.txt", b"%PDF-1.7\x00\x01\x02")
    response = editor_client.post(
        reverse("admin:articles_article_ingest"), {"files": [binary]}, follow=True
    )
    assert "scan.pdf.txt: the file is binary, not text" in response.text.lower()
    assert Article.objects.count() == 0


def test_admin_ingest_requires_input(editor_client):
    response = editor_client.post(reverse("admin:articles_article_ingest"), {})
    assert response.status_code == 200
    assert "Paste an article or choose at least one file." in response.text


def test_ingest_page_is_for_editors_only(client, django_user_model):
    user = django_user_model.objects.create_user("reader", password="pw-reader-123", is_staff=True)
    client.force_login(user)
    assert client.get(reverse("admin:articles_article_ingest")).status_code == 403
