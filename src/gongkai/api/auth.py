"""Authentication for the API: a staff token (``Authorization: Bearer …``) or the session."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer, django_auth

from gongkai.accounts.models import ApiToken


class StaffToken(HttpBearer):
    openapi_description = "职员 API 令牌：请求头 Authorization: Bearer <令牌>"

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        found = ApiToken.objects.authenticate(token)
        if found is None:
            return None
        request.user = found.user
        return found.user


AUTH = [StaffToken(), django_auth]
