"""Generate synthetic events for benchmarks: `python manage.py generate_demo --events 100000`.

Every synthetic row is marked (merge keys start with "synthetic:", articles come from the
outlet "Parley synthetic wire"), so a second run tops up to the requested number instead of
doubling it, and `--clear` removes them all. Rows are written with bulk_create in one
transaction; the result is deterministic for a given --seed.
"""

from __future__ import annotations

import datetime
import random

from django.core.management.base import BaseCommand, CommandParser
from django.db import connection, transaction

from articles.models import Article, content_hash
from timeline.caching import bump_data_version, one_bump
from timeline.models import Event, Evidence, Jurisdiction, Official, TariffMeasure
from timeline.summaries import summarize_countries

MARKER = "synthetic:"
OUTLET = "Parley synthetic wire"
COUNTRIES = ["US", "CN", "JP", "GB", "KR", "EU", "CA", "MX", "IN", "DE", "FR", "BR", "VN", "AU"]
EVENTS_PER_ARTICLE = 20
BATCH = 5000
SENTENCES = {
    "meeting": "{a} and {b} negotiators met to discuss tariffs and market access.",
    "tariff_measure": "{a} set a {rate}% tariff on imports from {b}.",
    "agreement": "{a} and {b} reached a framework trade agreement.",
    "statement": "Officials from {a} said talks with {b} were constructive.",
    "announcement": "{a} announced new trade measures concerning {b}.",
    "deadline": "{a} gave {b} a deadline to conclude the negotiations.",
}


class Command(BaseCommand):
    help = "Create synthetic events, with countries, officials and evidence, for benchmarks."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--events", type=int, default=10_000, help="Total synthetic events.")
        parser.add_argument("--seed", type=int, default=2025)
        parser.add_argument("--clear", action="store_true", help="Delete synthetic rows first.")
        parser.add_argument("--dry-run", action="store_true", help="Only say what would be done.")

    def handle(self, *args, **options) -> None:
        if options["clear"] and not options["dry_run"]:
            clear_synthetic()
        existing = Event.objects.filter(merge_key__startswith=MARKER).count()
        wanted = max(options["events"] - existing, 0)
        if not options["dry_run"] and wanted:
            generate_events(wanted, seed=options["seed"] + existing, offset=existing)
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # fresh planner statistics after a bulk load
        if options["verbosity"] >= 1:
            verb = "Would create" if options["dry_run"] else "Created"
            self.stdout.write(
                self.style.SUCCESS(f"{verb} {wanted} synthetic events ({existing} already there).")
            )


def clear_synthetic() -> None:
    with transaction.atomic(), one_bump():
        Event.objects.filter(merge_key__startswith=MARKER).delete()
        Article.objects.filter(outlet=OUTLET).delete()


