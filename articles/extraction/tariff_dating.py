"""Dating a tariff measure: the day it was announced, the later day it applies from, and the
days a pause runs.

Split from the general dating of events (event_dating.py) because a measure has more than one
day: "said on Monday he would impose 25% from June 1" is dated on Monday's announcement, with
June 1 kept as when it is in force (the measure on that day is tariff_steps.taking_effect)."""

from __future__ import annotations

import datetime
import re
from dataclasses import replace

from spacy.tokens import Span, Token

from . import (
    grammar,
    statements,
)
from .candidate import Candidate, DatedMention
from .dates import (
    ResolvedDate,
    add_duration,
    resolve_date,
)
from .patterns import LETTER_SENDING_VERBS

# A cut announced or agreed on a day is a plan dated that day: it takes effect later
# ("said on Friday that duties will be cut to 15%"); a new or higher duty announced on a day
# is the announcement, which happened.
AGREED_CHANGES = frozenset({"lowered"})


def date_announced_tariff(
    candidate: Candidate, dated: list[DatedMention], *, published_at: datetime.date
) -> Candidate:
    """A future measure announced on a day is an announcement that happened that day:
    "Trump said on Monday he would impose 25 percent tariffs" -> announced, Monday."""
    if candidate.tariff is None:
        return candidate
    if candidate.status == "happened":
        return dated_by_its_announcement(candidate, dated, published_at=published_at)
    if candidate.status not in {"planned", "speculative"}:
        return candidate
    verb = statements.announcing_verb(candidate.trigger, candidate.sentence)
    if verb is None and candidate.status == "planned":
        agreed = agreed_with_effective_day(candidate, dated, published_at=published_at)
        if agreed is not None:
            return agreed
        return dated_by_announcement_noun(candidate, dated, published_at=published_at)
    if verb is None or verb.morph.get("Tense") != ["Past"]:
        return candidate
    if is_undated_notice(candidate, verb, dated):
        candidate.status = "happened"  # the notice is the news; the story dates it
        if candidate.tariff.action in {"imposed", "raised"}:
            candidate.tariff = replace(candidate.tariff, action="announced")
        return candidate
    conditional = grammar.has_condition(grammar.governing_verb(candidate.trigger.root))
    threat = verb.lemma_.lower() in THREAT_VERBS
    if candidate.status == "speculative" and not (conditional or threat):
        return candidate  # "said it was prepared to take countermeasures": a stance, not a step
    when = dated_act_in_between(candidate.trigger, verb, dated) or grammar.attached_date(
        verb, dated
    )
    if when is None and grammar.is_when_clause(verb):
        when = grammar.attached_date(
            verb.head, dated
        )  # "relief came on July 30, when he announced"
    if when is None:
        return candidate
    others = [d for d in dated if d is not when]
    own = grammar.closest_date(candidate.trigger, others, status="planned") or effective_from(
        others
    )
    effective = (
        resolve_date(own.mention.text, published_at=published_at, tense="future") if own else None
    )
    day = resolve_date(when.mention.text, published_at=published_at, tense="past")
    candidate = as_announced(
        candidate,
        when,
        day or when.mention.resolved,
        in_force=effective,
        effective=own,
        threat=threat,
    )
    if conditional:
        return candidate  # a conditional step stays a threat, dated by its telling
    if candidate.tariff.action not in AGREED_CHANGES:
        candidate.status = "happened"
    elif candidate.takes_effect is not None:
        # "agreed on Monday to cut duties to 15%, effective August 1": the cut is told on
        # the day it applies (taking_effect); Monday's event is its announcement
        candidate.status = "happened"
        candidate.tariff = replace(candidate.tariff, action="announced")
    return candidate


def agreed_with_effective_day(
    candidate: Candidate, dated: list[DatedMention], *, published_at: datetime.date
) -> Candidate | None:
    """ "The US agreed on Monday to lower tariffs to 15 percent, effective August 1": Monday
    is when the cut was agreed and told (an announcement, done), August 1 when it applies
    (taking_effect); None when the sentence names no later day it applies from."""
    effective = effective_from(dated)
    if effective is None or candidate.date_mention not in (None, effective):
        return None
    others = [d for d in dated if d is not effective]
    verb = grammar.governing_verb(candidate.trigger.root)
    when = None
    for told in [verb, *list(verb.ancestors)[:2]]:
        if (when := grammar.attached_date(told, others)) is not None:
            break
    if when is None:
        return None
    day = resolve_date(when.mention.text, published_at=published_at, tense="past")
    in_force = resolve_date(effective.mention.text, published_at=published_at, tense="future")
    if day is None or in_force is None or day.end > published_at:
        return None
    candidate = as_announced(candidate, when, day, in_force=in_force, effective=effective)
    if candidate.takes_effect is None:
        return None
    candidate.status = "happened"
    candidate.tariff = replace(candidate.tariff, action="announced")
    return candidate


