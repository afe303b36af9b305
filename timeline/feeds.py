"""Atom feeds of newly approved events: the timeline's, for its filters (`?country=JP&type=…`),
and each negotiation's. Both take `as_of` for a past view."""

from __future__ import annotations

import re

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_GET

from .exports import (
    SITE_NAME,
    bad_filter_response,
    event_html,
    export_title,
    requested_filter,
    with_details,
)
from .filters import TimelineEventFilter, requested_day
from .models import Event, Negotiation
from .templatetags.timeline_tags import keep_as_of

FEED_SIZE = 50
# Characters XML 1.0 cannot carry (Django refuses to write them): dropped from feed text.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return XML_INVALID.sub("", text)


class EventsFeed(Feed):
    """Approved events, the most recently approved or edited first (`updated_at`). The feed
    announces what editors approved, so `unreviewed=1` does not apply here."""

    feed_type = Atom1Feed
    author_name = "Parley"
    subtitle = "Trade negotiations from the news, each event with its sources."

    def __init__(self, request: HttpRequest) -> None:
        super().__init__()
        self.request = request

    def get_object(self, request: HttpRequest) -> TimelineEventFilter:
        return requested_filter(request, approved_only=True)

    def title(self, filterset: TimelineEventFilter) -> str:
        return xml_safe(export_title(filterset, "newly approved events"))

    def link(self, filterset: TimelineEventFilter) -> str:
        return self.with_query(reverse("timeline:index"))

    def feed_url(self, filterset: TimelineEventFilter) -> str:
        return self.request.build_absolute_uri(self.with_query(reverse("exports:events-atom")))

    def with_query(self, path: str) -> str:
        query = self.request.GET.urlencode()
        return f"{path}?{query}" if query else path

    def items(self, filterset: TimelineEventFilter) -> list[Event]:
        events = filterset.qs.order_by("-updated_at", "-id")
        return list(with_details(events, as_of=filterset.as_of)[:FEED_SIZE])

    def item_title(self, item: Event) -> str:
        return xml_safe(item.title)

    def item_description(self, item: Event) -> str:
        return xml_safe(event_html(item, self.request))

    def item_link(self, item: Event) -> str:
        return item.get_absolute_url()

    def item_guid(self, item: Event) -> str:
        return self.request.build_absolute_uri(item.get_absolute_url())

    def item_pubdate(self, item: Event):
        return item.created_at

    def item_updateddate(self, item: Event):
        return item.updated_at

    def item_categories(self, item: Event) -> list[str]:
        return [item.get_kind_display(), *(xml_safe(c.name) for c in item.jurisdictions.all())]


class NegotiationFeed(EventsFeed):
    """A thread's approved events, the most recently approved or edited first; `as_of` keeps
    those reported by then, with only their evidence of then. No other filter applies."""

    def get_object(self, request: HttpRequest, slug: str) -> Negotiation:
        negotiation = get_object_or_404(Negotiation, slug=slug)
        negotiation.as_of = requested_day(request)
        return negotiation

    def title(self, negotiation: Negotiation) -> str:
        known = f" (as known on {negotiation.as_of:%Y-%m-%d})" if negotiation.as_of else ""
        return xml_safe(f"{SITE_NAME}: {negotiation.title}{known}")

    def subtitle(self, negotiation: Negotiation) -> str:
        return xml_safe(negotiation.subject or EventsFeed.subtitle)

    def link(self, negotiation: Negotiation) -> str:
        return keep_as_of(negotiation.get_absolute_url(), negotiation.as_of)

    def feed_url(self, negotiation: Negotiation) -> str:
        path = reverse("exports:negotiation-atom", args=[negotiation.slug])
        return self.request.build_absolute_uri(keep_as_of(path, negotiation.as_of))

    def items(self, negotiation: Negotiation) -> list[Event]:
        events = (
            Event.objects.approved().known_on(negotiation.as_of).filter(negotiation=negotiation)
        )
        ordered = events.order_by("-updated_at", "-id")
        return list(with_details(ordered, as_of=negotiation.as_of)[:FEED_SIZE])


@require_GET
def events_atom(request: HttpRequest) -> HttpResponse:
    filterset = requested_filter(request, approved_only=True)
    if not filterset.is_valid():
        return bad_filter_response(filterset)
    # One feed object per request: it keeps the request for absolute URLs.
    return EventsFeed(request)(request)


@require_GET
def negotiation_atom(request: HttpRequest, slug: str) -> HttpResponse:
    return NegotiationFeed(request)(request, slug=slug)
