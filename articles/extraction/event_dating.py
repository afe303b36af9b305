"""Dating one event: which date phrase of its sentence is its own, read with the tense of its
verb, and the dates of deadlines and of events that span several days.

The general part of dating, used for every kind of event: it finds a sentence's date phrases,
tells bounds ("until", "since") from dates, resolves a phrase with the tense of its verb, and
moves dates by a number of days for the modules that anchor one event on another. What is
particular to tariff measures lives in tariff_dating.py and tariff_steps.py."""

from __future__ import annotations

import datetime
import re
from dataclasses import replace

from spacy.tokens import Span

from . import (
    attachment,
    grammar,
    modality,
    narrative_reading,
)
from .candidate import Candidate, DatedMention
from .dates import (
    ResolvedDate,
    find_dates,
    resolve_date,
    widened,
)
from .grammar import span_text
from .meeting_reading import CONCLUDING_VERBS
from .offsets import is_narrative_step

ANCHORED = re.compile(
    r"\b(?P<num>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]+"
    r"(?P<unit>days?|weeks?|months?)\s+(?P<dir>after|before|earlier|later)\b",
    re.I,
)


UNTIL = re.compile(
    r"\b(?:until|till|through|to last until|runs? out (?:in|on)|expires? (?:in|on))\s*$", re.I
)


def preceded_by(mention: DatedMention, words: set[str]) -> bool:
    span = mention.span
    before = grammar.left_context(span, 1)
    return len(before) == 1 and before[0].lower_ in words


def dated_mentions(sentence: Span, published_at: datetime.date) -> list[DatedMention]:
    doc = sentence.doc
    mentions = []
    covered_until = 0
    text = span_text(sentence)
    for found in find_dates(text, published_at=published_at):
        if found.start_char < covered_until:
            continue  # "next year" of "June 30 next year", read with the day
        mention = widened(found, text, published_at)
        covered_until = mention.end_char
        span = doc.char_span(
            sentence.start_char + mention.start_char,
            sentence.start_char + mention.end_char,
            alignment_mode="expand",
        )
        if span is None:
            continue
        dated = DatedMention(mention, span)
        if is_narrative_step(mention.text) or is_narrative_step(
            f"{mention.text} {doc[span.end : span.end + 1].text}"
        ):
            continue  # "A day later", "Two days later": from the story's last event (narrative)
        if not attachment.is_background_date(dated, published_year=published_at.year):
            mentions.append(dated)
    return without_times_of_dated_days(mentions, text)


TIME_TO_DAY = re.compile(r"^[\s,]*(?:on|of|at)?[\s,]*$", re.I)


def without_times_of_dated_days(mentions: list[DatedMention], text: str) -> list[DatedMention]:
    """ "at 12:01 a.m. on March 12", "midnight, March 12", "March 12 at noon": the hour is on
    the day written next to it, not today; the day alone dates the event."""
    days = [m.mention for m in mentions if m.mention.type == "DATE"]

    def next_to_a_day(time) -> bool:
        for day in days:
            first, second = sorted((time, day), key=lambda m: m.start_char)
            gap = text[first.end_char : second.start_char]
            if len(gap) <= 6 and TIME_TO_DAY.match(gap):
                return True
        return False

    return [m for m in mentions if m.mention.type != "TIME" or not next_to_a_day(m.mention)]


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
    if (
        candidate.date is not None
        and candidate.date.start > published_at
        and candidate.status != "cancelled"  # "the earlier deadline of 4 March" was moved
    ):
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


def is_end_bound(dated: DatedMention) -> bool:
    """ "until May 1", "through June": asked of each date for each trigger of its sentence,
    answered once."""
    if dated.end_bound is None:
        before = span_text(grammar.left_context(dated.span, 4))
        dated.end_bound = (
            bool(UNTIL.search(before))
            or dated.mention.text.lower().startswith(("until", "through"))
            or is_extended_to(dated)
        )
    return dated.end_bound


