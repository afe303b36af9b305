from __future__ import annotations

import datetime

import pytest
from django.db import IntegrityError, transaction

from articles.models import Article
from tests.factories import ArticleFactory, EventFactory, EvidenceFactory, OfficialFactory
from timeline.models import Event, Jurisdiction, Official, OfficialRole, TariffMeasure

pytestmark = pytest.mark.django_db


def violates(callable_) -> bool:
    try:
        with transaction.atomic():
            callable_()
    except IntegrityError:
        return True
    return False


def test_countries_loaded_with_short_names_and_aliases():
    assert Jurisdiction.objects.count() > 240
    us = Jurisdiction.objects.get(code="US")
    assert us.name == "United States"
    assert {"U.S.", "America", "American"} <= set(us.alias_list)
    assert Jurisdiction.objects.get(code="KR").name == "South Korea"
    assert Jurisdiction.objects.get(code="EU").is_bloc


def test_reference_officials_have_dated_roles():
    bessent = Official.objects.get(slug="scott-bessent")
    assert bessent.jurisdiction.code == "US"
    role = bessent.role_on(datetime.date(2025, 5, 1))
    assert role is not None and role.title == "Secretary of the Treasury"
    assert bessent.role_on(datetime.date(2024, 5, 1)) is None
    assert "Akazawa" in Official.objects.get(slug="ryosei-akazawa").alias_list


def test_event_dates_must_be_ordered():
    assert violates(
        lambda: EventFactory(
            date_start=datetime.date(2025, 5, 2), date_end=datetime.date(2025, 5, 1)
        )
    )


def test_event_dates_both_or_neither():
    assert violates(lambda: EventFactory(date_start=datetime.date(2025, 5, 2), date_end=None))
    assert not violates(lambda: EventFactory(date_start=None, date_end=None))


def test_event_confidence_between_0_and_1():
    assert violates(lambda: EventFactory(confidence=1.5))


def test_event_kind_must_be_a_choice():
    assert violates(lambda: EventFactory(kind="party"))


def test_tariff_rate_not_negative():
    event = EventFactory(kind=Event.Kind.TARIFF_MEASURE)
    assert violates(lambda: TariffMeasure.objects.create(event=event, rate_percent=-1))


def test_tariff_in_force_ordered():
    event = EventFactory(kind=Event.Kind.TARIFF_MEASURE)
    assert violates(
        lambda: TariffMeasure.objects.create(
            event=event,
            in_force_from=datetime.date(2025, 7, 9),
            in_force_to=datetime.date(2025, 4, 9),
        )
    )


def test_tariff_target_or_all_not_both():
    event = EventFactory(kind=Event.Kind.TARIFF_MEASURE)
    japan = Jurisdiction.objects.get(code="JP")
    assert violates(
        lambda: TariffMeasure.objects.create(event=event, target=japan, applies_to_all=True)
    )


def test_role_start_before_end():
    official = OfficialFactory()
    assert violates(
        lambda: OfficialRole.objects.create(
            official=official,
            title="x",
            start=datetime.date(2025, 2, 1),
            end=datetime.date(2025, 1, 1),
        )
    )


def test_evidence_span_not_empty():
    assert violates(lambda: EvidenceFactory(start_char=10, end_char=10))


def test_article_content_hash_unique():
    ArticleFactory(body="Same text.")
    assert violates(lambda: ArticleFactory(body="Same  text."))


def test_article_url_unique_only_when_present():
    ArticleFactory(url="")
    ArticleFactory(url="")
    ArticleFactory(url="https://example.com/a")
    assert violates(lambda: ArticleFactory(url="https://example.com/a"))
    assert Article.objects.count() == 3


def test_country_code_must_be_alpha2():
    assert violates(lambda: Jurisdiction.objects.create(code="u1", name="Nowhere"))
    assert violates(lambda: Jurisdiction.objects.create(code="us", name="Lowercase"))


def test_visible_hides_proposed_unless_asked():
    EventFactory(review_state=Event.ReviewState.APPROVED)
    EventFactory(review_state=Event.ReviewState.PROPOSED)
    EventFactory(review_state=Event.ReviewState.REJECTED)
    assert Event.objects.visible().count() == 1
    assert Event.objects.visible(include_unreviewed=True).count() == 2


def test_between_selects_overlapping_intervals():
    may = EventFactory(date_start=datetime.date(2025, 5, 11), date_end=datetime.date(2025, 5, 20))
    EventFactory(date_start=datetime.date(2025, 4, 16), date_end=datetime.date(2025, 4, 16))
    assert list(Event.objects.between(datetime.date(2025, 5, 15), datetime.date(2025, 6, 1))) == [
        may
    ]
