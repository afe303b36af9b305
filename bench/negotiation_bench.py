"""Negotiation pages benchmark: p50/p95 and queries with 100k synthetic events in threads.

Run `.venv/bin/python bench/negotiation_bench.py` (not a test). Same database as
`timeline_bench.py` (var/bench.sqlite3 or BENCH_DATABASE_URL, filled once by
`generate_demo --events 100000`). Synthetic events carry no threads, so this files them first,
in bulk, by the same rule as extraction (a tariff by imposer and target, other filed kinds by
their countries; two or more parties), without the per-event service (100k events one by one
would take long and measure nothing here). Later runs find them filed and skip this.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils.text import slugify  # noqa: E402
from timeline_bench import EVENTS, HX, RUNS, measure  # noqa: E402  (sets Django up)

from timeline.models import Event, Jurisdiction, Negotiation, TariffMeasure  # noqa: E402

FILED = ["meeting", "agreement", "statement", "deadline"]


@transaction.atomic
def file_synthetic_events() -> None:
    if Event.objects.filter(negotiation__isnull=False).exists():
        return
    parties: dict[int, set[int]] = defaultdict(set)
    filed = Event.objects.filter(kind__in=FILED).values("pk")
    for event_id, country_id in Event.jurisdictions.through.objects.filter(
        event_id__in=filed
    ).values_list("event_id", "jurisdiction_id"):
        parties[event_id].add(country_id)
    for event_id, imposing, target in TariffMeasure.objects.values_list(
        "event_id", "imposing_id", "target_id"
    ):
        parties[event_id] = {c for c in (imposing, target) if c}
    by_set: dict[frozenset[int], list[int]] = defaultdict(list)
    for event_id, countries in parties.items():
        if len(countries) >= 2:
            by_set[frozenset(countries)].append(event_id)
    names = dict(Jurisdiction.objects.values_list("pk", "name"))
    for countries, event_ids in by_set.items():
        title = "–".join(sorted(names[c] for c in countries))
        thread = Negotiation.objects.create(
            title=title, slug=slugify(title.replace("–", "-"))[:200]
        )
        thread.parties.set(countries)
        for start in range(0, len(event_ids), 900):
            Event.objects.filter(pk__in=event_ids[start : start + 900]).update(negotiation=thread)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # as generate_demo does: the planner needs the new column's stats


def main() -> None:
    call_command("migrate", verbosity=0)
    call_command("generate_demo", events=EVENTS, verbosity=1)
    file_synthetic_events()
    biggest = Negotiation.objects.annotate(n=Count("events")).order_by("-n").first()
    cases = [
        ("index", "/negotiations/", {}),
        ("index, as_of", "/negotiations/?as_of=2025-05-01", {}),
        (f"thread ({biggest.n:,} events)", f"/negotiations/{biggest.slug}/", {}),
        ("thread, as_of", f"/negotiations/{biggest.slug}/?as_of=2025-05-01", {}),
        ("thread, load more", f"/negotiations/{biggest.slug}/?page=2", HX),
        ("API detail", f"/api/negotiations/{biggest.slug}", {}),
        ("API list", "/api/negotiations", {}),
    ]
    client = Client()
    rows = [(name, url, *measure(client, url, headers)) for name, url, headers in cases]
    threads = Negotiation.objects.count()
    print(f"\n{Event.objects.count():,} events in {threads} threads, {RUNS} runs each, ", end="")
    print(connection.vendor, "\n")
    print(f"{'case':32} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8} {'KB':>6}  url")
    for name, url, p50, p95, queries, size in rows:
        print(f"{name:32} {p50:8.1f} {p95:8.1f} {queries:8d} {size / 1024:6.0f}  {url}")


if __name__ == "__main__":
    main()
