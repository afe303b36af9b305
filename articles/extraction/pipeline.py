"""The extraction pipeline: text in, dated and sourced events out.

`extract()` is the whole contract: spaCy parses and labels (components.py); this module reads
one candidate event per trigger, sentence by sentence, with plain functions for what each
part means (modality, parties, tariffs, statements, dating); then references.py and
narrative.py date what the sentences leave undated, consistency.py checks status against
date, and merging.py turns mentions into events.
"""

from __future__ import annotations

import bisect
import datetime
import re
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import (
    attachment,
    captions,
    chunks,
    consistency,
    grammar,
    legal,
    meeting_reading,
    modality,
    narrative,
    offsets,
    parties,
    statements,
    tariffs,
    titles,
)
from .candidate import Candidate, DatedMention
from .components import TRIGGERS_KEY, add_gazetteer, add_triggers
from .dates import (
    resolve_date,
)
from .dating import (
    date_announced_tariff,
    date_deadline,
    date_tariff,
    dated_by_its_end,
    dated_mentions,
    described_step,
    granted_window,
    is_end_bound,
    is_start_bound,
    names_date,
    preceded_by,
    resolve_for_status,
    sentence_date_for,
    shift,
    spanning_its_days,
    taking_effect,
    through_joined_day,
)
from .merging import merge
from .model import load_model
from .patterns import (
    AGREEMENT,
    ANNOUNCEMENT,
    DEADLINE,
    MEETING,
    RETALIATING_VERBS,
    STATEMENT,
    STRONG_STATEMENT_VERBS,
    TARIFF,
)
from .references import apply_anchors, inherit_dates, sentence_anchors
from .types import ExtractedEvent, Gazetteer

_lock = threading.Lock()


_configured: dict[int, str] = {}


# Sentences without triggers can still hold a statement or a deadline.
MAY_HOLD_EVENT = re.compile(
    r"\b(?:said|says|say|told|tells|briefed|spoke|wrote|urged|urges|warned|warns|vowed|"
    r"pledged|called|insisted|regretted|welcomed|criticized|condemned|until|before|through|till|"
    r"court|justices|judge|sued?|sues|lawsuit|WTO|World Trade Organization|petitioned|"
    r"approved|ratified|passed|introduced|submitted|export|investigations?|probe|inquiry|"
    r"gave|granted|period|window)\b",
    re.I,
)


def get_nlp(gazetteer: Gazetteer) -> Language:
    """The English model with our components, loaded once per process; the gazetteer patterns
    are refreshed only when the gazetteer changes."""
    nlp = load_model()
    fingerprint = gazetteer.fingerprint
    with _lock:
        if _configured.get(id(nlp)) != fingerprint:
            if "timeline_unstick_sentences" not in nlp.pipe_names:
                nlp.add_pipe("timeline_unstick_sentences", before="parser")
            add_gazetteer(nlp, gazetteer)
            add_triggers(nlp)
            _configured[id(nlp)] = fingerprint
    return nlp


def extract(
    text: str, *, published_at: datetime.date, gazetteer: Gazetteer
) -> list[ExtractedEvent]:
    """The events in one article body."""
    doc = chunks.parse_text(get_nlp(gazetteer), text)
    return events_from_doc(doc, published_at=published_at, gazetteer=gazetteer)


def extract_many(
    items: Iterable[tuple[str, datetime.date]], *, gazetteer: Gazetteer, batch_size: int = 16
) -> Iterator[list[ExtractedEvent]]:
    """Batches through nlp.pipe: (body, published) pairs in, one event list per article out
    (long bodies in pieces, see chunks.py)."""
    nlp = get_nlp(gazetteer)
    for doc, published_at in chunks.parse(nlp, items, batch_size=batch_size):
        yield events_from_doc(doc, published_at=published_at, gazetteer=gazetteer)


