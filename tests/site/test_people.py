"""人员与角色 pages: an organ's administrator lists, adds, creates, re-roles and removes people."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from gongkai.organs import people
from gongkai.organs.models import PeopleChange
from gongkai.organs.roles import Role

pytestmark = pytest.mark.django_db

PAGES = [
    "/office/organs/bureau-a/people/",
    "/office/organs/bureau-a/people/add/",
    "/office/organs/bureau-a/people/new/",
    "/office/organs/bureau-a/people/officer_a/",
]


@pytest.fixture
def staff(organ_tree: dict[str, Any], make_member: Any) -> dict[str, Any]:
    a = organ_tree["a"]
    return {
        "admin": make_member(a, Role.ADMIN, username="admin_a", first_name="管甲"),
        "officer": make_member(a, Role.OFFICER, username="officer_a", first_name="张甲"),
    }


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize(
    ("role", "where", "status"),
    [
        (Role.ADMIN, "a", 200),
        (Role.ADMIN, "office", 200),  # administrator of the supervising office
        (Role.ADMIN, "b", 404),  # another organ's administrator: the organ is not revealed
        (Role.OFFICER, "b", 404),
        (Role.OFFICER, "a", 403),  # sees the organ, may not manage it
        (Role.HEAD, "a", 403),
        (Role.SUPERVISOR, "office", 403),
    ],
)
def test_who_may_open_the_people_pages(
    client: Client,
    organ_tree: dict[str, Any],
    make_member: Any,
    staff: dict[str, Any],
    page: str,
    role: str,
    where: str,
    status: int,
) -> None:
    client.force_login(make_member(organ_tree[where], role))
    assert client.get(page).status_code == status


def test_anonymous_is_sent_to_log_in(client: Client, staff: dict[str, Any]) -> None:
    response = client.get(PAGES[0])
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_other_organs_admin_cannot_post_either(
    client: Client, organ_tree: dict[str, Any], make_member: Any, staff: dict[str, Any]
) -> None:
    client.force_login(make_member(organ_tree["b"], Role.ADMIN))
    response = client.post(
        "/office/organs/bureau-a/people/officer_a/remove/",
    )
    assert response.status_code == 404
    assert people.roles_of(staff["officer"], organ_tree["a"]) == (Role.OFFICER,)


def test_list_shows_people_roles_and_the_log(
    client: Client, organ_tree: dict[str, Any], staff: dict[str, Any]
) -> None:
    people.set_roles(
        organ=organ_tree["a"],
        person=staff["officer"],
        roles=[Role.OFFICER, Role.REVIEWER],
        by=staff["admin"],
    )
    client.force_login(staff["admin"])
    html = client.get(PAGES[0]).content.decode()
    assert "人员与角色：测试区甲局" in html
    assert "本机关人员（2人）" in html
    assert "<td>公开专员、审核人</td>" in html
    assert "张甲（officer_a） 的角色由“公开专员”改为“公开专员、审核人”" in html
    assert 'href="/office/organs/bureau-a/people/officer_a/"' in html


def test_create_shows_the_password_once(
    client: Client, organ_tree: dict[str, Any], staff: dict[str, Any]
) -> None:
    client.force_login(staff["admin"])
    response = client.post(
        PAGES[2],
        {"username": "zhou_xin", "full_name": "周新", "email": "", "roles": ["officer", "head"]},
    )
    assert response.status_code == 302  # post/redirect/get: a reload creates nothing
    page = client.get(response["Location"])
    html = page.content.decode()
    password = re.search(r'<code id="initial-password">([^<]+)</code>', html)
    assert password is not None
    user = get_user_model().objects.get(username="zhou_xin")
    assert user.check_password(password.group(1))
    assert people.roles_of(user, organ_tree["a"]) == (Role.OFFICER, Role.HEAD)
    assert "只显示这一次" in html
    assert page["Cache-Control"].startswith("max-age=0")
    assert password.group(1) not in str(dict(client.session))  # only a one-time pad is kept
    again = client.get(response["Location"], follow=True).content.decode()
    assert password.group(1) not in again
    assert "系统生成的密码只显示一次，已不能再次查看" in again
    assert get_user_model().objects.filter(username="zhou_xin").count() == 1
    assert password.group(1) not in client.get(PAGES[0]).content.decode()
    # The new person logs in with it.
    login = Client().post(
        "/accounts/login/", {"username": "zhou_xin", "password": password.group(1)}
    )
    assert (login.status_code, login["Location"]) == (302, "/office/")


def test_create_without_roles_says_so(client: Client, staff: dict[str, Any]) -> None:
    client.force_login(staff["admin"])
    html = client.post(
        PAGES[2], {"username": "nobody", "full_name": "无角色", "email": ""}
    ).content.decode()
    assert "请至少选择一个角色。" in html
    assert not get_user_model().objects.filter(username="nobody").exists()


def test_add_unknown_username_says_so(client: Client, staff: dict[str, Any]) -> None:
    client.force_login(staff["admin"])
    html = client.post(PAGES[1], {"username": "ghost", "roles": ["officer"]}).content.decode()
    assert "没有用户名为“ghost”的账户；如是新同事，请用“新建账户”。" in html


def test_add_existing_account(
    client: Client, organ_tree: dict[str, Any], make_member: Any, staff: dict[str, Any]
) -> None:
    mover = make_member(organ_tree["b"], Role.REVIEWER, username="mover", first_name="")
    client.force_login(staff["admin"])
    response = client.post(PAGES[1], {"username": "mover", "roles": ["reviewer"]})
    assert response.status_code == 302
    assert people.roles_of(mover, organ_tree["a"]) == (Role.REVIEWER,)
    html = client.get(response["Location"]).content.decode()
    assert "已保存：mover 加入本机关，角色：审核人。" in html


def test_change_roles_and_remove(
    client: Client, organ_tree: dict[str, Any], staff: dict[str, Any]
) -> None:
    a, officer = organ_tree["a"], staff["officer"]
    client.force_login(staff["admin"])
    response = client.post(PAGES[3], {"roles": ["reviewer"]})
    assert response.status_code == 302
    assert people.roles_of(officer, a) == (Role.REVIEWER,)
    response = client.post("/office/organs/bureau-a/people/officer_a/remove/")
    assert response.status_code == 302
    officer.refresh_from_db()
    assert not officer.is_active
    assert list(PeopleChange.objects.filter(organ=a).order_by("id").values_list("action")) == [
        ("roles",),
        ("remove",),
    ]
    assert client.get(PAGES[3]).status_code == 404  # no longer a member here


def test_remove_self_is_refused_with_the_reason(client: Client, staff: dict[str, Any]) -> None:
    client.force_login(staff["admin"])
    response = client.post("/office/organs/bureau-a/people/admin_a/remove/", follow=True)
    assert "不能取消您自己在本机关的系统管理员角色" in response.content.decode()
    staff["admin"].refresh_from_db()
    assert staff["admin"].is_active


def test_remove_needs_post(client: Client, staff: dict[str, Any]) -> None:
    client.force_login(staff["admin"])
    assert client.get("/office/organs/bureau-a/people/officer_a/remove/").status_code == 405


def test_organ_page_and_home_link_to_people(
    client: Client, organ_tree: dict[str, Any], staff: dict[str, Any]
) -> None:
    client.force_login(staff["admin"])
    assert 'href="/office/organs/bureau-a/people/"' in client.get("/office/").content.decode()
    organ_html = client.get("/office/organs/bureau-a/").content.decode()
    assert 'href="/office/organs/bureau-a/people/">管理人员与角色</a>' in organ_html
    client.force_login(staff["officer"])
    assert "管理人员与角色" not in client.get("/office/organs/bureau-a/").content.decode()
