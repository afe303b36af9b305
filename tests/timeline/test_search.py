from __future__ import annotations

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.models import Article
from tests.factories import ArticleFactory, EventFactory, EvidenceFactory
from timeline.models import Event
from timeline.search import highlight, search_articles, search_events

pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL full-text search"
)
on_sqlite = pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite fallback")


def titles(queryset) -> list[str]:
    return [event.title for event in queryset]


@pytest.fixture
def events() -> dict[str, Event]:
    talks = EventFactory(title="Akazawa and Bessent hold tariff talks", summary="")
    summary = EventFactory(title="Second round", summary="Both sides discussed tariffs on cars.")
    quoted = EventFactory(title="Phone call", summary="")
    EvidenceFactory(event=quoted, sentence="Officials said tariff relief was not discussed.")
    other = EventFactory(title="Steel quota agreed", summary="A quota for steel.")
    return {"talks": talks, "summary": summary, "quoted": quoted, "other": other}


def test_search_events_matches_title_summary_and_evidence(events):
    found = search_events(Event.objects.all(), "tariff")
    assert set(titles(found)) == {
        "Akazawa and Bessent hold tariff talks",
        "Second round",
        "Phone call",
    }


def test_search_events_ranks_title_above_summary_above_evidence(events):
    found = titles(search_events(Event.objects.all(), "tariff"))
    assert found == ["Akazawa and Bessent hold tariff talks", "Second round", "Phone call"]


def test_search_events_requires_every_term(events):
    assert titles(search_events(Event.objects.all(), "tariff Bessent")) == [
        "Akazawa and Bessent hold tariff talks"
    ]


def test_search_events_matches_partial_words_as_typed(events):
    assert titles(search_events(Event.objects.all(), "Akaza")) == [
        "Akazawa and Bessent hold tariff talks"
    ]


def test_search_events_annotates_rank(events):
    ranks = [event.search_rank for event in search_events(Event.objects.all(), "tariff")]
    assert ranks == sorted(ranks, reverse=True)
    assert ranks[0] > ranks[-1] > 0


def test_search_events_returns_each_event_once(events):
    EvidenceFactory(event=events["talks"], sentence="More tariff talk.")
    EvidenceFactory(
        event=events["talks"], sentence="Tariff talk again.", start_char=50, end_char=68
    )
    found = list(search_events(Event.objects.all(), "tariff"))
    assert len(found) == len({event.pk for event in found}) == 3


def test_search_events_without_terms_leaves_queryset_alone(events):
    queryset = Event.objects.filter(title__startswith="S")
    assert search_events(queryset, " .. ' ") is queryset


def test_search_events_keeps_earlier_filters(events):
    queryset = Event.objects.exclude(pk=events["talks"].pk)
    assert "Akazawa and Bessent hold tariff talks" not in titles(search_events(queryset, "tariff"))


@on_postgresql
def test_search_events_stems_english_words(events):
    negotiating = EventFactory(title="Negotiating continues", summary="")
    assert list(search_events(Event.objects.all(), "negotiations")) == [negotiating]


@on_postgresql
def test_search_events_uses_gin_indexes(events):
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    plan = search_events(Event.objects.all(), "tariff").explain()
    assert "event_search_gin" in plan
    assert "evidence_search_gin" in plan


@on_postgresql
def test_search_articles_uses_gin_index():
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    assert "article_search_gin" in search_articles(Article.objects.all(), "tariff").explain()


@on_sqlite
def test_search_migration_adds_no_index_on_sqlite():
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
        names = {row[0] for row in cursor.fetchall()}
    assert not {name for name in names if name.endswith("_search_gin")}


def test_search_articles_ranks_title_above_body():
    in_body = ArticleFactory(title="Weekly roundup", body="Officials met about tariffs on cars.")
    in_title = ArticleFactory(title="Tariffs on cars", body="Officials met on Monday.")
    ArticleFactory(title="Weather", body="Sunny.")
    assert list(search_articles(Article.objects.all(), "tariffs")) == [in_title, in_body]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(alphabet=st.characters(exclude_characters="\x00"), max_size=60))
def test_search_events_accepts_any_text(events, query):
    list(search_events(Event.objects.all(), query))
    list(search_articles(Article.objects.all(), query))


def test_highlight_marks_terms_case_insensitively():
    assert highlight("Tariff talks on tariffs", "tariff") == (
        "<mark>Tariff</mark> talks on <mark>tariffs</mark>"
    )


