from __future__ import annotations

import datetime

import jsonschema
import pytest

from articles.models import Article
from tests.factories import ArticleFactory, EventFactory, EvidenceFactory
from timeline.models import Event, Jurisdiction, Meeting, Official, TariffMeasure

pytestmark = pytest.mark.django_db


@pytest.fixture
def openapi(client) -> dict:
    return client.get("/api/openapi.json").json()


def assert_matches_schema(openapi: dict, path: str, response, status: int = 200) -> None:
    """The response body is valid against the schema the OpenAPI document gives for it."""
    assert response.status_code == status, response.content
    content = openapi["paths"][path]["get"]["responses"][str(status)]["content"]
    schema = {**content["application/json"]["schema"], "components": openapi["components"]}
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    validator.validate(response.json())


@pytest.fixture
def events() -> dict[str, Event]:
    japan, usa, china = (Jurisdiction.objects.get(code=c) for c in ("JP", "US", "CN"))
    akazawa = Official.objects.get(slug="ryosei-akazawa")
    bessent = Official.objects.get(slug="scott-bessent")
    talks = EventFactory(
        title="Akazawa meets Bessent in Washington",
        date_start=datetime.date(2025, 4, 16),
        date_text="Wednesday",
    )
    talks.jurisdictions.set([japan, usa])
    talks.participants.set([akazawa, bessent])
    Meeting.objects.create(
        event=talks, location="Washington", duration=datetime.timedelta(minutes=50)
    )
    article = ArticleFactory(
        outlet="Kyodo News",
        url="https://example.com/kyodo/1",
        body="Akazawa met Bessent in Washington on Wednesday. More text.",
        original="<html>raw input</html>",
    )
    EvidenceFactory(
        event=talks,
        article=article,
        sentence="Akazawa met Bessent in Washington on Wednesday.",
        start_char=0,
        end_char=47,
    )
    tariff = EventFactory(
        kind=Event.Kind.TARIFF_MEASURE,
        title="United States imposes 24% tariff on Japan",
        date_start=datetime.date(2025, 4, 9),
    )
    tariff.jurisdictions.set([usa, japan])
    TariffMeasure.objects.create(
        event=tariff, imposing=usa, target=japan, rate_percent="24.00", sector="all goods"
    )
    planned = EventFactory(
        title="China talks planned",
        status=Event.Status.PLANNED,
        date_start=datetime.date(2025, 6, 1),
        date_end=datetime.date(2025, 6, 30),
        date_precision=Event.Precision.MONTH,
    )
    planned.jurisdictions.set([china, usa])
    proposed = EventFactory(title="Unreviewed extraction", review_state=Event.ReviewState.PROPOSED)
    rejected = EventFactory(title="Rejected extraction", review_state=Event.ReviewState.REJECTED)
    return {
        "talks": talks,
        "tariff": tariff,
        "planned": planned,
        "proposed": proposed,
        "rejected": rejected,
        "article": article,
    }


def titles(response) -> list[str]:
    return [event["title"] for event in response.json()["results"]]


def test_api_openapi_document_describes_every_endpoint(openapi):
    assert openapi["openapi"].startswith("3.")
    assert {
        "/api/events",
        "/api/events/{event_id}",
        "/api/officials",
        "/api/officials/{slug}",
        "/api/countries",
        "/api/countries/{code}",
        "/api/articles",
        "/api/articles/{article_id}",
    } <= set(openapi["paths"])
    jsonschema.Draft202012Validator.check_schema(openapi["components"]["schemas"]["EventOut"])


def test_api_events_list_matches_schema(client, openapi, events):
    assert_matches_schema(openapi, "/api/events", client.get("/api/events"))


def test_api_events_list_in_timeline_order_approved_only(client, events):
    assert titles(client.get("/api/events")) == [
        "United States imposes 24% tariff on Japan",
        "Akazawa meets Bessent in Washington",
        "China talks planned",
    ]


def test_api_events_unreviewed_adds_proposed_never_rejected(client, events):
    found = titles(client.get("/api/events", {"unreviewed": "1"}))
    assert "Unreviewed extraction" in found
    assert "Rejected extraction" not in found


