"""The extraction pipeline: text in, dated and sourced events out.

`extract()` is the whole contract: spaCy parses and labels (components.py), then plain
functions interpret (modality, parties, tariffs, statements, dates) and events told in several sentences are merged.
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
    chunks,
    confidence,
    consistency,
    grammar,
    modality,
    narrative,
    parties,
    statements,
    tariffs,
    titles,
)
from .buckets import Buckets
from .candidate import Candidate, DatedMention
from .components import TRIGGERS_KEY, add_gazetteer, add_triggers
from .dates import ResolvedDate, add_duration, find_dates, resolve_date, with_day_range
from .model import load_model
from .patterns import (
    AGREEMENT,
    ANNOUNCEMENT,
    DEADLINE,
    MEETING,
    STATEMENT,
    STRONG_STATEMENT_VERBS,
    TARIFF,
)
from .types import EvidenceSpan, ExtractedEvent, Gazetteer

_lock = threading.Lock()
_configured: dict[int, str] = {}

# Sentences without triggers can still hold a statement or a deadline.
MAY_HOLD_EVENT = re.compile(
    r"\b(?:said|says|say|told|tells|wrote|urged|urges|warned|warns|vowed|pledged|called|"
    r"insisted|regretted|welcomed|criticized|condemned|until|before|through|till)\b",
    re.I,
)
ANCHORED = re.compile(
    r"\b(?P<num>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]+"
    r"(?P<unit>days?|weeks?|months?)\s+(?P<dir>after|before|earlier|later)\b",
    re.I,
)
UNTIL = re.compile(
    r"\b(?:until|till|through|to last until|runs? out (?:in|on)|expires? (?:in|on))\s*$", re.I
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


# --- from a parsed Doc to events -----------------------------------------------------------


def events_from_doc(
    doc: Doc, *, published_at: datetime.date, gazetteer: Gazetteer
) -> list[ExtractedEvent]:
    lower_countries = gazetteer.countries_by_lower_alias
    triggers = dedupe_triggers(doc.spans[TRIGGERS_KEY])
    candidates: list[Candidate] = []
    anchors: list[tuple[int, int, int, str]] = []  # (candidate, its anchor, days, phrase)
    sentence_dates: dict[int, list[DatedMention]] = {}
    trigger_starts = [t.start for t in triggers]
    for sentence in doc.sents:
        in_sentence = triggers_in(sentence, triggers, trigger_starts)
        if not in_sentence and not MAY_HOLD_EVENT.search(sentence.text):
            continue  # no trigger, no statement, no deadline: skip the date scan
        dated = dated_mentions(sentence, published_at)
        sentence_dates[sentence.start] = dated
        first_index = len(candidates)
        for trigger in in_sentence:
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
                candidates.extend(split_by_target(candidate, lower_countries))
                candidates.extend(calling_off(candidate, dated, published_at=published_at))
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
    apply_anchors(candidates, anchors)
    fill_imposing_country(candidates)
    complete_parties(candidates)
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


def complete_parties(candidates: list[Candidate]) -> None:
    """A meeting or deal needs two parties. When its sentence names fewer ("the two sides
    agreed", "McClay met his counterpart"), the missing one is the article's other main
    country: the two countries most of its events concern."""
    counts = Counter(c for candidate in candidates for c in set(candidate.countries))
    pair = [name for name, n in counts.most_common(2) if n >= 2]
    if len(pair) < 2:
        return
    for candidate in candidates:
        if candidate.type not in {MEETING, AGREEMENT} or len(candidate.countries) >= 2:
            continue
        if set(candidate.countries) <= set(pair) and (
            candidate.countries or TWO_SIDES.search(candidate.sentence.text)
        ):
            candidate.countries = grammar.unique([*candidate.countries, *pair])


def split_by_target(candidate: Candidate, lower_countries: dict[str, str]) -> list[Candidate]:
    """One measure per target country: each has its own rate history."""
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
    taken = {id(c.date_mention) for c in found}
    deadlines = []
    for mention in dated:
        resolved = mention.mention.resolved
        if resolved is None or id(mention) in taken:
            continue
        if not (is_end_bound(mention) or preceded_by(mention, {"before"})):
            continue
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
    return deadlines[:1]


def preceded_by(mention: DatedMention, words: set[str]) -> bool:
    span = mention.span
    before = grammar.left_context(span, 1)
    return len(before) == 1 and before[0].lower_ in words


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
    if any(
        c.type == TARIFF or (not c.definite and c.type != DEADLINE)
        for c in found
        if c.date is not None or (c.tariff is not None and c.tariff.rate_percent is not None)
    ):
        return None
    when = grammar.attached_date(statement.verb, dated)
    strong = statement.verb.lemma_.lower() in STRONG_STATEMENT_VERBS or any(
        c.dep_ in {"ccomp", "xcomp"} and c.lemma_.lower() in STRONG_STATEMENT_VERBS
        for c in statement.verb.children
    )  # "said he again urged ..."
    if when is None and not strong:
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


def dated_mentions(sentence: Span, published_at: datetime.date) -> list[DatedMention]:
    doc = sentence.doc
    mentions = []
    for found in find_dates(sentence.text, published_at=published_at):
        mention = with_day_range(found, sentence.text)
        span = doc.char_span(
            sentence.start_char + mention.start_char,
            sentence.start_char + mention.end_char,
            alignment_mode="expand",
        )
        if span is None:
            continue
        dated = DatedMention(mention, span)
        if not attachment.is_background_date(dated, published_year=published_at.year):
            mentions.append(dated)
    return mentions


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
        or statements.enclosing_trigger(trigger, sentence_triggers, DEADLINE)
    ):
        return None  # "tariff talks"; "the rate was the lowest"; "instead of the 25% rate"
    if kind == MEETING and (
        statements.is_reporting_audience(trigger)
        or attachment.is_negated_meeting(trigger)
        or attachment.describes_subject(trigger)
        or attachment.is_time_prefixed(trigger)
        or attachment.is_domestic_meeting(trigger)
    ):
        return None
    if kind == ANNOUNCEMENT and any(t.label_ != ANNOUNCEMENT for t in sentence_triggers):
        return None  # "announced a trade agreement": the agreement is the event
    if kind == AGREEMENT and (
        not modality.deal_is_made(trigger) or attachment.is_negotiating_framework(trigger)
    ):
        return None  # "without a deal", "the framework is meant to": no deal is made here
    status = modality.status_of(trigger, sentence)
    if kind == TARIFF and status == "planned" and tariffs.in_force_at_once(sentence):
        status = "happened"  # "will cut tariffs to 18%, effective immediately"
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
    usable = attachment.dates_of_own_clause(trigger, [d for d in dated if not is_end_bound(d)])
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
        offset = attachment.offset_before(date_mention)
        if (
            offset is not None
            and candidate.date is not None
            and not names_date(trigger, date_mention)
        ):
            shifted = shift(candidate.date, offset[0], text=offset[1])
            if shifted is not None:
                candidate.date = shifted
                candidate.date_source = "anchored"
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
                if d.mention.type == "DURATION" and d.mention.duration_days
            ),
            None,
        )
        candidate.pause_days = pause
        if not candidate.tariff.action:
            return None  # "covering tariffs, non-tariff barriers...": a topic, not a measure
        if candidate.date_mention is None and attachment.in_since_clause(trigger):
            return None  # "their first trip since Ottawa put a 30% levy on steel": background
        if candidate.date_mention is not None and preceded_by(candidate.date_mention, {"since"}):
            candidate.status = "happened"  # "a 10 percent tariff, in force since Saturday"
        candidate = date_announced_tariff(candidate, dated, published_at=published_at)
        if candidate.date is None:
            deal = statements.enclosing_trigger(trigger, sentence_triggers, AGREEMENT)
            deal_date = deal and grammar.closest_date(deal, dated)
            if deal_date:
                candidate.date = resolve_for_status(deal_date, "happened", published_at)
                candidate.date_mention = deal_date
        if candidate.date is None:
            fallback = sentence_date_for(trigger, [d for d in dated if not is_end_bound(d)])
            if fallback is not None:
                candidate.date_mention = fallback
                candidate.date = resolve_for_status(fallback, status, published_at)
        candidate = date_tariff(candidate, until=until, published_at=published_at)
    elif kind == DEADLINE:
        candidate = date_deadline(candidate, until=until, published_at=published_at)
    return candidate


def calling_off(
    candidate: Candidate, dated: list[DatedMention], *, published_at: datetime.date
) -> list[Candidate]:
    """A called-off meeting keeps the date it was planned for; the calling-off is an event of its
    own, dated when the sentence says ("were called off on Tuesday")."""
    if candidate.status != "cancelled" or candidate.type not in {MEETING, AGREEMENT}:
        return []
    verb = modality.cancelling_verb_over(candidate.trigger, candidate.sentence)
    when = grammar.attached_date(verb, dated) if verb is not None else None
    if when is None or when is candidate.date_mention:
        return []
    date = resolve_date(when.mention.text, published_at=published_at, tense="past")
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


def names_date(trigger: Span, dated: DatedMention) -> bool:
    """The date is part of the trigger's own phrase ("the March 1 deadline")."""
    return dated.span.root.head.i == trigger.root.i or trigger.root.i in {t.i for t in dated.span}


def date_deadline(
    candidate: Candidate, *, until: DatedMention | None, published_at: datetime.date
) -> Candidate | None:
    """Deadlines look forward unless the verb says they passed ("the reprieve expired")."""
    mention = candidate.date_mention or until
    if mention is None:
        return None
    tense = grammar.tense_at(mention.span)
    if tense == "past" and candidate.trigger.root.lemma_ != "deadline":
        return None
    resolved = resolve_date(mention.mention.text, published_at=published_at, tense="future")
    if tense is None and modality.told_in_past(candidate.sentence):
        # "following a call two days before the March 1 deadline": a deadline of the story's
        # past, read in the past when that is the nearer reading
        past = resolve_date(mention.mention.text, published_at=published_at, tense="past")
        nearer = (
            past is not None
            and resolved is not None
            and (published_at - past.end).days < (resolved.start - published_at).days
        )
        if nearer:
            resolved = past
    candidate.date = resolved or mention.mention.resolved
    candidate.date_mention = mention
    if candidate.date is not None and candidate.date.start > published_at:
        candidate.status = "planned"
    return candidate


def sentence_date_for(trigger: Span, dated: list[DatedMention]) -> DatedMention | None:
    """The sentence's date for a measure that has none of its own ("... will fall to 30
    percent, with the cuts taking effect by May 14"), unless it dates a verb above the
    measure ("agreed on Thursday to ...": that is when they agreed)."""
    above = {a.i for a in grammar.governing_verb(trigger.root).ancestors}
    usable = [
        d
        for d in dated
        if d.mention.resolved is not None and grammar.governing_verb(d.span.root).i not in above
    ]
    return grammar.closest_date(trigger, usable, status="happened", max_distance=12)


def date_announced_tariff(
    candidate: Candidate, dated: list[DatedMention], *, published_at: datetime.date
) -> Candidate:
    """A future measure announced on a day is an announcement that happened that day:
    "Trump said on Monday he would impose 25 percent tariffs" -> announced, Monday."""
    if candidate.status not in {"planned", "speculative"} or candidate.tariff is None:
        return candidate
    verb = statements.announcing_verb(candidate.trigger, candidate.sentence)
    if verb is None or verb.morph.get("Tense") != ["Past"]:
        return candidate
    if candidate.status == "speculative" and verb.lemma_ not in {"threaten", "warn"}:
        return candidate  # "said it was prepared to take countermeasures": a stance, not a step
    when = grammar.attached_date(verb, dated)
    if when is None:
        return candidate
    others = [d for d in dated if d is not when]
    own = grammar.closest_date(candidate.trigger, others, status="planned")
    effective = (
        resolve_date(own.mention.text, published_at=published_at, tense="future") if own else None
    )
    candidate.status = "happened"
    candidate.date_mention = when
    candidate.date = resolve_date(when.mention.text, published_at=published_at, tense="past") or (
        when.mention.resolved
    )
    action = candidate.tariff.action
    if action in {"imposed", "raised"}:
        action = "announced"
    candidate.tariff = replace(
        candidate.tariff,
        action=action,
        in_force_from=effective.start.isoformat() if effective else candidate.tariff.in_force_from,
    )
    return candidate


def is_end_bound(dated: DatedMention) -> bool:
    before = grammar.left_context(dated.span, 4).text
    return bool(UNTIL.search(before)) or dated.mention.text.lower().startswith(("until", "through"))


def resolve_for_status(
    dated: DatedMention, status: str, published_at: datetime.date
) -> ResolvedDate | None:
    """Resolve with the tense of the verb the date hangs on ("said on Monday" looks back, "will
    meet on Monday" forward); failing that, unrealised events look forward."""
    if preceded_by(dated, {"since"}):
        tense = "past"  # "in force since Saturday"
    elif status == "cancelled":
        tense = "future"  # a plan called off: "the meeting scheduled for Thursday"
    else:
        tense = grammar.tense_at(dated.span) or (
            "future" if status in {"planned", "speculative"} else "past"
        )
    if tense not in dated.by_tense:  # several triggers often share one date phrase
        context = grammar.left_context(dated.span, 3)
        dated.by_tense[tense] = resolve_date(
            dated.mention.text, published_at=published_at, tense=tense, context=context.text
        )
    return dated.by_tense[tense] or dated.mention.resolved


def is_agent(name: str, trigger: Span, sentence: Span) -> bool:
    """People named with a tariff are kept when they act on it (Trump imposes, Bessent announces)."""
    return any(
        ent.label_ == "PERSON"
        and (ent.ent_id_ or ent.text) == name
        and grammar.tree_distance(trigger.root, ent.root) <= 4
        for ent in grammar.ents_in(sentence)
    )


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


def shift(resolved: ResolvedDate, days: int, *, text: str) -> ResolvedDate | None:
    """The interval moved by a number of days; None when that leaves the calendar
    ("99999999 months after")."""
    try:
        delta = datetime.timedelta(days=days)
        start, end = resolved.start + delta, resolved.end + delta
    except (OverflowError, ValueError):
        return None
    return ResolvedDate(
        start=start,
        end=end,
        precision="day" if start == end else "range",
        text=text,
        timex=start.isoformat() if start == end else resolved.timex,
        computed=True,
        explanation=f"'{text}' -> {start.isoformat()}"
        + ("" if start == end else f"..{end.isoformat()}"),
    )


# --- across sentences ----------------------------------------------------------------------


def sentence_anchors(
    sentence: Span, candidates: list[Candidate], first_index: int
) -> list[tuple[int, int, int, str]]:
    """ "The meeting came two days after Trump eased tariffs": the easing is dated from the meeting."""
    match = ANCHORED.search(sentence.text)
    if not match:
        return []
    position = sentence.start_char + match.start()
    number = grammar.NUMBER_WORDS.get(match.group("num").lower()) or int(match.group("num"))
    unit = match.group("unit").lower()
    days = number * (7 if unit.startswith("week") else 30 if unit.startswith("month") else 1)
    direction = match.group("dir").lower()
    sign = -1 if direction in {"after", "later"} else 1
    own = list(range(first_index, len(candidates)))
    before = [i for i in own if candidates[i].trigger.start_char < position]
    after = [i for i in own if candidates[i].trigger.start_char > position]
    if not before or not after:
        return []
    phrase = match.group(0)
    return [
        (i, before[0], sign * days, phrase)
        for i in after
        if candidates[i].date is None
        or candidates[i].date_mention is None
        or candidates[i].date_mention.span.start_char < position
    ]


REFERENCE_REACH = 200  # candidates either side: far more than an article's whole list


def inherit_dates(candidates: list[Candidate]) -> None:
    """Undated back-references ("the meeting", "after meeting with") take the date of the latest
    dated event of the same type told before them (or, failing that, the first one after).
    A reference reaches `REFERENCE_REACH` candidates back and forth, not the whole of a
    very long text."""
    for index, candidate in enumerate(candidates):
        if candidate.date is not None:
            continue
        if candidate.type != STATEMENT and (
            candidate.type not in {MEETING, AGREEMENT} or not candidate.definite
        ):
            continue  # only "the meeting", "after meeting with ...": generic talks stay undated
        reach = candidates[max(index - REFERENCE_REACH, 0) : index + REFERENCE_REACH + 1]
        if candidate.type == STATEMENT:
            inherit_statement_date(candidate, reach)
            continue
        same = [
            c
            for c in reach
            if c is not candidate
            and c.type == candidate.type
            and c.date is not None
            and not c.inherited
            and c.status == candidate.status
        ]
        earlier = [c for c in same if c.trigger.start < candidate.trigger.start]
        later = [c for c in same if c.trigger.start > candidate.trigger.start]
        source = best_antecedent(candidate, earlier) or (
            later[0] if later and candidate.definite else None
        )
        if source is not None:
            candidate.date = source.date
            candidate.date_source = "referent"
            if not candidate.location:
                candidate.location = source.location


def inherit_statement_date(statement: Candidate, candidates: list[Candidate]) -> None:
    """An undated statement was made at the latest precisely dated event its speaker was at."""
    for other in reversed(candidates):
        if other.trigger.start >= statement.trigger.start or other.date is None:
            continue
        if (
            other.status == "happened"
            and other.date.precision == "day"
            and (set(other.participants) & set(statement.participants))
        ):
            statement.date = other.date
            statement.date_source = "referent"
            return


def best_antecedent(candidate: Candidate, earlier: list[Candidate]) -> Candidate | None:
    """The event a back-reference means: one at the same place or with the same people first,
    then the latest precisely dated one, then the latest."""
    for candidate_match in reversed(earlier):
        if candidate.location and candidate_match.location == candidate.location:
            return candidate_match
        if (
            set(candidate.participants) & set(candidate_match.participants)
            and candidate_match.date.precision == "day"
        ):
            return candidate_match
    precise = [c for c in earlier if c.date.precision == "day"]
    return (precise or earlier or [None])[-1]


def apply_anchors(candidates: list[Candidate], anchors: list[tuple[int, int, int, str]]) -> None:
    """Dates told relative to another event: "two days after" the meeting of 2025-05-01."""
    for index, anchor_index, days, phrase in anchors:
        anchor = candidates[anchor_index].date
        if anchor is None:
            continue
        shifted = shift(anchor, days, text=phrase)
        if shifted is None:
            continue
        kind = candidates[anchor_index].type.replace("_", " ")
        candidates[index].date = replace(
            shifted,
            explanation=f"'{phrase}' the {anchor.start.isoformat()} {kind} -> "
            f"{shifted.start.isoformat()}"
            + ("" if shifted.start == shifted.end else f"..{shifted.end.isoformat()}"),
        )
        candidates[index].date_source = "anchored"


def merge(
    candidates: list[Candidate], *, published_at: datetime.date, gazetteer: Gazetteer
) -> list[ExtractedEvent]:
    """One event per happening: same type, same date interval, same status, and for tariffs the
    same rate and action; the evidence sentences add up."""
    placeable = [
        c
        for c in candidates
        if (c.date is not None or undated_but_worth_keeping(c))  # else not on a timeline
        and not (
            c.type == TARIFF
            and (
                c.tariff is None
                or (
                    not c.tariff.rate_percent
                    and c.tariff.action in {"imposed", "announced"}
                    and not c.date_mention
                )
            )
        )
    ]
    return [
        to_event(group, published_at=published_at, gazetteer=gazetteer)
        for group in absorb_duplicates(group_mentions(placeable))
    ]


def group_mentions(candidates: list[Candidate]) -> list[list[Candidate]]:
    """Each mention joins the first group whose first mention tells the same happening
    (`same_happening`), else starts one. It is compared only with the groups it may join
    (`happening_keys`, buckets.py), so a long article costs no more per mention than a short."""
    groups: list[list[Candidate]] = []
    kept = Buckets()
    for candidate in candidates:
        keys = happening_keys(candidate)
        for position in kept.near(keys, candidate.date):
            if same_happening(groups[position][0], candidate):
                groups[position].append(candidate)
                break
        else:
            kept.add(len(groups), keys, candidate.date)
            groups.append([candidate])
    return groups


def absorb_duplicates(groups: list[list[Candidate]]) -> list[list[Candidate]]:
    """No two events of one article with the same type, date, parties and rate: a measure told
    as announced in one sentence and as "will be cut to 15%" in the next is one measure. The
    mention with a date of its own leads (its status and action are the event's). A group is
    compared only with the kept ones it may duplicate (`duplicate_keys`, buckets.py)."""
    kept: list[list[Candidate]] = []
    index = Buckets()
    for group in sorted(groups, key=lambda g: (g[0].date_source != "own", g[0].trigger.start)):
        keys = duplicate_keys(group[0])
        for position in index.near(keys, group[0].date):
            if is_duplicate(kept[position][0], group[0]):
                kept[position].extend(group)
                break
        else:
            index.add(len(kept), keys, group[0].date)
            kept.append(group)
    for group in kept:  # "this week's meeting" absorbed "met on Tuesday": Tuesday leads
        precise = next((c for c in group[1:] if is_vaguer_reference(group[0], c)), None)
        if precise is not None:
            group.remove(precise)
            group.insert(0, precise)
    return sorted(kept, key=lambda g: g[0].trigger.start)


def duplicate_keys(candidate: Candidate) -> list[tuple]:
    """What two duplicates (`is_duplicate`) share: type and countries for a meeting or a deal,
    whether it applies to all and the sector for a tariff; no key, no duplicate."""
    if candidate.date is None:
        return []
    if candidate.type in {MEETING, AGREEMENT} and candidate.countries:
        return [(candidate.type, frozenset(candidate.countries))]
    tariff = candidate.tariff
    if candidate.type == TARIFF and tariff is not None:
        return [(TARIFF, tariff.applies_to_all, tariff.sector or "")]
    return []


def is_duplicate(a: Candidate, b: Candidate) -> bool:
    if a.type != b.type or a.date is None or b.date is None:
        return False
    if not (a.date.start <= b.date.end and b.date.start <= a.date.end):
        return False
    if a.type != TARIFF:
        return (
            a.type in {MEETING, AGREEMENT}
            and bool(a.countries)
            and set(a.countries) == set(b.countries)
            and same_people(a, b)
        )
    ta, tb = a.tariff, b.tariff
    if ta is None or tb is None or ta.applies_to_all != tb.applies_to_all:
        return False
    if ta.target_country != tb.target_country and not (
        # "Made in India products will have a reduced tariff of 18%": the same cut, its target
        # unnamed as such
        (ta.action == tb.action or {ta.action, tb.action} & {"imposed", "announced"})
        and (
            (ta.target_country is None and tb.target_country in a.countries)
            or (tb.target_country is None and ta.target_country in b.countries)
        )
    ):
        return False
    if ta.imposing_country and tb.imposing_country and ta.imposing_country != tb.imposing_country:
        return False
    if (ta.sector or "") != (tb.sector or ""):
        return False
    if ta.rate_percent is not None and tb.rate_percent is not None:
        return ta.rate_percent == tb.rate_percent
    return ta.action == tb.action


def same_people(a: Candidate, b: Candidate) -> bool:
    """The same participants; or, when one of the two is dated only by the story, one set
    within the other (the story's meeting, told again with more names)."""
    left, right = set(a.participants), set(b.participants)
    if left == right:
        return True
    only_one_own = a.date_source != b.date_source or a.date_source != "own"
    if only_one_own or is_vaguer_reference(a, b) or is_vaguer_reference(b, a):
        return left <= right or right <= left
    return False


def is_vaguer_reference(vague: Candidate, precise: Candidate) -> bool:
    """ "This week's meeting" after "met on Tuesday": a reference to the meeting by a wider
    date that holds the precise one (a meeting told with its own date is its own event)."""
    return (
        any(
            c.dep_ == "poss" and c.ent_type_ == "DATE" for c in vague.trigger.root.children
        )  # dated by a possessive: "this week's meeting", not "the talks two weeks ago"
        and not vague.participants
        and vague.date is not None
        and precise.date is not None
        and vague.date.precision in {"week", "month", "range"}
        and precise.date.precision == "day"
        and vague.date.start <= precise.date.start <= vague.date.end
    )


def undated_but_worth_keeping(candidate: Candidate) -> bool:
    """A tariff with a rate is a fact worth listing even when the article gives no date."""
    tariff = candidate.tariff
    return (
        candidate.type == TARIFF
        and tariff is not None
        and tariff.rate_percent is not None
        and candidate.status != "speculative"
    )


def same_happening(a: Candidate, b: Candidate) -> bool:
    if a.type != b.type or a.status != b.status:
        return False
    if a.date is None or b.date is None:
        return (
            a.date is None
            and b.date is None
            and a.sentence == b.sentence
            and a.tariff is not None
            and b.tariff is not None
            and a.tariff.rate_percent == b.tariff.rate_percent
        )
    if not (a.date.start <= b.date.end and b.date.start <= a.date.end):
        return False
    if a.type == TARIFF:
        ta, tb = a.tariff, b.tariff
        if ta is None or tb is None:
            return False
        if (
            ta.rate_percent is not None
            and tb.rate_percent is not None
            and ta.rate_percent != tb.rate_percent
        ):
            return False
        if ta.action != tb.action or ta.applies_to_all != tb.applies_to_all:
            return False
        for left, right in (
            (ta.imposing_country, tb.imposing_country),
            (ta.target_country, tb.target_country),
        ):
            if left and right and left != right:
                return False
        return a.sentence == b.sentence or (
            ta.rate_percent is not None and ta.rate_percent == tb.rate_percent
        )
    if a.sentence == b.sentence:
        return True
    if a.type == MEETING:
        if a.date == b.date:
            return True
        shared_people = set(a.participants) & set(b.participants)
        return bool(shared_people) and a.date.precision == b.date.precision
    return bool(set(a.countries) & set(b.countries))


def happening_keys(candidate: Candidate) -> list[tuple]:
    """What two mentions of one happening (`same_happening`) share besides type and status:
    their sentence, or else a rate (tariffs), the date or a person (meetings), a country."""
    base = (candidate.type, candidate.status)
    keys: list[tuple] = [(*base, "sentence", candidate.sentence.start)]
    if candidate.date is None:
        return keys
    if candidate.type == TARIFF:
        if candidate.tariff is not None and candidate.tariff.rate_percent is not None:
            keys.append((*base, "rate", candidate.tariff.rate_percent))
    elif candidate.type == MEETING:
        keys.append((*base, "date", candidate.date.start, candidate.date.end))
        keys.extend((*base, "person", person) for person in candidate.participants)
    else:
        keys.extend((*base, "country", country) for country in candidate.countries)
    return keys


def to_event(
    group: list[Candidate], *, published_at: datetime.date, gazetteer: Gazetteer
) -> ExtractedEvent:
    first = group[0]
    best_date = min((c.date for c in group if c.date is not None), key=date_rank, default=None)
    participants = grammar.unique(p for c in group for p in c.participants)
    countries = grammar.unique(c for cand in group for c in cand.countries)
    location = next((c.location for c in group if c.location), "")
    duration = next((c.duration_minutes for c in group if c.duration_minutes), None)
    tariff = next(
        (c.tariff for c in group if c.tariff is not None and c.tariff.rate_percent is not None),
        first.tariff,
    )
    merged = replace(
        first,
        participants=participants,
        countries=countries,
        location=location,
        duration_minutes=duration,
        tariff=tariff,
        date=best_date,
    )
    evidence = grammar.unique(evidence_of(c.sentence) for c in group)
    features = confidence.features_of(merged, group, published_at=published_at)
    return ExtractedEvent(
        type=first.type,
        title=titles.title_for(merged),
        date=best_date,
        status=first.status,
        participants=tuple(participants),
        countries=tuple(countries),
        location=location,
        duration_minutes=duration,
        meeting_format=meeting_format(group),
        tariff=tariff,
        evidence=tuple(evidence),
        confidence=round(confidence.probability(features), 2),
        date_source=date_source_of(group, best_date),
        new_people=tuple(
            parties.titled_people(participants, [c.sentence for c in group], gazetteer)
        ),
        features=tuple(features.items()),
        merge_key=merge_key(merged),
    )


def evidence_of(sentence: Span) -> EvidenceSpan:
    """The sentence as evidence, without surrounding whitespace, with exact offsets."""
    text = sentence.text
    stripped = text.strip()
    start = sentence.start_char + len(text) - len(text.lstrip())
    return EvidenceSpan(stripped, start, start + len(stripped))


PRECISION_RANK = {"day": 0, "range": 1, "week": 2, "month": 3, "quarter": 4, "year": 5}


def date_rank(resolved: ResolvedDate) -> tuple[int, int]:
    return (PRECISION_RANK.get(resolved.precision, 6), int(resolved.computed))


def meeting_format(group: list[Candidate]) -> str:
    if group[0].type != MEETING:
        return ""
    text = " ".join(c.sentence.text.lower() for c in group)
    if "video" in text or "virtual" in text or "videoconference" in text:
        return "virtual"
    if (
        re.search(
            r"\b(?:phone|telephone)\b|\bcalls?\b", " ".join(c.trigger.text.lower() for c in group)
        )
        or "phone" in text
    ):
        return "call"
    return "in_person"


def date_source_of(group: list[Candidate], date: ResolvedDate | None) -> str:
    """Where the event's date came from: the mention whose date it is."""
    if date is None:
        return "none"
    return next((c.date_source for c in group if c.date == date), "own")


def merge_key(candidate: Candidate) -> str:
    date = candidate.date.start.isoformat() if candidate.date else "undated"
    countries = ",".join(sorted(candidate.countries))
    extra = ""
    if candidate.tariff is not None:
        extra = f"|{candidate.tariff.action}|{candidate.tariff.rate_percent}"
    return f"{candidate.type}|{date}|{countries}{extra}"[:200]


__all__ = ["ANNOUNCEMENT", "extract", "extract_many", "get_nlp"]
