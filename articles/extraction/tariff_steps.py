"""The further tariff measures one sentence tells besides the one it is about: the measure on
the day it takes effect, and the earlier act or later step a clause describing it gives.

Each is a measure of its own, with its own date and rate, that the pipeline adds after reading
the sentence's candidate; kept apart from tariff_dating.py, which dates that candidate itself."""

from __future__ import annotations

import datetime
from dataclasses import replace

from spacy.tokens import Span, Token

from . import (
    attachment,
    grammar,
    tariff_rates,
)
from .candidate import Candidate, DatedMention
from .dates import resolve_date


def taking_effect(candidate: Candidate, *, published_at: datetime.date) -> Candidate | None:
    """The measure on the day it applies, besides its announcement: "Y said Thursday she would
    raise duties to 40% from June 1" is an announcement on Thursday and a rise from June 1,
    planned while that day is ahead (a threat stays one); None when the sentence names no
    later day."""
    if candidate.takes_effect is None or candidate.tariff is None:
        return None
    current = {
        value
        for value, _, former in tariff_rates.percent_mentions(candidate.sentence)
        if not former
    }
    if len(current) > 1:
        return None  # "a 10% floor from May 3 and steeper rates for some": whose day is it?
    mention, day, action, speculative = candidate.takes_effect
    ahead = day.start > published_at
    return replace(
        candidate,
        status="speculative" if speculative else "planned" if ahead else "happened",
        date=day,
        date_mention=mention,
        date_source="own",
        pause_days=None,
        takes_effect=None,
        tariff=replace(candidate.tariff, action=action, in_force_from=day.start.isoformat()),
    )


def described_step(
    candidate: Candidate, dated: list[DatedMention], *, published_at: datetime.date
) -> Candidate | None:
    """The earlier act a clause describing the measure tells with its own date ("The 20% levy
    that Oslo imposed on March 3 was cut on Tuesday": imposed on March 3, besides Tuesday's
    cut), as a measure of its own; None when the sentence tells none."""
    if candidate.tariff is None:
        return None
    step = attachment.scheduled_step(candidate.trigger, dated)
    if step is not None:
        return stepped_rate(candidate, *step, published_at=published_at)
    found = attachment.described_act(candidate.trigger, dated)
    if found is None:
        return None
    action, when = found
    day = resolve_date(when.mention.text, published_at=published_at, tense="past")
    if (
        day is None
        or day.start > published_at
        or (candidate.date is not None and day.start == candidate.date.start)
    ):
        return None
    rate = own_rate(candidate.trigger)
    return replace(
        candidate,
        status="happened",
        date=day,
        date_mention=when,
        date_source="own",
        pause_days=None,
        tariff=replace(candidate.tariff, action=action, rate_percent=rate, in_force_from=None),
    )


def stepped_rate(
    candidate: Candidate,
    verb: Token,
    when: DatedMention,
    *,
    published_at: datetime.date,
    action: str | None = None,
) -> Candidate | None:
    """The later change a describing clause schedules ("which will rise to 45% on July 1"):
    a measure of its own, at the rate it goes to, on its day (the action the verb tells)."""
    future = any(c.dep_ == "aux" and c.lower_ in grammar.FUTURE_AUX for c in verb.children)
    day = resolve_date(
        when.mention.text, published_at=published_at, tense="future" if future else "past"
    )
    if day is None:
        return None
    rate = rate_within(
        {
            t.i
            for prep in verb.children
            if prep.dep_ == "prep" and prep.lower_ == "to"
            for t in prep.subtree
        },
        candidate.sentence,
    )
    return replace(
        candidate,
        status="planned" if day.start > published_at else "happened",
        date=day,
        date_mention=when,
        date_source="own",
        pause_days=None,
        tariff=replace(
            candidate.tariff,
            action=action or attachment.STEP_VERBS[verb.lemma_.lower()],
            rate_percent=rate,
            in_force_from=None,
        ),
    )


def own_rate(trigger: Span) -> float | None:
    """The rate written on the measure's noun ("the 20% levy"), not the one it changes to."""
    return rate_within(
        {
            t.i
            for child in trigger.root.children
            if child.dep_ in {"nmod", "compound", "amod", "nummod"}
            for t in child.subtree
        },
        trigger.sent,
    )


def rate_within(tokens: set[int], sentence: Span) -> float | None:
    """The first rate the sentence writes within these tokens, read as tariffs reads rates
    ("20%", "ten percent", "15pc", "a 10-percent")."""
    return next(
        (
            value
            for value, span, _former in tariff_rates.percent_mentions(sentence)
            if span.root.i in tokens
        ),
        None,
    )


def follow_on_step(
    candidate: Candidate, dated: list[DatedMention], *, published_at: datetime.date
) -> Candidate | None:
    """The next step of a dated measure that a later clause of the sentence tells with a day of
    its own: "raised duties to 20% in May, then cut them to 12% in October" is a cut in
    October besides May's rise. None when the sentence goes on to no such step. (A pause "until"
    a day is left to deadlines_in, which dates the pause's end.)"""
    if candidate.tariff is None or candidate.date is None:
        return None  # an undated measure would take the step's day from its sentence
    found = attachment.follow_on_verb(candidate.trigger)
    if found is None:
        return None
    verb, action = found
    own = {t.i for t in verb.subtree}
    when = next(
        (
            d
            for d in dated
            if d.span.root.i in own and d is not candidate.date_mention and d.mention.type == "DATE"
        ),
        None,
    )
    if when is None:
        return None  # "raised it again within weeks": no day of its own
    step = stepped_rate(candidate, verb, when, published_at=published_at, action=action)
    if step is None or step.date.start == candidate.date.start:
        return None
    return replace(step, takes_effect=None)
