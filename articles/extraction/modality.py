"""Status and modality: whether an event happened, is planned, is only possible, or was called off;
and whether a deal is actually made."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .attachment import EFFECT_VERBS, TIME_CLAUSE_PREPOSITIONS
from .grammar import (
    CONTROL_ADJECTIVES,
    ancestors_within,
    has_condition,
    has_own_clause,
    is_when_clause,
    span_text,
)
from .meeting_reading import TALK_NOUNS
from .patterns import (
    CANCELLED_CUES,
    DEADLINE,
    DEAL_VERBS,
    PLANNED_CUES,
    REPORTING_VERBS,
    SPECULATIVE_CUES,
    TARIFF,
    TARIFF_ACTIONS,
)
from .timex_lexicon import WEEKDAY

AHEAD_WORDS = frozenset({"upcoming", "forthcoming", "planned", "scheduled"})
# "agreed to cut", "pledged to lift": a step one side binds itself to, still to come
PROMISING_VERBS = frozenset({"agree", "commit", "decide", "pledge", "promise", "vow"})


def told_as_ahead(trigger: Span) -> bool:
    """ "the upcoming talks", "the scheduled meeting": the word itself says it is to come."""
    return any(c.dep_ == "amod" and c.lower_ in AHEAD_WORDS for c in trigger.root.children)


# Subjects that make what follows "is to" or "remains to" an aim, not a schedule.
AIM_NOUNS = frozenset({"aim", "goal", "target", "objective", "ambition", "hope", "intention"})


def purpose_of_subject(verb: Token) -> list[str]:
    """ "Its stated aim remains to conclude a deal in March", "the goal is to sign it by July":
    an aim ("aim", a speculative cue), however firm the date; "the plan is to" stays a plan."""
    if verb.lemma_.lower() not in {"be", "remain"}:
        return []
    subjects = [c.lemma_.lower() for c in verb.children if c.dep_ == "nsubj"]
    return ["aim" for s in subjects if s in AIM_NOUNS]


def status_of(trigger: Span, sentence: Span) -> str:
    """happened, planned, speculative or cancelled, from modality and tense around the trigger."""
    head = trigger.root
    if trigger.label_ in {"meeting", "agreement"} and (
        cancelling_verb_over(trigger, sentence) or plan_undone(sentence)
    ):
        return "cancelled"  # "the talks planned for next week were called off"
    if trigger.label_ in {"meeting", "agreement"} and path_cleared_for(trigger, sentence):
        return "speculative"  # "a truce opening the path to a visit in October"
    if trigger.label_ in {TARIFF, DEADLINE} and plan_overtaken(trigger, sentence):
        return "cancelled"  # "was set to levy 40% on March 3", "the earlier deadline"
    if trigger.label_ == TARIFF and scheduled_by_own_phrase(head):
        return "planned"  # "the levies due to start on Friday could cost jobs, unions say"
    if is_pleased_to(head):
        return "happened"  # "Wonderful to speak with President Trump today"
    if trigger.label_ == "meeting" and told_as_ahead(trigger):
        return "planned"  # "confirmed the upcoming talks": still to come, whatever the verb
    if trigger.label_ == "meeting" and preceded_a_past_act(head):
        return "happened"  # "had agreed to give an extension after a call from her"
    own = has_own_clause(head) if trigger.label_ != "agreement" else None
    if own is not None and own.dep_ == "acl" and head.dep_ in {"nsubj", "nsubjpass"}:
        own = None  # "tariffs imposed on China would be cut": the cut's modality, not "imposed"
    chain = [own] if own is not None else [head, *ancestors_within(head, sentence)]
    words: list[str] = []
    past = False
    previous = None
    for token in chain:
        if token.dep_ == "prep" and token.lower_ == "to":
            previous = token
            continue  # "agreed to a deal": a preposition, not an infinitive
        if not (
            token.lemma_ == "set" and any(c.dep_ in {"prt", "dobj"} for c in token.children)
        ):  # "set off on a trip", "has set a 19% rate": done, no plan ("set to", "set for")
            words.append(token.lower_)  # "set off on a trip" is no plan ("set to", "set for")
            words.append(token.lemma_.lower())
        if (token.lemma_ in PROMISING_VERBS or token.lemma_ == "be") and (
            previous is not None and previous.dep_ == "xcomp"
        ):
            words.append("plan")  # "agreed to hold talks", "was to hold talks": planned
        if previous is not None and previous.dep_ == "xcomp":
            words.extend(purpose_of_subject(token))  # "the aim remains to conclude a deal"
        # the event is the copula's own subject or infinitive ("talks are due to resume"), not
        # a noun inside its subject ("the truce cutting tariffs remains set to expire")
        controlled = (
            previous is None
            or previous.dep_ in {"xcomp", "acomp"}
            or (previous == head and previous.dep_ in {"nsubj", "nsubjpass"})
        )
        previous = token
        for child in token.children:
            if (
                child.dep_
                in {
                    "aux",
                    "auxpass",
                    "mark",
                    "advmod",
                    "neg",
                    "prep",
                }
                or child.lower_ in {"'d"}
                or (controlled and child.dep_ == "acomp" and child.lower_ in CONTROL_ADJECTIVES)
            ):  # "talks are due to resume", "the pact is likely to be signed"
                if child.dep_ == "prep" and child.lower_ == "to":
                    continue  # "raised to 125 percent": a preposition, not an infinitive
                words.append(child.lower_)
        if token.morph.get("Tense") == ["Past"] and token.pos_ in {"VERB", "AUX"}:
            past = True
        if has_condition(token, frozenset({"if"})):
            words.append("if")  # "would put a tax on them if...": a threat ("set to rise on
            # Jan. 1 unless a deal is reached" stays a plan)
        if token.dep_ == "ccomp" and own is None:
            if token.head.lemma_.lower() in SPECULATIVE_CUES:
                words.append(token.head.lemma_.lower())  # "wants Ottawa to cut", "urged"
            break  # the clause's own modality, not the reporting verb's
        if token.dep_ == "advcl" and own is None and not is_when_clause(token):
            break
        if token.dep_ == "conj" and token.pos_ in {"VERB", "AUX"} and has_own_subject(token):
            break  # "was set to impose ..., but both sides agreed to ...": a clause of its own
    word_set = set(words)
    if word_set & CANCELLED_CUES:
        return "cancelled"
    if trigger.label_ == "agreement" and is_nearly_reached(chain):
        return "speculative"  # "are close to a deal", "nearing an agreement": not reached
    clause = own if own is not None else next((t for t in chain if t.dep_ == "ccomp"), None)
    if clause is not None and is_forecast(clause):
        return "speculative"  # "was confident that Washington would lower its tariff"
    if word_set & SPECULATIVE_CUES and not (
        "would" in word_set and reported(chain) and "if" not in word_set
    ):
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
    if own is None and is_present_schedule(
        next((t for t in chain if t.pos_ in {"VERB", "AUX"}), None)
    ):
        return "planned"  # "negotiators meet in Stockholm on Monday": the schedule
    return "happened"


SCHEDULE_STATES = frozenset({"be", "have", "remain", "face", "stay", "keep", "retain", "hold"})


def is_present_schedule(verb: Token | None) -> bool:
    """ "Negotiators meet in Stockholm on Monday", "Akazawa travels to Washington on Tuesday":
    in the body of a news story an act in the simple present with a day of its own is what is
    scheduled (what happened is told in the past). Only a weekday: "builds on a November
    framework" or "in July" are no schedule."""
    if verb is None or verb.tag_ not in {"VBZ", "VBP"} or verb.lemma_ in SCHEDULE_STATES:
        return False
    if verb.lemma_.lower() in REPORTING_VERBS or any(
        c.dep_ in {"aux", "auxpass", "neg"} for c in verb.children
    ):
        return False
    days = [child for child in verb.children if child.dep_ in {"npadvmod", "tmod"}]
    days += [
        grandchild
        for child in verb.children
        if child.dep_ == "prep" and child.lower_ == "on"
        for grandchild in child.children
        if grandchild.dep_ == "pobj"
    ]
    return any(re.fullmatch(WEEKDAY, day.text) for day in days)


