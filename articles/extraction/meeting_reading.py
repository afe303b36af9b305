"""Meeting words: whether a meeting trigger tells talks between parties at all.

A meeting word does not always tell a meeting: "the July 9 negotiation deadline" is a deadline,
"meet the deadline" meets no one, "called the tariffs unjustified" names rather than calls,
"spoke to reporters" is a press encounter and "after months of negotiations" is background.
These predicates drop such triggers. The same talk nouns serve the reading of other events:
duties that talks are held "on" are their subject, not a measure, and "a framework for
negotiating" is no deal.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .grammar import governing_verb
from .parties import TITLE_WORDS

MEETING_NOUNS = frozenset(
    {"meeting", "talk", "discussion", "visit", "trip", "call", "summit", "round", "session"}
)
TALK_NOUNS = MEETING_NOUNS | {"negotiation", "consultation", "dialogue"}


def is_negated_meeting(trigger: Span) -> bool:
    """ "no talks are scheduled", "the two leaders did not meet", "today is not about
    negotiations": no meeting is told. Talks that are the subject of a negated verb did take
    place ("the talks did not produce a deal")."""
    root = trigger.root
    if any(c.dep_ == "det" and c.lower_ == "no" for c in root.children):
        return True
    if root.pos_ in {"VERB", "AUX"}:
        return any(c.dep_ == "neg" for c in root.children)
    verb = governing_verb(root)
    if root.dep_ in {"nsubj", "nsubjpass"} and root.head == verb:
        return False
    copula = verb.lemma_.lower() == "be" or verb.lower_ in {"’s", "'s"}
    return copula and any(c.dep_ == "neg" for c in verb.children)


def describes_subject(trigger: Span) -> bool:
    """ "Her visit to Lima will be the third meeting of the two ministers": the meeting word
    after "be" names the subject again, which is the event (or is told elsewhere)."""
    root = trigger.root
    if root.dep_ != "attr" or root.head.lemma_ != "be":
        return False
    return any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in MEETING_NOUNS
        for c in root.head.children
    )


NOT_MEETING_HEADS = frozenset(
    {"deadline", "team", "strategy", "position", "stance", "tactic", "skill", "process", "power"}
)


def names_something_else(trigger: Span) -> bool:
    """ "the July 9 negotiation deadline", "the talks team": the meeting word qualifies another
    noun, which is what the sentence is about."""
    root = trigger.root
    return root.dep_ == "compound" and root.head.lemma_.lower() in NOT_MEETING_HEADS


def is_time_prefixed(trigger: Span) -> bool:
    """ "a post-meeting press conference", "pre-summit briefings": the meeting word only dates
    something else."""
    doc = trigger.doc
    start = trigger.start
    if start >= 1 and doc[start - 1].lower_ in {"post", "pre"}:
        return True
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in {"post", "pre"}


LONG_SPANS = frozenset({"weeks", "months", "years", "decades"})


def is_long_process(trigger: Span) -> bool:
    """ "after months of negotiations", "years of talks": a process of many meetings told as
    background, not one meeting on the day of the sentence."""
    root = trigger.root
    head = root.head
    return (
        root.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.lower_ in LONG_SPANS
        and root.pos_ == "NOUN"
    )


DOMESTIC_BODIES = frozenset(
    {"cabinet", "council", "parliament", "committee", "politburo", "congress", "senate"}
)


# who a government meets at home: "met exporters", "a meeting with all stakeholders in the
# export sector", "met with the Liberal caucus", "told business chiefs at a meeting"
HOME_COUNTERPARTS = frozenset(
    {
        "exporter",
        "importer",
        "stakeholder",
        "caucus",
        "chief",
        "executive",
        "farmer",
        "union",
        "industry",
        "manufacturer",
        "lawmaker",
        "businessman",
        "businesspeople",
        "producer",
    }
)


# "with the participation of the president", "with the support of": how, not whom
MANNER_NOUNS = frozenset({"participation", "presence", "support", "help", "attendance"})


def is_domestic_meeting(trigger: Span) -> bool:
    """ "The Federal Council held an emergency meeting": a government meeting by itself, not
    talks between parties; "met with exporters": a meeting at home (unless a foreign party
    is among those met)."""
    verb = governing_verb(trigger.root)
    described = [c for c in trigger.root.children if c.dep_ == "acl"]  # "a meeting held ..."
    heads = [trigger.root, verb, *described]
    withs = [c for head in heads for c in head.children if c.lower_ == "with"]
    if withs:
        met = [
            t
            for w in withs
            for t in w.children
            if t.dep_ == "pobj" and t.lemma_.lower() not in MANNER_NOUNS
        ]
        return bool(met) and all(meets_at_home(t) for t in met)
    if verb.lemma_.lower() == "meet" and any(
        c.dep_ == "dobj" and meets_at_home(c) for c in verb.children
    ):
        return True  # "Roque and Go met exporters"
    if trigger.root.dep_ == "pobj" and trigger.root.head.lower_ == "at":
        told = trigger.root.head.head  # "told business chiefs at a meeting in Downing Street"
        if any(c.dep_ in {"dobj", "dative"} and meets_at_home(c) for c in told.children):
            return True
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in DOMESTIC_BODIES for c in verb.children)


def meets_at_home(counterpart: Token) -> bool:
    """A group met at home, with nobody named beside it (not "exporters and Jamieson Greer")."""
    if counterpart.lemma_.lower() not in HOME_COUNTERPARTS:
        return False
    return not any(
        t.ent_type_ in {"PERSON", "GPE", "NORP", "ORG"} and t.i != counterpart.i
        for t in counterpart.subtree
        if t.dep_ in {"conj", "appos"} or t.head.dep_ == "conj"
    )


MET_TARGETS = frozenset(
    {
        "expectation",
        "demand",
        "target",
        "deadline",
        "need",
        "requirement",
        "criterion",
        "goal",
        "standard",
        "condition",
        "obligation",
        "commitment",
        "threshold",
        "challenge",
    }
)
CONCLUDING_VERBS = frozenset({"conclude", "complete", "finalise", "finalize", "wrap", "close"})


PRESS_WORDS = frozenset(
    {
        "reporter",
        "journalist",
        "press",
        "media",
        "newsman",
        "correspondent",
        "broadcaster",
        "television",
        "radio",
        "newspaper",
        "audience",
        "crowd",
        "supporter",
    }
)


COUNTERPART_ENTITIES = frozenset({"PERSON", "GPE", "NORP"})


def discussed_with_a_party(verb: Token) -> bool:
    """ "the minister on Friday went over a list of projects with Lutnick" said as "discussed":
    talks held; "the leaders discussed trade" or "discussed it with reporters" are none."""
    return any(
        prep.lower_ == "with"
        and prep.i > verb.i  # "... with Lutnick", wherever the parser hangs the phrase
        and any(
            t.ent_type_ in COUNTERPART_ENTITIES and t.lemma_.lower() not in PRESS_WORDS
            for t in prep.subtree
        )
        for prep in verb.subtree
        if prep.dep_ == "prep"
    )


def is_not_a_meeting(trigger: Span) -> bool:
    """ "meet the leaders' expectations", "meet the deadline": no one meets anyone. "to
    conclude the negotiations by December": an aim for the talks, not talks held then."""
    root = trigger.root
    if root.pos_ in {"VERB", "AUX"} and root.lemma_.lower() == "meet":
        return any(c.dep_ == "dobj" and c.lemma_.lower() in MET_TARGETS for c in root.children)
    if root.pos_ == "VERB" and root.lemma_.lower() == "call":
        return not is_phone_call(root)
    if root.pos_ == "VERB" and root.lemma_.lower() == "discuss":
        return not discussed_with_a_party(root)
    if (
        root.pos_ == "VERB"
        and root.lemma_.lower() in {"speak", "talk"}
        and root.doc[trigger.end - 1].lower_ == "to"
    ):
        return not spoke_to_a_party(root)
    if (
        root.pos_ == "VERB"
        and root.lemma_.lower() in {"speak", "talk"}
        and (root.doc[trigger.end - 1].lower_ == "for" or root.doc[trigger.end - 1].like_num)
    ):
        return not talked_together(root)
    if (root.pos_ == "VERB" and root.lemma_.lower() in {"speak", "talk"}) or (
        root.pos_ == "NOUN" and root.lemma_.lower() in {"meeting", "conference", "session"}
    ):
        # "after speaking with reporters", "during a meeting with the press": a press
        # encounter, not talks
        return any(
            g.lemma_.lower() in PRESS_WORDS
            for prep in root.children
            if prep.dep_ == "prep"
            for g in prep.children
        )
    return (
        root.dep_ == "dobj"
        and root.head.lemma_.lower() in CONCLUDING_VERBS
        and root.head.tag_ == "VB"
    )


