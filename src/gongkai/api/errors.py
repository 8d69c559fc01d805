"""One JSON error shape for the whole API: ``{"detail": "<中文说明>", "code": "<code>"}``.

Domain errors (deadlines, workflow, annual reports, files) get their status and code from
``gongkai.site.errors.describe``, the same table the pages use: 409 or 422, never 500.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from gongkai.site.errors import describe, domain_error_classes


def install(api: NinjaAPI) -> None:
    def not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
        return api.create_response(
            request, {"detail": "未找到请求的资源，或无权查看。", "code": "not_found"}, status=404
        )

    def forbidden(request: HttpRequest, exc: Exception) -> HttpResponse:
        return api.create_response(
            request, {"detail": "无权执行此操作。", "code": "forbidden"}, status=403
        )

    def unauthenticated(request: HttpRequest, exc: Exception) -> HttpResponse:
        return api.create_response(
            request,
            {"detail": "需要登录或提供有效的 API 令牌。", "code": "unauthenticated"},
            status=401,
        )

    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return api.create_response(
            request, {"detail": str(exc), "code": f"http_{exc.status_code}"}, status=exc.status_code
        )

    def invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        return api.create_response(
            request,
            {"detail": "请求数据不符合要求。", "code": "invalid", "errors": exc.errors},
            status=422,
        )

    def domain(request: HttpRequest, exc: Exception) -> HttpResponse:
        failure = describe(exc)
        if failure is None:  # only registered for the classes describe knows
            raise exc
        return api.create_response(request, failure.body(), status=failure.status)

    api.add_exception_handler(Http404, not_found)
    api.add_exception_handler(PermissionDenied, forbidden)
    api.add_exception_handler(AuthenticationError, unauthenticated)
    api.add_exception_handler(HttpError, http_error)
    api.add_exception_handler(ValidationError, invalid)
    for domain_error in domain_error_classes():
        api.add_exception_handler(domain_error, domain)
