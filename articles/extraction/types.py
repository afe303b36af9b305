"""Frozen dataclasses: the only objects that cross from the pipeline into services.py."""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field

from .dates import ResolvedDate


@dataclass(frozen=True)
class EvidenceSpan:
    sentence: str
    start_char: int
    end_char: int


@dataclass(frozen=True)
class ExtractedTariff:
    rate_percent: float | None
    imposing_country: str | None
    target_country: str | None
    applies_to_all: bool = False
    sector: str = ""
    action: str = "imposed"
    in_force_from: str | None = None  # ISO dates; None when not stated
    in_force_to: str | None = None


@dataclass(frozen=True)
class Person:
    full_name: str
    country: str | None = None
    titles: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExtractedEvent:
    type: str
    title: str
    date: ResolvedDate | None
    status: str
    participants: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    location: str = ""
    duration_minutes: int | None = None
    meeting_format: str = ""
    tariff: ExtractedTariff | None = None
    evidence: tuple[EvidenceSpan, ...] = ()
    confidence: float = 0.5
    merge_key: str = ""
    date_source: str = "own"  # own | anchored | frame | referent | story | publication
    features: tuple[tuple[str, float], ...] = ()  # what confidence was estimated from
    new_people: tuple[Person, ...] = ()  # participants the gazetteer does not know, as read


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """What the database knows, as plain data: names and aliases -> canonical entries."""

    countries: dict[str, str] = field(default_factory=dict)  # alias as written -> short name
    people: dict[str, Person] = field(default_factory=dict)  # alias as written -> person
    known_unreviewed: frozenset[str] = frozenset()

    @functools.cached_property
    def fingerprint(self) -> str:
        """Identity of the contents: the pipeline reloads its patterns only when it changes."""
        digest = hashlib.sha1(usedforsecurity=False)
        for alias, person in sorted(self.people.items()):
            digest.update(f"{alias}\t{person.full_name}\n".encode())
        for alias, name in sorted(self.countries.items()):
            digest.update(f"{alias}\t{name}\n".encode())
        return digest.hexdigest()

    @functools.cached_property
    def people_by_name(self) -> dict[str, Person]:
        return {person.full_name: person for person in self.people.values()}

    @functools.cached_property
    def countries_by_lower_alias(self) -> dict[str, str]:
        return {alias.lower(): name for alias, name in self.countries.items()}

    @functools.cached_property
    def country_names(self) -> frozenset[str]:
        return frozenset(self.countries.values())
