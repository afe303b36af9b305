"""Queue extraction again for articles whose job failed, never ran, or died mid-way.

A worker killed mid-article leaves the article "running" (its events were stored in one
transaction, so nothing partial remains): after --stale-minutes it is queued again.
"""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand, CommandParser
from django.db.models import Q
from django.utils import timezone

from articles.models import Article, ExtractionStatus
from articles.tasks import extract_article


class Command(BaseCommand):
    help = "Re-enqueue extraction for failed, pending and stale running articles."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--stale-minutes", type=int, default=15)
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, **options) -> None:
        stale_before = timezone.now() - datetime.timedelta(minutes=options["stale_minutes"])
        articles = Article.objects.filter(language="en").filter(
            Q(extraction_status__in=[ExtractionStatus.FAILED, ExtractionStatus.PENDING])
            | Q(extraction_status=ExtractionStatus.RUNNING, ingested_at__lt=stale_before)
        )
        ids = list(articles.values_list("pk", flat=True))
        if not options["dry_run"]:
            for article_id in ids:
                extract_article.enqueue(article_id)
        verb = "Would queue" if options["dry_run"] else "Queued"
        self.stdout.write(self.style.SUCCESS(f"{verb} {len(ids)} articles for extraction."))
