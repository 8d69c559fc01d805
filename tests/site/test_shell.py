"""The back-office shell: log-in required, a home page per role, organ pages fenced by membership."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from gongkai.organs.roles import Role

pytestmark = pytest.mark.django_db


def test_office_requires_login(client: Client) -> None:
    response = client.get("/office/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/office/"


def test_login_page_is_chinese_and_labelled(client: Client) -> None:
    html = client.get("/accounts/login/").content.decode()
    assert '<html lang="zh-Hans">' in html
    assert '<label for="id_username">用户名</label>' in html
    assert '<label for="id_password">密码</label>' in html
    assert "跳到主要内容" in html


@pytest.mark.parametrize(
    ("role", "where", "expected"),
    [
        (Role.OFFICER, "a", ["测试区甲局", "您的角色：", "公开专员", "待拟写答复的申请"]),
        (Role.HEAD, "b", ["测试区乙局", "机构负责人"]),
        (Role.SUPERVISOR, "office", ["主管部门监督", "所监督的机关", "测试区甲局", "测试区乙局"]),
        (Role.ADMIN, "office", ["系统管理", "管理工作日历", "所管理的机关"]),
    ],
)
def test_home_page_per_role(
    client: Client,
    organ_tree: dict[str, Any],
    make_member: Any,
    role: str,
    where: str,
    expected: list[str],
) -> None:
    client.force_login(make_member(organ_tree[where], role))
    html = client.get("/office/").content.decode()
    for text in expected:
        assert text in html
    assert "工作日历状态" in html


def test_officer_home_shows_only_own_organ(
    client: Client, organ_tree: dict[str, Any], make_member: Any
) -> None:
    client.force_login(make_member(organ_tree["a"], Role.OFFICER))
    html = client.get("/office/").content.decode()
    assert "测试区甲局" in html
    assert "测试区乙局" not in html


def test_user_without_role_is_told_so(client: Client) -> None:
    from gongkai_demo.factories.organs import UserFactory

    client.force_login(UserFactory())
    assert "您的账户尚未分配到任何机关" in client.get("/office/").content.decode()


@pytest.mark.parametrize(
    ("role", "where", "target", "status"),
    [
        (Role.OFFICER, "a", "bureau-a", 200),
        (Role.OFFICER, "a", "bureau-b", 404),
        (Role.OFFICER, "a", "office", 404),
        (Role.SUPERVISOR, "office", "bureau-b", 200),
        (Role.ADMIN, "b", "bureau-a", 404),
        (Role.OFFICER, "a", "no-such-organ", 404),
    ],
)
def test_organ_page_is_fenced(
    client: Client,
    organ_tree: dict[str, Any],
    make_member: Any,
    role: str,
    where: str,
    target: str,
    status: int,
) -> None:
    client.force_login(make_member(organ_tree[where], role))
    response = client.get(f"/office/organs/{target}/")
    assert response.status_code == status
    if status == 404:
        assert "您要找的页面不存在，或您无权查看。" in response.content.decode()


def test_every_response_has_a_content_security_policy(client: Client) -> None:
    policy = client.get("/accounts/login/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self';" in policy
    assert "unsafe-inline" not in policy


def test_public_home_uses_the_portal_shell(client: Client, organ_tree: dict[str, Any]) -> None:
    html = client.get("/").content.decode()
    assert 'aria-label="网站导航"' in html
    assert "测试区甲局" in html


@pytest.mark.parametrize(
    ("role", "where", "status"),
    [
        (Role.ADMIN, "a", 200),
        (Role.ADMIN, "office", 200),
        (Role.HEAD, "a", 403),
        (Role.SUPERVISOR, "office", 403),
        (Role.ADMIN, "b", 404),
    ],
)
def test_who_edits_an_organ(
    client: Client,
    organ_tree: dict[str, Any],
    make_member: Any,
    role: str,
    where: str,
    status: int,
) -> None:
    client.force_login(make_member(organ_tree[where], role))
    assert client.get("/office/organs/bureau-a/edit/").status_code == status


def test_a_wrong_credit_code_is_refused_with_the_reason(
    client: Client, organ_tree: dict[str, Any], make_member: Any
) -> None:
    organ = organ_tree["a"]
    client.force_login(make_member(organ, Role.ADMIN))
    form = {
        "name": organ.name,
        "short_name": organ.short_name,
        "credit_code": organ.credit_code[:-1] + ("0" if organ.credit_code[-1] != "0" else "1"),
        "office_phone": "0000-87654321",
        "report_publisher": "department",
    }
    html = client.post("/office/organs/bureau-a/edit/", form).content.decode()
    assert "校验码（第18位）应为“" in html
    organ.refresh_from_db()
    assert organ.office_phone == "0000-12345678"
    form["credit_code"] = organ.credit_code
    response = client.post("/office/organs/bureau-a/edit/", form)
    assert response.status_code == 302
    organ.refresh_from_db()
    assert organ.office_phone == "0000-87654321"


@pytest.mark.parametrize(
    ("today", "warned"),
    [("2026-10-31", False), ("2026-11-01", True), ("2026-12-31", True)],
)
@pytest.mark.parametrize(("role", "where"), [(Role.OFFICER, "a"), (Role.ADMIN, "office")])
def test_home_warns_from_first_of_november_when_next_year_is_missing(
    client: Client,
    organ_tree: dict[str, Any],
    make_member: Any,
    monkeypatch: pytest.MonkeyPatch,
    today: str,
    warned: bool,
    role: str,
    where: str,
) -> None:
    import datetime

    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a: datetime.date.fromisoformat(today))
    client.force_login(make_member(organ_tree[where], role))
    html = client.get("/office/").content.decode()
    assert "工作日历状态" in html
    warning = '<p class="warning" role="alert">2027年的节假日安排尚未录入'
    assert (warning in html) is warned
