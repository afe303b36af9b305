"""Components on hand-built pipelines: spacy.blank("en"), no statistical model needed."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from articles.extraction.components import (
    TRIGGERS_KEY,
    TRIGGERS_PIPE,
    add_gazetteer,
    add_triggers,
    gazetteer_patterns,
)
from articles.extraction.types import Gazetteer, Person

GAZETTEER = Gazetteer(
    countries={
        "Japan": "Japan",
        "U.S.": "United States",
        "American": "United States",
        "us": "United States",
    },
    people={
        "Akazawa": Person("Ryosei Akazawa", "Japan"),
        "Ryosei Akazawa": Person("Ryosei Akazawa", "Japan"),
        "Trump": Person("Donald Trump", "United States"),
    },
)


def test_gazetteer_patterns_skip_lower_case_words():
    texts = {p["pattern"] for p in gazetteer_patterns(GAZETTEER)}
    assert "U.S." in texts and "Akazawa" in texts
    assert "us" not in texts  # the pronoun must never become the United States


def test_gazetteer_maps_aliases_to_canonical_names():
    nlp = spacy.blank("en")
    add_gazetteer(nlp, GAZETTEER)
    doc = nlp("Akazawa met Trump and American officials; Ryosei Akazawa told us so.")
    found = [(ent.text, ent.label_, ent.ent_id_) for ent in doc.ents]
    assert ("Akazawa", "PERSON", "Ryosei Akazawa") in found
    assert ("Trump", "PERSON", "Donald Trump") in found
    assert ("American", "GPE", "United States") in found
    assert ("Ryosei Akazawa", "PERSON", "Ryosei Akazawa") in found
    assert all(ent.text != "us" for ent in doc.ents)


def test_gazetteer_can_be_refreshed():
    nlp = spacy.blank("en")
    add_gazetteer(nlp, GAZETTEER)
    add_gazetteer(nlp, Gazetteer(people={"Bessent": Person("Scott Bessent", "United States")}))
    doc = nlp("Bessent met Akazawa.")
    assert [ent.ent_id_ for ent in doc.ents] == ["Scott Bessent"]


def test_trigger_ruler_labels_events_on_a_tagged_doc():
    nlp = spacy.blank("en")
    add_triggers(nlp)
    doc = Doc(
        nlp.vocab,
        words=["Akazawa", "met", "Bessent", "before", "new", "tariffs", "and", "a", "deal"],
        pos=["PROPN", "VERB", "PROPN", "ADP", "ADJ", "NOUN", "CCONJ", "DET", "NOUN"],
        tags=["NNP", "VBD", "NNP", "IN", "JJ", "NNS", "CC", "DT", "NN"],
        lemmas=["Akazawa", "meet", "Bessent", "before", "new", "tariff", "and", "a", "deal"],
    )
    doc = nlp.get_pipe(TRIGGERS_PIPE)(doc)
    labels = {(span.text, span.label_) for span in doc.spans[TRIGGERS_KEY]}
    assert labels == {("met", "meeting"), ("tariffs", "tariff_measure"), ("deal", "agreement")}


def test_newlines_start_sentences():
    nlp = spacy.blank("en")
    nlp.add_pipe("timeline_unstick_sentences")
    doc = nlp("Talks ended\nTariffs rose")
    starts = [token.text for token in doc if token.is_sent_start]
    assert "Tariffs" in starts


def test_a_titles_acronym_in_brackets_keeps_the_name_in_the_sentence():
    nlp = spacy.blank("en")
    nlp.add_pipe("timeline_unstick_sentences")
    doc = nlp("She met the Chief Trade Negotiator (CTN) Ana Rojas. Talks (as usual) Went on.")
    after_acronym = next(t for t in doc if t.text == "Ana")
    assert after_acronym.is_sent_start is False  # the parser may not start a sentence here
    after_plain_brackets = next(t for t in doc if t.text == "Went")
    assert after_plain_brackets.is_sent_start is None  # left to the parser
