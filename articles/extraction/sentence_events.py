"""Events a sentence holds without a trigger of their own: a deadline ("runs until April 2")
and a dated on-the-record statement."""

from __future__ import annotations

import datetime

from spacy.tokens import Span

from . import attachment, grammar, legal, narrative_reading, parties, statements, titles
from .candidate import Candidate, DatedMention
from .dates import resolve_date
from .event_dating import granted_window, is_end_bound, preceded_by, resolve_for_status
from .grammar import span_text
from .patterns import DEADLINE, MEETING, STATEMENT, STRONG_STATEMENT_VERBS, TARIFF
from .types import Gazetteer

# what a deadline of the timeline bounds: duties and trade, a truce, a pause, talks, a deal
DEADLINE_CONTEXT = narrative_reading.RESPITE_NOUNS | {
    "extension",
    "ban",
    "talk",
    "negotiation",
    "deal",
    "agreement",
}


def deadlines_in(
    sentence: Span,
    dated: list[DatedMention],
    found: list[Candidate],
    *,
    published_at: datetime.date,
) -> list[Candidate]:
    """ "runs until April 2", "before July 8", "need until July 9": a future end bound is a
    deadline, a pause's end included (the day the reprieve runs out is a date to watch)."""
    if any(c.type == DEADLINE for c in found):
        return []
    if not found and not (
        legal.about_tariffs(sentence) or any(t.lemma_.lower() in DEADLINE_CONTEXT for t in sentence)
    ):
        return []  # "to be sworn in before the end of the week": no trade deadline
    taken = {id(c.date_mention) for c in found}
    deadlines = []
    for mention in dated:
        resolved = mention.mention.resolved
        if resolved is None or id(mention) in taken:
            continue
        lapsing = respite_lapsing_on(mention)
        if not (
            is_end_bound(mention)
            or preceded_by(mention, {"before"})
            or lapsing
            or is_target_day(mention, published_at)
        ):
            continue
        if ends_a_meeting(mention, found):
            continue  # "the talks, scheduled to run through July 11": when the round ends
        if lapsing:
            resolved = resolve_for_status(mention, "happened", published_at) or resolved
        elif resolved.start <= published_at:
            continue
        deadlines.append(
            Candidate(
                type=DEADLINE,
                trigger=mention.span,
                sentence=sentence,
                status="happened" if resolved.end <= published_at else "planned",
                date=resolved,
                date_mention=mention,
                countries=[c for f in found for c in f.countries],
                title=f"Deadline: {mention.mention.text}",
            )
        )
    if not deadlines and (window := granted_window(span_text(sentence))) is not None:
        days, start, end = window
        phrase = sentence.char_span(start, end, alignment_mode="expand")
        if phrase is not None:
            deadlines.append(
                Candidate(
                    type=DEADLINE,
                    trigger=phrase,
                    sentence=sentence,
                    status="planned",
                    countries=[c for f in found for c in f.countries],
                    title=f"Deadline: {phrase.text}",
                    window_days=days,
                )
            )
    return deadlines[:1]


def is_target_day(mention: DatedMention, published_at: datetime.date) -> bool:
    """ "a binding deal by March 31", "to finish the inquiries by mid-July": a near day or month
    set as a target is a deadline; "by 2027", "invest $500 billion by 2029" are horizons."""
    resolved = mention.mention.resolved
    return (
        preceded_by(mention, {"by"})
        and resolved is not None
        and (resolved.end - resolved.start).days <= 31
        and (resolved.start - published_at).days <= 366
    )


LAPSING_VERBS = frozenset({"expire", "end", "lapse", "run"})


def respite_lapsing_on(mention: DatedMention) -> bool:
    """ "The 90-day pause expired on Wednesday", "the reprieve lapsed at midnight": the day a
    reprieve ran out is a deadline, met or to come, told by the verb of its end."""
    verb = grammar.governing_verb(mention.span.root)
    if verb.lemma_.lower() not in LAPSING_VERBS:
        return False
    if verb.lemma_.lower() == "run" and not any(c.lower_ == "out" for c in verb.children):
        return False
    return any(
        c.dep_ in {"nsubj", "nsubjpass"}
        and c.lemma_.lower() in narrative_reading.RESPITE_NOUNS | {"period", "window"}
        for c in verb.children
    )


def ends_a_meeting(mention: DatedMention, found: list[Candidate]) -> bool:
    """The end bound is a meeting's own: "the talks, scheduled to run through July 11", "the
    round runs until Friday" (the verb it hangs on describes the meeting or has it as subject)."""
    meetings = {c.trigger.root.i for c in found if c.type == MEETING}
    token = grammar.governing_verb(mention.span.root)
    for _ in range(4):
        if any(c.dep_ in {"nsubj", "nsubjpass"} and c.i in meetings for c in token.children):
            return True
        if token.dep_ not in {"xcomp", "acl", "relcl"}:
            return False
        token = token.head
        if token.i in meetings:
            return True
    return False


def statement_candidate(
    sentence: Span,
    dated: list[DatedMention],
    triggers: list[Span],
    found: list[Candidate],
    *,
    published_at: datetime.date,
    gazetteer: Gazetteer,
    lower_countries: dict[str, str],
) -> Candidate | None:
    """A dated on-the-record statement ("Bessent told reporters on Monday that ..."), unless the
    sentence's news is a new event of its own ("said on Monday he would impose tariffs")."""
    statement = statements.statement_in(sentence, gazetteer, lower_countries)
    if statement is None:
        return None
    if not statements.issues_statement(statement.verb) and any(
        c.type == TARIFF or (not c.definite and c.type != DEADLINE)
        for c in found
        if c.date is not None or (c.tariff is not None and c.tariff.rate_percent is not None)
    ):
        return None  # "issued a statement after the tariffs were imposed" tells both
    verb_span = sentence[statement.verb.i - sentence.start : statement.verb.i - sentence.start + 1]
    when = grammar.attached_date(
        statement.verb,
        [d for d in dated if not attachment.dates_a_deadline(d, verb_span)],
    )  # "says the minister, ahead of the August 1 deadline": the deadline's day, not hers
    strong = statement.verb.lemma_.lower() in STRONG_STATEMENT_VERBS or any(
        c.dep_ in {"ccomp", "xcomp"} and c.lemma_.lower() in STRONG_STATEMENT_VERBS
        for c in statement.verb.children
    )  # "said he again urged ..."
    quoted = when is None and not strong and statements.quotes_in_person(statement, sentence)
    if when is None and not strong and not quoted:
        return None
    date = (
        resolve_date(when.mention.text, published_at=published_at, tense="past") if when else None
    )
    participants = [statement.speaker] if statement.speaker_is_person else []
    countries = grammar.unique(
        [
            *parties.countries_of(participants, gazetteer),
            *parties.countries_in(sentence, gazetteer, lower_countries),
        ]
    )
    candidate = Candidate(
        type=STATEMENT,
        trigger=verb_span,
        sentence=sentence,
        status="happened",
        date=date or (when.mention.resolved if when else None),
        date_mention=when,
        participants=participants,
        countries=countries,
    )
    candidate.title = titles.statement_title(statement)
    candidate.needs_speakers_event = quoted
    return candidate
