"""Score the extraction pipeline on the development set: precision, recall and F1 per type."""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from articles.evaluation import Evaluation, evaluate_article, load_expected
from articles.extraction.pipeline import extract
from articles.extraction.serialize import event_to_json
from articles.services import build_gazetteer, read_input


class Command(BaseCommand):
    help = "Score extracted events against tests/data/devset (or --data DIR)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--data", default=str(Path(settings.BASE_DIR) / "tests" / "data" / "devset")
        )
        parser.add_argument(
            "--errors", action="store_true", help="List missed and spurious events."
        )
        parser.add_argument("--json", action="store_true", help="Print the scores as JSON.")

    def handle(self, *args, **options) -> None:
        gazetteer = build_gazetteer()
        result = Evaluation()
        for path, expected in load_expected(Path(options["data"])):
            parsed = read_input(path.read_bytes(), source_name=str(path))
            events = extract(parsed.body, published_at=parsed.published, gazetteer=gazetteer)
            evaluate_article(
                path.name, [event_to_json(e) for e in events], expected["events"], result
            )
        if options["json"]:
            self.stdout.write(json.dumps(summary(result), indent=2))
            return
        self.stdout.write(f"{'type':16} {'P':>6} {'R':>6} {'F1':>6}  tp  fp  fn")
        for kind, score in sorted(result.by_type.items()):
            self.stdout.write(self.row(kind, score))
        self.stdout.write(self.row("ALL", result.overall))
        matched = result.attributes["matched"] or 1
        tariffs = result.attributes["tariffs"] or 1
        self.stdout.write(
            "On matched events: "
            f"status {result.attributes['status'] / matched:.0%}, "
            f"exact date {result.attributes['date_exact'] / matched:.0%}, "
            f"countries {result.attributes['countries'] / matched:.0%}, "
            f"participants {result.attributes['participants'] / matched:.0%}, "
            f"tariff rate {result.attributes['tariff_rate'] / tariffs:.0%}, "
            f"tariff action {result.attributes['tariff_action'] / tariffs:.0%}"
        )
        if options["errors"]:
            for label, items in (("MISSED", result.misses), ("SPURIOUS", result.spurious)):
                for name, event in items:
                    date = event.get("date") or {}
                    self.stdout.write(
                        f"{label:8} {name[:28]:28} {event['type']:14} {date.get('start')}..{date.get('end')} "
                        f"{event['status']:11} {event['evidence'][:90]}"
                    )
        self.stdout.write(
            f"precision={result.overall.precision:.3f} recall={result.overall.recall:.3f} f1={result.overall.f1:.3f}"
        )

    @staticmethod
    def row(kind, score) -> str:
        return (
            f"{kind:16} {score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f} "
            f"{score.true_positives:3} {score.false_positives:3} {score.false_negatives:3}"
        )


def summary(result: Evaluation) -> dict:
    return {
        "overall": vars(result.overall) | {"f1": result.overall.f1},
        "by_type": {k: vars(v) | {"f1": v.f1} for k, v in result.by_type.items()},
    }
