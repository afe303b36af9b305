"""How an event is told, read for narrative time: whether it sets the story's time, belongs to
the story and wants the story's date, or is told as something else.

The dating in narrative.py turns on the grammar of each undated event: an act in the simple
past or the perfect belongs to the story ("the two signed an agreement"), a state, a hedge or
a pluperfect in the narrator's voice is background ("goods face a 25% duty", "had at first
unveiled"), a report in the present is told as of today ("are holding talks"). These
predicates read one candidate (or trigger) in its sentence and set no date; merging.py,
candidate_reading.py and sentence_events.py use some of them too.
"""

from __future__ import annotations

import datetime

from spacy.tokens import Span

from .attachment import is_reference, time_clause_of
from .candidate import Candidate
from .grammar import (
    FUTURE_AUX,
    governing_verb,
    has_perfect_aux,
    is_state_clause,
    reporting_head,
    span_text,
)
from .legal import OTHER
from .patterns import AGREEMENT, MEETING, STATE_LEMMAS, TARIFF
from .statements import announcing_verb
from .tariff_dating import is_notice_told_as_done

STORY_TYPES = frozenset({TARIFF, AGREEMENT, MEETING, OTHER})
PRECISE = frozenset({"day", "range", "week"})
STORY_WINDOW_DAYS = 31  # a dated event this close to publication is the story, not background


def is_story_anchor(candidate: Candidate, published_at: datetime.date) -> bool:
    """An event that sets the story's time: told with its own, precise, recent date."""
    date = candidate.date
    return (
        date is not None
        and candidate.date_source == "own"
        and candidate.status == "happened"
        and date.precision in PRECISE
        and (date.end - date.start).days <= 7
        and published_at - datetime.timedelta(days=STORY_WINDOW_DAYS) <= date.end
        and date.start <= published_at  # a trip under way as the story is written included
    )


def is_present_report(candidate: Candidate) -> bool:
    """ "are holding talks", "has agreed", "says", "will be reduced", "has notified Seoul of
    plans to impose": told as of today."""
    notice = announcing_verb(candidate.trigger, candidate.sentence)
    if notice is not None and is_notice_told_as_done(notice):
        return True
    verb = governing_verb(candidate.trigger.root)
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if auxiliaries & {"has", "have", "'s", "'ve", "is", "are", "am", "will", "would", "'ll"}:
        return True
    return verb.tag_ in {"VBZ", "VBP"}


def is_state(candidate: Candidate) -> bool:
    """ "continues to be hit by a 10% tariff", "goods face a 25% duty": how things stand, not
    something that happened in the story."""
    verb = governing_verb(candidate.trigger.root)
    chain = [verb, *list(verb.ancestors)[:2]]
    present = any(t.tag_ in {"VBZ", "VBP", "VBG"} for t in chain)
    if present and any(t.lemma_ in STATE_LEMMAS for t in chain):
        return True
    return any(is_state_clause(c) for c in candidate.trigger.root.children)


def is_perfect(candidate: Candidate) -> bool:
    """ "Chile has cut its duties on copper": done, but not said to be today; in a story whose
    first dated event comes later ("signed a deal yesterday"), the lead tells that event."""
    verb = governing_verb(candidate.trigger.root)
    return verb.tag_ == "VBN" and has_perfect_aux(verb)


def wants_story_date(candidate: Candidate) -> bool:
    """Undated events that belong to the story: concrete measures (a rate, or a change), and
    meetings and deals told as facts of the story ("the meeting", "Thursday's agreement").
    Generic talks, deals in general, plans and statements stay undated (a remark without a
    date is not dated by the story: tried on the tune split, it added more wrong statements
    than right ones)."""
    if candidate.date is not None or candidate.type not in STORY_TYPES:
        return False
    if candidate.status == "speculative" or is_state(candidate):
        return False
    verb = governing_verb(candidate.trigger.root)
    if is_perfect(candidate) and any(c.lower_ == "already" for c in verb.children):
        return False  # "has already placed a 20% tax on China": done before, undated
    if time_clause_of(candidate.trigger, phrases_only=True) is not None:
        # "After meetings in Geneva, they agreed on Monday": before Monday; but a call just
        # before the act is dated by it
        return candidate.status == "happened" and (
            is_call(candidate.trigger) or told_right_after(candidate.trigger)
        )
    if is_told_as_before_the_story(candidate):
        return False  # "Trump's recent visit to Abu Dhabi": before the story, undated
    if candidate.type == TARIFF:  # a measure: a rate, or a change ("cut", "paused")
        tariff = candidate.tariff
        if tariff is None or is_reference(candidate.trigger):
            return False
        return tariff.rate_percent is not None or tariff.action not in {"imposed", "announced"}
    if candidate.type == OTHER:  # "Costco filed a lawsuit": a legal act told as done
        return candidate.status == "happened" and governing_verb(candidate.trigger.root).tag_ in {
            "VBD",
            "VBN",
        }
    return candidate.status == "happened" and (
        candidate.definite or is_told_act(candidate) or is_agreed_extension(candidate)
    )


