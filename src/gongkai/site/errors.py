"""One error boundary: a domain error reaches a person as a Chinese message, never a 500.

    describe(exc) -> DomainFailure | None     the one table below: (status, code, message)
    DomainErrorMiddleware                      pages: a POST goes back to the page it came
                                               from with the message; a GET gets an error
                                               page in the office or portal shell
    returns_to(name, *params)                  where a refused POST goes when the browser
                                               sent no Referer
    gongkai.api.errors.install                 the API: ``{"detail": message, "code": code}``

The domain errors and what they become (409: the state, a guard or the calendar does not
allow it; 422: the data cannot be used; 403: the user's role may not do it):

    deadlines.DeadlineError
     ├── CalendarNotCovered      409 calendar_not_covered
     ├── CalendarDataError       409 calendar_data
     └── ClockError              409 clock
    applications.CaseworkError   the class's own ``status`` and ``code``
                                 (NotAllowedInState/GuardFailed/Conflict 409,
                                 RoleNotAllowed 403, InvalidInput 400 — also the files check)
    annual.GongkaiError
     ├── SchemaError             422 schema
     ├── ParseError              422 parse
     └── RenderError             422 render
    disclosure.TransitionError   the error's ``code``: wrong_role 403; wrong_state,
                                 not_draft, revising, same_person, ended_before_made 409;
                                 any other (bad field, unknown event) 422
    disclosure.UploadRefused     422 upload_refused
    disclosure.PatternError      422 index_pattern
    applications.FeeError        422 fee
    applications.InvalidIdentity 422 invalid_identity
    reports.ReportsError         409 refused
     ├── NotAllowed              403 forbidden
     ├── InvalidInput            422 invalid
     ├── StaleVersion            409 stale
     └── PublishRefused          409 has_errors
    django ValidationError       422 invalid

Services write in one ``transaction.atomic``, so an error that reaches this boundary has
already rolled back whatever the service had written: nothing is half-written. Views keep
a ``try`` only where they do something this boundary cannot (re-render a form with the
error on it, go to another page).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final, TypeVar
from urllib.parse import urlsplit, urlunsplit

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

logger = logging.getLogger(__name__)

API_PREFIX: Final = "/api/"
TEMPLATE: Final = "site/domain_error.html"
SAFE_METHODS: Final = frozenset({"GET", "HEAD", "OPTIONS"})
RETURN_ATTRIBUTE: Final = "_gongkai_returns_to"

TITLES: Final = {
    400: "请求内容有误",
    403: "无权执行此操作",
    409: "暂时无法完成此操作",
    422: "提交的内容无法处理",
}

TRANSITION_CONFLICTS: Final = frozenset(
    {"wrong_state", "not_draft", "revising", "same_person", "ended_before_made"}
)
"""Codes of ``disclosure.TransitionError`` that are about the item's state (409)."""


@dataclass(frozen=True)
class DomainFailure:
    """What a person is told about a domain error: HTTP status, stable code, Chinese text."""

    status: int
    code: str
    message: str

    @property
    def title(self) -> str:
        return TITLES.get(self.status, "操作未完成")

    def body(self) -> dict[str, str]:
        """The API's JSON body."""
        return {"detail": self.message, "code": self.code}


Rule = Callable[[Any], DomainFailure]


def _text(exc: BaseException, default: str) -> str:
    return str(getattr(exc, "message", "") or exc).strip() or default


def _fixed(status: int, code: str, default: str) -> Rule:
    return lambda exc: DomainFailure(status, code, _text(exc, default))


def _own_code(status: int, default: str) -> Rule:
    """The error carries a stable ``code`` of its own (``ReportsError``)."""
    return lambda exc: DomainFailure(status, str(exc.code), _text(exc, default))


def _casework(exc: Any) -> DomainFailure:
    status = int(exc.status)
    return DomainFailure(
        status if 400 <= status < 500 else 409, str(exc.code), _text(exc, "操作未完成")
    )


def _transition(exc: Any) -> DomainFailure:
    code = str(exc.code)
    if code == "wrong_role":
        status = 403
    elif code in TRANSITION_CONFLICTS:
        status = 409
    else:
        status = 422
    return DomainFailure(status, code, _text(exc, "操作未完成"))


def _validation(exc: Any) -> DomainFailure:
    return DomainFailure(422, "invalid", "；".join(exc.messages) or "提交的内容不符合要求")


