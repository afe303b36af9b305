"""Full-text search tables on SQLite (FTS5, kept in step by triggers); nothing on PostgreSQL.

The tables and triggers are not models, so the migration state does not change. They are made
by `timeline.fts.ensure_sqlite_fts`, which also runs after every `migrate` (TimelineConfig):
SQLite rebuilds a table when a migration alters it, and the rebuilt table has no triggers.
"""

from __future__ import annotations

from django.db import migrations


def create_fts(apps, schema_editor):
    from timeline.fts import ensure_sqlite_fts

    ensure_sqlite_fts(schema_editor.connection)


def drop_fts(apps, schema_editor):
    from timeline.fts import drop_sqlite_fts

    drop_sqlite_fts(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0007_data_version"),
        # the FTS triggers read Evidence.awaits_review (only public evidence is searchable)
        ("timeline", "0007_evidence_awaits_review"),
    ]

    operations = [migrations.RunPython(create_fts, drop_fts)]
