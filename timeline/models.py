"""The timeline's domain: who (officials, jurisdictions), what and when (events), and the proof.

Rules that must always hold are database constraints, so the admin, the pipeline and raw SQL
all obey them.
"""

from __future__ import annotations

import datetime
import functools
import itertools
from collections import Counter
from collections.abc import Iterator
from typing import NamedTuple

from django.core.signals import setting_changed
from django.db import models
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    Max,
    Min,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Lower
from django.db.models.query import ModelIterable
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.text import slugify


@functools.lru_cache(maxsize=8192)
def _reverse(name: str, arg: str | int, urlconf: str | None, prefix: str) -> str:
    return reverse(name, args=[arg], urlconf=urlconf)


def page_url(name: str, arg: str | int) -> str:
    """`reverse()` remembered per process: a timeline page links every row's event, countries
    and people, and reversing each of them again was a tenth of its rendering."""
    return _reverse(name, arg, get_urlconf(), get_script_prefix())


def forget_page_urls(*, setting: str, **kwargs) -> None:
    if setting == "ROOT_URLCONF":
        _reverse.cache_clear()


setting_changed.connect(forget_page_urls, dispatch_uid="timeline-page-urls")


def split_aliases(text: str) -> list[str]:
    """Aliases are stored one per line (easy to edit in the admin); blanks are ignored."""
    return [line.strip() for line in text.splitlines() if line.strip()]


class JurisdictionQuerySet(models.QuerySet):
    def by_alias(self) -> dict[str, Jurisdiction]:
        """Every name, alias and demonym (lower-cased) mapped to its jurisdiction."""
        table: dict[str, Jurisdiction] = {}
        for jurisdiction in self:
            for name in [jurisdiction.name, *jurisdiction.alias_list]:
                table.setdefault(name.lower(), jurisdiction)
        return table

    def with_events(self, events: models.QuerySet, *, chosen=()) -> JurisdictionQuerySet:
        """Countries on at least one of `events` (the viewer's: a country only on rejected
        events is not offered to the public), plus the `chosen` ones, so a reader can always
        untick them."""
        links = EventCountry.objects.known_on(events.known_day).filter(
            jurisdiction=OuterRef("pk"), event__in=events.values("pk")
        )
        return self.filter(Exists(links) | Q(pk__in=[country.pk for country in chosen]))

    def known_on(self, day: datetime.date | None) -> JurisdictionQuerySet:
        """Countries on a public event known on `day` (all of them for None)."""
        if day is None:
            return self
        return self.with_events(Event.objects.visible(include_unreviewed=True).known_on(day))

    def partners_of(
        self, country: Jurisdiction, events: models.QuerySet, *, limit: int = 12
    ) -> list[Jurisdiction]:
        """Countries that are parties with `country` to its events (a meeting's venue is not a
        party), most shared events first (as `shared`); in a past view (`events.known_on(day)`),
        by the links known that day.

        One grouped query over the link table: the other party links of the events the country
        is a party to (each event's visibility from the covering index `event_state_kind_idx`),
        counted per country.
        """
        day = events.known_day
        theirs = events.filter(  # one join: the country's links, then each event's visibility
            known_link(day, "country_links__"),
            country_links__jurisdiction=country,
            country_links__is_party=True,
        )
        shared = (
            party_links(day)
            .filter(event__in=theirs.values("pk"))
            .exclude(jurisdiction=country)
            .values("jurisdiction", "jurisdiction__code", "jurisdiction__name")
            .annotate(shared=Count("*"))
            .order_by("-shared", "jurisdiction__name")
        )
        partners = []
        for row in shared[:limit]:
            partner = Jurisdiction(
                pk=row["jurisdiction"],
                code=row["jurisdiction__code"],
                name=row["jurisdiction__name"],
            )
            partner.shared = row["shared"]
            partners.append(partner)
        return partners


def counted(counts: dict[int, int]) -> Case:
    """An annotation carrying counts computed beforehand, by primary key."""
    return Case(
        *[When(pk=pk, then=Value(n)) for pk, n in counts.items()],
        default=Value(0),
        output_field=models.IntegerField(),
    )


def party_links(day: datetime.date | None = None) -> models.QuerySet:
    """The event-country links that name a party to the talks, not a place (`is_party`, stored
    by the rule `not_a_party`); with a `day`, those known then."""
    return EventCountry.objects.known_on(day).parties()


def not_a_party(*, event: OuterRef) -> Q:
    """The condition that an event-country link names a place, not a party: a meeting's
    country is its venue when the meeting's location is that country, or when its people come
    from two or more countries and none from that one ("Trump meets He Lifeng in Stockholm":
    Sweden). With people from one side only, the other side may simply be unnamed, so all stay.

    On the link table, for the link to `event`. The one statement of the rule: links store its
    answer (`EventCountry.is_party`, by `mark_parties`), which the queries read.
    """
    country_id, name = OuterRef("jurisdiction_id"), OuterRef("jurisdiction__name")
    meeting = Q(event__kind=EventKind.MEETING)
    people = EventParticipant.objects.filter(event_id=event)
    venue_named = Exists(Meeting.objects.filter(event_id=event, location__iexact=name))
    # Two countries or more among its people: the lowest and highest country ids differ (an
    # aggregate without the temporary table a COUNT(DISTINCT) needs per link).
    two_sides = Exists(
        people.values("event_id")
        .annotate(lowest=Min("official__jurisdiction"), highest=Max("official__jurisdiction"))
        .filter(lowest__lt=F("highest"))
    )
    # The cheap test first: SQL stops there for a country whose people are at the meeting.
    unrepresented = ~Exists(people.filter(official__jurisdiction_id=country_id)) & two_sides
    return meeting & (venue_named | unrepresented)