NEARING_VERBS = frozenset({"near", "approach"})


def is_nearly_reached(chain: list[Token]) -> bool:
    """ "The EU and the US are close to a deal", "edged closer to an agreement", "India is
    nearing a trade pact": the deal is in sight, not made."""
    return any(
        ((token.pos_ == "ADJ" or token.dep_ == "advmod") and token.lower_ in {"close", "closer"})
        or (token.pos_ == "VERB" and token.lemma_.lower() in NEARING_VERBS)
        for token in chain
    )


FORECAST_WORDS = frozenset({"confident", "hopeful", "optimistic"})


def is_forecast(clause: Token) -> bool:
    """ "she was confident that Washington would lower the tariff", "hopeful that a deal
    would follow": what a speaker expects of the other side is a forecast, not a plan."""
    if clause.dep_ != "ccomp":
        return False
    head = clause.head
    return head.lower_ in FORECAST_WORDS or any(
        c.dep_ == "acomp" and c.lower_ in FORECAST_WORDS for c in head.children
    )


def has_own_subject(verb: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children)


FUTURE_AUXILIARIES = frozenset({"will", "would", "'ll", "shall", "may", "might", "could"})


def preceded_a_past_act(head: Token) -> bool:
    """ "after a call from X" / "following talks with Y" hung on an act told in the past: the
    meeting came before that act, so it took place, even when the act itself is a promise
    ("agreed to give an extension after a call"). Not when a future or a modal intervenes
    ("would decide after a call with Xi")."""
    if head.dep_ != "pobj" or head.head.lower_ not in {"after", "following"}:
        return False
    for token in [head.head.head, *head.head.head.ancestors]:
        children = {child.lower_ for child in token.children if child.dep_ in {"aux", "auxpass"}}
        if children & FUTURE_AUXILIARIES or token.lower_ in FUTURE_AUXILIARIES:
            return False
        if token.pos_ in {"VERB", "AUX"} and (
            (token.morph.get("Tense") == ["Past"] and token.tag_ == "VBD")
            or children & {"had", "has", "have"}
        ):
            return True
        if token.dep_ in {"ROOT", "ccomp"}:
            return False
    return False


