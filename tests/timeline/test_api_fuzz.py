"""Schemathesis generates requests from the API's OpenAPI document and checks every response: no
server error, and status codes, content types and bodies as the document describes them.

Bounded for CI: a few dozen examples per operation, no deadline. The app is called in-process
(WSGI), inside the test's transaction, so the data made below is there to find. The document is
the one /api/openapi.json serves, taken from the API object: loading it over WSGI at import time
would depend on ALLOWED_HOSTS before the test settings apply (and schemathesis' fixture-based
loader does not run on pytest 9).
"""

from __future__ import annotations

import datetime
import json

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from ninja.responses import NinjaJSONEncoder

from tests.factories import EventFactory, EvidenceFactory
from timeline.api import api
from timeline.models import Event, Jurisdiction, Meeting, Negotiation, Official, TariffMeasure


@pytest.fixture
def api_data(db, settings):
    settings.ALLOWED_HOSTS = ["localhost", "testserver"]
    japan, usa = Jurisdiction.objects.get(code="JP"), Jurisdiction.objects.get(code="US")
    thread = Negotiation.objects.create(title="Japan–United States", slug="japan-united-states")
    thread.parties.set([japan, usa])
    meeting = EventFactory(title="Akazawa meets Bessent", negotiation=thread)
    meeting.jurisdictions.set([japan, usa])
    meeting.participants.set([Official.objects.get(slug="scott-bessent")])
    Meeting.objects.create(event=meeting, location="Washington")
    EvidenceFactory(event=meeting)
    tariff = EventFactory(
        kind=Event.Kind.TARIFF_MEASURE, title="24% tariff", date_start=datetime.date(2025, 4, 9)
    )
    TariffMeasure.objects.create(event=tariff, imposing=usa, target=japan, rate_percent="24")
    EventFactory(title="Undated", date_start=None, date_end=None, date_precision="")
    # Keep the test's connection (and its transaction) open across the in-process requests.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


# A well-formed but unknown country or official (`country=QQ`) is a 400 by design: the schema
# cannot list what exists. `original=true` is a 403 for anyone but an editor (these requests
# are anonymous). Every other check keeps its default.
config = schemathesis.config.SchemathesisConfig.from_dict(
    {"checks": {"positive_data_acceptance": {"expected-statuses": [200, 400, 403, 404]}}}
)
schema = schemathesis.openapi.from_dict(
    json.loads(json.dumps(api.get_openapi_schema(path_prefix="/api/"), cls=NinjaJSONEncoder)),
    config=config,
)
schema.app = get_wsgi_application()


@schema.parametrize()
@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_fuzz_finds_no_server_error(api_data, case):
    case.call_and_validate()