class Jurisdiction(models.Model):
    """A country or a trading bloc that makes trade policy (shown as "country" in the UI)."""

    code = models.CharField(
        max_length=2,
        unique=True,
        help_text="ISO 3166-1 alpha-2 code, upper case (EU for the European Union).",
    )
    name = models.CharField(
        max_length=100,
        unique=True,
        help_text='Short English name as readers know it: "United States", "South Korea".',
    )
    official_name = models.CharField(max_length=200, blank=True)
    aliases = models.TextField(
        blank=True,
        help_text="One per line: other names, abbreviations and demonyms the news uses "
        '("U.S.", "America", "American").',
    )
    is_bloc = models.BooleanField(
        default=False, help_text="A trading bloc negotiating as one (the European Union)."
    )

    objects = JurisdictionQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = "country"
        verbose_name_plural = "countries"
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"^[A-Z]{2}$"), name="jurisdiction_code_is_alpha2"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def alias_list(self) -> list[str]:
        return split_aliases(self.aliases)

    def get_absolute_url(self) -> str:
        return page_url("timeline:country-detail", self.code.lower())


class OfficialQuerySet(models.QuerySet):
    def reviewed(self) -> OfficialQuerySet:
        return self.filter(is_reviewed=True)

    def with_events(self, events: models.QuerySet, *, chosen=()) -> OfficialQuerySet:
        """Officials taking part in at least one of `events` (the viewer's), plus the `chosen`
        ones, so a reader can always untick them."""
        links = EventParticipant.objects.known_on(events.known_day).filter(
            official=OuterRef("pk"), event__in=events.values("pk")
        )
        return self.filter(Exists(links) | Q(pk__in=[official.pk for official in chosen]))

    def known_on(self, day: datetime.date | None) -> OfficialQuerySet:
        """People on a public event known on `day` (everyone for None): a past view names no
        one first reported later."""
        if day is None:
            return self
        return self.with_events(Event.objects.visible(include_unreviewed=True).known_on(day))

    def public(self) -> OfficialQuerySet:
        """Who has a public page: reviewed people, and those the pipeline found on an approved
        or a proposed event; never someone known only from events editors rejected."""
        shown = Event.objects.visible(include_unreviewed=True)
        return self.filter(
            Q(is_reviewed=True)
            | Exists(
                EventParticipant.objects.filter(
                    official=OuterRef("pk"), event__in=shown.values("pk")
                )
            )
        )


class Official(models.Model):
    """A person who negotiates or speaks for a jurisdiction on trade."""

    full_name = models.CharField(max_length=200, help_text='As usually written: "Scott Bessent".')
    slug = models.SlugField(
        max_length=200, unique=True, help_text="Used in URLs; filled in from the name."
    )
    aliases = models.TextField(
        blank=True,
        help_text='One per line: other ways the news names this person ("Akazawa", '
        '"Ryosei Akazawa"). Bare surnames are fine when unambiguous.',
    )
    jurisdiction = models.ForeignKey(
        Jurisdiction,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="officials",
        help_text="The country this person speaks for.",
    )
    is_reviewed = models.BooleanField(
        default=False,
        help_text="Unticked for people the extraction pipeline found on its own: "
        "check the name and country, then tick.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OfficialQuerySet.as_manager()

    class Meta:
        ordering = ["full_name"]
        indexes = [models.Index(Lower("full_name"), name="official_name_lower_idx")]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = slugify(self.full_name)[:200]
        super().save(*args, **kwargs)

    @property
    def alias_list(self) -> list[str]:
        return split_aliases(self.aliases)

    def role_on(self, day: datetime.date) -> OfficialRole | None:
        """The role held on a given day (roles are few; this reads the prefetched list)."""
        for role in self.roles.all():
            if (role.start is None or role.start <= day) and (role.end is None or day <= role.end):
                return role
        return None

    def get_absolute_url(self) -> str:
        return page_url("timeline:official-detail", self.slug)


class OfficialRole(models.Model):
    """A title held for a period: Scott Bessent, Secretary of the Treasury, from 2025-01-28."""

    official = models.ForeignKey(Official, on_delete=models.CASCADE, related_name="roles")
    title = models.CharField(max_length=200, help_text='"Secretary of the Treasury".')
    organization = models.CharField(
        max_length=200, blank=True, help_text='"U.S. Department of the Treasury".'
    )
    start = models.DateField(null=True, blank=True, help_text="First day in the role, if known.")
    end = models.DateField(
        null=True, blank=True, help_text="Last day in the role; empty while still in office."
    )

    class Meta:
        ordering = ["official", "start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start__isnull=True) | Q(end__isnull=True) | Q(start__lte=F("end")),
                name="role_start_before_end",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.start or '?'} – {self.end or 'present'})"


class NegotiationQuerySet(models.QuerySet):
    def with_parties(self, parties: list[Jurisdiction]) -> NegotiationQuerySet:
        """Negotiations between exactly these parties (no more, no fewer)."""
        through = Negotiation.parties.through
        qs = self.annotate(party_count=Count("parties", distinct=True)).filter(
            party_count=len({p.pk for p in parties})
        )
        for party in parties:
            qs = qs.filter(
                Exists(through.objects.filter(negotiation=OuterRef("pk"), jurisdiction=party))
            )
        return qs

    def with_activity(self, events: EventQuerySet, *, day: datetime.date) -> NegotiationQuerySet:
        """Threads holding some of `events`, with the day of the last one that happened by `day`
        (`last_activity`) and the id of the first one planned from `day` on (`next_step_id`);
        most recently active first. In a past view (`events.known_on(...)`), each event counts
        as its articles had told it by then: a round reported held later was still planned."""
        thread = events.filter(negotiation=OuterRef("pk")).with_claims_known_on(events.known_day)
        return (
            self.filter(Exists(thread))
            .annotate(
                last_activity=Subquery(
                    thread.filter(known_status=Event.Status.HAPPENED, known_date_start__lte=day)
                    .order_by("-known_date_start")
                    .values("known_date_start")[:1]
                ),
                next_step_id=Subquery(
                    thread.filter(known_status=Event.Status.PLANNED, known_date_end__gte=day)
                    .order_by("known_date_start", "id")
                    .values("pk")[:1]
                ),
            )
            .order_by(F("last_activity").desc(nulls_last=True), "title")
        )


