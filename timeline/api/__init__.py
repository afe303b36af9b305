"""The read-only JSON API; `api.urls` is mounted at /api/ in `timeline/urls.py`."""

from __future__ import annotations

from .views import api

__all__ = ["api"]
