"""The read-only JSON API (django-ninja): events, officials, countries and articles.

The OpenAPI schema at /api/openapi.json is generated from `schemas.py`, and the docs are at
/api/docs. Events take the timeline's filters; malformed parameters get a 422 (wrong type) or a
400 (unknown country or official, too many values), with the offending parameter named. Every
endpoint takes `as_of=YYYY-MM-DD`: the data as the articles published by that day told it,
each event as its latest claim by then, with links (`url`, `api_url`, `events_url`) to the
same day's view.

Articles are public through the approved events that cite them; the input as it was received
(reader comments and all) is for editors only.
"""

from __future__ import annotations

from functools import partial

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from ninja import NinjaAPI, Query, Status
from ninja.errors import ValidationError

from articles.models import Article
from timeline.exports import filter_errors, is_searching, timeline_filter, with_details
from timeline.filters import requested_day
from timeline.models import Event, Evidence, Jurisdiction, Negotiation, Official, OfficialRole
from timeline.negotiations import attach_next_steps, overview
from timeline.search import search_articles
from timeline.templatetags.timeline_tags import keep_as_of

from .schemas import (
    ERRORS,
    ArticleDetailOut,
    ArticleFilters,
    ArticleId,
    ArticleOptions,
    ArticlePage,
    AsOf,
    CountryCode,
    CountryFilters,
    CountryOut,
    CountryPage,
    Error,
    EventFilters,
    EventId,
    EventOut,
    EventPage,
    ListFilters,
    NegotiationDetailOut,
    NegotiationFilters,
    NegotiationPage,
    OfficialOut,
    OfficialPage,
    Pagination,
    PastView,
    Slug,
)