def test_api_event_has_dates_places_people_and_sources(client, openapi, events):
    talks = events["talks"]
    response = client.get(f"/api/events/{talks.pk}")
    assert_matches_schema(openapi, "/api/events/{event_id}", response)
    event = response.json()
    assert event["id"] == talks.pk
    assert event["url"] == f"http://testserver/events/{talks.pk}/"
    assert event["type"] == "meeting"
    assert event["date"] == {
        "start": "2025-04-16",
        "end": "2025-04-16",
        "precision": "day",
        "text": "Wednesday",
        "explanation": "",
        "computed": False,
    }
    assert event["countries"] == [
        {"code": "JP", "name": "Japan"},
        {"code": "US", "name": "United States"},
    ]
    assert {p["slug"] for p in event["participants"]} == {"ryosei-akazawa", "scott-bessent"}
    assert event["meeting"] == {
        "location": "Washington",
        "format": "in_person",
        "duration_minutes": 50,
    }
    assert event["tariff"] is None
    [evidence] = event["evidence"]
    assert evidence["sentence"] == "Akazawa met Bessent in Washington on Wednesday."
    assert (evidence["start_char"], evidence["end_char"]) == (0, 47)
    assert evidence["article"]["id"] == events["article"].pk
    assert evidence["article"]["url"] == "https://example.com/kyodo/1"


def test_api_event_tariff_details(client, events):
    tariff = client.get(f"/api/events/{events['tariff'].pk}").json()["tariff"]
    assert tariff["rate_percent"] == 24.0
    assert tariff["imposing"] == {"code": "US", "name": "United States"}
    assert tariff["target"] == {"code": "JP", "name": "Japan"}
    assert tariff["action"] == "imposed"


def test_api_event_rejected_is_not_found(client, openapi, events):
    response = client.get(f"/api/events/{events['rejected'].pk}")
    assert_matches_schema(openapi, "/api/events/{event_id}", response, status=404)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "cn"}, ["China talks planned"]),
        (
            {"country": ["JP", "US"]},
            ["United States imposes 24% tariff on Japan", "Akazawa meets Bessent in Washington"],
        ),
        ({"official": "scott-bessent"}, ["Akazawa meets Bessent in Washington"]),
        ({"type": "tariff_measure"}, ["United States imposes 24% tariff on Japan"]),
        ({"status": "planned"}, ["China talks planned"]),
        ({"from": "2025-04-10", "to": "2025-05-31"}, ["Akazawa meets Bessent in Washington"]),
        ({"from": "2025-06-30"}, ["China talks planned"]),
        ({"q": "Washington"}, ["Akazawa meets Bessent in Washington"]),
    ],
)
def test_api_events_take_the_timeline_filters(client, events, params, expected):
    assert titles(client.get("/api/events", params)) == expected


def test_api_events_search_ranks_best_first(client, events):
    EventFactory(title="Talks", summary="Later they met in Washington again.")
    found = titles(client.get("/api/events", {"q": "Washington"}))
    assert found == ["Akazawa meets Bessent in Washington", "Talks"]


def test_api_events_paginate_with_links_that_keep_filters(client, events):
    first = client.get("/api/events", {"country": "US", "limit": 2}).json()
    assert first["count"] == 3
    assert len(first["results"]) == 2
    assert first["previous"] is None
    assert "country=US" in first["next"]
    second = client.get(first["next"]).json()
    assert [e["title"] for e in second["results"]] == ["China talks planned"]
    assert second["next"] is None
    assert client.get(second["previous"]).json()["results"] == first["results"]


@pytest.mark.parametrize(
    ("params", "status", "parameter"),
    [
        ({"country": "ZZ"}, 400, "country"),
        ({"official": "nobody-at-all"}, 400, "official"),
        ({"from": "2025-13-01"}, 422, "from"),
        ({"type": "party"}, 422, "type"),
        ({"limit": "0"}, 422, "limit"),
        ({"limit": "many"}, 422, "limit"),
        ({"offset": "-1"}, 422, "offset"),
        ({"offset": str(2**70)}, 422, "offset"),
        ({"limit": "501"}, 422, "limit"),
        ({"to": "0"}, 422, "to"),
        ({"q": "tariff\x00"}, 422, "q"),
        ({"country": "J\x00"}, 422, "country"),
    ],
)
def test_api_events_malformed_parameter_is_a_client_error(
    client, openapi, events, params, status, parameter
):
    response = client.get("/api/events", params)
    assert_matches_schema(openapi, "/api/events", response, status=status)
    assert [error["loc"][1] for error in response.json()["detail"]] == [parameter]


def test_api_event_id_out_of_range_is_a_client_error(client, events):
    assert client.get(f"/api/events/{2**70}").status_code == 422
    assert client.get("/api/events/abc").status_code == 422


def test_api_officials_list_and_detail(client, openapi):
    response = client.get("/api/officials", {"limit": 500})
    assert_matches_schema(openapi, "/api/officials", response)
    assert "scott-bessent" in {o["slug"] for o in response.json()["results"]}
    detail = client.get("/api/officials/scott-bessent")
    assert_matches_schema(openapi, "/api/officials/{slug}", detail)
    assert detail.json()["country"] == {"code": "US", "name": "United States"}
    assert detail.json()["roles"][0]["title"] == "Secretary of the Treasury"
    assert detail.json()["events_url"] == "http://testserver/api/events?official=scott-bessent"


