"""Storing extracted events: merging them with known ones, never overwriting an editor.

Extraction (the NLP) runs outside any transaction; storing runs in one transaction per article,
under a lock on PostgreSQL so that concurrent workers never create the same event twice.
"""

from __future__ import annotations

import datetime
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from timeline.caching import one_bump
from timeline.claims import follow_claims
from timeline.models import (
    Event,
    Evidence,
    Jurisdiction,
    Meeting,
    Official,
    OfficialRole,
    TariffMeasure,
)

from ..extraction.bounds import NotExtractable, check, time_budget
from ..extraction.types import ExtractedEvent, ExtractedTariff, Gazetteer, Person
from ..models import Article, ExtractionStatus
from .negotiations import assign_negotiation, record_stated_round, stated_round

# An article the bounds refuse keeps the reason as its extraction state.
REFUSED_STATUS = {"too_long": ExtractionStatus.TOO_LONG, "unusual": ExtractionStatus.UNUSUAL}

# Any constant will do: it names the lock that serialises event merging across processes.
MERGE_LOCK_ID = 7_202_505_01


@dataclass
class ExtractionResult:
    created: int = 0
    merged: int = 0
    skipped: int = 0


GAZETTEER_MAX_AGE = 300.0  # seconds: other processes' edits to aliases show up within this
_gazetteer_cache: tuple[float, Gazetteer] | None = None


def current_gazetteer() -> Gazetteer:
    """The gazetteer, built at most once per GAZETTEER_MAX_AGE per process (it reads every
    country and official); edits in this process clear it at once (see signals in apps.py)."""
    global _gazetteer_cache
    now = time.monotonic()
    if _gazetteer_cache is None or now - _gazetteer_cache[0] > GAZETTEER_MAX_AGE:
        _gazetteer_cache = (now, build_gazetteer())
    return _gazetteer_cache[1]


def forget_gazetteer(**_signal_kwargs) -> None:
    global _gazetteer_cache
    _gazetteer_cache = None


def build_gazetteer() -> Gazetteer:
    """Countries and people the database knows, as plain data for the pipeline."""
    countries: dict[str, str] = {}
    for jurisdiction in Jurisdiction.objects.all():
        for name in [jurisdiction.name, *jurisdiction.alias_list]:
            countries.setdefault(name, jurisdiction.name)
    people: dict[str, Person] = {}
    surnames: dict[str, list[Person]] = {}
    unreviewed: set[str] = set()
    for official in Official.objects.select_related("jurisdiction").prefetch_related("roles"):
        person = Person(
            full_name=official.full_name,
            country=official.jurisdiction.name if official.jurisdiction else None,
            titles=tuple(role.title for role in official.roles.all()),
        )
        if not official.is_reviewed:
            unreviewed.add(official.full_name)
        for alias in [official.full_name, *official.alias_list]:
            people.setdefault(alias, person)
        surnames.setdefault(surname_of(official), []).append(person)
    for surname, holders in surnames.items():
        if len(holders) == 1 and surname not in people and len(surname) > 2:
            people[surname] = holders[0]  # "Koo", "Sefcovic": unambiguous bare surnames
    return Gazetteer(countries=countries, people=people, known_unreviewed=frozenset(unreviewed))


FAMILY_NAME_FIRST = {"CN", "KR", "TW", "VN", "KP", "HK", "MO"}


def surname_of(official: Official) -> str:
    """The family name as news uses it alone: last in "Scott Bessent", first in "He Lifeng"."""
    parts = official.full_name.split()
    if len(parts) < 2:
        return ""
    code = official.jurisdiction.code if official.jurisdiction else ""
    return parts[0] if code in FAMILY_NAME_FIRST else parts[-1]


def extract_events(article: Article, *, gazetteer: Gazetteer | None = None) -> ExtractionResult:
    """Run the pipeline on an article and store its events as proposed, merging with known ones.

    Re-running is safe: this article's earlier machine-made events are replaced, while events an
    editor has touched keep their fields and only gain or keep evidence.
    """
    gazetteer = gazetteer or current_gazetteer()
    try:
        check(article.body, max_chars=settings.PARLEY_MAX_EXTRACT_CHARS)
        with time_budget(settings.PARLEY_EXTRACTION_SECONDS):
            extracted = run_pipeline(article.body, article.published, gazetteer)
    except NotExtractable as refusal:  # stored as the article's state; retrying cannot help
        article.extraction_status = REFUSED_STATUS[refusal.reason]
        article.extraction_error = str(refusal)
        article.save(update_fields=["extraction_status", "extraction_error"])
        return ExtractionResult(skipped=1)
    return store_extraction(article, extracted)


