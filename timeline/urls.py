"""URLs: the timeline at the root, the admin for editors."""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("timeline.routes")),
]
