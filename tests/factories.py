from __future__ import annotations

import datetime

import factory
from factory.django import DjangoModelFactory
from faker import Faker

from articles.extraction.dates import ResolvedDate
from articles.extraction.types import EvidenceSpan, ExtractedEvent
from articles.models import Article
from timeline.models import (
    Event,
    Evidence,
    Jurisdiction,
    Meeting,
    Negotiation,
    Official,
    TariffMeasure,
)


class ArticleFactory(DjangoModelFactory):
    class Meta:
        model = Article

    outlet = "Test Wire"
    title = factory.Faker("sentence", nb_words=6)
    published = datetime.date(2025, 5, 1)
    body = factory.Faker("paragraph", nb_sentences=5)
    original = factory.LazyAttribute(lambda a: a.body)


UNIQUE_NAMES = Faker()


class OfficialFactory(DjangoModelFactory):
    class Meta:
        model = Official

    # Unique names: two "Robert Watkins" in one batch would share a slug.
    full_name = factory.LazyFunction(lambda: UNIQUE_NAMES.unique.name())
    jurisdiction = factory.LazyFunction(lambda: Jurisdiction.objects.get(code="US"))
    is_reviewed = True


class EventFactory(DjangoModelFactory):
    class Meta:
        model = Event

    kind = Event.Kind.MEETING
    title = factory.Faker("sentence", nb_words=5)
    date_start = datetime.date(2025, 4, 16)
    date_end = factory.LazyAttribute(lambda e: e.date_start)
    date_precision = Event.Precision.DAY
    review_state = Event.ReviewState.APPROVED


class EvidenceFactory(DjangoModelFactory):
    class Meta:
        model = Evidence

    event = factory.SubFactory(EventFactory)
    article = factory.SubFactory(ArticleFactory)
    sentence = factory.LazyAttribute(lambda e: e.article.body[:40])
    start_char = 0
    end_char = 40


class TariffMeasureFactory(DjangoModelFactory):
    class Meta:
        model = TariffMeasure

    event = factory.SubFactory(EventFactory, kind=Event.Kind.TARIFF_MEASURE)
    imposing = factory.LazyFunction(lambda: Jurisdiction.objects.get(code="US"))
    target = factory.LazyFunction(lambda: Jurisdiction.objects.get(code="JP"))
    rate_percent = 24
    action = TariffMeasure.Action.IMPOSED


def reported(event: Event, published: datetime.date) -> Event:
    """The event, with evidence from an article published on that day."""
    EvidenceFactory(event=event, article=ArticleFactory(published=published))
    return event


def thread_round(
    negotiation: Negotiation,
    start: datetime.date,
    *,
    published: datetime.date | None = None,
    place: str = "Washington",
    **fields,
) -> Event:
    """A Japan–United States meeting of Akazawa and Bessent in the thread, reported on
    `published` (the meeting's day by default)."""
    event = EventFactory(negotiation=negotiation, date_start=start, **fields)
    event.jurisdictions.set(Jurisdiction.objects.filter(code__in=["JP", "US"]))
    event.participants.set(Official.objects.filter(slug__in=["ryosei-akazawa", "scott-bessent"]))
    Meeting.objects.create(event=event, location=place)
    return reported(event, published or start)


MID_MAY = ResolvedDate(
    datetime.date(2025, 5, 11), datetime.date(2025, 5, 20), "range", "mid-May", "11th-20th"
)
HELD = ResolvedDate(
    datetime.date(2025, 5, 23), datetime.date(2025, 5, 23), "day", "Friday", "Friday before"
)


def extracted_meeting(status: str, date: ResolvedDate, **fields) -> ExtractedEvent:
    """A Japan–United States meeting as the pipeline would hand it to `store_extraction`."""
    sentence = "Japan and the United States held talks."
    return ExtractedEvent(
        type="meeting",
        title=fields.pop("title", "Japan–United States talks"),
        date=date,
        status=status,
        countries=("Japan", "United States"),
        evidence=(EvidenceSpan(sentence, 0, len(sentence)),),
        **fields,
    )


def event_admin_form(event: Event, **changes) -> dict:
    """The admin change form of an event, as an editor would submit it (no inline rows; see
    `link_rows` for countries and participants)."""
    form = {
        "kind": event.kind,
        "title": event.title,
        "summary": event.summary,
        "status": event.status,
        "review_state": event.review_state,
        "date_start": event.date_start.isoformat(),
        "date_end": event.date_end.isoformat(),
        "date_precision": event.date_precision,
        "date_text": "",
        "date_explanation": "",
        "confidence": "1",
        "country_links-TOTAL_FORMS": "0",
        "country_links-INITIAL_FORMS": "0",
        "participant_links-TOTAL_FORMS": "0",
        "participant_links-INITIAL_FORMS": "0",
        "meeting-TOTAL_FORMS": "0",
        "meeting-INITIAL_FORMS": "0",
        "tariff-TOTAL_FORMS": "0",
        "tariff-INITIAL_FORMS": "0",
        "evidence-TOTAL_FORMS": "0",
        "evidence-INITIAL_FORMS": "0",
    }
    return form | changes


def link_rows(prefix: str, column: str, pks: list[int]) -> dict:
    """New rows of the admin's country (`country_links`, `jurisdiction`) or participant
    (`participant_links`, `official`) inline, for `event_admin_form`."""
    rows = {f"{prefix}-{i}-{column}": str(pk) for i, pk in enumerate(pks)}
    return {f"{prefix}-TOTAL_FORMS": str(len(pks)), **rows}
