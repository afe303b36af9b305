"""The dates narrative time can give an undated event, and where it takes them from.

An event without a date of its own takes one from something else the article tells: the
clause it hangs on ("agreed on Monday to cut tariffs"), an event of its sentence, the event
told just before or one it is likened to, a window or an offset counted from an act, the day
the story is reported from, or the publication day. These functions find such a source and
set the date with its explanation; narrative.py decides, event by event, which one applies.
"""

from __future__ import annotations

import datetime
from dataclasses import replace

from .candidate import Candidate, DatedMention
from .dates import ResolvedDate, resolve_date
from .event_dating import (
    is_end_bound,
    is_start_bound,
    resolve_for_status,
    shift,
)
from .grammar import (
    attached_date,
    dates_another_act,
    governing_verb,
)
from .narrative_reading import is_hedged, is_pluperfect
from .offsets import ClauseOffset
from .patterns import MEETING, REPORTING_VERBS, TARIFF


def dated_by_sentence(candidates: list[Candidate]) -> dict[int, list[Candidate]]:
    """The events each sentence tells with a date of its own (happened), by sentence start."""
    found: dict[int, list[Candidate]] = {}
    for candidate in candidates:
        if (
            candidate.date is not None
            and candidate.date_source == "own"
            and candidate.status == "happened"
        ):
            found.setdefault(candidate.sentence.start, []).append(candidate)
    return found


def same_sentence_date(candidate: Candidate, dated: list[Candidate]) -> Candidate | None:
    """An event of the same sentence told with its own date (from `dated_by_sentence`): the
    same event or the event whose content this is ("agreed on Monday to cut tariffs to 30%":
    the cut is Monday's)."""
    others = [
        other
        for other in dated
        if other is not candidate
        and other.date_source == "own"  # not since dated by offset
        and not (
            candidate.type == TARIFF and other.type == MEETING and not told_within(candidate, other)
        )
    ]
    same_type = [other for other in others if other.type == candidate.type]
    return (same_type or others or [None])[0]


def told_within(candidate: Candidate, meeting: Candidate) -> bool:
    """ "At Thursday's talks they agreed to cut duties": the measure hangs on the verb that
    tells the talks (or below it), so the talks' day is its telling's. Not "while they had
    agreed to cut duties, the envoys prepared Monday's summit"."""
    verb = governing_verb(meeting.trigger.root)
    return verb.i in {a.i for a in candidate.trigger.root.ancestors}


def frame_date(candidate: Candidate, dated: list[DatedMention]) -> DatedMention | None:
    """The date of the frame around an undated event: "agreed on Monday to roll back tariffs",
    "said on Tuesday that the two governments had settled": the date hangs on a verb above the
    event, so it is when the event was agreed, announced or reported done."""
    above = {a.i for a in candidate.trigger.root.ancestors}
    for mention in dated:
        if mention.mention.resolved is None or mention.mention.type not in {"DATE", "TIME"}:
            continue
        if dates_another_act(candidate.trigger, mention.span):
            continue  # "the trip follows the warning on Jan. 26": the warning's day
        if is_end_bound(mention) or is_start_bound(mention):
            continue  # "extended their truce until Nov. 10": when it ends, not when it was made;
            # "the first talks since those of June 27": when the last ones were
        if governing_verb(mention.span.root).i in above:
            return mention
    return None


def same_kind_told_before(
    ordered: list[Candidate], index: int, published_at: datetime.date
) -> Candidate | None:
    """The nearest earlier event of the same kind, told with a date and done: "Earlier this
    month the White House put duties on its partners. Lisbon got 20%." The second sentence
    goes on with the first's story, not with an anchor told later in the article."""
    candidate = ordered[index]
    if candidate.status != "happened" or is_pluperfect(candidate) or is_hedged(candidate):
        return None  # "had initially announced": before the story's time, not in it
    for earlier in reversed(ordered[:index]):
        if earlier.sentence.start >= candidate.sentence.start or earlier.type != candidate.type:
            continue
        if (
            earlier.date is not None
            and earlier.status == "happened"
            and earlier.date_source in {"own", "story"}
            and earlier.date.start <= published_at
        ):
            return earlier
        return None
    return None


LIKENING = frozenset({"similar", "same", "identical"})


def likened_to_measure_before(ordered: list[Candidate], index: int) -> Candidate | None:
    """ "Similar letters went to Peru (25%) and Chile (40%)": undated measures told as like the
    one before ("a 25% tariff on Portugal from August 1") share its day and status."""
    candidate = ordered[index]
    if candidate.type != TARIFF or candidate.date is not None:
        return None
    verb = governing_verb(candidate.trigger.root)
    likened = any(
        token.dep_ == "amod"
        and token.lower_ in LIKENING
        and token.head.pos_ == "NOUN"
        and governing_verb(token.head) == verb
        for token in candidate.sentence
    )
    if not likened:
        return None
    for earlier in reversed(ordered[:index]):
        if (
            earlier.type == TARIFF
            and earlier.date is not None
            and earlier.date_source == "own"
            and earlier.sentence != candidate.sentence
        ):
            return earlier
    return None


