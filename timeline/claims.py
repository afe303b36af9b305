"""What each article said about an event, and the event as its articles tell it.

Every piece of evidence keeps its article's claim: dates and precision, status, title, place,
rate. An article counts once, with the claim of its first sentence stored (the one that made or
matched the event; its other sentences corroborate). The event shows its latest article's claim,
aspect by aspect: an article silent on the date or the place leaves it as earlier ones said.

An editor's word wins: an event an editor changed keeps their values, and claims are only its
history. Sentences waiting for review are no claim yet: approving them moves the event.

`project_known_on` applies the same rule as of a past day, in memory, for display: the mid-May
round is planned as of 1 May whatever happened later. Querysets from `known_on(day)` do it on
their own when fetched, chunk by chunk with `iterator()`. SQL filters still read the stored
values, except where they account for it: `EventQuerySet.with_claims_known_on` (the
negotiation index's last activity and next step) and `Overview` (the negotiation page's).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import prefetch_related_objects

from .models import Event, EventCountry, EventKind, EventParticipant, EventStatus, Evidence

DATE_FIELDS = (
    "date_start",
    "date_end",
    "date_precision",
    "date_text",
    "date_explanation",
    "date_computed",
)


def is_claim(evidence: Evidence) -> bool:
    """A public claim: the pipeline's (hand-added evidence has no status) and reviewed."""
    return bool(evidence.claimed_status) and not evidence.awaits_review


def claims_by_article(evidence: Iterable[Evidence]) -> list[Evidence]:
    """One claim per article, oldest article first (its first sentence stored speaks for it)."""
    first: dict[int, Evidence] = {}
    for item in evidence:
        if item.claimed_status and (
            item.article_id not in first or item.pk < first[item.article_id].pk
        ):
            first[item.article_id] = item
    return sorted(first.values(), key=lambda e: (e.article.published, e.article_id))


def claimed_values(evidence: Iterable[Evidence]) -> dict:
    """The event's fields as its public claims tell them, the latest article's word winning."""
    values: dict = {}
    for claim in claims_by_article(e for e in evidence if is_claim(e)):
        values["status"] = claim.claimed_status
        if claim.claimed_title:
            values["title"] = claim.claimed_title
        if claim.claimed_date_start is not None:
            values |= {field: getattr(claim, f"claimed_{field}") for field in DATE_FIELDS}
        if claim.claimed_location:
            values["location"] = claim.claimed_location
        if claim.claimed_rate_percent is not None:
            values["rate_percent"] = claim.claimed_rate_percent
    return values


def apply_values(event: Event, values: dict) -> tuple[list[str], list]:
    """Set the claimed values on the event in memory: the event fields changed, and the
    details (meeting, tariff) changed, as (instance, field).

    The title follows only when something a reader checks (status, date, place, rate) moved,
    and never over an editor's title; the meeting's place and the tariff's rate change on their
    details when those are loaded.
    """
    changed = [
        field
        for field in ("status", *DATE_FIELDS)
        if field in values and getattr(event, field) != values[field]
    ]
    details = []
    for name, field, key in (
        ("meeting", "location", "location"),
        ("tariff", "rate_percent", "rate_percent"),
    ):
        detail = event._state.fields_cache.get(name)
        if detail is not None and key in values and getattr(detail, field) != values[key]:
            setattr(detail, field, values[key])
            details.append((detail, field))
    if not (changed or details):
        return [], []
    for field in changed:
        setattr(event, field, values[field])
    if not event.title_by_editor and values.get("title", event.title) != event.title:
        event.title = values["title"]
        changed.append("title")
    return changed, details


def follow_claims(event: Event) -> bool:
    """Give an event its latest public claim, unless an editor edited it; True if it changed."""
    if event.edited_by_editor:
        return False
    event = Event.objects.select_related("meeting", "tariff").get(pk=event.pk)
    changed, details = apply_values(event, claimed_values(event.evidence.select_related("article")))
    if not (changed or details):
        return False
    event.full_clean(exclude=["negotiation"])
    event.save(update_fields=[*changed, "updated_at"])
    for detail, field in details:
        detail.save(update_fields=[field])
    return True


