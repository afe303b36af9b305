"""Build and verify the real-news corpus (tests/data/realnews): drafts -> committed gold files."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.realnews import CorpusError, build_all, load_corpus, restore_text


class Command(BaseCommand):
    help = (
        "`build`: turn the private drafts into gold files with offsets; "
        "`verify`: check every text against the sha256 its gold file records; "
        "`restore FILE...`: write texts from excerpts copied as JSON string literals into "
        "files named <id>.json, each only if it matches its sha256."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["build", "verify", "restore"])
        parser.add_argument("excerpts", nargs="*", help="restore: <id>.json files")
        parser.add_argument(
            "--data", default=str(Path(settings.BASE_DIR) / "tests" / "data" / "realnews")
        )

    def handle(self, *args, action: str, data: str, excerpts: list[str], **options) -> None:
        directory = Path(data)
        if action == "restore":
            self.restore(directory, [Path(name) for name in excerpts])
            return
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

    def restore(self, directory: Path, excerpts: list[Path]) -> None:
        """Each file on its own: one slip in a copy does not stop the others."""
        if not excerpts:
            raise CommandError("restore: name the <id>.json files holding the excerpts")
        failed = []
        for path in excerpts:
            ident = path.name.removesuffix(".json")
            if not (directory / "gold" / f"{ident}.json").exists():
                failed.append(f"{ident}: no gold file of that id")
                continue
            try:
                self.stdout.write(restore_text(directory, ident, path.read_text("utf-8")))
            except CorpusError as error:
                failed.append(str(error))
        for line in failed:
            self.stderr.write(line)
        if failed:
            raise CommandError(f"{len(failed)} of {len(excerpts)} not restored")
