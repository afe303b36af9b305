"""Build and verify the real-news corpus (tests/data/realnews): drafts -> committed gold files."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.realnews import CorpusError, build_all, load_corpus


class Command(BaseCommand):
    help = (
        "`build`: turn the private drafts into gold files with offsets; "
        "`verify`: check every text against the sha256 its gold file records."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["build", "verify"])
        parser.add_argument(
            "--data", default=str(Path(settings.BASE_DIR) / "tests" / "data" / "realnews")
        )

    def handle(self, *args, action: str, data: str, **options) -> None:
        directory = Path(data)
        try:
            if action == "build":
                built = build_all(directory)
                self.stdout.write(self.style.SUCCESS(f"Built {len(built)} gold files"))
            else:
                corpus, missing = load_corpus(directory, skip_missing=True)
                events = sum(len(a.events) for a in corpus)
                splits = {s: sum(a.split == s for a in corpus) for s in ("check", "tune")}
                self.stdout.write(
                    self.style.SUCCESS(
                        f"{len(corpus)} articles verified ({splits['check']} check, "
                        f"{splits['tune']} tune), {events} gold events"
                    )
                )
                if missing:
                    self.stderr.write(
                        f"{len(missing)} texts missing (restore them as the corpus README "
                        f"says; `evaluate --skip-missing` scores without them): "
                        f"{', '.join(missing)}"
                    )
        except CorpusError as error:
            raise CommandError(str(error)) from error
