"""One candidate event read from one trigger in its sentence: whether it is an event at all,
its status, parties, date and, for tariffs, what is done at what rate."""

from __future__ import annotations

import datetime

from spacy.tokens import Span

from . import (
    attachment,
    grammar,
    meeting_reading,
    modality,
    narrative_reading,
    offsets,
    parties,
    statements,
    tariff_details,
    tariff_measures,
)
from .candidate import Candidate, DatedMention
from .event_dating import (
    date_deadline,
    dated_by_its_end,
    is_end_bound,
    is_start_bound,
    names_date,
    preceded_by,
    resolve_for_status,
    sentence_date_for,
    shift,
    spanning_its_days,
    through_joined_day,
)
from .patterns import AGREEMENT, ANNOUNCEMENT, DEADLINE, MEETING, TARIFF
from .tariff_dating import date_announced_tariff, date_tariff
from .types import Gazetteer


def read_candidate(
    trigger: Span,
    sentence: Span,
    dated: list[DatedMention],
    sentence_triggers: list[Span],
    *,
    published_at: datetime.date,
    gazetteer: Gazetteer,
    lower_countries: dict[str, str],
) -> Candidate | None:
    kind = trigger.label_
    if any(d.span.start <= trigger.start < d.span.end for d in dated):
        return None  # "the deadline" inside a date phrase is part of the date
    if kind == TARIFF and (
        tariff_measures.modifies_other_noun(trigger)
        or not tariff_measures.is_tariff_measure(trigger, sentence)
        or attachment.is_comparison(trigger)
        or attachment.is_negated(trigger)
        or attachment.is_topic(trigger)
        or attachment.is_backdrop(trigger)
        or meeting_reading.is_subject_of_talks(trigger)
        or attachment.is_condition(trigger)
        or statements.enclosing_trigger(trigger, sentence_triggers, DEADLINE)
    ):
        return None  # "tariff talks"; "the rate was the lowest"; "instead of the 25% rate"
    if kind == MEETING and (
        statements.is_reporting_audience(trigger)
        or meeting_reading.is_negated_meeting(trigger)
        or meeting_reading.describes_subject(trigger)
        or meeting_reading.is_time_prefixed(trigger)
        or meeting_reading.is_long_process(trigger)
        or meeting_reading.names_something_else(trigger)
        or meeting_reading.is_domestic_meeting(trigger)
        or meeting_reading.is_not_a_meeting(trigger)
    ):
        return None
    if kind == ANNOUNCEMENT:
        # "announced a trade agreement": the agreement is the event; "signed the order on
        # Monday" with nothing said of what it does is no timeline entry of its own (what the
        # order does is, from the sentences that tell it). The trigger stays, for the people
        # and clauses of the sentence's other events.
        return None
    if kind == AGREEMENT and (
        not (
            modality.deal_is_made(trigger)
            or attachment.deal_dated_in_the_past(trigger, dated, published_at)
        )
        or meeting_reading.is_negotiating_framework(trigger)
        or attachment.deals_of_many(trigger)
        or modifies_deal(trigger, sentence_triggers)
        or extended_by_agreeing(trigger, sentence_triggers)
    ):
        return None  # "without a deal", "the framework is meant to": no deal is made here
    status = modality.status_of(trigger, sentence)
    if kind == TARIFF and status == "planned" and tariff_measures.in_force_at_once(sentence):
        status = "happened"  # "will cut tariffs to 18%, effective immediately"
    scheduled = tariff_measures.averted_schedule(trigger) if kind == TARIFF else None
    if scheduled is not None:
        status = scheduled  # "the accord averts the levies due on Monday": called off
    if status in {"planned", "speculative"} and attachment.past_date_of_its_own(trigger, dated):
        status = "happened"  # "would conclude after a meeting late last month": that one was held
    participants = parties.people_for(trigger, sentence_triggers, sentence, gazetteer)
    countries = grammar.unique(
        [
            *parties.countries_in(sentence, gazetteer, lower_countries),
            *parties.countries_of(participants, gazetteer),
        ]
    )
    candidate = Candidate(
        type=kind,
        trigger=trigger,
        sentence=sentence,
        status=status,
        participants=participants,
        countries=countries,
        definite=modality.is_definite(trigger),
    )
    usable = attachment.dates_of_own_clause(
        trigger,
        [d for d in dated if not is_end_bound(d) and not (kind == MEETING and is_start_bound(d))],
    )
    if status == "cancelled":  # the calling-off's own date is not the meeting's
        undoing = modality.cancelling_verb_over(trigger, sentence)
        undoers = [] if undoing is None else [undoing]
        if undoing is not None and undoing.pos_ == "NOUN":
            undoers.append(grammar.governing_verb(undoing))  # "Ottawa confirmed on
            # Friday the cancellation of next week's round": Friday is the calling-off's
        usable = [d for d in usable if all(grammar.attached_date(u, [d]) is None for u in undoers)]
    date_mention = grammar.closest_date(
        trigger, usable, status="planned" if status == "cancelled" else status
    )
    until = next((d for d in dated if is_end_bound(d) and d.mention.resolved is not None), None)
    if date_mention is not None:
        candidate.date_mention = date_mention
        candidate.date = resolve_for_status(date_mention, status, published_at)
        offset = offsets.offset_before(date_mention)
        if (
            offset is not None
            and candidate.date is not None
            and not names_date(trigger, date_mention)
        ):
            shifted = shift(candidate.date, offset[0], text=offset[1])
            if shifted is not None:
                candidate.date = shifted
                candidate.date_source = "anchored"
    if kind == MEETING and candidate.date is None and until is not None:
        candidate = dated_by_its_end(candidate, until, published_at=published_at)
    if kind == MEETING:
        candidate.location = parties.location_near(trigger, sentence)
        durations = [
            d
            for d in dated
            if d.mention.type == "DURATION"
            and grammar.tree_distance(trigger.root, d.span.root) <= 5
        ]
        for d in durations:
            candidate.duration_minutes = parties.duration_minutes(d.mention.text)
            if candidate.duration_minutes:
                break
        candidate.date = spanning_its_days(candidate, durations)
        candidate.date = through_joined_day(candidate, dated, published_at=published_at)
    if kind == TARIFF:
        candidate.tariff = tariff_details.tariff_details(
            trigger,
            sentence,
            gazetteer=gazetteer,
            lower_countries=lower_countries,
            participants=participants,
            context_countries=countries,
        )
        candidate.participants = [p for p in participants if is_agent(p, trigger, sentence)]
        tariff = candidate.tariff
        if tariff.target_country and tariff.imposing_country:
            # a measure concerns who imposes it and who is hit, not every country named nearby
            candidate.countries = [tariff.imposing_country, tariff.target_country]
        pause = next(
            (
                d.mention.duration_days
                for d in dated
                if d.mention.type == "DURATION"
                and d.mention.duration_days
                and not offsets.is_offset(d)  # "two days after announcing": not a span
            ),
            None,
        )
        candidate.pause_days = pause
        if not candidate.tariff.action:
            return None  # "covering tariffs, non-tariff barriers...": a topic, not a measure
        if (
            candidate.tariff.action in {"lowered", "removed", "exempted"}
            and candidate.tariff.rate_percent is None
            and tariff_measures.is_sought_change(trigger, sentence)
        ) or tariff_measures.is_negotiated_over(trigger, sentence):
            return None  # "talks focused on lowering tariffs": what is sought, not a step
        if candidate.date_mention is None and attachment.in_since_clause(trigger):
            return None  # "their first trip since Ottawa put a 30% levy on steel": background
        if candidate.date_mention is not None and preceded_by(candidate.date_mention, {"since"}):
            candidate.status = "happened"  # "a 10 percent tariff, in force since Saturday"
        if scheduled is None and not told_by_its_target(candidate, gazetteer, lower_countries):
            candidate = date_announced_tariff(candidate, dated, published_at=published_at)
        if candidate.date is None:
            deal = statements.enclosing_trigger(trigger, sentence_triggers, AGREEMENT)
            deal_date = deal and grammar.closest_date(
                deal, attachment.dates_of_own_clause(deal, dated)
            )
            if deal_date:
                candidate.date = resolve_for_status(deal_date, "happened", published_at)
                candidate.date_mention = deal_date
        if candidate.date is None and not (
            candidate.tariff.rate_percent is None and attachment.is_reference(trigger)
        ):  # "a response to tariffs imposed by Trump": a known measure, not the day's news
            # the dates of its own clause (not "Monday's summit", nor a describing clause)
            fallback = sentence_date_for(trigger, usable)
            if fallback is not None:
                candidate.date_mention = fallback
                candidate.date = resolve_for_status(fallback, status, published_at)
        candidate = date_tariff(candidate, until=until, published_at=published_at)
    elif kind == DEADLINE:
        candidate = date_deadline(candidate, until=until, published_at=published_at)
    return candidate