RESPITE_NOUNS = frozenset(
    {"truce", "pause", "deadline", "ceasefire", "reprieve", "suspension", "moratorium"}
)


EXTENDING_VERBS = frozenset({"extend", "prolong", "renew"})


def is_agreed_extension(candidate: Candidate) -> bool:
    """ "both governments agreed to extend the truce": a concrete accord, the day's
    news, unlike agreeing "on the need to" talk more."""
    verb = candidate.trigger.root
    if candidate.type != AGREEMENT or verb.lemma_.lower() != "agree":
        return False
    return any(
        x.dep_ == "xcomp"
        and x.lemma_.lower() in EXTENDING_VERBS
        and any(o.dep_ == "dobj" and o.lemma_.lower() in RESPITE_NOUNS for o in x.children)
        for x in verb.children
    )


def is_told_as_before_the_story(candidate: Candidate) -> bool:
    """ "Trump's recent visit to Abu Dhabi", "the offer followed talks with the USTR":
    an event told as earlier than the story, at a time the article does not give."""
    root = candidate.trigger.root
    verb = governing_verb(root)
    nouns = [root]
    if root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.pos_ == "NOUN":
        nouns.append(root.head.head)  # "the recent cut in tariffs"
    return (
        any(
            c.dep_ == "amod" and c.lower_ in {"recent", "previous", "earlier", "past", "last"}
            for noun in nouns
            for c in noun.children
        )
        or any(  # "Tau, who recently met Greer in Washington"
            c.dep_ == "advmod" and c.lower_ in {"recently", "previously"} for c in verb.children
        )
        or is_what_the_story_follows(candidate.trigger)
    )


def is_what_the_story_follows(trigger: Span) -> bool:
    """ "her journey follows a visit by her deputy, who met Lutnick there", "the offer
    followed talks with the USTR": what the story's event follows came before it, at a
    time the sentence does not give."""
    for token in [trigger.root, *trigger.root.ancestors][:6]:
        if token.dep_ == "dobj" and token.head.lemma_.lower() == "follow":
            return True
        if token.dep_ in {"ROOT", "ccomp"}:
            return False
    return False


CALL_WORDS = frozenset({"call", "conversation", "phone", "telephone"})


def is_call(trigger: Span) -> bool:
    """ "agreed on Sunday to an extension after a call from her", "following a phone
    conversation": a call is over in minutes, so the act it led to dates it (meetings and
    rounds before an act stay background)."""
    return trigger.root.lemma_.lower() in CALL_WORDS and trigger.root.pos_ == "NOUN"


def told_right_after(trigger: Span) -> bool:
    """ "X, following a meeting with Y in Ottawa, told reporters on Wednesday": one
    meeting, and its participant speaking of it as it ends; the telling dates it."""
    root = trigger.root
    if root.lemma_.lower() != "meeting" or root.tag_ != "NN" or root.dep_ != "pobj":
        return False
    return governing_verb(root.head.head).lemma_.lower() in {"say", "tell"}


SEVERAL = frozenset({"several", "many", "multiple", "numerous", "countless", "repeated"})


