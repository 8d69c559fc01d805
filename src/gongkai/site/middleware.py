"""Security headers Django 5.2 does not set by itself: the Content-Security-Policy."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

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
    (names, ID numbers, letters, a generated password); and nothing of an applicant's
    pages leaves the site in a ``Referer``.

    An applicant's page is ``Referrer-Policy: same-origin``: other sites get no Referer at
    all, the site's own pages the path, which no longer holds the private link (the link's
    token is exchanged for a cookie and a clean URL on first visit, see
    ``applications.private_link``), and the forms keep a real ``Origin`` that CSRF accepts.
    Not ``no-referrer`` there: with it browsers send ``Origin: null`` and CSRF refuses the
    withdrawal and correction forms. A URL that still holds a token (the redirect that
    exchanges it, a wrong token's refusal, a message's link) is ``no-referrer``: no form
    is sent from those."""

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
            holds_token = "token" in request.GET
            response["Referrer-Policy"] = "no-referrer" if holds_token else "same-origin"
        return response


class NulByteMiddleware:
    """A request whose path or parameters hold a NUL character gets 400 with a Chinese
    message: no page or API needs one, and PostgreSQL refuses them in text (a 500)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path or _has_nul(request.GET) or _form_has_nul(request):
            message = "请求中含有不允许的字符（NUL），未处理"
            if request.path.startswith("/api/"):
                from django.http import JsonResponse

                return JsonResponse(
                    {"detail": message, "code": "nul_byte"},
                    status=400,
                    json_dumps_params={"ensure_ascii": False},
                )
            from django.http import HttpResponseBadRequest

            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


def _has_nul(params: Any) -> bool:
    return any("\x00" in key or any("\x00" in v for v in params.getlist(key)) for key in params)


def _form_has_nul(request: HttpRequest) -> bool:
    if request.method != "POST" or request.content_type != "application/x-www-form-urlencoded":
        return False
    return _has_nul(request.POST)
