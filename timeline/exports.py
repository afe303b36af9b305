"""Exports of the timeline's filtered view: CSV, iCalendar and TimelineJS.

Every export takes the timeline's query string (`country`, `official`, `type`, `status`, `from`,
`to`, `q`, `unreviewed`, and `as_of` for a past view), so a link from a filtered page exports
that view. The helpers at the top are shared with the API and the Atom feeds.

The CSV takes `excel=1` too: the same file with a UTF-8 byte order mark, which Excel needs to
read accents and dashes as UTF-8 rather than the local code page. No cell of it starts a
spreadsheet formula.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import itertools
from collections.abc import Iterable, Iterator

import icalendar
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict, StreamingHttpResponse
from django.utils.html import escape
from django.views.decorators.http import require_GET

from .filters import TimelineEventFilter, requested_day
from .models import Event, Evidence
from .templatetags.timeline_tags import format_event_date

TRUE_VALUES = {"1", "true", "yes", "on"}
SITE_NAME = "Parley"
# Spreadsheets run cells that start with these as formulas; free text gets a leading quote.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def timeline_filter(
    params: QueryDict, *, approved_only: bool = False, as_of: datetime.date | None = None
) -> TimelineEventFilter:
    """The timeline's filter over what the public sees: approved events, plus proposed ones
    with `unreviewed=1` (unless `approved_only`); in a past view, those reported by `as_of`.
    Empty `country=` / `official=` are ignored."""
    params = params.copy()
    for name in ("country", "official"):
        params.setlist(name, [value for value in params.getlist(name) if value.strip()])
    include_unreviewed = not approved_only and params.get("unreviewed", "").lower() in TRUE_VALUES
    events = Event.objects.visible(include_unreviewed=include_unreviewed).known_on(as_of)
    filterset = TimelineEventFilter(params, queryset=events)
    filterset.as_of = as_of
    return filterset


def requested_filter(request: HttpRequest, *, approved_only: bool = False) -> TimelineEventFilter:
    """`timeline_filter` for an export's request, `as_of` included (a 400 if malformed)."""
    return timeline_filter(request.GET, approved_only=approved_only, as_of=requested_day(request))


def is_searching(filterset: TimelineEventFilter) -> bool:
    return bool(filterset.form.cleaned_data.get("q"))


def filter_errors(filterset: TimelineEventFilter) -> dict[str, list[str]]:
    """Form errors keyed by the public parameter names (`from`, not `from_date`)."""
    public = {"from_date": "from", "to_date": "to"}
    return {public.get(name, name): list(errors) for name, errors in filterset.errors.items()}


def bad_filter_response(filterset: TimelineEventFilter) -> HttpResponse:
    lines = [f"{name}: {' '.join(errors)}" for name, errors in filter_errors(filterset).items()]
    return HttpResponse(
        "Invalid filter.\n" + "\n".join(lines) + "\n",
        status=400,
        content_type="text/plain; charset=utf-8",
    )


def with_details(events: QuerySet[Event], *, as_of: datetime.date | None = None) -> QuerySet[Event]:
    """Everything an export or the API shows of an event, in a fixed number of queries; in a
    past view, only the evidence of articles published by `as_of`."""
    return events.select_related(
        "meeting", "tariff", "tariff__imposing", "tariff__target"
    ).prefetch_related(
        "jurisdictions",
        "participants",
        Prefetch(
            "evidence",
            queryset=Evidence.objects.public()
            .known_on(as_of)
            .select_related("article")
            .order_by("article__published", "article_id", "start_char"),
        ),
    )


def describe_filters(filterset: TimelineEventFilter) -> str:
    """The filters in words, for calendar names and titles: "Japan, United States · Meeting"."""
    data = filterset.form.cleaned_data if filterset.is_bound and filterset.is_valid() else {}
    parts = []
    if data.get("country"):
        parts.append(", ".join(country.name for country in data["country"]))
    if data.get("official"):
        parts.append(", ".join(official.full_name for official in data["official"]))
    if data.get("type"):
        parts.append(Event.Kind(data["type"]).label)
    if data.get("status"):
        parts.append(Event.Status(data["status"]).label)
    if data.get("from_date"):
        parts.append(f"from {data['from_date']:%Y-%m-%d}")
    if data.get("to_date"):
        parts.append(f"to {data['to_date']:%Y-%m-%d}")
    if data.get("q"):
        parts.append(f"“{one_line(data['q'])}”")  # a calendar name is one line
    if filterset.as_of:
        parts.append(f"as known on {filterset.as_of:%Y-%m-%d}")
    return " · ".join(parts)