EFFECTIVE_FROM = re.compile(
    r"\b(?:effective|with\s+effect|starting|beginning)(?:\s+(?:from|on|as\s+of))?\s*$", re.I
)


def effective_from(dated: list[DatedMention]) -> DatedMention | None:
    """A day named as when a measure applies: "..., effective August 1"."""
    for each in dated:
        before = grammar.left_context(each.span, 3).text
        if each.mention.resolved is not None and EFFECTIVE_FROM.search(before):
            return each
    return None


UNVEILING_VERBS = frozenset({"announce", "unveil"})


def is_unveiling(verb: Token) -> bool:
    """ "announced", and "sent a letter": the 2025 letters told each partner its new rate."""
    lemma = verb.lemma_.lower()
    return lemma in UNVEILING_VERBS or (
        lemma in LETTER_SENDING_VERBS
        and any(c.lemma_.lower() == "letter" for c in verb.children if c.dep_ in {"dobj", "dative"})
    )


ANNOUNCEMENT_NOUNS = frozenset({"announcement", "unveiling"})


def dated_by_announcement_noun(
    candidate: Candidate, dated: list[DatedMention], *, published_at: datetime.date
) -> Candidate:
    """ "The announcement of the duties on Wednesday was part of a plan to impose 10% from
    April 5", "Wednesday's announcement of a 20% levy": a dated announcement in the sentence
    dates the measures it tells, announced that day (their own day is when they apply)."""
    for noun in candidate.sentence:
        if noun.lemma_.lower() not in ANNOUNCEMENT_NOUNS or noun.pos_ != "NOUN":
            continue
        told = {t.i for t in noun.subtree}
        when = next(
            (
                d
                for d in dated
                if d.mention.resolved is not None
                and (d.span.root.i in told and d.span.root.head.i != candidate.trigger.root.i)
            ),
            None,
        )
        if when is None:
            continue
        day = resolve_date(when.mention.text, published_at=published_at, tense="past")
        if day is None or day.start > published_at:
            return candidate
        candidate = as_announced(
            candidate, when, day, in_force=candidate.date, effective=candidate.date_mention
        )
        candidate.status = "happened"
        return candidate
    return candidate


THREAT_VERBS = frozenset({"threaten", "warn"})
# acts that apply from a day; a pause runs from its announcement until the day it names
APPLIED_ACTIONS = frozenset({"imposed", "raised", "lowered", "removed", "exempted"})


def as_announced(
    candidate: Candidate,
    when: DatedMention,
    day: ResolvedDate,
    *,
    in_force: ResolvedDate | None,
    effective: DatedMention | None = None,
    threat: bool = False,
) -> Candidate:
    """The measure dated on the day it was announced, its own day kept as when it applies
    (and, when the sentence names that later day, as the step ``taking_effect`` reads: a
    threat's step stays a threat, "threatened on Friday to impose 50% from June 1")."""
    action = candidate.tariff.action
    if (
        effective is not None
        and in_force is not None
        and in_force.precision == "day"  # a day it applies from, not "about a month later"
        and in_force.start > day.end
        and (action in APPLIED_ACTIONS or action == "announced")
    ):
        applied = "imposed" if action == "announced" else action  # "announced tariffs"
        speculative = threat or candidate.status == "speculative"
        candidate.takes_effect = (effective, in_force, applied, speculative)
    candidate.date_mention = when
    candidate.date = day
    candidate.tariff = replace(
        candidate.tariff,
        action="announced" if action in {"imposed", "raised"} else action,
        in_force_from=in_force.start.isoformat() if in_force else candidate.tariff.in_force_from,
    )
    return candidate


NOTIFYING_VERBS = frozenset({"notify", "inform", "announce", "unveil"})


