"""A negotiation thread read as an analyst wants it: rounds, people, tariffs, what comes next.

Round numbers are derived on every read, not stored: a number stated in the text (the event's
`round_number`) wins; other rounds are numbered by date within the thread and marked inferred.
Deriving keeps them right whatever happens to the thread (an event moved, merged, rejected, or
a past view with `as_of`) without a recomputation step that could be forgotten.

`overview()` gathers everything the page and the API show in a fixed number of queries.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from .models import (
    Event,
    EventParticipant,
    Evidence,
    Jurisdiction,
    Negotiation,
    Official,
    TariffMeasure,
)

ROUND_STATUSES = {Event.Status.HAPPENED, Event.Status.PLANNED, Event.Status.CANCELLED}
LEADS_PER_PARTY = 2


@dataclass(frozen=True)
class Round:
    event: Event
    number: int | None  # None: cancelled, or a plan overtaken by a later round that happened
    inferred: bool  # numbered by date, not stated in the text
    overtaken: bool = False  # planned for a time before a round that was held


def is_same_round_told_vaguely(meeting: Event, others: list[Event]) -> bool:
    """ "Talks kicked off two weeks ago" (a week) beside "met on April 16" (a day, inside it)."""
    if meeting.date_precision == Event.Precision.DAY:
        return False
    return any(
        other.date_precision == Event.Precision.DAY
        and other.status == meeting.status
        and meeting.date_start <= other.date_start <= meeting.date_end
        for other in others
        if other is not meeting
    )


def number_rounds(meetings: Iterable[Event]) -> list[Round]:
    """The rounds of a thread from its dated meetings, in date order.

    A vaguely dated meeting that holds a precisely dated one of the same status is the same
    round and is left out; plans whose whole period lies before the last round held are shown
    unnumbered (they happened as that round or did not happen at all); speculation is no round.
    """
    meetings = sorted(
        (m for m in meetings if m.date_start is not None and m.status in ROUND_STATUSES),
        key=lambda m: (m.date_start, m.date_end, m.pk),
    )
    meetings = [m for m in meetings if not is_same_round_told_vaguely(m, meetings)]
    held = [m.date_start for m in meetings if m.status == Event.Status.HAPPENED]
    last_held = max(held) if held else None
    rounds: list[Round] = []
    count = 0
    for meeting in meetings:
        overtaken = (
            meeting.status == Event.Status.PLANNED
            and last_held is not None
            and meeting.date_end < last_held
        )
        if meeting.status == Event.Status.CANCELLED or overtaken:
            rounds.append(Round(meeting, None, False, overtaken))
        elif meeting.round_number:
            count = meeting.round_number
            rounds.append(Round(meeting, count, False))
        else:
            count += 1
            rounds.append(Round(meeting, count, True))
    return rounds


@dataclass(frozen=True)
class Lead:
    official: Official
    events: int  # how many of the thread's events they took part in


@dataclass(frozen=True)
class Party:
    country: Jurisdiction
    leads: list[Lead]


@dataclass(frozen=True)
class Deadline:
    day: datetime.date
    title: str
    event: Event
    days_left: int


class Overview:
    """Everything about one thread as of `day`, from the events in `visible`.

    Each part is read when first used, so a fragment of the page (the next page of the
    thread) costs only its own queries; the full page makes a fixed number of queries.
    """

    def __init__(self, negotiation: Negotiation, visible: QuerySet, *, day: datetime.date):
        self.negotiation = negotiation
        self.visible = visible
        self.day = day
        self.thread = visible.filter(negotiation=negotiation)
        self.events = self.thread.in_timeline_order().for_listing()  # lazy: for paging

    @cached_property
    def countries(self) -> list[Jurisdiction]:
        return list(self.negotiation.parties.all())

    @cached_property
    def parties(self) -> list[Party]:
        """The parties with their lead negotiators."""
        return lead_negotiators(self.thread, self.countries)

    @cached_property
    def rounds(self) -> list[Round]:
        """The rounds, each as claimed by the day viewed, with its claims up to then (its
        "reported" history)."""
        claims = Evidence.objects.public().select_related("article")
        if self.thread.known_day is not None:
            claims = claims.filter(article__published__lte=self.thread.known_day)
        meetings = self.thread.filter(kind=Event.Kind.MEETING).select_related("meeting")
        return number_rounds(
            meetings.prefetch_related("participants", Prefetch("evidence", queryset=claims))
        )

    @cached_property
    def agreements(self) -> list[Event]:
        return list(self.thread.filter(kind=Event.Kind.AGREEMENT).in_timeline_order())

    @cached_property
    def tariffs(self) -> list[TariffMeasure]:
        return tariff_state(self.visible, self.countries, day=self.day)

    @cached_property
    def revised(self) -> list[Event]:
        """In a past view, the thread's events a later article reported on, as claimed by then
        (SQL filters read stored values, which are their latest claims); none otherwise."""
        day = self.thread.known_day
        return [] if day is None else list(self.thread.revised_after(day))

    def unrevised(self) -> QuerySet:
        day = self.thread.known_day
        if day is None:
            return self.thread
        return self.thread.exclude(pk__in=self.thread.revised_after(day).values("pk"))

    @cached_property
    def last_activity(self) -> datetime.date | None:
        last = (
            self.unrevised()
            .filter(status=Event.Status.HAPPENED, date_start__lte=self.day)
            .order_by("-date_start")
            .values_list("date_start", flat=True)
            .first()
        )
        held = [
            e.date_start
            for e in self.revised
            if e.status == Event.Status.HAPPENED and e.date_start and e.date_start <= self.day
        ]
        return max(filter(None, [last, *held]), default=None)

    @cached_property
    def next_step(self) -> Event | None:
        return self.next_with(Event.Status.PLANNED)

    @cached_property
    def possible_step(self) -> Event | None:
        """With nothing scheduled, the next meeting only hoped for ("both sides hope to meet
        again before the end of April"): shown as such, never as a plan."""
        if self.next_step is not None:
            return None
        return self.next_with(Event.Status.SPECULATIVE, kind=Event.Kind.MEETING)

    def next_with(self, status: str, *, kind: str | None = None) -> Event | None:
        """The earliest event of this status not yet over on the day viewed."""
        unrevised = self.unrevised().filter(status=status, date_end__gte=self.day)
        if kind is not None:
            unrevised = unrevised.filter(kind=kind)
        step = unrevised.order_by("date_start", "id").first()
        revised = [
            e
            for e in self.revised
            if e.status == status
            and e.date_end
            and e.date_end >= self.day
            and (kind is None or e.kind == kind)
        ]
        return min(filter(None, [step, *revised]), key=lambda e: (e.date_start, e.pk), default=None)

    @cached_property
    def deadline(self) -> Deadline | None:
        return nearest_deadline(self.thread, day=self.day)

    @property
    def next_step_days(self) -> int | None:
        if self.next_step is None:
            return None
        return max((self.next_step.date_start - self.day).days, 0)


def lead_negotiators(thread: QuerySet, parties: list[Jurisdiction]) -> list[Party]:
    """Each party with its people who took part in most of the thread's events (in a past view,
    as known that day)."""
    links = EventParticipant.objects.known_on(thread.known_day).filter(event__in=thread)
    people = (
        Official.objects.filter(event_links__in=links, jurisdiction__in=parties)
        .annotate(thread_events=Count("event_links", distinct=True))
        .select_related("jurisdiction")
        .prefetch_related("roles")
        .order_by("-thread_events", "full_name")
    )
    leads: dict[Jurisdiction, list[Lead]] = defaultdict(list)
    for person in people:
        if len(leads[person.jurisdiction]) < LEADS_PER_PARTY:
            leads[person.jurisdiction].append(Lead(person, person.thread_events))
    return [Party(country, leads[country]) for country in parties]


def tariff_state(
    visible: QuerySet, parties: list[Jurisdiction], *, day: datetime.date
) -> list[TariffMeasure]:
    """What applies on `day` on each tariff line between the parties (and each party's universal
    tariffs), among measures that happened by then: a temporary measure in force that day (a
    pause to early July) wins; otherwise the latest one. Undated measures count as oldest."""
    # Exists per measure rather than `event__in`: the measures between two parties are few,
    # the visible events many (materialising them took 0.5 s at 100k events on SQLite).
    shown = visible.filter(Q(date_start__lte=day) | Q(date_start__isnull=True))
    measures = (
        TariffMeasure.objects.filter(imposing__in=parties, event__status=Event.Status.HAPPENED)
        .filter(Q(target__in=parties) | Q(applies_to_all=True))
        .filter(Exists(shown.filter(pk=OuterRef("event_id"))))
        .select_related("event", "imposing", "target")
    )
    lines: dict[tuple, list[TariffMeasure]] = defaultdict(list)
    for measure in measures:
        key = (measure.imposing_id, measure.target_id, measure.applies_to_all, measure.sector)
        lines[key].append(measure)
    state = [in_force(line, day=day) for line in lines.values()]
    return sorted(
        (m for m in state if m is not None),
        key=lambda m: (m.imposing.name, m.applies_to_all, m.sector),
    )


def in_force(line: list[TariffMeasure], *, day: datetime.date) -> TariffMeasure | None:
    def start(measure: TariffMeasure) -> datetime.date:
        return measure.in_force_from or measure.event.date_start or datetime.date.min

    temporary = [m for m in line if m.in_force_to and start(m) <= day <= m.in_force_to]
    lasting = [m for m in line if not m.in_force_to or m.in_force_to >= day]
    chosen = temporary or lasting
    return max(chosen, key=lambda m: (start(m), m.event_id), default=None)


def nearest_deadline(thread: QuerySet, *, day: datetime.date) -> Deadline | None:
    """The first deadline from `day` on: a deadline event, or the end of a tariff pause or term."""
    candidates: list[Deadline] = []
    event = (
        thread.filter(kind=Event.Kind.DEADLINE, date_end__gte=day)
        .order_by("date_end", "id")
        .first()
    )
    if event is not None:
        candidates.append(Deadline(event.date_end, event.title, event, (event.date_end - day).days))
    measure = (
        TariffMeasure.objects.filter(event__in=thread, in_force_to__gte=day)
        .select_related("event")
        .order_by("in_force_to", "event_id")
        .first()
    )
    if measure is not None:
        ends = measure.in_force_to
        label = f"Ends: {measure.event.title}"
        candidates.append(Deadline(ends, label, measure.event, (ends - day).days))
    return min(candidates, key=lambda d: d.day, default=None)


def attach_next_steps(threads: list[Negotiation], *, as_of: datetime.date | None = None) -> None:
    """Each thread's `next_step` event, from its `next_step_id` annotation (`with_activity`),
    in one query (two in a past view: the step as told by `as_of`)."""
    ids = [t.next_step_id for t in threads if t.next_step_id]
    steps = Event.objects.known_on(as_of).in_bulk(ids)
    for thread in threads:
        thread.next_step = steps.get(thread.next_step_id)


def overview(negotiation: Negotiation, visible: QuerySet, *, day: datetime.date) -> Overview:
    """Everything about one thread as of `day`, from the events in `visible`."""
    return Overview(negotiation, visible, day=day)
