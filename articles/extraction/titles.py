"""Event titles: short headlines composed from what was extracted.

Plain functions over plain data (no spaCy here), so a title can be composed again when an editor
changes an event's type, parties or participants.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .patterns import AGREEMENT, ANNOUNCEMENT, DEADLINE, MEETING, TARIFF
from .types import ExtractedTariff

if TYPE_CHECKING:
    from .candidate import Candidate
    from .statements import Statement


def surname(full_name: str) -> str:
    return full_name.split()[-1] if full_name else ""


def title_for(candidate: Candidate) -> str:
    countries = "–".join(candidate.countries[:3])
    people = candidate.participants
    prefix = {"planned": "Planned: ", "speculative": "Possible: ", "cancelled": "Cancelled: "}.get(
        candidate.status, ""
    )
    place = f" in {candidate.location}" if candidate.location else ""
    if candidate.type == MEETING:
        if len(people) >= 2:
            others = ", ".join(people[1:3]) + (" and others" if len(people) > 3 else "")
            return f"{prefix}{people[0]} meets {others}{place}"
        return f"{prefix}{countries or 'Trade'} talks{place}"
    if candidate.type in {"statement", ANNOUNCEMENT} and candidate.title:
        return candidate.title
    if candidate.type == TARIFF and candidate.tariff is not None:
        return prefix + tariff_headline(candidate.tariff)
    noun = {AGREEMENT: "deal", ANNOUNCEMENT: "announcement", DEADLINE: "deadline"}.get(
        candidate.type, "statement"
    )
    return f"{prefix}{countries or ', '.join(people[:2]) or 'Trade'} {noun}".strip()


HEADLINE_VERBS = {
    "announced": "announces",
    "imposed": "imposes",
    "raised": "raises",
    "lowered": "lowers",
    "paused": "pauses",
    "resumed": "resumes",
    "exempted": "exempts",
    "removed": "removes",
}


def tariff_headline(tariff: ExtractedTariff) -> str:
    """ "United States pauses 24% tariff on Japan", "China imposes 10% tariff on U.S. energy"."""
    who = tariff.imposing_country or "Tariff measure:"
    verb = HEADLINE_VERBS.get(tariff.action, tariff.action)
    rate = f"{tariff.rate_percent:g}% " if tariff.rate_percent is not None else ""
    if tariff.applies_to_all:
        target = " on all trading partners"
    elif tariff.target_country:
        target = f" on {tariff.target_country}"
    else:
        target = ""
    sector = f" ({tariff.sector})" if tariff.sector else ""
    if tariff.action == "exempted":
        return f"{who} exempts{target.replace(' on ', ' ')} from {rate}tariff{sector}".replace(
            "  ", " "
        )
    return f"{who} {verb} {rate}tariff{target}{sector}"


def statement_title(statement: Statement, limit: int = 12) -> str:
    words = statement.gist.split()
    gist = " ".join(words[:limit]) + ("…" if len(words) > limit else "")
    gist = gist.removeprefix("that ").strip()
    return f"{statement.speaker}: {gist}" if gist else f"Statement by {statement.speaker}"
