"""With a task queue, the web process and the ingest command never extract (issue 13, fault 4)."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article, ExtractionStatus
from articles.services import events
from articles.tasks import extraction_jobs
from timeline.models import Event

pytestmark = pytest.mark.django_db

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
TEXT = "date 2025-05-01\nAkazawa met Bessent in Washington on Thursday for tariff talks."


@pytest.fixture
def no_model(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the model ran in the web process")

    monkeypatch.setattr(events, "run_pipeline", refuse)
    monkeypatch.setattr(events, "run_pipeline_many", refuse)


def test_admin_ingest_with_a_queue_only_enqueues(settings, editor_client, no_model):
    settings.TASKS = DATABASE_QUEUE
    response = editor_client.post(
        reverse("admin:articles_article_ingest"), {"text": TEXT}, follow=True
    )
    assert response.status_code == 200
    article = Article.objects.get()
    assert article.extraction_status == ExtractionStatus.PENDING
    assert Event.objects.count() == 0
    assert extraction_jobs([article.pk]).get().status == "READY"
    assert "extraction queued" in response.text


def test_article_admin_shows_the_job_state(settings, admin_client, no_model):
    settings.TASKS = DATABASE_QUEUE
    admin_client.post(reverse("admin:articles_article_ingest"), {"text": TEXT})
    article = Article.objects.get()
    page = admin_client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert "ready (job " in page.text


def test_ingest_command_with_a_queue_only_enqueues(settings, tmp_path, no_model):
    settings.TASKS = DATABASE_QUEUE
    (tmp_path / "a.txt").write_text(TEXT)
    call_command("ingest", str(tmp_path), verbosity=0)
    article = Article.objects.get()
    assert article.extraction_status == ExtractionStatus.PENDING
    assert extraction_jobs([article.pk]).count() == 1
