"""Tariff measures: whether a tariff phrase is a measure at all, its rate, action, parties and sector."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .grammar import (
    ancestors_within,
    count_of,
    ents_in,
    governing_verb,
    has_own_clause,
    left_context,
    neighbourhood,
    own_subtree,
    tree_distance,
    unique,
)
from .modality import ATTEMPT_NOUNS, SCHEDULE_WORDS
from .parties import countries_of, find_countries
from .patterns import (
    IMPOSING_VERBS,
    LETTER_SENDING_VERBS,
    RISING_VERBS,
    SECTORS,
    STATE_LEMMAS,
    TARIFF_ACTION_PHRASES,
    TARIFF_ACTIONS,
    UNIVERSAL_PHRASES,
    UNIVERSAL_WORDS,
)
from .types import ExtractedTariff, Gazetteer

RATE_WORDS = (
    r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|"
    r"six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|one hundred|hundred)"
)
PERCENT = re.compile(
    r"(\d+(?:\.\d+)?|\b" + RATE_WORDS + r")(?:\s*|-)"
    r"(?:%|percent\b|per(?:\s|-)cent\b|pct\b|pc\b|percentage points?\b)",
    re.I,
)  # "10 percent", "10%", "a 10-percent tariff", "a 25-per-cent levy", "15pc", "ten percent"


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
    text = sentence.text
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


def percent_mentions(sentence: Span) -> list[tuple[float, Span, bool]]:
    """Every percentage in the sentence: (value, its tokens, whether it is a former rate:
    "from 145 percent", "down from 25 percent", "instead of the 25 percent")."""
    found = []
    offset = sentence.start_char
    for match in PERCENT.finditer(sentence.text):
        span = sentence.doc.char_span(
            offset + match.start(), offset + match.end(), alignment_mode="expand"
        )
        if span is None:
            continue
        before = " ".join(t.lower_ for t in left_context(span, 3))
        after = sentence.doc[span.end : min(span.end + 4, sentence.end)]
        if (
            after
            and after[0].lower_ == "of"
            and not any(t.lemma_.lower() in {"tariff", "duty", "levy"} for t in after[1:])
        ):
            continue  # "60 percent of Chilean goods": a share, not a rate ("24 percent of its tariffs" is)
        former = before.endswith(
            ("from", "from the", "instead of the", "instead of", "than", "now", "currently")
        )  # "now 27.5 percent, will be cut to 15 percent": 27.5 is the rate being replaced
        if former and before.endswith(("from", "from the")) and is_relief_from(span):
            former = False  # "relief from the 50 percent tariff": the duty's own rate
        found.append((count_of(match.group(1)) or 0.0, span, former))
    return found


RELIEF_NOUNS = frozenset({"relief", "exemption", "reprieve", "exception", "respite", "shield"})


def is_relief_from(percent: Span) -> bool:
    """ "relief from the 50 percent tariff", "an exemption from the 25% duty": what "from" hangs on
    is the relief, so the percentage is the duty's rate, not one it is lowered from."""
    preposition = next(
        (t for t in reversed(list(left_context(percent, 3))) if t.lower_ == "from"), None
    )
    if preposition is None:
        return False
    head = preposition.head
    return head.lemma_.lower() in RELIEF_NOUNS or any(
        c.dep_ == "dobj" and c.lemma_.lower() in RELIEF_NOUNS for c in head.children
    )  # "seek relief from the 40% tariff": the parser may hang "from" on the verb


CHANGE_VERBS = frozenset(
    {
        "cut",
        "lower",
        "reduce",
        "raise",
        "increase",
        "lift",
        "fall",
        "rise",
        "drop",
        "hike",
        "bring",
        "slash",
        "jump",
        "double",
    }
)