def run_pipeline(
    body: str, published: datetime.date, gazetteer: Gazetteer | None = None
) -> list[ExtractedEvent]:
    """The NLP part alone: no database writes, so it can run outside any transaction."""
    from ..extraction.pipeline import extract

    return extract(body, published_at=published, gazetteer=gazetteer or current_gazetteer())


def run_pipeline_many(
    items: list[tuple[str, datetime.date]], gazetteer: Gazetteer | None = None
) -> list[list[ExtractedEvent]]:
    """The NLP of several articles at once, through nlp.pipe."""
    from ..extraction.pipeline import extract_many

    return list(extract_many(items, gazetteer=gazetteer or current_gazetteer()))


def store_extraction(article: Article, extracted: list[ExtractedEvent]) -> ExtractionResult:
    """Store an article's extracted events in one transaction (all or nothing)."""
    with transaction.atomic(), one_bump():
        lock_event_merging()
        forget_machine_events(article)
        result = ExtractionResult()
        known = KnownNames.for_events(extracted)
        for item in extracted:
            if store_event(item, article=article, known=known):
                result.merged += 1
            else:
                result.created += 1
        article.extraction_status = ExtractionStatus.DONE
        article.extraction_error = ""
        article.extracted_at = timezone.now()
        article.save(update_fields=["extraction_status", "extraction_error", "extracted_at"])
    return result


def lock_event_merging() -> None:
    """Serialise merging across processes (PostgreSQL advisory lock, released at commit).

    SQLite needs nothing: its IMMEDIATE transactions already admit one writer at a time.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [MERGE_LOCK_ID])


def forget_machine_events(article: Article) -> None:
    """Drop this article's evidence from untouched proposed events, and events left bare."""
    untouched = Q(event__review_state=Event.ReviewState.PROPOSED, event__edited_by_editor=False)
    event_ids = list(article.evidence.filter(untouched).values_list("event_id", flat=True))
    article.evidence.filter(untouched).delete()
    Event.objects.filter(pk__in=event_ids, evidence__isnull=True).delete()


@dataclass
class KnownNames:
    """Countries and officials named by an article's events, looked up once per article."""

    countries: dict[str, Jurisdiction]
    people: dict[str, Official]

    @classmethod
    def for_events(cls, extracted: list[ExtractedEvent]) -> KnownNames:
        country_names = {name for item in extracted for name in item.countries}
        for item in extracted:
            if item.tariff is not None:
                country_names.update(
                    filter(None, [item.tariff.imposing_country, item.tariff.target_country])
                )
        people_names = {name for item in extracted for name in item.participants}
        return cls(
            countries={j.name: j for j in Jurisdiction.objects.filter(name__in=country_names)},
            people={o.full_name: o for o in Official.objects.filter(full_name__in=people_names)},
        )

    def official(self, name: str, *, read: Person | None = None) -> Official:
        """A known official, or a new unreviewed one for a person the pipeline found, with the
        country and title the article gave ("Mexican economy minister Marcelo Ebrard")."""
        if name not in self.people:
            jurisdiction = None
            if read is not None and read.country:  # usually among the event's countries
                jurisdiction = self.countries.get(read.country) or (
                    Jurisdiction.objects.filter(name=read.country).first()
                )
            official = Official(full_name=name, is_reviewed=False, jurisdiction=jurisdiction)
            official.full_clean(exclude=["slug"])
            official.save()
            if read is not None and read.titles:
                OfficialRole.objects.create(official=official, title=read.titles[0][:200])
            self.people[name] = official
        return self.people[name]


