"""Thin views: read with QuerySet methods, render one template per page."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from .models import Event, Jurisdiction, Official


@require_GET
def index(request) -> HttpResponse:
    events = (
        Event.objects.visible(include_unreviewed=True)
        .in_timeline_order()
        .prefetch_related("jurisdictions", "participants")
    )
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    return render(request, "timeline/index.html", {"page": page})


@require_GET
def event_detail(request, pk: int) -> HttpResponse:
    event = get_object_or_404(
        Event.objects.prefetch_related("jurisdictions", "participants", "evidence__article"), pk=pk
    )
    return render(request, "timeline/event_detail.html", {"event": event})


@require_GET
def official_detail(request, slug: str) -> HttpResponse:
    official = get_object_or_404(Official.objects.prefetch_related("roles"), slug=slug)
    events = official.events.in_timeline_order().prefetch_related("jurisdictions")
    return render(
        request, "timeline/official_detail.html", {"official": official, "events": events}
    )


@require_GET
def country_detail(request, code: str) -> HttpResponse:
    country = get_object_or_404(Jurisdiction, code=code.upper())
    events = country.events.in_timeline_order().prefetch_related("participants")
    return render(request, "timeline/country_detail.html", {"country": country, "events": events})
