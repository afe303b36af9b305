"""People, countries and places: who took part in an event, which countries it concerns, where it
was held."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .grammar import NUMBER_WORDS, governing_verb, tree_distance, unique
from .patterns import (
    VENUE_WORDS,
)
from .types import Gazetteer

DURATION_MINUTES = re.compile(
    r"(?P<num>\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|half an?)"
    r"[\s-]*(?P<unit>minutes?|hours?)",
    re.I,
)


def person_name(ent: Span, gazetteer: Gazetteer) -> str | None:
    """Known people by canonical name, unknown full names when the model is sure of them."""
    if ent.label_ != "PERSON":
        return None
    if ent.ent_id_:
        return ent.ent_id_
    return ent.text.strip() if plausible_new_person(ent, gazetteer) else None


def people_for(
    trigger: Span, triggers: list[Span], sentence: Span, gazetteer: Gazetteer
) -> list[str]:
    """The people of one trigger: those nearer to it in the tree than to any other trigger,
    and, when it has none, the sentence's speaker ("..., Akazawa said")."""
    people, speakers = people_by_trigger(sentence, triggers, gazetteer)
    names = list(people.get(trigger.start, []))
    if trigger.label_ == "meeting":
        scope = meeting_scope(trigger)
        names += [name for name, root in people.get("all", []) if root in scope]
    return unique(names or speakers)


def people_by_trigger(
    sentence: Span, triggers: list[Span], gazetteer: Gazetteer
) -> tuple[dict, list[str]]:
    """Each person of a sentence assigned to its trigger(s), computed once per sentence: the
    trigger in the person's own clause first, else the nearest in the tree."""
    memo = sentence.doc.user_data.setdefault("timeline_people", {})
    key = (sentence.start, sentence.end)
    if key in memo:
        return memo[key]
    people: dict = {"all": []}
    speakers: list[str] = []
    clauses = {t.start: (governing_verb(t.root), t.root) for t in triggers}
    for ent in sentence.ents:
        name = person_name(ent, gazetteer)
        if name is None:
            continue
        people["all"].append((name, ent.root))
        own_clause = governing_verb(ent.root)
        nearest = [t for t in triggers if own_clause in clauses[t.start]]
        if not nearest:
            distances = {t.start: tree_distance(t.root, ent.root) for t in triggers}
            closest = min(distances.values(), default=None)
            nearest = [t for t in triggers if distances[t.start] == closest]
        for chosen in nearest:
            people.setdefault(chosen.start, []).append(name)
        if ent.root.dep_ in {"nsubj", "appos"} and own_clause.lemma_ in {"say", "tell"}:
            speakers.append(name)
    memo[key] = (people, speakers)
    return memo[key]


def meeting_scope(trigger: Span) -> set[Token]:
    """Who a meeting is with: the meeting phrase itself ("meeting a delegation led by Koo"),
    and the one who meets ("Trump announced the deal after meeting ...")."""
    root = trigger.root
    scope = set(root.subtree)
    subject_of = root
    if root.dep_ == "pcomp" and root.head.head != root.head:
        subject_of = root.head.head  # "after meeting X": the main verb's subject met X
    for child in subject_of.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            scope.update(child.subtree)
    return scope


def plausible_new_person(ent: Span, gazetteer: Gazetteer) -> bool:
    words = ent.text.split()
    return (
        2 <= len(words) <= 4
        and all(w[:1].isupper() for w in words)
        and not any(w.lower() in {"president", "secretary", "minister"} for w in words)
        and ent.text not in gazetteer.countries
        and not any(ch.isdigit() for ch in ent.text)
    )


def countries_in(span: Span, gazetteer: Gazetteer, lower_countries: dict[str, str]) -> list[str]:
    """Countries named in a span; memoised per sentence, since every trigger asks."""
    memo = span.doc.user_data.setdefault("timeline_countries", {})
    key = (span.start, span.end)
    if key not in memo:
        memo[key] = find_countries(span, gazetteer, lower_countries)
    return memo[key]


def find_countries(span: Span, gazetteer: Gazetteer, lower_countries: dict[str, str]) -> list[str]:
    names: list[str] = []
    for ent in span.ents:
        if ent.label_ in {"GPE", "NORP", "LOC", "ORG"}:
            if ent.ent_id_ and ent.ent_id_ in gazetteer.country_names:
                names.append(ent.ent_id_)
            elif (name := lower_countries.get(ent.text.lower().removeprefix("the "))) is not None:
                names.append(name)
    return unique(names)


def countries_of(people: list[str], gazetteer: Gazetteer) -> list[str]:
    by_name = gazetteer.people_by_name
    return unique(
        by_name[name].country for name in people if name in by_name and by_name[name].country
    )


TRAVEL_VERBS = frozenset({"travel", "fly", "head", "go", "come", "return", "arrive", "visit"})


def location_near(trigger: Span, sentence: Span) -> str:
    """A place introduced by "in" or "at" close to the trigger: "in Washington", "at a villa"."""
    best: tuple[int, str] | None = None
    for ent in sentence.ents:
        if ent.label_ not in {"GPE", "FAC", "LOC"}:
            continue
        prep = ent.root.head
        visited = ent.root.dep_ == "dobj" and prep.lemma_ == "visit"
        travelled = prep.lower_ == "to" and prep.head.lemma_ in TRAVEL_VERBS  # "travel to Geneva"
        if not (visited or travelled) and (
            prep.lower_ not in {"in", "at"} or ent.root.dep_ != "pobj"
        ):
            continue
        distance = tree_distance(trigger.root, prep)
        if distance > 4:
            continue
        is_venue = any(w.lower() in VENUE_WORDS for w in ent.text.split())
        score = distance + (2 if is_venue else 0)
        if best is None or score < best[0]:
            best = (score, ent.text.removeprefix("the ").strip())
    return best[1] if best else ""


def duration_minutes(text: str) -> int | None:
    match = DURATION_MINUTES.search(text)
    if not match:
        return None
    raw = match.group("num").lower()
    number = 0.5 if raw.startswith("half") else NUMBER_WORDS.get(raw) or float(raw)
    minutes = number * (60 if match.group("unit").lower().startswith("hour") else 1)
    return round(minutes)
