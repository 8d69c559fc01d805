"""An account created with a generated password must choose its own before anything else."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from gongkai.accounts.models import ApiToken, PasswordState
from gongkai.organs.models import PeopleAction, PeopleChange
from gongkai.organs.roles import Role
from gongkai_demo.factories.organs import TEST_PASSWORD, MembershipFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Eigene-Kennung-2026"


@pytest.fixture
def newcomer(organ_tree: dict[str, Any], make_member: Any) -> tuple[Any, str]:
    """A colleague created on the 人员与角色 page; returns the account and its password."""
    admin = make_member(organ_tree["a"], Role.ADMIN, username="admin_a")
    creator = Client()
    creator.force_login(admin)
    html = creator.post(
        "/office/organs/bureau-a/people/new/",
        {"username": "zhou_xin", "full_name": "周新", "email": "", "roles": ["officer"]},
        follow=True,
    ).content.decode()
    match = re.search(r'<code id="initial-password">([^<]+)</code>', html)
    assert match is not None
    user = PasswordState.objects.get(user__username="zhou_xin").user
    return user, match.group(1)


def _log_in(client: Client, username: str, password: str) -> Any:
    return client.post(
        "/accounts/login/", {"username": username, "password": password}, follow=True
    )


def test_new_account_is_sent_to_change_its_password(
    client: Client, newcomer: tuple[Any, str]
) -> None:
    _, password = newcomer
    response = _log_in(client, "zhou_xin", password)
    assert response.redirect_chain[-1] == ("/accounts/password/", 302)
    html = response.content.decode()
    assert "<h1>修改密码</h1>" in html
    assert "您正在使用系统生成的初始密码" in html


@pytest.mark.parametrize(
    "path", ["/office/", "/office/organs/bureau-a/", "/accounts/tokens/", "/api/organs/"]
)
def test_every_other_page_redirects_while_the_flag_is_set(
    client: Client, newcomer: tuple[Any, str], path: str
) -> None:
    client.force_login(newcomer[0])
    response = client.get(path)
    assert (response.status_code, response["Location"]) == (302, "/accounts/password/")


def test_log_out_still_works(client: Client, newcomer: tuple[Any, str]) -> None:
    client.force_login(newcomer[0])
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert response["Location"] != "/accounts/password/"
    assert "_auth_user_id" not in client.session


def test_after_the_change_home_opens(client: Client, newcomer: tuple[Any, str]) -> None:
    user, password = newcomer
    _log_in(client, "zhou_xin", password)
    response = client.post(
        "/accounts/password/",
        {"old_password": password, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )
    assert response.redirect_chain == [("/office/", 302)]
    assert "密码已修改。" in response.content.decode()
    assert not PasswordState.objects.get(user=user).must_change
    assert client.get("/office/organs/bureau-a/").status_code == 200
    # The new password works from now on, the generated one no longer does.
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert not user.check_password(password)


@pytest.mark.parametrize(
    ("old", "new1", "new2", "message"),
    [
        ("wrong", NEW_PASSWORD, NEW_PASSWORD, "当前密码：当前密码不正确，请重新输入。"),
        (None, NEW_PASSWORD, NEW_PASSWORD + "x", "再次输入新密码：两次输入的新密码不一致。"),
        (
            None,
            "abcdefghijkl",
            "abcdefghijkl",
            "密码须至少包含小写字母、大写字母、数字、其他符号中的3类。",
        ),
    ],
)
def test_a_refused_change_says_why_and_keeps_the_flag(
    client: Client,
    newcomer: tuple[Any, str],
    old: str | None,
    new1: str,
    new2: str,
    message: str,
) -> None:
    user, password = newcomer
    client.force_login(user)
    response = client.post(
        "/accounts/password/",
        {"old_password": old or password, "new_password1": new1, "new_password2": new2},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert PasswordState.objects.get(user=user).must_change
    assert client.get("/office/")["Location"] == "/accounts/password/"


def test_other_users_are_not_affected(
    client: Client, organ_tree: dict[str, Any], make_member: Any, newcomer: tuple[Any, str]
) -> None:
    client.force_login(make_member(organ_tree["a"], Role.OFFICER, username="officer_a"))
    assert client.get("/office/").status_code == 200
    assert client.get("/accounts/password/").status_code == 200  # open to everyone anyway


def test_api_tokens_are_not_affected(newcomer: tuple[Any, str]) -> None:
    _, plain = ApiToken.objects.issue(newcomer[0], "测试")
    response = Client().get("/api/organs/", headers={"Authorization": f"Bearer {plain}"})
    assert response.status_code == 200


def test_anonymous_is_sent_to_log_in(client: Client) -> None:
    response = client.get("/accounts/password/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


RESET = "/office/organs/bureau-a/people/officer_a/reset-password/"


def test_admin_resets_a_password_and_the_person_must_change_it(
    client: Client, organ_tree: dict[str, Any], make_member: Any
) -> None:
    admin = make_member(organ_tree["a"], Role.ADMIN, username="admin_a")
    officer = make_member(organ_tree["a"], Role.OFFICER, username="officer_a", first_name="张甲")
    client.force_login(admin)
    html = client.post(RESET, follow=True).content.decode()
    assert "重置 张甲（officer_a） 的密码（须在登录后修改）。" in html
    match = re.search(r'<code id="initial-password">([^<]+)</code>', html)
    assert match is not None
    officer.refresh_from_db()
    assert officer.check_password(match.group(1))
    assert not officer.check_password(TEST_PASSWORD)
    change = PeopleChange.objects.get(action=PeopleAction.RESET)
    assert (change.person, change.actor) == (officer, admin)
    response = _log_in(Client(), "officer_a", match.group(1))
    assert response.redirect_chain[-1] == ("/accounts/password/", 302)


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (
            "elsewhere",
            "张甲（officer_a） 还在您不管理的机关任职，请由能管理其全部机关的系统管理员重置密码。",
        ),
        ("superuser", "张甲（officer_a） 是全站管理账户，只有全站管理员可以重置其密码。"),
    ],
)
def test_reset_is_refused_when_it_would_hand_over_more_than_the_organ(
    client: Client, organ_tree: dict[str, Any], make_member: Any, setup: str, message: str
) -> None:
    admin = make_member(organ_tree["a"], Role.ADMIN, username="admin_a")
    officer = make_member(organ_tree["a"], Role.OFFICER, username="officer_a", first_name="张甲")
    if setup == "elsewhere":
        MembershipFactory(user=officer, organ=organ_tree["b"], role=Role.OFFICER)
    else:
        officer.is_superuser = True
        officer.save(update_fields=["is_superuser"])
    client.force_login(admin)
    html = client.post(RESET, follow=True).content.decode()
    assert message in html
    officer.refresh_from_db()
    assert officer.check_password(TEST_PASSWORD)
    assert not PasswordState.objects.filter(user=officer).exists()


@pytest.mark.parametrize(
    ("where", "role", "status"), [("b", Role.ADMIN, 404), ("a", Role.HEAD, 403)]
)
def test_only_the_organs_admin_may_reset(
    client: Client,
    organ_tree: dict[str, Any],
    make_member: Any,
    where: str,
    role: Role,
    status: int,
) -> None:
    make_member(organ_tree["a"], Role.OFFICER, username="officer_a")
    client.force_login(make_member(organ_tree[where], role))
    assert client.post(RESET).status_code == status
