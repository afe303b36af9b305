"""Extraction jobs are counted once, go stale from their start, and really retry (issue 13, fault 8)."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django.utils import timezone

from articles import tasks
from articles.models import Article, ExtractionStatus
from articles.services import ingest_bytes
from articles.tasks import extraction_jobs

pytestmark = pytest.mark.django_db

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
TEXT = b"date 2025-05-01\nAkazawa met Bessent in Washington on Thursday for tariff talks."


@pytest.fixture
def queued(settings) -> Article:
    settings.TASKS = DATABASE_QUEUE
    return ingest_bytes(TEXT, source_name="a.txt", defer=True).article


def start(article: Article, *, minutes_ago: int) -> None:
    """What a worker does when it takes the job: the job row and the article say running."""
    started = timezone.now() - datetime.timedelta(minutes=minutes_ago)
    extraction_jobs([article.pk]).update(status=TaskResultStatus.RUNNING, started_at=started)
    Article.objects.filter(pk=article.pk).update(
        extraction_status=ExtractionStatus.RUNNING,
        extraction_started_at=started,
        ingested_at=timezone.now() - datetime.timedelta(days=2),
    )


def test_requeue_leaves_an_article_with_a_queued_job_alone(queued):
    call_command("requeue_extractions", verbosity=0)
    assert extraction_jobs([queued.pk]).count() == 1


def test_requeue_counts_staleness_from_the_job_start_not_the_ingest(queued):
    start(queued, minutes_ago=1)
    call_command("requeue_extractions", "--stale-minutes", "15", verbosity=0)
    assert extraction_jobs([queued.pk]).count() == 1


def test_requeue_marks_the_job_of_a_killed_worker_failed_and_queues_again(queued):
    start(queued, minutes_ago=60)
    call_command("requeue_extractions", "--stale-minutes", "15", verbosity=0)
    statuses = sorted(extraction_jobs([queued.pk]).values_list("status", flat=True))
    assert statuses == [TaskResultStatus.FAILED, TaskResultStatus.READY]
    dead = extraction_jobs([queued.pk]).get(status=TaskResultStatus.FAILED)
    assert dead.finished_at is not None
    assert "stale" in dead.traceback


def test_requeue_dry_run_changes_nothing(queued):
    start(queued, minutes_ago=60)
    call_command("requeue_extractions", "--dry-run", verbosity=0)
    assert list(extraction_jobs([queued.pk]).values_list("status", flat=True)) == [
        TaskResultStatus.RUNNING
    ]


@pytest.mark.slow
def test_in_process_backend_really_retries_a_failed_attempt(monkeypatch):
    from articles import services

    article = ingest_bytes(TEXT, source_name="a.txt", extract=False).article
    real = services.extract_events
    calls = []

    def fail_once(article, **kwargs):
        calls.append(article.pk)
        if len(calls) == 1:
            raise RuntimeError("transient")
        return real(article, **kwargs)

    monkeypatch.setattr(services, "extract_events", fail_once)
    tasks.extract_article.enqueue(article.pk)
    article.refresh_from_db()
    assert len(calls) == 2
    assert article.extraction_status == ExtractionStatus.DONE
