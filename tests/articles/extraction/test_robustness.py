"""The pipeline never crashes on odd text: it finds what it can and returns the rest as-is."""

from __future__ import annotations

import datetime
import functools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.extraction.dates import find_dates, resolve_date
from articles.extraction.pipeline import extract
from articles.services import build_gazetteer

NEWSY_WORDS = [
    "Trump",
    "Akazawa",
    "met",
    "tariffs",
    "of",
    "25",
    "percent",
    "on",
    "Japan",
    "Monday",
    "in",
    "mid-May",
    "two",
    "weeks",
    "ago",
    "said",
    "will",
    "deal",
    "until",
    "July",
    "9",
    "paused",
    "the",
    "U.S.",
    "talks",
    "Washington",
    ".",
    ",",
    "\n",
    "could",
    "after",
    "days",
]
sentences = st.lists(st.sampled_from(NEWSY_WORDS), min_size=1, max_size=40).map(" ".join)
any_text = st.text(max_size=300)
days = st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2030, 12, 31))


@settings(max_examples=150, deadline=None)
@given(text=any_text, published=days)
def test_find_dates_spans_point_into_the_text(text, published):
    for mention in find_dates(text, published_at=published):
        assert text[mention.start_char : mention.end_char] == mention.text
        if mention.resolved is not None:
            assert mention.resolved.start <= mention.resolved.end


@settings(max_examples=100, deadline=None)
@given(text=any_text, published=days, tense=st.sampled_from([None, "past", "future"]))
def test_resolve_date_never_raises(text, published, tense):
    resolved = resolve_date(text, published_at=published, tense=tense)
    assert resolved is None or resolved.start <= resolved.end


@pytest.mark.django_db
@pytest.mark.slow
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.one_of(sentences, any_text), published=days)
def test_extract_returns_well_formed_events(text, published):
    for event in extract(text, published_at=published, gazetteer=gazetteer()):
        assert event.type in {
            "meeting",
            "tariff_measure",
            "agreement",
            "statement",
            "announcement",
            "deadline",
            "other",
        }
        assert event.status in {"happened", "planned", "speculative", "cancelled"}
        assert 0 <= event.confidence <= 1
        if event.date is not None:
            assert event.date.start <= event.date.end
        for span in event.evidence:
            assert text[span.start_char : span.end_char] == span.sentence


@functools.cache
def gazetteer():
    """The reference data is the same in every test database: build it once."""
    return build_gazetteer()
