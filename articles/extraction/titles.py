"""Event titles: short headlines composed from what was extracted.

Plain functions over plain data (no spaCy objects needed), so a title can be composed again from
an event's stored fields when an editor changes its type, parties or participants.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .patterns import AGREEMENT, ANNOUNCEMENT, DEADLINE, MEETING, TARIFF
from .types import ExtractedTariff

if TYPE_CHECKING:
    from .candidate import Candidate
    from .statements import Statement

STATUS_PREFIX = {"planned": "Planned: ", "speculative": "Possible: ", "cancelled": "Cancelled: "}
NOUNS = {AGREEMENT: "deal", ANNOUNCEMENT: "announcement", DEADLINE: "deadline", "other": "action"}


def surname(full_name: str) -> str:
    return full_name.split()[-1] if full_name else ""


def compose_title(
    kind: str,
    *,
    status: str = "happened",
    participants: Sequence[str] = (),
    countries: Sequence[str] = (),
    location: str = "",
    tariff: ExtractedTariff | None = None,
    statement: str = "",
) -> str:
    """ "Ryosei Akazawa meets Scott Bessent in Washington", "Planned: Japan–United States talks",
    "United States lowers tariff on China to 30%". `statement` is the own title of a statement
    or an announcement (what was said), kept as it is."""
    parties = "–".join(countries[:3])
    people = list(participants)
    prefix = STATUS_PREFIX.get(status, "")
    place = f" in {location}" if location else ""
    if kind == MEETING:
        if len(people) >= 2:
            others = ", ".join(people[1:3]) + (" and others" if len(people) > 3 else "")
            return f"{prefix}{people[0]} meets {others}{place}"
        return f"{prefix}{parties or 'Trade'} talks{place}"
    if kind in {"statement", ANNOUNCEMENT} and statement:
        return statement
    if kind == "other" and statement:
        return prefix + statement  # a legal act's own headline ("Supreme Court will hear ...")
    if kind == TARIFF and tariff is not None:
        return prefix + tariff_headline(tariff)
    noun = NOUNS.get(kind, "statement")
    return f"{prefix}{parties or ', '.join(people[:2]) or 'Trade'} {noun}".strip()


def without_status_prefix(title: str) -> str:
    """An act's own headline without the "Planned: " its status added (composed again, the
    status may have changed)."""
    for prefix in STATUS_PREFIX.values():
        if title.startswith(prefix):
            return title[len(prefix) :]
    return title


def title_for(candidate: Candidate) -> str:
    return compose_title(
        candidate.type,
        status=candidate.status,
        participants=candidate.participants,
        countries=candidate.countries,
        location=candidate.location,
        tariff=candidate.tariff,
        statement=candidate.title,
    )


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
NEW_RATE_ACTIONS = frozenset({"raised", "lowered"})  # the rate stated is the one reached


def tariff_headline(tariff: ExtractedTariff) -> str:
    """ "United States pauses 24% tariff on Japan", "China imposes 10% tariff on U.S. energy",
    "United States lowers tariff on China to 30%" (a cut or a rise says the rate it reaches),
    "Tariff on United States removed" (no imposing country known)."""
    rate = f"{tariff.rate_percent:g}%" if tariff.rate_percent is not None else ""
    if tariff.applies_to_all:
        target = " on all trading partners"
    elif tariff.target_country:
        target = f" on {tariff.target_country}"
    else:
        target = ""
    sector = f" ({tariff.sector})" if tariff.sector else ""
    to_rate = f" to {rate}" if rate and tariff.action in NEW_RATE_ACTIONS else ""
    rate_before = f"{rate} " if rate and not to_rate else ""
    if not tariff.imposing_country:
        done = tariff.action if tariff.action in HEADLINE_VERBS else "changed"
        if tariff.action == "exempted":
            return f"{target.removeprefix(' on ') or 'Goods'} exempted from {rate_before}tariff{sector}"
        return upper_first(f"{rate_before}tariff{target}{sector} {done}{to_rate}")
    who = tariff.imposing_country
    verb = HEADLINE_VERBS.get(tariff.action, tariff.action)
    if tariff.action == "exempted":
        exempted = target.removeprefix(" on ")
        return f"{who} exempts {exempted + ' ' if exempted else ''}from {rate_before}tariff{sector}"
    return f"{who} {verb} {rate_before}tariff{target}{to_rate}{sector}"


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


CLITIC_SPACE = re.compile(r"\s+(?=(?:['’](?:s|re|ve|ll|d|m)|n['’]t|%)(?!\w))", re.I)


def tidy(text: str) -> str:
    """Words joined by spaces, as the parser's tokens were: "China 's" -> "China's"."""
    return CLITIC_SPACE.sub("", " ".join(text.split()))


def statement_title(statement: Statement, limit: int = 12) -> str:
    """ "Donald Trump: a deal with China was done…" when the speaker's words are a clause of their
    own; otherwise the verb stays, so the title never starts mid-phrase: "Ryosei Akazawa called
    off a planned trip to Washington…", not "Ryosei Akazawa: off a planned trip…"."""
    speaker = tidy(statement.speaker)
    words = tidy(statement.gist).split()
    if words and words[0].lower() == "that":
        words = words[1:]
    gist = " ".join(words[:limit]) + ("…" if len(words) > limit else "")
    if not gist:
        return f"Statement by {speaker}"
    if has_own_clause(statement):
        return f"{speaker}: {gist}"
    return f"{speaker} {statement.verb.text} {gist}"


def has_own_clause(statement: Statement) -> bool:
    """Whether the gist is a clause of its own ("said [that talks would resume]"), rather than
    the rest of the verb's phrase ("called [off a planned trip]", "wants [to cut tariffs]")."""
    return any(child.dep_ == "ccomp" for child in statement.verb.children)