def events_from_doc(
    doc: Doc, *, published_at: datetime.date, gazetteer: Gazetteer
) -> list[ExtractedEvent]:
    lower_countries = gazetteer.countries_by_lower_alias
    triggers = dedupe_triggers(doc.spans[TRIGGERS_KEY])
    candidates: list[Candidate] = []
    anchors: list[tuple[int, int, int, str]] = []  # (candidate, its anchor, days, phrase)
    sentence_dates: dict[int, list[DatedMention]] = {}
    trigger_starts = [t.start for t in triggers]
    previous = None
    for sentence in doc.sents:
        before, previous = previous, sentence
        in_sentence = triggers_in(sentence, triggers, trigger_starts)
        if not in_sentence and not MAY_HOLD_EVENT.search(sentence.text):
            continue  # no trigger, no statement, no deadline: skip the date scan
        dated = dated_mentions(sentence, published_at)
        sentence_dates[sentence.start] = dated
        if captions.is_caption(sentence.text):
            continue  # the photo's day may date the story; the caption itself tells no event
        first_index = len(candidates)
        acts = legal.acts_in(sentence, before)
        for trigger in in_sentence:
            if legal.told_by_act(trigger, acts, dated):
                continue  # "the court ruled he lacked the power to impose the tariffs"
            candidate = read_candidate(
                trigger,
                sentence,
                dated,
                in_sentence,
                published_at=published_at,
                gazetteer=gazetteer,
                lower_countries=lower_countries,
            )
            if candidate is not None:
                earlier = described_step(candidate, dated, published_at=published_at)
                if earlier is not None:
                    candidates.extend(split_by_target(earlier, lower_countries, gazetteer))
                effect = taking_effect(candidate, published_at=published_at)
                if effect is not None:
                    candidates.extend(split_by_target(effect, lower_countries, gazetteer))
                for each in split_by_target(candidate, lower_countries, gazetteer):
                    candidates.append(each)
                    candidates.extend(calling_off(each, dated, published_at=published_at))
                    candidates.extend(answered_in_kind(each, gazetteer, lower_countries))
        for act in acts:
            candidate = read_candidate(
                act,
                sentence,
                dated,
                [*in_sentence, act],
                published_at=published_at,
                gazetteer=gazetteer,
                lower_countries=lower_countries,
            )
            if candidate is not None:
                candidate.participants = legal.people_of_act(act, candidate.participants)
                candidate.title = legal.act_title(act)
                candidates.append(candidate)
        anchors.extend(sentence_anchors(sentence, candidates, first_index))
        candidates.extend(
            deadlines_in(sentence, dated, candidates[first_index:], published_at=published_at)
        )
        statement = statement_candidate(
            sentence,
            dated,
            in_sentence,
            candidates[first_index:],
            published_at=published_at,
            gazetteer=gazetteer,
            lower_countries=lower_countries,
        )
        if statement is not None:
            candidates.append(statement)
    inherit_dates(candidates)
    apply_anchors(candidates, anchors)  # by index: before any candidate is dropped
    candidates = [c for c in candidates if not (c.needs_speakers_event and c.date is None)]
    fill_imposing_country(candidates)
    complete_parties(candidates, gazetteer)
    narrative.attach_reference_times(
        candidates, published_at=published_at, sentence_dates=sentence_dates
    )
    consistency.enforce(candidates, published_at=published_at)
    return merge(candidates, published_at=published_at, gazetteer=gazetteer)


def fill_imposing_country(candidates: list[Candidate]) -> None:
    """A tariff whose imposer goes unsaid is the article's usual imposer's ("a universal tariff")."""
    imposers = [
        c.tariff.imposing_country for c in candidates if c.tariff and c.tariff.imposing_country
    ]
    if not imposers:
        return
    usual = Counter(imposers).most_common(1)[0][0]  # ties: the first named, deterministically
    for candidate in candidates:
        tariff = candidate.tariff
        if (
            tariff is not None
            and tariff.imposing_country is None
            and tariff.target_country != usual
        ):
            candidate.tariff = replace(tariff, imposing_country=usual)
            candidate.countries = grammar.unique([usual, *candidate.countries])


TWO_SIDES = re.compile(
    r"\b(?:the|both)\s+(?:two\s+)?(?:sides|countries|governments|nations|delegations|leaders)\b"
    r"|\bbilateral\b",
    re.I,
)


def complete_parties(candidates: list[Candidate], gazetteer: Gazetteer) -> None:
    """A meeting or deal needs two parties. When its sentence names fewer ("the two sides
    agreed", "McClay met his counterpart"), the missing one is the article's other main
    country: the two countries most of its events concern. A meeting of people the gazetteer
    cannot place ("Trade Minister Todd McClay met his counterpart") is between those two."""
    counts = Counter(c for candidate in candidates for c in dict.fromkeys(candidate.countries))
    pair = [name for name, n in counts.most_common(2) if n >= 2]
    if len(pair) < 2 and candidates:
        pair = main_countries(candidates[0].sentence.doc, gazetteer)
    if len(pair) < 2:
        return
    for candidate in candidates:
        if candidate.type not in {MEETING, AGREEMENT} or len(candidate.countries) >= 2:
            continue
        if set(candidate.countries) <= set(pair) and (
            candidate.countries
            or TWO_SIDES.search(candidate.sentence.text)
            or (candidate.type == MEETING and candidate.participants)
            or candidate.definite
        ):
            candidate.countries = grammar.unique([*candidate.countries, *pair])