def export_title(filterset: TimelineEventFilter, what: str) -> str:
    description = describe_filters(filterset)
    return f"{SITE_NAME}: {what}" + (f" ({description})" if description else "")


def one_line(text: str) -> str:
    return " ".join(text.split())


# CSV ---------------------------------------------------------------------------------------------

CSV_COLUMNS = [
    "id",
    "url",
    "title",
    "summary",
    "type",
    "status",
    "review_state",
    "date_start",
    "date_end",
    "date_precision",
    "date_text",
    "country_codes",
    "countries",
    "participant_slugs",
    "participants",
    "meeting_location",
    "meeting_format",
    "meeting_duration_minutes",
    "tariff_action",
    "tariff_rate_percent",
    "tariff_imposing",
    "tariff_target",
    "tariff_applies_to_all",
    "tariff_sector",
    "tariff_products",
    "tariff_in_force_from",
    "tariff_in_force_to",
    "source_count",
    "source_outlets",
    "source_urls",
    "source_published",
    "source_sentences",
]


def spreadsheet_safe(text: str) -> str:
    """The cell as text: a leading quote where a spreadsheet would run it as a formula."""
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def text_list(items: Iterable[str], separator: str) -> str:
    """Items on one line each, every one guarded: a spreadsheet may split the cell."""
    return separator.join(spreadsheet_safe(one_line(item)) for item in items)


def csv_row(event: Event, request: HttpRequest) -> list[str]:
    """One row per event; its sources are newline-separated lists, aligned line by line.
    Free text is guarded here item by item, and every cell again as it is written."""
    meeting = getattr(event, "meeting", None)
    tariff = getattr(event, "tariff", None)
    countries = list(event.jurisdictions.all())
    participants = list(event.participants.all())
    evidence = list(event.evidence.all())
    text = spreadsheet_safe
    return [
        str(event.pk),
        request.build_absolute_uri(event.get_absolute_url()),
        text(event.title),
        text(event.summary),
        event.kind,
        event.status,
        event.review_state,
        event.date_start.isoformat() if event.date_start else "",
        event.date_end.isoformat() if event.date_end else "",
        event.date_precision,
        text(event.date_text),
        text_list((c.code for c in countries), "; "),
        text_list((c.name for c in countries), "; "),
        text_list((p.slug for p in participants), "; "),
        text_list((p.full_name for p in participants), "; "),
        text(meeting.location) if meeting else "",
        meeting.format if meeting else "",
        str(round(meeting.duration.total_seconds() / 60)) if meeting and meeting.duration else "",
        tariff.action if tariff else "",
        f"{tariff.rate_percent:f}" if tariff and tariff.rate_percent is not None else "",
        tariff.imposing.code if tariff and tariff.imposing else "",
        tariff.target.code if tariff and tariff.target else "",
        ("yes" if tariff.applies_to_all else "no") if tariff else "",
        text(tariff.sector) if tariff else "",
        text(tariff.products) if tariff else "",
        tariff.in_force_from.isoformat() if tariff and tariff.in_force_from else "",
        tariff.in_force_to.isoformat() if tariff and tariff.in_force_to else "",
        str(len(evidence)),
        text_list((e.article.outlet for e in evidence), "\n"),
        text_list((e.article.url for e in evidence), "\n"),
        "\n".join(e.article.published.isoformat() for e in evidence),
        text_list((e.sentence for e in evidence), "\n"),
    ]


class Echo:
    """A file-like object that hands back what is written, for streaming CSV."""

    def write(self, value: str) -> str:
        return value


