"""Each country and person the pipeline puts on an event keeps the earliest article that named
it there, whatever order the articles arrive in; an editor's links keep none.

Stored through `store_extraction` with hand-made extracted events (no NLP: fast).
"""

from __future__ import annotations

import datetime

import pytest

from articles.extraction.dates import ResolvedDate
from articles.extraction.types import EvidenceSpan, ExtractedEvent
from articles.services.events import store_extraction
from tests.factories import ArticleFactory
from timeline.models import Event, EventCountry, EventParticipant, Jurisdiction

pytestmark = pytest.mark.django_db

D = datetime.date
MAY_23 = ResolvedDate(D(2025, 5, 23), D(2025, 5, 23), "day", "Friday", "Friday before")
TWO = ("Japan", "United States")
THREE = ("Japan", "South Korea", "United States")


def talks(countries=TWO, participants=("Ryosei Akazawa",)) -> ExtractedEvent:
    sentence = "The two sides met."
    return ExtractedEvent(
        type="meeting",
        title="Japan–United States talks",
        date=MAY_23,
        status="happened",
        countries=countries,
        participants=participants,
        evidence=(EvidenceSpan(sentence, 0, len(sentence)),),
    )


def told(published: datetime.date, item: ExtractedEvent):
    body = f"The two sides met. Reported on {published:%d %B}."  # each article its own text
    article = ArticleFactory(published=published, body=body)
    store_extraction(article, [item])
    return article


def told_by(**where) -> int | None:
    return EventCountry.objects.get(**where).article_id


def test_links_keep_the_article_that_named_them():
    first = told(D(2025, 5, 23), talks())
    later = told(D(2025, 5, 24), talks(THREE, ("Ryosei Akazawa", "Scott Bessent")))
    event = Event.objects.get()
    assert told_by(event=event, jurisdiction__code="JP") == first.pk
    assert told_by(event=event, jurisdiction__code="KR") == later.pk
    people = dict(
        EventParticipant.objects.filter(event=event).values_list("official__slug", "article")
    )
    assert people == {"ryosei-akazawa": first.pk, "scott-bessent": later.pk}


def test_an_earlier_article_arriving_later_takes_the_links_it_named():
    later = told(D(2025, 5, 24), talks(THREE))
    earlier = told(D(2025, 5, 23), talks())
    event = Event.objects.get()
    assert told_by(event=event, jurisdiction__code="JP") == earlier.pk
    assert told_by(event=event, jurisdiction__code="KR") == later.pk


def test_an_article_told_again_keeps_its_links():
    article = told(D(2025, 5, 23), talks())
    store_extraction(article, [talks()])  # re-extraction
    assert set(EventCountry.objects.values_list("article", flat=True)) == {article.pk}


def test_the_pipeline_leaves_an_editors_link_theirs():
    told(D(2025, 5, 24), talks())
    event = Event.objects.get()
    EventCountry.objects.filter(event=event, jurisdiction__code="JP").update(article=None)
    told(D(2025, 5, 23), talks())
    assert told_by(event=event, jurisdiction__code="JP") is None


def test_past_view_of_stored_events_shows_the_links_known_then():
    told(D(2025, 5, 23), talks())
    told(D(2025, 5, 24), talks(THREE, ("Ryosei Akazawa", "Scott Bessent")))
    Event.objects.get().approve()
    then = Event.objects.known_on(D(2025, 5, 23)).for_listing().get()
    assert [c.name for c in then.jurisdictions.all()] == ["Japan", "United States"]
    assert [p.full_name for p in then.participants.all()] == ["Ryosei Akazawa"]
    now = Event.objects.for_listing().get()
    assert [c.name for c in now.jurisdictions.all()] == list(THREE)
    korea = Jurisdiction.objects.get(code="KR")
    assert not Event.objects.known_on(D(2025, 5, 23)).concerning(korea).exists()
    assert Event.objects.known_on(D(2025, 5, 24)).concerning(korea).exists()


def test_deleting_the_article_that_first_named_a_link_hands_it_to_the_next_one():
    first = told(D(2025, 5, 23), talks())
    later = told(D(2025, 5, 24), talks(THREE, ("Ryosei Akazawa", "Scott Bessent")))
    event = Event.objects.get()
    first.delete()
    assert told_by(event=event, jurisdiction__code="JP") == later.pk  # later names Japan too
    people = set(EventParticipant.objects.filter(event=event).values_list("article", flat=True))
    assert people == {later.pk}


def test_a_link_only_a_deleted_article_named_goes_with_it():
    told(D(2025, 5, 23), talks())
    later = told(D(2025, 5, 24), talks(THREE))
    event = Event.objects.get()
    later.delete()
    assert not EventCountry.objects.filter(event=event, jurisdiction__code="KR").exists()