CALLED_PEOPLE_PRONOUNS = frozenset({"him", "her", "them"})
PERSON_NOUNS = TITLE_WORDS | {"counterpart", "leader"}


def talked_together(verb: Token) -> bool:
    """ "Akazawa and Lutnick talked for about 45 minutes": two named parties as the subject
    (but "Trump spoke for an hour at the rally" is a speech)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    parties = [subject, *(c for c in subject.children if c.dep_ == "conj")]
    return len(parties) >= 2 and all(
        p.ent_type_ in {"PERSON", "GPE", "NORP", "ORG"} for p in parties
    )


def is_phone_call(verb: Token) -> bool:
    """ "Anwar called the Thai prime minister on Saturday", "Trump called him": calling a
    person is a call. Not "called Petro a drug leader" or "called the tariffs unjustified"
    (naming), "called for talks", "called on Ottawa to", "called off the visit", nor a
    passive ("was called")."""
    if verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if len(objects) != 1 or any(
        c.dep_ in {"oprd", "xcomp", "ccomp", "attr", "acomp", "prt"} for c in verb.children
    ):
        return False
    if any(
        c.dep_ == "prep"
        and (c.lower_ in {"for", "off"} or (c.lower_ in {"on", "upon"} and not is_time_phrase(c)))
        for c in verb.children
    ):
        return False  # "called for talks", "called on Ottawa to" (not "on Saturday evening")
    (called,) = objects
    return (
        called.lower_ in CALLED_PEOPLE_PRONOUNS
        or called.ent_type_ == "PERSON"
        or called.lemma_.lower() in PERSON_NOUNS
    )


def is_time_phrase(preposition: Token) -> bool:
    return any(o.ent_type_ in {"DATE", "TIME"} for o in preposition.children if o.dep_ == "pobj")


COUNTERPART_NOUNS = PERSON_NOUNS | {"official", "delegation", "team"}


def spoke_to_a_party(verb: Token) -> bool:
    """ "officials spoke to US officials", "spoke to his counterpart": talks. Not "spoke to
    reporters" nor "spoke to CBS": only a person, an official or a country is spoken to."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"):
        for spoken in (o for o in prep.children if o.dep_ == "pobj"):
            if spoken.ent_type_ in {"PERSON", "GPE", "NORP"} or (
                spoken.lemma_.lower() in COUNTERPART_NOUNS
            ):
                return True
    return False


