"""People, countries and places: who took part in an event, which countries it concerns, where it
was held."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .grammar import NUMBER_WORDS, ents_in, governing_verb, per_span, tree_distance, unique
from .patterns import (
    VENUE_WORDS,
)
from .types import Gazetteer, Person

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
    return per_span(sentence, "people", lambda s: assign_people(s, triggers, gazetteer))


def assign_people(
    sentence: Span, triggers: list[Span], gazetteer: Gazetteer
) -> tuple[dict, list[str]]:
    people: dict = {"all": []}
    speakers: list[str] = []
    clauses = {t.start: (governing_verb(t.root), t.root) for t in triggers}
    for ent in ents_in(sentence):
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
    return people, speakers


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


NAME_PARTICLES = frozenset(
    {"da", "de", "do", "dos", "das", "van", "von", "der", "den", "bin", "binti", "al", "di", "du"}
)


def plausible_new_person(ent: Span, gazetteer: Gazetteer) -> bool:
    words = ent.text.split()
    return (
        2 <= len(words) <= 6
        and words[0][:1].isupper()
        and all(w[:1].isupper() or w in NAME_PARTICLES for w in words)
        and sum(w in NAME_PARTICLES for w in words) <= 2
        and not any(w.lower() in {"president", "secretary", "minister"} for w in words)
        and ent.text not in gazetteer.countries
        and not any(ch.isdigit() for ch in ent.text)
    )


def countries_in(span: Span, gazetteer: Gazetteer, lower_countries: dict[str, str]) -> list[str]:
    """Countries named in a span; memoised per sentence, since every trigger asks."""
    return per_span(span, "countries", lambda s: find_countries(s, gazetteer, lower_countries))


DEAL_NOUNS = frozenset({"framework", "truce", "deal", "agreement", "accord", "consensus", "pact"})
# capitals the gazetteer reads as their countries ("Beijing said"): named before a deal, they
# are where it was made, not a party
CITY_ALIASES = frozenset(
    {
        "London",
        "Beijing",
        "Washington",
        "Tokyo",
        "Seoul",
        "Ottawa",
        "Mexico City",
        "New Delhi",
        "Berlin",
        "Paris",
        "Rome",
        "Madrid",
        "Brasilia",
        "Canberra",
        "Taipei",
        "Hanoi",
        "Bangkok",
        "Kuala Lumpur",
        "Jakarta",
        "Manila",
        "Bern",
        "Ankara",
        "Moscow",
        "Riyadh",
        "Pretoria",
        "Buenos Aires",
        "Oslo",
        "Stockholm",
        "Warsaw",
        "Dublin",
        "Brussels",
    }
)
PLACE_NOUNS = frozenset({"city", "capital", "port", "island", "resort", "town", "village"})
COMMODITY_NOUNS = frozenset({"oil", "crude", "gas", "energy", "fuel", "arms", "weapons"})
MEETING_NOUNS = frozenset({"talks", "talk", "meeting", "summit", "round", "negotiation"})


def is_venue_or_thing(ent: Span) -> bool:
    """A country named as a place or a thing, not as a party: "talks in Stockholm", "the Stockholm
    talks", "the Chilean port of Valparaiso", "Russian oil"."""
    root = ent.root
    while root.dep_ == "conj" and root.head is not root:
        root = root.head  # "in Geneva and London": London is a venue too
    head = root.head
    if root.dep_ in {"appos", "npadvmod"} and head.dep_ == "pobj":
        root, head = head, head.head  # "in Kananaskis, Canada": the town's country
    if root.dep_ == "pobj" and head.lower_ in {"in", "at"}:
        return True
    if root.dep_ == "compound" and head.lemma_.lower() in MEETING_NOUNS:
        return True
    if root.dep_ == "compound" and head.lemma_.lower() in DEAL_NOUNS and ent.text in CITY_ALIASES:
        return True  # "the London framework", "the Stockholm truce": where it was made
    if ent.label_ in {"NORP", "GPE"} and root.dep_ == "amod":  # "Russian" is tagged either way
        return head.lemma_.lower() in PLACE_NOUNS | COMMODITY_NOUNS
    return False


def find_countries(span: Span, gazetteer: Gazetteer, lower_countries: dict[str, str]) -> list[str]:
    """The countries a span names as parties (venues and things excluded)."""
    names: list[str] = []
    for ent in ents_in(span):
        if ent.label_ in {"GPE", "NORP", "LOC", "ORG"} and not is_venue_or_thing(ent):
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
    for ent in ents_in(sentence):
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


TITLE_WORDS = frozenset(
    {
        "minister",
        "secretary",
        "representative",
        "ambassador",
        "negotiator",
        "president",
        "premier",
        "chancellor",
        "commissioner",
        "envoy",
        "governor",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "adviser",
        "advisor",
    }
)


def titled_people(names: list[str], sentences: list[Span], gazetteer: Gazetteer) -> list[Person]:
    """New participants with what their titles say: "Mexican economy minister Marcelo Ebrard"
    is Marcelo Ebrard, economy minister, of Mexico. Known people are the gazetteer's business."""
    lower_countries = gazetteer.countries_by_lower_alias
    found: dict[str, Person] = {}
    for sentence in sentences:
        for ent in ents_in(sentence):
            name = ent.text.strip()
            if ent.label_ != "PERSON" or name not in names or name in gazetteer.people_by_name:
                continue
            if name not in found or not found[name].titles:
                found[name] = read_title(ent, lower_countries)
    return [found.get(name) or Person(full_name=name) for name in names if name in found]


def read_title(ent: Span, lower_countries: dict[str, str]) -> Person:
    """The title phrase right before a name, and the country it names, if any."""
    start = max(ent.start - 6, ent.sent.start)
    window = list(ent.doc[start : ent.start])
    title_at = max(
        (i for i, t in enumerate(window) if t.lemma_.lower() in TITLE_WORDS), default=None
    )
    if title_at is None or title_at < len(window) - 2:
        return Person(full_name=ent.text.strip())
    country = None
    title_start = title_at
    for i in range(title_at - 1, -1, -1):
        token = window[i]
        alias = token.text.lower()
        if alias in lower_countries:
            country = lower_countries[alias]
            break
        if token.tag_ == "POS":
            continue  # "Canada's trade minister"
        if token.pos_ in {"NOUN", "PROPN", "ADJ"} and token.text[:1].isalpha():
            title_start = i
        else:
            break
    title = " ".join(t.text for t in window[title_start : title_at + 1])
    return Person(full_name=ent.text.strip(), country=country, titles=(title,) if title else ())
