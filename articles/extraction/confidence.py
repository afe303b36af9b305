"""Calibrated confidence: the estimated probability that an extracted event is right.

"Right" is what a reader relies on: the event exists in the article, on an overlapping date,
with its status (articles.evaluation.is_right). The estimate is a logistic regression over a
handful of features of how the event was read, fitted on the tune split of the real-news corpus
(`manage.py fit_confidence`) and stored as plain numbers in `confidence.json`, so that the
pipeline needs no learning library and the fit can be read and reviewed.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import json
import math
from pathlib import Path

from .candidate import Candidate
from .grammar import tree_distance
from .patterns import AGREEMENT, DEADLINE, MEETING, STATEMENT, TARIFF

MODEL_PATH = Path(__file__).with_name("confidence.json")
FEATURE_NAMES = (
    "type_meeting",
    "type_tariff",
    "type_agreement",
    "type_statement",
    "type_deadline",
    "date_own",
    "date_borrowed",  # from the story, a frame, a referent or the publication day
    "date_missing",
    "date_day",
    "status_planned",
    "status_speculative",
    "has_rate",
    "has_participants",
    "two_countries",
    "mentions",
    "recent",  # dated within two weeks of publication: the story's own time
    "lead",  # told in the article's first three sentences
    "date_close",  # its own date hangs within two arcs of the trigger
    "quoted",  # told inside a quotation
)


def features_of(
    candidate: Candidate, group: list[Candidate], *, published_at: datetime.date
) -> dict[str, float]:
    """What the pipeline knows about how it read an event (candidate: the merged reading)."""
    date = candidate.date
    own = any(c.date is not None and c.date_source in {"own", "anchored"} for c in group)
    tariff = candidate.tariff
    return {
        "type_meeting": float(candidate.type == MEETING),
        "type_tariff": float(candidate.type == TARIFF),
        "type_agreement": float(candidate.type == AGREEMENT),
        "type_statement": float(candidate.type == STATEMENT),
        "type_deadline": float(candidate.type == DEADLINE),
        "date_own": float(date is not None and own),
        "date_borrowed": float(date is not None and not own),
        "date_missing": float(date is None),
        "date_day": float(date is not None and date.precision == "day"),
        "status_planned": float(candidate.status == "planned"),
        "status_speculative": float(candidate.status == "speculative"),
        "has_rate": float(tariff is not None and tariff.rate_percent is not None),
        "has_participants": float(bool(candidate.participants)),
        "two_countries": float(len(set(candidate.countries)) >= 2),
        "mentions": float(min(len(group), 3) - 1),
        "recent": float(date is not None and abs((date.start - published_at).days) <= 14),
        "lead": float(any(sentence_index(c) < 3 for c in group)),
        "date_close": float(
            any(
                c.date_mention is not None
                and tree_distance(c.trigger.root, c.date_mention.span.root) <= 2
                for c in group
            )
        ),
        "quoted": float(candidate.sentence.text.lstrip()[:1] in {'"', "“", "'", "‘"}),
    }


def sentence_index(candidate: Candidate) -> int:
    """The position of the candidate's sentence in its document."""
    doc = candidate.sentence.doc
    starts = doc.user_data.get("timeline_sentence_starts")
    if starts is None:
        starts = doc.user_data["timeline_sentence_starts"] = [s.start for s in doc.sents]
    return bisect.bisect_right(starts, candidate.sentence.start) - 1


@functools.cache
def load_model() -> dict[str, float]:
    return json.loads(MODEL_PATH.read_text(encoding="utf-8"))["weights"]


def probability(features: dict[str, float], weights: dict[str, float] | None = None) -> float:
    weights = weights if weights is not None else load_model()
    score = weights.get("bias", 0.0) + sum(
        weights.get(name, 0.0) * value for name, value in features.items()
    )
    return 1.0 / (1.0 + math.exp(-max(min(score, 30.0), -30.0)))


def fit(
    rows: list[tuple[dict[str, float], bool]], *, l2: float = 0.3, steps: int = 3000
) -> dict[str, float]:
    """Logistic regression by gradient descent with an L2 penalty (the corpus is small)."""
    names = ["bias", *FEATURE_NAMES]
    weights = dict.fromkeys(names, 0.0)
    if not rows:
        return weights
    rate = 0.1
    n = len(rows)
    for _ in range(steps):
        gradient = dict.fromkeys(names, 0.0)
        for features, right in rows:
            error = probability(features, weights) - float(right)
            gradient["bias"] += error
            for name in FEATURE_NAMES:
                gradient[name] += error * features.get(name, 0.0)
        for name in names:
            penalty = 0.0 if name == "bias" else l2 * weights[name]
            weights[name] -= rate * (gradient[name] + penalty) / n
    return {name: round(value, 4) for name, value in weights.items()}