def modifies_deal(trigger: Span, sentence_triggers: list[Span]) -> bool:
    """ "framework agreements": the modifier is part of the deal its head names."""
    root = trigger.root
    return root.dep_ in {"compound", "amod"} and any(
        other.label_ == AGREEMENT and other.root.i == root.head.i for other in sentence_triggers
    )


def extended_by_agreeing(trigger: Span, sentence_triggers: list[Span]) -> bool:
    """ "agreed to extend the truce": one accord, the agreeing (dated and made then), not a
    second one still to come."""
    root = trigger.root
    verb = root.head
    return (
        root.dep_ == "dobj"
        and verb.lemma_.lower() in narrative_reading.EXTENDING_VERBS
        and verb.dep_ == "xcomp"
        and any(
            other.label_ == AGREEMENT and other.root.i == verb.head.i for other in sentence_triggers
        )
    )


def told_by_its_target(
    candidate: Candidate, gazetteer: Gazetteer, lower_countries: dict[str, str]
) -> bool:
    """ "US duties on Korean cars are set to be cut by October 1, Seoul's minister said on
    Tuesday": the target's official reports a step the imposer takes later; his words are not
    the imposer's announcement, so the measure keeps its own day."""
    tariff = candidate.tariff
    verb = statements.announcing_verb(candidate.trigger, candidate.sentence)
    if tariff is None or verb is None or not tariff.target_country:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    speaker = statements.country_of_actor(subject, candidate.sentence, gazetteer, lower_countries)
    return speaker == tariff.target_country


def is_agent(name: str, trigger: Span, sentence: Span) -> bool:
    """People named with a tariff are kept when they act on it (Trump imposes, Bessent announces)."""
    return any(
        ent.label_ == "PERSON"
        and (ent.ent_id_ or ent.text) == name
        and grammar.tree_distance(trigger.root, ent.root) <= 4
        for ent in grammar.ents_in(sentence)
    )
