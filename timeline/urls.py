"""URLs: the timeline at the root, the admin for editors, the API, exports and feeds."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.urls import include, path
from django.views.decorators.http import require_GET

from . import exports, feeds
from .api import api
from .caching import conditional_for_readers

# Each export takes the timeline's query string: link to them with the page's filters (a
# negotiation's feed takes `as_of` only). They answer conditional GETs from the data version
# (timeline/caching.py).
export_patterns = [
    path("export/events.csv", conditional_for_readers(exports.events_csv), name="events-csv"),
    path("export/events.ics", conditional_for_readers(exports.events_ics), name="events-ics"),
    path(
        "export/events.timelinejs.json",
        conditional_for_readers(exports.events_timelinejs),
        name="events-timelinejs",
    ),
    path("feeds/events.atom", conditional_for_readers(feeds.events_atom), name="events-atom"),
    path(
        "feeds/negotiations/<slug:slug>.atom",
        conditional_for_readers(feeds.negotiation_atom),
        name="negotiation-atom",
    ),
]


@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page links to: send them to the SVG icon."""
    return HttpResponsePermanentRedirect(staticfiles_storage.url("favicon.svg"))


handler400 = "timeline.views.bad_request"

urlpatterns = [
    path("favicon.ico", favicon),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("", include((export_patterns, "exports"))),
    path("", include("timeline.routes")),
]
