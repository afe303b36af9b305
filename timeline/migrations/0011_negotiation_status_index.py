"""A thread's last event held and next one planned, for the negotiation index."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('timeline', '0010_merge_threads_cache_evidence_review'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='event',
            index=models.Index(fields=['negotiation', 'status', 'date_start'], name='event_negotiation_status_idx'),
        ),
    ]
