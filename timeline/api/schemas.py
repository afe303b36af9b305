"""The API's schemas: what each endpoint takes and returns (the OpenAPI document comes from these)."""

from __future__ import annotations

import datetime
import re
from typing import Annotated

from ninja import Field, Path, Schema
from pydantic import AfterValidator, BeforeValidator

from timeline.filters import MAX_VALUES
from timeline.models import (
    EventKind,
    EventPrecision,
    EventReviewState,
    EventStatus,
    Meeting,
    TariffAction,
)

MAX_ID = 2**63 - 1
MAX_OFFSET = 1_000_000_000
SLUG = r"^[-a-zA-Z0-9_]+$"


def without_nul(value: str) -> str:
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    return value


def iso_day(value: object) -> object:
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("must be a day as YYYY-MM-DD")
    return value


# Any text parameter: databases refuse NUL characters, so they are a client error here.
Text = Annotated[
    str, AfterValidator(without_nul), Field(json_schema_extra={"pattern": "^[^\\u0000]*$"})
]
# Days are ISO 8601 only (pydantic alone would also take a Unix timestamp).
Day = Annotated[datetime.date, BeforeValidator(iso_day)]


# Links to pages and endpoints keep a past view: with `as_of`, they carry it.
SAME_DAY = " In a past view (`as_of`), to the view of that day."


def link_field(description: str):
    return Field(description=description + SAME_DAY)


class Error(Schema):
    detail: str | list[dict] = Field(description="What was wrong, by parameter.")


class CountryRef(Schema):
    code: str = Field(description="ISO 3166-1 alpha-2 (EU for the European Union).")
    name: str


class OfficialRef(Schema):
    slug: str
    name: str


class EventDate(Schema):
    start: datetime.date | None = Field(description="First day of the period.")
    end: datetime.date | None = Field(description="Last day of the period (inclusive).")
    precision: EventPrecision | None = Field(description="How precisely the date is known.")
    text: str = Field(description='The phrase the date came from: "next Thursday".')
    explanation: str
    computed: bool = Field(description="Derived rather than stated (the end of a pause).")


class MeetingOut(Schema):
    location: str
    format: Meeting.Format
    duration_minutes: int | None


class TariffOut(Schema):
    action: TariffAction
    rate_percent: float | None
    imposing: CountryRef | None
    target: CountryRef | None
    applies_to_all: bool
    sector: str
    products: str
    in_force_from: datetime.date | None
    in_force_to: datetime.date | None
    modifies: int | None = Field(
        description="Id of the earlier measure's event (`/api/events/{id}`) this one changes; "
        "in a past view (`as_of`), only if an article had reported it by then."
    )


class ArticleRef(Schema):
    id: int
    title: str
    outlet: str
    url: str = Field(description="Where the article was published.")
    published: datetime.date
    api_url: str = link_field("The article in the API.")


class ClaimOut(Schema):
    status: EventStatus
    date: EventDate
    title: str
    location: str = Field(description="The meeting's place, as the article gave it.")
    rate_percent: float | None = Field(description="A tariff's rate, as the article gave it.")


class EvidenceOut(Schema):
    sentence: str
    start_char: int = Field(description="Offset of the sentence in the article's body.")
    end_char: int
    article: ArticleRef
    claim: ClaimOut | None = Field(
        description="What this article said about the event (its sentences share it). The "
        "event shows the latest article's claim, unless an editor set the values; None for "
        "evidence added by hand."
    )


class EventOut(Schema):
    id: int
    url: str = link_field("The event's page on Parley (canonical).")
    api_url: str = link_field("The event in the API.")
    title: str
    summary: str
    type: EventKind
    status: EventStatus
    review_state: EventReviewState
    date: EventDate
    confidence: float
    countries: list[CountryRef]
    participants: list[OfficialRef]
    meeting: MeetingOut | None
    tariff: TariffOut | None
    evidence: list[EvidenceOut]
    created_at: datetime.datetime
    updated_at: datetime.datetime


class RoleOut(Schema):
    title: str
    organization: str
    start: datetime.date | None
    end: datetime.date | None


class OfficialOut(Schema):
    slug: str
    name: str
    country: CountryRef | None
    is_reviewed: bool
    roles: list[RoleOut]
    url: str = link_field("The person's page on Parley.")
    api_url: str = link_field("The person in the API.")
    events_url: str = link_field("This person's events in the API.")


class CountryOut(Schema):
    code: str
    name: str
    official_name: str
    is_bloc: bool
    url: str = link_field("The country's page on Parley.")
    api_url: str = link_field("The country in the API.")
    events_url: str = link_field("This country's events in the API.")


class ArticleOut(Schema):
    id: int
    title: str
    outlet: str
    url: str = Field(description="Where the article was published.")
    published: datetime.date
    language: str
    api_url: str = link_field("The article in the API.")


class ArticleDetailOut(ArticleOut):
    body: str
    original: str | None = Field(
        description="The input as received; only for editors, with original=true."
    )
    event_ids: list[int] = Field(description="Approved events that cite this article.")