def csv_lines(events: Iterable[Event], request: HttpRequest) -> Iterator[str]:
    writer = csv.writer(Echo())
    yield writer.writerow(CSV_COLUMNS)
    for event in events:
        yield writer.writerow([spreadsheet_safe(cell) for cell in csv_row(event, request)])


@require_GET
def events_csv(request: HttpRequest) -> HttpResponse:
    filterset = requested_filter(request)
    if not filterset.is_valid():
        return bad_filter_response(filterset)
    events = with_details(filterset.qs.in_timeline_order(), as_of=filterset.as_of)
    events = events.iterator(chunk_size=500)
    lines = csv_lines(events, request)
    # The header and the first row before the response starts: the first page of events is
    # read here, so a database failure is an error response, not a 200 with a cut body.
    first = list(itertools.islice(lines, 2))
    if request.GET.get("excel", "").lower() in TRUE_VALUES:
        first.insert(0, codecs.BOM_UTF8.decode())
    response = StreamingHttpResponse(
        itertools.chain(first, lines), content_type="text/csv; charset=utf-8; header=present"
    )
    response["Content-Disposition"] = 'attachment; filename="parley-events.csv"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


# iCalendar -------------------------------------------------------------------------------------


def calendar_events(events: QuerySet[Event]) -> QuerySet[Event]:
    """What belongs in a calendar: every dated event of the view, past meetings too (planned
    ones are marked, cancelled ones struck out rather than silently gone)."""
    return events.filter(date_start__isnull=False)


CALENDAR_MARKS = {
    Event.Status.PLANNED: "Planned: ",
    Event.Status.SPECULATIVE: "Possible: ",
    Event.Status.CANCELLED: "Cancelled: ",
}


def calendar_summary(event: Event) -> str:
    """The title, marked "Planned: " (or "Possible: ", "Cancelled: ") unless it already is."""
    mark = CALENDAR_MARKS.get(event.status, "")
    return event.title if event.title.startswith(mark) else f"{mark}{event.title}"


def event_description(event: Event, request: HttpRequest) -> str:
    lines = [event.summary] if event.summary else []
    if event.date_text:
        precision = (
            f" ({event.get_date_precision_display().lower()})" if event.date_precision else ""
        )
        lines.append(f"Date: “{event.date_text}”{precision}")
    countries = ", ".join(c.name for c in event.jurisdictions.all())
    if countries:
        lines.append(f"Countries: {countries}")
    participants = ", ".join(p.full_name for p in event.participants.all())
    if participants:
        lines.append(f"Participants: {participants}")
    for evidence in event.evidence.all():
        article = evidence.article
        source = ", ".join(filter(None, [article.outlet, article.published.isoformat()]))
        lines.append(f"Source ({source}): “{one_line(evidence.sentence)}” {article.url}".rstrip())
    lines.append(request.build_absolute_uri(event.get_absolute_url()))
    return "\n".join(lines)


def calendar_status(event: Event) -> str:
    """Cancelled talks are struck out; possible ones, and dates known only roughly ("in June"),
    are tentative."""
    if event.status == Event.Status.CANCELLED:
        return "CANCELLED"
    if event.status == Event.Status.SPECULATIVE or event.date_precision != Event.Precision.DAY:
        return "TENTATIVE"
    return "CONFIRMED"


def calendar_event(event: Event, request: HttpRequest) -> icalendar.Event:
    """An all-day calendar event over the event's dates (DTEND is exclusive: the day after)."""
    entry = icalendar.Event()
    entry.add("uid", f"event-{event.pk}@parley")
    entry.add("dtstamp", event.updated_at)
    entry.add("created", event.created_at)
    entry.add("last-modified", event.updated_at)
    entry.add("summary", calendar_summary(event))
    entry.add("dtstart", event.date_start)
    entry.add("dtend", event.date_end + datetime.timedelta(days=1))
    entry.add("description", event_description(event, request))
    entry.add("url", request.build_absolute_uri(event.get_absolute_url()))
    entry.add("categories", [event.get_kind_display(), event.get_status_display()])
    entry.add("transp", "TRANSPARENT")
    entry.add("status", calendar_status(event))
    meeting = getattr(event, "meeting", None)
    if meeting and meeting.location:
        entry.add("location", meeting.location)
    return entry


