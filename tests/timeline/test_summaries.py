"""A country's summary (its events counted, partners, chart series in the public view) follows
every change of what it counts, however it is written; the page reads it, and reads the same
as the page worked out from the events."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from django.core.cache import cache
from django.core.management import call_command

from articles.extraction.types import EvidenceSpan, ExtractedEvent, ExtractedTariff
from articles.services.events import store_extraction
from tests.factories import (
    HELD,
    ArticleFactory,
    EventFactory,
    OfficialFactory,
    TariffMeasureFactory,
    reported,
)
from timeline import summaries
from timeline.caching import one_bump
from timeline.models import CountrySummary, Event, EventCountry, Jurisdiction, Meeting

pytestmark = pytest.mark.django_db

D = datetime.date
CODES = ("JP", "US", "CN", "SE", "KR")


def country(code: str) -> Jurisdiction:
    return Jurisdiction.objects.get(code=code)


def page(client, code: str, **params) -> bytes:
    cache.clear()  # summaries are not watched by the page cache: they change with what is
    response = client.get(f"/countries/{code.lower()}/", params)
    assert response.status_code == 200
    return response.content


def assert_in_step(client, *codes: str) -> None:
    """Each country's stored summary is what its events give now, and its page is the same
    byte for byte with the summary and without (worked out from the events)."""
    for code in codes:
        stored = CountrySummary.objects.get(country__code=code)
        fresh = summaries.summarize(country(code))
        assert (stored.events, stored.partners, stored.series) == (
            fresh.events,
            fresh.partners,
            fresh.series,
        ), code
        summarized = page(client, code)
        CountrySummary.objects.filter(pk=stored.pk).delete()
        assert page(client, code) == summarized, code
        stored.save()


def meeting(*codes: str, **fields) -> Event:
    event = EventFactory(**fields)
    event.jurisdictions.add(*[country(code) for code in codes])
    return event


def tariff(imposing: str, target: str | None, rate: int, day: D, **fields) -> Event:
    measure = TariffMeasureFactory(
        imposing=country(imposing),
        target=country(target) if target else None,
        rate_percent=rate,
        in_force_from=day,
        event__date_start=day,
        event__date_end=day,
        **fields,
    )
    codes = [imposing, target] if target else [imposing]
    measure.event.jurisdictions.add(*[country(code) for code in codes])
    return measure.event


@pytest.fixture
def talks() -> dict[str, Event]:
    """Japan and the United States meet twice and trade tariffs; the US and China meet in
    Stockholm (Sweden is the venue, no party); Japan and South Korea meet once; a meeting of
    Japan and China awaits review."""
    events = {
        "first": meeting("JP", "US", date_start=D(2025, 4, 16)),
        "second": meeting("JP", "US", date_start=D(2025, 5, 23)),
        "korea": meeting("JP", "KR", date_start=D(2025, 6, 2)),
        "levy": tariff("US", "JP", 24, D(2025, 4, 9)),
        "raise": tariff("US", "JP", 25, D(2025, 7, 7)),
        "reply": tariff("JP", "US", 10, D(2025, 8, 1)),
        "proposed": meeting("JP", "CN", review_state=Event.ReviewState.PROPOSED),
    }
    stockholm = meeting("US", "CN", "SE", date_start=D(2025, 7, 28))
    stockholm.participants.add(OfficialFactory(), OfficialFactory(jurisdiction=country("CN")))
    Meeting.objects.create(event=stockholm, location="Stockholm")
    events["stockholm"] = stockholm
    return events


def test_summary_counts_events_partners_and_the_chart(talks):
    japan = CountrySummary.objects.get(country__code="JP")
    assert japan.events == 6
    assert [(code, shared) for _, code, _, shared in japan.partners] == [("US", 5), ("KR", 1)]
    assert [label for label, _ in japan.series] == [
        "United States on Japan · all goods",
        "Japan on United States · all goods",
    ]
    sweden = CountrySummary.objects.get(country__code="SE")
    assert (sweden.events, sweden.partners) == (1, [])  # the venue: on the event, no party


def test_country_page_reads_the_summary_in_the_public_view(client, talks):
    CountrySummary.objects.filter(country__code="JP").update(
        events=1, partners=[[0, "ZZ", "Nowhere", 99]]
    )
    text = page(client, "JP").decode()
    assert "1 event ·" in text and "Japan and Nowhere" in text


@pytest.mark.parametrize(
    "params", [{"unreviewed": "1"}, {"as_of": "2025-12-01"}], ids=["unreviewed", "as_of"]
)
def test_other_views_read_the_events(client, talks, params):
    CountrySummary.objects.filter(country__code="JP").update(partners=[[0, "ZZ", "Nowhere", 99]])
    for event in talks.values():
        reported(event, D(2025, 9, 1))
    text = page(client, "JP", **params).decode()
    assert "Nowhere" not in text and "Japan and United States" in text


def test_an_editor_reads_the_events(admin_client, talks):
    CountrySummary.objects.filter(country__code="JP").update(partners=[[0, "ZZ", "Nowhere", 99]])
    text = page(admin_client, "JP").decode()
    assert "Nowhere" not in text and "Japan and United States" in text


def test_a_summarized_page_is_a_fixed_number_of_queries(client, talks, django_assert_num_queries):
    cache.clear()
    # data version, the country with its summary, negotiations, the page of events and its
    # two prefetches (from the events: the chart, the partners and the count besides)
    with django_assert_num_queries(6):
        client.get("/countries/jp/")
    CountrySummary.objects.all().delete()
    cache.clear()
    with django_assert_num_queries(9):
        client.get("/countries/jp/")


def edit_dates_and_status(talks):
    levy = talks["raise"]
    levy.date_start = levy.date_end = D(2025, 3, 1)
    levy.status = Event.Status.PLANNED
    levy.save()


def move_a_tariff(talks):
    measure = talks["levy"].tariff
    measure.target = country("CN")
    measure.save()


def tariff_on_everyone(talks):
    TariffMeasureFactory(
        imposing=country("CN"), target=None, applies_to_all=True, rate_percent=15
    ).event.jurisdictions.add(country("CN"))


def rename_a_country(talks):
    korea = country("KR")
    korea.name = "Republic of Korea"
    korea.save()


def a_person_changes_country(talks):
    person = talks["stockholm"].participants.get(jurisdiction__code="CN")
    person.jurisdiction = country("SE")
    person.save()


def a_venue_named(talks):
    Meeting.objects.create(event=talks["korea"], location="South Korea")


def a_meeting_becomes_a_statement(talks):
    talks["stockholm"].kind = Event.Kind.STATEMENT
    talks["stockholm"].save(update_fields=["kind"])


CHANGES: dict[str, Callable[[dict[str, Event]], object]] = {
    "approved": lambda talks: talks["proposed"].approve(),
    "rejected": lambda talks: talks["second"].reject(),
    "dates_and_status_edited": edit_dates_and_status,
    "rate_edited": lambda talks: _save_rate(talks, 30),
    "tariff_moved_to_another_country": move_a_tariff,
    "tariff_deleted": lambda talks: talks["raise"].tariff.delete(),
    "tariff_on_all_trading_partners": tariff_on_everyone,
    "country_removed": lambda talks: talks["korea"].jurisdictions.remove(country("KR")),
    "countries_cleared": lambda talks: talks["second"].jurisdictions.clear(),
    "country_cleared_from_its_events": lambda talks: country("KR").events.clear(),
    "country_added_from_its_side": lambda talks: country("CN").events.add(talks["first"]),
    "link_row_deleted": lambda talks: EventCountry.objects.get(
        event=talks["first"], jurisdiction__code="US"
    ).delete(),
    "link_row_moved": lambda talks: _move_link(talks),
    "event_deleted": lambda talks: talks["stockholm"].delete(),
    "country_renamed": rename_a_country,
    "person_changes_country": a_person_changes_country,
    "people_cleared": lambda talks: talks["stockholm"].participants.clear(),
    "venue_named": a_venue_named,
    "kind_changed": a_meeting_becomes_a_statement,
}


def _save_rate(talks, rate):
    measure = talks["reply"].tariff
    measure.rate_percent = rate
    measure.save()


def _move_link(talks):
    link = EventCountry.objects.get(event=talks["korea"], jurisdiction__code="KR")
    link.jurisdiction = country("CN")
    link.save()


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_summaries_follow_the_change(client, talks, change):
    before = {s.pk: (s.events, s.partners, s.series) for s in CountrySummary.objects.all()}
    change(talks)
    after = {s.pk: (s.events, s.partners, s.series) for s in CountrySummary.objects.all()}
    assert after != before  # each change shows on some country's page
    assert_in_step(client, *CODES)


def test_summaries_follow_extraction_merging_and_re_extraction(client, talks):
    sentence = "Japan set a 20 percent tariff on U.S. cars."
    levy = ExtractedEvent(
        type="tariff_measure",
        title="Japan tariff on U.S. cars",
        date=HELD,
        status="happened",
        countries=("Japan", "United States"),
        tariff=ExtractedTariff(20, "Japan", "United States", sector="autos"),
        evidence=(EvidenceSpan(sentence, 0, len(sentence)),),
    )
    first = ArticleFactory(published=D(2025, 5, 23), body=sentence)
    store_extraction(first, [levy])
    second = ArticleFactory(published=D(2025, 5, 24), body=f"{sentence} Again.")
    store_extraction(second, [levy])  # the same event, merged
    event = Event.objects.get(tariff__sector="autos")
    event.approve()
    assert_in_step(client, *CODES)
    assert "Japan on United States · autos" in [
        label for label, _ in CountrySummary.objects.get(country__code="US").series
    ]
    store_extraction(first, [])  # re-extracted: the first article no longer tells it
    store_extraction(second, [])
    assert_in_step(client, *CODES)


def test_writes_in_one_block_are_summarized_once_at_its_end(talks, monkeypatch):
    calls = []
    real = summaries.summarize_countries
    monkeypatch.setattr(summaries, "summarize_countries", lambda c: calls.append(c) or real(c))
    with one_bump():
        talks["first"].reject()
        talks["korea"].reject()
        assert calls == []
        assert CountrySummary.objects.get(country__code="KR").events == 1  # not yet
    assert len(calls) == 1 and set(calls[0]) == {country(c).pk for c in ("JP", "US", "KR")}
    assert CountrySummary.objects.get(country__code="KR").events == 0


def test_summarize_countries_builds_every_summary(client, talks):
    CountrySummary.objects.all().delete()
    call_command("summarize_countries", "--dry-run", verbosity=0)
    assert not CountrySummary.objects.exists()
    call_command("summarize_countries", verbosity=0)
    assert CountrySummary.objects.count() == Jurisdiction.objects.count()
    assert_in_step(client, *CODES)
