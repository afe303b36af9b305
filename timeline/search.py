"""Ranked text search over events (and the sentences that support them) and articles.

On PostgreSQL this is full-text search: English stemming, prefix matching of every term (so the
search box finds "negotiat" as it is typed), `ts_rank` weighted title > summary > evidence, and
GIN expression indexes (migration 0005) that match the vectors built here. On SQLite, events are
searched through FTS5 tables with the same contract (`timeline/fts.py`). Other databases, and
articles on SQLite, get a slower fallback: every term must match somewhere, and results are
ranked by where they match. All annotate `search_rank` and order by it, best first.
"""

from __future__ import annotations

import re

from django.db import connections
from django.db.models import (
    Case,
    Exists,
    F,
    FloatField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

MAX_TERMS = 8
SEARCH_CONFIG = "english"
# Evidence sentences count, but less than the event's own title and summary.
EVIDENCE_WEIGHT = 0.4
# Light English suffixes, so that highlighting finds "tariff" for "tariffs" like the stemmer does.
SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "es", "ed", "s")


def search_terms(query: str) -> list[str]:
    return [term for term in re.findall(r"[\w.'%-]+", query)[:MAX_TERMS] if term.strip(".'-%")]


def is_postgresql(queryset: QuerySet) -> bool:
    return connections[queryset.db].vendor == "postgresql"


def event_vector():
    """The events' document; migration 0005 indexes exactly this expression."""
    from django.contrib.postgres.search import SearchVector

    return SearchVector("title", weight="A", config=SEARCH_CONFIG) + SearchVector(
        "summary", weight="B", config=SEARCH_CONFIG
    )


def evidence_vector():
    from django.contrib.postgres.search import SearchVector

    return SearchVector("sentence", config=SEARCH_CONFIG)


def article_vector():
    from django.contrib.postgres.search import SearchVector

    return SearchVector("title", weight="A", config=SEARCH_CONFIG) + SearchVector(
        "body", weight="B", config=SEARCH_CONFIG
    )


def prefix_query(terms: list[str]):
    """Every term as a prefix, both stemmed and as typed: `(negoti:* | negotiations:*) & …`.

    The stemmed form finds other forms of a word ("negotiating" for "negotiations"); the form
    as typed keeps prefixes that stemming would drop ("a" is a stop word, "a:*" is not).
    """
    from django.contrib.postgres.search import Lexeme, SearchQuery

    query = None
    for term in terms:
        either = SearchQuery(Lexeme(term, prefix=True), config=SEARCH_CONFIG) | SearchQuery(
            Lexeme(term, prefix=True), config="simple"
        )
        query = either if query is None else query & either
    return query


