"""Score the extraction pipeline on a labelled set: precision, recall and F1 per type.

`--data` is the development set (default) or the real-news corpus (`tests/data/realnews`,
whose texts are checked against their sha256 first). The real-news check split is frozen:
its figures are printed, its individual errors never are.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.evaluation import Evaluation, evaluate_article, load_expected
from articles.extraction.pipeline import extract
from articles.extraction.serialize import event_to_json
from articles.realnews import CorpusError, load_corpus, score_corpus
from articles.services import build_gazetteer, read_input

CONFIDENCE_BANDS = ((0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))


class Command(BaseCommand):
    help = "Score extracted events against tests/data/devset (or --data DIR)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--data", default=str(Path(settings.BASE_DIR) / "tests" / "data" / "devset")
        )
        parser.add_argument(
            "--split", choices=["check", "tune"], help="Real-news corpus: one split only."
        )
        parser.add_argument(
            "--errors",
            action="store_true",
            help="List missed and spurious events, and matched ones with a wrong date or status.",
        )
        parser.add_argument("--json", action="store_true", help="Print the scores as JSON.")
        parser.add_argument(
            "--skip-missing",
            action="store_true",
            help="Real-news corpus: leave out (and name) articles whose text could not be "
            "restored, instead of refusing to score.",
        )

    def handle(self, *args, **options) -> None:
        directory = Path(options["data"])
        realnews = (directory / "gold").is_dir()
        if options["errors"] and realnews and options["split"] != "tune":
            raise CommandError(
                "the check split is frozen: its errors are never listed (use --split tune)"
            )
        gazetteer = build_gazetteer()
        if realnews:
            try:
                corpus, missing = load_corpus(
                    directory, split=options["split"], skip_missing=options["skip_missing"]
                )
            except CorpusError as error:
                raise CommandError(str(error)) from error
            if missing:
                self.stderr.write(
                    f"Scored {len(corpus)} articles; not scored, text missing: {', '.join(missing)}"
                )
            result = score_corpus(corpus, gazetteer=gazetteer)
        else:
            result = Evaluation()
            for path, expected in load_expected(directory):
                parsed = read_input(path.read_bytes(), source_name=str(path))
                events = extract(parsed.body, published_at=parsed.published, gazetteer=gazetteer)
                evaluate_article(
                    path.name, [event_to_json(e) for e in events], expected["events"], result
                )
        if options["json"]:
            self.stdout.write(json.dumps(summary(result), indent=2))
            return
        self.report(result, errors=options["errors"])

    def report(self, result: Evaluation, *, errors: bool) -> None:
        self.stdout.write(f"{'type':16} {'P':>6} {'R':>6} {'F1':>6}  tp  fp  fn")
        for kind, score in sorted(result.by_type.items()):
            self.stdout.write(self.row(kind, score))
        self.stdout.write(self.row("CORE", result.core))
        self.stdout.write(self.row("ALL", result.overall))
        matched = result.attributes["matched"] or 1
        tariffs = result.attributes["tariffs"] or 1
        self.stdout.write(
            "On matched events: "
            f"date exact or overlapping {result.attributes['date_ok'] / matched:.0%}, "
            f"exact date {result.attributes['date_exact'] / matched:.0%}, "
            f"status {result.attributes['status'] / matched:.0%}, "
            f"countries {result.attributes['countries'] / matched:.0%}, "
            f"participants {result.attributes['participants'] / matched:.0%}, "
            f"tariff rate {result.attributes['tariff_rate'] / tariffs:.0%}, "
            f"tariff action {result.attributes['tariff_action'] / tariffs:.0%}"
        )
        bands = []
        for low, high in CONFIDENCE_BANDS:
            chosen = [r for e, r in result.judged if low <= e["confidence"] < high]
            if chosen:
                bands.append(f"[{low:.1f},{min(high, 1):.1f}) {sum(chosen)}/{len(chosen)}")
        right, emitted = result.right_at(0.8)
        self.stdout.write(
            "Right (matched, date and status) by confidence: "
            + ", ".join(bands)
            + f"; >= 0.8: {right}/{emitted}"
            + (f" = {right / emitted:.0%}" if emitted else "")
        )
        core_macro, core_articles = result.macro_f1(core=True)
        all_macro, all_articles = result.macro_f1(core=False)
        self.stdout.write(
            f"Per article (mean F1, each article once): core {core_macro:.3f} "
            f"over {core_articles} articles, all types {all_macro:.3f} over {all_articles}"
        )
        if errors:
            for name, (core, overall) in sorted(
                result.per_article.items(), key=lambda item: item[1][1].f1
            ):
                self.stdout.write(
                    f"ARTICLE  {name[:40]:40} core {core.f1:.2f} all {overall.f1:.2f} "
                    f"(tp {overall.true_positives} fp {overall.false_positives} "
                    f"fn {overall.false_negatives})"
                )
            for label, items in (("MISSED", result.misses), ("SPURIOUS", result.spurious)):
                for name, event in items:
                    self.stdout.write(
                        f"{label:8} {name[:28]:28} {event['type']:14} {self.when(event)} "
                        f"{event['status']:11} {event['evidence'][:90]}"
                    )
            for name, predicted, expected in result.misread:
                self.stdout.write(
                    f"MISREAD  {name[:28]:28} {expected['type']:14} "
                    f"{self.when(predicted)} {predicted['status']} -> expected "
                    f"{self.when(expected)} {expected['status']}: {expected['evidence'][:70]}"
                )
        self.stdout.write(
            f"core_f1={result.core.f1:.3f} "
            f"precision={result.overall.precision:.3f} recall={result.overall.recall:.3f} f1={result.overall.f1:.3f}"
        )

    @staticmethod
    def when(event: dict) -> str:
        date = event.get("date") or {}
        return f"{date.get('start')}..{date.get('end')}"

    @staticmethod
    def row(kind, score) -> str:
        return (
            f"{kind:16} {score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f} "
            f"{score.true_positives:3} {score.false_positives:3} {score.false_negatives:3}"
        )


def summary(result: Evaluation) -> dict:
    matched = result.attributes["matched"] or 1
    right, emitted = result.right_at(0.8)
    return {
        "overall": vars(result.overall) | {"f1": result.overall.f1},
        "core": vars(result.core) | {"f1": result.core.f1},
        "by_type": {k: vars(v) | {"f1": v.f1} for k, v in result.by_type.items()},
        "date_ok_on_matched": result.attributes["date_ok"] / matched,
        "right_at_0.8": {"right": right, "emitted": emitted},
        "per_article_mean_f1": {
            "core": result.macro_f1(core=True)[0],
            "overall": result.macro_f1(core=False)[0],
            "articles": result.macro_f1(core=False)[1],
        },
    }
