"""The timeline's filters, shared by the page, the exports and the API.

Malformed values never raise: the form reports them and the filter is not applied.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import QuerySet

from .models import Event, Jurisdiction, Official
from .search import search_events


class TimelineEventFilter(django_filters.FilterSet):
    country = django_filters.ModelMultipleChoiceFilter(
        field_name="jurisdictions",
        queryset=Jurisdiction.objects.all(),
        to_field_name="code",
        label="Country",
        method="filter_countries",
    )
    official = django_filters.ModelMultipleChoiceFilter(
        field_name="participants",
        queryset=Official.objects.all(),
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

    def __init__(self, data=None, *args, **kwargs):
        if data is not None:
            data = data.copy()
            # `from` and `to` are Python keywords; the public parameter names map onto fields.
            for public, field in (("from", "from_date"), ("to", "to_date")):
                if public in data and field not in data:
                    data[field] = data[public]
            if "country" in data:
                data.setlist("country", [code.upper() for code in data.getlist("country")])
        super().__init__(data, *args, **kwargs)

    def filter_countries(self, queryset: QuerySet[Event], name: str, value) -> QuerySet[Event]:
        """Events concerning every chosen country (Japan and the United States: their talks)."""
        for country in value:
            queryset = queryset.filter(jurisdictions=country)
        return queryset

    def filter_officials(self, queryset: QuerySet[Event], name: str, value) -> QuerySet[Event]:
        for official in value:
            queryset = queryset.filter(participants=official)
        return queryset

    def search(self, queryset: QuerySet[Event], name: str, value: str) -> QuerySet[Event]:
        return search_events(queryset, value)
