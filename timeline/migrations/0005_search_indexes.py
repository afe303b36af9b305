"""GIN indexes for full-text search, on PostgreSQL only (SQLite searches without them).

The indexed expressions must stay identical to the vectors built in `timeline/search.py`
(`event_vector`, `evidence_vector`, `article_vector`), or PostgreSQL will not use them;
`tests/timeline/test_search.py` checks the query plans. The indexes are not declared on the
models, so the operation is a plain function and the migration state does not change.
"""

from __future__ import annotations

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

CONFIG = "english"


def search_indexes(apps):
    yield (
        apps.get_model("timeline", "Event"),
        GinIndex(
            SearchVector("title", weight="A", config=CONFIG)
            + SearchVector("summary", weight="B", config=CONFIG),
            name="event_search_gin",
        ),
    )
    yield (
        apps.get_model("timeline", "Evidence"),
        GinIndex(SearchVector("sentence", config=CONFIG), name="evidence_search_gin"),
    )
    yield (
        apps.get_model("articles", "Article"),
        GinIndex(
            SearchVector("title", weight="A", config=CONFIG)
            + SearchVector("body", weight="B", config=CONFIG),
            name="article_search_gin",
        ),
    )


def add_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model, index in search_indexes(apps):
        schema_editor.add_index(model, index)


def remove_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model, index in search_indexes(apps):
        schema_editor.remove_index(model, index)


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0004_editors_group"),
        ("articles", "0001_initial"),
    ]

    operations = [migrations.RunPython(add_search_indexes, remove_search_indexes)]
