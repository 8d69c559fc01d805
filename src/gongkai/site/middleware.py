"""Security headers Django 5.2 does not set by itself: the Content-Security-Policy."""

from __future__ import annotations

import re
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

API_DOCS_PATHS = ("/api/docs",)


class ContentSecurityPolicyMiddleware:
    """Send ``Content-Security-Policy`` on every response: no inline script anywhere."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            if request.path.startswith(API_DOCS_PATHS):
                response["Content-Security-Policy"] = settings.CONTENT_SECURITY_POLICY_API_DOCS
            else:
                response["Content-Security-Policy"] = settings.CONTENT_SECURITY_POLICY
        return response


class AdminAccessMiddleware:
    """A signed-in person without 系统管理 rights who opens ``/admin/`` gets the 无权访问
    page in the office shell, not the admin's second log-in form."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            request.path.startswith("/admin/")
            and user is not None
            and user.is_authenticated
            and not (user.is_active and user.is_staff)
        ):
            from django.core.exceptions import PermissionDenied

            from .views import forbidden

            return forbidden(request, PermissionDenied("没有系统管理权限"))
        return self.get_response(request)


PRIVATE_PREFIXES = ("/office/", "/accounts/", "/admin/", "/api/")
APPLICANT_PAGE = re.compile(
    r"^/(apply|messages)/(?!status/|write/|ask/|consultations/|shown/|done/$)[^/]+/"
)
"""An applicant's own pages (a case or a message by its number, and everything under it)."""


class PrivateResponseMiddleware:
    """Nothing private is kept by a browser or a proxy: ``Cache-Control: no-store`` on
    every response to a signed-in person and on every back-office, API and applicant page
    (names, ID numbers, letters, a generated password); and an applicant's pages send no
    ``Referer`` on a click, which would carry their private link to the next page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        applicant = bool(APPLICANT_PAGE.match(request.path)) or request.path.startswith(
            ("/apply/done/", "/messages/done/")
        )
        signed_in = user is not None and user.is_authenticated
        private = signed_in or applicant or request.path.startswith(PRIVATE_PREFIXES)
        if private and "no-store" not in response.get("Cache-Control", ""):
            response["Cache-Control"] = "no-store"
            response["Pragma"] = "no-cache"
        if applicant:
            response["Referrer-Policy"] = "no-referrer"
        return response