def rate_near(trigger: Span, sentence: Span) -> float | None:
    """The new rate nearest the trigger in the parse ("to 30 percent from 145 percent": 30)."""
    best: tuple[tuple[int, int], float] | None = None
    trigger_mid = (trigger.start_char + trigger.end_char) // 2
    for value, span, former in percent_mentions(sentence):
        if former or rate_of_another_duty(span, trigger):
            continue
        distance = tree_distance(trigger.root, span.root)
        if span.root.head.lower_ == "to" and span.root.head.head.lemma_ in CHANGE_VERBS:
            distance = min(distance, 1)  # "will also be cut to 15 percent"
            if span.root.head.head == trigger.root.head:
                distance = 0  # "the 20% levy was cut to 5%": the rate it now has
        if distance > 8:
            continue
        key = (distance, abs(span.start_char - trigger_mid))
        if best is None or key < best[0]:
            best = (key, value)
    return best[1] if best else None


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


DUTY_NOUNS = frozenset({"tariff", "duty", "levy", "tax"})


def rate_of_another_duty(percent: Span, trigger: Span) -> bool:
    """ "The tariffs take effect in three weeks, on top of the 25 percent levies": 25 is the
    levies' own rate, not the tariffs'."""
    noun = percent.root
    while noun.dep_ in {"nummod", "compound", "amod", "quantmod", "npadvmod"} and noun.head != noun:
        noun = noun.head
    return (
        noun.lemma_.lower() in DUTY_NOUNS
        and noun.i != trigger.root.i
        and noun not in trigger
        and noun not in trigger.root.subtree  # "its tariffs, including the 25 percent duty"
    )


def former_rate(rate: float | None, sentence: Span) -> float | None:
    """The rate a measure replaces, when the sentence gives one ("down from 25 percent")."""
    if rate is None:
        return None
    former = [value for value, _span, is_former in percent_mentions(sentence) if is_former]
    return next((value for value in former if value != rate), None)


CARRIER_NOUNS = frozenset({"imposition", "introduction", "application", "collection"})


def is_carrier(token: Token) -> bool:
    """ "a pause on the full imposition of the tariffs": the noun only carries the duty; what
    is done to it is the word above ("pause")."""
    if token.lemma_.lower() in CARRIER_NOUNS:
        return True
    return (
        token.dep_ == "prep" and token.lower_ == "of" and token.head.lemma_.lower() in CARRIER_NOUNS
    )


def action_of(trigger: Span, sentence: Span) -> str | None:
    """What is done to the tariff, from the verbs around it; None when nothing says."""
    lowered = sentence.text.lower()
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
            sentence.text,
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


RESPONSE_NOUNS = frozenset(
    {"countermeasure", "retaliation", "response", "reprisal", "counter-tariff", "retaliatory"}
)


