"""One error boundary: a domain error reaches a person as a Chinese message, never a 500.

    describe(exc) -> DomainFailure | None     (status, code, message) by the rules the apps
                                               registered (``register`` in each app's
                                               ``domain_errors`` module)
    DomainErrorMiddleware                      pages: a POST goes back to the page it came
                                               from with the message; a GET gets an error
                                               page in the office or portal shell
    returns_to(name, *params)                  where a refused POST goes when the browser
                                               sent no Referer
    gongkai.api.errors.install                 the API: ``{"detail": message, "code": code}``

The domain errors and what they become (409: the state, a guard or the calendar does not
allow it; 422: the data cannot be used; 403: the user's role may not do it), as
``gongkai.core.domain_errors`` and the apps' own ``domain_errors`` modules register them:

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
from django.utils.module_loading import autodiscover_modules

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

_RULES: dict[type[Exception], Rule] = {}


def register(cls: type[Exception], rule: Rule) -> None:
    """Say what ``cls`` (and its subclasses without a rule of their own) becomes.

    Each app does it for its own errors in its ``domain_errors`` module, which
    ``CoreConfig.ready`` imports (``discover``)."""
    _RULES[cls] = rule


def discover() -> None:
    """Import every installed app's ``domain_errors`` module."""
    autodiscover_modules("domain_errors")


def text(exc: BaseException, default: str) -> str:
    """The error's own message, else ``default``."""
    return str(getattr(exc, "message", "") or exc).strip() or default


def fixed(status: int, code: str, default: str) -> Rule:
    """Always ``status`` and ``code``; the error's message, else ``default``."""
    return lambda exc: DomainFailure(status, code, text(exc, default))


def own_code(status: int, default: str) -> Rule:
    """The error carries a stable ``code`` of its own (``ReportsError``)."""
    return lambda exc: DomainFailure(status, str(exc.code), text(exc, default))


def rules() -> dict[type[Exception], Rule]:
    """Error class → rule, as the apps registered them."""
    return dict(_RULES)


def domain_error_classes() -> tuple[type[Exception], ...]:
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
