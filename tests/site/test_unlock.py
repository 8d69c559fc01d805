"""解除锁定: an organ's administrator lifts django-axes' lock-out of one of its people."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from gongkai.organs.models import PeopleAction, PeopleChange
from gongkai.organs.roles import Role
from gongkai_demo.factories.organs import TEST_PASSWORD

pytestmark = pytest.mark.django_db

UNLOCK = "/office/organs/bureau-a/people/officer_a/unlock/"
LIST = "/office/organs/bureau-a/people/"


@pytest.fixture
def staff(organ_tree: dict[str, Any], make_member: Any) -> dict[str, Any]:
    return {
        "admin": make_member(organ_tree["a"], Role.ADMIN, username="admin_a"),
        "officer": make_member(
            organ_tree["a"], Role.OFFICER, username="officer_a", first_name="张甲"
        ),
        "colleague": make_member(organ_tree["a"], Role.OFFICER, username="colleague_a"),
        "other_admin": make_member(organ_tree["b"], Role.ADMIN, username="admin_b"),
    }


def _log_in(username: str, password: str) -> Any:
    return Client().post("/accounts/login/", {"username": username, "password": password})


def _lock_officer() -> None:
    for _ in range(5):
        _log_in("officer_a", "wrong-password")
    locked = _log_in("officer_a", TEST_PASSWORD)
    assert "该账户已被暂时锁定" in locked.content.decode()


def test_locked_member_is_marked_then_unlocked_and_logs_in(
    client: Client, staff: dict[str, Any]
) -> None:
    _lock_officer()
    client.force_login(staff["admin"])
    html = client.get(LIST).content.decode()
    assert "启用，<strong>已锁定</strong>" in html
    assert 'aria-label="解除 officer_a 的锁定"' in html
    response = client.post(UNLOCK, follow=True)
    html = response.content.decode()
    assert "已保存：解除 张甲（officer_a） 的账户锁定（连续输错密码）。" in html
    assert "已锁定" not in html
    change = PeopleChange.objects.get(action=PeopleAction.UNLOCK)
    assert (change.person, change.actor) == (staff["officer"], staff["admin"])
    login = _log_in("officer_a", TEST_PASSWORD)
    assert (login.status_code, login["Location"]) == (302, "/office/")


def test_unlocking_a_member_who_is_not_locked_says_so(
    client: Client, staff: dict[str, Any]
) -> None:
    client.force_login(staff["admin"])
    assert "已锁定" not in client.get(LIST).content.decode()
    html = client.post(UNLOCK, follow=True).content.decode()
    assert "张甲（officer_a） 的账户没有被锁定。" in html
    assert not PeopleChange.objects.filter(action=PeopleAction.UNLOCK).exists()


@pytest.mark.parametrize(("who", "status"), [("other_admin", 404), ("colleague", 403)])
def test_only_the_organs_admin_may_unlock(
    client: Client, staff: dict[str, Any], who: str, status: int
) -> None:
    _lock_officer()
    client.force_login(staff[who])
    assert client.post(UNLOCK).status_code == status
    assert "该账户已被暂时锁定" in _log_in("officer_a", TEST_PASSWORD).content.decode()


def test_unlock_needs_post(client: Client, staff: dict[str, Any]) -> None:
    client.force_login(staff["admin"])
    assert client.get(UNLOCK).status_code == 405
