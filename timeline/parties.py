"""Whether each country on an event is a party to it, kept in step with what decides it.

`EventCountry.is_party` stores the answer of the one rule, `models.not_a_party` (a meeting's
venue is not a party), so partners and "between" filters read a column instead of three
correlated subqueries per link. The rule reads the event's kind, its meeting's place, its people
and their countries, and the country's name; these are written by the pipeline, the admin's
forms and inlines, the quick edit beside an article and the shell. So, like the data version
(caching.py), the flag follows from signals (connected in `TimelineConfig.ready`) rather than
from calls each writer could forget: a derived value, not business logic. Paths that send no
signals (`bulk_create`, `QuerySet.update`) call `mark_parties` themselves (generate_demo).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import QuerySet

from .models import Event, EventCountry, EventParticipant, Jurisdiction, Meeting, Official


def mark_parties(event_ids: Iterable[int] | QuerySet) -> None:
    """Work out again which countries on these events are parties."""
    EventCountry.objects.filter(event_id__in=event_ids).mark_parties()


def event_saved(sender, instance: Event, created: bool, update_fields=None, **kwargs) -> None:
    """An event's kind may have changed (a new event has no links yet)."""
    if not created and (update_fields is None or "kind" in update_fields):
        mark_parties([instance.pk])


def detail_changed(sender, instance: Meeting | EventCountry | EventParticipant, **kwargs) -> None:
    """A meeting's place, or a country or person saved or deleted as a row (the inlines)."""
    mark_parties([instance.event_id])


def links_changed(sender, instance, action: str, reverse: bool, pk_set, **kwargs) -> None:
    """`event.participants.add(...)`, `official.events.remove(...)` and the like."""
    if action in {"post_add", "post_remove"}:
        mark_parties(pk_set if reverse else [instance.pk])
    elif action == "post_clear" and not reverse:
        mark_parties([instance.pk])
    elif action == "pre_clear" and reverse:  # `official.events.clear()`: its events, before
        column = "official" if sender is EventParticipant else "jurisdiction"
        links = sender.objects.filter(**{column: instance})
        instance._events_cleared = list(links.values_list("event_id", flat=True))
    elif action == "post_clear" and reverse:
        mark_parties(instance.__dict__.pop("_events_cleared", []))


def person_saved(sender, instance: Official, created: bool, **kwargs) -> None:
    """A person's country may have changed: the events they take part in."""
    if not created:
        mark_parties(instance.event_links.values("event_id"))


def country_saved(sender, instance: Jurisdiction, created: bool, **kwargs) -> None:
    """A country's name may have changed: its own links (is it named as the place?)."""
    if not created:
        EventCountry.objects.filter(jurisdiction=instance).mark_parties()


def connect() -> None:
    """Connect the receivers (`TimelineConfig.ready`)."""
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from .models import ProposedEvent

    def uid(name: str, model) -> str:
        return f"parties-{name}-{model._meta.label_lower}"

    for model in (Event, ProposedEvent):
        post_save.connect(event_saved, sender=model, dispatch_uid=uid("saved", model))
    for model in (Meeting, EventCountry, EventParticipant):
        post_save.connect(detail_changed, sender=model, dispatch_uid=uid("saved", model))
        post_delete.connect(detail_changed, sender=model, dispatch_uid=uid("deleted", model))
    for model in (EventCountry, EventParticipant):
        m2m_changed.connect(links_changed, sender=model, dispatch_uid=uid("links", model))
    post_save.connect(person_saved, sender=Official, dispatch_uid=uid("saved", Official))
    post_save.connect(country_saved, sender=Jurisdiction, dispatch_uid=uid("saved", Jurisdiction))
