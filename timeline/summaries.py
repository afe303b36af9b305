"""A country's page in the public view from one row, `CountrySummary`, kept in step.

The page shows a country's whole history: how many events concern it, its negotiating partners
and its tariff chart. Worked out at every request, they read every one of its events (at 100k
events, most of the page's time: issue 11). So, like the party flag (parties.py), they are
derived data stored with the events: `overview()` is the one computation, run for the public
view (approved events, as of today) when an input changes and stored; the page reads the row.
Other views (an editor's, `unreviewed=1`, a past day) and a country without a row run it at
request time.

The inputs are an event's visibility, kind, start date and status, its countries (and whether
each is a party, which its people and meeting decide), its tariff measure, and the countries'
names. The receivers below (connected in `TimelineConfig.ready`, after parties.py's) work the
summaries of the countries concerned out again; inside `one_bump()` (an ingest, a bulk change),
once, when the block ends. Paths that send no signals (`bulk_create`, `QuerySet.update`) call
`summarize_countries` themselves (generate_demo).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection
from django.db.models import QuerySet

from .charts import MAX_SERIES, Series, tariff_series
from .models import (
    CountrySummary,
    Event,
    EventCountry,
    EventParticipant,
    Jurisdiction,
    Meeting,
    Official,
    TariffMeasure,
)

_state = threading.local()
EVERY = "every"  # every country with a summary: a universal tariff, a country's new name
# The event fields the summaries read (a save naming none of them changes nothing here).
READ_FIELDS = {"review_state", "kind", "date_start", "status"}


@dataclass
class Overview:
    """A country's events counted (None: left to the paginator), partners and chart series."""

    events: int | None
    partners: list[Jurisdiction]
    series: list[Series]


def overview(country: Jurisdiction, events: QuerySet[Event], *, summarized: bool) -> Overview:
    """What the country's page shows of all its `events`: from its summary when `summarized`
    (the public view's events, and a summary there is), else from the events."""
    summary = getattr(country, "summary", None) if summarized else None
    if summary is not None:
        return Overview(summary.events, summary.partner_list(), summary.series_list())
    measures = TariffMeasure.objects.for_chart(country, events, lines=2 * MAX_SERIES)
    return Overview(
        None, Jurisdiction.objects.partners_of(country, events), tariff_series(measures, country)
    )


def summarize(country: Jurisdiction) -> CountrySummary:
    """The country's summary worked out from the public view's events (not saved)."""
    events = Event.objects.visible()
    found = overview(country, events, summarized=False)
    return CountrySummary(
        country=country,
        events=events.concerning(country).count(),
        partners=[[p.pk, p.code, p.name, p.shared] for p in found.partners],
        series=[
            [
                s.label,
                [[st.start.isoformat(), st.rate, st.paused, st.planned, st.note] for st in s.steps],
            ]
            for s in found.series
        ],
    )


def summarize_countries(countries: Iterable[int] | str | None = None) -> int:
    """Work out and store the summaries of these countries (ids; EVERY: those that have one;
    None: all countries). Returns how many were stored."""
    chosen = Jurisdiction.objects.all()
    if countries == EVERY:
        chosen = chosen.filter(summary__isnull=False)
    elif countries is not None:
        chosen = chosen.filter(pk__in=set(countries))
    rows = [summarize(country) for country in chosen]
    CountrySummary.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["country"],
        update_fields=["events", "partners", "series"],
    )
    return len(rows)


@contextmanager
def one_refresh() -> Iterator[None]:
    """The summaries the writes inside touch are worked out once, when the outermost block
    ends (`one_bump()` opens one). Use it inside the writes' transaction."""
    _state.depth = getattr(_state, "depth", 0) + 1
    succeeded = False
    try:
        yield
        succeeded = True
    finally:
        _state.depth -= 1
        if not _state.depth:
            events, countries = (
                getattr(_state, "events", set()),
                getattr(_state, "countries", set()),
            )
            _state.events, _state.countries = set(), set()
            # After an error inside a transaction, the writes are rolled back with it.
            if (events or countries) and (succeeded or not connection.in_atomic_block):
                summarize_countries(union(countries_of(events), countries))


def refresh_events(event_ids: Iterable[int], *also: int | None) -> None:
    """Work out again the summaries that count these events, and those of the countries
    `also` (taken off them); inside `one_refresh()`, when it ends."""
    refresh({pk for pk in also if pk is not None}, events=event_ids)


def refresh(countries: set[int] | str, *, events: Iterable[int] = ()) -> None:
    """Work out these countries' summaries again (EVERY: all that have one), and those that
    count `events`; inside `one_refresh()`, when it ends."""
    if getattr(_state, "depth", 0):
        _state.events = getattr(_state, "events", set()) | set(events)
        _state.countries = union(getattr(_state, "countries", set()), countries)
    else:
        wanted = union(countries_of(events), countries) if events else countries
        if wanted:
            summarize_countries(wanted)