ORIGINAL_PLAN = re.compile(
    r"\b(?:originally|initially)\s+(?:scheduled|planned|set|due|slated)\b", re.I
)
UNDOING = re.compile(
    r"\b(?:derail(?:ed)?|postponed|delayed|cancel+ed|scrapped|shelved|called\s+off|"
    r"put\s+off|pushed\s+back|did\s+not\s+take\s+place|never\s+took\s+place)\b",
    re.I,
)


def plan_undone(sentence: Span) -> bool:
    """ "talks originally scheduled for 25 August but derailed by the row": a plan that did not
    hold (the parse rarely hangs "derailed" on the talks, the wording is plain)."""
    text = span_text(sentence)
    found = ORIGINAL_PLAN.search(text)
    return found is not None and UNDOING.search(text, found.end()) is not None


PATH_NOUNS = frozenset({"way", "path", "door", "ground", "stage"})
OPENING_VERBS = frozenset({"clear", "pave", "open", "prepare", "set"})


def path_cleared_for(trigger: Span, sentence: Span) -> bool:
    """ "the truce may clear a path for the president's trip", "paved the way for a summit": the
    event is made possible, not scheduled, whatever the tense of the opening."""
    for token in [trigger.root, *ancestors_within(trigger.root, sentence)][:5]:
        if token.lemma_.lower() in PATH_NOUNS and token.pos_ == "NOUN":
            return token.head.lemma_.lower() in OPENING_VERBS
        if token.lemma_.lower() in OPENING_VERBS and any(
            c.dep_ == "dobj" and c.lemma_.lower() in PATH_NOUNS for c in token.children
        ):
            return True  # the parser hangs "for X to visit" on the verb, not on "the path"
    return False


SCHEDULE_WORDS = frozenset({"set", "due", "scheduled", "slated", "supposed"})
FORMER_WORDS = frozenset({"previous", "original", "initial", "earlier", "old", "former"})


