"""Time offsets: an event placed some days from another date or event, not on it.

"two days before the March 1 deadline" dates the event from the deadline's day; "The move
comes a day after Trump sent a letter" puts the letter the day before the move; "Two days
after announcing ..." is no duration of a measure. These read a count and a unit
(grammar.COUNT) into a number of days, where attachment.py only chooses which date phrase is an
event's own. (Offsets in time, not the character offsets of chunks.py and merging.py.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .candidate import DatedMention
from .grammar import COUNT, OFFSET, count_of, governing_verb, left_context, unit_days


def offset_before(dated: DatedMention) -> tuple[int, str] | None:
    """ "two days before the March 1 deadline": the event lies that many days from the date
    (signed), with the whole phrase. None when the date is not measured from."""
    before = left_context(dated.span, 6).text
    match = OFFSET.search(before)
    if match is None:
        return None
    days = int(count_of(match.group("num")) or 0) * unit_days(match.group("unit"))
    sign = 1 if match.group("dir").lower() == "after" else -1
    return sign * days, f"{match.group(0).strip()} {dated.mention.text}"


def is_offset(dated: DatedMention) -> bool:
    """ "Two days after announcing ...", "a week before the deadline": a duration that places
    one event from another, not how long a measure runs."""
    span = dated.span
    following = span.doc[span.end : span.end + 1]
    return bool(following) and following[0].lower_ in {"after", "before", "later", "earlier"}


@dataclass(frozen=True)
class ClauseOffset:
    """ "two days after X", "less than three weeks after X", "a few days after X": how long
    before the main clause's event X came, as a range of days back (nearest, furthest), and
    the verb of the main clause it is measured from."""

    nearest_days: int
    furthest_days: int
    main_verb: Token
    clause: frozenset[int]
    text: str


OFFSET_AMOUNT = re.compile(
    r"(?:^|\s)(?:(?:just|only|barely|some)\s+)?(?P<bound>less\s+than\s+|under\s+)?"
    r"(?P<num>" + COUNT + r"|a\s+few|several)"
    r"[\s-]+(?P<unit>hours?|days?|weeks?)\s*$",
    re.I,
)


def offset_of_clause(trigger: Span) -> ClauseOffset | None:
    """The event is told in an "N days after ..." clause: it came that long before the event
    of the main clause ("The move comes a day after Trump sent a letter": the letter came the
    day before the move). Not "more than a month after", which bounds nothing."""
    root = trigger.root
    doc = root.doc
    for token in [root, *root.ancestors]:
        after = next(
            (c for c in token.children if c.dep_ in {"mark", "prep"} and c.lower_ == "after"),
            None,
        )
        if token.lower_ == "after" and token.dep_ == "prep":
            after, clause_head, main_verb = token, token, governing_verb(token.head)
        elif after is not None and after.dep_ == "mark" and token.dep_ == "advcl":
            clause_head, main_verb = token, token.head
        else:
            if token.pos_ in {"VERB", "AUX"} and token.dep_ not in CLAUSES_WITHIN:
                return None  # past the clause the event is told in
            continue
        before = doc[max(after.i - 6, after.sent.start) : after.i].text
        match = OFFSET_AMOUNT.search(before)
        if match is None:
            return None
        clause = frozenset(t.i for t in clause_head.subtree)
        return clause_offset(match, main_verb, clause, f"{match.group(0).strip()} after")
    return None


CLAUSES_WITHIN = frozenset({"pcomp", "advcl", "xcomp", "ccomp", "acl", "relcl"})

SPELL_NOUNS = frozenset({"hour", "day", "night", "week", "weekend"})


def lasting_before(trigger: Span) -> ClauseOffset | None:
    """ "After a weekend of talks in Geneva, they announced on Monday", "following two days of
    negotiations": the talks filled the days just before the main clause's event."""
    root = trigger.root
    if root.dep_ != "pobj" or root.head.lower_ != "of":
        return None
    spell = root.head.head
    unit = spell.lemma_.lower()
    if unit not in SPELL_NOUNS or spell.dep_ not in {"pobj", "dobj"}:
        return None
    after = spell.head  # a preposition, or "Following" read as a verb
    if after.lower_ not in {"after", "following"} or after.dep_ not in {"prep", "advcl", "pcomp"}:
        return None
    number = next((c for c in spell.children if c.dep_ == "nummod"), None)
    count = int(count_of(number.text) or 1) if number is not None else 1
    days = 2 if unit == "weekend" else max(count * unit_days(unit.replace("night", "day")), 1)
    text = root.doc[after.i : spell.i + 1].text
    clause = frozenset(t.i for t in after.subtree)
    return ClauseOffset(1, days, governing_verb(after.head), clause, text)


def clause_offset(
    match: re.Match, main_verb: Token, clause: frozenset[int], text: str
) -> ClauseOffset:
    number_text = re.sub(r"\s+", " ", match.group("num").lower())
    if number_text in {"a few", "several"}:
        low, high = 2, 6
    else:
        low = high = int(count_of(number_text) or 0)
    scale = unit_days(match.group("unit"))
    if scale == 0:  # "hours after": that day or the one before
        return ClauseOffset(0, 1, main_verb, clause, text)
    if match.group("bound"):
        return ClauseOffset(1, high * scale, main_verb, clause, text)
    if scale == 7:  # "two weeks after": about then, the week around it
        return ClauseOffset(low * 7 - 3, high * 7 + 3, main_verb, clause, text)
    return ClauseOffset(low * scale, high * scale, main_verb, clause, text)


NARRATIVE_STEP = re.compile(
    r"\b(?:(?P<num>" + COUNT + r")[\s-]+(?P<unit>days?|weeks?)\s+(?P<dir>later|earlier)"
    r"|the\s+(?P<next>following|next)\s+day|the\s+day\s+after(?=\s*[,.;]|\s+that\b)"
    r"|the\s+(?:previous|preceding)\s+day|the\s+day\s+before(?=\s*[,.;]|\s+that\b)"
    r"|(?:later\s+)?(?:on\s+)?the\s+same\s+day|later\s+that\s+day|hours\s+later)\b",
    re.I,
)


def narrative_step(text: str) -> tuple[int, str] | None:
    """ "The following day, he met Bessent", "Two days later, they spoke by phone", "a week
    earlier": a day counted from the event the story last told, not from the publication
    (signed days, with the phrase). None when the text names no such step."""
    match = NARRATIVE_STEP.search(text)
    if match is None:
        return None
    phrase = match.group(0)
    if match.group("num"):
        days = int(count_of(match.group("num")) or 0) * unit_days(match.group("unit"))
        return (days if match.group("dir").lower() == "later" else -days), phrase
    lowered = phrase.lower()
    if match.group("next") or "after" in lowered:
        return 1, phrase
    if "previous" in lowered or "preceding" in lowered or "before" in lowered:
        return -1, phrase
    return 0, phrase  # the same day, later that day, hours later


def is_narrative_step(text: str) -> bool:
    """The whole date phrase is such a step ("A day later"): the tagger would read it from the
    publication day."""
    match = NARRATIVE_STEP.fullmatch(text.strip())
    return match is not None
