"""Send a user whose password must be changed to the 修改密码 page, whatever they open."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from .passwords import must_change


class PasswordChangeRequiredMiddleware:
    """Session users flagged ``must_change`` may only change their password or log out.

    API token requests are not affected: their user is set by the API's own
    authentication, after this middleware, so ``request.user`` is anonymous here.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._exempt(request.path) or not must_change(request.user):
            return self.get_response(request)
        return redirect("accounts:password_change")

    @staticmethod
    def _exempt(path: str) -> bool:
        allowed = (
            reverse("accounts:password_change"),
            reverse("accounts:logout"),
            reverse("accounts:login"),
        )
        static = str(settings.STATIC_URL or "/static/")
        return path in allowed or path.startswith(
            static if static.startswith("/") else "/" + static
        )
