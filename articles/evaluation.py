"""Scoring extracted events against hand-labelled articles.

Two sets: the development set (tests/data/devset, team-written) and the real-news corpus
(tests/data/realnews, see articles/realnews.py).

On the development set a predicted event matches an expected one when the types are equal and
the date intervals overlap (or both are undated). On real news the date is itself under test,
so a match needs the same type and either the same evidence (overlapping sentences) or, for an
event told elsewhere in the article, an overlapping date and a shared country; whether the
date is right is then scored on the matched pairs. Among compatible pairs the closest (shared
countries, same rate, same evidence sentence) are matched first, one to one.
"""

from __future__ import annotations

import datetime
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


CORE_TYPES = ("meeting", "tariff_measure", "agreement")


@dataclass
class Evaluation:
    overall: Score = field(default_factory=Score)
    by_type: dict[str, Score] = field(default_factory=dict)
    attributes: Counter = field(default_factory=Counter)  # agreement counts on matched pairs
    misses: list[tuple[str, dict]] = field(default_factory=list)
    spurious: list[tuple[str, dict]] = field(default_factory=list)
    # matched pairs a reader would still be misled by (date or status disagree):
    # (article, predicted, expected)
    misread: list[tuple[str, dict, dict]] = field(default_factory=list)
    # every predicted event with whether it is right (matched, date and status agree): the
    # material for calibrating confidence
    judged: list[tuple[dict, bool]] = field(default_factory=list)
    # per article: (core, all types), so that one long article cannot carry the figure
    per_article: dict[str, tuple[Score, Score]] = field(default_factory=dict)

    def score_for(self, kind: str) -> Score:
        return self.by_type.setdefault(kind, Score())

    @property
    def core(self) -> Score:
        """Meetings, tariff measures and agreements: what a timeline must get right."""
        total = Score()
        for kind in CORE_TYPES:
            score = self.by_type.get(kind, Score())
            total.true_positives += score.true_positives
            total.false_positives += score.false_positives
            total.false_negatives += score.false_negatives
        return total

    def right_at(self, threshold: float) -> tuple[int, int]:
        """(right, emitted) among predicted events with confidence >= threshold."""
        chosen = [right for event, right in self.judged if event["confidence"] >= threshold]
        return sum(chosen), len(chosen)

    def macro_f1(self, *, core: bool) -> tuple[float, int]:
        """(mean F1, articles averaged): each article with a gold event of the scope counts
        once, however many events it lists."""
        scores = [pair[0 if core else 1] for pair in self.per_article.values()]
        scored = [s.f1 for s in scores if s.true_positives + s.false_negatives]
        return (sum(scored) / len(scored) if scored else 0.0), len(scored)


def interval(event: dict) -> tuple[datetime.date, datetime.date] | None:
    date = event.get("date")
    if not date:
        return None
    return datetime.date.fromisoformat(date["start"]), datetime.date.fromisoformat(date["end"])


def dates_agree(predicted: dict, expected: dict) -> bool:
    """Overlapping intervals, or both undated."""
    a, b = interval(predicted), interval(expected)
    if a is None or b is None:
        return a is None and b is None
    return a[0] <= b[1] and b[0] <= a[1]


def same_evidence(predicted: dict, expected: dict) -> bool:
    """One of the predicted event's sentences overlaps the expected evidence."""
    target = expected.get("evidence_span")
    spans = predicted.get("evidence_spans")
    if target is None or spans is None:
        return bool(predicted.get("evidence")) and predicted["evidence"] == expected.get("evidence")
    return any(start < target[1] and target[0] < end for start, end in spans)


def compatible(predicted: dict, expected: dict) -> bool:
    if predicted["type"] != expected["type"]:
        return False
    if "evidence_span" in expected:  # real news: the date is scored, not required
        shared = set(predicted.get("countries") or []) & set(expected.get("countries") or [])
        return same_evidence(predicted, expected) or (
            interval(predicted) is not None and dates_agree(predicted, expected) and bool(shared)
        )
    return dates_agree(predicted, expected)


def closeness(predicted: dict, expected: dict) -> float:
    score = len(set(predicted.get("countries") or []) & set(expected.get("countries") or []))
    if same_evidence(predicted, expected):
        score += 3
    if dates_agree(predicted, expected):
        score += 2
    pt, et = predicted.get("tariff") or {}, expected.get("tariff") or {}
    if pt and et and pt.get("rate_percent") == et.get("rate_percent"):
        score += 2
    if interval(predicted) == interval(expected):
        score += 1
    return score


def match(predicted: list[dict], expected: list[dict]) -> list[tuple[int, int]]:
    pairs = [
        (closeness(p, e), i, j)
        for i, p in enumerate(predicted)
        for j, e in enumerate(expected)
        if compatible(p, e)
    ]
    used_p: set[int] = set()
    used_e: set[int] = set()
    matched = []
    for _score, i, j in sorted(pairs, key=lambda t: -t[0]):
        if i not in used_p and j not in used_e:
            used_p.add(i)
            used_e.add(j)
            matched.append((i, j))
    return matched


def evaluate_article(
    name: str, predicted: list[dict], expected: list[dict], result: Evaluation
) -> None:
    pairs = match(predicted, expected)
    matched_p = {i for i, _ in pairs}
    matched_e = {j for _, j in pairs}
    core, overall = result.per_article[name] = (Score(), Score())

    def scores_of(kind: str) -> list[Score]:
        """Every count an event of this type adds to: pooled, its type's, its article's."""
        return [result.overall, result.score_for(kind), overall] + (
            [core] if kind in CORE_TYPES else []
        )

    for i, j in pairs:
        p, e = predicted[i], expected[j]
        for score in scores_of(e["type"]):
            score.true_positives += 1
        result.attributes["matched"] += 1
        result.attributes["status"] += p["status"] == e["status"]
        result.attributes["date_exact"] += interval(p) == interval(e)
        result.attributes["date_ok"] += dates_agree(p, e)
        result.attributes["countries"] += set(p["countries"]) == set(e["countries"])
        result.attributes["participants"] += set(p["participants"]) == set(e["participants"])
        if e.get("tariff"):
            result.attributes["tariffs"] += 1
            pt, et = p.get("tariff") or {}, e["tariff"]
            result.attributes["tariff_rate"] += pt.get("rate_percent") == et.get("rate_percent")
            result.attributes["tariff_action"] += pt.get("action") == et.get("action")
    right = {i for i, j in pairs if is_right(predicted[i], expected[j])}
    result.misread.extend((name, predicted[i], expected[j]) for i, j in pairs if i not in right)
    result.judged.extend((p, i in right) for i, p in enumerate(predicted))
    for i, p in enumerate(predicted):
        if i not in matched_p:
            for score in scores_of(p["type"]):
                score.false_positives += 1
            result.spurious.append((name, p))
    for j, e in enumerate(expected):
        if j not in matched_e:
            for score in scores_of(e["type"]):
                score.false_negatives += 1
            result.misses.append((name, e))


def is_right(predicted: dict, expected: dict) -> bool:
    """What a reader relies on: the event exists, on an overlapping date, with its status."""
    return dates_agree(predicted, expected) and predicted["status"] == expected["status"]


def load_expected(directory: Path) -> list[tuple[Path, dict]]:
    """(article path, expected JSON) pairs of a development set directory."""
    pairs = []
    for expected_path in sorted(directory.glob("*.expected.json")):
        article = expected_path.with_name(
            expected_path.name.removesuffix(".expected.json") + ".txt"
        )
        if article.exists():
            pairs.append((article, json.loads(expected_path.read_text(encoding="utf-8"))))
    return pairs
