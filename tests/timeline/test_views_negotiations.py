"""The negotiation page and the index of negotiations, today and as known on a past day."""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import EventFactory, TariffMeasureFactory, thread_round
from timeline.models import Event, Jurisdiction, Negotiation

pytestmark = pytest.mark.django_db

D = datetime.date
HX = {"HTTP_HX_REQUEST": "true"}


def country(code: str) -> Jurisdiction:
    return Jurisdiction.objects.get(code=code)


def plain(html: str) -> str:
    """The text of some HTML, with runs of spaces made one."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def page(client, negotiation, **params):
    return client.get(reverse("timeline:negotiation-detail", args=[negotiation.slug]), params)


def rounds_table(response) -> list[list[str]]:
    table = response.text.split('<table class="rounds">')[1].split("</table>")[0]
    rows = re.findall(r"<tr class[^>]*>(.*?)</tr>", table, re.S)
    cells = [re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S) for row in rows]
    return [[plain(cell) for cell in row] for row in cells]


def test_negotiation_page_shows_the_rounds_table(client, japan_us):
    rows = rounds_table(page(client, japan_us, as_of="2025-06-01"))
    assert [row[0] for row in rows] == ["1 (inferred)", "2 (inferred)", "—", "3"]
    assert rows[0][1:3] == ["16 Apr 2025", "Washington"]
    assert "Ryosei Akazawa" in rows[0][3] and "Scott Bessent" in rows[0][3]
    assert rows[2][4] == "Planned (no report that it was held)"


def test_negotiation_page_shows_parties_leads_next_step_deadline_agreements(client, japan_us):
    response = page(client, japan_us, as_of="2025-05-02")
    text = plain(response.text)
    assert "Ryosei Akazawa" in text and "Scott Bessent , Secretary of the Treasury 3 events" in text
    assert "Planned: ministerial talks , mid-May 2025 (in 9 days)" in text
    assert "Ends: United States pauses 24% tariff on Japan 9 Jul 2025 : 68 days left" in text
    assert "Possible deal" in text and "Paused 24% · United States on Japan" in text


def test_negotiation_page_as_of_shows_only_what_was_reported_by_then(client, japan_us):
    response = page(client, japan_us, as_of="2025-05-02")
    assert "Past view" in response.text
    assert 'value="2025-05-02"' in response.text  # the form carries it
    assert [row[0] for row in rounds_table(response)] == [
        "1 (inferred)",
        "2 (inferred)",
        "3 (inferred)",
    ]
    assert "Third round" not in response.text  # reported on 24 May
    early = page(client, japan_us, as_of="2025-04-20")
    assert [row[1] for row in rounds_table(early)] == ["16 Apr 2025"]
    assert "Akazawa meets Bessent" not in early.text


def test_negotiation_page_today_is_not_a_past_view(client, japan_us):
    response = page(client, japan_us)
    assert "Past view" not in response.text
    assert "Third round" in response.text


@pytest.mark.parametrize("value", ["2025-13-01", "yesterday", "2025-5-1", "20250501"])
def test_negotiation_page_malformed_as_of_is_a_400(client, japan_us, value):
    assert page(client, japan_us, as_of=value).status_code == 400


def test_negotiation_page_unknown_slug_is_404(client):
    assert client.get(reverse("timeline:negotiation-detail", args=["nowhere"])).status_code == 404


def test_negotiation_page_htmx_gets_the_thread_fragment(client, japan_us):
    response = client.get(
        reverse("timeline:negotiation-detail", args=[japan_us.slug]), {"page": "1"}, **HX
    )
    assert "<html" not in response.text and "Third round" in response.text


def test_negotiation_page_hides_proposed_events_from_the_public(client, japan_us):
    Event.objects.filter(title="Third round").update(review_state="proposed")
    assert "Third round" not in page(client, japan_us).text
    assert "Third round" in page(client, japan_us, unreviewed="1").text


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_negotiation_page_queries_do_not_grow_with_the_events(client, japan_us):
    url = reverse("timeline:negotiation-detail", args=[japan_us.slug]) + "?as_of=2025-06-01"
    before = count_queries(client, url)
    for n in range(20):
        thread_round(japan_us, D(2025, 2, 1) + datetime.timedelta(days=n))
        TariffMeasureFactory(event__negotiation=japan_us, event__date_start=D(2025, 3, n + 1))
    assert count_queries(client, url) == before


def test_negotiation_index_lists_threads_with_last_activity_and_next_step(client, japan_us):
    empty = Negotiation.objects.create(title="Empty thread", slug="empty")
    response = client.get(reverse("timeline:negotiation-index"), {"as_of": "2025-05-02"})
    text = plain(response.text)
    assert "Japan–United States" in text and empty.title not in text
    assert "1 May 2025" in text and "Planned: ministerial talks mid-May 2025" in text


def test_negotiation_index_queries_do_not_grow_with_the_threads(client, japan_us):
    url = reverse("timeline:negotiation-index")
    EventFactory(negotiation=japan_us, status="planned", date_start=D(2030, 1, 1))
    before = count_queries(client, url)
    for n in range(5):
        other = Negotiation.objects.create(title=f"Thread {n}", slug=f"thread-{n}")
        other.parties.set([country("US"), country("CN")])
        EventFactory(negotiation=other, status="planned", date_start=D(2030, 1, n + 1))
    assert count_queries(client, url) == before


def test_header_and_country_page_link_to_negotiations(client, japan_us):
    home = client.get(reverse("timeline:index"))
    assert f'href="{reverse("timeline:negotiation-index")}"' in home.text
    japan = client.get(reverse("timeline:country-detail", args=["jp"]))
    assert f'href="{japan_us.get_absolute_url()}"' in japan.text


def test_negotiation_page_load_more_reads_only_the_thread(client, japan_us):
    url = reverse("timeline:negotiation-detail", args=[japan_us.slug])
    with CaptureQueriesContext(connection) as fragment:
        client.get(url, {"page": "1"}, **HX)
    assert len(fragment) < count_queries(client, url) - 8  # no rounds, leads, tariffs, steps
