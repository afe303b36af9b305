"""/api/negotiations and /api/negotiations/{slug}: rounds, next step, deadline, as_of."""

from __future__ import annotations

import pytest

from tests.timeline.test_api import assert_matches_schema
from timeline.models import Negotiation

pytestmark = pytest.mark.django_db


@pytest.fixture
def openapi(client) -> dict:
    return client.get("/api/openapi.json").json()


def test_api_negotiations_are_in_the_openapi_document(openapi):
    assert {"/api/negotiations", "/api/negotiations/{slug}"} <= set(openapi["paths"])
    parameters = {
        p["name"] for p in openapi["paths"]["/api/negotiations/{slug}"]["get"]["parameters"]
    }
    assert {"slug", "as_of", "unreviewed"} <= parameters


def test_api_negotiations_list_with_last_activity_and_next_step(client, openapi, japan_us):
    Negotiation.objects.create(title="No events", slug="no-events")
    response = client.get("/api/negotiations", {"as_of": "2025-05-02"})
    assert_matches_schema(openapi, "/api/negotiations", response)
    [thread] = response.json()["results"]
    assert thread["slug"] == "japan-united-states"
    assert [p["code"] for p in thread["parties"]] == ["JP", "US"]
    assert thread["last_activity"] == "2025-05-01"
    assert thread["next_step"]["title"] == "Planned: ministerial talks"
    assert thread["next_step"]["date"]["start"] == "2025-05-11"


def test_api_negotiation_rounds_next_step_and_deadline(client, openapi, japan_us):
    response = client.get("/api/negotiations/japan-united-states", {"as_of": "2025-06-01"})
    assert_matches_schema(openapi, "/api/negotiations/{slug}", response)
    body = response.json()
    rounds = [(r["number"], r["inferred"], r["event"]["date"]["start"]) for r in body["rounds"]]
    assert rounds == [
        (1, True, "2025-04-16"),
        (2, True, "2025-05-01"),
        (None, False, "2025-05-11"),  # the mid-May plan, overtaken by the third round
        (3, False, "2025-05-23"),
    ]
    assert body["rounds"][0]["location"] == "Washington"
    assert body["deadline"]["day"] == "2025-07-09" and body["deadline"]["days_left"] == 38
    assert body["next_step"] is None
    assert [a["title"] for a in body["agreements"]] == ["Possible deal"]
    leads = {p["country"]["code"]: p["leads"] for p in body["party_leads"]}
    assert leads["US"][0]["official"]["slug"] == "scott-bessent"
    assert leads["US"][0]["role"] == "Secretary of the Treasury"


def test_api_negotiation_as_of_leaves_out_later_articles(client, japan_us):
    body = client.get("/api/negotiations/japan-united-states", {"as_of": "2025-05-02"}).json()
    assert [r["event"]["title"] for r in body["rounds"]][-1] == "Planned: ministerial talks"
    assert body["rounds"][-1]["number"] == 3 and body["rounds"][-1]["inferred"]
    assert body["next_step"]["title"] == "Planned: ministerial talks"
    assert len(body["event_ids"]) == 5  # not the third round, reported on 24 May


@pytest.mark.parametrize("as_of", ["2025-13-01", "1746057600", "tomorrow"])
def test_api_negotiation_malformed_as_of_is_a_422(client, japan_us, as_of):
    response = client.get("/api/negotiations/japan-united-states", {"as_of": as_of})
    assert response.status_code == 422


def test_api_negotiation_unknown_is_404(client):
    assert client.get("/api/negotiations/nowhere").status_code == 404