class Negotiation(models.Model):
    """A thread: the talks between two or more parties, with every event assigned to it."""

    title = models.CharField(
        max_length=200, help_text='What readers call it: "Japan–United States tariff talks".'
    )
    slug = models.SlugField(
        max_length=200,
        unique=True,
        help_text='Used in URLs: "japan-united-states". Changing it breaks links people shared.',
    )
    subject = models.CharField(
        max_length=200,
        blank=True,
        default="Trade and tariffs",
        help_text="What is being negotiated, in a few words.",
    )
    parties = models.ManyToManyField(
        Jurisdiction,
        related_name="negotiations",
        help_text="The countries or blocs at the table. New events between exactly these "
        "parties are filed here automatically.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = NegotiationQuerySet.as_manager()

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("timeline:negotiation-detail", args=[self.slug])


class EventQuerySet(models.QuerySet):
    known_day: datetime.date | None = None  # set by known_on(): events show their claim then

    def _clone(self) -> EventQuerySet:
        clone = super()._clone()
        clone.known_day = self.known_day
        return clone

    def _fetch_all(self) -> None:
        """Events fetched from `known_on(day)` show what the articles said by then (one more
        query; `values()` reads the stored values)."""
        fetched = self._result_cache is None
        super()._fetch_all()
        if fetched and self.known_day is not None and self._iterable_class is ModelIterable:
            from .claims import project_known_on

            project_known_on(self._result_cache, self.known_day)

    def iterator(self, chunk_size: int | None = None) -> Iterator:
        """Like `_fetch_all`, chunk by chunk: in a past view, one more query per chunk (the
        streamed CSV reads events this way)."""
        rows = super().iterator(chunk_size)
        if self.known_day is None or self._iterable_class is not ModelIterable:
            return rows
        from .claims import project_known_on

        day, size = self.known_day, chunk_size or 2000
        return (
            event
            for chunk in itertools.batched(rows, size)
            for event in project_known_on(list(chunk), day)
        )

    def approved(self) -> EventQuerySet:
        return self.filter(review_state=Event.ReviewState.APPROVED)

    def visible(self, *, include_unreviewed: bool = False) -> EventQuerySet:
        """What the public sees: approved events, plus proposed ones when asked for."""
        states = [Event.ReviewState.APPROVED]
        if include_unreviewed:
            states.append(Event.ReviewState.PROPOSED)
        return self.filter(review_state__in=states)

    def proposed(self) -> EventQuerySet:
        return self.filter(review_state=Event.ReviewState.PROPOSED)

    def between(self, start: datetime.date | None, end: datetime.date | None) -> EventQuerySet:
        """Events whose date interval overlaps [start, end]."""
        qs = self
        if start:
            qs = qs.filter(date_end__gte=start)
        if end:
            qs = qs.filter(date_start__lte=end)
        return qs

    def involving(self, official: Official) -> EventQuerySet:
        """Events the official takes part in; in a past view, as known that day."""
        if self.known_day is None:
            return self.filter(participants=official)
        links = EventParticipant.objects.known_on(self.known_day).filter(official=official)
        return self.filter(pk__in=links.values("event_id"))

    def concerning(self, jurisdiction: Jurisdiction) -> EventQuerySet:
        """Events on which the country is; in a past view, as known that day."""
        if self.known_day is None:
            return self.filter(jurisdictions=jurisdiction)
        links = EventCountry.objects.known_on(self.known_day).filter(jurisdiction=jurisdiction)
        return self.filter(pk__in=links.values("event_id"))

    def known_on(self, day: datetime.date | None) -> EventQuerySet:
        """Events some article published on or before `day` reported (all events for None).

        Events without evidence (entered by hand) have no publication date and are left out.
        Fetched, each event shows its latest claim up to that day (timeline/claims.py): the
        mid-May round is planned as of 1 May, even if a later article reported it held.
        """
        if day is None:
            return self
        known = self.filter(Exists(Evidence.objects.known_on(day).filter(event=OuterRef("pk"))))
        known.known_day = day
        return known

    def with_claims_known_on(self, day: datetime.date | None) -> EventQuerySet:
        """`known_status`, `known_date_start` and `known_date_end`: the status and dates as the
        articles published by `day` told them (the stored ones for None), for SQL filters and
        subqueries. The same rule as `claims.project_known_on`, which fetched events follow:
        only events a later article reported on differ, never an editor's; each article
        speaks through its first public claim, the latest article's winning (for the dates,
        the latest that gave one)."""
        fields = ("status", "date_start", "date_end")
        if day is None:
            return self.annotate(**{f"known_{field}": F(field) for field in fields})
        public_claims = Evidence.objects.public().exclude(claimed_status="")
        earlier = public_claims.filter(
            event=OuterRef("event"), article=OuterRef("article"), pk__lt=OuterRef("pk")
        )
        claims = (
            public_claims.known_on(day)
            .filter(event=OuterRef("pk"))
            .filter(~Exists(earlier))
            .order_by("-article__published", "-article_id")
        )
        dated = claims.filter(claimed_date_start__isnull=False)
        revised = Q(edited_by_editor=False) & Q(
            Exists(Evidence.objects.filter(event=OuterRef("pk"), article__published__gt=day))
        )

        def known(field: str, told: models.QuerySet) -> Case:
            claimed = Subquery(told.values(f"claimed_{field}")[:1])
            return Case(
                When(revised, then=Coalesce(claimed, F(field))),
                default=F(field),
                output_field=Event._meta.get_field(field),
            )

        return self.annotate(
            known_status=known("status", claims),
            known_date_start=known("date_start", dated),
            known_date_end=known("date_end", dated),
        )

    def with_claims_known(self) -> EventQuerySet:
        """In a past view (`known_on(day)`), `with_claims_known_on(day)`, annotated once; the
        events unchanged otherwise (today's view reads the stored values)."""
        if self.known_day is None or "known_status" in self.query.annotations:
            return self
        return self.with_claims_known_on(self.known_day)

    def revised_after(self, day: datetime.date) -> EventQuerySet:
        """Events an article published after `day` reported on: as of `day`, they may have
        read differently (their stored values are the latest claim's)."""
        return self.filter(
            Exists(Evidence.objects.filter(event=OuterRef("pk"), article__published__gt=day))
        )

    def for_listing(self) -> EventQuerySet:
        """Everything a timeline row shows, in a fixed number of queries."""
        return self.select_related("tariff__imposing", "tariff__target").prefetch_related(
            "jurisdictions", "participants"
        )

    def related_to(self, event: Event, *, days: int = 45, limit: int = 100) -> EventQuerySet:
        """Events of the same negotiation, within `days` of it: between the same pair of
        parties (a meeting's venue is not a party); for an event with one party, that party
        and one of its people; with none, two of its people. Ranked by what they share
        (`shared`)."""
        if event.date_start is None:
            return self.none()
        day = self.known_day  # in a past view, the links known that day
        parties = list(
            party_links(day).filter(event_id=event.pk).values_list("jurisdiction_id", flat=True)
        )
        people = [p.pk for p in event.participants.all()]
        if not parties and not people:
            return self.none()
        margin = datetime.timedelta(days=days)
        window = (
            Event.objects.between(event.date_start - margin, event.date_end + margin)
            .exclude(pk=event.pk)
            .values("pk")
        )

        # Count shared links per event in each link table on its own: joining both tables to
        # the events at once multiplies the rows before grouping (3x slower at 100k events).
        def shared_in(links: models.QuerySet, column: str, ids: list[int]) -> Counter[int]:
            if not ids:
                return Counter()
            rows = (
                links.filter(event_id__in=window, **{f"{column}__in": ids})
                .values("event_id")
                .annotate(n=Count("*"))
                .values_list("event_id", "n")
            )
            return Counter(dict(rows))

        by_party = shared_in(party_links(day), "jurisdiction_id", parties)
        by_person = shared_in(EventParticipant.objects.known_on(day), "official_id", people)
        if len(parties) >= 2:
            related = {pk for pk, n in by_party.items() if n >= 2}
        elif parties:
            related = set(by_party) & set(by_person)
        else:
            related = {pk for pk, n in by_person.items() if n >= min(2, len(people))}
        shared = {pk: by_party[pk] + by_person[pk] for pk in related}
        chosen = sorted(shared, key=lambda pk: (-shared[pk], pk))[:limit]
        return (
            self.filter(pk__in=chosen)
            .annotate(shared=counted({pk: shared[pk] for pk in chosen}))
            .order_by("-shared", "date_start", "id")
        )

    def in_timeline_order(self, *, newest_first: bool = False) -> EventQuerySet:
        """By start date, undated events last; in a past view (`known_on(day)`), by the start
        date as known that day."""
        events, start = self, "date_start"
        if self.known_day is not None:
            events, start = self.with_claims_known(), "known_date_start"
        if newest_first:
            return events.order_by(F(start).desc(nulls_last=True), "-id")
        return events.order_by(F(start).asc(nulls_last=True), "id")


class EventKind(models.TextChoices):
    MEETING = "meeting", "Meeting or call"
    TARIFF_MEASURE = "tariff_measure", "Tariff measure"
    AGREEMENT = "agreement", "Agreement or deal"
    STATEMENT = "statement", "Statement"
    ANNOUNCEMENT = "announcement", "Announcement"
    DEADLINE = "deadline", "Deadline"
    OTHER = "other", "Other"


class EventStatus(models.TextChoices):
    HAPPENED = "happened", "Happened"
    PLANNED = "planned", "Planned"
    SPECULATIVE = "speculative", "Speculative"
    CANCELLED = "cancelled", "Cancelled"


class EventReviewState(models.TextChoices):
    PROPOSED = "proposed", "Proposed (not yet reviewed)"
    APPROVED = "approved", "Approved"
    REJECTED = "rejected", "Rejected"


class EventPrecision(models.TextChoices):
    DAY = "day", "Day"
    WEEK = "week", "Week"
    MONTH = "month", "Month"
    QUARTER = "quarter", "Quarter"
    YEAR = "year", "Year"
    RANGE = "range", "Range of days"


class Event(models.Model):
    """One entry on the timeline: something that happened, is planned or is only talked about."""

    Kind = EventKind
    Status = EventStatus
    ReviewState = EventReviewState
    Precision = EventPrecision

    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    title = models.CharField(max_length=300, help_text="One line a reader can scan.")
    summary = models.TextField(blank=True, help_text="A sentence or two in your own words.")
    date_start = models.DateField(
        null=True, blank=True, help_text="First day of the period the event falls in."
    )
    date_end = models.DateField(
        null=True,
        blank=True,
        help_text="Last day of that period: the same as the start for a known day.",
    )
    date_precision = models.CharField(
        max_length=10,
        choices=Precision.choices,
        blank=True,
        help_text='How precisely the date is known: "mid-May" is a range, "in June" a month.',
    )
    date_text = models.CharField(
        max_length=200, blank=True, help_text='The phrase the date came from: "Thursday".'
    )
    date_explanation = models.CharField(
        max_length=300,
        blank=True,
        help_text="How the phrase was resolved, for readers checking the date.",
    )
    date_computed = models.BooleanField(
        default=False,
        help_text="Derived rather than stated (an end date from a 90-day pause, for example).",
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.HAPPENED)
    review_state = models.CharField(
        max_length=10,
        choices=ReviewState.choices,
        default=ReviewState.PROPOSED,
        help_text="Only approved events are shown to the public by default.",
    )
    confidence = models.FloatField(
        default=1.0, help_text="The pipeline's confidence, 0 to 1 (1 for events entered by hand)."
    )
    jurisdictions = models.ManyToManyField(
        Jurisdiction,
        through="EventCountry",
        blank=True,
        related_name="events",
        verbose_name="countries",
    )
    participants = models.ManyToManyField(
        Official, through="EventParticipant", blank=True, related_name="events"
    )
    negotiation = models.ForeignKey(
        Negotiation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        db_index=False,  # the (negotiation, date_start, id) index below serves every lookup
        help_text="The thread this event belongs to; filled in from its parties, and yours to "
        "change (the pipeline then leaves it alone).",
    )
    round_number = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text='For meetings: the round the text states ("the third round of talks"). '
        "Leave empty to number rounds by date within the thread.",
    )
    merge_key = models.CharField(
        max_length=200,
        blank=True,
        db_index=True,
        help_text="Set by the pipeline to recognise the same event in other sentences.",
    )
    edited_by_editor = models.BooleanField(
        default=False,
        help_text="Set when an editor changes the event: re-extraction then leaves it alone.",
    )
    title_by_editor = models.BooleanField(
        "title written by an editor",
        default=False,
        help_text="Leave unticked to let the title follow your edits of the type, status, "
        "countries, participants and details; ticked once you write a title yourself.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["date_start", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(date_start__isnull=True, date_end__isnull=True)
                | Q(
                    date_start__isnull=False, date_end__isnull=False, date_start__lte=F("date_end")
                ),
                name="event_dates_ordered",
            ),
            models.CheckConstraint(
                condition=Q(confidence__gte=0) & Q(confidence__lte=1),
                name="event_confidence_0_1",
            ),
            models.CheckConstraint(condition=Q(kind__in=EventKind.values), name="event_kind_valid"),
            models.CheckConstraint(
                condition=Q(status__in=EventStatus.values), name="event_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(review_state__in=EventReviewState.values),
                name="event_review_state_valid",
            ),
            models.CheckConstraint(
                condition=Q(round_number__isnull=True) | Q(round_number__gte=1),
                name="event_round_number_positive",
            ),
        ]
        indexes = [
            models.Index(fields=["review_state", "date_start", "id"], name="event_review_date_idx"),
            # Covers the date-range filter (date_end) while keeping the timeline order.
            models.Index(
                fields=["review_state", "date_start", "id", "date_end"],
                name="event_review_range_idx",
            ),
            models.Index(fields=["date_start", "date_end"], name="event_dates_idx"),
            models.Index(fields=["kind", "date_start"], name="event_kind_date_idx"),
            # An event's visibility and kind without reading its row: a country page tests
            # thousands of its events (the count of its events, its partners) by id.
            models.Index(fields=["id", "review_state", "kind"], name="event_state_kind_idx"),
            models.Index(fields=["status", "date_start"], name="event_status_date_idx"),
            models.Index(
                fields=["negotiation", "date_start", "id"], name="event_negotiation_date_idx"
            ),
            # a thread's last event held and next one planned (the negotiation index)
            models.Index(
                fields=["negotiation", "status", "date_start"], name="event_negotiation_status_idx"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return page_url("timeline:event-detail", self.pk)

    def machine_title(self) -> str:
        """The title the pipeline would give the event as it now stands."""
        from articles.extraction.titles import compose_title, without_status_prefix

        tariff = getattr(self, "tariff", None)
        meeting = getattr(self, "meeting", None)
        return compose_title(
            self.kind,
            status=self.status,
            participants=[person.full_name for person in self.participants.all()],
            countries=[country.name for country in self.jurisdictions.all()],
            location=meeting.location if meeting is not None else "",
            tariff=tariff.as_extracted() if tariff is not None else None,
            statement=self.title
            if self.kind in {EventKind.STATEMENT, EventKind.ANNOUNCEMENT}
            else without_status_prefix(self.title)
            if self.kind == EventKind.OTHER
            else "",
        )[:300]

    def retitle(self) -> bool:
        """Compose the title again after an edit, unless an editor wrote it. True if changed."""
        if self.title_by_editor:
            return False
        title = self.machine_title()
        if title == self.title:
            return False
        self.title = title
        self.save(update_fields=["title", "updated_at"])
        return True

    def approve(self) -> None:
        """Approve the event with all the evidence it has now (new finds included): one
        change (one data version, the country summaries worked out once)."""
        from .caching import one_bump
        from .claims import follow_claims

        with one_bump():
            self.review_state = self.ReviewState.APPROVED
            self.save(update_fields=["review_state", "updated_at"])
            for evidence in self.evidence.filter(awaits_review=True):  # one save each: audited
                evidence.awaits_review = False
                evidence.save(update_fields=["awaits_review"])
            followed = follow_claims(self)  # the new evidence's claim is now the event's
        if followed:
            self.refresh_from_db()

    def reject(self) -> None:
        self.review_state = self.ReviewState.REJECTED
        self.save(update_fields=["review_state", "updated_at"])


def known_link(day: datetime.date | None, prefix: str = "") -> Q:
    """The condition that an event's link (reached through `prefix`) is known on `day`: an
    editor made it, or the pipeline from an article published on or before `day` (the rule of
    `Evidence.known_on`). Always true for None."""
    if day is None:
        return Q()
    return Q(**{f"{prefix}article__isnull": True}) | Q(**{f"{prefix}article__published__lte": day})


class LinkQuerySet(models.QuerySet):
    def known_on(self, day: datetime.date | None) -> LinkQuerySet:
        """Links known on `day` (all for None): `known_link`."""
        return self if day is None else self.filter(known_link(day))

    def told_after(self, day: datetime.date) -> LinkQuerySet:
        """Links the pipeline made from an article published after `day`: not known then."""
        return self.filter(article__published__gt=day)


class EventCountryQuerySet(LinkQuerySet):
    def parties(self) -> EventCountryQuerySet:
        """The links that name a party to the event, not a place (`is_party`)."""
        return self.filter(is_party=True)

    def mark_parties(self) -> None:
        """Store on these links whether each names a party, by the one rule (`not_a_party`):
        two UPDATEs, of the links whose answer changed (timeline/parties.py calls it whenever
        an input of the rule changes)."""
        place = not_a_party(event=OuterRef("event_id"))
        self.filter(is_party=True).filter(place).update(is_party=False)
        self.filter(is_party=False).exclude(place).update(is_party=True)


def hand_over_or_delete(collector, field, sub_objs, using) -> None:
    """When the article that first named links goes, each passes to the earliest other article
    of the same event published no earlier (an earlier one did not name it, or it would have
    been first); it is shown from that article's day on in a past view. A link that no
    remaining article may have named goes with it."""
    from articles.models import Article

    published = dict(
        Article.objects.filter(pk__in={link.article_id for link in sub_objs}).values_list(
            "pk", "published"
        )
    )
    told = list(  # the other articles of these events, oldest first, in one query
        Evidence.objects.filter(
            event_id__in={link.event_id for link in sub_objs},
            article__published__gte=min(published.values()),
        )
        .exclude(article_id__in=published)
        .order_by("article__published", "article_id")
        .values_list("event_id", "article_id", "article__published")
    )
    orphans, heirs = [], {}
    for link in sub_objs:
        heir = next(
            (
                article
                for event, article, day in told
                if event == link.event_id and day >= published[link.article_id]
            ),
            None,
        )
        if heir is None:
            orphans.append(link)
        else:
            heirs.setdefault(heir, []).append(link)
    articles = Article.objects.in_bulk(heirs)
    for heir, links in heirs.items():
        collector.add_field_update(field, articles[heir], links)
    if orphans:
        models.CASCADE(collector, field, orphans, using)


class EventLink(models.Model):
    """What links an event to a country or a person, and which article first told it."""

    article = models.ForeignKey(
        "articles.Article",
        on_delete=hand_over_or_delete,
        null=True,
        blank=True,
        related_name="+",
        help_text="The earliest article that named it on this event; empty when an editor "
        "added it. A past view of the timeline shows it from that article's day on.",
    )

    objects = LinkQuerySet.as_manager()

    class Meta:
        abstract = True


class EventCountry(EventLink):
    """A country on an event (a party, or a meeting's venue)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="country_links")
    jurisdiction = models.ForeignKey(
        Jurisdiction, on_delete=models.CASCADE, related_name="event_links", verbose_name="country"
    )
    is_party = models.BooleanField(
        "a party",
        default=True,
        editable=False,
        help_text="Worked out from the event, never edited: a meeting's venue is not a party.",
    )

    objects = EventCountryQuerySet.as_manager()

    class Meta:
        db_table = "timeline_event_jurisdictions"  # the table of the former implicit link
        unique_together = [("event", "jurisdiction")]
        indexes = [
            models.Index(fields=["jurisdiction", "event"], name="event_country_event_idx"),
            # Partners from the links alone: a country's events it is a party to, then each
            # event's other parties (country pages).
            models.Index(
                fields=["jurisdiction", "is_party", "event"], name="event_country_party_idx"
            ),
            models.Index(
                fields=["event", "is_party", "jurisdiction"], name="event_party_country_idx"
            ),
        ]
        verbose_name = "country on an event"
        verbose_name_plural = "countries on events"

    def __str__(self) -> str:
        return self.jurisdiction.name


class EventParticipant(EventLink):
    """A person taking part in an event."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="participant_links")
    official = models.ForeignKey(
        Official, on_delete=models.CASCADE, related_name="event_links", verbose_name="person"
    )

    class Meta:
        db_table = "timeline_event_participants"
        unique_together = [("event", "official")]
        indexes = [models.Index(fields=["official", "event"], name="event_official_event_idx")]
        verbose_name = "participant in an event"
        verbose_name_plural = "participants in events"

    def __str__(self) -> str:
        return self.official.full_name


class Meeting(models.Model):
    """Details of a meeting or call (one per event of kind meeting)."""

    class Format(models.TextChoices):
        IN_PERSON = "in_person", "In person"
        CALL = "call", "Phone call"
        VIRTUAL = "virtual", "Video conference"

    event = models.OneToOneField(
        Event, on_delete=models.CASCADE, primary_key=True, related_name="meeting"
    )
    location = models.CharField(
        max_length=200, blank=True, help_text='City or venue: "Washington", "Oval Office".'
    )
    duration = models.DurationField(
        null=True, blank=True, help_text='How long it lasted, e.g. "00:50:00" for 50 minutes.'
    )
    format = models.CharField(max_length=10, choices=Format.choices, default=Format.IN_PERSON)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(duration__isnull=True) | Q(duration__gt=datetime.timedelta(0)),
                name="meeting_duration_positive",
            ),
        ]

    def __str__(self) -> str:
        return f"Meeting details for {self.event}"


