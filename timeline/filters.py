"""The timeline's filters, shared by the page, the exports and the API.

Malformed values never raise: the form reports them and the filter is not applied. No
parameter is taken more than `MAX_VALUES` times, and however many countries or officials are
chosen, the filter is one grouped subquery over the link table (a join per value took 19 s to
plan at 120 countries on PostgreSQL and went past SQLite's 64-table limit).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable

import django_filters
from django import forms
from django.core.exceptions import BadRequest
from django.db.models import Count, Model, QuerySet
from django.http import HttpRequest

from .models import Event, EventCountry, EventParticipant, Jurisdiction, Official, party_links
from .search import count_events, search_events

# The most values any filter parameter takes (`country=` repeated); more is a client error.
MAX_VALUES = 100
MAX_EXPLAINED = 4  # chosen countries whose events are counted one by one on an empty page


class InvalidParameter(BadRequest):
    """A 400 whose message is ours and safe to show (see `views.bad_request`)."""


def requested_day(request: HttpRequest) -> datetime.date | None:
    """`?as_of=YYYY-MM-DD`: the view as articles published by that day told it (None: today's).

    The one parser of `as_of` for pages, exports and feeds (the API validates it in its schema);
    anything else is a 400 that says so."""
    value = request.GET.get("as_of", "")
    if not value:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return datetime.date.fromisoformat(value)
    except ValueError:
        pass
    raise InvalidParameter("as_of must be a day as YYYY-MM-DD, like 2025-05-01.")


class TimelineFilterForm(forms.Form):
    """Reports the parameters given more than `MAX_VALUES` times (their values are dropped
    before any field looks them up, see `TimelineEventFilter`)."""

    too_many: dict[str, int] = {}

    def clean(self) -> dict:
        for name, count in self.too_many.items():
            self.add_error(name, f"Give at most {MAX_VALUES} values (got {count}).")
        return super().clean()


def linked_to_all(
    events: QuerySet[Event], through: type[Model], column: str, chosen: Iterable[Model]
) -> QuerySet[Event]:
    """The events linked to every one of `chosen` (none chosen: all of them), through one
    grouped subquery over the link table (`HAVING COUNT(*) = n`) whatever their number; in a
    past view, by the links known that day."""
    ids = {obj.pk for obj in chosen}
    if not ids:
        return events
    linked = (
        through.objects.known_on(events.known_day)
        .filter(**{f"{column}__in": ids})
        .values("event_id")
        .annotate(links=Count("*"))
        .filter(links=len(ids))
        .values("event_id")
    )
    return events.filter(pk__in=linked)


class TimelineEventFilter(django_filters.FilterSet):
    country = django_filters.ModelMultipleChoiceFilter(
        field_name="jurisdictions",
        queryset=Jurisdiction.objects.all(),
        to_field_name="code",
        label="Country",
        method="filter_countries",
    )
    match = django_filters.ChoiceFilter(
        choices=[("all", "Between all of them"), ("any", "Involving any of them")],
        label="With several countries",
        empty_label=None,
        method="chosen_elsewhere",  # read by filter_countries
    )
    official = django_filters.ModelMultipleChoiceFilter(
        field_name="participants",
        queryset=Official.objects.public(),
        to_field_name="slug",
        label="Official",
        method="filter_officials",
    )
    type = django_filters.ChoiceFilter(
        field_name="kind", choices=Event.Kind.choices, label="Type", empty_label="Any type"
    )
    status = django_filters.ChoiceFilter(
        choices=Event.Status.choices, label="Status", empty_label="Any status"
    )
    from_date = django_filters.DateFilter(
        field_name="date_end",
        lookup_expr="gte",
        label="From",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    to_date = django_filters.DateFilter(
        field_name="date_start",
        lookup_expr="lte",
        label="To",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    q = django_filters.CharFilter(method="search", label="Search")

    class Meta:
        model = Event
        fields: list[str] = []
        form = TimelineFilterForm

    # The day of a past view, when the queryset was narrowed to it (`exports.timeline_filter`).
    as_of: datetime.date | None = None

    # The public name of each filter where it differs (`from` and `to` are Python keywords).
    PUBLIC_NAMES = {"from_date": "from", "to_date": "to"}
    # In a past view (a queryset from `known_on(day)`), these filters read the values as known
    # that day (`EventQuerySet.with_claims_known`), not the stored ones (the latest claims).
    KNOWN_FIELDS = {
        "status": "known_status",
        "from_date": "known_date_end",
        "to_date": "known_date_start",
    }

    def __init__(self, data=None, *args, ranked: bool = True, **kwargs):
        """`ranked=False`: search results unordered and without a rank, for a list that orders
        them by date (the timeline)."""
        self.ranked = ranked
        self.searched: tuple[QuerySet[Event], str] | None = None
        too_many = {}
        if data is not None:
            data = data.copy()
            for field in self.base_filters:
                public = self.PUBLIC_NAMES.get(field, field)
                count = max(len(data.getlist(public)), len(data.getlist(field)))
                if count > MAX_VALUES:
                    too_many[field] = count
                    data.pop(public, None)
                    data.pop(field, None)
                elif public != field and public in data and field not in data:
                    data[field] = data[public]
            if "country" in data:
                data.setlist("country", [code.upper() for code in data.getlist("country")])
        super().__init__(data, *args, **kwargs)
        self.form.too_many = too_many
        if self.queryset.known_day is not None:
            for name, field in self.KNOWN_FIELDS.items():
                self.filters[name].field_name = field

    def filter_queryset(self, queryset: QuerySet[Event]) -> QuerySet[Event]:
        """Annotated with the values known on the day of a past view only when filtered on
        them (today's view, and a past one without these filters, are queried as ever)."""
        if any(self.form.cleaned_data.get(name) for name in self.KNOWN_FIELDS):
            queryset = queryset.with_claims_known()
        return super().filter_queryset(queryset)

    @property
    def any_country(self) -> bool:
        """Whether several countries mean "involving any of them" rather than "between them"."""
        return self.form.cleaned_data.get("match") == "any"

    def filter_countries(self, queryset: QuerySet[Event], name: str, value) -> QuerySet[Event]:
        """One country: events concerning it. Several: events between them, each a party (a
        meeting's venue is not), or with match=any, events involving any of them. One subquery
        whatever the number of countries; in a past view, by the links known that day."""
        countries, day = {country.pk for country in value}, queryset.known_day
        if not countries:
            return queryset
        if len(countries) < 2 or self.any_country:
            links = EventCountry.objects.known_on(day).filter(jurisdiction__in=countries)
            return queryset.filter(pk__in=links.values("event_id"))
        between = (
            party_links(day)
            .filter(jurisdiction__in=countries)
            .values("event_id")
            .annotate(parties=Count("jurisdiction_id", distinct=True))
            .filter(parties=len(countries))
            .values("event_id")
        )
        return queryset.filter(pk__in=between)

    def chosen_elsewhere(self, queryset: QuerySet[Event], name: str, value) -> QuerySet[Event]:
        return queryset

    def filter_officials(self, queryset: QuerySet[Event], name: str, value) -> QuerySet[Event]:
        """Events with every chosen official taking part."""
        return linked_to_all(queryset, EventParticipant, "official_id", value)

    def search(self, queryset: QuerySet[Event], name: str, value: str) -> QuerySet[Event]:
        self.searched = (queryset, value)  # the other filters applied (`q` comes last)
        return search_events(queryset, value, ranked=self.ranked)

    def count(self, *, cap: int) -> int:
        """How many events the filters give; with a search, counted no further than `cap + 1`
        (see `search.count_events`)."""
        queryset = self.qs
        if self.searched is None:
            return queryset.count()
        return count_events(*self.searched, cap=cap)

    def chosen(self, name: str) -> list:
        """The countries or officials chosen, as valid objects (malformed values are left out)."""
        self.form.is_valid()  # cleans the form once
        return list(self.form.cleaned_data.get(name) or [])

    def countries_alone(self) -> list[tuple[Jurisdiction, int]]:
        """When countries chosen together give nothing: how many events each has on its own
        (with the other filters), so the page can say why. A query per country, so only for a
        few of them (MAX_EXPLAINED)."""
        chosen = self.chosen("country")
        if not 2 <= len(chosen) <= MAX_EXPLAINED:
            return []
        data = self.data.copy()
        counts = []
        for country in chosen:
            data.setlist("country", [country.code])
            counts.append((country, type(self)(data, queryset=self.queryset).qs.count()))
        return counts
