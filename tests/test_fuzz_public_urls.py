"""Every GET parameter of every public URL, fuzzed with hypothesis: no response is a 500.

The public URLs are the timeline and its pages (`timeline/routes.py`), the read-only API under
/api/, the exports and the Atom feeds (`timeline/urls.py`). Each gets the parameters any view,
filter or template reads (`country`, `official`, `type`, `status`, `from`, `to`, `q`, `order`,
`page`, `after`, `unreviewed`, `as_of`, the API's `limit`, `offset`, `outlet`, `original`, the
CSV's `excel`) and unknown ones, with adversarial values: any unicode text, NUL and control
characters, very long strings, huge numbers, impossible dates, repeated parameters, broken
percent-escapes, SQL and HTML payloads. Each request goes out as a plain GET, as an htmx
request and as an htmx history restore. A script payload must never come back unescaped in HTML
or XML.

Filter parameters are also repeated up to hundreds of times (real country codes and slugs,
duplicates, junk): the answer is a 400 past the cap (or the page's message), and no request
costs more than a normal filtered page, counted in SQL statements and joins (timing would make
a flaky test; `bench/` has the timings).

Bounded for CI: a few dozen examples per URL, the data made once per test.
"""

from __future__ import annotations

import datetime
from urllib.parse import quote, urlencode

import pycountry
import pytest
from django.conf import settings as django_settings
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import (
    EventFactory,
    EvidenceFactory,
    OfficialFactory,
    TariffMeasureFactory,
)
from timeline.filters import MAX_VALUES
from timeline.models import Event, Jurisdiction, Negotiation

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('fuzz')</script>"
PARAMETERS = [
    "country",
    "official",
    "type",
    "status",
    "from",
    "to",
    "from_date",
    "to_date",
    "q",
    "order",
    "page",
    "after",
    "unreviewed",
    "as_of",
    "limit",
    "offset",
    "outlet",
    "original",
    "excel",
]
PAYLOADS = [
    SCRIPT,
    f'"><{SCRIPT[1:]}',
    f"</textarea>{SCRIPT}",
    "' OR 1=1 --",
    "'; DROP TABLE timeline_event; --",
    "%",
    "_",
    "\\",
    "\x00",
    "JP\x00",
    "\x00jp",
    "\x01\x1b[2J\x7f",
    "\r\n",
    "\u202e\ufeff",
    "🦀",
    "ß",
    "2025-13-45",
    "2025-02-30",
    "0000-00-00",
    "0001-01-01",
    "9999-12-31",
    "10000-01-01",
    "2025-04",
    "20250416",
    "1744761600",
    "-1",
    "0",
    "1e999",
    "NaN",
    "inf",
    "9" * 40,
    "-9223372036854775809",
    "18446744073709551616",
    "jp",
    "JP",
    "US",
    "EU",
    "QQ",
    "scott-bessent",
    "newest",
    "meeting",
    "tariff_measure",
    "planned",
    "true",
    "false",
    "1",
    "",
    " ",
    "{{ 7|add:7 }}",
    "{% debug %}",
    "../../etc/passwd",
    "tariff & (autos | !steel) <-> *",
    "a:* & !b",
]
# Raw pieces of a query string, not encoded: broken escapes, bare names, odd separators.
RAW = ["%ff%fe", "%", "%zz", "=", "&&", "country", "page=", "q=%00", "a=b=c", ";", "%E2%82"]