class TariffAction(models.TextChoices):
    ANNOUNCED = "announced", "Announced"
    IMPOSED = "imposed", "Imposed"
    RAISED = "raised", "Raised"
    LOWERED = "lowered", "Lowered"
    PAUSED = "paused", "Paused"
    RESUMED = "resumed", "Resumed"
    EXEMPTED = "exempted", "Exempted"
    REMOVED = "removed", "Removed"


class TariffMeasureQuerySet(models.QuerySet):
    def affecting(self, country: Jurisdiction) -> TariffMeasureQuerySet:
        """Tariffs imposed by the country, on it, or on all trading partners by someone else."""
        return self.filter(
            Q(imposing=country)
            | Q(target=country)
            | (Q(applies_to_all=True) & ~Q(imposing=country))
        )

    def for_chart(self, country: Jurisdiction, events: models.QuerySet, *, lines: int) -> list:
        """The visible measures affecting `country`, as light rows for its chart (one query).

        Plain tuples, not model instances or dictionaries (a busy country has thousands of
        measures), and only those of its `lines` busiest tariff lines (imposing country,
        target, sector). The rate comes as a float, which is all the chart needs, without a
        Decimal made and rounded per row.
        """
        rows = list(
            self.affecting(country)
            .filter(Exists(events.filter(pk=OuterRef("event_id"))))
            .values_list(*ChartMeasure.__slots__[:8], *ChartMeasure.JOINED)
        )
        sizes = Counter(row[1:5] for row in rows)  # rows per line: imposing, target, all, sector
        busiest = {line for line, _ in sizes.most_common(lines)}
        return [ChartMeasure(*row) for row in rows if row[1:5] in busiest]


