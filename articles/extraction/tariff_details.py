"""Tariff details: what a measure does, at what rate, who imposes it on whom, and on what goods.

Read from a trigger already taken as a measure (tariff_measures) with its rate from
tariff_rates: the action from the verbs around the tariff, the imposing and target countries
from possessors, subjects, "on X" phrases, relief won and letters' recipients, and the sector
from the tariff's own phrase. These are the fields of ExtractedTariff; the sentence's other
countries are split into one measure each by conjoined_targets and listed_targets.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .grammar import (
    ancestors_within,
    ents_in,
    governing_verb,
    neighbourhood,
    own_subtree,
    span_text,
    tree_distance,
    unique,
)
from .parties import countries_of, find_countries
from .patterns import (
    LETTER_SENDING_VERBS,
    RISING_VERBS,
    SECTORS,
    TARIFF_ACTION_PHRASES,
    TARIFF_ACTIONS,
    UNIVERSAL_PHRASES,
    UNIVERSAL_WORDS,
)
from .tariff_measures import RESPONSE_NOUNS, is_acted_on_plan, is_quota, quota_change
from .tariff_rates import DUTY_NOUNS, former_rate, rate_near
from .types import ExtractedTariff, Gazetteer


def tariff_details(
    trigger: Span,
    sentence: Span,
    *,
    gazetteer: Gazetteer,
    lower_countries: dict[str, str],
    participants: list[str],
    context_countries: list[str],
) -> ExtractedTariff:
    """Rate, imposing and target country, sector and action of a tariff mention."""
    text = span_text(sentence)
    if is_quota(trigger):  # a quota's percentages are shares of a volume, not rates
        rate, action = None, quota_change(trigger) or ""
    else:
        rate = rate_near(trigger, sentence)
        action = action_of(trigger, sentence) or (
            "imposed"
            if rate is not None
            else "announced"
            if trigger.root.lemma_.lower() == "letter"  # "similar letters went to ...": told
            else ""
        )
    if rate is None and action == "raised" and rises_vaguely(trigger, sentence):
        action = ""  # "tariffs could rise sharply again": no step told, no measure
    previous = former_rate(rate, sentence)
    if previous is not None and action in {"imposed", "removed", "announced", ""}:
        action = "lowered" if previous > rate else "raised"  # "set at 15%, down from 25%"
    imposing, target = parties_of(
        trigger, sentence, gazetteer=gazetteer, lower_countries=lower_countries
    )
    if imposing is None:
        imposing = next(iter(countries_of(participants, gazetteer)), None)
    winner = relief_winner(trigger, sentence, gazetteer, lower_countries, participants)
    if winner is not None:
        # "Sheinbaum secured a pause on the tariffs", "India won an exemption from U.S.
        # duties": the one who wins the relief is the one the tariffs hit
        target = winner
        if imposing == winner:
            imposing = next((c for c in context_countries if c != winner), None)
    near = " ".join(
        t.lower_ for t in neighbourhood(trigger.root, 3)
    )  # "a universal tariff", not "the global trading order" elsewhere in the sentence
    universal = any(w in UNIVERSAL_WORDS for w in near.split()) or any(
        p in text.lower() for p in UNIVERSAL_PHRASES
    )
    if universal and target is None:
        target_name, applies_to_all = None, True
    else:
        target_name, applies_to_all = target, False
    if (
        imposing is None
        and target is not None
        and "United States" in context_countries
        and target != "United States"
    ):
        imposing = "United States"
    if imposing is None and applies_to_all:
        imposing = "United States" if "United States" in context_countries else None
    if target_name == imposing:
        target_name = None
    return ExtractedTariff(
        rate_percent=rate,
        imposing_country=imposing,
        target_country=target_name,
        applies_to_all=applies_to_all,
        sector=sector_of(trigger, sentence),
        action=action,
    )


def rises_vaguely(trigger: Span, sentence: Span) -> bool:
    """The tariffs "rise", "climb" or "jump" with no rate: a drift told, not a measure taken
    (unlike "raise", a government's act)."""
    return any(
        t.lemma_.lower() in RISING_VERBS
        for t in [trigger.root, *ancestors_within(trigger.root, sentence)][:4]
    )


RELIEF_WINNING_VERBS = frozenset(
    {"secure", "win", "obtain", "gain", "receive", "seek", "request", "land", "clinch", "get"}
)


def relief_winner(
    trigger: Span,
    sentence: Span,
    gazetteer: Gazetteer,
    lower_countries: dict[str, str],
    participants: list[str],
) -> str | None:
    """The country that wins or asks for relief from the tariffs ("Mexico's president secured
    a pause on the tariffs", "India won an exemption from the duties"): the subject of the
    verb the relief hangs on, by its own country words or its person's country."""
    verb = next(
        (a for a in list(ancestors_within(trigger.root, sentence))[:4] if a.pos_ == "VERB"), None
    )
    if verb is None or verb.lemma_.lower() not in RELIEF_WINNING_VERBS:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    words = sentence.doc[subject.left_edge.i : subject.right_edge.i + 1]
    named = find_countries(words, gazetteer, lower_countries)
    return next(iter(named or countries_of(participants, gazetteer)), None)


CARRIER_NOUNS = frozenset({"imposition", "introduction", "application", "collection"})


def is_carrier(token: Token) -> bool:
    """ "a halt to the complete application of the levies": the noun only carries the duty;
    what is done to it is the word above ("halt")."""
    if token.lemma_.lower() in CARRIER_NOUNS:
        return True
    return (
        token.dep_ == "prep" and token.lower_ == "of" and token.head.lemma_.lower() in CARRIER_NOUNS
    )


def action_of(trigger: Span, sentence: Span) -> str | None:
    """What is done to the tariff, from the verbs around it; None when nothing says."""
    lowered = span_text(sentence).lower()
    chain = [
        token
        for token in [trigger.root, *ancestors_within(trigger.root, sentence)]
        if not is_carrier(token)
        and not (token.i == trigger.root.head.i and is_acted_on_plan(trigger.root))
    ]  # "suspended the tariff plan": the act is the suspension, not the "plan"
    for token in chain[:4]:
        lemma = token.lemma_.lower()
        if lemma in TARIFF_ACTIONS and token.i != trigger.root.i:
            # "roll back" and "put ... on hold" read through their particles.
            particles = {c.lower_ for c in token.children if c.dep_ in {"prt", "prep"}}
            if lemma == "roll" and "back" not in particles:
                continue
            if lemma == "push" and "back" not in particles:
                continue
            if lemma in {"put", "place"} and "hold" in lowered:
                return "paused"
            step = next(
                (
                    c
                    for c in token.children
                    if c.dep_ == "xcomp" and c.lemma_.lower() in TARIFF_ACTIONS
                ),
                None,
            )
            if lemma == "set" and step is not None:
                return TARIFF_ACTIONS[step.lemma_.lower()]  # "are set to be cut": a cut
            return TARIFF_ACTIONS[lemma]
    for child in trigger.root.children:
        if any(c.lower_ == "than" for c in child.children):
            continue  # "24% tariffs, higher than the 17% on ...": a comparison, not a rise
        if child.lemma_.lower() in TARIFF_ACTIONS and child.pos_ in {"VERB", "NOUN", "ADJ"}:
            return TARIFF_ACTIONS[child.lemma_.lower()]
    for phrase, action in TARIFF_ACTION_PHRASES.items():
        if phrase in lowered:
            return action
    for token in sentence:
        if (
            token.pos_ == "VERB"
            and (token.dep_ != "amod" or token.head.i == trigger.root.i)  # "months of rising
            # tensions" describes something else; "an increased tariff rate" the tariff
            and token.lemma_.lower() in TARIFF_ACTIONS
            and abs(token.i - trigger.root.i) <= 8
        ):
            return TARIFF_ACTIONS[token.lemma_.lower()]
    return None


def parties_of(
    trigger: Span, sentence: Span, *, gazetteer: Gazetteer, lower_countries: dict[str, str]
) -> tuple[str | None, str | None]:
    """(imposing, target): possessors and subjects impose; "on X", "from X", "X's exports" are hit."""
    imposing = target = None
    countries_by_token: dict[int, str] = {}
    for ent in ents_in(sentence):
        name = (
            ent.ent_id_
            if ent.ent_id_ in gazetteer.country_names
            else lower_countries.get(ent.text.lower())
        )
        if name is None and ent.ent_id_:
            person = gazetteer.people_by_name.get(ent.ent_id_)
            name = person.country if person else None
        if name:
            for token in ent:
                countries_by_token[token.i] = name
    answering = trigger.root.lemma_.lower() in RESPONSE_NOUNS
    for token in trigger.root.subtree:
        if token.i not in countries_by_token:
            continue
        name = countries_by_token[token.i]
        if answering:
            if is_possessor(token):
                imposing = imposing or name  # "the EU's countermeasures"
            else:
                target = target or name  # "US tariff countermeasures": they answer the US
            continue
        path = [token, *token.ancestors]
        words = (
            {t.lower_ for t in path[: path.index(trigger.root) + 1]}
            if trigger.root in path
            else set()
        )
        if words & {"than", "unlike", "compared"}:
            continue  # "24% tariffs, higher than the 17% on the Philippines": a comparison
        by_agent = trigger.root in path and any(
            t.dep_ == "agent" for t in path[: path.index(trigger.root)]
        )
        if (token.dep_ == "poss" and token.head == trigger.root) or by_agent:
            imposing = imposing or name  # "its duties", "duties imposed by Washington"
        elif words & {"on", "from", "against", "imported", "targeting", "for"}:
            target = target or name
        elif token.head == trigger.root and token.dep_ in {"compound", "amod", "nmod"}:
            imposing = imposing or name
    verb = governing_verb(trigger.root)
    children = list(verb.children)
    if verb.dep_ == "conj" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in children):
        # "China retaliates ..., imposes 34 per cent tariff on US imports": a shared subject
        children += [c for c in verb.head.children if c.dep_ == "nsubj"]
    for child in children:
        if child.dep_ in {"nsubj", "nsubjpass"} and child.i not in range(
            trigger.start, trigger.end
        ):
            subject_country = next(
                (countries_by_token[t.i] for t in child.subtree if t.i in countries_by_token), None
            )
            if subject_country is None:
                continue
            if child.dep_ == "nsubj" and verb.lemma_ not in {"face", "hit", "continue", "pay"}:
                imposing = imposing or subject_country
            elif verb.lemma_ in {"face", "hit"}:
                target = subject_country  # "Malaysia was hit with 24% tariffs, above the ...
                # 36% on Thailand": who is hit is the subject, whatever else is compared
            else:
                target = target or subject_country
        if child.dep_ in {"prep", "dative"} and (
            child.lower_ in {"on", "against"}
            or (answering and child.lower_ == "to")
            or (child.lower_ == "for" and verb.lemma_.lower() in TARIFF_ACTIONS)
        ):
            for token in child.subtree:
                if token.i in countries_by_token:
                    target = target or countries_by_token[token.i]
                    break
    if target is None:
        match = re.search(
            r"(?:imports?|goods|products|exports?|shipments?)\s+(?:imported\s+)?from\s+([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)",
            span_text(sentence),
        )
        if match:
            target = lower_countries.get(match.group(1).lower())
    if target is None:
        target = letter_recipient(sentence, countries_by_token)
    return imposing, target