class ParleyAPI(NinjaAPI):
    def create_response(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        """Public, read-only data: any web page may read it (TimelineJS embeds, notebooks)."""
        response = super().create_response(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response


api = ParleyAPI(
    title="Parley API",
    version="1.0.0",
    description=__doc__,
    urls_namespace="api",
)
# Editors may read articles in the admin; they see the original input here too.
EDITOR_PERMISSION = "articles.view_article"
# The names of the parameter groups below, which django-ninja puts in some error locations.
PARAMETER_GROUPS = {"filters", "options"}


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """422 with each error located by its public parameter name: ["query", "country", 0]."""
    errors = [
        {**error, "loc": [part for part in error["loc"] if part not in PARAMETER_GROUPS]}
        for error in exc.errors
    ]
    return api.create_response(request, {"detail": errors}, status=422)


# Serialisation ---------------------------------------------------------------------------------


def absolute(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path)


def linked(request: HttpRequest, path: str) -> str:
    """A link to a page or an endpoint; in a past view, to its view of the same day (`as_of`
    was validated by the endpoint's schema before this is called)."""
    return absolute(request, keep_as_of(path, requested_day(request)))


def date_out(record, *, prefix: str = "") -> dict:
    """An event's date interval, or what an evidence claims it is (``prefix="claimed_"``)."""

    def field(name: str):
        return getattr(record, f"{prefix}date_{name}")

    return {
        "start": field("start"),
        "end": field("end"),
        "precision": field("precision") or None,
        "text": field("text"),
        "explanation": field("explanation"),
        "computed": field("computed"),
    }


def country_ref(country: Jurisdiction | None) -> dict | None:
    return {"code": country.code, "name": country.name} if country else None


def public(event: Event | None) -> bool:
    """Whether a linked event may be shown: approved (never rejected, nor unreviewed)."""
    return event is not None and event.review_state == Event.ReviewState.APPROVED


def event_out(event: Event, request: HttpRequest) -> dict:
    meeting = getattr(event, "meeting", None)
    tariff = getattr(event, "tariff", None)
    return {
        "id": event.pk,
        "url": linked(request, event.get_absolute_url()),
        "api_url": linked(request, reverse("api:event", args=[event.pk])),
        "title": event.title,
        "summary": event.summary,
        "type": event.kind,
        "status": event.status,
        "review_state": event.review_state,
        "date": date_out(event),
        "confidence": event.confidence,
        "countries": [country_ref(c) for c in event.jurisdictions.all()],
        "participants": [{"slug": p.slug, "name": p.full_name} for p in event.participants.all()],
        "meeting": meeting
        and {
            "location": meeting.location,
            "format": meeting.format,
            "duration_minutes": round(meeting.duration.total_seconds() / 60)
            if meeting.duration
            else None,
        },
        "tariff": tariff
        and {
            "action": tariff.action,
            "rate_percent": float(tariff.rate_percent) if tariff.rate_percent is not None else None,
            "imposing": country_ref(tariff.imposing),
            "target": country_ref(tariff.target),
            "applies_to_all": tariff.applies_to_all,
            "sector": tariff.sector,
            "products": tariff.products,
            "in_force_from": tariff.in_force_from,
            "in_force_to": tariff.in_force_to,
            "modifies": tariff.modifies_id
            if public(tariff.modifies) and getattr(event, "modifies_known", True)
            else None,
        },
        "evidence": [
            {
                "sentence": e.sentence,
                "start_char": e.start_char,
                "end_char": e.end_char,
                "article": article_out(e.article, request),
                "claim": claim_out(e),
            }
            for e in event.evidence.all()
        ],
        "created_at": event.created_at,
        "updated_at": event.updated_at,
    }


def claim_out(evidence: Evidence) -> dict | None:
    if not evidence.claimed_status:
        return None
    rate = evidence.claimed_rate_percent
    return {
        "status": evidence.claimed_status,
        "date": date_out(evidence, prefix="claimed_"),
        "title": evidence.claimed_title,
        "location": evidence.claimed_location,
        "rate_percent": float(rate) if rate is not None else None,
    }


def official_out(official: Official, request: HttpRequest) -> dict:
    return {
        "slug": official.slug,
        "name": official.full_name,
        "country": country_ref(official.jurisdiction),
        "is_reviewed": official.is_reviewed,
        "roles": [
            {"title": r.title, "organization": r.organization, "start": r.start, "end": r.end}
            for r in official.roles.all()
        ],
        "url": linked(request, official.get_absolute_url()),
        "api_url": linked(request, reverse("api:official", args=[official.slug])),
        "events_url": linked(request, f"{reverse('api:events')}?official={official.slug}"),
    }


def country_out(country: Jurisdiction, request: HttpRequest) -> dict:
    return {
        "code": country.code,
        "name": country.name,
        "official_name": country.official_name,
        "is_bloc": country.is_bloc,
        "url": linked(request, country.get_absolute_url()),
        "api_url": linked(request, reverse("api:country", args=[country.code])),
        "events_url": linked(request, f"{reverse('api:events')}?country={country.code}"),
    }


def article_out(article: Article, request: HttpRequest) -> dict:
    return {
        "id": article.pk,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published,
        "language": article.language,
        "api_url": linked(request, reverse("api:article", args=[article.pk])),
    }


def event_ref(event: Event, request: HttpRequest) -> dict:
    return {
        "id": event.pk,
        "title": event.title,
        "type": event.kind,
        "status": event.status,
        "date": date_out(event),
        "api_url": linked(request, reverse("api:event", args=[event.pk])),
    }


def negotiation_out(negotiation: Negotiation, request: HttpRequest) -> dict:
    next_step = getattr(negotiation, "next_step", None)
    return {
        "slug": negotiation.slug,
        "title": negotiation.title,
        "subject": negotiation.subject,
        "parties": [country_ref(c) for c in negotiation.parties.all()],
        "last_activity": getattr(negotiation, "last_activity", None),
        "next_step": event_ref(next_step, request) if next_step else None,
        "url": linked(request, negotiation.get_absolute_url()),
        "api_url": linked(request, reverse("api:negotiation", args=[negotiation.slug])),
    }


def past_view(options: PastView):
    """The events a request may see, as known on `as_of`, and the day the view is of."""
    events = Event.objects.visible(include_unreviewed=options.unreviewed).known_on(options.as_of)
    return events, options.as_of or timezone.localdate()


def paginate(
    request: HttpRequest, items: QuerySet, page: Pagination, serialise, prepare=None
) -> dict:
    """count/next/previous around one slice; next and previous keep every other parameter.

    `prepare`, if given, receives the slice as a list first (to load what it needs in bulk)."""
    count = items.count()

    def link(offset: int) -> str:
        params = request.GET.copy()
        params["offset"] = str(offset)
        params["limit"] = str(page.limit)
        return absolute(request, f"{request.path}?{params.urlencode()}")

    def prepared(rows: QuerySet) -> list:
        rows = list(rows)
        if prepare is not None:
            prepare(rows)
        return rows

    end = page.offset + page.limit
    return {
        "count": count,
        "next": link(end) if end < count else None,
        "previous": link(max(page.offset - page.limit, 0)) if page.offset > 0 else None,
        "results": [serialise(item, request) for item in prepared(items[page.offset : end])],
    }


# Endpoints -------------------------------------------------------------------------------------


@api.get("/events", response={200: EventPage, **ERRORS}, url_name="events", tags=["events"])
def list_events(request: HttpRequest, filters: Query[EventFilters]):
    """Events on the timeline, in date order, or best match first when searching with `q`."""
    filterset = timeline_filter(request.GET, as_of=filters.as_of)
    if not filterset.is_valid():
        detail = [
            {"loc": ["query", name], "msg": " ".join(errors)}
            for name, errors in filter_errors(filterset).items()
        ]
        return Status(400, {"detail": detail})
    events = filterset.qs
    if not is_searching(filterset):
        events = events.in_timeline_order()
    return paginate(request, with_api_details(events, as_of=filters.as_of), filters, event_out)


@api.get(
    "/events/{event_id}", response={200: EventOut, **ERRORS}, url_name="event", tags=["events"]
)
def get_event(request: HttpRequest, event_id: EventId, options: Query[AsOf]):
    """One event, if the public may see it (approved, or proposed: those are flagged); with
    `as_of`, if reported by then, with that evidence only."""
    events = Event.objects.visible(include_unreviewed=True).known_on(options.as_of)
    event = get_object_or_404(with_api_details(events, as_of=options.as_of), pk=event_id)
    return event_out(event, request)


def with_api_details(events: QuerySet[Event], *, as_of=None) -> QuerySet[Event]:
    """`with_details` and the measure each tariff modifies; in a past view, whether that one
    was reported by then (`modifies_known`: if not, the API does not point to it)."""
    events = with_details(events, as_of=as_of).select_related("tariff__modifies")
    if as_of is None:
        return events
    reported = Evidence.objects.known_on(as_of).filter(event=OuterRef("tariff__modifies"))
    return events.annotate(modifies_known=Exists(reported))


def officials(as_of=None) -> QuerySet[Official]:
    """People with a public page (never someone known only from rejected events); with
    `as_of`, those on an event reported by then."""
    return (
        Official.objects.public()
        .known_on(as_of)
        .select_related("jurisdiction")
        .prefetch_related(Prefetch("roles", queryset=OfficialRole.objects.order_by("start")))
    )


@api.get(
    "/officials", response={200: OfficialPage, **ERRORS}, url_name="officials", tags=["officials"]
)
def list_officials(request: HttpRequest, filters: Query[ListFilters]):
    """Officials by name: reviewed ones, and with `unreviewed=true` those the pipeline found."""
    people = officials(filters.as_of)
    people = people if filters.unreviewed else people.reviewed()
    return paginate(request, people.order_by("full_name", "id"), filters, official_out)


@api.get(
    "/officials/{slug}",
    response={200: OfficialOut, **ERRORS},
    url_name="official",
    tags=["officials"],
)
def get_official(request: HttpRequest, slug: Slug, options: Query[AsOf]):
    """An official with a public page; with `as_of`, if on an event reported by then."""
    return official_out(get_object_or_404(officials(options.as_of), slug=slug), request)


@api.get(
    "/countries", response={200: CountryPage, **ERRORS}, url_name="countries", tags=["countries"]
)
def list_countries(request: HttpRequest, filters: Query[CountryFilters]):
    """Countries and trading blocs, by name."""
    countries = Jurisdiction.objects.known_on(filters.as_of).order_by("name", "id")
    return paginate(request, countries, filters, country_out)


@api.get(
    "/countries/{code}",
    response={200: CountryOut, **ERRORS},
    url_name="country",
    tags=["countries"],
)
def get_country(request: HttpRequest, code: CountryCode, options: Query[AsOf]):
    """A country by its ISO alpha-2 code, in either case; with `as_of`, if on an event
    reported by then (as in the listing)."""
    countries = Jurisdiction.objects.known_on(options.as_of)
    return country_out(get_object_or_404(countries, code=code.upper()), request)


def is_editor(request: HttpRequest) -> bool:
    """Staff with the editors' permissions (signed in to the admin in this browser)."""
    user = request.user
    return user.is_active and user.is_staff and user.has_perm(EDITOR_PERMISSION)


def readable_articles(request: HttpRequest) -> QuerySet[Article]:
    """Every article for editors; for the public, those cited by an approved event."""
    return Article.objects.all() if is_editor(request) else Article.objects.public()


@api.get("/articles", response={200: ArticlePage, **ERRORS}, url_name="articles", tags=["articles"])
def list_articles(request: HttpRequest, filters: Query[ArticleFilters]):
    """Articles cited by approved events, newest first, or best match first with `q`."""
    articles = readable_articles(request).known_on(filters.as_of).order_by("-published", "-id")
    if filters.outlet:
        articles = articles.filter(outlet__iexact=filters.outlet)
    if filters.from_date:
        articles = articles.filter(published__gte=filters.from_date)
    if filters.to:
        articles = articles.filter(published__lte=filters.to)
    if filters.q:
        articles = search_articles(articles, filters.q)
    return paginate(request, articles, filters, article_out)


@api.get(
    "/articles/{article_id}",
    response={200: ArticleDetailOut, 403: Error, **ERRORS},
    url_name="article",
    tags=["articles"],
)
def get_article(request: HttpRequest, article_id: ArticleId, options: Query[ArticleOptions]):
    """An article cited by an approved event, with its body; the raw input only for editors,
    when asked for with `original=true`."""
    if options.original and not is_editor(request):
        return Status(403, {"detail": "original=true is for editors signed in to the admin."})
    article = get_object_or_404(readable_articles(request).known_on(options.as_of), pk=article_id)
    cited_by = Evidence.objects.public().filter(
        article=article, event__review_state=Event.ReviewState.APPROVED
    )
    return {
        **article_out(article, request),
        "body": article.body,
        "original": article.original if options.original else None,
        "event_ids": sorted(set(cited_by.values_list("event_id", flat=True))),
    }


@api.get(
    "/negotiations",
    response={200: NegotiationPage, **ERRORS},
    url_name="negotiations",
    tags=["negotiations"],
)
def list_negotiations(request: HttpRequest, filters: Query[NegotiationFilters]):
    """Negotiation threads with events, most recently active first, with their next step."""
    events, day = past_view(filters)
    threads = Negotiation.objects.with_activity(events, day=day).prefetch_related("parties")
    steps = partial(attach_next_steps, as_of=filters.as_of)
    return paginate(request, threads, filters, negotiation_out, prepare=steps)


@api.get(
    "/negotiations/{slug}",
    response={200: NegotiationDetailOut, **ERRORS},
    url_name="negotiation",
    tags=["negotiations"],
)
def get_negotiation(request: HttpRequest, slug: Slug, options: Query[PastView]):
    """A thread: parties and lead negotiators, rounds, agreements, next step, nearest deadline."""
    events, day = past_view(options)
    negotiation = get_object_or_404(Negotiation.objects.prefetch_related("parties"), slug=slug)
    thread = overview(negotiation, events, day=day)
    negotiation.next_step = thread.next_step
    return {
        **negotiation_out(negotiation, request),
        "last_activity": thread.last_activity,
        "day": day,
        "party_leads": [
            {
                "country": country_ref(party.country),
                "leads": [
                    {
                        "official": {"slug": lead.official.slug, "name": lead.official.full_name},
                        "role": role.title if (role := lead.official.role_on(day)) else None,
                        "events": lead.events,
                    }
                    for lead in party.leads
                ],
            }
            for party in thread.parties
        ],
        "rounds": [
            {
                "number": r.number,
                "inferred": r.inferred,
                "event": event_ref(r.event, request),
                "location": r.event.meeting.location if hasattr(r.event, "meeting") else "",
                "participants": [
                    {"slug": p.slug, "name": p.full_name} for p in r.event.participants.all()
                ],
            }
            for r in thread.rounds
        ],
        "agreements": [event_ref(e, request) for e in thread.agreements],
        "deadline": thread.deadline
        and {
            "day": thread.deadline.day,
            "title": thread.deadline.title,
            "days_left": thread.deadline.days_left,
            "event": event_ref(thread.deadline.event, request),
        },
        "event_ids": list(thread.events.values_list("pk", flat=True)),
    }
