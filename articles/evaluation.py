"""Scoring extracted events against a hand-labelled development set (tests/data/devset).

A predicted event matches an expected one when the types are equal and the date intervals
overlap (or both are undated); among compatible pairs the closest (shared countries, same rate,
same evidence sentence) are matched first, one to one.
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


@dataclass
class Evaluation:
    overall: Score = field(default_factory=Score)
    by_type: dict[str, Score] = field(default_factory=dict)
    attributes: Counter = field(default_factory=Counter)  # agreement counts on matched pairs
    misses: list[tuple[str, dict]] = field(default_factory=list)
    spurious: list[tuple[str, dict]] = field(default_factory=list)

    def score_for(self, kind: str) -> Score:
        return self.by_type.setdefault(kind, Score())


def interval(event: dict) -> tuple[datetime.date, datetime.date] | None:
    date = event.get("date")
    if not date:
        return None
    return datetime.date.fromisoformat(date["start"]), datetime.date.fromisoformat(date["end"])


def compatible(predicted: dict, expected: dict) -> bool:
    if predicted["type"] != expected["type"]:
        return False
    a, b = interval(predicted), interval(expected)
    if a is None or b is None:
        return a is None and b is None
    return a[0] <= b[1] and b[0] <= a[1]


def closeness(predicted: dict, expected: dict) -> float:
    score = len(set(predicted.get("countries") or []) & set(expected.get("countries") or []))
    if predicted.get("evidence") and predicted["evidence"] == expected.get("evidence"):
        score += 3
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
    for i, j in pairs:
        p, e = predicted[i], expected[j]
        result.overall.true_positives += 1
        result.score_for(e["type"]).true_positives += 1
        result.attributes["matched"] += 1
        result.attributes["status"] += p["status"] == e["status"]
        result.attributes["date_exact"] += interval(p) == interval(e)
        result.attributes["countries"] += set(p["countries"]) == set(e["countries"])
        result.attributes["participants"] += set(p["participants"]) == set(e["participants"])
        if e.get("tariff"):
            result.attributes["tariffs"] += 1
            pt, et = p.get("tariff") or {}, e["tariff"]
            result.attributes["tariff_rate"] += pt.get("rate_percent") == et.get("rate_percent")
            result.attributes["tariff_action"] += pt.get("action") == et.get("action")
    for i, p in enumerate(predicted):
        if i not in matched_p:
            result.overall.false_positives += 1
            result.score_for(p["type"]).false_positives += 1
            result.spurious.append((name, p))
    for j, e in enumerate(expected):
        if j not in matched_e:
            result.overall.false_negatives += 1
            result.score_for(e["type"]).false_negatives += 1
            result.misses.append((name, e))


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
