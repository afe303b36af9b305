"""SQLite's search tables are rebuilt without the evidence that awaits review (not public, so
not searchable); nothing on PostgreSQL, whose search filters the evidence in the query."""

from __future__ import annotations

from django.db import migrations


def rebuild_fts(apps, schema_editor):
    from timeline.fts import drop_sqlite_fts, ensure_sqlite_fts

    drop_sqlite_fts(schema_editor.connection)
    ensure_sqlite_fts(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("timeline", "0010_merge_threads_cache_evidence_review")]

    operations = [migrations.RunPython(rebuild_fts, rebuild_fts)]
