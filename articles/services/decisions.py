"""Editorial decisions on the demo's events, keyed by a fingerprint of what each event says.

The demo shows as approved only events the team has checked against their article
(articles/demo/decisions.json). When the pipeline extracts an event differently, its fingerprint
changes, no decision matches it, and it waits in the review queue like any other.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet

from timeline.models import Event

from ..models import Article, content_hash
from ..parsing import ArticleInputError
from .ingest import expand_paths, read_input

DEMO_DIR = Path(settings.BASE_DIR) / "articles" / "demo"
DECISIONS_FILE = DEMO_DIR / "decisions.json"
CHOICES = {"approve", "reject"}


def event_fingerprint(event: Event) -> str:
    """sha1 over what a reviewer checks: the evidence (article content hash and place of each
    sentence), the type, title, dates, status, countries and participants, the meeting's place, and
    a tariff's rate, action, parties, sector and days in force. Any change to one of them gives a
    new fingerprint."""
    parts = [
        " ".join(
            sorted(
                f"{e.article.content_hash}:{e.start_char}:{e.end_char}"
                for e in event.evidence.all()
            )
        ),
        event.kind,
        event.title,
        str(event.date_start),
        str(event.date_end),
        event.status,
        "|".join(sorted(country.name for country in event.jurisdictions.all())),
        "|".join(sorted(person.full_name for person in event.participants.all())),
    ]
    if meeting := getattr(event, "meeting", None):
        parts.append(meeting.location)
    if tariff := getattr(event, "tariff", None):
        parts += [
            "" if tariff.rate_percent is None else f"{float(tariff.rate_percent):g}",
            tariff.action,
            tariff.imposing.name if tariff.imposing_id else "",
            "all" if tariff.applies_to_all else tariff.target.name if tariff.target_id else "",
            tariff.sector,
            f"{tariff.in_force_from}..{tariff.in_force_to}",
        ]
    return hashlib.sha1("\n".join(parts).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Decision:
    fingerprint: str
    decision: str  # "approve" or "reject"
    article: str
    summary: str
    why: str


def read_decisions(path: Path = DECISIONS_FILE) -> dict[str, Decision]:
    """The decisions file as {fingerprint: decision}; raises ValueError on a malformed entry."""
    decisions: dict[str, Decision] = {}
    for entry in json.loads(path.read_text(encoding="utf-8")):
        decision = Decision(**entry)
        if decision.decision not in CHOICES:
            raise ValueError(f"{decision.fingerprint}: decision must be approve or reject")
        if decision.fingerprint in decisions:
            raise ValueError(f"{decision.fingerprint}: decided twice")
        decisions[decision.fingerprint] = decision
    return decisions


def demo_articles(directory: Path = DEMO_DIR) -> dict[str, Article]:
    """The demo files already ingested, by file name (matched on the text, like ingest)."""
    found: dict[str, Article] = {}
    for path in expand_paths([str(directory)]):
        try:
            parsed = read_input(path.read_bytes(), source_name=path.name)
        except ArticleInputError:
            continue
        article = Article.objects.filter(content_hash=content_hash(parsed.body)).first()
        if article is not None:
            found[path.name] = article
    return found


def events_of(articles: list[Article]) -> QuerySet[Event]:
    """The events these articles are evidence for, with what a fingerprint reads."""
    return (
        Event.objects.filter(evidence__article__in=articles)
        .distinct()
        .select_related("meeting", "tariff__imposing", "tariff__target")
        .prefetch_related("evidence__article", "jurisdictions", "participants")
        .order_by("date_start", "id")
    )


@dataclass
class DecisionResult:
    approved: int = 0
    rejected: int = 0
    undecided: int = 0
    unchanged: int = 0


def apply_decisions(events: QuerySet[Event], *, decisions: dict[str, Decision]) -> DecisionResult:
    """Approve or reject each event as decided. Idempotent.

    A proposed event is approved only when its fingerprint is marked approve; one without a
    decision stays proposed. A rejection also withdraws an earlier approval (a known-wrong
    event is never shown as approved), but an approval never overrides a rejection.
    """
    result = DecisionResult()
    with transaction.atomic():
        for event in events:
            decision = decisions.get(event_fingerprint(event))
            if decision is None and event.review_state == Event.ReviewState.PROPOSED:
                result.undecided += 1
            elif decision is None:
                result.unchanged += 1
            elif decision.decision == "reject" and event.review_state != Event.ReviewState.REJECTED:
                event.reject()  # one save each, so the audit log records every decision
                result.rejected += 1
            elif (
                decision.decision == "approve" and event.review_state == Event.ReviewState.PROPOSED
            ):
                event.approve()
                result.approved += 1
            else:
                result.unchanged += 1
    return result