def store_event(item: ExtractedEvent, *, article: Article, known: KnownNames) -> bool:
    """Store one extracted event; returns True when it was merged into a known event."""
    countries = [known.countries[name] for name in item.countries if name in known.countries]
    read = {person.full_name: person for person in item.new_people}
    people = [known.official(name, read=read.get(name)) for name in item.participants]
    event = (
        find_matching_event(item, countries=countries, people=people)
        or find_planned_round(item, countries=countries, people=people, article=article)
        or find_later_holding(item, countries=countries, people=people, article=article)
    )
    merged = event is not None
    if event is None:
        event = Event(
            kind=item.type,
            title=item.title[:300],
            status=item.status,
            confidence=round(min(max(item.confidence, 0.0), 1.0), 3),
            merge_key=item.merge_key[:200],
            review_state=Event.ReviewState.PROPOSED,
        )
        if item.date is not None:
            event.date_start = item.date.start
            event.date_end = item.date.end
            event.date_precision = item.date.precision
            event.date_text = item.date.text[:200]
            event.date_explanation = item.date.explanation[:300]
            event.date_computed = item.date.computed
        event.full_clean()
        event.save()
        store_details(event, item, countries=known.countries)
    if not event.edited_by_editor:
        link_told(event, countries=countries, people=people, article=article)
    for span in item.evidence:
        Evidence.objects.get_or_create(
            event=event,
            article=article,
            start_char=span.start_char,
            defaults={
                "sentence": evidence_text(article, span),
                "end_char": span.end_char,
                # A new sentence on an event editors approved is not public until reviewed.
                "awaits_review": event.review_state == Event.ReviewState.APPROVED,
                **claim_of(item),
            },
        )
    if merged:
        follow_claims(event)  # a later article's word (a plan now held) becomes the event's
    record_stated_round(event, [span.sentence for span in item.evidence])
    assign_negotiation(event)
    return merged


def link_told(
    event: Event, *, countries: list[Jurisdiction], people: list[Official], article: Article
) -> None:
    """Put the countries and people an article names on the event, each link keeping the
    earliest article that named it (articles arrive in any order): a past view shows a link
    from that article's day on. Links an editor made (no article) stay theirs."""
    told_later = Q(article__published__gt=article.published) | Q(
        article__published=article.published, article_id__gt=article.pk
    )
    for links, column, named in (
        (event.jurisdictions, "jurisdiction", countries),
        (event.participants, "official", people),
    ):
        if named:
            known = links.through.objects.filter(event=event, **{f"{column}__in": named})
            known.filter(told_later).update(article=article)
            links.add(*named, through_defaults={"article": article})  # the new ones


def claim_of(item: ExtractedEvent) -> dict:
    """What the article says about the event, kept on each of its sentences (the evidence)."""
    claim = {
        "claimed_status": item.status,
        "claimed_title": item.title[:300],
        "claimed_location": item.location[:200],
        "claimed_rate_percent": item.tariff.rate_percent if item.tariff else None,
    }
    if item.date is not None:
        claim |= {
            "claimed_date_start": item.date.start,
            "claimed_date_end": item.date.end,
            "claimed_date_precision": item.date.precision,
            "claimed_date_text": item.date.text[:200],
            "claimed_date_explanation": item.date.explanation[:300],
            "claimed_date_computed": item.date.computed,
        }
    return claim


def evidence_text(article: Article, span) -> str:
    """The sentence exactly as in the stored body: the model saw long punctuation runs blanked
    out (extraction.bounds.tame), with the same offsets."""
    text = article.body[span.start_char : span.end_char]
    return text if len(text) == span.end_char - span.start_char else span.sentence


def find_matching_event(
    item: ExtractedEvent, *, countries: list[Jurisdiction], people: list[Official]
) -> Event | None:
    """The same happening told again: same kind, overlapping dates, shared countries, and for
    meetings a shared participant, for tariffs the same rate and action."""
    if item.date is None:
        return None
    candidates = (
        Event.objects.filter(
            kind=item.type, date_start__lte=item.date.end, date_end__gte=item.date.start
        )
        .exclude(review_state=Event.ReviewState.REJECTED)
        .prefetch_related("jurisdictions", "participants")
        .select_related("tariff__imposing", "tariff__target")
    )
    wanted_countries = {c.pk for c in countries}
    wanted_people = {p.pk for p in people}
    for candidate in candidates:
        if candidate.date_precision != item.date.precision and item.date.precision != "day":
            continue
        their_countries = {c.pk for c in candidate.jurisdictions.all()}
        shared_countries = wanted_countries & their_countries
        if wanted_countries and not shared_countries:
            continue
        if (
            item.type in {Event.Kind.MEETING, Event.Kind.AGREEMENT}
            and len(wanted_countries) >= 2
            and len(their_countries) >= 2
            and not (wanted_countries <= their_countries or their_countries <= wanted_countries)
        ):
            continue  # a US-China deal is not a Japan-US deal because both involve the US
        if (
            item.type == Event.Kind.MEETING
            and wanted_people
            and not wanted_people & {p.pk for p in candidate.participants.all()}
        ):
            continue
        if item.type == Event.Kind.TARIFF_MEASURE and item.tariff is not None:
            tariff = getattr(candidate, "tariff", None)
            if tariff is None or tariff.action != item.tariff.action:
                continue
            if (tariff.rate_percent is None) != (item.tariff.rate_percent is None) or (
                tariff.rate_percent is not None
                and float(tariff.rate_percent) != item.tariff.rate_percent
            ):
                continue
            if not same_parties(tariff, item.tariff):
                continue  # China's 24% pause is not the United States' 24% pause on Japan
        return candidate
    return None


