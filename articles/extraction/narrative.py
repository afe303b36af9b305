"""Narrative time: dating the sentences of a story that carry no date of their own.

News anchors most sentences to the event of the story: "London and Ottawa settled their
dispute on Wednesday. The agreement sets a 12% duty on lumber." The duty is part of Wednesday's
deal. We track a reference time through the article, the date of the last event told with a
date of its own that belongs to the story's present (not background history), and give it to
undated events that follow; before any such event, a report in the present tense or perfect
("India and the US are holding talks", "has agreed") is dated on the publication day, and a
past-tense lead takes the story's first dated event. Every date given this way is marked, so
that confidence and editors can tell it from a date the sentence states.

This module walks the article and decides, event by event, which date applies;
narrative_reading.py reads how each event is told, and narrative_dates.py finds and sets the
dates an event can take.
"""

from __future__ import annotations

import datetime

from .candidate import Candidate, DatedMention
from .dates import resolve_date
from .event_dating import shift
from .grammar import span_text, unique
from .narrative_dates import (
    date_by_offset,
    date_window,
    dated_by_sentence,
    dated_in_clause,
    frame_date,
    inherit,
    last_told_before,
    likened_to_measure_before,
    offset_anchor,
    publication_date,
    reporting_day,
    same_kind_told_before,
    same_sentence_date,
    window_anchor,
)
from .narrative_reading import (
    is_background_pluperfect,
    is_meeting_on_trip,
    is_meeting_told_in_story,
    is_ongoing_talks,
    is_perfect,
    is_present_report,
    is_story_anchor,
    is_told_act,
    wants_story_date,
)
from .offsets import lasting_before, narrative_step, offset_of_clause


def attach_reference_times(
    candidates: list[Candidate],
    *,
    published_at: datetime.date,
    sentence_dates: dict[int, list[DatedMention]] | None = None,
) -> None:
    """Give undated events of the story the story's reference time (in place)."""
    sentence_dates = sentence_dates or {}
    ordered = sorted(candidates, key=lambda c: c.trigger.start)
    anchors = [c for c in ordered if is_story_anchor(c, published_at)]
    # only a story without an anchor of its own needs the day it is reported from
    reported_on = None if anchors else reporting_day(sentence_dates, published_at)
    dated = dated_by_sentence(ordered)
    reference: Candidate | None = None
    for index, candidate in enumerate(ordered):
        step = narrative_step(span_text(candidate.sentence)) if candidate.date is None else None
        told_before = last_told_before(ordered, index) if step is not None else None
        if told_before is not None:
            stepped = shift(told_before.date, step[0], text=step[1])
            if stepped is not None:
                inherit(
                    candidate,
                    stepped,
                    source="story",
                    why=f"{step[1]!r} from the event told before ({told_before.date.text!r})",
                )
                continue
        if candidate.window_days and candidate.date is None:
            granted = window_anchor(candidate, reference, sentence_dates, published_at)
            date_window(candidate, granted, published_at)
            continue
        offset = (
            None
            if candidate.date_source == "anchored"
            else offset_of_clause(candidate.trigger) or lasting_before(candidate.trigger)
        )
        if offset is not None and not dated_in_clause(candidate, offset):
            # references.sentence_anchors dated it from an event of its own sentence; this
            # measures from the main clause's date, its event, the story or the publication
            measured_from = offset_anchor(
                candidate,
                offset,
                ordered,
                anchors[0] if anchors else reference,
                sentence_dates,
                published_at,
            )
            if measured_from is not None:
                date_by_offset(candidate, offset, measured_from)
                continue
        if is_story_anchor(candidate, published_at):
            reference = candidate
            continue
        if (likened := likened_to_measure_before(ordered, index)) is not None:
            inherit(
                candidate,
                likened.date,
                source="story",
                why=f"like the measure told before ({likened.date.text!r})",
            )
            candidate.status = likened.status
            continue
        if is_ongoing_talks(candidate):
            candidate.date = publication_date(published_at)
            candidate.date_source = "publication"
            continue
        if is_meeting_on_trip(candidate, reference):
            inherit(
                candidate,
                reference.date,
                source="story",
                why=f"the trip it is part of ({reference.date.text!r})",
            )
            # "He is expected to meet Lutnick": the traveller is one of the parties
            candidate.participants = unique([*reference.participants, *candidate.participants])
            continue
        if reference is not None and is_meeting_told_in_story(candidate):
            inherit(
                candidate,
                reference.date,
                source="story",
                why=f"the story's last dated event ({reference.date.text!r})",
            )
            continue
        if not wants_story_date(candidate):
            continue
        frame = frame_date(candidate, sentence_dates.get(candidate.sentence.start, []))
        if frame is not None:
            resolved = resolve_date(frame.mention.text, published_at=published_at, tense="past")
            inherit(
                candidate,
                resolved or frame.mention.resolved,
                source="frame",
                why=f"the date of the clause it hangs on ({frame.mention.text!r})",
            )
        elif (
            sibling := same_sentence_date(candidate, dated.get(candidate.sentence.start, []))
        ) is not None:
            candidate.date = sibling.date
            candidate.date_source = "referent"
        elif is_background_pluperfect(candidate):
            pass  # undated: told as earlier than the story, at a time the article does not give
        elif reference is not None:
            inherit(
                candidate,
                reference.date,
                source="story",
                why=f"the story's last dated event ({reference.date.text!r})",
            )
        elif not anchors and reported_on is not None and is_perfect(candidate):
            inherit(
                candidate,
                reported_on,
                source="story",
                why=f"the day the story is reported from ({reported_on.text!r})",
            )
        elif is_present_report(candidate) and not (
            (anchors and (is_perfect(candidate) or candidate.status == "planned"))
            or (reported_on is not None and candidate.status == "planned")
        ):  # "the deal will reduce tariffs", told before the deal's day: dated with the deal;
            # announced in a story reported from a day: dated on that day (below)
            candidate.date = publication_date(published_at)
            candidate.date_source = "publication"
        elif (kin := same_kind_told_before(ordered, index, published_at)) is not None:
            inherit(
                candidate,
                kin.date,
                source="story",
                why=f"the {kin.type.replace('_', ' ')} told just before ({kin.date.text!r})",
            )
        elif anchors:
            first = anchors[0]
            inherit(
                candidate,
                first.date,
                source="story",
                why=f"the story's first dated event ({first.date.text!r})",
            )
        elif reported_on is not None and candidate.status == "planned":
            # "statements released with Thursday's deals said the US will remove tariffs":
            # announced on the day the story is reported from, not on the publication day
            inherit(
                candidate,
                reported_on,
                source="story",
                why=f"the day the story is reported from, when it was announced ({reported_on.text!r})",
            )
        elif is_told_act(candidate):
            # a story with no recent day of its own: "signed the trade agreement" is the day's
            # news, even beside background dated by month ("the tariffs imposed last month")
            candidate.date = publication_date(published_at)
            candidate.date_source = "publication"
