"""Buckets: the pairwise passes compare an event only with those it may match, and find the
same first match as a scan of every kept event."""

from __future__ import annotations

import datetime
import random

import pytest
import spacy

from articles.extraction.buckets import Buckets
from articles.extraction.candidate import Candidate
from articles.extraction.dates import ResolvedDate
from articles.extraction.merging import (
    absorb_duplicates,
    group_mentions,
    is_duplicate,
    same_happening,
)
from articles.extraction.patterns import AGREEMENT, MEETING, STATEMENT, TARIFF
from articles.extraction.types import ExtractedTariff

D = datetime.date


def dated(start: datetime.date, end: datetime.date | None = None, precision="day"):
    return ResolvedDate(start=start, end=end or start, precision=precision, text="", timex="")


def test_near_finds_a_shared_key_in_an_overlapping_month_in_filing_order():
    buckets = Buckets()
    buckets.add(0, ["japan"], dated(D(2025, 5, 2)))
    buckets.add(1, ["china"], dated(D(2025, 5, 2)))
    buckets.add(2, ["japan"], dated(D(2025, 9, 1)))
    buckets.add(3, ["japan", "us"], dated(D(2025, 4, 28), D(2025, 5, 3)))
    assert buckets.near(["us", "japan"], dated(D(2025, 5, 1))) == [0, 3]


def test_near_keeps_undated_apart_from_dated():
    buckets = Buckets()
    buckets.add(0, ["s1"], None)
    buckets.add(1, ["s1"], dated(D(2025, 5, 2)))
    assert buckets.near(["s1"], None) == [0]
    assert buckets.near(["s1"], dated(D(2025, 5, 2))) == [1]


def test_near_finds_wide_dates_from_narrow_ones_and_back():
    buckets = Buckets()
    decade = dated(D(2020, 1, 1), D(2029, 12, 31), "year")
    buckets.add(0, ["k"], decade)
    buckets.add(1, ["k"], dated(D(2023, 3, 3)))
    assert buckets.near(["k"], dated(D(2025, 5, 2))) == [0]
    assert buckets.near(["k"], decade) == [0, 1]  # a wide query looks at every date of the key


def make_candidates(seed: int, count: int) -> list[Candidate]:
    """Mentions with few enough values that many pairs match, in sentences of a blank Doc."""
    rng = random.Random(seed)
    doc = spacy.blank("en")(" ".join(["Word ."] * count))
    people = ["Akazawa", "Bessent", "Lutnick", "Greer"]
    countries = ["Japan", "United States", "China", "Canada"]
    dates = [
        None,
        dated(D(2025, 5, 1)),
        dated(D(2025, 5, 2)),
        dated(D(2025, 5, 1), D(2025, 5, 31), "month"),
        dated(D(2025, 6, 30), D(2025, 7, 2), "range"),
        dated(D(2025, 1, 1), D(2025, 12, 31), "year"),
        dated(D(2020, 1, 1), D(2029, 12, 31), "year"),
    ]
    candidates = []
    for index in range(count):
        sentence = rng.randrange(max(index - 3, 0), index + 1)  # in order, a few per sentence
        kind = rng.choice([MEETING, AGREEMENT, STATEMENT, TARIFF])
        tariff = None
        if kind == TARIFF and rng.random() < 0.9:
            tariff = ExtractedTariff(
                rate_percent=rng.choice([None, 10.0, 15.0, 25.0]),
                imposing_country=rng.choice([None, "United States"]),
                target_country=rng.choice([None, "Japan", "China"]),
                applies_to_all=rng.random() < 0.2,
                sector=rng.choice(["", "", "steel"]),
                action=rng.choice(["imposed", "announced", "cut"]),
            )
        candidates.append(
            Candidate(
                type=kind,
                trigger=doc[2 * sentence : 2 * sentence + 1],
                sentence=doc[2 * sentence : 2 * sentence + 2],
                status=rng.choice(["happened", "happened", "planned"]),
                date=rng.choice(dates),
                participants=rng.sample(people, rng.randrange(3)),
                countries=rng.sample(countries, rng.randrange(3)),
                tariff=tariff,
                date_source=rng.choice(["own", "own", "story"]),
            )
        )
    return candidates


def scan_every_group(candidates: list[Candidate]) -> list[list[Candidate]]:
    """The grouping before buckets: each mention against every group so far."""
    groups: list[list[Candidate]] = []
    for candidate in candidates:
        for group in groups:
            if same_happening(group[0], candidate):
                group.append(candidate)
                break
        else:
            groups.append([candidate])
    return groups


def scan_every_kept(groups: list[list[Candidate]]) -> list[list[Candidate]]:
    kept: list[list[Candidate]] = []
    for group in sorted(groups, key=lambda g: (g[0].date_source != "own", g[0].trigger.start)):
        for other in kept:
            if is_duplicate(other[0], group[0]):
                other.extend(group)
                break
        else:
            kept.append(group)
    return sorted(kept, key=lambda g: g[0].trigger.start)


def ids(groups: list[list[Candidate]]) -> list[list[int]]:
    return [[id(c) for c in group] for group in groups]


@pytest.mark.parametrize("seed", range(20))
def test_group_mentions_as_a_scan_of_every_group(seed):
    candidates = make_candidates(seed, 300)
    grouped = group_mentions(candidates)
    assert ids(grouped) == ids(scan_every_group(candidates))
    assert len(grouped) < len(candidates)  # the test data does merge


@pytest.mark.parametrize("seed", range(20))
def test_absorb_duplicates_as_a_scan_of_every_kept_group(seed):
    groups = [[c] for c in make_candidates(seed, 300)]
    absorbed = absorb_duplicates([list(g) for g in groups])
    assert ids(absorbed) == ids(scan_every_kept([list(g) for g in groups]))
    assert len(absorbed) < len(groups)