def letter_recipient(sentence: Span, countries_by_token: dict[int, str]) -> str | None:
    """A tariff letter's recipient is the measure's target: "a letter to Pretoria setting a 30%
    duty", "sent letters on Monday to Tokyo and Seoul announcing 25%" (with the list's others
    split off by conjoined_targets)."""
    for token in sentence:
        if token.lemma_.lower() != "letter":
            continue
        holders = [token]
        if (
            token.dep_ in {"dobj", "nsubj", "nsubjpass"}
            and token.head.lemma_.lower() in LETTER_SENDING_VERBS
        ):
            holders.append(token.head)  # "sent letters on Monday to ...": the verb takes "to"
        holders += [
            c
            for c in token.children
            if c.dep_ in {"acl", "relcl"} and c.lemma_.lower() in LETTER_SENDING_VERBS
        ]  # "letters that will be mailed to a dozen partners"
        for holder in holders:
            for child in holder.children:
                if child.dep_ == "dative" and child.i in countries_by_token:
                    return countries_by_token[child.i]  # "sent Pretoria a letter"
                if child.dep_ in {"prep", "dative"} and child.lower_ == "to":
                    found = next(
                        (
                            countries_by_token[t.i]
                            for t in child.subtree
                            if t.i in countries_by_token
                        ),
                        None,
                    )
                    if found:
                        return found
    return None