def _dates(rng: random.Random) -> tuple[datetime.date, datetime.date, str]:
    start = datetime.date(2024, 1, 1) + datetime.timedelta(days=rng.randrange(365 * 3))
    precision = rng.choices(["day", "range", "week", "month"], weights=[70, 12, 8, 10])[0]
    if precision == "month":
        start = start.replace(day=1)
        end = (start + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
    elif precision == "week":
        start -= datetime.timedelta(days=start.weekday())
        end = start + datetime.timedelta(days=6)
    elif precision == "range":
        start = start.replace(day=rng.choice([1, 11, 21]))
        end = start + datetime.timedelta(days=9)
    else:
        end = start
    return start, end, precision


@transaction.atomic
def generate_events(count: int, *, seed: int, offset: int = 0) -> None:
    """Create `count` events with 2 countries, 1–2 officials and one evidence sentence each."""
    rng = random.Random(seed)
    countries = list(Jurisdiction.objects.filter(code__in=COUNTRIES))
    officials = list(Official.objects.exclude(jurisdiction=None))
    kinds = list(SENTENCES)
    for batch_start in range(0, count, BATCH):
        size = min(BATCH, count - batch_start)
        events, pairs, rates = [], [], []
        for i in range(size):
            a, b = rng.sample(countries, 2)
            kind = rng.choices(kinds, weights=[30, 20, 10, 20, 15, 5])[0]
            start, end, precision = _dates(rng)
            status = rng.choices(["happened", "planned", "speculative"], weights=[80, 15, 5])[0]
            number = offset + batch_start + i
            events.append(
                Event(
                    kind=kind,
                    title=f"{a.name}–{b.name} {kind.replace('_', ' ')} #{number}",
                    date_start=start,
                    date_end=end,
                    date_precision=precision,
                    date_text=start.strftime("%B %-d"),
                    date_explanation=f"synthetic: {precision} from {start}",
                    status=status,
                    review_state=rng.choices(["approved", "proposed"], weights=[85, 15])[0],
                    confidence=round(rng.uniform(0.4, 1.0), 2),
                    merge_key=f"{MARKER}{number}",
                )
            )
            pairs.append((a, b))
            rates.append(rng.choice([10, 15, 20, 24, 25, 30, 34, 50]))
        events = Event.objects.bulk_create(events, batch_size=BATCH)
        _attach(rng, events, pairs, rates, officials, offset + batch_start)
    summarize_countries([c.pk for c in countries])  # bulk_create sends no signals
    bump_data_version()


def _attach(rng, events, pairs, rates, officials, number) -> None:
    Countries = Event.jurisdictions.through
    People = Event.participants.through
    Countries.objects.bulk_create(
        [
            Countries(event_id=e.pk, jurisdiction_id=c.pk)
            for e, pair in zip(events, pairs, strict=True)
            for c in pair
        ],
        batch_size=BATCH,
    )
    People.objects.bulk_create(
        [
            People(event_id=e.pk, official_id=o.pk)
            for e in events
            for o in rng.sample(officials, rng.choice([1, 2]))
        ],
        batch_size=BATCH,
    )
    Countries.objects.filter(event_id__in=[e.pk for e in events]).mark_parties()  # no signals
    TariffMeasure.objects.bulk_create(
        [
            TariffMeasure(
                event_id=e.pk, imposing=a, target=b, rate_percent=rate, in_force_from=e.date_start
            )
            for e, (a, b), rate in zip(events, pairs, rates, strict=True)
            if e.kind == Event.Kind.TARIFF_MEASURE
        ],
        batch_size=BATCH,
    )
    _evidence(events, pairs, rates, number)


def _evidence(events, pairs, rates, number) -> None:
    articles, evidence = [], []
    for chunk in range(0, len(events), EVENTS_PER_ARTICLE):
        group = range(chunk, min(chunk + EVENTS_PER_ARTICLE, len(events)))
        sentences = [
            SENTENCES[events[i].kind].format(a=pairs[i][0].name, b=pairs[i][1].name, rate=rates[i])
            for i in group
        ]
        body = "\n".join(sentences)
        first = events[group[0]]
        articles.append(
            Article(
                outlet=OUTLET,
                title=f"Synthetic trade report {number + chunk}",
                published=first.date_end,
                body=body,
                original=body,
                content_hash=content_hash(f"{MARKER}{number + chunk}\n{body}"),
                extraction_status=Article.ExtractionStatus.DONE,
            )
        )
    articles = Article.objects.bulk_create(articles, batch_size=BATCH)
    for article_index, article in enumerate(articles):
        offset = 0
        for line_index, sentence in enumerate(article.body.split("\n")):
            event = events[article_index * EVENTS_PER_ARTICLE + line_index]
            evidence.append(
                Evidence(
                    event=event,
                    article=article,
                    sentence=sentence,
                    start_char=offset,
                    end_char=offset + len(sentence),
                )
            )
            offset += len(sentence) + 1
    Evidence.objects.bulk_create(evidence, batch_size=BATCH)
