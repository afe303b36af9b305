"""Middleware of our own (the rest is Django's and the libraries')."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.urls import reverse


class AdminRefusesNulMiddleware:
    """A NUL character in the admin's query string (a search, a list filter, an autocomplete
    term) is a 400: PostgreSQL refuses NUL in a text literal, which was a 500. The public
    pages handle NUL themselves (reported, or a 422 in the API)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(reverse("admin:index")) and any(
            "\x00" in name or any("\x00" in value for value in values)
            for name, values in request.GET.lists()
        ):
            return HttpResponseBadRequest(
                "NUL characters are not allowed in a search or filter.",
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