names = st.one_of(st.sampled_from(PARAMETERS), st.text(min_size=1, max_size=12))
values = st.one_of(
    st.sampled_from(PAYLOADS),
    st.text(max_size=40),
    st.integers().map(str),
    st.dates().map(datetime.date.isoformat),
    st.from_regex(r"\A-?\d{1,6}-\d{1,3}-\d{1,3}\Z"),
    st.builds(lambda chunk, n: chunk * n, st.text(min_size=1, max_size=4), st.integers(50, 1500)),
)
queries = st.builds(
    lambda pairs, raw: "&".join(
        [f"{quote(name, safe='')}={quote(value, safe='')}" for name, value in pairs] + raw
    ),
    st.lists(st.tuples(names, values), max_size=8),
    st.lists(st.sampled_from(RAW), max_size=2),
)
HEADERS = [
    {},
    {"HTTP_HX_REQUEST": "true"},
    {"HTTP_HX_REQUEST": "true", "HTTP_HX_HISTORY_RESTORE_REQUEST": "true"},
]
headers = st.sampled_from(HEADERS)
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
PUBLIC_URLS = [
    "/",
    "/events/{event}/",
    "/events/{tariff}/",
    "/officials/{official}/",
    "/countries/jp/",
    "/countries/us/",
    "/export/events.csv",
    "/export/events.ics",
    "/export/events.timelinejs.json",
    "/feeds/events.atom",
    "/negotiations/",
    "/negotiations/{negotiation}/",
    "/feeds/negotiations/{negotiation}.atom",
    "/api/events",
    "/api/events/{event}",
    "/api/officials",
    "/api/officials/{official}",
    "/api/countries",
    "/api/countries/jp",
    "/api/articles",
    "/api/articles/{article}",
    "/api/negotiations",
    "/api/negotiations/{negotiation}",
]


@pytest.fixture
def public_data(db) -> dict[str, object]:
    """A little of everything the pages show: countries, an official, evidence, a tariff."""
    japan, usa = Jurisdiction.objects.get(code="JP"), Jurisdiction.objects.get(code="US")
    official = OfficialFactory(full_name=f"Ryosei {SCRIPT} Akazawa", jurisdiction=japan)
    evidence = EvidenceFactory(event__title=f"Akazawa meets Bessent {SCRIPT}")
    evidence.event.jurisdictions.set([japan, usa])
    evidence.event.participants.set([official])
    tariff = TariffMeasureFactory(event__date_start=datetime.date(2025, 4, 9))
    tariff.event.jurisdictions.set([japan, usa])
    negotiation = Negotiation.objects.create(title=f"Talks {SCRIPT}", slug="japan-united-states")
    negotiation.parties.set([japan, usa])
    Event.objects.filter(pk__in=[evidence.event.pk, tariff.event.pk]).update(
        negotiation=negotiation
    )
    EventFactory(title="Proposed talks", review_state=Event.ReviewState.PROPOSED)
    EventFactory(title="Undated", date_start=None, date_end=None, date_precision="")
    return {
        "event": evidence.event.pk,
        "tariff": tariff.event.pk,
        "official": official.slug,
        "article": evidence.article.pk,
        "negotiation": negotiation.slug,
    }


def assert_no_server_error(response, url: str) -> None:
    assert response.status_code < 500, url
    content_type = response.get("Content-Type", "")
    if "html" in content_type or "xml" in content_type:
        body = b"".join(response) if response.streaming else response.content
        assert b"<script>alert(" not in body, url


@pytest.mark.parametrize("url", PUBLIC_URLS)
@FUZZ
@given(query=queries, extra=headers)
def test_public_url_parameters_never_500(client, public_data, url, query, extra):
    path = url.format(**public_data)
    response = client.get(f"{path}?{query}", **extra)
    assert_no_server_error(response, f"{path}?{query}")


@FUZZ
@given(code=st.one_of(st.sampled_from(PAYLOADS), st.text(min_size=1, max_size=20)))
def test_country_path_never_500(client, public_data, code):
    """The country page takes any string in its path (`<str:code>`), NUL included."""
    for path in (f"/countries/{quote(code, safe='')}/", f"/api/countries/{quote(code, safe='')}"):
        assert_no_server_error(client.get(path), path)