def main_countries(doc: Doc, gazetteer: Gazetteer) -> list[str]:
    """The two countries the article's sentences name most (each at least twice): the story's
    parties when too few of its events name them."""
    lower_countries = gazetteer.countries_by_lower_alias
    counts = Counter(
        name
        for sentence in doc.sents
        for name in parties.countries_in(sentence, gazetteer, lower_countries)
    )
    return [name for name, n in counts.most_common(2) if n >= 2]


def split_by_target(
    candidate: Candidate, lower_countries: dict[str, str], gazetteer: Gazetteer
) -> list[Candidate]:
    """One measure per target country: each has its own rate history. One deal per partner
    when several deals are told at once ("trade frameworks with Peru, Chile and Bolivia"): each is its own agreement."""
    if candidate.type == AGREEMENT:
        return split_by_partner(candidate, lower_countries, gazetteer)
    if candidate.tariff is None:
        return [candidate]
    targets = tariffs.conjoined_targets(candidate.tariff, candidate.sentence, lower_countries)
    if len(targets) < 2:
        return [candidate]
    return [
        replace(
            candidate,
            tariff=replace(candidate.tariff, target_country=target),
            countries=grammar.unique([candidate.tariff.imposing_country, target]),
        )
        for target in targets
    ]


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
        and verb.lemma_.lower() in narrative.EXTENDING_VERBS
        and verb.dep_ == "xcomp"
        and any(
            other.label_ == AGREEMENT and other.root.i == verb.head.i for other in sentence_triggers
        )
    )


def split_by_partner(
    candidate: Candidate, lower_countries: dict[str, str], gazetteer: Gazetteer
) -> list[Candidate]:
    root = candidate.trigger.root
    if root.tag_ != "NNS":
        return [candidate]  # "a deal with Japan and Korea" stays one deal
    with_phrase = next(
        (c for c in root.children if c.dep_ == "prep" and c.lower_ in {"with", "between"}), None
    )
    if with_phrase is None:
        return [candidate]
    doc = root.doc
    partners = parties.countries_in(
        doc[with_phrase.left_edge.i : with_phrase.right_edge.i + 1], gazetteer, lower_countries
    )
    if len(partners) < 2:
        return [candidate]
    others = [c for c in candidate.countries if c not in partners]
    return [
        replace(candidate, countries=grammar.unique([*others, partner])) for partner in partners
    ]


