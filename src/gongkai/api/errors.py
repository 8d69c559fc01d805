"""One JSON error shape for the whole API: ``{"detail": "<中文说明>", "code": "<code>"}``
(``ErrorOut``; a refused form or bad parameters add ``errors``: field → Chinese messages).

Domain errors (deadlines, workflow, annual reports, files) get their status and code from
``gongkai.core.errors.describe``, the same table the pages use: 409 or 422, never 500. Any
other exception is a 500 with ``code`` ``server_error``, logged with its traceback as
Django logs one (``django.request``), and still JSON.

Which statuses an operation can give is declared in the OpenAPI document in two places:
what the view itself answers (201, 403 by role, 409, 429, 502 …) in its ``response=``;
what the API gives every operation of a kind (``declare_common_errors``) here:

    400  every operation (a NUL character, see site.middleware.NulByteMiddleware; a body
         that is not JSON; too many parameters or too large a body)
    401  operations that require authentication
    403  unsafe methods with session authentication (the CSRF check)
    404  paths with parameters (the value may name nothing, or nothing the caller may see)
    422  operations with parameters or a body (validation)
    500  every operation
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Final, TypeVar, cast

from django.core import signals
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.log import log_response
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from gongkai.core.errors import describe, domain_error_classes

logger = logging.getLogger(__name__)


class ErrorOut(Schema):
    detail: str
    code: str
    errors: dict[str, list[str]] | None = None


NOT_FOUND: Final = {"detail": "未找到请求的资源，或无权查看。", "code": "not_found"}
FORBIDDEN: Final = {"detail": "无权执行此操作。", "code": "forbidden"}
BAD_REQUEST: Final = {
    "detail": "请求无法处理（参数过多、请求过大或请求头不合要求）。",
    "code": "bad_request",
}
SERVER_ERROR: Final = {
    "detail": "服务器内部错误，已记录，请稍后重试；仍不成功请联系系统管理员。",
    "code": "server_error",
}
FRAMEWORK_MESSAGES: Final = {
    "Cannot parse request body": ("请求体不是有效的 JSON。", "invalid_body"),
    "CSRF check Failed": (
        "以登录会话调用须带 X-CSRFToken 请求头（值为 csrftoken Cookie），或改用 API 令牌。",
        "csrf",
    ),
}
"""django-ninja's own English ``HttpError`` messages (by prefix) → Chinese and a code."""


_E = TypeVar("_E", bound=Exception)


def _handle(
    api: NinjaAPI, exc_class: type[_E], handler: Callable[[HttpRequest, _E], HttpResponse]
) -> None:
    """``api.add_exception_handler``: django-ninja calls the handler with the raised
    instance, though its annotation admits the class as well."""
    api.add_exception_handler(exc_class, cast(Any, handler))


def install(api: NinjaAPI) -> None:
    def not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
        return api.create_response(request, NOT_FOUND, status=404)

    def forbidden(request: HttpRequest, exc: Exception) -> HttpResponse:
        return api.create_response(request, FORBIDDEN, status=403)

    def suspicious(request: HttpRequest, exc: SuspiciousOperation) -> HttpResponse:
        # As Django answers one outside the API: 400, logged on django.security.<name>.
        security = logging.getLogger(f"django.security.{type(exc).__name__}")
        security.error(str(exc), extra={"status_code": 400, "request": request})
        return api.create_response(request, BAD_REQUEST, status=400)

    def unauthenticated(request: HttpRequest, exc: Exception) -> HttpResponse:
        return api.create_response(
            request,
            {"detail": "需要登录或提供有效的 API 令牌。", "code": "unauthenticated"},
            status=401,
        )

    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        detail, code = str(exc), f"http_{exc.status_code}"
        for english, (chinese, known) in FRAMEWORK_MESSAGES.items():
            if detail.startswith(english):
                detail, code = chinese, known
        return api.create_response(
            request, {"detail": detail, "code": code}, status=exc.status_code
        )

    def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        errors = validation_messages(exc.errors)
        first = next(iter(errors.items()), None)
        detail = "请求数据不符合要求"
        if first is not None:
            detail += f"：{first[0]} {first[1][0]}"
        return api.create_response(
            request, {"detail": detail, "code": "invalid", "errors": errors}, status=422
        )

    def domain(request: HttpRequest, exc: Exception) -> HttpResponse:
        failure = describe(exc)
        if failure is None:  # only registered for the classes describe knows
            raise exc
        return api.create_response(request, failure.body(), status=failure.status)

    def server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
        # What Django does for an exception no one handled: tell the error reporters, log
        # the traceback at ERROR on django.request; only the body differs (JSON).
        signals.got_request_exception.send(sender=None, request=request)
        response = api.create_response(request, SERVER_ERROR, status=500)
        log_response(
            "%s: %s",
            response.reason_phrase,
            request.path,
            response=response,
            request=request,
            exception=exc,
        )
        return response

    _handle(api, Exception, server_error)
    _handle(api, Http404, not_found)
    _handle(api, PermissionDenied, forbidden)
    _handle(api, SuspiciousOperation, suspicious)
    _handle(api, AuthenticationError, unauthenticated)
    _handle(api, HttpError, http_error)
    _handle(api, ValidationError, invalid)
    for domain_error in domain_error_classes():
        _handle(api, domain_error, domain)


