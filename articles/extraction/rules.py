"""Interpretation: from labelled spans in a parsed Doc to candidate events.

Plain functions over spaCy tokens. The components found triggers, people and countries; here we
decide what each trigger means: its status, its date, who took part, where, and for tariffs the
rate, the parties and the action.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .dates import DateMention, ResolvedDate
from .patterns import (
    ANNOUNCING_VERBS,
    CANCELLED_CUES,
    DEAL_VERBS,
    INSTITUTION_WORDS,
    PLANNED_CUES,
    REPORTING_VERBS,
    SECTORS,
    SPECULATIVE_CUES,
    STRONG_STATEMENT_VERBS,
    TARIFF_ACTION_PHRASES,
    TARIFF_ACTIONS,
    UNIVERSAL_PHRASES,
    UNIVERSAL_WORDS,
    VENUE_WORDS,
)
from .timex_rules import NUMBERS
from .titles import statement_title, tariff_headline, title_for  # noqa: F401 (pipeline calls rules.*)
from .types import ExtractedTariff, Gazetteer

PERCENT = re.compile(
    r"(\d+(?:\.\d+)?)\s*(?:%|percent\b|per cent\b|pct\b|percentage points?\b)", re.I
)
DURATION_MINUTES = re.compile(
    r"(?P<num>\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|half an?)"
    r"[\s-]*(?P<unit>minutes?|hours?)",
    re.I,
)
NUMBER_WORDS = NUMBERS  # one table of number words for the tagger and the rules


@dataclass
class DatedMention:
    """A date mention placed in the Doc: its tokens and what it resolves to."""

    mention: DateMention
    span: Span
    by_tense: dict[str, ResolvedDate | None] = field(default_factory=dict)  # resolutions made


@dataclass
class Candidate:
    """An event as read from one trigger, before merging with its other mentions."""

    type: str
    trigger: Span
    sentence: Span
    status: str = "happened"
    date: ResolvedDate | None = None
    date_mention: DatedMention | None = None
    participants: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    location: str = ""
    duration_minutes: int | None = None
    tariff: ExtractedTariff | None = None
    definite: bool = False  # "the meeting": refers back to an event told before
    inherited: bool = False  # the date came from the event it refers back to
    pause_days: int | None = None
    title: str = ""


# --- structure helpers --------------------------------------------------------------------


def ancestors_within(token: Token, sentence: Span) -> list[Token]:
    return [a for a in token.ancestors if sentence.start <= a.i < sentence.end]


def tree_distance(a: Token, b: Token) -> int:
    """Number of dependency arcs between two tokens of the same sentence."""
    if a == b:
        return 0
    path_a = {a.i: 0}
    for depth, ancestor in enumerate(a.ancestors, start=1):
        path_a[ancestor.i] = depth
    if b.i in path_a:
        return path_a[b.i]
    for depth, ancestor in enumerate(b.ancestors, start=1):
        if ancestor.i in path_a:
            return depth + path_a[ancestor.i]
    return 99


def has_own_clause(token: Token) -> Token | None:
    """A noun that is the subject of its own relative or participial clause ("talks that kicked
    off"), not a noun whose clause only describes its content ("a deal under which ...")."""
    for child in token.children:
        if child.dep_ not in {"relcl", "acl"} or child.pos_ not in {"VERB", "AUX"}:
            continue
        if child.dep_ == "acl" or any(
            c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in {"that", "which", "who"}
            for c in child.children
        ):
            return child
    return None


def governing_verb(token: Token) -> Token:
    for candidate in [token, *token.ancestors]:
        if candidate.pos_ in {"VERB", "AUX"}:
            return candidate
    return token.sent.root


# --- status --------------------------------------------------------------------------------


def status_of(trigger: Span, sentence: Span) -> str:
    """happened, planned, speculative or cancelled, from modality and tense around the trigger."""
    head = trigger.root
    own = has_own_clause(head) if trigger.label_ != "agreement" else None
    chain = [own] if own is not None else [head, *ancestors_within(head, sentence)]
    words: list[str] = []
    past = False
    previous = None
    for token in chain:
        if token.dep_ == "prep" and token.lower_ == "to":
            previous = token
            continue  # "agreed to a deal": a preposition, not an infinitive
        words.append(token.lower_)
        words.append(token.lemma_.lower())
        if token.lemma_ in {"agree", "decide", "promise", "pledge", "vow"} and (
            previous is not None and previous.dep_ == "xcomp"
        ):
            words.append("plan")  # "agreed to hold talks": the talks are planned
        previous = token
        for child in token.children:
            if child.dep_ in {
                "aux",
                "auxpass",
                "mark",
                "advmod",
                "neg",
                "prep",
            } or child.lower_ in {"'d"}:
                if child.dep_ == "prep" and child.lower_ == "to":
                    continue  # "raised to 125 percent": a preposition, not an infinitive
                words.append(child.lower_)
        if token.morph.get("Tense") == ["Past"] and token.pos_ in {"VERB", "AUX"}:
            past = True
        if token.dep_ == "ccomp" and own is None:
            break  # the clause's own modality, not the reporting verb's
        if (
            token.dep_ == "advcl"
            and own is None
            and not any(
                c.dep_ in {"mark", "advmod"} and c.lower_ in {"when", "once", "whenever"}
                for c in token.children
            )
        ):
            break
    word_set = set(words)
    if word_set & CANCELLED_CUES:
        return "cancelled"
    if word_set & SPECULATIVE_CUES and not ("would" in word_set and reported(chain)):
        return "speculative"
    if word_set & PLANNED_CUES or ("would" in word_set):
        if "to" in word_set and not (
            {
                "agreed",
                "agree",
                "plan",
                "plans",
                "planned",
                "set",
                "due",
                "expected",
                "scheduled",
                "going",
                "will",
                "intend",
                "intends",
                "arrange",
                "arranged",
            }
            & word_set
        ):
            return "happened" if past else "planned"
        return "planned"

    return "happened"


FUTURE_AUX = frozenset({"will", "would", "'ll", "shall", "could", "may", "might", "to", "can"})
PAST_AUX = frozenset({"had", "did", "was", "were", "has", "have"})


def left_context(span: Span, size: int) -> Span:
    """Up to ``size`` tokens before a span, not crossing into the previous sentence
    (``span.sent`` walks the whole sentence; this stays cheap on hot paths)."""
    doc = span.doc
    start = span.start
    if start == 0 or doc[start].is_sent_start:
        return doc[start:start]
    while start > 0 and span.start - start < size:
        start -= 1
        if doc[start].is_sent_start:
            break
    return doc[start : span.start]


def tense_at(span: Span) -> str | None:
    """The tense of the verb a date phrase hangs on: past, future, or None when unclear."""
    verb = governing_verb(span.root)
    before = left_context(span, 4)
    reporting = [t for t in before if t.lemma_ in REPORTING_VERBS | ANNOUNCING_VERBS]
    if reporting and right_after(reporting[-1], span) and reporting[-1].tag_ == "VBD":
        return "past"  # "said on Monday he would ..."
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if auxiliaries & FUTURE_AUX:
        return "future"
    if auxiliaries & PAST_AUX or verb.morph.get("Tense") == ["Past"]:
        return "past"
    if verb.tag_ == "VBG" and any(c.lower_ in {"is", "are", "'s", "'re"} for c in verb.children):
        return "future"  # "is meeting on Thursday"
    return None


def reported(chain: list[Token]) -> bool:
    return any(t.lemma_ in {"say", "tell", "announce", "report"} for t in chain)


# --- people, countries, places -------------------------------------------------------------


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


# --- dates ---------------------------------------------------------------------------------


def closest_date(
    trigger: Span, dates: list[DatedMention], *, status: str = "happened", max_distance: int = 7
) -> DatedMention | None:
    """The date mention nearest the trigger in the dependency tree (ties: nearest in text).

    For planned and speculative events the date must sit under the event's own verb: in
    "agreed Thursday to hold talks in May", Thursday dates the agreeing, not the talks.
    """
    best: tuple[int, int, DatedMention] | None = None
    own = has_own_clause(trigger.root) if trigger.label_ != "agreement" else None
    scope = governing_verb(trigger.root)
    same_clause_only = trigger.label_ in {"meeting", "agreement"}
    for dated in dates:
        if dated.mention.resolved is None:
            continue
        date_path = [dated.span.root, *dated.span.root.ancestors]
        in_own_clause = own is not None and own in date_path
        if status in {"planned", "speculative"} and not (
            same_predicate(governing_verb(dated.span.root), scope)
            or trigger.root in date_path
            or in_own_clause
        ):
            continue
        reporter = reporting_head(scope) if status == "happened" else None
        if same_clause_only and not (
            governing_verb(dated.span.root) in {scope, own}
            or trigger.root in date_path
            or right_after(scope, dated.span)
            or (
                reporter is not None
                and (
                    governing_verb(dated.span.root) == reporter or right_after(reporter, dated.span)
                )
            )
        ):
            continue
        distance = tree_distance(trigger.root, dated.span.root)
        if own is not None and own in [dated.span.root, *dated.span.root.ancestors]:
            distance = min(distance, 1)
        linear = min(abs(trigger.start - dated.span.end), abs(dated.span.start - trigger.end))
        key = (distance, linear, dated)
        if distance <= max_distance and (best is None or key[:2] < best[:2]):
            best = key
    return best[2] if best else None


# --- tariffs -------------------------------------------------------------------------------


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
    rate = rate_near(trigger, sentence)
    action = action_of(trigger, sentence) or ("imposed" if rate is not None else "")
    previous = former_rate(rate, sentence)
    if previous is not None and action in {"imposed", "removed", "announced", ""}:
        action = "lowered" if previous > rate else "raised"  # "set at 15%, down from 25%"
    imposing, target = parties_of(
        trigger, sentence, gazetteer=gazetteer, lower_countries=lower_countries
    )
    if imposing is None:
        imposing = next(iter(countries_of(participants, gazetteer)), None)
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
        former = before.endswith(("from", "from the", "instead of the", "instead of", "than"))
        found.append((float(match.group(1)), span, former))
    return found


def rate_near(trigger: Span, sentence: Span) -> float | None:
    """The new rate nearest the trigger in the parse ("to 30 percent from 145 percent": 30)."""
    best: tuple[tuple[int, int], float] | None = None
    trigger_mid = (trigger.start_char + trigger.end_char) // 2
    for value, span, former in percent_mentions(sentence):
        if former:
            continue
        distance = tree_distance(trigger.root, span.root)
        if distance > 8:
            continue
        key = (distance, abs(span.start_char - trigger_mid))
        if best is None or key < best[0]:
            best = (key, value)
    return best[1] if best else None


def former_rate(rate: float | None, sentence: Span) -> float | None:
    """The rate a measure replaces, when the sentence gives one ("down from 25 percent")."""
    if rate is None:
        return None
    former = [value for value, _span, is_former in percent_mentions(sentence) if is_former]
    return next((value for value in former if value != rate), None)


def action_of(trigger: Span, sentence: Span) -> str | None:
    """What is done to the tariff, from the verbs around it; None when nothing says."""
    lowered = sentence.text.lower()
    chain = [trigger.root, *ancestors_within(trigger.root, sentence)]
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
            return TARIFF_ACTIONS[lemma]
    for child in trigger.root.children:
        if child.lemma_.lower() in TARIFF_ACTIONS and child.pos_ in {"VERB", "NOUN", "ADJ"}:
            return TARIFF_ACTIONS[child.lemma_.lower()]
    for phrase, action in TARIFF_ACTION_PHRASES.items():
        if phrase in lowered:
            return action
    for token in sentence:
        if (
            token.pos_ == "VERB"
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
    for ent in sentence.ents:
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
    for token in trigger.root.subtree:
        if token.i not in countries_by_token:
            continue
        name = countries_by_token[token.i]
        path = [token, *token.ancestors]
        words = (
            {t.lower_ for t in path[: path.index(trigger.root) + 1]}
            if trigger.root in path
            else set()
        )
        if token.dep_ == "poss" and token.head == trigger.root:
            imposing = imposing or name
        elif words & {"on", "from", "against", "imported", "targeting"}:
            target = target or name
        elif token.head == trigger.root and token.dep_ in {"compound", "amod", "nmod"}:
            imposing = imposing or name
    verb = governing_verb(trigger.root)
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"} and child.i not in range(
            trigger.start, trigger.end
        ):
            subject_country = next(
                (countries_by_token[t.i] for t in child.subtree if t.i in countries_by_token), None
            )
            if subject_country is None:
                continue
            if child.dep_ == "nsubj" and verb.lemma_ not in {"face", "hit", "continue"}:
                imposing = imposing or subject_country
            else:
                target = target or subject_country
        if child.dep_ == "prep" and child.lower_ in {"on", "against"}:
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
    return imposing, target


def modifies_other_noun(trigger: Span) -> bool:
    """ "tariff talks", "tariff deal", "tariff war": the tariff word is only a modifier."""
    root = trigger.root
    return (
        root.dep_ in {"compound", "amod", "nmod"}
        and root.head.pos_ in {"NOUN", "PROPN"}
        and (root.head.lemma_.lower() not in {"tariff", "duty", "levy", "rate"})
    )


def neighbourhood(token: Token, depth: int) -> list[Token]:
    """Tokens within ``depth`` dependency arcs of a token (breadth-first, both directions)."""
    seen = {token.i: token}
    frontier = [token]
    for _ in range(depth):
        following = []
        for current in frontier:
            for other in [*current.children, current.head]:
                if other.i not in seen:
                    seen[other.i] = other
                    following.append(other)
        frontier = following
    return list(seen.values())


def own_subtree(token: Token) -> list[Token]:
    """A phrase without its conjuncts: "a tariff of 10% [and the levies on cars]"."""
    tokens = [token]
    for child in token.children:
        if child.dep_ not in {"conj", "cc"}:
            tokens.extend(own_subtree(child))
    return tokens


def sector_of(trigger: Span, sentence: Span) -> str:
    """The sector named in the tariff's own phrase or its verb's object: "tariffs on autos"."""
    candidates = own_subtree(trigger.root)
    verb = governing_verb(trigger.root)
    for child in verb.children:
        if child.dep_ in {"prep", "dobj"} and child.i not in range(trigger.start, trigger.end):
            candidates.extend(t for t in child.subtree if tree_distance(t, trigger.root) <= 4)
    for token in sorted(candidates, key=lambda t: abs(t.i - trigger.root.i)):
        sector = SECTORS.get(token.lower_)
        if sector:
            return sector
    return ""


def unique(items) -> list:
    seen: dict = {}
    for item in items:
        if item and item not in seen:
            seen[item] = None
    return list(seen)


def is_definite(trigger: Span) -> bool:
    """ "the meeting", "that meeting", "after meeting with": a reference to a known event."""
    root = trigger.root
    if any(
        c.dep_ == "det" and c.lower_ in {"the", "that", "this", "their", "its"}
        for c in root.children
    ):
        return True
    return (
        root.pos_ == "VERB"
        and root.dep_ == "pcomp"
        and root.head.lower_ in {"after", "before", "during"}
    )


def attached_date(verb: Token, dates: list[DatedMention]) -> DatedMention | None:
    """A date phrase hanging directly on this verb (not inside its complement clause), or
    standing right after it ("said on Monday he would...", which parsers often misattach)."""
    for dated in dates:
        if dated.mention.resolved is None:
            continue
        if governing_verb(dated.span.root) == verb or right_after(verb, dated.span):
            return dated
    return None


def right_after(verb: Token, span: Span) -> bool:
    between = span.doc[verb.i + 1 : span.start]
    return 0 <= span.start - verb.i - 1 <= 3 and all(
        t.lower_ in {"on", "late", "early", "in", "last", "this", "reporters", "told"}
        for t in between
    )


def reporting_head(verb: Token) -> Token | None:
    """ "said late on Tuesday they had agreed on a framework": the reporting verb above a
    clause, whose date also dates what it reports as done."""
    if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in REPORTING_VERBS:
        return verb.head
    return None


def same_predicate(verb: Token, scope: Token) -> bool:
    """The verb is the scope, or hangs on it through control ("is due to kick in", "plans to
    meet", "set to take effect")."""
    token = verb
    for _ in range(4):
        if token == scope:
            return True
        if token.dep_ not in {"xcomp", "prt", "aux"} or token.head == token:
            return False
        token = token.head
    return token == scope


def announcing_verb(trigger: Span, sentence: Span) -> Token | None:
    """ "said he would impose", "threatened to impose": the verb that announces the measure."""
    for ancestor in ancestors_within(trigger.root, sentence):
        if ancestor.pos_ == "VERB" and ancestor.lemma_.lower() in ANNOUNCING_VERBS:
            return ancestor
    return None


def enclosing_trigger(trigger: Span, triggers: list[Span], label: str) -> Span | None:
    """A trigger of the given type among the ancestors: the deal "under which" tariffs fall."""
    ancestors = {a.i for a in trigger.root.ancestors}
    for other in triggers:
        if other.label_ == label and other.root.i in ancestors:
            return other
    return None


def is_reporting_audience(trigger: Span) -> bool:
    """ "Ishiba told a meeting of his ministers": the meeting is who he spoke to."""
    root = trigger.root
    return root.dep_ in {"dobj", "dative"} and root.head.lemma_ in {"tell", "address", "brief"}


@dataclass
class Statement:
    verb: Token
    speaker: str
    speaker_is_person: bool
    gist: str


def statement_in(
    sentence: Span, gazetteer: Gazetteer, lower_countries: dict[str, str]
) -> Statement | None:
    """An on-the-record statement: a reporting verb with a person or institution as subject."""
    for verb in sentence:
        if (
            verb.pos_ != "VERB"
            or verb.lemma_.lower() not in REPORTING_VERBS | STRONG_STATEMENT_VERBS
        ):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None:
            continue
        speaker, is_person = speaker_of(subject, sentence, gazetteer, lower_countries)
        if not speaker:
            continue
        complement = next((c for c in verb.children if c.dep_ in {"ccomp", "xcomp"}), None)
        gist_tokens = (
            list(complement.subtree)
            if complement is not None
            else list(verb.subtree)[list(verb.subtree).index(verb) + 1 :]
        )
        gist = " ".join(t.text for t in gist_tokens if not t.is_punct or t.text in {"%"})
        return Statement(verb=verb, speaker=speaker, speaker_is_person=is_person, gist=gist)
    return None


def speaker_of(
    subject: Token, sentence: Span, gazetteer: Gazetteer, lower_countries: dict[str, str]
) -> tuple[str, bool]:
    subtree = list(subject.subtree)
    for ent in sentence.ents:
        if ent.root.i in {t.i for t in subtree}:
            name = person_name(ent, gazetteer)
            if name:
                return name, True
    words = {t.lower_ for t in subtree}
    if words & INSTITUTION_WORDS:
        return " ".join(t.text for t in subtree), False
    if subject.pos_ == "PROPN" and (country := lower_countries.get(subject.text.lower())):
        return country, False
    return "", False


def conjoined_targets(
    tariff: ExtractedTariff, sentence: Span, lower_countries: dict[str, str]
) -> list[str]:
    """ "on goods from Japan and South Korea": every country conjoined with the target."""
    if tariff.target_country is None:
        return []
    names = [tariff.target_country]
    for ent in sentence.ents:
        name = ent.ent_id_ or lower_countries.get(ent.text.lower())
        if name != tariff.target_country:
            continue
        for conj in ent.root.conjuncts:
            other = conj.ent_type_ and next(
                (e for e in sentence.ents if e.start <= conj.i < e.end), None
            )
            if other is not None and other:
                other_name = other.ent_id_ or lower_countries.get(other.text.lower())
                if other_name and other_name != tariff.imposing_country:
                    names.append(other_name)
    return unique(names)


def deal_is_made(trigger: Span) -> bool:
    """An agreement noun is an event when a deal-making verb governs it ("reached a deal",
    "striking a deal", "a joint statement issued") and it is not negated ("without a deal")."""
    root = trigger.root
    if root.head.lower_ in {"without", "no"} or any(
        c.lower_ in {"no", "without"} for c in root.children
    ):
        return False
    for token in [root, *list(root.ancestors)[:3]]:
        if token.lemma_.lower() in DEAL_VERBS:
            return True
    own = has_own_clause(root)
    return own is not None and own.lemma_.lower() in DEAL_VERBS


STATE_VERBS = frozenset({"keep", "maintain", "extend", "leave"})
AVERTING_VERBS = frozenset({"avert", "avoid", "prevent", "forestall", "stave", "dodge"})
COUNTERFACTUAL = ("instead of", "rather than")


def is_tariff_measure(trigger: Span, sentence: Span) -> bool:
    """Not a measure: a tariff only described ("the 15 percent rate was the lowest"), kept as it
    is ("keeps the tariff at 30 percent"), averted ("heading off a 30 percent rate") or not
    happening ("instead of the 25 percent rate")."""
    root = trigger.root
    while root.dep_ == "conj" and root.head != root:
        root = root.head  # "keeps the tariff at 30% and China's levy at 10%"
    verb = governing_verb(root)
    described = verb.lemma_ == "be" and not any(c.dep_ == "xcomp" for c in verb.children)
    if root.dep_ in {"nsubj", "nsubjpass"} and described:
        return False
    if verb.lemma_.lower() in STATE_VERBS and root.dep_ == "dobj":
        return False
    ancestors = [root, *root.ancestors][:5]
    if any(t.lemma_.lower() in AVERTING_VERBS for t in ancestors[1:]):
        return False
    if any(t.lemma_ == "head" and any(c.lower_ == "off" for c in t.children) for t in ancestors):
        return False
    if any(t.lemma_.lower() in {"fail", "refuse"} for t in ancestors[1:]):
        return False  # "failed to win relief from the 25 percent levy"
    for token in ancestors[1:4]:
        if token.lower_ in {"of", "than"} and any(
            c.lower_ in {"instead", "rather"} for c in [*token.children, token.head]
        ):
            return False
    path = " ".join(t.lower_ for t in ancestors)
    return not any(f"{phrase.split()[1]} {phrase.split()[0]}" in path for phrase in COUNTERFACTUAL)