def acted_in_the_past(noun: Token) -> bool:
    """ "The original 25% levy came into effect on August 1", "the initial duty was imposed in
    March": the first measure, told as done, is no plan overtaken."""
    verb = noun.head
    if noun.dep_ not in {"nsubj", "nsubjpass"} or verb.tag_ not in {"VBD", "VBN"}:
        return False
    if verb.tag_ == "VBN" and not any(c.dep_ == "auxpass" for c in verb.children):
        return False  # "had been due": a schedule, not a deed
    return verb.lemma_.lower() in TARIFF_ACTIONS or verb.lemma_.lower() in EFFECT_VERBS


def schedule_told_in_past(token: Token) -> bool:
    """ "was set to impose", "were due to start", "had been scheduled to begin": a
    schedule told in the past is one that no longer holds (news says "takes effect on Friday"
    of a plan that stands). Not in reported speech, whose past is the reporter's ("said the
    duties were due to start on Friday")."""
    if token.lemma_.lower() not in SCHEDULE_WORDS or not any(
        c.dep_ == "xcomp" for c in token.children
    ):
        return False
    be = token.head if token.dep_ == "acomp" else token
    auxiliaries = [c for c in be.children if c.dep_ in {"aux", "auxpass"}]
    past = (be.lemma_ == "be" and be.tag_ == "VBD") or any(
        (a.lemma_ == "be" and a.tag_ == "VBD") or a.lower_ in {"had", "'d"} for a in auxiliaries
    )
    return past and not (be.dep_ == "ccomp" and be.head.lemma_.lower() in REPORTING_VERBS)


def plan_overtaken(trigger: Span, sentence: Span) -> bool:
    """A measure or deadline whose schedule the article tells as past or replaced: "Washington
    was set to levy 40% on steel on March 3", "its counter-duties, which were due to start on
    9 June", "the truce was due to lapse on Friday", "the earlier deadline of 4 March".
    The plan was called off or moved; it keeps the day it was planned for."""
    root = trigger.root
    if any(c.dep_ == "amod" and c.lower_ in FORMER_WORDS for c in root.children):
        return not acted_in_the_past(root)  # "the original levy came into effect": it did
    for token in [root, *ancestors_within(root, sentence)[:4]]:
        if schedule_told_in_past(token):
            return True
        if token.dep_ in {"ccomp", "advcl"}:
            break  # a clause of its own above: its schedule is another event's
    for clause in (c for c in root.children if c.dep_ in {"relcl", "acl"}):
        told = [t for t in (clause, *clause.children) if schedule_told_in_past(t)]
        if any(not ends_something(t) for t in told):
            return True  # "its counter-duties, which were due to start"
    return False


def ends_something(schedule: Token) -> bool:
    """ "tariffs, which had been set to end on Wednesday": the schedule of a pause running out,
    not of the measure starting (the extension is the news)."""
    return any(
        c.dep_ == "xcomp" and c.lemma_.lower() in {"end", "expire", "lapse", "run"}
        for c in schedule.children
    )


PLEASED_WORDS = frozenset(
    {
        "wonderful",
        "great",
        "good",
        "glad",
        "pleased",
        "happy",
        "honored",
        "honoured",
        "delighted",
        "nice",
        "excellent",
        "productive",
        "useful",
    }
)