class ChartMeasure:
    """A tariff measure as `charts.tariff_series` reads it, built from a `for_chart()` row."""

    __slots__ = (
        *("pk", "imposing_id", "target_id", "applies_to_all", "sector", "action"),
        *("in_force_from", "in_force_to", "rate_percent", "imposing", "target", "event"),
    )
    JOINED = (
        Cast("rate_percent", models.FloatField()),
        "imposing__name",
        "target__name",
        "event__date_start",
        "event__status",
    )

    def __init__(self, *row) -> None:
        (self.pk, self.imposing_id, self.target_id, self.applies_to_all, self.sector) = row[:5]
        (self.action, self.in_force_from, self.in_force_to, self.rate_percent) = row[5:9]
        imposing_name, target_name, date_start, status = row[9:]
        self.imposing = ChartName(imposing_name) if self.imposing_id else None
        self.target = ChartName(target_name) if self.target_id else None
        self.event = ChartEvent(date_start, status)

    def get_action_display(self) -> str:
        return ACTION_LABELS[self.action]


class ChartName(NamedTuple):
    name: str


class ChartEvent(NamedTuple):
    date_start: datetime.date | None
    status: str

    def get_status_display(self) -> str:
        return STATUS_LABELS[self.status]


ACTION_LABELS = dict(TariffAction.choices)
STATUS_LABELS = dict(EventStatus.choices)