class Page(Schema):
    count: int = Field(description="Number of results across all pages.")
    next: str | None
    previous: str | None


class EventPage(Page):
    results: list[EventOut]


class OfficialPage(Page):
    results: list[OfficialOut]


class CountryPage(Page):
    results: list[CountryOut]


class ArticlePage(Page):
    results: list[ArticleOut]


class EventRef(Schema):
    id: int
    title: str
    type: EventKind
    status: EventStatus
    date: EventDate
    api_url: str = link_field("The event in the API.")


class NegotiationOut(Schema):
    slug: str
    title: str
    subject: str
    parties: list[CountryRef]
    last_activity: datetime.date | None = Field(
        description="The day of the thread's latest event that happened (by `as_of`)."
    )
    next_step: EventRef | None = Field(description="The first event planned from today on.")
    url: str = link_field("The negotiation's page on Parley.")
    api_url: str = link_field("The negotiation in the API.")


class RoundOut(Schema):
    number: int | None = Field(
        description="Stated in the text, or inferred by date; null for a cancelled round or a "
        "plan overtaken by a later round held."
    )
    inferred: bool = Field(description="Numbered by date within the thread, not stated.")
    event: EventRef
    location: str
    participants: list[OfficialRef]


class LeadOut(Schema):
    official: OfficialRef
    role: str | None = Field(description="The title held on the day of the view.")
    events: int = Field(description="Events of the thread this person took part in.")


class PartyOut(Schema):
    country: CountryRef
    leads: list[LeadOut] = Field(description="Lead negotiators: most events in the thread first.")


class DeadlineOut(Schema):
    day: datetime.date
    title: str
    days_left: int
    event: EventRef


class NegotiationDetailOut(NegotiationOut):
    day: datetime.date = Field(description="The day the view is as of (today without as_of).")
    party_leads: list[PartyOut]
    rounds: list[RoundOut]
    agreements: list[EventRef]
    deadline: DeadlineOut | None = Field(description="The nearest deadline from the day on.")
    event_ids: list[int] = Field(description="Every event of the thread, in date order.")


class NegotiationPage(Page):
    results: list[NegotiationOut]


def as_of_field(only: str):
    """The `as_of` parameter: a past view, from the articles published by that day."""
    return Field(None, description=f"A past view (YYYY-MM-DD): only {only}.")


class Pagination(Schema):
    limit: int = Field(50, ge=1, le=500, description="Results per page.")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Results to skip.")


class EventFilters(Pagination):
    country: list[Annotated[str, Field(pattern=r"^[A-Za-z]{2}$")]] = Field(
        [],
        description="ISO alpha-2 code; repeat for events concerning every country given "
        f"(at most {MAX_VALUES} values: more is a 400).",
    )
    official: list[Annotated[str, Field(pattern=SLUG, max_length=200)]] = Field(
        [], description=f"Official's slug; repeatable like country (at most {MAX_VALUES})."
    )
    type: EventKind | None = None
    status: EventStatus | None = None
    from_date: Day | None = Field(
        None, alias="from", description="Events ending on or after this day."
    )
    to: Day | None = Field(None, description="Events starting on or before this day.")
    q: Text | None = Field(None, max_length=500, description="Full-text search; ranks results.")
    unreviewed: bool = Field(False, description="Include events not yet reviewed by an editor.")
    as_of: Day | None = as_of_field(
        "events reported by articles published on or before this day, each with only those "
        "articles' evidence"
    )


class AsOf(Schema):
    as_of: Day | None = as_of_field("what articles published on or before this day reported")


class PastView(AsOf):
    unreviewed: bool = Field(False, description="Include events not yet reviewed by an editor.")


class NegotiationFilters(Pagination, PastView):
    pass


class ListFilters(Pagination):
    unreviewed: bool = Field(False, description="Include officials not yet reviewed.")
    as_of: Day | None = as_of_field(
        "officials on an event reported by articles published on or before this day"
    )


class CountryFilters(Pagination):
    as_of: Day | None = as_of_field(
        "countries on an event reported by articles published on or before this day"
    )


class ArticleFilters(Pagination):
    q: Text | None = Field(None, max_length=500, description="Full-text search; ranks results.")
    outlet: Text | None = Field(None, max_length=200)
    from_date: Day | None = Field(None, alias="from", description="Published on or after.")
    to: Day | None = Field(None, description="Published on or before.")
    as_of: Day | None = as_of_field("articles published on or before this day")


class ArticleOptions(AsOf):
    original: bool = Field(
        False,
        description="Include the input exactly as it was received (editors only: a 403 "
        "for anyone else).",
    )


EventId = Annotated[int, Path(ge=1, le=MAX_ID)]
ArticleId = Annotated[int, Path(ge=1, le=MAX_ID)]
Slug = Annotated[str, Path(pattern=SLUG, max_length=200)]
CountryCode = Annotated[str, Path(pattern=r"^[A-Za-z]{2}$")]
ERRORS = {400: Error, 404: Error, 422: Error}
