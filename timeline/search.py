"""Text search over events (and the sentences that support them), and highlighting of matches."""

from __future__ import annotations

import re

from django.db.models import Q, QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

MAX_TERMS = 8


def search_terms(query: str) -> list[str]:
    return [term for term in re.findall(r"[\w.'%-]+", query)[:MAX_TERMS] if term.strip(".'-")]


def search_events(queryset: QuerySet, query: str) -> QuerySet:
    """Events whose title, summary or evidence contain every term of the query."""
    terms = search_terms(query)
    for term in terms:
        queryset = queryset.filter(
            Q(title__icontains=term)
            | Q(summary__icontains=term)
            | Q(evidence__sentence__icontains=term)
        )
    return queryset.distinct() if terms else queryset


def highlight(text: str, query: str) -> SafeString:
    """The text, escaped, with each query term wrapped in <mark>."""
    escaped = escape(text)
    terms = sorted({escape(t) for t in search_terms(query)}, key=len, reverse=True)
    if not terms:
        return mark_safe(escaped)
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)
    return mark_safe(pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", escaped))
