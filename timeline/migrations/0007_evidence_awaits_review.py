"""Evidence the pipeline attaches to an already approved event waits for an editor."""

from __future__ import annotations

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("timeline", "0006_timeline_indexes")]

    operations = [
        migrations.AddField(
            model_name="evidence",
            name="awaits_review",
            field=models.BooleanField(
                default=False,
                help_text="Found by the pipeline after the event was approved: hidden from the "
                "public until an editor unticks this (approving the event again unticks them "
                "all).",
            ),
        ),
    ]