def project_known_on(events: list[Event], day: datetime.date | None) -> list[Event]:
    """Each event (in place) as the articles published by `day` told it; one query.

    Only events that a later article reported on change. Their round number is the one stated
    by then (if any), their title that of their latest claim by then, their place and rate
    those told by then (none if no article had). Countries and people a later article added
    are left out (`hide_later_links`), whoever edited the event.
    """
    if day is None:
        return events
    hide_later_links(events, day)
    pending = {event.pk: event for event in events if not event.edited_by_editor}
    if not pending:
        return events
    evidence: dict[int, list[Evidence]] = defaultdict(list)
    rows = (
        Evidence.objects.filter(event_id__in=list(pending))
        .select_related("article")
        .only("event_id", "sentence", "awaits_review", "article__published", *CLAIM_FIELDS)
    )
    for row in rows:
        evidence[row.event_id].append(row)
    for pk, event in pending.items():
        if not any(row.article.published > day for row in evidence[pk]):
            continue
        known = [row for row in evidence[pk] if row.article.published <= day]
        values = claimed_values(known)
        if values:  # a place or a rate no article had told by then was not known yet
            values = {"location": "", "rate_percent": None} | values
        apply_values(event, values)
        if event.kind == EventKind.MEETING:
            from articles.services.negotiations import stated_round  # rules only, no NLP model

            event.round_number = stated_round(row.sentence for row in known if is_claim(row))
        event.known_as_of = day
    return events


def hide_later_links(events: list[Event], day: datetime.date) -> None:
    """The events' countries and participants (in place) without those first named by an
    article published after `day`: one query per kind of link, and a prefetch for an event
    that has such a link and had none."""
    by_pk = {event.pk: event for event in events}
    for name, links, column in (
        ("jurisdictions", EventCountry.objects, "jurisdiction_id"),
        ("participants", EventParticipant.objects, "official_id"),
    ):
        later: dict[int, set[int]] = defaultdict(set)
        rows = (
            links.filter(event_id__in=list(by_pk)).told_after(day).values_list("event_id", column)
        )
        for event_pk, pk in rows:
            later[event_pk].add(pk)
        touched = [by_pk[pk] for pk in later]
        prefetch_related_objects(
            [e for e in touched if name not in getattr(e, "_prefetched_objects_cache", {})], name
        )
        for event in touched:
            shown = event._prefetched_objects_cache[name]  # a fetched QuerySet: narrowed in place
            shown._result_cache = [obj for obj in shown if obj.pk not in later[event.pk]]


CLAIM_FIELDS = (
    "article_id",
    "claimed_status",
    "claimed_title",
    "claimed_location",
    "claimed_rate_percent",
    *(f"claimed_{field}" for field in DATE_FIELDS),
)


@dataclass(frozen=True)
class Report:
    """One line of an event's "reported" history: what an article said, on its day."""

    published: datetime.date
    outlet: str
    text: str
    evidence: Evidence
    awaits_review: bool


def reported_history(event: Event, evidence: Iterable[Evidence]) -> list[Report]:
    """ "14 Apr: planned for mid-May (Kyodo)" -> "23 May: held in Washington (Reuters)"."""
    history: list[Report] = []
    previous: Evidence | None = None
    for claim in claims_by_article(evidence):
        history.append(
            Report(
                claim.article.published,
                claim.article.outlet,
                describe_claim(claim, previous, kind=event.kind),
                claim,
                claim.awaits_review,
            )
        )
        previous = claim
    return history


def describe_claim(claim: Evidence, previous: Evidence | None, *, kind: str) -> str:
    """A claim in a few words: "planned for mid-May 2025", "held on 23 May 2025 in Washington",
    "postponed to 6 Jun 2025" (a plan moved later), "called off", "imposed at 24%"."""
    from .templatetags.timeline_tags import format_event_date, format_rate

    when = format_event_date(
        claim.claimed_date_start, claim.claimed_date_end, claim.claimed_date_precision
    )
    dated = claim.claimed_date_start is not None
    on = "on" if claim.claimed_date_precision == Event.Precision.DAY else "in"
    status = claim.claimed_status
    if status == EventStatus.PLANNED:
        moved = (
            previous is not None
            and previous.claimed_status == EventStatus.PLANNED
            and previous.claimed_date_end is not None
            and dated
            and claim.claimed_date_start > previous.claimed_date_end
        )
        text = f"postponed to {when}" if moved else f"planned for {when}" if dated else "planned"
    elif status == EventStatus.HAPPENED:
        verb = "held" if kind == EventKind.MEETING else "happened"
        text = f"{verb} {on} {when}" if dated else verb
    elif status == EventStatus.CANCELLED:
        text = f"called off (it was planned for {when})" if dated else "called off"
    else:
        text = f"talked of for {when}" if dated else "talked of"
    if claim.claimed_location:
        text += f" in {claim.claimed_location}"
    if claim.claimed_rate_percent is not None:
        text += f" at {format_rate(claim.claimed_rate_percent)}"
    return text
