from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command

from tests.factories import EventFactory, OfficialFactory, TariffMeasureFactory
from timeline.caching import data_version, one_bump
from timeline.models import Event, Jurisdiction

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}
RESTORE = {"HTTP_HX_REQUEST": "true", "HTTP_HX_HISTORY_RESTORE_REQUEST": "true"}


@pytest.fixture
def shown():
    """An event on every kind of page: the timeline, its country's, its official's and its own."""
    official = OfficialFactory(full_name="Pat Negotiator")
    event = EventFactory(
        title="Akazawa meets Bessent",
        date_start=datetime.date(2025, 4, 16),
    )
    event.jurisdictions.set([Jurisdiction.objects.get(code="JP")])
    event.participants.set([official])
    return event


def pages(event: Event) -> list[tuple[str, dict]]:
    official = event.participants.get()
    return [
        ("/", {}),
        ("/", HX),
        ("/", RESTORE),
        ("/?country=JP", HX),
        ("/?unreviewed=1", {}),
        ("/countries/jp/", {}),
        ("/countries/jp/", HX),
        (official.get_absolute_url(), {}),
        (official.get_absolute_url(), HX),
    ]


def get_all(client, urls):
    return [client.get(url, **headers) for url, headers in urls]


def test_reader_page_is_served_from_the_cache(client, shown, django_assert_num_queries):
    first = client.get("/countries/jp/")
    with django_assert_num_queries(1):  # the data version, nothing else
        again = client.get("/countries/jp/")
    assert again.content == first.content
    assert "Akazawa meets Bessent" in again.text


def test_query_parameters_in_any_order_share_a_cached_page(
    client, shown, django_assert_num_queries
):
    client.get("/?type=meeting&country=JP", **HX)
    with django_assert_num_queries(1):
        response = client.get("/?country=JP&type=meeting&q=", **HX)
    assert "Akazawa meets Bessent" in response.text


def test_partial_and_full_page_are_cached_apart(client, shown):
    full, partial, restore = get_all(client, [("/", {}), ("/", HX), ("/", RESTORE)])
    assert "<html" in full.text and "<html" in restore.text
    assert "<html" not in partial.text
    assert "<html" not in client.get("/", **HX).text and "<html" in client.get("/").text


def test_editing_an_event_changes_every_cached_page_that_shows_it(client, shown):
    urls = [*pages(shown), (shown.get_absolute_url(), {}), (shown.get_absolute_url(), HX)]
    assert all('datetime="2025-04-16"' in r.text for r in get_all(client, urls))
    shown.title = "Akazawa and Bessent agree"
    shown.date_start = shown.date_end = datetime.date(2025, 4, 17)
    shown.save()
    for response in get_all(client, urls):
        assert 'datetime="2025-04-17"' in response.text
        assert 'datetime="2025-04-16"' not in response.text
        assert "Akazawa meets Bessent" not in response.text


def test_rejecting_an_event_takes_it_off_every_cached_page(client, shown):
    get_all(client, pages(shown))
    assert client.get(shown.get_absolute_url()).status_code == 200
    shown.reject()
    for response in get_all(client, pages(shown)):
        assert "Akazawa meets Bessent" not in response.text
    assert client.get(shown.get_absolute_url()).status_code == 404


def test_approving_an_event_puts_it_on_every_cached_page(client, shown):
    shown.review_state = Event.ReviewState.PROPOSED
    shown.save()
    readers = [url for url in pages(shown) if "unreviewed" not in url[0]]
    assert all("Akazawa meets Bessent" not in r.text for r in get_all(client, readers))
    before = client.get(shown.get_absolute_url())
    assert "Unreviewed" in before.text
    shown.approve()
    assert all("Akazawa meets Bessent" in r.text for r in get_all(client, readers))
    assert "Unreviewed" not in client.get(shown.get_absolute_url()).text


def test_approving_through_the_review_view_changes_the_cached_timeline(client, editor, shown):
    shown.review_state = Event.ReviewState.PROPOSED
    shown.save()
    assert "Akazawa meets Bessent" not in client.get("/").text
    client.force_login(editor)
    client.post(f"/events/{shown.pk}/review/", {"decision": "approve"})
    client.logout()
    assert "Akazawa meets Bessent" in client.get("/").text