@functools.cache
def rules() -> dict[type[BaseException], Rule]:
    """Error class → rule; imported on first use, so importing this module imports no app."""
    from django.core.exceptions import ValidationError

    from gongkai.annual.errors import GongkaiError, ParseError, RenderError, SchemaError
    from gongkai.applications.errors import CaseworkError
    from gongkai.applications.fees import FeeError
    from gongkai.applications.idcheck import InvalidIdentity
    from gongkai.deadlines.errors import (
        CalendarDataError,
        CalendarNotCovered,
        ClockError,
        DeadlineError,
    )
    from gongkai.disclosure.content import UploadRefused
    from gongkai.disclosure.index_numbers import PatternError
    from gongkai.disclosure.workflow import TransitionError
    from gongkai.reports import services as reports

    return {
        CalendarNotCovered: _fixed(409, "calendar_not_covered", "工作日历尚未覆盖所需年份"),
        CalendarDataError: _fixed(409, "calendar_data", "工作日历数据有误"),
        ClockError: _fixed(409, "clock", "办理记录的顺序或内容不能用于计算期限"),
        DeadlineError: _fixed(409, "deadline", "无法计算期限"),
        CaseworkError: _casework,
        SchemaError: _fixed(422, "schema", "年度报告数据不符合 annual-report/1 格式"),
        ParseError: _fixed(422, "parse", "无法读取该文件"),
        RenderError: _fixed(422, "render", "无法生成该格式的文件"),
        GongkaiError: _fixed(422, "annual", "年度报告无法处理"),
        TransitionError: _transition,
        UploadRefused: _fixed(422, "upload_refused", "附件未保存"),
        PatternError: _fixed(422, "index_pattern", "索引号规则无效"),
        FeeError: _fixed(422, "fee", "收费计算的输入有误"),
        InvalidIdentity: _fixed(422, "invalid_identity", "证件号码无效"),
        reports.NotAllowed: _own_code(403, "无权执行此操作"),
        reports.InvalidInput: _own_code(422, "提交的内容不符合要求"),
        reports.StaleVersion: _own_code(409, "他人已修改这份报告，请刷新后重试"),
        reports.PublishRefused: _own_code(409, "核查发现错误，不能发布"),
        reports.ReportsError: _own_code(409, "操作未完成"),
        ValidationError: _validation,
    }


def domain_error_classes() -> tuple[type[BaseException], ...]:
    """Every class ``describe`` knows (subclasses included through them)."""
    return tuple(rules())


def describe(exc: BaseException) -> DomainFailure | None:
    """The status, code and Chinese message for a domain error; ``None`` for any other."""
    table = rules()
    for cls in type(exc).__mro__:
        rule = table.get(cls)
        if rule is not None:
            return rule(exc)
    return None


# ---------------------------------------------------------------------------- pages

View = TypeVar("View", bound=Callable[..., HttpResponse])


def returns_to(name: str, *params: str) -> Callable[[View], View]:
    """Name the page a refused POST goes back to when the browser sent no Referer.

    ``@returns_to("applications:detail", "number")`` reverses ``applications:detail`` with
    the view's own ``number`` argument. Without it (and without a Referer) the boundary
    goes back to the request's own path.
    """

    def decorate(view: View) -> View:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            setattr(request, RETURN_ATTRIBUTE, (name, {p: kwargs[p] for p in params}))
            return view(request, *args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorate


def back_url(request: HttpRequest) -> str:
    """The page the user came from: the same-origin Referer, else the view's declared
    page (``returns_to``), else the request's own path."""
    referer = str(request.META.get("HTTP_REFERER", ""))
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        parts = urlsplit(referer)
        path = parts.path or "/"
        if not path.startswith(("//", "/\\")):  # "//host/…" would leave the site
            return str(urlunsplit(("", "", path, parts.query, "")))
    declared = getattr(request, RETURN_ATTRIBUTE, None)
    if declared is not None:
        name, kwargs = declared
        return str(reverse(name, kwargs=kwargs))
    return str(request.path)


class DomainErrorMiddleware:
    """Turn a domain error raised by a page's view into a message (see the module).

    A POST (or any other unsafe method) goes back to the page the user came from, with the
    message shown there, whatever the status; a GET gets the error page with the status
    and the message. Requests under ``/api/`` are left to the API's handlers.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if request.path_info.startswith(API_PREFIX):
            return None
        failure = describe(exception)
        if failure is None:
            return None
        logger.warning(
            "%s %s refused: %s %s (%s): %s",
            request.method,
            request.path,
            failure.status,
            failure.code,
            type(exception).__name__,
            failure.message,
        )
        if request.method in SAFE_METHODS:
            return render(request, TEMPLATE, {"failure": failure}, status=failure.status)
        messages.error(request, failure.message)
        return redirect(back_url(request))
