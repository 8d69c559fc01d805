"""Every URL of the site refuses anonymous visitors, except an explicit list of public ones.

The test walks Django's URL resolver, so a view added tomorrow without its log-in check
fails here: back-office pages must redirect to the log-in page, API endpoints must answer
401, the Django admin must send to its own log-in. Public pages (the portal, the
application form, feeds, the sitemap, the API docs, the published reports) are listed by
URL name or namespace below; public API operations are those declared ``auth=None`` and
each one must be listed too.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

pytestmark = pytest.mark.django_db

# Whole namespaces served to the public.
PUBLIC_NAMESPACES = frozenset(
    {"portal", "applications_public", "reports_public", "interaction_public"}
)
# Single public pages, by URL name.
PUBLIC_NAMES = frozenset(
    {
        "site:public_home",
        "accounts:login",
        "accounts:logout",
        # a locked-out person, by definition not logged in: the link is signed and only a
        # POST unlocks; the request page answers alike for every username (test_unlock_by_email)
        "accounts:unlock_request",
        "accounts:unlock",
        "api:api-root",
        "api:openapi-json",
        "api:openapi-view",
        "admin:login",
        "admin:logout",
        "admin:view_on_site",
    }
)
# API operations declared ``auth=None`` (module.function); each checks what it shows itself.
PUBLIC_API_OPERATIONS = frozenset(
    {
        "gongkai.disclosure.api.search_items",  # search of published items
        "gongkai.disclosure.api.item_detail",  # a published item's metadata
        "gongkai.applications.api.intake",  # a citizen submits an application
        "gongkai.applications.api.get_case",  # the applicant, with the case's token
        "gongkai.applications.api.withdraw",  # the applicant withdraws, with the case's token
        "gongkai.reports.api.published",  # a published annual report
    }
)
METHODS = ("get", "post", "put", "patch", "delete")
SAMPLE = {"int": "1", "year": "2025", "slug": "bureau-a", "str": "x", "path": "x", "uuid": "0" * 32}
REGEX_SAMPLE = {"app_label": "organs", "url": "x"}


@dataclass(frozen=True)
class Route:
    url: str
    name: str
    namespace: str
    callback: Any

    def __str__(self) -> str:
        return f"{self.url} ({self.name})"


def _sample_path(text: str, pattern: Any) -> str:
    if isinstance(pattern, RoutePattern):
        return re.sub(r"<(?:(\w+):)?(\w+)>", lambda m: SAMPLE.get(m.group(1) or "str", "x"), text)
    text = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: REGEX_SAMPLE.get(m.group(1), "1"), text)
    return text.replace("^", "").replace("$", "").replace("\\", "")


def _walk(patterns: list[Any], prefix: str = "/", namespace: str = "") -> Iterator[Route]:
    for entry in patterns:
        part = _sample_path(str(entry.pattern), entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _walk(entry.url_patterns, prefix + part, entry.namespace or namespace)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace else str(entry.name)
            yield Route(prefix + part, name, namespace, entry.callback)


ROUTES = list(_walk(get_resolver().url_patterns))


def _is_public(route: Route) -> bool:
    return route.namespace in PUBLIC_NAMESPACES or route.name in PUBLIC_NAMES


def _api_operations(route: Route) -> dict[str, Any]:
    """Method → ninja Operation served at this API route."""
    path_view = inspect.getclosurevars(route.callback).nonlocals["self"]
    return {m.lower(): op for op in path_view.operations for m in op.methods}


def _qualified(operation: Any) -> str:
    func = operation.view_func
    return f"{func.__module__}.{func.__name__}"


def _is_public_operation(operation: Any) -> bool:
    return operation.auth_param is None


PAGES = [r for r in ROUTES if r.namespace not in ("api", "admin") and not _is_public(r)]
ADMIN = [r for r in ROUTES if r.namespace == "admin" and not _is_public(r)]
API = [
    (route, method)
    for route in ROUTES
    if route.namespace == "api" and not _is_public(route)
    for method, op in _api_operations(route).items()
    if not _is_public_operation(op)
]


def test_the_walk_found_the_site() -> None:
    names = {r.name for r in ROUTES}
    assert {"site:home", "site:organ_people", "workcalendar:overview", "api:get_organ"} <= names
    assert len(PAGES) > 20 and len(API) > 5


def test_allow_list_names_exist() -> None:
    """A stale allow-list entry would hide nothing today but could hide a page tomorrow."""
    assert PUBLIC_NAMES - {r.name for r in ROUTES} == set()


def test_public_api_operations_are_all_listed() -> None:
    public = {
        _qualified(op)
        for route in ROUTES
        if route.namespace == "api" and not _is_public(route)
        for op in _api_operations(route).values()
        if _is_public_operation(op)
    }
    assert public - PUBLIC_API_OPERATIONS == set(), (
        "新的公开接口（auth=None）须列入 tests/site/test_every_url_is_guarded.py 的"
        " PUBLIC_API_OPERATIONS，并注明它自己如何核对调用者"
    )


@pytest.mark.parametrize("route", PAGES, ids=str)
def test_back_office_pages_send_anonymous_visitors_to_log_in(route: Route) -> None:
    client = Client()
    redirected = 0
    for method in ("get", "post"):
        response = getattr(client, method)(route.url)
        if response.status_code == 405:
            continue
        assert response.status_code == 302, f"{method.upper()} {route} → {response.status_code}"
        assert response["Location"].startswith("/accounts/login/?next="), route
        redirected += 1
    assert redirected, f"{route}: neither GET nor POST reached the log-in check"


@pytest.mark.parametrize("route", ADMIN, ids=str)
def test_admin_pages_send_anonymous_visitors_to_the_admin_log_in(route: Route) -> None:
    response = Client().get(route.url)
    assert response.status_code == 302, f"{route} → {response.status_code}"
    assert response["Location"].startswith("/admin/login/?next="), route


@pytest.mark.parametrize(("route", "method"), API, ids=lambda v: str(v))
def test_api_refuses_anonymous_callers(route: Route, method: str) -> None:
    response = getattr(Client(), method)(route.url, content_type="application/json")
    assert response.status_code == 401, f"{method.upper()} {route} → {response.status_code}"
    assert response.json()["code"] == "unauthenticated"
