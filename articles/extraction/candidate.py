"""Candidates: an event as read from one trigger, before merging, and the dates placed in the Doc."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from .dates import DateMention, ResolvedDate
from .types import ExtractedTariff


@dataclass
class DatedMention:
    """A date mention placed in the Doc: its tokens and what it resolves to."""

    mention: DateMention
    span: Span
    by_tense: dict[str, ResolvedDate | None] = field(default_factory=dict)  # resolutions made
    # whether it bounds a period's end ("until May 1"), once asked (event_dating.is_end_bound)
    end_bound: bool | None = field(default=None, compare=False, repr=False)


@dataclass
class Candidate:
    """An event as read from one trigger, before merging with its other mentions."""

    type: str
    trigger: Span
    sentence: Span
    status: str = "happened"
    date: ResolvedDate | None = None
    date_mention: DatedMention | None = None
    participants: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    location: str = ""
    duration_minutes: int | None = None
    tariff: ExtractedTariff | None = None
    definite: bool = False  # "the meeting": refers back to an event told before
    # own | anchored (told from another date) | referent ("the meeting") | frame | story |
    # publication: where the date came from (see narrative.py)
    date_source: str = "own"
    pause_days: int | None = None
    # a deadline set as a window from the act that granted it ("gave it 10 days to", "a 90-day
    # period to"): dated that many days after the act, once the story dates it (narrative.py)
    window_days: int | None = None
    title: str = ""
    # a remark kept only if an event its speaker took part in dates it (references.py)
    needs_speakers_event: bool = False
    # a measure dated on its announcement that applies from a later day ("said Thursday it
    # would raise duties to 40% from June 1"): that day's mention, its date, the measure's
    # act and whether it is only threatened
    takes_effect: tuple[DatedMention, ResolvedDate, str, bool] | None = None

    @property
    def inherited(self) -> bool:
        """The date came from another event or from the article, not from its own words."""
        return self.date_source in {"referent", "frame", "story", "publication"}