def test_api_officials_hide_unreviewed_unless_asked(client):
    found = Official.objects.create(full_name="Machine Found", is_reviewed=False)
    EventFactory(review_state=Event.ReviewState.PROPOSED).participants.set([found])
    listed = {o["slug"] for o in client.get("/api/officials", {"limit": 500}).json()["results"]}
    assert "machine-found" not in listed
    asked = client.get("/api/officials", {"limit": 500, "unreviewed": "true"}).json()
    assert "machine-found" in {o["slug"] for o in asked["results"]}


def test_api_countries_list_and_detail_in_either_case(client, openapi):
    response = client.get("/api/countries", {"limit": 500})
    assert_matches_schema(openapi, "/api/countries", response)
    assert response.json()["count"] == Jurisdiction.objects.count()
    detail = client.get("/api/countries/jp")
    assert_matches_schema(openapi, "/api/countries/{code}", detail)
    assert detail.json()["code"] == "JP"
    assert detail.json()["name"] == "Japan"
    assert client.get("/api/countries/zz").status_code == 404
    assert client.get("/api/countries/japan").status_code == 422


def test_api_articles_leave_out_the_original_unless_asked(client, openapi, events):
    article = events["article"]
    response = client.get(f"/api/articles/{article.pk}")
    assert_matches_schema(openapi, "/api/articles/{article_id}", response)
    assert response.json()["original"] is None
    assert response.json()["body"] == article.body
    assert response.json()["event_ids"] == [events["talks"].pk]


def test_api_article_original_is_for_editors_only(client, openapi, events, editor):
    """The original holds what the body leaves out: reader comments with e-mail addresses."""
    url = f"/api/articles/{events['article'].pk}"
    refused = client.get(url, {"original": "true"})
    assert_matches_schema(openapi, "/api/articles/{article_id}", refused, status=403)
    assert "raw input" not in refused.text
    client.force_login(editor)
    asked = client.get(url, {"original": "true"})
    assert_matches_schema(openapi, "/api/articles/{article_id}", asked)
    assert asked.json()["original"] == "<html>raw input</html>"


def test_api_article_original_is_refused_to_staff_who_are_not_editors(
    client, events, django_user_model
):
    intern = django_user_model.objects.create_user("intern", password="pw", is_staff=True)
    client.force_login(intern)
    response = client.get(f"/api/articles/{events['article'].pk}", {"original": "true"})
    assert response.status_code == 403


@pytest.fixture
def unpublished_articles(events) -> dict[str, Article]:
    """Articles whose events were all rejected, are all unreviewed, or that have none."""
    articles = {}
    for state in (Event.ReviewState.REJECTED, Event.ReviewState.PROPOSED):
        article = ArticleFactory(title=f"Only {state} events", body=f"Bessent said {state}.")
        EvidenceFactory(article=article, event__review_state=state)
        articles[state] = article
    articles["none"] = ArticleFactory(title="No events", body="Bessent said nothing.")
    return articles


def test_api_articles_list_only_articles_of_approved_events(client, events, unpublished_articles):
    for params in ({}, {"q": "Bessent"}):
        listed = [a["id"] for a in client.get("/api/articles", params).json()["results"]]
        assert listed == [events["article"].pk]


def test_api_article_without_approved_events_is_not_found(client, unpublished_articles):
    for article in unpublished_articles.values():
        assert client.get(f"/api/articles/{article.pk}").status_code == 404


def test_api_editors_see_every_article(client, editor, events, unpublished_articles):
    client.force_login(editor)
    listed = {a["id"] for a in client.get("/api/articles").json()["results"]}
    assert listed == {events["article"].pk, *(a.pk for a in unpublished_articles.values())}
    rejected = unpublished_articles[Event.ReviewState.REJECTED]
    assert client.get(f"/api/articles/{rejected.pk}").json()["event_ids"] == []


def test_api_articles_list_searches(client, openapi, events):
    ArticleFactory(title="Weather", body="Sunny all week.")
    response = client.get("/api/articles", {"q": "Washington"})
    assert_matches_schema(openapi, "/api/articles", response)
    assert [a["id"] for a in response.json()["results"]] == [events["article"].pk]
    assert "original" not in response.json()["results"][0]


def test_api_is_readable_from_other_sites(client, events):
    assert client.get("/api/events")["Access-Control-Allow-Origin"] == "*"


def test_api_is_read_only(client, events):
    assert client.post("/api/events", {}).status_code == 405