def is_subject_of_talks(trigger: Span) -> bool:
    """ "held a third round of talks on duties levied by the administration": the duties are
    what the talks are about, not a measure told here (a rate makes them one: "talks on the
    35% tariff")."""
    noun = trigger.root
    if noun.pos_ == "VERB" and noun.dep_ == "acl":
        noun = noun.head  # "duties levied by ...": the trigger may be the participle
    if any(t.like_num or t.text == "%" for t in noun.subtree):
        return False
    if noun.dep_ == "dobj" and is_talks_purpose(noun.head):
        return True  # "talks to push down the duty Lisbon was hit with"
    if noun.dep_ != "pobj" or noun.head.lower_ not in {"on", "over", "about", "regarding"}:
        return False
    owner = noun.head.head
    if owner.pos_ == "VERB" and owner.lemma_.lower() in {"hold", "have"}:
        # "held a phone call with Trump on Monday about the duties": the call's subject
        return any(c.dep_ == "dobj" and c.lemma_.lower() in TALK_NOUNS for c in owner.children)
    return owner.lemma_.lower() in TALK_NOUNS


def is_talks_purpose(verb: Token) -> bool:
    """ "negotiations to bring down", "talks to lower": the aim the talks are held for."""
    return (
        verb.dep_ == "acl"
        and verb.head.lemma_.lower() in TALK_NOUNS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def is_negotiating_framework(trigger: Span) -> bool:
    """ "agreed on a framework for negotiating": how to go on talking, not a deal."""
    root = trigger.root
    return root.lower_ in {"framework", "frameworks"} and any(
        c.dep_ in {"compound", "amod"}
        and c.lemma_.lower() in {"negotiation", "negotiating", "talk"}
        for c in root.children
    )
