"""Event search on SQLite through FTS5, with the contract of the PostgreSQL path (search.py).

An event matches when its title and summary together, or one of its evidence sentences, contain
every term of the query, each as a prefix after Porter stemming ("negotiations" finds
"negotiating"). The rank weighs where the terms are: per term 1 in the title and 0.4 in the
summary (ts_rank's A and B weights), plus a share for a sentence that matches the whole query.

Two FTS5 tables, kept in step by triggers on the tables they index:
- `timeline_event_fts` indexes the events' title and summary (external content: the text stays
  in `timeline_event`; the FTS rowid is the event id);
- `timeline_evidence_fts` indexes the evidence sentences without keeping a copy (contentless).
  Its rowid is `event_id << 32 | evidence id`, so a search reads the matching events' ids
  straight from the index, without a lookup per sentence.

`ensure_sqlite_fts` makes the tables and triggers in migration 0008 and again after every
`migrate` (TimelineConfig): SQLite rebuilds a table, dropping its triggers, when a migration
alters it.
"""

from __future__ import annotations

import re

from django.db.models import Case, FloatField, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL

TOKENIZER = "porter unicode61 remove_diacritics 2"
EVENT_FTS = "timeline_event_fts"
EVIDENCE_FTS = "timeline_evidence_fts"
EVIDENCE_ROWID = "(({row}.event_id << 32) | {row}.id)"


def event_fts_sql() -> list[str]:
    delete = (
        f"INSERT INTO {EVENT_FTS}({EVENT_FTS}, rowid, title, summary) "
        "VALUES ('delete', old.id, old.title, old.summary);"
    )
    insert = (
        f"INSERT INTO {EVENT_FTS}(rowid, title, summary) VALUES (new.id, new.title, new.summary);"
    )
    return [
        f"CREATE VIRTUAL TABLE {EVENT_FTS} USING fts5(title, summary, content='timeline_event', "
        f"content_rowid='id', tokenize='{TOKENIZER}')",
        f"CREATE TRIGGER {EVENT_FTS}_insert AFTER INSERT ON timeline_event BEGIN {insert} END",
        f"CREATE TRIGGER {EVENT_FTS}_delete AFTER DELETE ON timeline_event BEGIN {delete} END",
        f"CREATE TRIGGER {EVENT_FTS}_update AFTER UPDATE OF title, summary ON timeline_event "
        f"BEGIN {delete} {insert} END",
        f"INSERT INTO {EVENT_FTS}({EVENT_FTS}) VALUES ('rebuild')",
    ]


def evidence_fts_sql() -> list[str]:
    old, new = EVIDENCE_ROWID.format(row="old"), EVIDENCE_ROWID.format(row="new")
    delete = (
        f"INSERT INTO {EVIDENCE_FTS}({EVIDENCE_FTS}, rowid, sentence) "
        f"VALUES ('delete', {old}, old.sentence);"
    )
    insert = f"INSERT INTO {EVIDENCE_FTS}(rowid, sentence) VALUES ({new}, new.sentence);"
    return [
        f"CREATE VIRTUAL TABLE {EVIDENCE_FTS} USING fts5(sentence, content='', "
        f"tokenize='{TOKENIZER}')",
        f"CREATE TRIGGER {EVIDENCE_FTS}_insert AFTER INSERT ON timeline_evidence BEGIN {insert} END",
        f"CREATE TRIGGER {EVIDENCE_FTS}_delete AFTER DELETE ON timeline_evidence BEGIN {delete} END",
        f"CREATE TRIGGER {EVIDENCE_FTS}_update AFTER UPDATE OF sentence, event_id "
        f"ON timeline_evidence BEGIN {delete} {insert} END",
        f"INSERT INTO {EVIDENCE_FTS}(rowid, sentence) "
        f"SELECT {EVIDENCE_ROWID.format(row='timeline_evidence')}, sentence FROM timeline_evidence",
    ]


FTS = {
    EVENT_FTS: ("timeline_event", event_fts_sql),
    EVIDENCE_FTS: ("timeline_evidence", evidence_fts_sql),
}
SUFFIXES = ("", "_insert", "_delete", "_update")


def ensure_sqlite_fts(connection) -> None:
    """Make the FTS tables and triggers afresh where any is missing (and index the rows)."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
        existing = {row[0] for row in cursor.fetchall()}
        for name, (table, statements) in FTS.items():
            if table not in existing or {name + suffix for suffix in SUFFIXES} <= existing:
                continue
            drop(cursor, name)
            for statement in statements():
                cursor.execute(statement)


def drop(cursor, name: str) -> None:
    for suffix in SUFFIXES[1:]:
        cursor.execute(f"DROP TRIGGER IF EXISTS {name}{suffix}")
    cursor.execute(f"DROP TABLE IF EXISTS {name}")


def drop_sqlite_fts(connection) -> None:
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for name in FTS:
            drop(cursor, name)


def fts_phrase(term: str) -> str | None:
    """A search term as an FTS5 prefix phrase ("U.S." -> "U S"*), None if it has no word."""
    words = re.findall(r"[^\W_]+", term)
    return '"' + " ".join(words) + '"*' if words else None


def matching_events(match: str) -> RawSQL:
    """Ids of events whose title and summary, or one evidence sentence, match."""
    return RawSQL(
        f"SELECT rowid FROM {EVENT_FTS} WHERE {EVENT_FTS} MATCH %s "
        f"UNION SELECT rowid >> 32 FROM {EVIDENCE_FTS} WHERE {EVIDENCE_FTS} MATCH %s",
        [match, match],
    )


def events_with(table: str, match: str) -> RawSQL:
    column = "rowid >> 32" if table == EVIDENCE_FTS else "rowid"
    return RawSQL(f"SELECT {column} FROM {table} WHERE {table} MATCH %s", [match])


def search_events_fts(queryset: QuerySet, terms: list[str], *, evidence_weight: float) -> QuerySet:
    phrases = [phrase for phrase in map(fts_phrase, terms) if phrase]
    if not phrases:
        return queryset.none()
    everything = " AND ".join(phrases)
    rank = Case(
        When(pk__in=events_with(EVIDENCE_FTS, everything), then=Value(0.4 * evidence_weight)),
        default=Value(0.0),
        output_field=FloatField(),
    )
    for phrase in phrases:
        for column, weight in (("title", 1.0), ("summary", 0.4)):
            in_column = events_with(EVENT_FTS, f"{{{column}}}: {phrase}")
            rank = rank + Case(When(pk__in=in_column, then=Value(weight)), default=Value(0.0))
    return (
        queryset.filter(Q(pk__in=matching_events(everything)))
        .annotate(search_rank=rank)
        .order_by("-search_rank", "date_start", "id")
    )
