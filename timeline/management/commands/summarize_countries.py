"""Work out every country's summary again: `python manage.py summarize_countries`.

The summaries (timeline/summaries.py) follow the events as they change; this builds them from
scratch, after a migration or a bulk load that sent no signals, or to check them (`--dry-run`
says how many differ from what is stored).
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from timeline.models import CountrySummary, Jurisdiction
from timeline.summaries import summarize, summarize_countries


class Command(BaseCommand):
    help = "Work out the country summaries that country pages read, for every country."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--country", action="append", help="Only this country (ISO code).")
        parser.add_argument("--dry-run", action="store_true", help="Only count stale summaries.")

    def handle(self, *args, **options) -> None:
        countries = Jurisdiction.objects.select_related("summary")
        if options["country"]:
            countries = countries.filter(code__in=[c.upper() for c in options["country"]])
        if options["dry_run"]:
            stale = sum(1 for country in countries if differs(country))
            message = f"{stale} of {len(countries)} summaries would change."
        else:
            with transaction.atomic():
                stored = summarize_countries([country.pk for country in countries])
            message = f"Summarized {stored} countries."
        if options["verbosity"] >= 1:
            self.stdout.write(self.style.SUCCESS(message))


def differs(country: Jurisdiction) -> bool:
    """Whether the country's stored summary (or its absence) differs from a fresh one."""
    fresh = summarize(country)
    try:
        stored = country.summary
    except CountrySummary.DoesNotExist:
        return True
    return (stored.events, stored.partners, stored.series) != (
        fresh.events,
        fresh.partners,
        fresh.series,
    )