def test_adding_a_country_or_a_tariff_changes_the_cached_country_page(client, shown):
    assert "Akazawa meets Bessent" not in client.get("/countries/ca/").text
    shown.jurisdictions.add(Jurisdiction.objects.get(code="CA"))
    assert "Akazawa meets Bessent" in client.get("/countries/ca/").text
    assert "<svg" not in client.get("/countries/jp/").text
    TariffMeasureFactory(event=EventFactory(title="US tariff on Japan"))
    assert "<svg" in client.get("/countries/jp/").text


def test_editor_never_sees_a_readers_cached_page(client, editor, shown):
    reader = client.get("/")
    assert reader["Cache-Control"].startswith("public") or "public" in reader["Cache-Control"]
    client.force_login(editor)
    for url, headers in [("/", {}), ("/countries/jp/", {}), (shown.get_absolute_url(), {})]:
        client.logout()
        client.get(url, **headers)  # a reader's copy is in the cache
        client.force_login(editor)
        response = client.get(url, **headers)
        assert "Signed in as ed" in response.text
        assert "private" in response["Cache-Control"] and "ETag" not in response
    client.logout()
    assert "Signed in as" not in client.get("/").text  # nor a reader the editor's


def test_reader_pages_carry_no_csrf_token_or_cookie(client, shown):
    response = client.get("/")
    assert "X-CSRFToken" not in response.text and "csrftoken" not in response.cookies


def test_unchanged_page_answers_304_and_a_changed_one_200(client, shown):
    first = client.get("/countries/jp/")
    etag = first["ETag"]
    assert first.has_header("Last-Modified")
    assert "s-maxage=" in first["Cache-Control"]
    unchanged = client.get("/countries/jp/", headers={"if-none-match": etag})
    assert unchanged.status_code == 304 and unchanged.content == b""
    shown.title = "Akazawa and Bessent agree"
    shown.save()
    changed = client.get("/countries/jp/", headers={"if-none-match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert "Akazawa and Bessent agree" in changed.text


def test_partial_and_full_page_have_different_etags(client, shown):
    assert client.get("/")["ETag"] != client.get("/", **HX)["ETag"]


@pytest.mark.parametrize(
    "url",
    [
        "/export/events.csv",
        "/export/events.ics",
        "/feeds/events.atom",
        "/export/events.timelinejs.json",
    ],
)
def test_exports_answer_304_until_the_data_changes(client, shown, url):
    etag = client.get(url, {"country": "JP"})["ETag"]
    assert client.get(url, {"country": "JP"}, headers={"if-none-match": etag}).status_code == 304
    shown.approve()
    response = client.get(url, {"country": "JP"}, headers={"if-none-match": etag})
    assert response.status_code == 200 and response["ETag"] != etag


def test_editor_gets_no_304(client, editor, shown):
    client.force_login(editor)
    response = client.get("/", headers={"if-none-match": '"anything"'})
    assert response.status_code == 200 and "ETag" not in response


def test_bulk_writes_bump_the_version_once(shown, django_assert_num_queries):
    version, _ = data_version()
    with one_bump():
        for title in ("One", "Two", "Three"):
            EventFactory(title=title)
        assert data_version()[0] == version
    assert data_version()[0] == version + 1


def test_generate_demo_bumps_the_version():
    version, _ = data_version()
    call_command("generate_demo", events=3, verbosity=0)
    assert data_version()[0] > version


def test_an_encoded_ampersand_never_shares_a_page_with_two_parameters(client, shown):
    poisoned = client.get("/?country=JP%26type%3Dstatement", **HX)  # one odd country value
    assert "Akazawa meets Bessent" in poisoned.text  # the malformed filter is ignored
    response = client.get("/?country=JP&type=statement", **HX)
    assert "Akazawa meets Bessent" not in response.text


def test_renaming_a_thread_changes_the_cached_country_page(client, japan_us):
    url = "/countries/jp/"
    assert "Japan–United States" in client.get(url).text
    japan_us.title = "Japan–US tariff talks"
    japan_us.save()
    assert "Japan–US tariff talks" in client.get(url).text
