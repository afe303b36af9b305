"""Template context for every page: what waits for an editor."""

from __future__ import annotations

import functools

from django.http import HttpRequest

from .models import Event


def review_queue(request: HttpRequest) -> dict:
    """`review_waiting`: the number of events waiting for review, for those who review them
    (counted once per request, and only if a template asks)."""
    user = getattr(request, "user", None)
    if user is None or not user.has_perm("timeline.change_event"):
        return {}
    return {"review_waiting": functools.cache(lambda: Event.objects.proposed().count())}
