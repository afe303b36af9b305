"""The timeline app's own URLs (namespace "timeline")."""

from __future__ import annotations

from django.urls import path

from . import views

app_name = "timeline"

urlpatterns = [
    path("", views.index, name="index"),
    path("events/<int:pk>/", views.event_detail, name="event-detail"),
    path("events/<int:pk>/review/", views.event_review, name="event-review"),
    path("officials/<slug:slug>/", views.official_detail, name="official-detail"),
    path("countries/<slug:code>/", views.country_detail, name="country-detail"),
    path("negotiations/", views.negotiation_index, name="negotiation-index"),
    path("negotiations/<slug:slug>/", views.negotiation_detail, name="negotiation-detail"),
]
