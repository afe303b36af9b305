"""What readers see, cached under a data version that every editorial change bumps.

- `DataVersion` (one row) counts the changes readers can see. Saving or deleting an event, its
  details, evidence, countries, officials, roles or articles bumps it (signals, connected in
  `TimelineConfig.ready`), in the writer's transaction, so the new version becomes visible
  together with the data. Bulk paths that bypass signals (`bulk_create`, `QuerySet.update`)
  call `bump_data_version()` themselves; `one_bump()` turns the many saves of an ingest into
  one bump.
- `cached_for_readers` serves an anonymous reader's page from the cache, keyed by the data
  version, the page's path and normalized query, and the kind of request (full page, htmx
  partial, history restore). The first request after a change misses and renders afresh.
  Signed-in users (editors) always get a fresh, private page.
- `conditional_for_readers` (pages and exports): an ETag and Last-Modified derived from the data
  version, a 304 for a matching If-None-Match, and a Cache-Control that lets a CDN hold the
  response for PARLEY_CDN_MAX_AGE seconds (docs/deploy.md).
"""

from __future__ import annotations

import datetime
import hashlib
import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from .models import DataVersion

# Models whose rows appear on readers' pages (concrete models; proxies map onto them).
WATCHED = {
    "timeline.event",
    "timeline.eventcountry",  # countries and people on events: saved, or added through
    "timeline.eventparticipant",  # `event.jurisdictions.add()`, which sends m2m_changed
    "timeline.meeting",
    "timeline.tariffmeasure",
    "timeline.evidence",
    "timeline.jurisdiction",
    "timeline.official",
    "timeline.officialrole",
    "timeline.negotiation",  # thread titles on country pages
    "timeline.negotiation_parties",
    "articles.article",
}
# Set again on every response (by the decorators and middleware around the view).
UNCACHED_HEADERS = {"Content-Length", "Vary", "Cache-Control", "ETag", "Last-Modified"}
_state = threading.local()

View = Callable[..., HttpResponse]


def data_version() -> tuple[int, datetime.datetime]:
    """The current version and when it changed (one primary-key lookup)."""
    row = DataVersion.objects.filter(pk=1).values_list("version", "changed_at").first()
    return row or (0, datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC))


def bump_data_version() -> None:
    """Count a change (inside `one_bump()`: once, when the outermost block ends)."""
    if getattr(_state, "depth", 0):
        _state.pending = True
        return
    changed = DataVersion.objects.filter(pk=1).update(
        version=F("version") + 1, changed_at=timezone.now()
    )
    if not changed:  # the row went (a flushed test database): start again
        DataVersion.objects.update_or_create(pk=1, defaults={"changed_at": timezone.now()})


@contextmanager
def one_bump() -> Iterator[None]:
    """The writes inside count as one change. Use it inside the writes' transaction."""
    from .summaries import one_refresh  # the country summaries too, once

    _state.depth = getattr(_state, "depth", 0) + 1
    succeeded = False
    try:
        with one_refresh():
            yield
        succeeded = True
    finally:
        _state.depth -= 1
        if not _state.depth and getattr(_state, "pending", False):
            _state.pending = False
            # After an error inside a transaction, the writes are rolled back with it.
            if succeeded or not connection.in_atomic_block:
                bump_data_version()


def note_change(sender, **kwargs) -> None:
    """post_save / post_delete / m2m_changed receiver of the WATCHED models (apps.py)."""
    if kwargs.get("action", "post_").startswith("pre_"):
        return  # m2m_changed fires before and after; the "post_" half is enough
    bump_data_version()


def request_kind(request: HttpRequest) -> str:
    htmx = getattr(request, "htmx", None)
    if not htmx:
        return "full"
    return "restore" if htmx.history_restore_request else "partial"


def normalized_query(request: HttpRequest) -> str:
    """The query string with its parameters sorted and empty values left out."""
    pairs = sorted(
        (key, value.strip())
        for key, values in request.GET.lists()
        for value in values
        if value.strip()
    )
    return urlencode(pairs)  # encoded: "a=1%26b%3D2" and "a=1&b=2" stay apart


def page_key(request: HttpRequest, version: int, changed_at: datetime.datetime) -> str:
    """`page:<version>.<changed>:<digest>`: the change time tells apart two histories that
    reach the same version number (a database restored from a backup, then edited)."""
    # The day is part of the key: pages drawn "up to today" (the country chart) move with it.
    parts = [request_kind(request), request.path, normalized_query(request)]
    parts.append(timezone.localdate().isoformat())
    digest = hashlib.sha256(json.dumps(parts).encode()).hexdigest()[:32]
    return f"page:{version}.{int(changed_at.timestamp() * 1000)}:{digest}"


def validators(request: HttpRequest) -> tuple[str, str, float]:
    """The cache key, ETag and Last-Modified of a reader's response at the current version."""
    version, changed_at = data_version()
    key = page_key(request, version, changed_at)
    return key, f'"{key.removeprefix("page:").replace(":", "-")}"', last_modified(changed_at)


def is_reader(request: HttpRequest) -> bool:
    """Anonymous readers share cached pages; signed-in users see their own (fresh) ones."""
    return request.method in {"GET", "HEAD"} and not request.user.is_authenticated


def last_modified(changed_at: datetime.datetime) -> float:
    """The data's last change, or midnight if later (the date is part of a page's key)."""
    midnight = timezone.now().replace(hour=0, minute=0, second=0, microsecond=0)
    return max(changed_at, midnight).timestamp()


def with_validators(response: HttpResponse, etag: str, modified: float) -> HttpResponse:
    response.headers["ETag"] = etag
    response.headers["Last-Modified"] = http_date(modified)
    patch_cache_control(
        response, public=True, max_age=0, must_revalidate=True, s_maxage=settings.PARLEY_CDN_MAX_AGE
    )
    return response


def private(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, private=True, no_cache=True)
    return response


def conditional_for_readers(view: View) -> View:
    """ETag / Last-Modified from the data version, and 304 when they still hold (readers)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not is_reader(request):
            return private(view(request, *args, **kwargs))
        _key, etag, modified = validators(request)
        response = get_conditional_response(request, etag=etag, last_modified=modified)
        if response is None:
            response = view(request, *args, **kwargs)
            if response.status_code != 200:
                return response
        return with_validators(response, etag, modified)

    return wrapper


def cached_for_readers(view: View) -> View:
    """Readers' pages from the cache (and 304s), under the data version; others rendered."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not is_reader(request):
            return private(view(request, *args, **kwargs))
        key, etag, modified = validators(request)
        response = get_conditional_response(request, etag=etag, last_modified=modified)
        if response is None:
            cache = caches[settings.PARLEY_PAGE_CACHE]
            stored = cache.get(key)
            if stored is not None:
                content, headers = stored
                response = HttpResponse(content, headers=headers)
            else:
                response = view(request, *args, **kwargs)
                if response.status_code != 200 or response.streaming or response.cookies:
                    return response
                headers = {k: v for k, v in response.items() if k not in UNCACHED_HEADERS}
                cache.set(key, (response.content, headers))
        return with_validators(response, etag, modified)

    return wrapper
