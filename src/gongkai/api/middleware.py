"""Every error the API answers is JSON of its one shape, even those no view wrote.

django-ninja answers a method an operation does not accept (405) with plain text, before
any of the API's exception handlers run; this turns such a response, and any other
non-JSON error under ``/api/``, into ``{"detail": "<中文说明>", "code": "<code>"}`` with
the status and headers (``Allow``) kept.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

MESSAGES = {
    405: ("method_not_allowed", "该接口不支持 {method} 请求，可用的方法：{allow}。"),
    413: ("too_large", "请求内容过大。"),
}
GENERIC = ("http_{status}", "请求未能完成（HTTP {status}）。")


def _json_error(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    code, text = MESSAGES.get(response.status_code, GENERIC)
    body = {
        "detail": text.format(
            method=request.method, allow=response.get("Allow", "无"), status=response.status_code
        ),
        "code": code.format(status=response.status_code),
    }
    out = HttpResponse(
        json.dumps(body, ensure_ascii=False),
        status=response.status_code,
        content_type="application/json; charset=utf-8",
    )
    for header in ("Allow", "Retry-After", "WWW-Authenticate"):
        if header in response:
            out[header] = response[header]
    return out


class ApiJsonErrorsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            request.path.startswith("/api/")
            and response.status_code >= 400
            and not response.get("Content-Type", "").startswith("application/json")
            and not getattr(response, "streaming", False)
        ):
            return _json_error(request, response)
        return response
