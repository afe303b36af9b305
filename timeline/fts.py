"""Event search on SQLite through FTS5, with the contract of the PostgreSQL path (search.py).

An event matches when its title and summary together, or one of its evidence sentences, contain
every term of the query, each as a prefix after Porter stemming ("negotiations" finds
"negotiating"). The rank weighs where the terms are: per term 1 in the title and 0.4 in the
summary (ts_rank's A and B weights), plus a share when evidence matches the whole query.

Two FTS5 tables, kept in step by triggers on the tables they index:
- `timeline_event_fts`: one row per event (rowid = event id) with its title, its summary and
  all its evidence sentences, in a table of its own (FTS5 keeps a copy of the text, so a
  trigger can replace a row by rowid). A one-word search reads one list of event ids.
- `timeline_evidence_fts`: one row per sentence, without a copy of the text (contentless),
  for searches of several words, which must find them all in one sentence. Its rowid is
  `event_id << 32 | evidence id`, so a match gives the event id without a lookup.

`ensure_sqlite_fts` makes the tables and triggers in migration 0008 and again after every
`migrate` (TimelineConfig): SQLite rebuilds a table, dropping its triggers, when a migration
alters it.
"""

from __future__ import annotations

import re

from django.db.models import Case, F, FloatField, Func, IntegerField, QuerySet, Value, When
from django.db.models.expressions import RawSQL

TOKENIZER = "porter unicode61 remove_diacritics 2"
EVENT_FTS = "timeline_event_fts"
EVIDENCE_FTS = "timeline_evidence_fts"
SENTENCES = (
    "(SELECT group_concat(sentence, ' / ') FROM timeline_evidence WHERE event_id = {0} AND {1})"
)
EVIDENCE_ROWID = "(({row}.event_id << 32) | {row}.id)"
# Evidence awaiting review is not public, so not searchable (migration 0011 rebuilds the
# tables with this; before the column exists, every sentence is indexed).
SEARCHABLE = "awaits_review = 0"


def searchable(row: str = "") -> str:
    return f"{row}.{SEARCHABLE}" if row else SEARCHABLE


def event_fts_sql(visible: bool = True) -> list[str]:
    def sentences(event: str) -> str:
        return SENTENCES.format(event, searchable() if visible else "1")

    refresh = (
        f"UPDATE {EVENT_FTS} SET evidence = coalesce({sentences('{row}.event_id')}, '') "
        "WHERE rowid = {row}.event_id;"
    )
    return [
        f"CREATE VIRTUAL TABLE {EVENT_FTS} USING fts5(title, summary, evidence, "
        f"tokenize='{TOKENIZER}')",
        f"CREATE TRIGGER {EVENT_FTS}_insert AFTER INSERT ON timeline_event BEGIN "
        f"INSERT INTO {EVENT_FTS}(rowid, title, summary, evidence) "
        "VALUES (new.id, new.title, new.summary, ''); END",
        f"CREATE TRIGGER {EVENT_FTS}_delete AFTER DELETE ON timeline_event BEGIN "
        f"DELETE FROM {EVENT_FTS} WHERE rowid = old.id; END",
        f"CREATE TRIGGER {EVENT_FTS}_update AFTER UPDATE OF title, summary ON timeline_event "
        f"BEGIN UPDATE {EVENT_FTS} SET title = new.title, summary = new.summary "
        "WHERE rowid = new.id; END",
        f"CREATE TRIGGER {EVENT_FTS}_evidence_insert AFTER INSERT ON timeline_evidence BEGIN "
        f"{refresh.format(row='new')} END",
        f"CREATE TRIGGER {EVENT_FTS}_evidence_delete AFTER DELETE ON timeline_evidence BEGIN "
        f"{refresh.format(row='old')} END",
        f"CREATE TRIGGER {EVENT_FTS}_evidence_update AFTER UPDATE OF sentence, event_id"
        f"{', awaits_review' if visible else ''} "
        f"ON timeline_evidence BEGIN {refresh.format(row='old')} {refresh.format(row='new')} END",
        f"INSERT INTO {EVENT_FTS}(rowid, title, summary, evidence) "
        f"SELECT id, title, summary, coalesce({sentences('timeline_event.id')}, '') "
        "FROM timeline_event",
    ]


def evidence_fts_sql(visible: bool = True) -> list[str]:
    """Only searchable sentences are in this contentless table: a 'delete' must give exactly
    what was inserted, so both carry the same condition."""
    old, new = EVIDENCE_ROWID.format(row="old"), EVIDENCE_ROWID.format(row="new")
    when_old, when_new = (searchable("old"), searchable("new")) if visible else ("1", "1")
    delete = (
        f"INSERT INTO {EVIDENCE_FTS}({EVIDENCE_FTS}, rowid, sentence) "
        f"SELECT 'delete', {old}, old.sentence WHERE {when_old};"
    )
    insert = (
        f"INSERT INTO {EVIDENCE_FTS}(rowid, sentence) SELECT {new}, new.sentence WHERE {when_new};"
    )
    return [
        f"CREATE VIRTUAL TABLE {EVIDENCE_FTS} USING fts5(sentence, content='', "
        f"tokenize='{TOKENIZER}')",
        f"CREATE TRIGGER {EVIDENCE_FTS}_insert AFTER INSERT ON timeline_evidence BEGIN {insert} END",
        f"CREATE TRIGGER {EVIDENCE_FTS}_delete AFTER DELETE ON timeline_evidence BEGIN {delete} END",
        f"CREATE TRIGGER {EVIDENCE_FTS}_update AFTER UPDATE OF sentence, event_id"
        f"{', awaits_review' if visible else ''} "
        f"ON timeline_evidence BEGIN {delete} {insert} END",
        f"INSERT INTO {EVIDENCE_FTS}(rowid, sentence) "
        f"SELECT {EVIDENCE_ROWID.format(row='timeline_evidence')}, sentence FROM timeline_evidence "
        f"WHERE {searchable() if visible else '1'}",
    ]