def countries_of(event_ids: Iterable[int]) -> set[int] | str:
    """The countries whose summaries count these events: their countries, and their tariffs'
    (a tariff on all trading partners: every country)."""
    event_ids = list(event_ids)
    if not event_ids:
        return set()
    tariffs = TariffMeasure.objects.filter(event_id__in=event_ids).values_list(
        "imposing_id", "target_id", "applies_to_all"
    )
    links = EventCountry.objects.filter(event_id__in=event_ids)
    found = set(links.values_list("jurisdiction_id", flat=True))
    for imposing, target, everyone in tariffs:
        if everyone:
            return EVERY
        found |= {imposing, target}
    found.discard(None)
    return found


def event_saved(sender, instance: Event, created: bool, update_fields=None, **kwargs) -> None:
    """Its visibility, kind, date or status may have changed (a new event has no links yet)."""
    if not created and (update_fields is None or READ_FIELDS & set(update_fields)):
        refresh_events([instance.pk])


def remember_old(sender, instance: EventCountry | TariffMeasure, **kwargs) -> None:
    """pre_save: the countries the row named before (a link or a tariff moved elsewhere)."""
    if instance.pk is None or instance._state.adding:
        instance._summary_old = set()
        return
    if isinstance(instance, EventCountry):
        old = EventCountry.objects.filter(pk=instance.pk).values_list("jurisdiction_id")
    else:
        old = TariffMeasure.objects.filter(pk=instance.pk).values_list(
            "imposing_id", "target_id", "applies_to_all"
        )
    row = old.first() or ()
    instance._summary_old = EVERY if True in row[2:] else set(row[:2])


def row_changed(sender, instance: EventCountry | TariffMeasure, **kwargs) -> None:
    """A country or a tariff of an event saved or deleted as a row (the inlines, the pipeline)."""
    old = instance.__dict__.pop("_summary_old", set())
    if isinstance(instance, TariffMeasure):
        mine = EVERY if instance.applies_to_all else {instance.imposing_id, instance.target_id}
    else:
        mine = {instance.jurisdiction_id}
    refresh(union(old, mine), events=[instance.event_id])


def parties_changed(sender, instance, **kwargs) -> None:
    """A meeting's place or a person on an event: which countries are parties may change."""
    refresh_events([instance.event_id])


def links_changed(sender, instance, action: str, reverse: bool, pk_set, **kwargs) -> None:
    """`event.jurisdictions.add(...)`, `country.events.remove(...)`, `official.events.clear()`
    and the like: the summaries counting the events, and a country taken off them."""
    countries = sender is EventCountry
    if reverse:  # the instance is a country or a person; `pk_set` holds events
        column = "jurisdiction" if countries else "official"
        links = sender.objects.filter(**{column: instance})
        own = {instance.pk} if countries else set()
    else:  # the instance is an event; `pk_set` holds countries or people
        links = sender.objects.filter(event=instance)
        own = set(pk_set or ()) if countries else set()
    if action in {"post_add", "post_remove"}:
        refresh(own, events=pk_set if reverse else [instance.pk])
    elif action == "pre_clear":  # who was on them, before they go
        events = list(links.values_list("event_id", flat=True))
        instance._summary_cleared = union(countries_of(events), own)
    elif action == "post_clear":
        cleared = instance.__dict__.pop("_summary_cleared", set())
        refresh(cleared, events=() if reverse else [instance.pk])


def union(*found: set[int] | str) -> set[int] | str:
    """Sets of country ids together (EVERY with any)."""
    return EVERY if EVERY in found else {pk for ids in found for pk in ids if pk is not None}


def person_saved(sender, instance: Official, created: bool, **kwargs) -> None:
    """A person's country may have changed: the events they take part in."""
    if not created:
        refresh_events(instance.event_links.values_list("event_id", flat=True))


def country_saved(sender, instance: Jurisdiction, created: bool, **kwargs) -> None:
    """A country's name may have changed: it is in other countries' partners and charts."""
    if not created:
        refresh(EVERY)


def connect() -> None:
    """Connect the receivers (`TimelineConfig.ready`, after parties.py's: the party flags are
    marked again before the summaries read them)."""
    from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

    from .models import ProposedEvent

    def uid(name: str, model) -> str:
        return f"summaries-{name}-{model._meta.label_lower}"

    for model in (Event, ProposedEvent):
        post_save.connect(event_saved, sender=model, dispatch_uid=uid("saved", model))
    for model in (EventCountry, TariffMeasure):
        pre_save.connect(remember_old, sender=model, dispatch_uid=uid("old", model))
        post_save.connect(row_changed, sender=model, dispatch_uid=uid("saved", model))
        post_delete.connect(row_changed, sender=model, dispatch_uid=uid("deleted", model))
    for model in (Meeting, EventParticipant):
        post_save.connect(parties_changed, sender=model, dispatch_uid=uid("saved", model))
        post_delete.connect(parties_changed, sender=model, dispatch_uid=uid("deleted", model))
    for model in (EventCountry, EventParticipant):
        m2m_changed.connect(links_changed, sender=model, dispatch_uid=uid("links", model))
    post_save.connect(person_saved, sender=Official, dispatch_uid=uid("saved", Official))
    post_save.connect(country_saved, sender=Jurisdiction, dispatch_uid=uid("saved", Jurisdiction))
