"""Load the demo: the demo editor account and the demo articles, ingested through the pipeline.

Idempotent: running it again changes nothing. Events the pipeline is confident about are
approved so that the first screen is a useful timeline; the rest wait in the review queue.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from articles.services import ingest_paths
from timeline.caching import bump_data_version
from timeline.models import Event

DEMO_DIR = Path(settings.BASE_DIR) / "articles" / "demo"
EDITOR_USERNAME = "editor"
EDITOR_PASSWORD = "parley-demo-editor"
AUTO_APPROVE_CONFIDENCE = 0.7


class Command(BaseCommand):
    help = "Create the demo editor and ingest the demo articles (idempotent)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-articles", action="store_true", help="Only create the editor.")

    def handle(self, *args, **options) -> None:
        created_editor = create_demo_editor()
        report = None
        if not options["no_articles"]:
            report = ingest_paths([str(DEMO_DIR)])
            fresh = [o.article for o in report.outcomes if o.status == "created" and o.article]
            with transaction.atomic():
                Event.objects.filter(
                    evidence__article__in=fresh,
                    review_state=Event.ReviewState.PROPOSED,
                    confidence__gte=AUTO_APPROVE_CONFIDENCE,
                ).update(review_state=Event.ReviewState.APPROVED)
                bump_data_version()  # update() sends no signals
        if options["verbosity"] >= 1:
            articles = (
                f"{report.count('created')} articles ingested, {report.count('skipped')} already there"
                if report
                else "no articles"
            )
            editor = "demo editor created" if created_editor else "demo editor already there"
            self.stdout.write(self.style.SUCCESS(f"Demo: {editor}; {articles}."))
            for outcome in report.failed if report else []:
                self.stderr.write(f"{outcome.name}: {outcome.message}")


def create_demo_editor() -> bool:
    editors = Group.objects.get(name="Editors")
    user, created = User.objects.get_or_create(
        username=EDITOR_USERNAME,
        defaults={"is_staff": True, "first_name": "Demo", "last_name": "Editor"},
    )
    if created:
        user.set_password(EDITOR_PASSWORD)
        user.save()
    user.groups.add(editors)
    return created