# the verbs that extend a reprieve, and those that push a day back
EXTENDING_LEMMAS = narrative_reading.EXTENDING_VERBS | {"delay", "postpone", "push"}


def is_extended_to(dated: DatedMention) -> bool:
    """ "extending the pause on the duties to August 1", "pushed the deadline back to May 9":
    the day a reprieve is extended to is where it ends, not when the extension was made."""
    root = dated.span.root
    preposition = root.head
    return (
        root.dep_ == "pobj"
        and preposition.lower_ == "to"
        and preposition.head.lemma_.lower() in EXTENDING_LEMMAS
    )


def is_start_bound(dated: DatedMention) -> bool:
    """ "has led the talks since April", "their first meeting since 2019": when something
    began or was last seen, not when this meeting took place."""
    root = dated.span.root
    return any(
        token.lower_ == "since" and token.dep_ == "prep"
        for token in [root, *list(root.ancestors)[:3]]
    ) or dated.mention.text.lower().startswith("since")


def resolve_for_status(
    dated: DatedMention, status: str, published_at: datetime.date
) -> ResolvedDate | None:
    """Resolve with the tense of the verb the date hangs on ("said on Monday" looks back, "will
    meet on Monday" forward); failing that, unrealised events look forward."""
    if preceded_by(dated, {"since"}):
        tense = "past"  # "in force since Saturday"
    elif status == "cancelled":
        tense = "future"  # a plan called off: "the meeting scheduled for Thursday"
        if dated.mention.resolved is not None and dated.mention.resolved.precision == "month":
            return nearest_month(dated, published_at)  # "initially planned for August"
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


def nearest_month(dated: DatedMention, published_at: datetime.date) -> ResolvedDate | None:
    """A plan called off for a month ("the summit, initially planned for August, has been
    postponed"): the nearer of the month just past and the month to come."""
    readings = [
        resolve_date(dated.mention.text, published_at=published_at, tense=tense)
        for tense in ("past", "future")
    ]
    readings = [r for r in readings if r is not None]
    if not readings:
        return dated.mention.resolved
    return min(
        readings,
        key=lambda r: min(abs((r.start - published_at).days), abs((r.end - published_at).days)),
    )


def shift(resolved: ResolvedDate, days: int, *, text: str, reach: int = 0) -> ResolvedDate | None:
    """The interval moved by a number of days, its start ``reach`` days earlier still ("a few
    days after": two to six days before); None when that leaves the calendar ("99999999
    months after")."""
    try:
        delta = datetime.timedelta(days=days)
        start = resolved.start + delta - datetime.timedelta(days=reach)
        end = resolved.end + delta
    except (OverflowError, ValueError):
        return None
    if start == end:
        timex = start.isoformat()
    elif reach:
        timex = f"{start.isoformat()}/{end.isoformat()}"
    else:
        timex = resolved.timex
    return ResolvedDate(
        start=start,
        end=end,
        precision="day" if start == end else "range",
        text=text,
        timex=timex,
        computed=True,
        explanation=f"'{text}' -> {start.isoformat()}"
        + ("" if start == end else f"..{end.isoformat()}"),
    )


START_WORDS = frozenset({"starting", "beginning", "from"})


ENDING_VERBS = CONCLUDING_VERBS | {"end", "finish", "wind"}  # "wrapped up two days of talks"