# what a deadline of the timeline bounds: duties and trade, a truce, a pause, talks, a deal
DEADLINE_CONTEXT = narrative.RESPITE_NOUNS | {
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
        if not (is_end_bound(mention) or preceded_by(mention, {"before"})):
            continue
        if ends_a_meeting(mention, found):
            continue  # "the talks, scheduled to run through July 11": when the round ends
        if resolved.start <= published_at:
            continue
        deadlines.append(
            Candidate(
                type=DEADLINE,
                trigger=mention.span,
                sentence=sentence,
                status="planned",
                date=resolved,
                date_mention=mention,
                countries=[c for f in found for c in f.countries],
                title=f"Deadline: {mention.mention.text}",
            )
        )
    if not deadlines and (window := granted_window(sentence.text)) is not None:
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
    when = grammar.attached_date(statement.verb, dated)
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
        trigger=sentence[statement.verb.i - sentence.start : statement.verb.i - sentence.start + 1],
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


def dedupe_triggers(spans: Iterable[Span]) -> list[Span]:
    """Triggers without overlaps, longest first where two start together. Taken in order of
    start, a span overlaps a kept one exactly when it starts before the furthest end so far."""
    result = []
    furthest_end = -1
    for span in sorted(spans, key=lambda s: (s.start, -len(s))):
        if span.start < furthest_end:
            continue
        furthest_end = span.end
        result.append(span)
    return result


def triggers_in(sentence: Span, triggers: list[Span], starts: list[int]) -> list[Span]:
    """The triggers inside a sentence, by bisection over their (sorted) starts."""
    first = bisect.bisect_left(starts, sentence.start)
    found = []
    for index in range(first, len(triggers)):
        trigger = triggers[index]
        if trigger.start >= sentence.end:
            break
        if trigger.end <= sentence.end:
            found.append(trigger)
    return found


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
        tariffs.modifies_other_noun(trigger)
        or not tariffs.is_tariff_measure(trigger, sentence)
        or attachment.is_comparison(trigger)
        or attachment.is_negated(trigger)
        or attachment.is_topic(trigger)
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
    if kind == TARIFF and status == "planned" and tariffs.in_force_at_once(sentence):
        status = "happened"  # "will cut tariffs to 18%, effective immediately"
    scheduled = tariffs.averted_schedule(trigger) if kind == TARIFF else None
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
        usable = [
            d for d in usable if undoing is None or grammar.attached_date(undoing, [d]) is None
        ]
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
        candidate.tariff = tariffs.tariff_details(
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
            and tariffs.is_sought_change(trigger, sentence)
        ) or tariffs.is_negotiated_over(trigger, sentence):
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


def answered_in_kind(
    candidate: Candidate, gazetteer: Gazetteer, lower_countries: dict[str, str]
) -> list[Candidate]:
    """ "Delhi raised its levies on US almonds, and Washington answered in kind": the
    target's counter-duties on the imposer are a measure of their own, of the same time."""
    tariff = candidate.tariff
    if (
        candidate.type != TARIFF
        or tariff is None
        or not (tariff.imposing_country and tariff.target_country)
        or tariff.action not in {"imposed", "raised"}
        or candidate.status != "happened"
    ):
        return []
    for verb in candidate.sentence:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in RETALIATING_VERBS:
            continue
        in_kind = any(
            c.lower_ == "in" and any(g.lower_ == "kind" for g in c.children) for c in verb.children
        ) or any(c.lower_ == "back" for c in verb.children)
        if not (in_kind or verb.lemma_.lower() == "retaliate"):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None and verb.head.lemma_.lower() in {"prompt", "lead", "push", "force"}:
            # "prompting Ottawa to respond in kind": Ottawa answers
            subject = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
        responder = statements.country_of_actor(
            subject, candidate.sentence, gazetteer, lower_countries
        )
        if responder != tariff.target_country:
            continue
        return [
            replace(
                candidate,
                trigger=candidate.sentence[
                    verb.i - candidate.sentence.start : verb.i - candidate.sentence.start + 1
                ],
                participants=[],
                tariff=replace(
                    tariff,
                    imposing_country=tariff.target_country,
                    target_country=tariff.imposing_country,
                    rate_percent=None,
                    sector="",
                ),
                title="",
            )
        ]
    return []


def calling_off(
    candidate: Candidate, dated: list[DatedMention], *, published_at: datetime.date
) -> list[Candidate]:
    """A called-off meeting keeps the date it was planned for; the calling-off is an event of its
    own, dated when the sentence says ("were called off on Tuesday")."""
    if candidate.status != "cancelled" or candidate.type not in {MEETING, AGREEMENT}:
        return []
    verb = modality.cancelling_verb_over(candidate.trigger, candidate.sentence)
    when = None
    for told in [verb, *list(verb.ancestors)[:2]] if verb is not None else []:
        if (when := grammar.attached_date(told, dated)) is not None:
            break  # "said on Thursday that the talks were terminated": Thursday
    if when is None or when is candidate.date_mention:
        return []
    date = resolve_date(when.mention.text, published_at=published_at, tense="past")
    if candidate.date is None:
        # talks under way, not planned for a day, are ended on the day they are called off
        candidate.date = date or when.mention.resolved
        candidate.date_mention = when
        return []
    what = "talks" if candidate.type == MEETING else "deal"
    return [
        Candidate(
            type=ANNOUNCEMENT,
            trigger=candidate.sentence[
                verb.i - candidate.sentence.start : verb.i - candidate.sentence.start + 1
            ],
            sentence=candidate.sentence,
            status="happened",
            date=date or when.mention.resolved,
            date_mention=when,
            participants=list(candidate.participants),
            countries=list(candidate.countries),
            title=f"{' and '.join(candidate.countries[:2]) or 'Planned'} {what} called off",
        )
    ]


def is_agent(name: str, trigger: Span, sentence: Span) -> bool:
    """People named with a tariff are kept when they act on it (Trump imposes, Bessent announces)."""
    return any(
        ent.label_ == "PERSON"
        and (ent.ent_id_ or ent.text) == name
        and grammar.tree_distance(trigger.root, ent.root) <= 4
        for ent in grammar.ents_in(sentence)
    )


__all__ = ["ANNOUNCEMENT", "extract", "extract_many", "get_nlp"]
