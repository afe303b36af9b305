"""Indexes for the timeline page at 100k events (see bench/timeline_bench.py).

- Event (review_state, date_start, id, date_end): the date-range filter reads date_end from
  the index while walking the timeline order, so `from`/`to` stay fast.
- The many-to-many tables get (jurisdiction_id, event_id) and (official_id, event_id): the
  count of a country's or an official's events becomes an index-only scan.
"""

from __future__ import annotations

from django.db import migrations, models

THROUGH_INDEXES = [
    ("timeline_event_jurisdictions", "event_country_event_idx", "jurisdiction_id, event_id"),
    ("timeline_event_participants", "event_official_event_idx", "official_id, event_id"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0005_search_indexes"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="event",
            index=models.Index(
                fields=["review_state", "date_start", "id", "date_end"],
                name="event_review_range_idx",
            ),
        ),
        *(
            migrations.RunSQL(
                f"CREATE INDEX {name} ON {table} ({columns})", f"DROP INDEX {name}"
            )
            for table, name, columns in THROUGH_INDEXES
        ),
    ]
