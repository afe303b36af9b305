"""Thin views: filter, read with QuerySet methods, render one template per page.

An HTMX request gets the page's fragment (the results, the next page of events, the expanded
event) instead of the whole page, except when htmx restores history.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import trigger_client_event
from django_htmx.middleware import HtmxDetails

from .caching import cached_for_readers
from .charts import draw_tariff_chart
from .filters import InvalidParameter, TimelineEventFilter, requested_day
from .models import Event, Evidence, Jurisdiction, Negotiation, Official
from .negotiations import attach_next_steps, overview
from .summaries import overview as country_overview

PAGE_SIZE = 50
# Search results are counted up to this many ("more than 1000 events"): counting every match
# of a common word costs a look-up per match, and nobody loads twenty pages of them.
SEARCH_COUNT_CAP = 1000
REVIEW_PERMISSION = "timeline.change_event"


class HtmxHttpRequest(HttpRequest):  # for type hints (django-htmx's example project)
    htmx: HtmxDetails


def fragment(request: HtmxHttpRequest, template: str, name: str, *, paged: bool = True) -> str:
    """The page template, or one of its partials for htmx (a "load more" on a `paged` page
    gets the next page; on other pages `page` is just an unknown parameter)."""
    if not request.htmx or request.htmx.history_restore_request:
        return template
    return f"{template}#{'event-page' if paged and 'page' in request.GET else name}"


def events_page(
    request: HtmxHttpRequest, events, *, count: int | None = None, capped: bool = True
) -> Page:
    """The requested page of `events`; `count`, when given, was counted elsewhere, perhaps
    only up to SEARCH_COUNT_CAP when `capped` (then `page.paginator.more` is true and pages
    stop there)."""
    paginator = Paginator(events, PAGE_SIZE)
    if count is not None:
        cap = SEARCH_COUNT_CAP if capped else count
        paginator.count = min(count, cap)  # a cached_property, set beforehand
        paginator.more = count > cap
    return paginator.get_page(request.GET.get("page"))


def visible_events(request: HtmxHttpRequest, *, as_of: datetime.date | None = None):
    """Approved events; proposed ones too for editors and for readers who ask for them; in a
    past view (`as_of`), only those reported by then."""
    return Event.objects.visible(include_unreviewed=shows_unreviewed(request)).known_on(as_of)


def shows_unreviewed(request: HtmxHttpRequest) -> bool:
    """Editors see proposed events, and readers who ask for them."""
    return request.user.has_perm(REVIEW_PERMISSION) or request.GET.get("unreviewed") == "1"


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """handler400: our own messages (`InvalidParameter`) say what was wrong; others stay
    generic, as Django's do (their text may not be meant for the public)."""
    message = str(exception) if isinstance(exception, InvalidParameter) else ""
    return render(request, "400.html", {"message": message}, status=400)


@require_GET
@vary_on_headers("HX-Request", "HX-History-Restore-Request")
@cached_for_readers
def index(request: HtmxHttpRequest) -> HttpResponse:
    as_of = requested_day(request)
    visible = visible_events(request, as_of=as_of)
    filterset = TimelineEventFilter(request.GET, queryset=visible, ranked=False)  # date order
    newest = request.GET.get("order") == "newest"
    events = filterset.qs.in_timeline_order(newest_first=newest).for_listing()
    page = events_page(request, events, count=filterset.count(cap=SEARCH_COUNT_CAP))
    context = {
        "filter": filterset,
        "page": page,
        "newest": newest,
        "countries": Jurisdiction.objects.with_events(visible, chosen=filterset.chosen("country")),
        "officials": Official.objects.with_events(visible, chosen=filterset.chosen("official")),
        "chosen_countries": filterset.chosen("country"),
        "alone": [] if page.object_list else filterset.countries_alone(),
        "as_of": as_of,
    }
    return render(request, fragment(request, "timeline/index.html", "filter-results"), context)


