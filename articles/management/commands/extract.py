"""Extract events from article files and print them as JSON Lines (one object per file).

Nothing is stored unless --save is given. Works on a freshly migrated database (the gazetteer
comes from the reference data loaded by the migrations).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.extraction.bounds import NotExtractable, check
from articles.extraction.pipeline import extract
from articles.extraction.serialize import event_to_json
from articles.parsing import ArticleInputError
from articles.services import Overrides, build_gazetteer, expand_paths, ingest_bytes, read_input


class Command(BaseCommand):
    help = "Extract events from article files and print JSON Lines (--save stores them too)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", help="Files, directories, or - for stdin.")
        parser.add_argument("--format", choices=["json"], default="json")
        parser.add_argument("--save", action="store_true", help="Also ingest and store them.")

    def handle(self, *args, **options) -> None:
        gazetteer = build_gazetteer()
        failures = 0
        for path in expand_paths(options["paths"]):
            name = "<stdin>" if path == "-" else str(path)
            try:
                raw = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
                parsed = read_input(raw, source_name=name)
            except (OSError, ArticleInputError) as error:
                self.stderr.write(f"{name}: {error}")
                failures += 1
                continue
            try:
                events = (
                    extract_bounded(parsed.body, published=parsed.published, gazetteer=gazetteer)
                    if parsed.language == "en"
                    else []
                )
            except Exception as error:  # one file's failure never stops the others
                message = str(error) if isinstance(error, NotExtractable) else repr(error)
                self.stderr.write(f"{name}: {message}")
                failures += 1
                continue
            record = {
                "path": name,
                "published": parsed.published.isoformat(),
                "title": parsed.title,
                "language": parsed.language,
                "events": [event_to_json(event) for event in events],
            }
            self.stdout.write(json.dumps(record, ensure_ascii=False))
            if options["save"]:
                outcome = ingest_bytes(raw, source_name=name, overrides=Overrides())
                self.stderr.write(f"{name}: {outcome.status} {outcome.message}".rstrip())
        if failures:
            raise CommandError(
                f"{failures} input(s) could not be read or extracted (see above).", returncode=1
            )


def extract_bounded(body: str, *, published, gazetteer) -> list:
    """What a worker does: refuse what is too long or not prose, then extract."""
    check(body, max_chars=settings.PARLEY_MAX_EXTRACT_CHARS)
    return extract(body, published_at=published, gazetteer=gazetteer)
