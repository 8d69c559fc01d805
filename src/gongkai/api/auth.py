"""Authentication for the API: a staff token (``Authorization: Bearer …``) or the session."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from ninja.security import HttpBearer
from ninja.security import SessionAuth as NinjaSessionAuth

from gongkai.accounts.models import ApiToken


class StaffToken(HttpBearer):
    openapi_description = "职员 API 令牌：请求头 Authorization: Bearer <令牌>"

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        found = ApiToken.objects.authenticate(token)
        if found is None:
            return None
        request.user = found.user
        return found.user


class SessionAuth(NinjaSessionAuth):
    """The signed-in session, with django-ninja's CSRF check on unsafe methods.

    A request without a session cookie cannot be signed in, so it is not CSRF-checked
    and gets 401 (需要登录), not a 403 about a CSRF token it has no use for."""

    openapi_description = "登录会话（Cookie）；POST 等须带 X-CSRFToken 请求头"

    def _get_key(self, request: HttpRequest) -> str | None:
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return None
        return super()._get_key(request)


AUTH = [StaffToken(), SessionAuth()]
