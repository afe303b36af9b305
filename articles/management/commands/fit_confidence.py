"""Fit the confidence model on the tune split of the real-news corpus (never on the check split)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from articles.extraction import confidence
from articles.realnews import load_corpus, score_corpus
from articles.services import build_gazetteer


class Command(BaseCommand):
    help = "Fit articles/extraction/confidence.json on the real-news tune split."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--data", default=str(Path(settings.BASE_DIR) / "tests" / "data" / "realnews")
        )
        parser.add_argument("--dry-run", action="store_true", help="Print, do not write.")

    def handle(self, *args, data: str, dry_run: bool, **options) -> None:
        corpus, _ = load_corpus(Path(data), split="tune")
        result = score_corpus(corpus, gazetteer=build_gazetteer())
        rows = [(event["features"], right) for event, right in result.judged]
        weights = confidence.fit(rows)
        model = {
            "fitted_on": f"real-news tune split: {len(corpus)} articles, {len(rows)} events",
            "fitted": datetime.date.today().isoformat(),
            "weights": weights,
        }
        if not dry_run:
            confidence.MODEL_PATH.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
            confidence.load_model.cache_clear()
        self.stdout.write(json.dumps(model, indent=1))
