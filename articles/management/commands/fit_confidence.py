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
        parser.add_argument(
            "--leave-out",
            nargs="*",
            default=[],
            metavar="ID",
            help="Tune articles kept out of the fit (ids or id prefixes): a set still scored "
            "blind, whose figures would not be honest if the model had seen it.",
        )
        parser.add_argument(
            "--calibrate-on",
            nargs="*",
            default=[],
            metavar="ID",
            help="Tune articles no rule was tuned on (ids or id prefixes), kept out of the fit "
            "and used to recalibrate its scores (Platt scaling) to how right the rules are "
            "on new wire copy. Only their events' features and rightness are read.",
        )

    def handle(
        self,
        *args,
        data: str,
        dry_run: bool,
        leave_out: list[str],
        calibrate_on: list[str],
        **options,
    ) -> None:
        corpus, missing = load_corpus(Path(data), split="tune", skip_missing=True)
        left_out = [a.id for a in corpus if any(a.id.startswith(p) for p in leave_out)]
        calibration_set = [a for a in corpus if any(a.id.startswith(p) for p in calibrate_on)]
        kept_out = {*left_out, *(a.id for a in calibration_set)}
        corpus = [a for a in corpus if a.id not in kept_out]
        if left_out:
            self.stderr.write(f"Left out of the fit: {', '.join(left_out)}")
        if missing:
            self.stderr.write(f"Fitted without (text missing): {', '.join(missing)}")
        gazetteer = build_gazetteer()
        rows = [
            (article.id, event["features"], right)
            for article in corpus
            for event, right in score_corpus([article], gazetteer=gazetteer).judged
        ]
        held_out = confidence.cross_validate(rows)
        right, high = held_out.high
        self.stderr.write(
            f"Held out (5 folds of articles): log loss {held_out.log_loss} "
            f"(constant {held_out.constant_log_loss}); estimated >= 0.8: {right}/{high} right"
        )
        weights = confidence.fit([(features, right) for _, features, right in rows])
        calibration = None
        if calibration_set:
            scores = [
                (confidence.score_of(event["features"], weights), right)
                for event, right in score_corpus(calibration_set, gazetteer=gazetteer).judged
            ]
            scale, shift = confidence.recalibrate(scores)
            calibration = {
                "scale": scale,
                "shift": shift,
                "fitted_on": f"{len(calibration_set)} tune articles no rule was tuned on, "
                f"{len(scores)} events: {', '.join(a.id.split('_')[0] for a in calibration_set)}",
            }
            self.stderr.write(f"Recalibrated on {len(scores)} events: {calibration}")
        model = {
            "fitted_on": f"real-news tune split: {len(corpus)} articles, {len(rows)} events"
            + (f" (left out: {len(left_out)} articles still scored blind)" if left_out else ""),
            "fitted": datetime.date.today().isoformat(),
            "held_out": {
                "log_loss": held_out.log_loss,
                "constant_log_loss": held_out.constant_log_loss,
                "right_at_0.8": f"{right}/{high}",
            },
            "weights": weights,
            **({"calibration": calibration} if calibration else {}),
        }
        if not dry_run:
            confidence.MODEL_PATH.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
            confidence.load_model.cache_clear()
            confidence.load_calibration.cache_clear()
        self.stdout.write(json.dumps(model, indent=1))