class TariffMeasure(models.Model):
    """Details of a tariff measure: who imposes what rate on whom, from when to when."""

    Action = TariffAction

    event = models.OneToOneField(
        Event, on_delete=models.CASCADE, primary_key=True, related_name="tariff"
    )
    imposing = models.ForeignKey(
        Jurisdiction,
        on_delete=models.PROTECT,
        related_name="tariffs_imposed",
        null=True,
        blank=True,
        help_text="The country that levies the tariff.",
    )
    target = models.ForeignKey(
        Jurisdiction,
        on_delete=models.PROTECT,
        related_name="tariffs_faced",
        null=True,
        blank=True,
        help_text="The country whose goods are taxed. Leave empty and tick "
        '"all trading partners" for a universal tariff.',
    )
    applies_to_all = models.BooleanField(
        default=False, verbose_name="all trading partners", help_text="A universal tariff."
    )
    sector = models.CharField(
        max_length=100, blank=True, help_text='"autos", "steel", "all goods"…'
    )
    products = models.CharField(max_length=300, blank=True)
    rate_percent = models.DecimalField(
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Ad valorem rate in percent (24 for 24%).",
    )
    action = models.CharField(max_length=10, choices=Action.choices, default=Action.IMPOSED)
    in_force_from = models.DateField(null=True, blank=True)
    in_force_to = models.DateField(
        null=True, blank=True, help_text="Last day in force (end of a pause, expiry)."
    )
    modifies = models.ForeignKey(
        Event,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="modified_by",
        limit_choices_to={"kind": Event.Kind.TARIFF_MEASURE},
        help_text="The earlier measure this one raises, pauses or removes.",
    )

    objects = TariffMeasureQuerySet.as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(rate_percent__isnull=True) | Q(rate_percent__gte=0),
                name="tariff_rate_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(in_force_from__isnull=True)
                | Q(in_force_to__isnull=True)
                | Q(in_force_from__lte=F("in_force_to")),
                name="tariff_in_force_ordered",
            ),
            models.CheckConstraint(
                condition=~(Q(applies_to_all=True) & Q(target__isnull=False)),
                name="tariff_target_or_all",
            ),
            models.CheckConstraint(
                condition=Q(action__in=TariffAction.values),
                name="tariff_action_valid",
            ),
        ]
        indexes = [
            models.Index(fields=["imposing", "in_force_from"], name="tariff_imposing_idx"),
            models.Index(fields=["target", "in_force_from"], name="tariff_target_idx"),
            # With the two above, `affecting()` reads a country's measures through indexes.
            models.Index(fields=["applies_to_all", "in_force_from"], name="tariff_all_idx"),
        ]

    def __str__(self) -> str:
        rate = f"{float(self.rate_percent):g}%" if self.rate_percent is not None else "rate unknown"
        return f"{self.get_action_display()} {rate} tariff"

    def as_extracted(self):
        """The measure as the pipeline describes one (for composing titles)."""
        from articles.extraction.types import ExtractedTariff

        return ExtractedTariff(
            rate_percent=float(self.rate_percent) if self.rate_percent is not None else None,
            imposing_country=self.imposing.name if self.imposing_id else None,
            target_country=self.target.name if self.target_id else None,
            applies_to_all=self.applies_to_all,
            sector=self.sector,
            action=self.action,
        )


