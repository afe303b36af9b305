"""Background extraction through Django's tasks framework (django.tasks).

In-process (ImmediateBackend) by default; in production a database queue (django-tasks-db)
consumed by `manage.py db_worker` on worker machines. A failed attempt is retried with a delay;
a worker killed mid-article leaves nothing partial, since events are stored in one transaction
and the article stays "running" until `manage.py requeue_extractions` marks its job row failed
and queues it again.
"""

from __future__ import annotations

import datetime
import logging

from django.db import transaction
from django.tasks import task
from django.utils import timezone

from .models import Article, ExtractionStatus

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
RETRY_DELAY = datetime.timedelta(seconds=30)


@task()
def extract_article(article_id: int, attempt: int = 1) -> dict:
    """Extract and store the events of one article; retried up to MAX_ATTEMPTS times."""
    from .services import extract_events

    article = Article.objects.get(pk=article_id)
    Article.objects.filter(pk=article_id).update(
        extraction_status=ExtractionStatus.RUNNING,
        extraction_error="",
        extraction_started_at=timezone.now(),
    )
    try:
        result = extract_events(article)
    except Exception as error:
        logger.exception("extraction of article %s failed (attempt %s)", article_id, attempt)
        Article.objects.filter(pk=article_id).update(
            extraction_status=ExtractionStatus.FAILED,
            extraction_error=f"attempt {attempt} of {MAX_ATTEMPTS}: {error!r}",
        )
        if attempt < MAX_ATTEMPTS:
            retry = extract_article
            if retry.get_backend().supports_defer:  # the in-process backend retries at once
                retry = retry.using(run_after=timezone.now() + RETRY_DELAY * attempt)
            retry.enqueue(article_id, attempt + 1)
        raise
    return {"created": result.created, "merged": result.merged}


def enqueue_extraction(article: Article) -> None:
    """Queue an article's extraction. With a database queue the job row commits together with
    the article; with the in-process backend it runs once the article is committed."""
    article.extraction_status = ExtractionStatus.PENDING
    article.save(update_fields=["extraction_status"])
    if runs_in_process():
        transaction.on_commit(lambda: extract_article.enqueue(article.pk))
    else:
        extract_article.enqueue(article.pk)


def extraction_jobs(article_ids=None):
    """The database queue's job rows of extract_article, newest first (optionally only those
    of some articles)."""
    from django_tasks_db.models import DBTaskResult

    jobs = DBTaskResult.objects.filter(task_path=extract_article.module_path).order_by(
        "-enqueued_at"
    )
    if article_ids is not None:
        jobs = jobs.filter(args_kwargs__args__0__in=list(article_ids))
    return jobs


def latest_job_state(article: Article) -> str:
    """What the queue says about an article's extraction: "queued", "running since ...",
    "failed", "done", or "" without a job row (in-process backend)."""
    job = extraction_jobs().filter(args_kwargs__args__0=article.pk).first()
    if job is None:
        return ""
    when = job.started_at or job.enqueued_at
    return f"{job.status.lower()} (job {str(job.id)[:8]}, since {when:%Y-%m-%d %H:%M:%S} UTC)"


def runs_in_process() -> bool:
    """True with the in-process backend; any other one (the database queue) runs tasks
    elsewhere, so the web and the ingest command only enqueue."""
    from django.tasks.backends.immediate import ImmediateBackend

    return isinstance(extract_article.get_backend(), ImmediateBackend)
