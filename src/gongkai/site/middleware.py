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