def search_events(queryset: QuerySet, query: str, *, ranked: bool = True) -> QuerySet:
    """Events whose title, summary or evidence match every term of the query, best first.

    `ranked=False` gives the same events, unordered and without `search_rank`, for lists that
    order them otherwise (the timeline lists results by date): the rank costs a look-up per
    term and column for every match.
    """
    terms = search_terms(query)
    if not terms:
        return queryset
    from .models import Evidence

    if is_postgresql(queryset):
        from django.contrib.postgres.search import SearchRank

        tsquery = prefix_query(terms)
        # A union of two index scans: an OR in the WHERE clause would scan the events table.
        by_event = (
            queryset.model.objects.annotate(search_vector=event_vector())
            .filter(search_vector=tsquery)
            .values("pk")
        )
        by_evidence = (
            Evidence.objects.public()
            .annotate(search_vector=evidence_vector())
            .filter(search_vector=tsquery)
            .values("event_id")
        )
        if not ranked:
            return queryset.filter(pk__in=by_event.union(by_evidence))
        best_evidence = (
            Evidence.objects.public()
            .filter(event=OuterRef("pk"))
            .annotate(search_vector=evidence_vector())
            .filter(search_vector=tsquery)
            .annotate(rank=SearchRank(F("search_vector"), tsquery))
        )
        return (
            queryset.filter(pk__in=by_event.union(by_evidence))
            .alias(search_vector=event_vector())
            .annotate(
                search_rank=SearchRank(F("search_vector"), tsquery)
                + Coalesce(
                    Subquery(best_evidence.order_by("-rank").values("rank")[:1]),
                    Value(0.0),
                    output_field=FloatField(),
                )
                * EVIDENCE_WEIGHT
            )
            .order_by("-search_rank", "date_start", "id")
        )

    if connections[queryset.db].vendor == "sqlite":
        from .fts import search_events_fts

        return search_events_fts(
            queryset, terms, evidence_weight=EVIDENCE_WEIGHT if ranked else None
        )

    rank = Value(0.0, output_field=FloatField())
    for term in terms:
        in_evidence = Exists(
            Evidence.objects.public().filter(event=OuterRef("pk"), sentence__icontains=term)
        )
        queryset = queryset.filter(
            Q(title__icontains=term) | Q(summary__icontains=term) | in_evidence
        )
        rank = (
            rank
            + Case(When(title__icontains=term, then=Value(1.0)), default=Value(0.0))
            + Case(When(summary__icontains=term, then=Value(0.4)), default=Value(0.0))
            + Case(When(in_evidence, then=Value(0.4 * EVIDENCE_WEIGHT)), default=Value(0.0))
        )
    if not ranked:
        return queryset
    return queryset.annotate(search_rank=rank).order_by("-search_rank", "date_start", "id")


def count_events(queryset: QuerySet, query: str, *, cap: int) -> int:
    """How many of `queryset` match the query, counting no further than `cap + 1` (a common
    word matches half of the timeline; counting every match costs a probe per event).

    On SQLite the count walks the FTS index and looks each match up by id, stopping at the
    cap (`fts.count_matching`); elsewhere it is a COUNT over the matches, limited the same way.
    """
    terms = search_terms(query)
    if not terms:
        return queryset.count()
    if connections[queryset.db].vendor == "sqlite":
        from .fts import count_matching

        return count_matching(queryset, terms, cap=cap)
    return search_events(queryset, query, ranked=False)[: cap + 1].count()


def search_articles(queryset: QuerySet, query: str) -> QuerySet:
    """Articles whose title or body match every term of the query, best first."""
    terms = search_terms(query)
    if not terms:
        return queryset
    if is_postgresql(queryset):
        from django.contrib.postgres.search import SearchRank

        tsquery = prefix_query(terms)
        return (
            queryset.alias(search_vector=article_vector())
            .filter(search_vector=tsquery)
            .annotate(search_rank=SearchRank(F("search_vector"), tsquery))
            .order_by("-search_rank", "-published", "-id")
        )

    rank = Value(0.0, output_field=FloatField())
    for term in terms:
        queryset = queryset.filter(Q(title__icontains=term) | Q(body__icontains=term))
        rank = (
            rank
            + Case(When(title__icontains=term, then=Value(1.0)), default=Value(0.0))
            + Case(When(body__icontains=term, then=Value(0.4)), default=Value(0.0))
        )
    return queryset.annotate(search_rank=rank).order_by("-search_rank", "-published", "-id")


def highlight_pattern(query: str) -> re.Pattern[str] | None:
    """Words that the search matches: each term, or its stem, at the start of a word."""
    stems = set()
    for term in search_terms(query):
        stem = term.lower()
        for suffix in SUFFIXES:
            if stem.endswith(suffix) and len(stem) - len(suffix) >= 4:
                stem = stem[: -len(suffix)]
                break
        stems.add(stem)
    if not stems:
        return None
    alternatives = "|".join(re.escape(s) for s in sorted(stems, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})\w*", re.IGNORECASE)


def highlight(text: str, query: str) -> SafeString:
    """The text, escaped, with each word the query matches wrapped in <mark>."""
    pattern = highlight_pattern(query)
    if pattern is None:
        return escape(text)
    parts, position = [], 0
    for match in pattern.finditer(text):
        parts.append(escape(text[position : match.start()]))
        parts.append(f"<mark>{escape(match.group(0))}</mark>")
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))