def is_possessor(token) -> bool:
    """ "the EU's countermeasures", "the EU’s countermeasures" (the curly apostrophe is not
    always parsed as a possessive)."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.dep_ == "poss" or (
        following is not None and following.lower_ in {"'s", "’s", "’", "'"}
    )


def modifies_other_noun(trigger: Span) -> bool:
    """ "tariff talks", "tariff deal", "tariff war": the tariff word is only a modifier; and in
    "countermeasures against U.S. tariffs" the tariffs are what the countermeasures answer,
    not a measure of their own."""
    root = trigger.root
    if root.dep_ == "pobj" and root.head.lower_ in {"to", "against", "for", "on"}:
        owner = root.head.head  # "countermeasures to ..." or "suspend countermeasures to ..."
        answering = [owner, *(c for c in owner.children if c.dep_ == "dobj")]
        own = has_own_clause(root)
        if any(t.lemma_.lower() in RESPONSE_NOUNS for t in answering) and not (
            own is not None and own.lemma_.lower() in IMPOSING_VERBS
        ):
            return True  # but "its response to the duties imposed by Washington in March"
    if root.dep_ == "conj" and root.head.dep_ in {"compound", "amod", "nmod"}:
        root = root.head  # "a trade and tariff deal": joined to the modifier "trade"
    if is_acted_on_plan(root):
        return False  # "a three-month suspension of the tariff scheme": the tariffs paused
    return (
        root.dep_ in {"compound", "amod", "nmod"}
        and root.head.pos_ in {"NOUN", "PROPN"}
        and (root.head.lemma_.lower() not in {"tariff", "duty", "levy", "rate"})
    )


PLAN_NOUNS = frozenset({"plan", "regime", "scheme", "programme", "program", "package"})


def is_acted_on_plan(modifier: Token) -> bool:
    """ "suspended the tariff plan", "the suspension of the tariff scheme": a plan of tariffs that
    is paused, cut or scrapped is those tariffs acted on (not "talks on the tariff plan")."""
    plan = modifier.head
    if modifier.dep_ != "compound" or plan.lemma_.lower() not in PLAN_NOUNS:
        return False
    if plan.dep_ == "dobj":
        return plan.head.lemma_.lower() in TARIFF_ACTIONS and plan.head.pos_ == "VERB"
    if plan.dep_ == "pobj" and plan.head.lower_ == "of":
        acted = plan.head.head
        return acted.pos_ == "NOUN" and TARIFF_ACTIONS.get(acted.lemma_.lower()) in {
            "paused",
            "removed",
            "lowered",
        }
    return False


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


RATED_NAME = re.compile(
    r"(?P<name>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})\s*\(\s*(?P<rate>\d+(?:\.\d+)?)\s*"
    r"(?:%|per\s*cent|percent)[^)]{0,20}\)"
)


def rates_by_country(text: str, lower_countries: dict[str, str]) -> list[tuple[str, float]]:
    """Countries listed each with a rate in brackets: "Malaysia (25% tariff), Laos (40%)"."""
    found = []
    for match in RATED_NAME.finditer(text):
        words = match["name"].split()
        # the longest tail of the capitalised run that names a country ("leaders of South Africa")
        name = next(
            (
                lower_countries[" ".join(words[i:]).lower()]
                for i in range(len(words))
                if " ".join(words[i:]).lower() in lower_countries
            ),
            None,
        )
        if name is not None and name not in {n for n, _ in found}:
            found.append((name, float(match["rate"])))
    if not found:
        found = rates_on_lists(text, lower_countries)
    return found


RATE_ON_LIST = re.compile(
    r"(?P<rate>\d+(?:\.\d+)?)\s*(?:%|per\s*cent|percent)\s+(?:(?:tariffs?|duties|levy)\s+)?on\s+"
    r"(?P<names>(?:the\s+)?[A-Z][\w.'-]*(?:(?:\s+|,\s*|\s+and\s+)(?:the\s+)?[A-Z][\w.'-]*)*)"
)


def rates_on_lists(text: str, lower_countries: dict[str, str]) -> list[tuple[str, float]]:
    """Rates each told with the countries they hit ("the new rates are 40% on Chad and Niger,
    15% on Peru"): at least two rates, or it is one measure on several targets, split by
    conjoined_targets."""
    found: list[tuple[str, float]] = []
    rates = set()
    for match in RATE_ON_LIST.finditer(text):
        for part in re.split(r",\s*|\s+and\s+", match["names"].rstrip(".")):
            name = lower_countries.get(part.strip().lower()) or lower_countries.get(
                re.sub(r"^the\s+", "", part.strip()).lower()
            )
            if name is not None and name not in {n for n, _ in found}:
                found.append((name, float(match["rate"])))
                rates.add(float(match["rate"]))
    return found if len(rates) >= 2 else []


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


STATE_VERBS = frozenset({"keep", "maintain", "extend", "leave", "retain", "preserve"})


IN_FORCE_WORDS = frozenset({"effective", "applicable", "operative"})

# "the average duty", "taking the total levy to 50%": a sum or mean of duties, not a measure
STATISTIC_WORDS = frozenset(
    {"average", "weighted", "mean", "median", "total", "combined", "cumulative", "overall"}
)


AVERTING_VERBS = frozenset({"avert", "avoid", "prevent", "forestall", "stave", "dodge"})


COUNTERFACTUAL = ("instead of", "rather than")
LEVYING = frozenset({"impose", "levy", "charge", "apply"})  # in the present: how things stand
PURPOSE_PARTICIPLES = frozenset({"aim", "design", "intend", "mean"})  # what a thing is for


def is_tariff_measure(trigger: Span, sentence: Span) -> bool:
    """Not a measure: a tariff only described ("the 15 percent rate was the lowest"), kept as it
    is ("keeps the tariff at 30 percent"), averted ("heading off a 30 percent rate") or not
    happening ("instead of the 25 percent rate")."""
    if is_quota(trigger) and quota_change(trigger) is None:
        return False  # "the steel quota system", "is seeking import quotas": no change told
    root = trigger.root
    while root.dep_ == "conj" and root.head != root:
        root = root.head  # "keeps the tariff at 30% and China's levy at 10%"
    verb = governing_verb(root)
    described = verb.lemma_ == "be" and not any(
        c.dep_ == "xcomp" or (c.dep_ == "acomp" and c.lower_ in IN_FORCE_WORDS)
        for c in verb.children
    )  # "the tariff is 25%" describes; "will be effective from April 9" schedules
    if root.dep_ in {"nsubj", "nsubjpass"} and described:
        return False
    if any(c.dep_ == "amod" and c.lower_ in STATISTIC_WORDS for c in root.children):
        return False  # "the average duty on goods entering Chile": a statistic, not a measure
    if (
        root.dep_ == "nsubj"
        and verb.lemma_.lower() not in TARIFF_ACTIONS
        and any(c.dep_ == "neg" for c in verb.children)
    ):
        return False  # "the 20% duty does not match the trade figures": described
    if root.dep_ == "nsubj" and verb.lemma_ == "do" and verb.dep_ == "advcl":
        verb = verb.head  # "a 50% tariff remains in effect, as does a 17% one": remains
    if (
        verb.tag_ in {"VBZ", "VBP"}
        and verb.lemma_.lower() in STATE_LEMMAS
        and (
            root.dep_ == "nsubj"
            or (
                root.dep_ == "dobj"
                and verb.dep_ == "relcl"
                and not any(c.lower_ == "now" for c in verb.children)
            )
        )
    ):
        # "the duty stands at 6 percent", "the 30% tariff remains", "trucks, which face a
        # 25% tariff": how things stand (but "cars, which now face 25%, will pay 15%")
        return False
    if verb.lemma_.lower() in STATE_VERBS and root.dep_ == "dobj":
        return False
    ancestors = [root, *root.ancestors][:5]
    if any(t.lemma_.lower() in AVERTING_VERBS for t in ancestors[1:]) and not has_schedule(root):
        return False  # "to avert a 30 percent rate" (a duty due on a day is still set)
    if any(t.lemma_ == "head" and any(c.lower_ == "off" for c in t.children) for t in ancestors):
        return False
    if any(t.lemma_.lower() in {"fail", "refuse"} for t in ancestors[1:]):
        return False  # "failed to win relief from the 25 percent levy"
    if any(
        t.lemma_.lower() in ATTEMPT_NOUNS and t.pos_ == "NOUN" for t in list(root.ancestors)[:8]
    ):
        return False  # "in an effort to move talks on to lower tariffs": a purpose
    if any(
        t.lemma_.lower() in PURPOSE_PARTICIPLES and (t.dep_ == "acl" or t.tag_ == "VBN")
        for t in ancestors[1:5]
    ):
        return False  # "a pact aimed at cutting duties", "which is meant to lower the rate"
    if any(c.dep_ == "advmod" and c.lower_ in {"previously", "formerly"} for c in verb.children):
        return False  # "Peru had previously faced a 30% rate": what was, before the news
    if verb.tag_ in {"VBZ", "VBP"} and verb.dep_ == "ccomp" and verb.lemma_.lower() in LEVYING:
        return False  # "noting that Nigeria imposes a 27% tariff on US goods": a claimed state
    if verb.tag_ == "VBG" and verb.dep_ == "csubj":
        return False  # "Bringing the copper duty down to 10% is part of ...": a goal, not an act
    if in_title_of_agreement(trigger):
        return False  # "talks on a draft Agreement on Reciprocal Tariffs": a name, not a measure
    if is_means_of_change(ancestors):
        return False  # "cut to 47% by halving the duty tied to fentanyl": how, not a second cut
    if any(c.lower_ == "whether" for t in ancestors for c in t.children):
        return False  # "to determine whether imposing a duty is warranted": a question
    for token in ancestors[1:4]:
        if token.lower_ in {"of", "than"} and any(
            c.lower_ in {"instead", "rather"} for c in [*token.children, token.head]
        ):
            return False
    path = " ".join(t.lower_ for t in ancestors)
    return not any(f"{phrase.split()[1]} {phrase.split()[0]}" in path for phrase in COUNTERFACTUAL)


def has_schedule(root: Token) -> bool:
    """ "a 31% duty, due to start on Sept. 2", "levies scheduled to begin on Monday": the
    measure has a day of its own, whoever hopes to avert it."""
    after = [c for c in root.head.children if 0 < c.i - root.i <= 3]  # "a 31% duty, due..."
    for child in [*root.children, *after]:
        if child.dep_ not in {"amod", "acl", "relcl", "appos", "prep", "advcl"}:
            continue
        words = {t.lemma_.lower() for t in child.subtree}
        if words & SCHEDULE_WORDS and any(t.ent_type_ in {"DATE", "TIME"} for t in child.subtree):
            return True
    return False


def averted_schedule(trigger: Span) -> str | None:
    """The status of a scheduled measure someone averts: "the accord averts the levies due to
    begin on Monday" (cancelled), "tries to avert a 31% duty, due on Sept. 2" (still
    planned); None when no one averts a scheduled measure."""
    root = trigger.root
    averting = next(
        (t for t in list(root.ancestors)[:4] if t.lemma_.lower() in AVERTING_VERBS), None
    )
    if averting is None or not has_schedule(root):
        return None  # the cheap test first: most measures have no averting verb above them
    return "planned" if averting.dep_ == "xcomp" or averting.tag_ == "VB" else "cancelled"


TITLE_HEADS = frozenset({"agreement", "act", "framework", "deal", "pact", "treaty", "accord"})


def in_title_of_agreement(trigger: Span) -> bool:
    """The tariff word is part of a capitalised name of an agreement or law ("Agreement on
    Reciprocal Tariffs", "the Reciprocal Tariff Act")."""
    root = trigger.root
    if not root.text[:1].isupper() or root.i == root.sent.start:
        return False
    for token in [root, *list(root.ancestors)[:3]]:
        if token.lemma_.lower() in TITLE_HEADS and token.text[:1].isupper():
            return True
    return False


DUTY_NOUNS = frozenset({"tariff", "duty", "levy", "rate", "tax"})


def is_means_of_change(ancestors: list[Token]) -> bool:
    """The tariff is named inside a "by ...ing" phrase of a change to duties: the means of that
    change, told with it."""
    for token in ancestors[1:6]:
        if token.dep_ == "pcomp" and token.tag_ == "VBG" and token.head.lower_ == "by":
            changed = token.head.head
            return changed.lemma_.lower() in TARIFF_ACTIONS and any(
                c.dep_ in {"nsubj", "nsubjpass", "dobj"} and c.lemma_.lower() in DUTY_NOUNS
                for c in changed.children
            )
    return False


GOAL_NOUNS = ATTEMPT_NOUNS | {
    "deal",
    "agreement",
    "talks",
    "negotiations",
    "efforts",
    "commitment",
    "aim",
    "goal",
    "hope",
    "hopes",
    "plan",
    "plans",
    "way",
    "ways",
    "proposal",
}  # nouns whose infinitive says what is sought ("a deal to reduce tariffs")


def is_sought_change(trigger: Span, sentence: Span) -> bool:
    """ "talks focused on lowering tariffs", "a commitment to reducing tariff barriers", "a deal
    with Washington to reduce tariffs": the change is what the talks are about, not a step
    anyone took (a rate or a date of its own makes it one)."""
    for token in [trigger.root, *ancestors_within(trigger.root, sentence)][:4]:
        if token.lemma_.lower() not in TARIFF_ACTIONS or token.pos_ != "VERB":
            continue
        while token.dep_ == "conj" and token.head.pos_ == "VERB":
            token = token.head  # "for cutting or eliminating tariffs"
        if token.dep_ == "pcomp" and token.tag_ == "VBG":
            return token.head.head.pos_ in {"NOUN", "VERB", "ADJ"} and token.head.lower_ in {
                "on",
                "to",
                "toward",
                "towards",
                "at",
                "of",
                "about",
                "for",  # "make the case for cutting threatened tariffs"
            }
        if token.dep_ in {"acl", "relcl"} and token.head.lower_ in GOAL_NOUNS:
            return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        return False
    return False


NEGOTIATING_VERBS = frozenset({"negotiate", "renegotiate"})


def is_negotiated_over(trigger: Span, sentence: Span) -> bool:
    """ "an envoy sent to negotiate new duties", "keen to negotiate an end to the 30% levy":
    what is to be negotiated is no measure taken (unless the sentence tells it taken: "to
    negotiate the levy Lima imposed")."""
    if any(
        c.dep_ in {"acl", "relcl"} and c.lemma_.lower() in TARIFF_ACTIONS
        for c in trigger.root.children
    ):
        return False
    for token in ancestors_within(trigger.root, sentence)[:4]:
        if token.pos_ == "VERB":
            return token.lemma_.lower() in NEGOTIATING_VERBS
    return False


AT_ONCE = re.compile(
    r"\b(?:effective|in\s+effect|in\s+force)\s+immediately\b|\bwith\s+immediate\s+effect\b|"
    r"\b(?:takes?|taking|took)\s+effect\s+immediately\b",
    re.I,
)


def in_force_at_once(sentence: Span) -> bool:
    """ "will reduce tariffs to 18 per cent, effective immediately": the measure is done as it
    is announced, not planned."""
    return AT_ONCE.search(sentence.text) is not None


TIGHTENING_VERBS = frozenset(
    {"reduce", "cut", "tighten", "lower", "slash", "halve", "limit", "impose", "introduce"}
)
LOOSENING_VERBS = frozenset({"raise", "increase", "expand", "lift", "relax", "ease"})


def is_quota(trigger: Span) -> bool:
    return trigger.root.lemma_.lower() in {"quota", "quotas"}


def quota_change(trigger: Span) -> str | None:
    """The action of a safeguard quota changed by a verb ("reduce steel import quotas by
    nearly half": less may enter, so protection is raised; "goods will be subject to a quota":
    imposed); None for a quota only named ("the steel quota system", "seeking quotas")."""
    root = trigger.root
    verb = governing_verb(root)
    lemma = verb.lemma_.lower()
    if root.dep_ in {"dobj", "nsubjpass"} and lemma in TIGHTENING_VERBS:
        return "raised" if lemma not in {"impose", "introduce"} else "imposed"
    if root.dep_ in {"dobj", "nsubjpass"} and lemma in LOOSENING_VERBS:
        return "lowered"
    if root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "subject":
        return "imposed"  # "imports will be subject to a quota from May"
    return None