def test_highlight_marks_word_forms_the_search_finds():
    assert highlight("one tariff", "tariffs") == "one <mark>tariff</mark>"
    assert highlight("negotiating", "negotiations") == "<mark>negotiating</mark>"


def test_highlight_marks_only_word_starts():
    assert highlight("the star", "tar") == "the star"


def test_highlight_escapes_text_and_never_breaks_entities():
    assert highlight("<b>AT&T</b> amp", "amp") == "&lt;b&gt;AT&amp;T&lt;/b&gt; <mark>amp</mark>"


def test_highlight_without_terms_escapes():
    assert highlight("<i>x</i>", "  ") == "&lt;i&gt;x&lt;/i&gt;"


# The same results on SQLite (FTS5) and PostgreSQL (GIN): these run on both backends in CI.


@pytest.fixture
def corpus() -> None:
    talks = EventFactory(title="Akazawa and Bessent hold tariff talks", summary="")
    EvidenceFactory(event=talks, sentence="The talks ran late.")
    EventFactory(title="Second round", summary="Both sides discussed tariffs on cars.")
    quoted = EventFactory(title="Phone call", summary="")
    EvidenceFactory(event=quoted, sentence="Officials said tariff relief was not discussed.")
    split = EventFactory(title="Steel quota agreed", summary="A quota for steel.")
    EvidenceFactory(
        event=split, sentence="Negotiators spoke about autos.", start_char=0, end_char=30
    )
    EvidenceFactory(event=split, sentence="Tariff cuts came later.", start_char=40, end_char=63)
    EventFactory(title="Negotiating continues in Geneva", summary="")
    EventFactory(title="U.S. statement on export controls", summary="")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "tariff",
            {
                "Akazawa and Bessent hold tariff talks",
                "Second round",
                "Phone call",
                "Steel quota agreed",
            },
        ),
        (
            "tariffs",
            {
                "Akazawa and Bessent hold tariff talks",
                "Second round",
                "Phone call",
                "Steel quota agreed",
            },
        ),
        ("TARIFF talks", {"Akazawa and Bessent hold tariff talks"}),
        ("akaza", {"Akazawa and Bessent hold tariff talks"}),
        ("tariff relief", {"Phone call"}),  # in one evidence sentence
        ("tariff autos", set()),  # in two sentences of one event: no single place has both
        ("steel quota", {"Steel quota agreed"}),  # title and summary together
        ("cars discussed", {"Second round"}),
        ("negotiations", {"Negotiating continues in Geneva", "Steel quota agreed"}),
        ("geneva negotiating", {"Negotiating continues in Geneva"}),
        ("export control", {"U.S. statement on export controls"}),
        ("ran late", {"Akazawa and Bessent hold tariff talks"}),
        ("bessent quota", set()),
        ("zzz", set()),
    ],
)
def test_search_events_finds_the_same_events_on_every_backend(corpus, query, expected):
    assert set(titles(search_events(Event.objects.all(), query))) == expected


def test_search_events_ranks_alike_on_every_backend(corpus):
    found = titles(search_events(Event.objects.all(), "tariff"))
    assert found[0] == "Akazawa and Bessent hold tariff talks"  # in the title
    assert found[1] == "Second round"  # in the summary
    assert set(found[2:]) == {"Phone call", "Steel quota agreed"}  # in evidence only


@on_sqlite
def test_fts_follows_edits_deletes_and_bulk_inserts(events):
    talks = events["talks"]
    talks.title = "Akazawa and Bessent hold steel talks"
    talks.save()
    assert "Akazawa and Bessent hold steel talks" not in titles(
        search_events(Event.objects.all(), "tariff")
    )
    assert titles(search_events(Event.objects.all(), "steel talks")) == [talks.title]
    events["quoted"].evidence.all().delete()
    assert "Phone call" not in titles(search_events(Event.objects.all(), "relief"))
    Event.objects.bulk_create([Event(title="Bulk tariff entry", date_start=None, date_end=None)])
    assert "Bulk tariff entry" in titles(search_events(Event.objects.all(), "tariff"))


@on_sqlite
def test_fts_triggers_come_back_after_a_table_rebuild(events):
    from timeline.fts import ensure_sqlite_fts

    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER timeline_event_fts_insert")
    ensure_sqlite_fts(connection)
    EventFactory(title="Tariff after the rebuild", summary="")
    assert "Tariff after the rebuild" in titles(search_events(Event.objects.all(), "tariff"))