def is_told_act(candidate: Candidate) -> bool:
    """ "the two signed an agreement", "they have reached a deal": a meeting or deal told as
    done, in the simple past or the present perfect, by the verb that governs it."""
    root = candidate.trigger.root
    verb = governing_verb(root)
    if candidate.type not in {MEETING, AGREEMENT} or any(c.dep_ == "neg" for c in verb.children):
        return False
    if verb.tag_ == "VBD":
        return root.dep_ in {"dobj", "nsubj", "nsubjpass"} or (
            candidate.type == MEETING
            and root.dep_ == "pobj"
            and root.head.lower_ in {"in", "during", "at"}
            and root.head.head.i == verb.i
        )  # "secured a pause in a call with Trump": the call was held
    if any(t.lower_ in SEVERAL for t in verb.subtree if t.i < root.i):
        return False  # "have held several rounds of negotiations": a history, not one event
    # "have reached a deal", "a deal has been reached"; not "talks have focused on ..."
    # "announced that they had reached deals": a reported pluperfect is done by the report
    reported_done = (
        verb.dep_ == "ccomp"
        and verb.tag_ == "VBN"
        and any(c.dep_ == "aux" and c.lower_ in {"had", "'d"} for c in verb.children)
    )
    return (is_perfect(candidate) or reported_done) and root.dep_ in {"dobj", "nsubjpass"}


def is_meeting_told_in_story(candidate: Candidate) -> bool:
    """ "Separately, the two finance ministers met over lunch in Rome": an
    undated meeting told by its own verb in the simple past continues the story's dated event
    (only the story's own anchor dates it, not another date of its sentence)."""
    root = candidate.trigger.root
    return (
        candidate.type == MEETING
        and candidate.date is None
        and candidate.status == "happened"
        and root.pos_ == "VERB"
        and root.tag_ == "VBD"
        and not any(c.dep_ == "neg" for c in root.children)
        and time_clause_of(candidate.trigger, phrases_only=True) is None
        and not is_told_as_before_the_story(candidate)
    )


# the auxiliaries of what may or will be (grammar.FUTURE_AUX, the infinitive's "to" aside)
MODALS = (FUTURE_AUX - {"to"}) | {"should"}


def is_pluperfect(candidate: Candidate) -> bool:
    verb = governing_verb(candidate.trigger.root)
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


def is_background_pluperfect(candidate: Candidate) -> bool:
    """ "the president had at first unveiled a 30% levy": a measure the narrator tells in the
    pluperfect is earlier than the story's time, not on it. Reported ("the premier said the US
    had levied a 10% duty on her country"), it is what the report is about, dated with it."""
    verb = governing_verb(candidate.trigger.root)
    return candidate.type == TARIFF and is_pluperfect(candidate) and reporting_head(verb) is None


def is_hedged(candidate: Candidate) -> bool:
    """A modal over the event's verb: "a pact might let Lisbon trim a few duties"."""
    chain = [candidate.trigger.root, *list(candidate.trigger.root.ancestors)[:4]]
    return any(c.dep_ == "aux" and c.lower_ in MODALS for t in chain for c in t.children)


ONGOING_WORDS = frozenset({"underway", "ongoing", "continuing", "progress"})


def is_ongoing_talks(candidate: Candidate) -> bool:
    """ "Talks with Washington are underway / ongoing / in progress": talks held as the story
    is written, dated on the publication day (not by the story's last event)."""
    if candidate.type != MEETING or candidate.date is not None or candidate.status != "happened":
        return False
    root = candidate.trigger.root
    verb = root.head
    if root.dep_ != "nsubj" or verb.lemma_ != "be" or verb.tag_ not in {"VBZ", "VBP"}:
        return False
    return any(
        t.lower_ in ONGOING_WORDS and t.i > verb.i for t in verb.subtree if t.i - verb.i <= 3
    )


def is_meeting_on_trip(candidate: Candidate, reference: Candidate | None) -> bool:
    """ "X flew to Washington on Friday. He is scheduled to meet Lutnick": talks planned for
    a trip or round the story has just dated, by its traveller, take place during it (other
    plans stay undated)."""
    if (
        reference is None
        or candidate.type != MEETING
        or candidate.date is not None
        or candidate.status != "planned"
        or reference.type != MEETING
        or candidate.sentence.start - reference.sentence.end > 60  # within a short paragraph
    ):
        return False
    verb = governing_verb(candidate.trigger.root)
    subject = next(
        (
            c
            for v in (verb, *verb.ancestors)
            for c in v.children
            if c.dep_ in {"nsubj", "nsubjpass"}
        ),
        None,
    )
    return (
        bool(set(candidate.participants) & set(reference.participants))
        or any(name in span_text(reference.sentence) for name in candidate.participants)
        or (subject is not None and subject.lower_ in {"he", "she"})
    )  # the traveller is a party, named in the trip's sentence if not found as its participant