@require_GET
@vary_on_headers("HX-Request", "HX-History-Restore-Request")
@cached_for_readers
def event_detail(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """An event with its evidence (editors also see new finds waiting for review, marked) and
    its links to the events the viewer may see; in a past view, only what was reported by then
    (an event first reported later is not found)."""
    as_of = requested_day(request)
    reviewer = request.user.has_perm(REVIEW_PERMISSION)
    events = Event.objects.all() if reviewer else Event.objects.visible(include_unreviewed=True)
    evidence = Evidence.objects.all() if reviewer else Evidence.objects.public()
    events, evidence = events.known_on(as_of), evidence.known_on(as_of)
    event = get_object_or_404(
        events.for_listing().prefetch_related(
            Prefetch("evidence", queryset=evidence.select_related("article")),
            "participants__roles",
        ),
        pk=pk,
    )
    visible = visible_events(request, as_of=as_of)
    tariff = getattr(event, "tariff", None)
    context = {
        "event": event,
        "modifies": tariff and tariff.modifies_id and visible.filter(pk=tariff.modifies_id).first(),
        "modified_by": visible.filter(tariff__modifies=event).in_timeline_order(),
        "related": visible.related_to(event).for_listing()[:6],
        "awaiting": [e for e in event.evidence.all() if e.awaits_review],
        "as_of": as_of,
    }
    template = fragment(request, "timeline/event_detail.html", "event-more", paged=False)
    return render(request, template, context)


@require_GET
@vary_on_headers("HX-Request", "HX-History-Restore-Request")
@cached_for_readers
def official_detail(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    as_of = requested_day(request)
    reviewer = request.user.has_perm(REVIEW_PERMISSION)
    people = (Official.objects.all() if reviewer else Official.objects.public()).known_on(as_of)
    official = get_object_or_404(
        people.select_related("jurisdiction").prefetch_related("roles"), slug=slug
    )
    visible = visible_events(request, as_of=as_of)
    events = visible.involving(official).in_timeline_order().for_listing()
    context = {"official": official, "page": events_page(request, events), "as_of": as_of}
    return render(request, fragment(request, "timeline/official_detail.html", "events"), context)


@require_GET
@vary_on_headers("HX-Request", "HX-History-Restore-Request")
@cached_for_readers
def country_detail(request: HtmxHttpRequest, code: str) -> HttpResponse:
    as_of = requested_day(request)
    country = get_object_or_404(Jurisdiction.objects.select_related("summary"), code=code.upper())
    visible = visible_events(request, as_of=as_of)
    public = as_of is None and not shows_unreviewed(request)  # what the summaries count
    known = country_overview(country, visible, summarized=public)
    events = visible.concerning(country).in_timeline_order().for_listing()
    chart, compact_chart = draw_tariff_chart(known.series, country)
    context = {
        "country": country,
        "page": events_page(request, events, count=known.events, capped=False),
        "partners": known.partners,
        "negotiations": Negotiation.objects.filter(parties=country)
        .with_activity(visible, day=as_of or timezone.localdate())
        .prefetch_related("parties"),
        "series": known.series,
        "chart": chart,
        "compact_chart": compact_chart,
        "as_of": as_of,
    }
    return render(request, fragment(request, "timeline/country_detail.html", "events"), context)


@require_GET
@vary_on_headers("HX-Request")
def negotiation_index(request: HtmxHttpRequest) -> HttpResponse:
    as_of = requested_day(request)
    visible = visible_events(request, as_of=as_of)
    day = as_of or timezone.localdate()
    negotiations = list(
        Negotiation.objects.with_activity(visible, day=day).prefetch_related("parties")
    )
    attach_next_steps(negotiations, as_of=as_of)
    context = {"negotiations": negotiations, "as_of": as_of, "day": day}
    return render(request, "timeline/negotiation_index.html", context)


@require_GET
@vary_on_headers("HX-Request")
def negotiation_detail(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    as_of = requested_day(request)
    negotiation = get_object_or_404(Negotiation.objects.prefetch_related("parties"), slug=slug)
    visible = visible_events(request, as_of=as_of)
    thread = overview(negotiation, visible, day=as_of or timezone.localdate())
    context = {"thread": thread, "page": events_page(request, thread.events), "as_of": as_of}
    template = fragment(request, "timeline/negotiation_detail.html", "events")
    return render(request, template, context)


@require_POST
def event_review(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm(REVIEW_PERMISSION):
        raise PermissionDenied
    event = get_object_or_404(Event, pk=pk)
    decision = request.POST.get("decision")
    if decision not in {"approve", "reject"}:
        return HttpResponseBadRequest("decision must be approve or reject")
    event.approve() if decision == "approve" else event.reject()
    if not request.htmx:
        back = request.POST.get("next", "")
        safe = url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure())
        return redirect(back if safe else event.get_absolute_url())
    response = render(request, "includes/_review.html", {"event": event, "reviewed": True})
    return trigger_client_event(response, "eventReviewed", {"id": event.pk, "state": decision})
