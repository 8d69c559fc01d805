"""The API answers JSON in one shape, whatever went wrong, and its document declares it.

``{"detail": "<中文>", "code": "<code>"}`` (plus ``errors`` for bad fields) for a 400, 401,
403, 404, 422 and 500 — also when the error happens outside the API's own handlers (an
unknown path, the NUL-byte middleware, too many parameters). Pages keep their HTML.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from django.core.signals import got_request_exception
from django.test import Client, RequestFactory

from gongkai.accounts.models import ApiToken
from gongkai.api import errors
from gongkai.organs.roles import Role
from gongkai.site import views

pytestmark = pytest.mark.django_db

SHAPE = {"detail", "code"}


@pytest.fixture
def officer(organ_tree: dict[str, Any], make_member: Any) -> Any:
    return make_member(organ_tree["a"], Role.OFFICER)


@pytest.fixture
def bearer(officer: Any) -> dict[str, str]:
    _, plain = ApiToken.objects.issue(officer, "测试")
    return {"Authorization": f"Bearer {plain}"}


def is_json(response: Any) -> bool:
    return str(response["Content-Type"]).startswith("application/json")


@pytest.mark.parametrize("debug", [False, True], ids=["production", "DEBUG"])
def test_an_unexpected_exception_is_a_logged_json_500(
    bearer: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    settings: Any,
    debug: bool,
) -> None:
    """In production Django's own handler would log it and answer with the 500 page; under
    DEBUG django-ninja would answer with the traceback as text. Both are JSON here."""
    settings.DEBUG = debug

    def broken(today: Any) -> Any:
        raise RuntimeError("数据库连接中断")

    monkeypatch.setattr("gongkai.workcalendar.api.calendar_status", broken)
    reported: list[Any] = []

    def receiver(**kwargs: Any) -> None:
        reported.append(kwargs["request"].path)

    got_request_exception.connect(receiver)
    try:
        with caplog.at_level(logging.ERROR, logger="django.request"):
            response = Client(raise_request_exception=False).get(
                "/api/workcalendar/status", headers=bearer
            )
    finally:
        got_request_exception.disconnect(receiver)
    assert response.status_code == 500 and is_json(response)
    assert response.json() == errors.SERVER_ERROR
    assert response.json()["code"] == "server_error"
    assert reported == ["/api/workcalendar/status"]
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.levelno == logging.ERROR and record.exc_info is not None
    assert "数据库连接中断" in caplog.text  # the traceback, for whoever reads the log


def test_the_django_level_error_pages_are_json_under_api(bearer: dict[str, str]) -> None:
    """Errors no API handler sees: no route matches, or the request fails before the view."""
    client = Client(raise_request_exception=False)
    unknown = client.get("/api/no-such-thing")
    assert (unknown.status_code, unknown.json()) == (404, errors.NOT_FOUND)
    # a slash inside a parameter leaves every route of the API
    slash = client.get("/api/organs/bureau-a%2Fx/people/more", headers=bearer)
    assert (slash.status_code, slash.json()) == (404, errors.NOT_FOUND)
    many = client.get("/api/disclosure/search?" + "&".join(f"p{i}=1" for i in range(1100)))
    assert (many.status_code, many.json()) == (400, errors.BAD_REQUEST)
    request = RequestFactory().get("/api/organs/")
    for handler, status, body in [
        (views.server_error, 500, errors.SERVER_ERROR),
        (views.forbidden, 403, errors.FORBIDDEN),
        (views.bad_request, 400, errors.BAD_REQUEST),
    ]:
        response = handler(request)
        assert (response.status_code, json.loads(response.content)) == (status, body)
        assert is_json(response)


def test_pages_keep_their_html_error_pages() -> None:
    response = Client().get("/no-such-page/")
    assert response.status_code == 404
    assert str(response["Content-Type"]).startswith("text/html")
    request = RequestFactory().get("/office/")
    for handler in (views.server_error, views.forbidden, views.bad_request):
        assert str(handler(request)["Content-Type"]).startswith("text/html")


def test_a_nul_byte_is_a_400_in_the_one_shape() -> None:
    response = Client().get("/api/disclosure/search?q=%00")
    assert response.status_code == 400
    assert response.json() == {
        "detail": "请求中含有不允许的字符（NUL），未处理",
        "code": "nul_byte",
    }


@pytest.mark.parametrize(
    ("url", "errors_out"),
    [
        ("/api/applications?limit=-1", {"limit": ["应不小于1"]}),
        ("/api/applications?offset=99999999999", {"offset": ["应不大于10000000"]}),
        ("/api/applications?overdue=maybe", {"overdue": ["应为 true 或 false"]}),
        ("/api/disclosure/organs/bureau-a/table2/1899", {"year": ["应不小于1900"]}),
        ("/api/workcalendar/days/2025-13-01", {"day": ["应为有效日期，如2025-03-01"]}),
        ("/api/workcalendar/days/0", {"day": ["应为有效日期，如2025-03-01"]}),
        ("/api/workcalendar/days/20250301", {"day": ["应为有效日期，如2025-03-01"]}),
        ("/api/workcalendar/days/2025-03-01T00:00", {"day": ["应为有效日期，如2025-03-01"]}),
        ("/api/disclosure/items/abc", {"item_id": ["应为整数"]}),
        ("/api/disclosure/search?q=" + "字" * 201, {"q": ["最多200个字符"]}),
    ],
)
def test_bad_parameters_are_named_in_chinese(
    client: Client, bearer: dict[str, str], url: str, errors_out: dict[str, list[str]]
) -> None:
    response = client.get(url, headers=bearer)
    assert response.status_code == 422
    [(field, [message])] = errors_out.items()
    assert response.json() == {
        "detail": f"请求数据不符合要求：{field} {message}",
        "code": "invalid",
        "errors": errors_out,
    }


def test_a_bad_body_is_named_in_chinese(client: Client, bearer: dict[str, str]) -> None:
    url = "/api/applications/2025-X-1/actions/confirm"
    broken = client.post(url, "{不是JSON", content_type="application/json", headers=bearer)
    assert (broken.status_code, broken.json()) == (
        400,
        {"detail": "请求体不是有效的 JSON。", "code": "invalid_body"},
    )
    missing = client.post(url, {"reason": 1}, content_type="application/json", headers=bearer)
    assert missing.status_code == 422
    assert missing.json()["errors"] == {"version": ["此项为必填项"], "reason": ["应为文字"]}


def test_without_a_session_a_post_is_401_and_with_one_csrf_is_checked(officer: Any) -> None:
    url = "/api/applications/2025-X-1/actions/confirm"
    anonymous = Client(enforce_csrf_checks=True).post(
        url, {"version": 1}, content_type="application/json"
    )
    assert (anonymous.status_code, anonymous.json()["code"]) == (401, "unauthenticated")
    session = Client(enforce_csrf_checks=True)
    session.force_login(officer)
    refused = session.post(url, {"version": 1}, content_type="application/json")
    assert refused.status_code == 403
    assert refused.json() == {
        "detail": "以登录会话调用须带 X-CSRFToken 请求头（值为 csrftoken Cookie），或改用 API 令牌。",
        "code": "csrf",
    }


# ------------------------------------------------------------------ the document


def operations(client: Client) -> list[tuple[str, str, dict[str, Any]]]:
    paths = client.get("/api/openapi.json").json()["paths"]
    return [(m, p, op) for p, methods in paths.items() for m, op in methods.items()]


def test_every_operation_declares_the_errors_the_api_can_give(client: Client) -> None:
    found = operations(client)
    assert len(found) >= 17
    for method, path, operation in found:
        declared = set(operation["responses"])
        expected = {"400", "500"}
        if operation.get("security"):
            expected.add("401")
        if "{" in path:
            expected.add("404")
        if operation.get("parameters") or operation.get("requestBody"):
            expected.add("422")
        assert expected <= declared, (method, path, sorted(declared))
        for code in declared - {"200", "201"}:
            content = operation["responses"][code]["content"]["application/json"]
            assert content["schema"] == {"$ref": "#/components/schemas/ErrorOut"}, (path, code)


def test_401_only_where_authentication_applies(client: Client) -> None:
    for method, path, operation in operations(client):
        if not operation.get("security"):
            assert "401" not in operation["responses"], (method, path)


def test_the_views_own_statuses_are_declared(client: Client) -> None:
    declared = {(m, p): set(op["responses"]) for m, p, op in operations(client)}
    assert {"403"} <= declared[("get", "/api/organs/{slug}/people")]
    assert {"409"} <= declared[("get", "/api/workcalendar/days/{day}")]
    assert {"409"} <= declared[("get", "/api/reports/{organ}/{year}/draft")]
    assert {"409"} <= declared[("get", "/api/reports/{organ}/{year}/draft/findings")]
    assert {"201", "429"} <= declared[("post", "/api/applications")]
    assert {"403", "409", "502"} <= declared[
        ("post", "/api/applications/{number}/actions/{action}")
    ]
    assert "409" not in declared[("get", "/api/organs/")]


def test_the_error_shape_is_one_component(client: Client) -> None:
    schema = client.get("/api/openapi.json").json()
    component = schema["components"]["schemas"]["ErrorOut"]
    assert set(component["required"]) == SHAPE
    assert set(component["properties"]) == {*SHAPE, "errors"}


@pytest.mark.parametrize(
    ("method", "path"),
    [("delete", "/api/disclosure/search"), ("put", "/api/workcalendar/status")],
)
def test_a_method_the_operation_does_not_accept_is_a_json_405(method: str, path: str) -> None:
    response = getattr(Client(), method)(path)
    assert response.status_code == 405
    assert response["Content-Type"].startswith("application/json")
    assert response["Allow"] == "GET"
    body = response.json()
    assert body["code"] == "method_not_allowed"
    assert body["detail"] == f"该接口不支持 {method.upper()} 请求，可用的方法：GET。"
