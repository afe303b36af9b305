"""Titles: composed from plain data, so they can follow an editor's edits."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from articles.extraction.statements import Statement
from articles.extraction.titles import compose_title, statement_title, tariff_headline
from articles.extraction.types import ExtractedTariff


def tariff(**fields) -> ExtractedTariff:
    return ExtractedTariff(
        **{"rate_percent": 30.0, "imposing_country": "United States", "target_country": "China"}
        | fields
    )


@pytest.mark.parametrize(
    ("fields", "title"),
    [
        ({"action": "lowered"}, "United States lowers tariff on China to 30%"),
        (
            {"action": "raised", "rate_percent": 145.0},
            "United States raises tariff on China to 145%",
        ),
        (
            {"action": "lowered", "sector": "autos"},
            "United States lowers tariff on China to 30% (autos)",
        ),
        ({"action": "imposed"}, "United States imposes 30% tariff on China"),
        ({"action": "paused", "rate_percent": 24.0}, "United States pauses 24% tariff on China"),
        ({"action": "lowered", "rate_percent": None}, "United States lowers tariff on China"),
        (
            {"action": "removed", "imposing_country": None, "rate_percent": None},
            "Tariff on China removed",
        ),
        (
            {"action": "exempted", "rate_percent": 10.0},
            "United States exempts China from 10% tariff",
        ),
    ],
)
def test_tariff_headline_says_the_rate_reached(fields, title):
    assert tariff_headline(tariff(**fields)) == title


def test_compose_title_of_a_meeting_with_people_and_place():
    title = compose_title(
        "meeting",
        status="planned",
        participants=["Ryosei Akazawa", "Scott Bessent"],
        countries=["Japan", "United States"],
        location="Washington",
    )
    assert title == "Planned: Ryosei Akazawa meets Scott Bessent in Washington"


def test_compose_title_of_talks_between_countries():
    assert (
        compose_title("meeting", countries=["Japan", "United States"])
        == "Japan–United States talks"
    )


def statement(words, heads, deps, verb_index, gist_from) -> Statement:
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    gist = " ".join(t.text for t in doc[gist_from:] if not t.is_punct)
    return Statement(
        verb=doc[verb_index], speaker="Ryosei Akazawa", speaker_is_person=True, gist=gist
    )


def test_statement_title_keeps_the_verb_when_the_rest_is_a_phrase():
    words = ["Akazawa", "called", "off", "a", "planned", "trip", "to", "Washington"]
    heads = [1, 1, 1, 5, 5, 1, 5, 6]
    deps = ["nsubj", "ROOT", "prt", "det", "amod", "dobj", "prep", "pobj"]
    title = statement_title(statement(words, heads, deps, 1, 2))
    assert title == "Ryosei Akazawa called off a planned trip to Washington"


def test_statement_title_quotes_a_clause_after_the_speaker():
    words = ["Akazawa", "said", "that", "talks", "would", "resume"]
    heads = [1, 1, 5, 5, 5, 1]
    deps = ["nsubj", "ROOT", "mark", "nsubj", "aux", "ccomp"]
    title = statement_title(statement(words, heads, deps, 1, 2))
    assert title == "Ryosei Akazawa: talks would resume"


def test_statement_title_joins_clitics():
    words = ["Akazawa", "said", "China", "'s", "offer", "was", "n't", "enough"]
    heads = [1, 1, 4, 2, 5, 1, 5, 5]
    deps = ["nsubj", "ROOT", "poss", "case", "nsubj", "ccomp", "neg", "acomp"]
    title = statement_title(statement(words, heads, deps, 1, 2))
    assert title == "Ryosei Akazawa: China's offer wasn't enough"


def test_compose_title_of_another_act_is_no_statement():
    assert compose_title("other", countries=["United States"]) == "United States action"
    assert (
        compose_title("other", status="planned", statement="Supreme Court will hear levy case")
        == "Planned: Supreme Court will hear levy case"
    )
