"""Timeline benchmark: p50/p95 and queries per page with 100k synthetic events.

Run `.venv/bin/python bench/timeline_bench.py` (not a test). It uses its own SQLite database,
var/bench.sqlite3 (or BENCH_DATABASE_URL), migrates it and fills it once with
`generate_demo --events 100000`; later runs reuse it. Requests go through the Django test
client, so the figures include middleware, filtering, the ORM and template rendering.
The baseline, in the same run, renders the same partial without `for_listing()`
(no select_related/prefetch_related: one query per row and relation).
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

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

EVENTS = int(os.environ.get("BENCH_EVENTS", "100000"))
RUNS = int(os.environ.get("BENCH_RUNS", "30"))
HX = {"HTTP_HX_REQUEST": "true"}
CASES = [
    ("partial, no filter", "/", HX),
    ("full page, no filter", "/", {}),
    ("partial, country=JP", "/?country=JP", HX),
    ("partial, country=JP&US", "/?country=JP&country=US", HX),
    ("partial, official", "/?official=scott-bessent", HX),
    ("partial, type+status", "/?type=meeting&status=planned", HX),
    ("partial, from/to", "/?from=2025-03-01&to=2025-06-30", HX),
    ("partial, q=tariff", "/?q=tariff", HX),
    ("partial, newest first", "/?order=newest", HX),
    ("partial, unreviewed=1", "/?unreviewed=1", HX),
    ("load more, page 2", "/?page=2&after=2024-01", HX),
    ("load more, page 500", "/?page=500", HX),
    ("event, expanded", "/events/{event}/", HX),
    ("country page", "/countries/jp/", {}),
    ("official page", "/officials/scott-bessent/", {}),
]


def measure(client: Client, url: str, headers: dict) -> tuple[float, float, int, int]:
    for _ in range(3):
        client.get(url, **headers)
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        response = client.get(url, **headers)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url, **headers)
    p95 = statistics.quantiles(timings, n=20)[-1]
    return statistics.median(timings), p95, len(queries), len(response.content)


def main() -> None:
    call_command("migrate", verbosity=0)
    call_command("generate_demo", events=EVENTS, verbosity=1)
    from timeline.models import Event, EventQuerySet

    client = Client()
    event = Event.objects.approved().filter(merge_key__startswith="synthetic:").first()
    rows = []
    for name, url, headers in CASES:
        rows.append(
            (
                name,
                url.format(event=event.pk),
                *measure(client, url.format(event=event.pk), headers),
            )
        )
    optimised = EventQuerySet.for_listing
    EventQuerySet.for_listing = lambda self: self  # the baseline: no select/prefetch
    try:
        rows.append(("BASELINE partial, naive N+1", "/", *measure(client, "/", HX)))
    finally:
        EventQuerySet.for_listing = optimised
    print(f"\n{Event.objects.count():,} events, {RUNS} runs each, {connection.vendor}\n")
    print(f"{'case':32} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8} {'KB':>6}  url")
    for name, url, p50, p95, queries, size in rows:
        print(f"{name:32} {p50:8.1f} {p95:8.1f} {queries:8d} {size / 1024:6.0f}  {url}")
    partial = rows[0][2]
    print(f"\ntarget p50 < 50 ms for the partial: {'met' if partial < 50 else 'NOT met'}")


if __name__ == "__main__":
    main()
