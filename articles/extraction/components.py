"""spaCy components: they find and label spans, nothing more. Interpretation is in rules.py."""

from __future__ import annotations

import itertools

from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

from .patterns import all_patterns
from .types import Gazetteer

GAZETTEER_PIPE = "timeline_gazetteer"
TRIGGERS_PIPE = "timeline_triggers"
TRIGGERS_KEY = "timeline_triggers"


def gazetteer_patterns(gazetteer: Gazetteer) -> list[dict]:
    """Entity-ruler patterns: known people as PERSON, country names and aliases as GPE, each
    with the canonical name as its id ("Akazawa" -> "Ryosei Akazawa", "U.S." -> "United States")."""
    patterns = [
        {"label": "PERSON", "pattern": alias, "id": person.full_name}
        for alias, person in gazetteer.people.items()
    ]
    for alias, name in gazetteer.countries.items():
        if len(alias) < 2 or alias.islower():
            continue  # "us" and "the bloc" are words, not names
        patterns.append({"label": "GPE", "pattern": alias, "id": name})
    return patterns


def add_gazetteer(nlp: Language, gazetteer: Gazetteer) -> None:
    """Known names override the statistical NER: "Trump" is always a person."""
    if GAZETTEER_PIPE in nlp.pipe_names:
        nlp.remove_pipe(GAZETTEER_PIPE)
    ruler = nlp.add_pipe(
        "entity_ruler",
        name=GAZETTEER_PIPE,
        after="ner" if "ner" in nlp.pipe_names else None,
        config={"overwrite_ents": True, "phrase_matcher_attr": "ORTH"},
    )
    ruler.add_patterns(gazetteer_patterns(gazetteer))


def expand_sets(patterns: list[dict]) -> list[dict]:
    """Spell out {"IN": [...]} alternatives as separate exact-value patterns.

    The Matcher tests set membership in Python for every token, exact values in C: the same
    rules, expanded, run several times faster.
    """
    expanded = []
    for pattern in patterns:
        token_options = []
        for token in pattern["pattern"]:
            choices = [{}]
            for attr, value in token.items():
                values = (
                    value["IN"] if isinstance(value, dict) and set(value) == {"IN"} else [value]
                )
                choices = [{**choice, attr: v} for choice in choices for v in values]
            token_options.append(choices)
        for tokens in itertools.product(*token_options):
            expanded.append({**pattern, "pattern": list(tokens)})
    return expanded


def add_triggers(nlp: Language) -> None:
    """Event triggers (meet, talks, tariffs, deal, deadline...) into doc.spans["timeline_triggers"]."""
    if TRIGGERS_PIPE in nlp.pipe_names:
        return
    ruler = nlp.add_pipe(
        "span_ruler",
        name=TRIGGERS_PIPE,
        config={"spans_key": TRIGGERS_KEY, "overwrite": True, "validate": True},
    )
    ruler.add_patterns(expand_sets(all_patterns()))


@Language.component("timeline_unstick_sentences")
def unstick_sentences(doc: Doc) -> Doc:
    """Break sentences at newlines: in pasted articles every paragraph starts a sentence."""
    spaces = doc.to_array([IS_SPACE])  # one C pass; newlines are whitespace tokens
    for index in spaces.nonzero()[0]:
        following = int(index) + 1
        if following < len(doc) and "\n" in doc[int(index)].text:
            doc[following].is_sent_start = True
    return doc
