"""Ingest articles from files, directories or stdin, and extract their events.

With the in-process task backend the events are extracted here; with a queue
(PARLEY_TASK_BACKEND=database) the articles are stored and their extraction is enqueued.

python manage.py ingest ../shared/seed/ article.html - --published 2025-05-01
"""

from __future__ import annotations

import datetime
import sys

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from articles.services import Overrides, ingest_paths
from articles.tasks import runs_in_process


def iso_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--published {value!r} is not a date (expected YYYY-MM-DD)") from error


class Command(BaseCommand):
    help = (
        "Ingest articles (text or HTML files, directories, - for stdin) and extract their events."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", help="Files, directories, or - for stdin.")
        parser.add_argument(
            "--published", help="Publication date YYYY-MM-DD (overrides the input)."
        )
        parser.add_argument("--title", help="Title (overrides the input).")
        parser.add_argument("--source", help="Outlet name, e.g. 'Kyodo News'.")
        parser.add_argument("--url", help="The article's URL.")
        parser.add_argument(
            "--no-extract",
            action="store_true",
            help="Store the articles without extracting events.",
        )

    def handle(self, *args, **options) -> None:
        overrides = Overrides(
            published=iso_date(options["published"]) if options["published"] else None,
            title=options["title"],
            outlet=options["source"],
            url=options["url"],
        )
        show_progress = options["verbosity"] >= 1 and len(options["paths"]) > 0
        report = ingest_paths(
            options["paths"],
            overrides=overrides,
            extract=not options["no_extract"],
            defer=not runs_in_process(),  # with a task queue the workers extract
            read_stdin=sys.stdin.buffer.read,
            progress=lambda items: tqdm(
                items,
                desc="Ingesting",
                unit="file",
                disable=not show_progress or len(items) < 3,
                file=sys.stderr,
            ),
        )
        for outcome in report.outcomes:
            if outcome.status == "failed":
                hint = " (or pass --published)" if outcome.problem == "no_date" else ""
                self.stderr.write(self.style.ERROR(f"{outcome.name}: {outcome.message}{hint}"))
            elif options["verbosity"] >= 2 or outcome.status == "skipped" or outcome.message:
                detail = outcome.message or f"{outcome.events_created} new events"
                self.stdout.write(f"{outcome.name}: {outcome.status} ({detail})")
        created, skipped, failed = (report.count(s) for s in ("created", "skipped", "failed"))
        events = sum(o.events_created for o in report.outcomes)
        merged = sum(o.events_merged for o in report.outcomes)
        summary = (
            f"Created {created}, skipped {skipped} (already ingested), failed {failed}; "
            f"{events} new events, {merged} merged into known events."
        )
        if failed:
            self.stdout.write(self.style.WARNING(summary))
            raise CommandError(
                f"{failed} input(s) could not be ingested (see above).", returncode=1
            )
        if options["verbosity"] >= 1:
            self.stdout.write(self.style.SUCCESS(summary))
