"""Review the demo's events against the team's decisions (articles/demo/decisions.json).

`--list` prints every event of the ingested demo articles with its fingerprint and what it says,
for an editor to check against the article and write a decision; `--check` reports decisions
that match no event any more (stale) and events that have no decision. Run `load_demo` on a
fresh database first, so that the events are the current pipeline's.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.services.decisions import (
    DECISIONS_FILE,
    DEMO_DIR,
    demo_articles,
    event_fingerprint,
    events_of,
    read_decisions,
)
from timeline.models import Event


class Command(BaseCommand):
    help = "List the demo's events for review (--list) or check decisions.json (--check)."

    def add_arguments(self, parser: CommandParser) -> None:
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--list", action="store_true", help="Print every demo event.")
        action.add_argument(
            "--check", action="store_true", help="Report stale decisions and undecided events."
        )

    def handle(self, *args, **options) -> None:
        articles = demo_articles(DEMO_DIR)
        if not articles:
            raise CommandError("No demo article in the database: run `manage.py load_demo`.")
        names = {article.pk: name for name, article in articles.items()}
        decisions = read_decisions(DECISIONS_FILE)
        events = {event_fingerprint(event): event for event in events_of(list(articles.values()))}
        if options["list"]:
            by_article = sorted(events.items(), key=lambda item: first_article(item[1], names))
            for fingerprint, event in by_article:
                decision = decisions.get(fingerprint)
                self.stdout.write(describe(event, fingerprint, names=names, decision=decision))
            return
        stale = [d for d in decisions.values() if d.fingerprint not in events]
        undecided = [(f, e) for f, e in events.items() if f not in decisions]
        for decision in stale:
            self.stdout.write(
                f"stale {decision.fingerprint} {decision.article}: {decision.summary}"
            )
        for fingerprint, event in undecided:
            self.stdout.write(f"undecided {fingerprint} {event.kind} {date_of(event)} {event}")
        line = (
            f"{len(events)} events, {len(decisions)} decisions: "
            f"{len(stale)} stale, {len(undecided)} undecided"
        )
        if stale or undecided:
            raise CommandError(line)
        self.stdout.write(self.style.SUCCESS(line))


def first_article(event: Event, names: dict[int, str]) -> str:
    """The demo file the event is first told in: the listing goes article by article."""
    return min(names.get(evidence.article_id, "?") for evidence in event.evidence.all())


def date_of(event: Event) -> str:
    if event.date_start is None:
        return "undated"
    if event.date_start == event.date_end:
        return event.date_start.isoformat()
    return f"{event.date_start.isoformat()}..{event.date_end.isoformat()}"


def describe(event: Event, fingerprint: str, *, names: dict[int, str], decision) -> str:
    lines = [
        f"{fingerprint}  {decision.decision if decision else 'UNDECIDED'}",
        f"  {event.kind} | {date_of(event)} ({event.date_precision or '-'}, "
        f"{event.date_text!r}) | {event.status} | {event.review_state} | {event.confidence:.2f}",
        f"  title: {event.title}",
        f"  countries: {', '.join(c.name for c in event.jurisdictions.all()) or '-'}",
        f"  participants: {', '.join(p.full_name for p in event.participants.all()) or '-'}",
    ]
    if meeting := getattr(event, "meeting", None):
        lines.append(f"  meeting: {meeting.get_format_display()} in {meeting.location or '?'}")
    if tariff := getattr(event, "tariff", None):
        target = "all" if tariff.applies_to_all else tariff.target or "?"
        lines.append(
            f"  tariff: {tariff.action} {tariff.rate_percent}% by {tariff.imposing or '?'} "
            f"on {target}, sector {tariff.sector or '-'}, "
            f"in force {tariff.in_force_from or '?'}..{tariff.in_force_to or '?'}"
        )
    for evidence in event.evidence.all():
        lines.append(f"  [{names.get(evidence.article_id, '?')}] {evidence.sentence}")
    return "\n".join(lines) + "\n"