def build_calendar(
    events: Iterable[Event], request: HttpRequest, *, name: str
) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Parley//Trade negotiations timeline//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add(
        "x-wr-caldesc",
        "Trade talks, deals, tariffs and deadlines from the news, with sources; planned ones marked.",
    )
    calendar.add("refresh-interval", datetime.timedelta(hours=6), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")
    for event in events:
        calendar.add_component(calendar_event(event, request))
    return calendar


@require_GET
def events_ics(request: HttpRequest) -> HttpResponse:
    filterset = requested_filter(request)
    if not filterset.is_valid():
        return bad_filter_response(filterset)
    events = with_details(calendar_events(filterset.qs).in_timeline_order(), as_of=filterset.as_of)
    calendar = build_calendar(events, request, name=export_title(filterset, "trade negotiations"))
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="parley-events.ics"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


# TimelineJS ------------------------------------------------------------------------------------

# How much of a date TimelineJS should show, by precision: "May 2025" for a month.
DATE_PARTS = {"year": ("year",), "month": ("year", "month"), "quarter": ("year", "month")}


def timelinejs_date(day: datetime.date, precision: str) -> dict[str, int]:
    parts = DATE_PARTS.get(precision, ("year", "month", "day"))
    return {part: getattr(day, part) for part in parts}


def event_html(event: Event, request: HttpRequest) -> str:
    """The event as HTML (TimelineJS slides, Atom entries): the summary, each source as a
    link, and the event's page; all escaped."""
    html = [f"<p>{escape(event.summary)}</p>"] if event.summary else []
    sources = []
    for evidence in event.evidence.all():
        article = evidence.article
        label = escape(", ".join(filter(None, [article.outlet, article.published.isoformat()])))
        link = f'<a href="{escape(article.url)}">{label}</a>' if article.url else label
        sources.append(f"<li>“{escape(one_line(evidence.sentence))}” ({link})</li>")
    if sources:
        html.append(f"<ul>{''.join(sources)}</ul>")
    url = escape(request.build_absolute_uri(event.get_absolute_url()))
    html.append(f'<p><a href="{url}">On {SITE_NAME}</a></p>')
    return "".join(html)


def timelinejs_event(event: Event, request: HttpRequest) -> dict:
    precision = event.date_precision
    slide = {
        "start_date": timelinejs_date(event.date_start, precision),
        "text": {"headline": escape(event.title), "text": event_html(event, request)},
        "group": event.get_kind_display(),
        "unique_id": f"event-{event.pk}",
    }
    if event.date_end != event.date_start and precision not in DATE_PARTS:
        slide["end_date"] = timelinejs_date(event.date_end, precision)
    # The house style with the year ("16 Apr 2025", "mid-May 2025"), escaped: TimelineJS
    # inserts display_date as HTML.
    slide["display_date"] = escape(
        format_event_date(event.date_start, event.date_end, event.date_precision)
    )
    return slide


def build_timelinejs(
    events: Iterable[Event], request: HttpRequest, *, title: str, undated: int = 0
) -> dict[str, object]:
    """TimelineJS's JSON; `undated` events cannot be placed, so they are counted (in the title
    slide and as `undated_events`) for the reader to know some were left out."""
    text = "<p>Trade negotiations from the news, each event with its sources.</p>"
    if undated:
        text += (
            f"<p>{undated} undated event{'s are' if undated != 1 else ' is'} "
            "not shown: see them on the timeline.</p>"
        )
    return {
        "title": {"text": {"headline": escape(title), "text": text}},
        "events": [timelinejs_event(event, request) for event in events],
        "undated_events": undated,
    }


@require_GET
def events_timelinejs(request: HttpRequest) -> HttpResponse:
    filterset = requested_filter(request)
    if not filterset.is_valid():
        return bad_filter_response(filterset)
    dated = filterset.qs.filter(date_start__isnull=False).in_timeline_order()
    events = with_details(dated, as_of=filterset.as_of)
    undated = filterset.qs.filter(date_start__isnull=True).count()
    title = export_title(filterset, "trade negotiations")
    data = build_timelinejs(events, request, title=title, undated=undated)
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response