EARLY_DAYS = 3  # a round held a few days before the period it was planned for is that round
LATE_DAYS = 14  # ... and so is one held up to two weeks after it
NUMBERED_DAYS = 120  # a stated round number finds its plan this far away, not in another year


def find_planned_round(
    item: ExtractedEvent,
    *,
    countries: list[Jurisdiction],
    people: list[Official],
    article: Article,
) -> Event | None:
    """The planned meeting a later article reports on: held, called off, or moved.

    A planned meeting between the same parties (all of them among the report's countries),
    first told by an earlier article, matches when the round numbers stated agree, or, with no
    number stated on one side, when the report's date falls inside the planned period (or near
    it, for a meeting held or called off; a plan moved without a round number is a new plan).
    Numbers stated on both sides that differ never match ("the fourth round" is not the third).
    Among several, the same stated number wins, then the nearest date.
    """
    if item.type != Event.Kind.MEETING or item.date is None or len(countries) < 2:
        return None
    if item.status == Event.Status.SPECULATIVE:
        return None  # talk of a meeting moves no plan
    number = stated_round(span.sentence for span in item.evidence)
    reach = datetime.timedelta(days=NUMBERED_DAYS if number else LATE_DAYS)
    told_before = Evidence.objects.filter(
        event=OuterRef("pk"), article__published__lte=article.published
    ).exclude(article=article)
    # A round hoped for ("both sides hope to meet again before May") and then held is one
    # round; a hope is not a plan that a newer plan moves.
    earlier = [Event.Status.PLANNED]
    if item.status != Event.Status.PLANNED:
        earlier.append(Event.Status.SPECULATIVE)
    candidates = (
        Event.objects.filter(
            kind=Event.Kind.MEETING,
            status__in=earlier,
            date_start__lte=item.date.end + reach,
            date_end__gte=item.date.start - reach,
        )
        .exclude(review_state=Event.ReviewState.REJECTED)
        .filter(Exists(told_before))
        .prefetch_related("jurisdictions", "participants")
    )
    wanted_countries = {c.pk for c in countries}
    wanted_people = {p.pk for p in people}
    found = []
    for candidate in candidates:
        plan = round_of(candidate)
        if not may_be_one_round(plan=plan, report=(wanted_countries, wanted_people, number)):
            continue
        same_number = bool(number and number == candidate.round_number)
        if not same_number and not near_plan(item, candidate):
            continue
        distance = abs((item.date.start - candidate.date_start).days)
        found.append((not same_number, distance, candidate.pk, candidate))
    return min(found, key=lambda match: match[:3])[3] if found else None


def find_later_holding(
    item: ExtractedEvent,
    *,
    countries: list[Jurisdiction],
    people: list[Official],
    article: Article,
) -> Event | None:
    """The meeting a plan (or a hope) came to, when the article that reports it held was ingested first
    (articles arrive in any order): a held or called-off meeting of the same parties, told only
    by later articles, near the planned period and not of another stated round. The plan then
    becomes an earlier claim in its history, as if the articles had come in order."""
    if item.type != Event.Kind.MEETING or item.status not in {
        Event.Status.PLANNED,
        Event.Status.SPECULATIVE,
    }:
        return None
    if item.date is None or len(countries) < 2:
        return None
    number = stated_round(span.sentence for span in item.evidence)
    early = item.date.start - datetime.timedelta(days=EARLY_DAYS)
    late = item.date.end + datetime.timedelta(days=NUMBERED_DAYS if number else LATE_DAYS)
    told_by_then = Evidence.objects.filter(
        event=OuterRef("pk"), article__published__lte=article.published
    )
    candidates = (
        Event.objects.filter(
            kind=Event.Kind.MEETING,
            status__in=[Event.Status.HAPPENED, Event.Status.CANCELLED],
            date_start__gte=early,
            date_start__lte=late,
        )
        .exclude(review_state=Event.ReviewState.REJECTED)
        .exclude(Exists(told_by_then))
        .prefetch_related("jurisdictions", "participants")
        .order_by("date_start", "pk")
    )
    wanted_countries = {c.pk for c in countries}
    wanted_people = {p.pk for p in people}
    plan = (wanted_countries, wanted_people, number)
    for candidate in candidates:
        if may_be_one_round(plan=plan, report=round_of(candidate)):
            return candidate
    return None


Round = tuple[set[int], set[int], int | None]  # parties, people, stated round number