# ------------------------------------------------------------------ validation in Chinese


def _message(error: dict[str, Any]) -> str:
    kind = str(error.get("type", ""))
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return "此项为必填项"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return "应为整数"
    if kind in ("float_parsing", "float_type", "decimal_parsing", "decimal_type"):
        return "应为数字"
    if kind in ("greater_than_equal", "greater_than"):
        bound = ctx.get("ge", ctx.get("gt"))
        return f"应不小于{bound}" if kind == "greater_than_equal" else f"应大于{bound}"
    if kind in ("less_than_equal", "less_than"):
        bound = ctx.get("le", ctx.get("lt"))
        return f"应不大于{bound}" if kind == "less_than_equal" else f"应小于{bound}"
    if kind == "string_too_long":
        return f"最多{ctx.get('max_length')}个字符"
    if kind == "string_too_short":
        return f"至少{ctx.get('min_length')}个字符"
    if kind in ("string_type", "string_unicode"):
        return "应为文字"
    if kind in ("bool_parsing", "bool_type"):
        return "应为 true 或 false"
    if kind.startswith(("date_", "datetime_")):
        return "应为有效日期，如2025-03-01"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "应为 JSON 对象"
    if kind == "list_type":
        return "应为列表"
    if kind == "json_invalid":
        return "不是有效的 JSON"
    return "格式不正确"


def validation_messages(errors: list[dict[str, Any]]) -> dict[str, list[str]]:
    """django-ninja's validation errors → ``{"<where>": ["<中文>"]}``.

    ``where`` is the parameter or body field (``limit``, ``data.on``); the source
    (``query``, ``path``, ``body``) and the body's argument name are left out.
    """
    out: dict[str, list[str]] = {}
    for error in errors:
        loc = [str(part) for part in error.get("loc", ())]
        source, rest = (loc[0], loc[1:]) if loc else ("body", [])
        if source == "body" and rest:
            rest = rest[1:]  # the view's argument name ("payload")
        where = ".".join(rest) or {"body": "请求体"}.get(source, source)
        out.setdefault(where, []).append(_message(error))
    return out


# ------------------------------------------------------------------ the OpenAPI document

COMMON: Final = {
    400: "请求中含有不允许的字符（NUL）、请求体不是有效的 JSON，或参数过多、请求过大",
    401: "未登录，或 API 令牌无效、已过期或已撤销",
    403: "无权执行此操作；以登录会话调用时缺少 CSRF 令牌",
    404: "未找到，或无权查看",
    422: "参数或请求数据不符合要求（errors 按字段列出原因）",
    500: "服务器内部错误（已记录）",
}
UNSAFE_METHODS: Final = frozenset({"post", "put", "patch", "delete"})
ERROR_REF: Final = "#/components/schemas/ErrorOut"


def common_errors(method: str, path: str, operation: dict[str, Any]) -> list[int]:
    """The statuses every operation like this one can give (see the module)."""
    codes = [400, 500]
    security = operation.get("security") or []
    if security:
        codes.append(401)
        if method in UNSAFE_METHODS and any("SessionAuth" in s for s in security):
            codes.append(403)
    if "{" in path:
        codes.append(404)
    if operation.get("parameters") or operation.get("requestBody"):
        codes.append(422)
    return sorted(codes)


def declare_common_errors(schema: dict[str, Any]) -> dict[str, Any]:
    """Add ``common_errors`` to every operation of the document; the view's own
    declarations are kept."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.setdefault(
        "ErrorOut", ErrorOut.model_json_schema(ref_template="#/components/schemas/{model}")
    )
    for path, methods in schema.get("paths", {}).items():
        for method, operation in methods.items():
            responses = operation.setdefault("responses", {})
            for code in common_errors(method, path, operation):
                responses.setdefault(
                    code,
                    {
                        "description": COMMON[code],
                        "content": {"application/json": {"schema": {"$ref": ERROR_REF}}},
                    },
                )
            operation["responses"] = dict(sorted(responses.items(), key=lambda kv: str(kv[0])))
    return schema