def is_pleased_to(verb: Token) -> bool:
    """ "Great to speak with ...", "glad to have met ...": a leader's post about a call just
    held, not a plan (the infinitive hangs on an adjective of satisfaction)."""
    return (
        verb.pos_ == "VERB"
        and verb.dep_ in {"xcomp", "ccomp", "advcl"}
        and verb.head.pos_ == "ADJ"
        and verb.head.lower_ in PLEASED_WORDS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


TELLING_LEMMAS = frozenset({"say", "tell", "announce", "report", "inform", "notify"})


def reported(chain: list[Token]) -> bool:
    """ "said it would", "informed Lisbon that it would": a future told, not a hedge."""
    return any(t.lemma_ in TELLING_LEMMAS for t in chain)


def is_definite(trigger: Span) -> bool:
    """ "the meeting", "that meeting", "after meeting with": a reference to a known event."""
    root = trigger.root
    if any(
        (c.dep_ == "det" and c.lower_ in {"the", "that", "this", "their", "its"})
        or c.dep_ == "poss"  # "Trump's talks with Xi", "Thursday's agreement"
        for c in root.children
    ):
        return True
    return (
        root.pos_ == "VERB"
        and root.dep_ == "pcomp"
        and root.head.lower_ in {"after", "before", "during"}
    )


PARTY_NOUNS = frozenset({"side", "country", "government", "nation", "leader", "delegation"})


def parties_agree(verb: Token) -> bool:
    """ "agreed with Xi", "the US and China agreed", "both sides agreed": a deal between
    parties; not "Japan agreed to consider" or "agreed that talks were useful"."""
    if any(c.dep_ == "neg" for c in verb.children) or verb.tag_ not in {"VBD", "VBN"}:
        return False
    if agreed_on_procedure(verb):
        return False  # "agreed on a negotiating framework", "agreed on an agenda"
    if any(c.lower_ == "with" for c in verb.children):
        return True
    if any(c.dep_ == "ccomp" for c in verb.children):
        return False  # "agreed that ...": an opinion shared, not a deal
    for subject in (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}):
        if any(c.dep_ == "conj" for c in subject.subtree):
            return True  # "X and President Y agreed", however the names are parsed
        if subject.lemma_ in PARTY_NOUNS and subject.tag_ == "NNS":
            return True
    return False


def agreed_as_dated(verb: Token) -> bool:
    """ "... put the pact into effect, as the two sides agreed on 27 May": the deal is referred
    to by its date."""
    return (
        verb.lemma_ == "agree"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
        and any(
            c.dep_ == "prep" and any(t.ent_type_ == "DATE" for t in c.subtree)
            for c in verb.children
        )
    )


DEAL_MAKING_NOUNS = frozenset(
    {"signing", "conclusion", "finalization", "finalisation", "completion", "sealing"}
)


def deal_is_made(trigger: Span) -> bool:
    """An agreement noun is an event when a deal-making verb governs it ("reached a deal",
    "striking a deal", "a joint statement issued") and it is not negated ("without a deal")."""
    root = trigger.root
    if root.head.lower_ in {"without", "no"} or any(
        c.lower_ in {"no", "without"} for c in root.children
    ):
        return False
    if root.pos_ == "VERB":
        return parties_agree(root) or agreed_as_dated(root)
    if any(c.dep_ == "poss" and c.ent_type_ == "DATE" for c in root.children):
        return True  # "Thursday's agreement": the deal made that day
    if root.dep_ == "nsubj" and any(
        c.dep_ == "acomp"
        and c.lower_ in CONTROL_ADJECTIVES
        and any(g.dep_ == "xcomp" and g.lemma_.lower() in DEAL_VERBS for g in c.children)
        for c in root.head.children
    ):
        return True  # "the pact is likely to be signed next week": its making, however sure
    if (
        root.dep_ == "pobj"
        and root.head.lower_ == "of"
        and root.head.head.lemma_.lower() in DEAL_MAKING_NOUNS
    ):
        return True  # "the signing of a trade deal", "the conclusion of the FTA"
    for token in [root, *list(root.ancestors)[:3]]:
        if (
            token is not root
            and token.pos_ == "NOUN"
            and any(
                c.lower_ == "signing" and c.dep_ in {"compound", "amod"} for c in token.children
            )
        ):
            return True  # "the signing ceremony for the agreement took place on Saturday"
        if token.lemma_.lower() in DEAL_VERBS:
            if any(c.dep_ == "neg" for c in token.children):
                return False  # "no accord was reached in time": nothing was made
            return not (in_progress(token) or only_sought(token))
        if token is not root and token.pos_ == "VERB":
            if root.dep_ == "nsubjpass" and any(
                c.dep_ == "xcomp" and c.lemma_.lower() in DEAL_VERBS for c in token.children
            ):
                return True  # "a deal is expected to be signed": the verb's complement makes it
            break  # only the verb that governs the deal makes it: "signed an order keeping a truce"
    own = has_own_clause(root)
    return own is not None and own.lemma_.lower() in DEAL_VERBS


PROCEDURE_NOUNS = frozenset({"agenda", "format", "schedule", "timetable", "modality", "roadmap"})
TALKS_OPENING_VERBS = frozenset({"begin", "start", "launch", "open", "hold", "resume"})


