"""Security headers Django 5.2 does not set by itself: the Content-Security-Policy."""

from __future__ import annotations

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