def spanning_its_days(candidate: Candidate, durations: list[DatedMention]) -> ResolvedDate | None:
    """ "a three-day visit starting Tuesday": the visit runs Tuesday to Thursday (its day is
    where it starts only when the sentence says so)."""
    date, mention = candidate.date, candidate.date_mention
    if date is None or mention is None or date.precision != "day":
        return date
    root = candidate.trigger.root
    spell = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else None
    days = next(
        (
            d.mention.duration_days
            for d in durations
            if d.mention.duration_days
            and (d.span.root.head.i == root.i or (spell is not None and d.span.root.i == spell.i))
        ),
        None,
    )
    if not days or not 2 <= days <= 14:
        return date
    if spell is not None and grammar.governing_verb(spell).lemma_.lower() in ENDING_VERBS:
        # "ended three days of negotiations in Oslo on Friday": Wednesday to Friday
        return replace(
            date,
            start=date.end - datetime.timedelta(days=days - 1),
            precision="range",
            computed=True,
            explanation=f"the {days} days that ended {date.text!r}",
        )
    head = mention.span.root.head
    starts_there = head.lower_ in START_WORDS or (
        head.dep_ == "prep" and head.head.lower_ in START_WORDS
    )
    if not starts_there:
        return date
    end = date.start + datetime.timedelta(days=days - 1)
    return replace(
        date,
        end=end,
        precision="range",
        computed=True,
        explanation=f"{date.text!r} and the {days} days it lasts",
    )


def through_joined_day(
    candidate: Candidate, dated: list[DatedMention], *, published_at: datetime.date
) -> ResolvedDate | None:
    """ "talks held in Madrid on Sunday and Monday": a meeting dated by two joined days runs
    from the first to the last."""
    date, mention = candidate.date, candidate.date_mention
    if date is None or mention is None or date.precision != "day":
        return date
    joined = {t.i for t in mention.span.root.conjuncts}
    for other in dated:
        if other is mention or other.span.root.i not in joined:
            continue
        day = resolve_for_status(other, candidate.status, published_at)
        if day is None or day.precision != "day" or not 0 < (day.start - date.end).days <= 6:
            continue
        return replace(
            date,
            end=day.end,
            precision="range",
            computed=True,
            explanation=f"{date.text!r} to {day.text!r}",
        )
    return date


def dated_by_its_end(
    candidate: Candidate, until: DatedMention, *, published_at: datetime.date
) -> Candidate:
    """ "is to hold talks with Bessent through Friday": talks under way or about to start that
    run until a day to come are held from the publication day to that day (and the day is
    when they end, not a deadline)."""
    end = resolve_for_status(until, candidate.status, published_at)
    if (
        end is None
        or candidate.status not in {"planned", "happened"}
        or end.end < published_at
        or (end.end - published_at).days > 14
        or grammar.governing_verb(until.span.root) != grammar.governing_verb(candidate.trigger.root)
    ):
        return candidate
    candidate.date_mention = until
    candidate.date = ResolvedDate(
        start=published_at,
        end=end.end,
        precision="range",
        text=until.mention.text,
        timex=end.timex,
        computed=True,
        explanation=f"from publication to the end of '{until.mention.text}'",
    )
    return candidate


WINDOW_NUMBER = r"(?P<num>" + grammar.COUNT + r")"
GRANTED_WINDOW = re.compile(
    r"\b(?:gave|give|gives|giving|granted|grants?|allowed|allows?)\b[^.;:]{0,60}?\b"
    + WINDOW_NUMBER
    + r"[\s-](?P<unit>days?|weeks?)\s+to\b",
    re.I,
)
WINDOW_PERIOD = re.compile(
    r"\b"
    + WINDOW_NUMBER
    + r"[\s-](?P<unit>days?|weeks?)\s+(?:period|window|grace\s+period)\s+to\b",
    re.I,
)


def granted_window(text: str) -> tuple[int, int, int] | None:
    """ "gave the ministry 10 days to lift the duties", "a 60-day window to negotiate": a
    deadline that many days after the act granting it. (days, start, end) of the
    phrase, or None."""
    match = GRANTED_WINDOW.search(text) or WINDOW_PERIOD.search(text)
    if match is None:
        return None
    days = int(grammar.count_of(match.group("num")) or 0) * grammar.unit_days(match.group("unit"))
    return (days, match.start("num"), match.end("unit")) if days else None
