"""Negotiation threads: filing events by their parties, and the editors' merge and split.

An event's parties are a tariff measure's imposer and target, or a meeting's, agreement's,
statement's or deadline's countries. Two or more parties file the event under the negotiation
between exactly those parties (made on first sight: "Japan–United States", japan-united-states).
Events an editor has touched are never moved by the pipeline.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.utils.text import slugify

from timeline.models import Event, Jurisdiction, Negotiation, TariffMeasure

from ..extraction.rounds import round_number

# Kinds filed by their countries; tariff measures go by imposer and target instead.
FILED_BY_COUNTRIES = {
    Event.Kind.MEETING,
    Event.Kind.AGREEMENT,
    Event.Kind.STATEMENT,
    Event.Kind.DEADLINE,
}


def event_parties(event: Event) -> list[Jurisdiction]:
    """The jurisdictions an event is between (possibly fewer than two: then it is filed nowhere)."""
    if event.kind == Event.Kind.TARIFF_MEASURE:
        measure = (
            TariffMeasure.objects.select_related("imposing", "target")
            .filter(event_id=event.pk)
            .first()
        )
        if measure is None:
            return []
        return sorted({p for p in (measure.imposing, measure.target) if p}, key=lambda j: j.name)
    if event.kind in FILED_BY_COUNTRIES:
        return list(event.jurisdictions.order_by("name"))
    return []


def find_or_create_negotiation(parties: list[Jurisdiction]) -> Negotiation:
    """The oldest negotiation between exactly these parties, or a new one named after them."""
    existing = Negotiation.objects.with_parties(parties).order_by("pk").first()
    if existing is not None:
        return existing
    names = sorted(party.name for party in parties)
    negotiation = Negotiation(title="–".join(names), slug=free_slug(slugify("-".join(names))))
    negotiation.full_clean()
    negotiation.save()
    negotiation.parties.set(parties)
    return negotiation


def free_slug(base: str) -> str:
    """`base`, or `base-2`, `base-3`… if a thread (renamed or split) already has it."""
    base = base[:190] or "negotiation"
    taken = set(Negotiation.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


def assign_negotiation(event: Event) -> Negotiation | None:
    """File an untouched event under the thread of its parties (or none, with fewer than two).

    Called after each store of an event, so an event that gains a party in a later article moves
    to the thread of its new, larger set of parties.
    """
    if event.edited_by_editor:
        return event.negotiation
    parties = event_parties(event)
    negotiation = find_or_create_negotiation(parties) if len(parties) >= 2 else None
    if event.negotiation_id != (negotiation.pk if negotiation else None):
        event.negotiation = negotiation
        event.save(update_fields=["negotiation", "updated_at"])
    return negotiation


def stated_round(sentences: Iterable[str]) -> int | None:
    """The round number a meeting's evidence states, if its sentences agree on one."""
    numbers = {n for n in map(round_number, sentences) if n is not None}
    return numbers.pop() if len(numbers) == 1 else None


def record_stated_round(event: Event, sentences: Iterable[str]) -> None:
    """Give an untouched meeting the round number its text states, once."""
    if event.kind != Event.Kind.MEETING or event.edited_by_editor or event.round_number:
        return
    number = stated_round(sentences)
    if number is not None:
        event.round_number = number
        event.save(update_fields=["round_number", "updated_at"])


@transaction.atomic
def merge_negotiations(target: Negotiation, others: Iterable[Negotiation]) -> int:
    """Move every event of `others` into `target` and delete them; returns the events moved.

    Events are saved one by one, so the audit log records each move. A moved event whose parties
    differ from the target's is marked as edited, or re-extraction would file it back.
    """
    target_parties = {p.pk for p in target.parties.all()}
    moved = 0
    for other in others:
        if other.pk == target.pk:
            continue
        for event in other.events.all():
            move_event(event, target, pin={p.pk for p in event_parties(event)} != target_parties)
            moved += 1
        other.delete()
    return moved


@transaction.atomic
def split_negotiation(events: Iterable[Event], *, title: str) -> Negotiation:
    """A new thread with the parties and subject of the events' thread, holding these events.

    The moved events are marked as edited: they share their parties with the old thread, where
    re-extraction would otherwise file them again.
    """
    events = list(events)
    sources = {event.negotiation_id for event in events}
    if len(sources) != 1 or None in sources:
        raise ValueError("Choose events of one and the same thread to split off.")
    source = Negotiation.objects.get(pk=sources.pop())
    slug = free_slug(slugify(title.replace("–", "-")))  # "Japan–United States: autos"
    negotiation = Negotiation(title=title, slug=slug, subject=source.subject)
    negotiation.full_clean()
    negotiation.save()
    negotiation.parties.set(source.parties.all())
    for event in events:
        move_event(event, negotiation, pin=True)
    return negotiation


def move_event(event: Event, negotiation: Negotiation, *, pin: bool) -> None:
    event.negotiation = negotiation
    fields = ["negotiation", "updated_at"]
    if pin:
        event.edited_by_editor = True
        fields.append("edited_by_editor")
    event.save(update_fields=fields)
