"""The consistency pass: what an event's status and date may say together.

Run once, after every rule has interpreted the article and narrative time has dated what it
could, so that no rule has to enforce these on its own:
- a happened event cannot start after the publication date (it is planned: the tense was
  misread or the date is the day it takes effect);
- a planned or possible event cannot lie wholly before the publication date: when its date
  came from the story, the story's event is when it was announced or agreed ("will be cut to
  15%" in Tuesday's deal: announced on Tuesday); a meeting or deal the article only plans
  keeps no borrowed date, and one only hoped for by a day now past keeps no date at all.
"""

from __future__ import annotations

import datetime
from dataclasses import replace

from .candidate import Candidate
from .grammar import governing_verb
from .modality import PROMISING_VERBS, told_as_ahead
from .patterns import AGREEMENT, MEETING, TARIFF

BORROWED = frozenset({"story", "publication", "referent", "frame"})


def enforce(candidates: list[Candidate], *, published_at: datetime.date) -> None:
    """Make status and date agree (in place)."""
    for candidate in candidates:
        date = candidate.date
        if date is None:
            continue
        if candidate.status == "happened" and date.start > published_at:
            candidate.status = "planned"
        elif candidate.status in {"planned", "speculative"} and date.end < published_at:
            if candidate.status == "speculative" and candidate.type in {MEETING, AGREEMENT}:
                candidate.date = None  # "had hoped to seal the deal by early July": it did not
                candidate.date_source = "own"
            elif candidate.date_source in BORROWED:
                settle_borrowed_plan(candidate)
            elif (
                candidate.status == "planned"
                and candidate.type == MEETING
                and told_as_ahead(candidate.trigger)
            ):
                candidate.date = None  # "confirmed on Monday the upcoming talks": Monday is
                candidate.date_source = "own"  # the confirming, the talks are still to come
            elif candidate.status == "planned" and not is_agreed_relief(candidate):
                candidate.status = "happened"  # its day has passed and the article reports it


RELIEF = frozenset({"lowered", "exempted", "removed"})


def is_agreed_relief(candidate: Candidate) -> bool:
    """ "agreed on May 8 to lower (waive, lift) duties": the day is the agreement's (a verb
    above the change), and the relief is still to come."""
    tariff, mention = candidate.tariff, candidate.date_mention
    if tariff is None or tariff.action not in RELIEF or mention is None:
        return False
    verb = governing_verb(candidate.trigger.root)
    return governing_verb(mention.span.root) in set(verb.ancestors)


def is_promised_relief(candidate: Candidate) -> bool:
    """ "the US has agreed to waive duties on salmon", "the deal will reduce tariffs": a cut
    one side has promised, dated by the story's deal, is still to come."""
    tariff = candidate.tariff
    if tariff is None or tariff.action not in RELIEF:
        return False
    verb = governing_verb(candidate.trigger.root)
    if any(c.dep_ == "aux" and c.lower_ in {"will", "'ll", "shall"} for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in PROMISING_VERBS


def settle_borrowed_plan(candidate: Candidate) -> None:
    """A plan dated by the story: a measure was announced then, or a promised cut agreed then
    (still planned); other plans stay undated."""
    if is_promised_relief(candidate):
        return
    if candidate.type == TARIFF and candidate.tariff is not None:
        candidate.status = "happened"
        if candidate.tariff.action in {"imposed", "raised"}:
            candidate.tariff = replace(candidate.tariff, action="announced")
        return
    candidate.date = None
    candidate.date_source = "own"
