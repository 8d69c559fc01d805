from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest

from ..models import Application
from ..querysets import visible_to


def get_case(request: HttpRequest, number: str) -> Application:
    """The case if the user may see it; 404 otherwise (never reveal it exists)."""
    case = visible_to(request.user).select_related("organ").filter(number=number).first()
    if case is None:
        raise Http404("未找到该申请，或无权查看")
    return case


def client_ip(request: HttpRequest) -> str:
    """The client's address, behind a trusted reverse proxy too (``core.clients``)."""
    from gongkai.core.clients import client_ip as address

    return address(request)


def user_of(request: HttpRequest) -> Any:
    return request.user