def last_told_before(ordered: list[Candidate], index: int) -> Candidate | None:
    """The event the story told last before this one's sentence with a day of its own (not
    the publication day): what "the following day" or "two days later" counts from."""
    sentence_start = ordered[index].sentence.start
    for earlier in reversed(ordered[:index]):
        date = earlier.date
        if earlier.sentence.start >= sentence_start or date is None:
            continue
        if earlier.date_source == "publication" or (date.end - date.start).days > 2:
            continue
        return earlier
    return None


def window_anchor(
    candidate: Candidate,
    reference: Candidate | None,
    sentence_dates: dict[int, list[DatedMention]],
    published_at: datetime.date,
) -> ResolvedDate:
    """When the window was granted: the sentence's own day, else the story's, else the
    publication day ("secured a 90-day period to work on a deal in a call with Trump")."""
    for mention in sentence_dates.get(candidate.sentence.start, []):
        if mention.mention.type == "DATE" and mention.mention.resolved is not None:
            resolved = resolve_date(mention.mention.text, published_at=published_at, tense="past")
            if resolved is not None and resolved.precision == "day":
                return resolved
    if reference is not None and reference.date is not None:
        return reference.date
    return publication_date(published_at)


def date_window(candidate: Candidate, granted: ResolvedDate, published_at: datetime.date) -> None:
    last_day = replace(granted, start=granted.end)
    shifted = shift(last_day, candidate.window_days or 0, text=candidate.trigger.text)
    candidate.date = shifted and replace(
        shifted, explanation=f"{candidate.trigger.text!r} from {granted.end.isoformat()}"
    )
    candidate.date_source = "anchored"
    if candidate.date is not None:
        candidate.status = "planned" if candidate.date.start > published_at else "happened"


def dated_in_clause(candidate: Candidate, offset: ClauseOffset) -> bool:
    """ "two days after the letter of July 7": the clause's own date stands (not a date of
    another verb inside it: "after the court ruled that the tariffs imposed last year...")."""
    mention = candidate.date_mention
    if candidate.date_source != "own" or mention is None:
        return False
    root = candidate.trigger.root
    verb = governing_verb(mention.span.root)
    return mention.span.root.i in offset.clause and (
        verb in {root, governing_verb(root)}
        or (verb.dep_ in {"acl", "relcl"} and verb.head == root)  # "tariffs announced in April"
    )


def offset_anchor(
    candidate: Candidate,
    offset: ClauseOffset,
    ordered: list[Candidate],
    reference: Candidate | None,
    sentence_dates: dict[int, list[DatedMention]],
    published_at: datetime.date,
) -> ResolvedDate | None:
    """The date of the main clause's event the offset is measured from: a date on its verb;
    else the event the main clause tells ("the move comes a day after ...") when it has a date
    of its own; else the story's first dated event (its lead, not background told later);
    else the publication day."""
    verb = offset.main_verb
    own = attached_date(verb, sentence_dates.get(candidate.sentence.start, []))
    if own is not None and own.span.root.i not in offset.clause:
        return resolve_date(own.mention.text, published_at=published_at, tense="past") or (
            own.mention.resolved
        )
    told = {verb.i, *(c.i for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"})}
    for other in ordered:
        if (
            other is not candidate
            and other.sentence.start == candidate.sentence.start
            and other.trigger.root.i in told
            and other.date is not None
            and other.date_source == "own"  # not "the talks" dated by an older round
        ):
            return other.date
    if reference is not None:
        return reference.date
    return publication_date(published_at)


def date_by_offset(candidate: Candidate, offset: ClauseOffset, measured_from: ResolvedDate) -> None:
    shifted = shift(
        measured_from,
        -offset.nearest_days,
        text=offset.text,
        reach=offset.furthest_days - offset.nearest_days,
    )
    candidate.date = shifted and replace(
        shifted,
        explanation=f"{offset.text!r} the main clause's event ({measured_from.start.isoformat()})",
    )
    candidate.date_source = "anchored"


REPORTING_LEMMAS = REPORTING_VERBS | {"brief", "announce", "speak"}


def reporting_day(
    sentence_dates: dict[int, list[DatedMention]], published_at: datetime.date
) -> ResolvedDate | None:
    """The day the story is reported from: "an aide who briefed the press on Friday",
    "the ministry said on Friday". Wire copy leads in the perfect ("the US has announced new
    frameworks") and dates the news only in such a later line; a day within the last week."""
    for start in sorted(sentence_dates):
        for mention in sentence_dates[start]:
            if governing_verb(mention.span.root).lemma_.lower() not in REPORTING_LEMMAS:
                continue
            resolved = resolve_for_status(mention, "happened", published_at)
            if (
                resolved is not None
                and resolved.precision == "day"
                and 0 <= (published_at - resolved.start).days <= 7
            ):
                return resolved
    return None


def inherit(candidate: Candidate, date: ResolvedDate, *, source: str, why: str) -> None:
    candidate.date = replace(
        date, computed=True, explanation=f"no date of its own: dated with {why}"
    )
    candidate.date_source = source


def publication_date(published_at: datetime.date) -> ResolvedDate:
    return ResolvedDate(
        start=published_at,
        end=published_at,
        precision="day",
        text="",
        timex=published_at.isoformat(),
        computed=True,
        explanation="no date of its own: a report in the present, dated on the publication day",
    )