def agreed_on_procedure(verb: Token) -> bool:
    """What was agreed is how to go on negotiating, not a deal ("agreed on an agenda",
    "agreed to go on working together", "agreed to keep talking")."""
    if any(
        c.dep_ == "xcomp" and c.lemma_.lower() in {"continue", "keep", "work", "stay", "remain"}
        for c in verb.children
    ):
        return True
    if any(
        c.dep_ == "xcomp"
        and c.lemma_.lower() in TALKS_OPENING_VERBS
        and any(o.dep_ == "dobj" and o.lemma_.lower() in TALK_NOUNS for o in c.children)
        for c in verb.children
    ):
        return True  # "agreed on Monday to start talks on the pact": talks to come, not a deal
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"):
        for thing in (c for c in prep.children if c.dep_ == "pobj"):
            if thing.lemma_.lower() in PROCEDURE_NOUNS:
                return True
            if thing.lower_ in {"framework", "frameworks"} and any(
                c.lemma_.lower() in {"negotiation", "negotiating", "talk"} for c in thing.children
            ):
                return True
    return False


ATTEMPT_NOUNS = frozenset({"effort", "bid", "push", "attempt", "drive", "quest", "race"})


def in_progress(verb: Token) -> bool:
    """ "Malaysia is finalising the agreement": a deal being made is not made yet."""
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)


TRYING_VERBS = frozenset({"try", "seek", "attempt", "strive", "race", "scramble", "rush"})


def scheduled_by_own_phrase(noun: Token) -> bool:
    """ "the levies due to start on Friday", "tariffs scheduled to apply from Monday": the
    noun's own phrase schedules it, whatever the sentence goes on to say of it (a warning of
    their effect, a forecast)."""
    return any(
        c.dep_ in {"amod", "acl"}
        and c.lower_ in SCHEDULE_WORDS
        and any(g.dep_ == "xcomp" for g in c.children)
        for c in noun.children
    )


def only_sought(verb: Token) -> bool:
    """ "its push to clinch a deal", "a bid to seal a deal", "officials try to secure better
    deals": sought, not made (a hope, "hope to seal a deal by May", is told as such)."""
    if verb.dep_ not in {"acl", "xcomp", "relcl"}:
        return False
    head = verb.head.lemma_.lower()
    return head in ATTEMPT_NOUNS or (verb.dep_ == "xcomp" and head in TRYING_VERBS)


def told_in_past(sentence: Span) -> bool:
    """The sentence's main verb is in the past ("said", "had settled")."""
    root = sentence.root
    return root.tag_ == "VBD" or any(
        c.dep_ == "aux" and c.lower_ in {"had", "did"} for c in root.children
    )


CANCELLING_LEMMAS = frozenset(
    {"cancel", "postpone", "scrap", "shelve", "delay", "suspend", "terminate", "halt", "freeze"}
)


# "confirmed the cancellation of next week's round": the calling-off told as a noun
CANCELLING_NOUNS = frozenset({"termination", "cancellation", "postponement", "scrapping"})


def cancelling_verb(token: Token) -> bool:
    """ "called off", "put off", "postponed", "scrapped", "the cancellation of": a plan undone."""
    lemma = token.lemma_.lower()
    if lemma in CANCELLING_NOUNS:
        return token.pos_ == "NOUN"
    if lemma in CANCELLING_LEMMAS:
        return token.pos_ == "VERB"  # "all trade talks were terminated"
    return lemma in {"call", "put", "break"} and any(
        c.dep_ == "prt" and c.lower_ == "off" for c in token.children
    )


def cancelling_verb_over(trigger: Span, sentence: Span) -> Token | None:
    """The verb that calls the event off, when one governs it."""
    for token in [trigger.root, *ancestors_within(trigger.root, sentence)][:4]:
        if cancelling_verb(token):
            return token
        if token.dep_ in {"pcomp", "advcl"}:
            return None  # "will suspend the levy after agreeing to meet him": not the meeting
        if token.dep_ == "pobj" and token.head.lower_ in TIME_PREPOSITIONS:
            return None  # "delayed the tariffs after a call with him": the call was held
    return None


TIME_PREPOSITIONS = TIME_CLAUSE_PREPOSITIONS | {"amid", "despite"}
