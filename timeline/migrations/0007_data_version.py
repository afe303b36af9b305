"""The data version of cached pages (timeline/caching.py): one row, bumped by every change."""

from __future__ import annotations

import django.utils.timezone
from django.db import migrations, models


def create_row(apps, schema_editor):
    apps.get_model("timeline", "DataVersion").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0006_timeline_indexes"),
    ]

    operations = [
        migrations.CreateModel(
            name="DataVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("version", models.PositiveBigIntegerField(default=1)),
                ("changed_at", models.DateTimeField(default=django.utils.timezone.now)),
            ],
            options={
                "verbose_name": "data version",
            },
        ),
        migrations.RunPython(create_row, migrations.RunPython.noop),
    ]
