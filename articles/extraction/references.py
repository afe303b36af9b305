"""Across sentences: back-references ("the meeting") take the date of the event they mean, and
events anchored to another ("two days before the deadline") are placed from it."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span

from . import (
    grammar,
)
from .candidate import Candidate
from .event_dating import ANCHORED, shift
from .grammar import span_text
from .patterns import (
    AGREEMENT,
    MEETING,
    STATEMENT,
)


def sentence_anchors(
    sentence: Span, candidates: list[Candidate], first_index: int
) -> list[tuple[int, int, int, str]]:
    """ "The meeting came two days after Trump eased tariffs": the easing is dated from the meeting."""
    match = ANCHORED.search(span_text(sentence))
    if not match:
        return []
    position = sentence.start_char + match.start()
    number = int(grammar.count_of(match.group("num")) or 0)
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
        if source is None and candidate.type == MEETING and not told_in_the_past(candidate):
            # "the goal of this meeting is...", "the date of the meeting": no tense of its own,
            # so it is the planned meeting told before, and planned like it
            planned = [
                c
                for c in reach
                if c.type == MEETING
                and c.status == "planned"
                and c.date is not None
                and not c.inherited
                and c.trigger.start < candidate.trigger.start
            ]
            source = planned[-1] if planned else None
            if source is not None:
                candidate.status = source.status
        if source is not None:
            candidate.date = source.date
            candidate.date_source = "referent"
            if grammar.refers_back(candidate.trigger) and not names_a_person(candidate.trigger):
                # "Trump said the talks with Japan went well": who speaks of them did not join
                # them (but "Bessent said the meetings with He Lifeng were constructive": he did)
                candidate.participants = list(source.participants)
            if not candidate.location:
                candidate.location = source.location


def names_a_person(trigger: Span) -> bool:
    """The meeting's own phrase names someone: "the meetings with Vice Premier He Lifeng"."""
    if any(t.ent_type_ == "PERSON" for t in trigger.root.subtree):
        return True
    after = trigger.doc[trigger.end : min(trigger.end + 6, trigger.sent.end)]
    return (
        len(after) > 1
        and after[0].lower_ == "with"
        and any(t.ent_type_ == "PERSON" for t in after[1:])
    )  # the parser may hang the name elsewhere


def told_in_the_past(candidate: Candidate) -> bool:
    """The verb the event hangs on is in a past tense ("the meeting was held")."""
    verb = grammar.governing_verb(candidate.trigger.root)
    return verb.tag_ in {"VBD", "VBN"}


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
        if anchor is None or candidates[anchor_index].inherited:
            continue  # "the talks" dated by an older round: narrative.py measures from the story
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