FILTERS = ["country", "official", "type", "status", "from", "to", "q"]
# What a repeated filter carries: real codes (in either case), slugs, choices, days, junk.
COUNTRY_CODES = ["JP", "US", "jp", "us", "EU", "CN", "GB", "DE", "FR", "KR", "IN", "QQ", "ZZ"]
REPEATABLE = st.one_of(
    st.sampled_from(COUNTRY_CODES),
    st.from_regex(r"\A[A-Z]{2}\Z"),
    st.sampled_from(["scott-bessent", "ryosei-akazawa", "jamieson-greer", "nobody-at-all"]),
    st.sampled_from(["meeting", "tariff_measure", "planned", "happened", "2025-04-16"]),
    st.sampled_from(PAYLOADS),
)
# Every code the reference data has (pycountry's and the EU): a filter that is valid throughout.
ALL_CODES = sorted({country.alpha_2 for country in pycountry.countries} | {"EU"})
repeated = st.lists(
    st.one_of(
        st.tuples(
            st.just("country"), st.lists(st.sampled_from(ALL_CODES), min_size=1, max_size=300)
        ),
        st.tuples(st.sampled_from(FILTERS), st.lists(REPEATABLE, min_size=1, max_size=400)),
    ),
    min_size=1,
    max_size=3,
)
# The URLs that answer a filter they cannot take with a 400 (the timeline page shows it).
FILTERED = [
    "/api/events",
    "/export/events.csv",
    "/export/events.ics",
    "/export/events.timelinejs.json",
    "/feeds/events.atom",
]
# Normal views, as the timeline's form makes them, all with results: what a request may cost.
NORMAL = [
    "",
    "country=JP&country=US&official={official}&type=meeting&status=happened"
    "&from=2025-01-01&to=2025-12-31&q=Akazawa&unreviewed=1&order=newest&as_of=2025-12-31",
    # an empty combination of four countries: the page explains it with a count per country
    # (issue 10, at most four), the dearest page a reader can ask for
    "country=JP&country=US&country=CN&country=KR&official={official}&from=1990-01-01&to=1990-12-31",
]


def cost(client, url: str, extra: dict) -> tuple[int, int, int]:
    """Status, SQL statements and the most joins in one statement, for one request, rendered
    (the page cache is emptied first, so that a cached normal page is not the yardstick)."""
    caches[django_settings.PARLEY_PAGE_CACHE].clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
        assert_no_server_error(response, url)
    joins = [q["sql"].count("JOIN") for q in queries.captured_queries]
    return response.status_code, len(joins), max(joins, default=0)


@pytest.mark.parametrize("url", PUBLIC_URLS)
@settings(FUZZ, max_examples=25)
@given(groups=repeated, extra=headers)
def test_repeated_parameters_cost_no_more_than_a_normal_page(
    client, public_data, url, groups, extra
):
    path = url.format(**public_data)
    normal = [cost(client, f"{path}?{q.format(**public_data)}", extra) for q in NORMAL]
    normal_queries, normal_joins = (max(c[i] for c in normal) for i in (1, 2))
    pairs = [(name, value) for name, values in groups for value in values]
    status, queries, joins = cost(client, f"{path}?{urlencode(pairs)}", extra)
    assert queries <= normal_queries and joins <= normal_joins, (queries, joins)
    if url in FILTERED and any(len(values) > MAX_VALUES for _, values in groups):
        assert status == 400


# Regressions found by the fuzzer, kept explicit.


def test_event_page_htmx_with_page_parameter_gets_the_expanded_event(client, public_data):
    """`page` picked the "load more" partial, which the event page does not have (a 500)."""
    response = client.get(f"/events/{public_data['event']}/?page=2", HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "<html" not in response.text


@pytest.mark.parametrize("code", ["\x00", "JP\x00", "\x00jp"])
def test_country_page_with_nul_in_its_code_is_not_found(client, code):
    """PostgreSQL refuses NUL in a text comparison (a 500); the route takes slugs only now."""
    assert client.get(f"/countries/{quote(code, safe='')}/").status_code == 404
