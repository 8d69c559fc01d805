"""Schema fuzzing of the HTTP API (issue 17): schemathesis generates requests from
``/api/openapi.json`` and sends them to the application in-process, once with no
credentials and once with an officer's API token.

Every answer must be no 5xx, a status code the document declares for that operation, and
the declared content type (JSON) with a body of the declared shape. Path parameters are
sometimes replaced by real objects of a small fixture (an organ, a case, a published item,
a report draft), so the fuzzer also reaches past the 404s.

Bounded for CI: ``EXAMPLES`` per operation (default 10, derandomized);
``GONGKAI_FUZZ_EXAMPLES=200`` runs longer, random searches by hand.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.checks import (  # type: ignore[attr-defined]
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.config import SchemathesisConfig
from schemathesis.core.failures import FailureGroup

from gongkai.accounts.models import ApiToken
from gongkai.config.wsgi import application
from gongkai.disclosure import workflow as disclosure_workflow
from gongkai.reports import services as reports
from gongkai_demo.factories.disclosure import Team, make_item
from tests.applications.factories import Staff, make_case

DEFAULT_EXAMPLES = 10
EXAMPLES = int(os.environ.get("GONGKAI_FUZZ_EXAMPLES") or DEFAULT_EXAMPLES)
LONG_RUN = "GONGKAI_FUZZ_EXAMPLES" in os.environ
YEAR = 2025
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]

REAL: dict[str, Any] = {}
"""Path parameter name → a real value of the current test's fixture."""


@pytest.fixture(autouse=True)
def _keep_the_test_connection() -> Iterator[None]:
    """The requests go through the real WSGI handler, which closes the database connection
    when a request starts and ends; in a test that would end the test's transaction (on
    PostgreSQL). Django's test client disconnects the same receivers."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def world(db: None, frozen_today: datetime.date) -> Iterator[dict[str, Any]]:
    """An organ with staff, a registered case, a published item and a report draft."""
    cache.clear()  # the intake's rate limit counts per address across tests
    staff = Staff()
    case = make_case(staff)
    team = Team.for_organ(staff.organ)
    item = make_item(team, state=disclosure_workflow.PUBLISHED, on=frozen_today)
    reports.open_draft(staff.organ, YEAR, staff.officer)
    REAL.update(
        slug=staff.organ.slug,
        organ=staff.organ.slug,
        code=staff.organ.slug,
        year=YEAR,
        number=case.number,
        item_id=item.pk,
        action="draft_reply",
        day=frozen_today.isoformat(),
    )
    _, token = ApiToken.objects.issue(staff.officer, "模糊测试")
    yield {"staff": staff, "case": case, "item": item, "token": token}
    REAL.clear()
    cache.clear()


CONFIG = SchemathesisConfig.from_dict(
    {
        "generation": {
            "max-examples": EXAMPLES,
            "deterministic": not LONG_RUN,
            "database": "none",
        },
    }
)
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application, config=CONFIG)


SHARED_WORLD = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
"""One world per operation, shared by its examples (what they write stays, as on a server)."""


@schema.hook
def flatmap_path_parameters(context: Any, params: dict[str, Any] | None) -> Any:
    """As generated, or with the parameters this module knows set to the fixture's objects."""
    if not params:
        return st.just(params)
    real = {k: str(REAL.get(k, v)) for k, v in params.items()}
    return st.sampled_from([params, real])


@schema.parametrize()
@SHARED_WORLD
def test_anonymous(case: Any, world: dict[str, Any]) -> None:
    case.call_and_validate(checks=CHECKS)


@schema.parametrize()
@SHARED_WORLD
def test_officer_token(case: Any, world: dict[str, Any]) -> None:
    headers = {"Authorization": f"Bearer {world['token']}"}
    case.call_and_validate(headers=headers, checks=CHECKS)


# ------------------------------------------------------------------ the harness itself

REACHED = {
    "/api/organs/{slug}/people": 403,  # past the 404: the officer is not the organ's admin
    "/api/reports/{organ}/{year}": 404,  # the fixture's report is a draft, not published
}


def test_the_real_parameters_reach_the_fixtures_objects(world: dict[str, Any]) -> None:
    """The fuzzer's second kind of path parameters names objects that exist."""
    from django.test import Client

    client = Client()
    headers = {"Authorization": f"Bearer {world['token']}"}
    reached = {}
    for operation in schema.get_all_operations():
        op = operation.ok()
        if op.method.upper() != "GET" or "{" not in op.path:
            continue
        url = op.path.format(**REAL)
        reached[op.path] = client.get(url, headers=headers).status_code
    assert len(reached) >= 10
    assert reached == {path: REACHED.get(path, 200) for path in reached}


def test_the_checks_catch_a_server_error(
    world: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A view that breaks is found: the JSON 500 is still a failure."""

    def broken(today: Any) -> Any:
        raise RuntimeError("模拟的程序错误")

    monkeypatch.setattr("gongkai.workcalendar.api.calendar_status", broken)
    case = schema["/api/workcalendar/status"]["GET"].Case()
    headers = {"Authorization": f"Bearer {world['token']}"}
    with pytest.raises(FailureGroup) as found:
        case.call_and_validate(headers=headers, checks=CHECKS)
    assert [type(e).__name__ for e in found.value.exceptions] == ["ServerError"]
