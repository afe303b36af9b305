"""Speech time: "today" and "tomorrow" inside a quotation count from when it was said; an hour
without a day ("at 10:28 pm") is on the story's day.

A speaker's "we will hold talks again tomorrow" counts from the day of speaking, not from the
day the article came out. Wire copy from Asia on talks held in Washington the day before
("met Lutnick on Thursday", published Friday morning) quotes the ministers' "today" and
"tomorrow" of Thursday. The day of speaking is the date of the quotation's own reporting verb
("she said on Thursday"), else the story's day when its lead event was held just before
publication; otherwise the publication day (as everywhere else).
"""

from __future__ import annotations

import datetime
import re

from spacy.tokens import Span

from .candidate import Candidate
from .event_dating import shift
from .grammar import doc_text, span_text
from .patterns import REPORTING_VERBS

DEICTIC = re.compile(
    r"^(?:today|tonight|tomorrow|yesterday|this (?:morning|afternoon|evening))\b", re.I
)
OPENING, CLOSING = "“", "”"
STORY_LAG_DAYS = 2  # a lead event this close before publication is the day the quotes were said


def in_quotation(span: Span) -> bool:
    """The span lies inside quotation marks of its sentence (or of a quotation the sentence
    closes: '... for the second time today," she said')."""
    sentence = span.sent
    text = doc_text(sentence.doc)
    before = text[sentence.start_char : span.start_char]
    after = text[span.end_char : sentence.end_char]
    if before.count('"') % 2 == 1:
        return True
    last_open, last_close = before.rfind(OPENING), before.rfind(CLOSING)
    if last_open > last_close:
        return True
    next_open, next_close = after.find(OPENING), after.find(CLOSING)
    return last_open < 0 and last_close < 0 and next_close >= 0 and not 0 <= next_open < next_close


CLOCK = re.compile(r"\d\s*(?:[ap]\.?\s?m\b\.?|:\d\d)|\b(?:noon|midnight)\b", re.I)
DAY_WORDS = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|\b(?:today|tonight|tomorrow|yesterday)\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d",
    re.I,
)


def is_bare_clock_time(candidate: Candidate) -> bool:
    """ "posted it at around 10:28 pm", "the meeting began at 8 a.m.": an hour without a day,
    on the day of the story it belongs to (read as the publication day by the resolver)."""
    mention = candidate.date_mention
    if mention is None or candidate.date is None or candidate.date_source != "own":
        return False
    text = mention.mention.text
    return (
        mention.mention.type == "TIME"
        and CLOCK.search(text) is not None
        and DAY_WORDS.search(span_text(candidate.sentence)) is None  # "at 00:01 on Saturday"
    )


def is_quoted_deictic(candidate: Candidate) -> bool:
    mention = candidate.date_mention
    return (
        mention is not None
        and candidate.date is not None
        and candidate.date_source == "own"
        and DEICTIC.match(mention.mention.text.strip()) is not None
        and in_quotation(mention.span)
    )


def story_day(candidates: list[Candidate], published_at: datetime.date) -> datetime.date | None:
    """The day of the article's first event told with its own single day, when that day lies
    just before publication: the day its quotations were spoken."""
    for candidate in sorted(candidates, key=lambda c: c.trigger.start):
        date = candidate.date
        if (
            date is None
            or candidate.date_source != "own"
            or candidate.status != "happened"
            or date.start != date.end
            or is_quoted_deictic(candidate)
            or is_bare_clock_time(candidate)
        ):
            continue
        lag = (published_at - date.start).days
        return date.start if 0 < lag <= STORY_LAG_DAYS else None
    return None


def speaking_from_story_day(candidates: list[Candidate], *, published_at: datetime.date) -> None:
    """Re-date (in place) events dated by a "today" or "tomorrow" inside a quotation whose
    sentence does not date the speaking itself, counting from the story's day, and events
    dated by a bare hour, placed on the story's day."""
    day = story_day(candidates, published_at)
    if day is None:
        return
    lag = (day - published_at).days
    for candidate in candidates:
        if is_bare_clock_time(candidate):
            if candidate.date.start != published_at:
                continue  # the resolver placed the hour on another day: left as read
        elif not is_quoted_deictic(candidate) or dated_report(candidate):
            continue
        moved = shift(candidate.date, lag, text=candidate.date.text)
        if moved is not None:
            candidate.date = moved


def dated_report(candidate: Candidate) -> bool:
    """ "'We meet again tomorrow,' she said on Thursday": the speaking has a date of its own."""
    for token in candidate.sentence:
        if token.lemma_.lower() not in REPORTING_VERBS or token.pos_ != "VERB":
            continue
        for child in token.children:
            if child.dep_ not in {"prep", "npadvmod", "advmod"} or in_quotation(
                child.doc[child.i : child.i + 1]
            ):
                continue
            if any(t.ent_type_ in {"DATE", "TIME"} for t in child.subtree):
                return True
    return False
