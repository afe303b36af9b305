"""Load the demo: the demo editor account and the demo articles, ingested through the pipeline.

Idempotent: running it again changes nothing. Events are approved or rejected only as the team
decided in articles/demo/decisions.json, matched by fingerprint (see `demo_decisions`); every
other event waits in the review queue.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand, CommandParser

from articles.services import ingest_paths
from articles.services.decisions import (
    DECISIONS_FILE,
    DEMO_DIR,
    apply_decisions,
    events_of,
    read_decisions,
)
from timeline.caching import bump_data_version

EDITOR_USERNAME = "editor"
EDITOR_PASSWORD = "parley-demo-editor"


class Command(BaseCommand):
    help = "Create the demo editor, ingest the demo articles and apply the team's decisions."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-articles", action="store_true", help="Only create the editor.")

    def handle(self, *args, **options) -> None:
        created_editor = create_demo_editor()
        report = decided = None
        if not options["no_articles"]:
            report = ingest_paths([str(DEMO_DIR)])
            articles = [o.article for o in report.outcomes if o.article]
            decided = apply_decisions(events_of(articles), decisions=read_decisions(DECISIONS_FILE))
            bump_data_version()  # decisions are saved row by row; bump once more to be sure
        if options["verbosity"] >= 1:
            articles = (
                f"{report.count('created')} articles ingested, {report.count('skipped')} already "
                f"there; events {decided.approved} approved, {decided.rejected} rejected, "
                f"{decided.undecided} left for review"
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