class EvidenceQuerySet(models.QuerySet):
    def public(self) -> EvidenceQuerySet:
        """What the public sees of an event's evidence: not the sentences the pipeline found
        after the event was approved, until an editor has seen them."""
        return self.filter(awaits_review=False)

    def known_on(self, day: datetime.date | None) -> EvidenceQuerySet:
        """Sentences of articles published on or before `day` (all for None): what a past
        view may quote, and what makes an event known on that day."""
        return self if day is None else self.filter(article__published__lte=day)


class Evidence(models.Model):
    """The sentence of an article that supports an event, with its exact place in the text."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="evidence")
    article = models.ForeignKey(
        "articles.Article", on_delete=models.CASCADE, related_name="evidence"
    )
    sentence = models.TextField(help_text="The supporting sentence, exactly as in the article.")
    start_char = models.PositiveIntegerField(help_text="Offset of the sentence in the body.")
    end_char = models.PositiveIntegerField()
    awaits_review = models.BooleanField(
        default=False,
        help_text="Found by the pipeline after the event was approved: hidden from the public "
        "until an editor unticks this (approving the event again unticks them all).",
    )
    # The article's claim: what it said about the event when this sentence was read. The
    # event shows its latest claim (timeline/claims.py); earlier ones make its history.
    claimed_status = models.CharField(
        "status reported",
        max_length=12,
        choices=EventStatus.choices,
        blank=True,
        help_text="What the article said: held, planned, talked of, called off.",
    )
    claimed_date_start = models.DateField("date reported (from)", null=True, blank=True)
    claimed_date_end = models.DateField("date reported (to)", null=True, blank=True)
    claimed_date_precision = models.CharField(
        "precision reported", max_length=10, choices=EventPrecision.choices, blank=True
    )
    claimed_date_text = models.CharField(
        "date phrase", max_length=200, blank=True, help_text='As written: "in or after mid-May".'
    )
    claimed_date_explanation = models.CharField(max_length=300, blank=True)
    claimed_date_computed = models.BooleanField(default=False)
    claimed_title = models.CharField(
        "title as reported", max_length=300, blank=True, help_text="The title this claim gives."
    )
    claimed_location = models.CharField("place reported", max_length=200, blank=True)
    claimed_rate_percent = models.DecimalField(
        "rate reported", max_digits=7, decimal_places=2, null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "evidence"
        ordering = ["article__published", "start_char"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_char__lt=F("end_char")), name="evidence_span_not_empty"
            ),
            models.UniqueConstraint(
                fields=["event", "article", "start_char"], name="evidence_unique_per_sentence"
            ),
            models.CheckConstraint(
                condition=Q(claimed_date_start__isnull=True, claimed_date_end__isnull=True)
                | Q(
                    claimed_date_start__isnull=False,
                    claimed_date_end__isnull=False,
                    claimed_date_start__lte=F("claimed_date_end"),
                ),
                name="evidence_claimed_dates_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.sentence[:80]


class ProposedEvent(Event):
    """The review queue: machine-extracted events waiting for an editor."""

    class Meta:
        proxy = True
        verbose_name = "proposed event"
        verbose_name_plural = "review queue (proposed events)"


class DataVersion(models.Model):
    """One row counting the changes readers can see (timeline/caching.py bumps and reads it).

    Cached pages are keyed by `version`, so the first request after a change renders afresh;
    `changed_at` is the pages' Last-Modified.
    """

    version = models.PositiveBigIntegerField(default=1)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "data version"

    def __str__(self) -> str:
        return f"version {self.version} of {self.changed_at:%Y-%m-%d %H:%M:%S}"


class CountrySummary(models.Model):
    """What a country's page shows of its whole history in the public view (approved events,
    as of today): how many events concern it, its partners and its tariff chart's series.

    Derived, never edited: timeline/summaries.py works it out with the same queries the page
    would run and keeps it in step from signals, as the events, their links and tariffs change;
    `manage.py summarize_countries` builds it again. The page reads it in one query; other
    views (editors, unreviewed events, a past day) and a country without a summary read the
    events themselves.
    """

    country = models.OneToOneField(
        Jurisdiction, on_delete=models.CASCADE, primary_key=True, related_name="summary"
    )
    events = models.PositiveIntegerField(default=0, help_text="Approved events concerning it.")
    partners = models.JSONField(
        default=list, help_text="Its partners, most shared events first: [id, code, name, shared]."
    )
    series = models.JSONField(
        default=list,
        help_text="Its chart's series: [label, [[start, rate, paused, planned, note], ...]].",
    )

    class Meta:
        verbose_name = "country summary"
        verbose_name_plural = "country summaries"

    def __str__(self) -> str:
        return f"Summary of {self.country_id}"

    def partner_list(self) -> list[Jurisdiction]:
        """The partners as `partners_of()` gives them (`shared` events each)."""
        partners = []
        for pk, code, name, shared in self.partners:
            partner = Jurisdiction(pk=pk, code=code, name=name)
            partner.shared = shared
            partners.append(partner)
        return partners

    def series_list(self) -> list:
        """The chart's series as `charts.tariff_series()` gives them."""
        from .charts import Series, Step

        day = datetime.date.fromisoformat
        return [
            Series(label, tuple(Step(day(start), *rest) for start, *rest in steps))
            for label, steps in self.series
        ]
