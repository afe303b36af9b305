"""`CountrySummary`: what a country's page shows of its whole history in the public view (its
events counted, its partners, its chart's series), so the page reads one row instead of all its
events (issue 11). timeline/summaries.py keeps the rows in step; a country without one is read
from its events, so none is made here: `manage.py summarize_countries` makes them all.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0017_event_links_outlive_article"),
    ]

    operations = [
        migrations.CreateModel(
            name="CountrySummary",
            fields=[
                (
                    "country",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="summary",
                        serialize=False,
                        to="timeline.jurisdiction",
                    ),
                ),
                (
                    "events",
                    models.PositiveIntegerField(default=0, help_text="Approved events concerning it."),
                ),
                (
                    "partners",
                    models.JSONField(
                        default=list,
                        help_text="Its partners, most shared events first: [id, code, name, shared].",
                    ),
                ),
                (
                    "series",
                    models.JSONField(
                        default=list,
                        help_text="Its chart's series: [label, [[start, rate, paused, planned, "
                        "note], ...]].",
                    ),
                ),
            ],
            options={
                "verbose_name": "country summary",
                "verbose_name_plural": "country summaries",
            },
        ),
    ]
