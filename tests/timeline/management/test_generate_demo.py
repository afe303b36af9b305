from __future__ import annotations

import pytest
from django.core.management import call_command

from articles.models import Article
from timeline.management.commands.generate_demo import MARKER, OUTLET
from timeline.models import Event, EventCountry, Evidence, TariffMeasure

pytestmark = pytest.mark.django_db


def synthetic():
    return Event.objects.filter(merge_key__startswith=MARKER)


def test_generate_demo_creates_events_with_countries_officials_and_evidence():
    call_command("generate_demo", events=45, verbosity=0)
    assert synthetic().count() == 45
    assert all(e.jurisdictions.count() == 2 for e in synthetic())
    assert not synthetic().filter(participants=None).exists()
    for evidence in Evidence.objects.select_related("article"):
        assert evidence.article.body[evidence.start_char : evidence.end_char] == evidence.sentence
    tariffs = synthetic().filter(kind=Event.Kind.TARIFF_MEASURE).count()
    assert TariffMeasure.objects.count() == tariffs
    assert Article.objects.filter(outlet=OUTLET).count() == 3  # 20 events per article


def test_generate_demo_tops_up_instead_of_doubling_and_clears():
    call_command("generate_demo", events=10, verbosity=0)
    call_command("generate_demo", events=10, verbosity=0)
    assert synthetic().count() == 10
    call_command("generate_demo", events=25, verbosity=0)
    assert synthetic().count() == 25
    assert len(set(synthetic().values_list("merge_key", flat=True))) == 25
    call_command("generate_demo", events=5, clear=True, verbosity=0)
    assert synthetic().count() == 5


def test_generate_demo_dry_run_writes_nothing(capsys):
    call_command("generate_demo", events=10, dry_run=True)
    assert synthetic().count() == 0
    assert "Would create 10 synthetic events" in capsys.readouterr().out


def test_generate_demo_marks_which_countries_are_parties():
    call_command("generate_demo", events=200, verbosity=0)  # bulk: no signals
    links = EventCountry.objects.filter(event__in=synthetic())
    stored = set(links.filter(is_party=False).values_list("pk", flat=True))
    links.update(is_party=True)
    links.mark_parties()
    assert set(links.filter(is_party=False).values_list("pk", flat=True)) == stored
