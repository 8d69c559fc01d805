"""The HTTP API: token authentication, organ fences, one error shape, the docs page."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from gongkai.accounts.models import ApiToken
from gongkai.organs.roles import Role

pytestmark = pytest.mark.django_db


def bearer(user: Any) -> dict[str, str]:
    _, plain = ApiToken.objects.issue(user, "测试")
    return {"Authorization": f"Bearer {plain}"}


def test_api_refuses_anonymous_callers(client: Client, organ_tree: dict[str, Any]) -> None:
    response = client.get("/api/organs/")
    assert response.status_code == 401
    assert response.json() == {
        "detail": "需要登录或提供有效的 API 令牌。",
        "code": "unauthenticated",
    }


def test_api_refuses_a_wrong_or_revoked_token(
    client: Client, organ_tree: dict[str, Any], make_member: Any
) -> None:
    from django.utils import timezone

    user = make_member(organ_tree["a"], Role.OFFICER)
    token, plain = ApiToken.objects.issue(user, "测试")
    assert client.get("/api/organs/", headers={"Authorization": "Bearer nope"}).status_code == 401
    token.revoked_at = timezone.now()
    token.save()
    assert (
        client.get("/api/organs/", headers={"Authorization": f"Bearer {plain}"}).status_code == 401
    )


def test_token_lists_only_visible_organs(
    client: Client, organ_tree: dict[str, Any], make_member: Any
) -> None:
    headers = bearer(make_member(organ_tree["a"], Role.OFFICER))
    response = client.get("/api/organs/", headers=headers)
    assert response.status_code == 200
    assert [o["slug"] for o in response.json()] == ["bureau-a"]


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/organs/bureau-a", 200),
        ("/api/organs/bureau-a/people", 403),  # the people page's rule: admins only
        ("/api/organs/bureau-b", 404),
        ("/api/organs/bureau-b/people", 404),
        ("/api/organs/office", 404),
    ],
)
def test_officer_cannot_reach_another_organ(
    client: Client, organ_tree: dict[str, Any], make_member: Any, path: str, status: int
) -> None:
    response = client.get(path, headers=bearer(make_member(organ_tree["a"], Role.OFFICER)))
    assert response.status_code == status
    if status == 404:
        assert response.json() == {"detail": "未找到请求的资源，或无权查看。", "code": "not_found"}


def test_people_endpoint_lists_roles(
    client: Client, organ_tree: dict[str, Any], make_member: Any
) -> None:
    officer = make_member(organ_tree["a"], Role.OFFICER, username="a_officer")
    make_member(organ_tree["a"], Role.HEAD, username="a_head")
    admin = make_member(organ_tree["a"], Role.ADMIN, username="a_admin")
    refused = client.get("/api/organs/bureau-a/people", headers=bearer(officer))
    assert refused.status_code == 403 and "管理员" in refused.json()["detail"]
    rows = client.get("/api/organs/bureau-a/people", headers=bearer(admin)).json()
    assert {(r["username"], r["role_label"]) for r in rows} == {
        ("a_officer", "公开专员"),
        ("a_head", "机构负责人"),
        ("a_admin", "系统管理员"),
    }


def test_session_login_works_for_the_api(
    client: Client, organ_tree: dict[str, Any], make_member: Any
) -> None:
    client.force_login(make_member(organ_tree["office"], Role.SUPERVISOR))
    slugs = {o["slug"] for o in client.get("/api/organs/").json()}
    assert slugs == {"office", "bureau-a", "bureau-b"}


def test_docs_render_without_a_cdn(client: Client) -> None:
    response = client.get("/api/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    # Every script and stylesheet is served from this site; a random CSRF token may
    # spell "cdn", so look at the addresses, not the whole page.
    sources = re.findall(r'(?:src|href)="([^"]*)"', html)
    assert sources
    assert all(not re.match(r"(?:https?:)?//", s) for s in sources), sources
    schema = client.get("/api/openapi.json").json()
    assert schema["info"]["title"] == "公开（Gongkai）接口"
    assert "/api/organs/" in schema["paths"]
