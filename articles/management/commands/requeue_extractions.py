"""Queue extraction again for articles whose job failed, never ran, or died mid-way.

An article that already has a job waiting or running is left alone. A job that has been
running for more than --stale-minutes (counted from when the job started) belonged to a worker
that was killed: its row is marked failed and its article is queued again. Events are stored
in one transaction, so a killed worker leaves nothing partial behind.
"""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.db.models import Q
from django.tasks import TaskResultStatus
from django.utils import timezone

from articles.models import Article, ExtractionStatus
from articles.tasks import extract_article, extraction_jobs, runs_in_process

STALE_MESSAGE = (
    "stale: running for over {minutes} minutes, the worker was presumably killed "
    "(marked by requeue_extractions)"
)


class Command(BaseCommand):
    help = "Re-enqueue extraction for failed, pending and stale running articles."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--stale-minutes", type=int, default=15)
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, **options) -> None:
        minutes = options["stale_minutes"]
        stale_before = timezone.now() - datetime.timedelta(minutes=minutes)
        with transaction.atomic():
            live = extraction_jobs().filter(
                Q(status=TaskResultStatus.READY)
                | Q(status=TaskResultStatus.RUNNING, started_at__gte=stale_before)
            )
            busy = {job.args_kwargs["args"][0] for job in live.only("args_kwargs")}
            stale_jobs = extraction_jobs().filter(
                status=TaskResultStatus.RUNNING, started_at__lt=stale_before
            )
            articles = (
                Article.objects.filter(language="en")
                .filter(
                    Q(extraction_status__in=[ExtractionStatus.FAILED, ExtractionStatus.PENDING])
                    | Q(
                        extraction_status=ExtractionStatus.RUNNING,
                        extraction_started_at__lt=stale_before,
                    )
                    | Q(
                        extraction_status=ExtractionStatus.RUNNING,
                        extraction_started_at__isnull=True,
                        ingested_at__lt=stale_before,
                    )
                )
                .exclude(pk__in=busy)
            )
            ids = list(articles.values_list("pk", flat=True))
            stale = stale_jobs.count()
            if not options["dry_run"]:
                stale_jobs.update(
                    status=TaskResultStatus.FAILED,
                    finished_at=timezone.now(),
                    exception_class_path="articles.tasks.WorkerLost",
                    traceback=STALE_MESSAGE.format(minutes=minutes),
                )
                for article_id in ids:
                    if runs_in_process():
                        transaction.on_commit(lambda pk=article_id: extract_article.enqueue(pk))
                    else:
                        extract_article.enqueue(article_id)
        would = "would be " if options["dry_run"] else ""
        self.stdout.write(
            self.style.SUCCESS(
                f"{'Would queue' if would else 'Queued'} {len(ids)} articles for extraction; "
                f"{stale} stale jobs {would}marked failed."
            )
        )
