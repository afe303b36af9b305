"""The extraction pipeline: text in, dated and sourced events out.

`extract()` is the whole contract: spaCy parses and labels (components.py); this module walks
the article sentence by sentence. candidate_reading.py reads one candidate event per trigger,
with plain functions for what each part means (modality, parties, the tariff_* modules,
statements, event_dating); sentence_events.py finds the deadlines and statements a sentence holds without a
trigger, follow_ups.py the events another implies, party_completion.py the parties a sentence
leaves unsaid. Then references.py and narrative.py date what the sentences leave undated,
consistency.py checks status against date, and merging.py turns mentions into events.
"""

from __future__ import annotations

import bisect
import datetime
import re
import threading
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import captions, chunks, consistency, legal, narrative, speech_time
from .candidate import Candidate, DatedMention
from .candidate_reading import read_candidate
from .components import TRIGGERS_KEY, add_gazetteer, add_triggers
from .event_dating import dated_mentions
from .follow_ups import answered_in_kind, calling_off
from .grammar import span_text
from .merging import merge
from .model import load_model
from .party_completion import complete_parties, fill_imposing_country, split_by_target
from .patterns import ANNOUNCEMENT
from .references import apply_anchors, inherit_dates, sentence_anchors
from .sentence_events import deadlines_in, statement_candidate
from .tariff_steps import described_step, follow_on_step, taking_effect
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
        if not in_sentence and not MAY_HOLD_EVENT.search(span_text(sentence)):
            continue  # no trigger, no statement, no deadline: skip the date scan
        dated = dated_mentions(sentence, published_at)
        sentence_dates[sentence.start] = dated
        if captions.in_caption(sentence):
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
                later = follow_on_step(candidate, dated, published_at=published_at)
                if later is not None:
                    candidates.extend(split_by_target(later, lower_countries, gazetteer))
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
    speech_time.speaking_from_story_day(candidates, published_at=published_at)
    narrative.attach_reference_times(
        candidates, published_at=published_at, sentence_dates=sentence_dates
    )
    consistency.enforce(candidates, published_at=published_at)
    return merge(candidates, published_at=published_at, gazetteer=gazetteer)


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


__all__ = ["ANNOUNCEMENT", "extract", "extract_many", "get_nlp"]