# Each table with the table it needs and the triggers that keep it in step.
FTS = {
    EVENT_FTS: (
        "timeline_evidence",
        event_fts_sql,
        (
            "_insert",
            "_delete",
            "_update",
            "_evidence_insert",
            "_evidence_delete",
            "_evidence_update",
        ),
    ),
    EVIDENCE_FTS: ("timeline_evidence", evidence_fts_sql, ("_insert", "_delete", "_update")),
}


def ensure_sqlite_fts(connection) -> None:
    """Make the FTS tables and triggers afresh where any is missing (and index the rows)."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
        existing = {row[0] for row in cursor.fetchall()}
        cursor.execute("SELECT name FROM pragma_table_info('timeline_evidence')")
        visible = "awaits_review" in {row[0] for row in cursor.fetchall()}
        for name, (needed, statements, triggers) in FTS.items():
            wanted = {name} | {name + suffix for suffix in triggers}
            if needed not in existing or wanted <= existing:
                continue
            drop(cursor, name, triggers)
            for statement in statements(visible):
                cursor.execute(statement)


def drop(cursor, name: str, triggers: tuple[str, ...]) -> None:
    for suffix in triggers:
        cursor.execute(f"DROP TRIGGER IF EXISTS {name}{suffix}")
    cursor.execute(f"DROP TABLE IF EXISTS {name}")


def drop_sqlite_fts(connection) -> None:
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for name, (_, _, triggers) in FTS.items():
            drop(cursor, name, triggers)


def fts_phrase(term: str) -> str | None:
    """A search term as an FTS5 prefix phrase ("U.S." -> "U S"*), None if it has no word."""
    words = re.findall(r"[^\W_]+", term)
    return '"' + " ".join(words) + '"*' if words else None


def event_ids(match: str) -> RawSQL:
    return RawSQL(f"SELECT rowid FROM {EVENT_FTS} WHERE {EVENT_FTS} MATCH %s", [match])


def matching_events(phrases: list[str]) -> RawSQL:
    """Ids of events whose title and summary together, or one evidence sentence, match."""
    if len(phrases) == 1:  # one word: anywhere in the event's row
        return event_ids(phrases[0])
    everything = " AND ".join(phrases)
    return RawSQL(
        f"SELECT rowid FROM {EVENT_FTS} WHERE {EVENT_FTS} MATCH %s "
        f"UNION SELECT rowid >> 32 FROM {EVIDENCE_FTS} WHERE {EVIDENCE_FTS} MATCH %s",
        [f"{{title summary}}: ({everything})", everything],
    )


def with_evidence_matching(phrases: list[str]) -> RawSQL:
    everything = " AND ".join(phrases)
    if len(phrases) == 1:
        return event_ids(f"{{evidence}}: {everything}")
    sql = f"SELECT rowid >> 32 FROM {EVIDENCE_FTS} WHERE {EVIDENCE_FTS} MATCH %s"
    return RawSQL(sql, [everything])


def search_events_fts(
    queryset: QuerySet, terms: list[str], *, evidence_weight: float | None
) -> QuerySet:
    """The events of `queryset` that match, best first, or unordered without a rank when
    `evidence_weight` is None."""
    phrases = [phrase for phrase in map(fts_phrase, terms) if phrase]
    if not phrases:
        return queryset.none()
    # `+id`: SQLite then keeps walking its timeline index and checks each event against the
    # list of matches, instead of fetching every match by id and sorting them all.
    unindexed = Func(F("pk"), template="+%(expressions)s", output_field=IntegerField())
    matching = queryset.alias(search_id=unindexed).filter(search_id__in=matching_events(phrases))
    if evidence_weight is None:
        return matching
    rank = Case(
        When(pk__in=with_evidence_matching(phrases), then=Value(0.4 * evidence_weight)),
        default=Value(0.0),
        output_field=FloatField(),
    )
    for phrase in phrases:
        for column, weight in (("title", 1.0), ("summary", 0.4)):
            in_column = event_ids(f"{{{column}}}: {phrase}")
            rank = rank + Case(When(pk__in=in_column, then=Value(weight)), default=Value(0.0))
    return matching.annotate(search_rank=rank).order_by("-search_rank", "date_start", "id")


def count_matching(queryset: QuerySet, terms: list[str], *, cap: int) -> int:
    """How many events of `queryset` match, at most `cap + 1`, driven by the FTS index.

    The FTS table is joined to the events by id (`extra`: the ORM has no join to a table
    without a model), so SQLite reads matches from the index and looks each one up, stopping
    at the cap. The `IN (matches)` shape of `search_events_fts` would first copy every match
    into a temporary list: 40,000 of them for "tariff" at 100k events, most of its cost.
    """
    phrases = [phrase for phrase in map(fts_phrase, terms) if phrase]
    if not phrases:
        return 0
    table = queryset.model._meta.db_table
    if len(phrases) == 1:
        matched = queryset.extra(
            tables=[EVENT_FTS],
            where=[f"{EVENT_FTS}.rowid = {table}.id", f"{EVENT_FTS} MATCH %s"],
            params=[phrases[0]],
        )
    else:  # matches from two tables (see `matching_events`): the list is the simpler shape
        matched = queryset.filter(pk__in=matching_events(phrases))
    return matched.order_by()[: cap + 1].count()
