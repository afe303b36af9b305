"""The Atom feed of newly approved events, for the timeline's filters (`?country=JP&type=…`) and
`as_of` for a past view."""

from __future__ import annotations

import re

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_GET

from .exports import (
    bad_filter_response,
    event_html,
    export_title,
    requested_filter,
    with_details,
)
from .filters import TimelineEventFilter
from .models import Event

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


@require_GET
def events_atom(request: HttpRequest) -> HttpResponse:
    filterset = requested_filter(request, approved_only=True)
    if not filterset.is_valid():
        return bad_filter_response(filterset)
    # One feed object per request: it keeps the request for absolute URLs.
    return EventsFeed(request)(request)