def is_undated_notice(candidate: Candidate, verb: Token, dated: list[DatedMention]) -> bool:
    """ "Washington has informed Ottawa it intends to levy 30% duties": a planned measure
    whose notice is told as done (the present perfect), with no day of its own: the notice
    happened, on the story's day."""
    return (
        candidate.status == "planned"
        and candidate.date is None
        and is_notice_told_as_done(verb)
        and grammar.attached_date(verb, dated) is None
    )


def is_notice_told_as_done(verb: Token) -> bool:
    """ "has notified", "have announced": a notice in the present perfect."""
    return verb.lemma_.lower() in NOTIFYING_VERBS and grammar.has_perfect_aux(verb)


def dated_act_in_between(
    trigger: Span, announcing: Token, dated: list[DatedMention]
) -> DatedMention | None:
    """ "The minister told reporters on Tuesday she had called her counterpart on Sunday and
    obtained the delay, which postpones the rise": the measure was won in the dated act the
    report tells (Sunday), not on the day of the report."""
    for verb in grammar.ancestors_within(trigger.root, trigger.sent):
        if verb == announcing:
            return None
        if verb.pos_ == "VERB" and verb.tag_ == "VBD":
            when = grammar.attached_date(verb, dated)
            if when is not None:
                return when
    return None


def dated_by_its_announcement(
    candidate: Candidate, dated: list[DatedMention], *, published_at: datetime.date
) -> Candidate:
    """ "Trump on April 2 announced a 24% tariff, effective April 9": both days are given, so
    the measure is dated on the announcement (the effective day is kept as when it is in force),
    not on whichever date the parser hangs nearer the noun."""
    verb = statements.announcing_verb(candidate.trigger, candidate.sentence)
    effective = candidate.date_mention
    if verb is None or not is_unveiling(verb) or effective is None:
        return candidate
    when = grammar.attached_date(verb, dated)
    if when is not None and when is effective:
        effective = applying_date(verb, dated)  # "announced on Tuesday ..., to apply from"
    if when is None or effective is None or when is effective:
        return candidate
    day = resolve_date(when.mention.text, published_at=published_at, tense="past")
    if day is None:
        return candidate
    in_force = resolve_date(effective.mention.text, published_at=published_at, tense="future")
    return as_announced(candidate, when, day, in_force=in_force, effective=effective)


APPLYING_VERBS = frozenset({"apply", "start", "begin", "kick", "take"})


def applying_date(verb: Token, dated: list[DatedMention]) -> DatedMention | None:
    """The day a clause of the announcing verb says the measure applies from ("announced
    tariffs on Tuesday, to apply from Feb. 10", "..., taking effect on March 4")."""
    for each in dated:
        clause = grammar.governing_verb(each.span.root)
        if (
            clause.lemma_.lower() in APPLYING_VERBS
            and clause.dep_ in {"advcl", "xcomp", "conj", "acl"}
            and clause.head in {verb, *verb.children}
        ):
            return each
    return None


def date_tariff(
    candidate: Candidate, *, until: DatedMention | None, published_at: datetime.date
) -> Candidate:
    """Pauses run to an end. "Paused until early July under a 90-day reprieve" covers the 90
    days before early July; "put on hold on Monday for 30 days" ends 30 days after Monday."""
    tariff = candidate.tariff
    if tariff is None:
        return candidate
    if until is not None and until.mention.resolved is not None:
        end = (
            resolve_date(until.mention.text, published_at=published_at, tense="future")
            or until.mention.resolved
        )
        tariff = replace(tariff, in_force_to=end.end.isoformat())
        if candidate.date is None and candidate.pause_days:
            start = end.start - datetime.timedelta(days=candidate.pause_days)
            candidate.date = ResolvedDate(
                start=start,
                end=end.end,
                precision="range",
                text=until.mention.text,
                timex=end.timex,
                computed=True,
                explanation=f"a {candidate.pause_days}-day pause ending '{until.mention.text}' "
                f"({end.start.isoformat()}..{end.end.isoformat()}): from about {start.isoformat()}",
            )
            tariff = replace(tariff, in_force_from=start.isoformat())
    elif candidate.date is not None and candidate.pause_days and tariff.action == "paused":
        end = add_duration(
            candidate.date, candidate.pause_days, text=f"{candidate.pause_days}-day pause"
        )
        tariff = replace(
            tariff,
            in_force_from=candidate.date.start.isoformat(),
            in_force_to=end.end.isoformat(),
        )
    candidate.tariff = tariff
    return candidate
