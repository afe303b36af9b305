"""Timeline benchmark: p50/p95 and queries per page with 100k synthetic events.

Run `.venv/bin/python bench/timeline_bench.py` (not a test). It uses its own SQLite database,
var/bench.sqlite3 (or BENCH_DATABASE_URL), migrates it and fills it once with
`generate_demo --events 100000`; later runs reuse it. Requests go through the Django test
client, so the figures include middleware, filtering, the ORM and template rendering.
The baseline, in the same run, renders the same partial without `for_listing()`
(no select_related/prefetch_related: one query per row and relation).

Pages are cached for readers (timeline/caching.py). "uncached" cases empty the cache before
every request (outside the timing), so they measure rendering; "cached" cases are served from
the cache, and are compared with the one-query API endpoint `/api/countries/jp` measured in the
same run (target: a cached partial costs at most 3x that).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DATABASE_URL"] = os.environ.get(
    "BENCH_DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}"
)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")
# Development settings (no collectstatic needed); the test client without Django's test
# environment, so templates render as in production (no instrumented rendering).
os.environ.setdefault("DJANGO_DEBUG", "1")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

EVENTS = int(os.environ.get("BENCH_EVENTS", "100000"))
RUNS = int(os.environ.get("BENCH_RUNS", "30"))
HX = {"HTTP_HX_REQUEST": "true"}
UNCACHED, CACHED = False, True
CASES = [
    ("partial, no filter", "/", HX, UNCACHED),
    ("full page, no filter", "/", {}, UNCACHED),
    ("partial, country=JP", "/?country=JP", HX, UNCACHED),
    ("partial, country=JP&US", "/?country=JP&country=US", HX, UNCACHED),
    ("partial, official", "/?official=scott-bessent", HX, UNCACHED),
    ("partial, type+status", "/?type=meeting&status=planned", HX, UNCACHED),
    ("partial, from/to", "/?from=2025-03-01&to=2025-06-30", HX, UNCACHED),
    ("partial, q=tariff", "/?q=tariff", HX, UNCACHED),
    ("partial, newest first", "/?order=newest", HX, UNCACHED),
    ("partial, unreviewed=1", "/?unreviewed=1", HX, UNCACHED),
    ("load more, page 2", "/?page=2&after=2024-01", HX, UNCACHED),
    ("load more, page 500", "/?page=500", HX, UNCACHED),
    ("event, expanded", "/events/{event}/", HX, UNCACHED),
    ("country page", "/countries/jp/", {}, UNCACHED),
    ("official page", "/officials/scott-bessent/", {}, UNCACHED),
    ("CACHED partial, no filter", "/", HX, CACHED),
    ("CACHED full page, no filter", "/", {}, CACHED),
    ("CACHED partial, country=JP&type", "/?country=JP&type=tariff_measure", HX, CACHED),
    ("CACHED partial, q=tariff", "/?q=tariff", HX, CACHED),
    ("CACHED event page", "/events/{event}/", {}, CACHED),
    ("CACHED country page", "/countries/jp/", {}, CACHED),
    ("CONDITIONAL 304, timeline page", "/", {"HTTP_IF_NONE_MATCH": "{etag}"}, CACHED),
    ("BASELINE API, one query", "/api/countries/jp", {}, CACHED),
]


def measure(client: Client, url: str, headers: dict, cached: bool) -> tuple[float, float, int, int]:
    """p50 and p95 in ms, queries and bytes of a response (the cache emptied before each
    request when not `cached`)."""
    for _ in range(3):
        client.get(url, **headers)
    timings = []
    for _ in range(RUNS):
        if not cached:
            cache.clear()
        start = time.perf_counter()
        response = client.get(url, **headers)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code in {200, 304}, (url, response.status_code)
    if not cached:
        cache.clear()
    with CaptureQueriesContext(connection) as queries:
        client.get(url, **headers)
    p95 = statistics.quantiles(timings, n=20)[-1]
    return statistics.median(timings), p95, len(queries), len(response.content)


def main() -> None:
    call_command("migrate", verbosity=0)
    call_command("generate_demo", events=EVENTS, verbosity=1)
    from timeline.models import CountrySummary, Event, EventQuerySet

    if not CountrySummary.objects.exists():  # a database filled before migration 0018
        call_command("summarize_countries", verbosity=1)

    client = Client()
    event = Event.objects.approved().filter(merge_key__startswith="synthetic:").first()
    etag = client.get("/")["ETag"]
    rows = []
    for name, url, headers, cached in CASES:
        url = url.format(event=event.pk)
        headers = {key: value.format(etag=etag) for key, value in headers.items()}
        rows.append((name, url, *measure(client, url, headers, cached)))
    optimised = EventQuerySet.for_listing
    EventQuerySet.for_listing = lambda self: self  # the baseline: no select/prefetch
    try:
        rows.append(("BASELINE partial, naive N+1", "/", *measure(client, "/", HX, UNCACHED)))
    finally:
        EventQuerySet.for_listing = optimised
    print(f"\n{Event.objects.count():,} events, {RUNS} runs each, {connection.vendor}\n")
    print(f"{'case':32} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8} {'KB':>6}  url")
    for name, url, p50, p95, queries, size in rows:
        print(f"{name:32} {p50:8.1f} {p95:8.1f} {queries:8d} {size / 1024:6.0f}  {url}")
    p50 = {name: figures[0] for name, _, *figures in rows}
    checks = [
        ("uncached partial p50 < 50 ms", p50["partial, no filter"] < 50),
        ("uncached country page p50 < 60 ms", p50["country page"] < 60),
        ("uncached q=tariff p50 < 50 ms", p50["partial, q=tariff"] < 50),
        ("cached q=tariff p50 < 50 ms", p50["CACHED partial, q=tariff"] < 50),
        (
            f"cached partial <= 3x the API endpoint "
            f"({p50['CACHED partial, no filter'] / p50['BASELINE API, one query']:.2f}x)",
            p50["CACHED partial, no filter"] <= 3 * p50["BASELINE API, one query"],
        ),
    ]
    print()
    for label, met in checks:
        print(f"target {label}: {'met' if met else 'NOT met'}")


if __name__ == "__main__":
    main()