def round_of(event: Event) -> Round:
    """What tells one round from another: its parties, its people, its stated number."""
    return (
        {c.pk for c in event.jurisdictions.all()},
        {p.pk for p in event.participants.all()},
        event.round_number,
    )


def may_be_one_round(*, plan: Round, report: Round) -> bool:
    """A plan and a report may tell one round: the plan's two or more parties are all among
    the report's, their people overlap when both name some, and stated numbers agree."""
    (plan_parties, plan_people, plan_number), (parties, people, number) = plan, report
    if len(plan_parties) < 2 or not plan_parties <= parties:
        return False
    if plan_people and people and not plan_people & people:
        return False
    return not (plan_number and number and plan_number != number)


def near_plan(item: ExtractedEvent, plan: Event) -> bool:
    """The report's date is inside the planned period, or near it for a round held or called
    off (talks "in or after mid-May" held on 23 May)."""
    if item.status == Event.Status.PLANNED:
        return plan.date_start <= item.date.start and item.date.end <= plan.date_end
    early = plan.date_start - datetime.timedelta(days=EARLY_DAYS)
    late = plan.date_end + datetime.timedelta(days=LATE_DAYS)
    return early <= item.date.start <= late


def same_parties(measure: TariffMeasure, extracted: ExtractedTariff) -> bool:
    """Same imposer and same target (or both universal), where the text says who they are."""
    imposing = measure.imposing.name if measure.imposing_id else None
    target = measure.target.name if measure.target_id else None
    if imposing and extracted.imposing_country and imposing != extracted.imposing_country:
        return False
    if measure.applies_to_all != extracted.applies_to_all:
        return False
    return not (target and extracted.target_country and target != extracted.target_country)


def store_details(
    event: Event, item: ExtractedEvent, *, countries: dict[str, Jurisdiction]
) -> None:
    if item.type == Event.Kind.MEETING:
        meeting = Meeting(
            event=event,
            location=item.location[:200],
            duration=datetime.timedelta(minutes=item.duration_minutes)
            if item.duration_minutes
            else None,
            format=item.meeting_format or Meeting.Format.IN_PERSON,
        )
        meeting.full_clean()
        meeting.save()
    if item.type == Event.Kind.TARIFF_MEASURE and item.tariff is not None:
        tariff = item.tariff
        measure = TariffMeasure(
            event=event,
            imposing=countries.get(tariff.imposing_country or ""),
            target=None if tariff.applies_to_all else countries.get(tariff.target_country or ""),
            applies_to_all=tariff.applies_to_all,
            sector=tariff.sector[:100],
            rate_percent=tariff.rate_percent,
            action=tariff.action,
            in_force_from=tariff.in_force_from,
            in_force_to=tariff.in_force_to,
        )
        measure.modifies = measure_modified_by(measure)
        measure.full_clean()
        measure.save()
        link_later_changes(measure)


CHANGES = {"raised", "lowered", "paused", "resumed", "exempted", "removed"}


def same_tariff_line(measure: TariffMeasure):
    """Measures by the same country on the same partner (or on all) for the same sector."""
    if measure.imposing_id is None or (measure.target_id is None and not measure.applies_to_all):
        return TariffMeasure.objects.none()
    return (
        TariffMeasure.objects.filter(
            imposing_id=measure.imposing_id,
            target_id=measure.target_id,
            applies_to_all=measure.applies_to_all,
            sector=measure.sector,
        )
        .exclude(event_id=measure.event_id)
        .exclude(event__review_state=Event.ReviewState.REJECTED)
        .exclude(event__date_start__isnull=True)
    )


def measure_modified_by(measure: TariffMeasure) -> Event | None:
    """The earlier measure a pause, cut or rise changes: "paused the 24% tariff on Japan"."""
    start = measure.event.date_start
    if measure.action not in CHANGES or start is None:
        return None
    earlier = (
        same_tariff_line(measure)
        .filter(event__date_start__lte=start, event__status=Event.Status.HAPPENED)
        .order_by("-event__date_start", "-event_id")
        .select_related("event")
        .first()
    )
    return earlier.event if earlier else None


def link_later_changes(measure: TariffMeasure) -> None:
    """Changes stored before the measure they change (articles come in any order) get it."""
    start = measure.event.date_start
    if start is None:
        return
    for later in (
        same_tariff_line(measure)
        .filter(modifies__isnull=True, action__in=CHANGES, event__date_start__gte=start)
        .select_related("event")
    ):
        later.modifies = measure_modified_by(later)
        later.save(update_fields=["modifies"])