def is_possessor(token) -> bool:
    """ "the EU's countermeasures", "the EU’s countermeasures" (the curly apostrophe is not
    always parsed as a possessive)."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.dep_ == "poss" or (
        following is not None and following.lower_ in {"'s", "’s", "’", "'"}
    )


def sector_of(trigger: Span, sentence: Span) -> str:
    """The sector named in the tariff's own phrase or its verb's object: "tariffs on autos"."""
    candidates = own_subtree(trigger.root)
    verb = governing_verb(trigger.root)
    for child in verb.children:
        if child.dep_ in {"prep", "dobj"} and child.i not in range(trigger.start, trigger.end):
            candidates.extend(t for t in child.subtree if tree_distance(t, trigger.root) <= 4)
    reasons = {t.i for token in (trigger.root, verb) for t in reason_phrases(token)}
    candidates = [t for t in candidates if t.i not in reasons]
    for token in sorted(candidates, key=lambda t: abs(t.i - trigger.root.i)):
        sector = SECTORS.get(token.lower_)
        if sector:
            return sector
    return ""


REASON_PREPOSITIONS = frozenset({"over", "amid", "despite", "following"})
REASON_NOUNS = frozenset({"response", "retaliation", "reprisal", "protest"})


def reason_phrases(token: Token) -> list[Token]:
    """The tokens of why a duty is laid ("over its purchases of Russian oil", "in response to
    its steel subsidies"): goods named there are not the duty's sector."""
    found = []
    for child in token.children:
        if child.dep_ != "prep":
            continue
        objects = [c for c in child.children if c.dep_ == "pobj"]
        if child.lower_ in REASON_PREPOSITIONS or any(
            o.lemma_.lower() in REASON_NOUNS for o in objects
        ):
            found.extend(child.subtree)
    return found


def conjoined_targets(
    tariff: ExtractedTariff, sentence: Span, lower_countries: dict[str, str]
) -> list[str]:
    """ "on goods from Japan and South Korea": every country conjoined with the target."""
    if tariff.target_country is None:
        return []
    names = [tariff.target_country]
    for ent in ents_in(sentence):
        name = ent.ent_id_ or lower_countries.get(ent.text.lower())
        if name != tariff.target_country:
            continue
        for conj in ent.root.conjuncts:
            other = conj.ent_type_ and next(
                (e for e in ents_in(sentence) if e.start <= conj.i < e.end), None
            )
            if other is not None and other:
                other_name = other.ent_id_ or lower_countries.get(other.text.lower())
                if other_name and other_name != tariff.imposing_country:
                    names.append(other_name)
    return unique(names)


TARGETED_DUTIES = DUTY_NOUNS | {"surcharge"}


def listed_targets(
    tariff: ExtractedTariff,
    countries: list[str],
    sentence: Span,
    lower_countries: dict[str, str],
) -> list[str]:
    """ "announced levies on Peru, Chile and Bolivia": when no single target was read, the
    countries listed after a duty's "on", "against" or "from" are its targets, one measure
    each, provided they are all of the measure's partners (else the list names something
    else: the deals the duties come with, the places goods pass through)."""
    if tariff.target_country is not None or tariff.imposing_country is None:
        return []
    partners = {c for c in countries if c != tariff.imposing_country}
    if len(partners) < 2:
        return []
    by_root = {}
    for ent in ents_in(sentence):
        name = ent.ent_id_ or lower_countries.get(ent.text.lower())
        if name in partners:
            by_root[ent.root.i] = name
    for index, name in by_root.items():
        head = sentence.doc[index]
        if not introduces_targets(head):
            continue
        named = unique([name, *(by_root[c.i] for c in head.conjuncts if c.i in by_root)])
        if set(named) == partners:
            return named
    return []


def introduces_targets(noun: Token) -> bool:
    """The first of a list of countries hangs on "on", "against" or "from" said of a duty:
    "levies on X", "imposed tariffs on X", "announce levies on X"."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in {"on", "against", "from"}:
        return False
    holder = noun.head.head
    return holder.lemma_.lower() in TARGETED_DUTIES or any(
        c.dep_ == "dobj" and c.lemma_.lower() in TARGETED_DUTIES for c in holder.children
    )
