"""Statements and reporting frames: who said what, announcing verbs, and triggers inside triggers."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from .grammar import ancestors_within, ents_in, hangs_by, span_text
from .meeting_reading import is_phone_call
from .parties import TITLE_WORDS, countries_in, countries_of, person_name
from .patterns import (
    ANNOUNCING_VERBS,
    INSTITUTION_WORDS,
    REPORTING_VERBS,
    STRONG_STATEMENT_VERBS,
)
from .types import Gazetteer


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
        if verb.pos_ != "VERB" or not (
            verb.lemma_.lower() in REPORTING_VERBS | STRONG_STATEMENT_VERBS
            or issues_statement(verb)
            or adds_words(verb, sentence)
        ):
            continue
        if verb.lemma_.lower() == "call" and is_phone_call(verb):
            continue  # "Anwar called the Thai prime minister": a call, not a saying
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


def adds_words(verb: Token, sentence: Span) -> bool:
    """ "'We did not discuss tariffs,' Akazawa added on Saturday", "he added that talks would
    go on": 'add' reports words (but "the US added 407 products to the list" does not)."""
    if verb.lemma_.lower() != "add" or any(c.dep_ in {"dobj", "dative"} for c in verb.children):
        return False
    return any(c.dep_ == "ccomp" for c in verb.children) or any(
        mark in span_text(sentence) for mark in QUOTE_MARKS
    )


def issues_statement(verb: Token) -> bool:
    """ "Greer issued a statement", "the ministry released a statement": a statement told
    by its noun."""
    return verb.lemma_.lower() in {"issue", "release", "publish"} and any(
        c.dep_ == "dobj"
        and c.lemma_.lower() == "statement"
        and not any(m.lower_ == "joint" for m in c.children)  # a joint statement is a deal
        for c in verb.children
    )


UNNAMED_SPEAKERS = frozenset({"source", "insider"})  # an official is often named later


def speaker_of(
    subject: Token, sentence: Span, gazetteer: Gazetteer, lower_countries: dict[str, str]
) -> tuple[str, bool]:
    subtree = list(subject.subtree)
    # the subject's own words, not what an apposition or clause on it names ("Marcos, the
    # first leader to meet Trump, told reporters": Marcos speaks, not Trump)
    own = {t.i for t in subtree if not hangs_by(t, subject, ASIDES)}
    for ent in ents_in(sentence):
        if ent.root.i in own:
            name = person_name(ent, gazetteer)
            if name:
                return name, True
            if ent.label_ == "PERSON" and ent.root.i == subject.i:
                return "", False  # a speaker the gazetteer cannot place is no one else
    if subject.lower_ in {"he", "she"}:
        named = last_person_before(subject, gazetteer)
        return (named, True) if named else ("", False)
    if subject.lemma_.lower() in TITLE_WORDS and not any(t.ent_type_ == "PERSON" for t in subtree):
        named = last_person_titled(subject, gazetteer)  # "the trade minister said"
        if named:
            return named, True
    if subject.lemma_.lower() in UNNAMED_SPEAKERS:
        return "", False  # "a government source told the paper": not on the record
    words = {t.lower_ for t in subtree}
    if words & INSTITUTION_WORDS:
        return " ".join(t.text for t in subtree), False
    if subject.pos_ == "PROPN" and (country := lower_countries.get(subject.text.lower())):
        return country, False
    return "", False


def country_of_actor(
    subject: Token | None, sentence: Span, gazetteer: Gazetteer, lower_countries: dict[str, str]
) -> str | None:
    """The country of whoever acts or speaks (a named official, "he", "the trade minister",
    a ministry, a capital or a country), read like a statement's speaker."""
    if subject is None:
        return None
    speaker, is_person = speaker_of(subject, sentence, gazetteer, lower_countries)
    countries = countries_of([speaker], gazetteer) if is_person else []
    if not countries:
        doc = sentence.doc
        countries = countries_in(
            doc[subject.left_edge.i : subject.right_edge.i + 1], gazetteer, lower_countries
        )
    return countries[0] if countries else None


def last_person_before(pronoun: Token, gazetteer: Gazetteer) -> str:
    """ "..., he told a briefing": the person named last before the pronoun, in its sentence or
    the one before (news names a speaker, then goes on with "he" or "she")."""
    doc = pronoun.doc
    sentence = pronoun.sent
    window_start = sentence.start
    if sentence.start > 0:
        window_start = doc[sentence.start - 1].sent.start
    for ent in reversed([e for e in doc.ents if window_start <= e.start < pronoun.i]):
        if ent.label_ == "PERSON":
            return person_name(ent, gazetteer) or ""
    return ""


def last_person_titled(title: Token, gazetteer: Gazetteer) -> str:
    """ "The commerce minister said": the person the article last named with that title
    ("Commerce Minister Piyush Goyal met ..."), if any."""
    doc = title.doc
    for ent in reversed([e for e in doc.ents if e.end <= title.i]):
        if ent.label_ != "PERSON":
            continue
        before = doc[max(ent.start - 4, 0) : ent.start]
        if any(t.lemma_.lower() == title.lemma_.lower() for t in before):
            return person_name(ent, gazetteer) or ""
    return ""


# a clause or phrase on the subject ("the first leader to meet Trump", "the spokesperson for
# the minister"), not its name or its apposed name
ASIDES = frozenset({"relcl", "acl", "prep"})


QUOTE_MARKS = ('"', "\u201c", "\u201d")


def quotes_in_person(statement: Statement, sentence: Span) -> bool:
    """ "'We made progress,' Kim told reporters": a named person's own words, in quotation
    marks. Undated, such a remark is dated only by an event its speaker took part in."""
    return statement.speaker_is_person and any(mark in span_text(sentence) for mark in QUOTE_MARKS)
