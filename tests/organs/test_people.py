"""The people service: every change in one transaction, recorded; refusals change nothing."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import PermissionDenied, ValidationError

from gongkai.organs import people
from gongkai.organs.models import Membership, PeopleAction, PeopleChange
from gongkai.organs.roles import Role
from gongkai_demo.factories.organs import UserFactory

pytestmark = pytest.mark.django_db


def roles_in(user: Any, organ: Any) -> list[str]:
    return list(people.roles_of(user, organ))


def test_generated_password_passes_the_policy() -> None:
    for _ in range(20):
        password = people.generate_password()
        assert len(password) == people.PASSWORD_LENGTH
        password_validation.validate_password(password)  # raises if the policy refuses it


def test_create_person_records_who_what(organ_tree: dict[str, Any], make_member: Any) -> None:
    organ = organ_tree["a"]
    admin = make_member(organ, Role.ADMIN)
    user, password, change = people.create_person(
        organ=organ,
        username="new_officer",
        full_name="周新",
        email="zhou@example.gov.cn",
        roles=[Role.REVIEWER, Role.OFFICER],
        by=admin,
    )
    assert user.check_password(password)
    assert user.is_active
    assert roles_in(user, organ) == [Role.OFFICER, Role.REVIEWER]
    assert change.actor == admin
    assert change.action == PeopleAction.CREATE
    assert change.after == ["officer", "reviewer"]
    assert change.summary == "新建账户 周新（new_officer），角色：公开专员、审核人"


def test_username_taken_is_refused(organ_tree: dict[str, Any], make_member: Any) -> None:
    organ = organ_tree["a"]
    admin = make_member(organ, Role.ADMIN, username="a_admin")
    with pytest.raises(ValidationError) as caught:
        people.create_person(
            organ=organ,
            username="A_Admin",
            full_name="重名",
            email="",
            roles=[Role.OFFICER],
            by=admin,
        )
    assert caught.value.messages == [
        "用户名“A_Admin”已被使用；如要把此人加入本机关，请用“加入已有账户”。"
    ]
    assert PeopleChange.objects.count() == 0


def test_bad_username_is_refused_and_nothing_written(
    organ_tree: dict[str, Any], make_member: Any
) -> None:
    organ = organ_tree["a"]
    admin = make_member(organ, Role.ADMIN)
    users_before = get_user_model().objects.count()
    with pytest.raises(ValidationError) as caught:
        people.create_person(
            organ=organ, username="有 空格", full_name="某", email="", roles=["officer"], by=admin
        )
    assert "username" in caught.value.message_dict
    assert get_user_model().objects.count() == users_before
    assert PeopleChange.objects.count() == 0


def test_add_change_roles_and_remove(organ_tree: dict[str, Any], make_member: Any) -> None:
    a, b = organ_tree["a"], organ_tree["b"]
    admin = make_member(a, Role.ADMIN)
    person = make_member(b, Role.OFFICER, username="mover", first_name="调入")

    added = people.add_person(organ=a, person=person, roles=[Role.OFFICER], by=admin)
    assert added.summary == "调入（mover） 加入本机关，角色：公开专员"
    changed = people.set_roles(organ=a, person=person, roles=[Role.HEAD, Role.OFFICER], by=admin)
    assert changed.summary == "调入（mover） 的角色由“公开专员”改为“公开专员、机构负责人”"
    assert (changed.before, changed.after) == (["officer"], ["officer", "head"])
    assert roles_in(person, a) == [Role.OFFICER, Role.HEAD]

    removed = people.remove_person(organ=a, person=person, by=admin)
    assert removed.summary == (
        "停用 调入（mover） 在本机关的全部角色（公开专员、机构负责人）；其在其他机关的角色和账户保留"
    )
    person.refresh_from_db()
    assert person.is_active  # still an officer of bureau b
    assert roles_in(person, a) == []
    assert roles_in(person, b) == [Role.OFFICER]
    assert list(
        PeopleChange.objects.filter(organ=a).order_by("id").values_list("action", "actor")
    ) == [("add", admin.pk), ("roles", admin.pk), ("remove", admin.pk)]


def test_removing_the_last_role_disables_the_account_and_adding_reenables_it(
    organ_tree: dict[str, Any], make_member: Any
) -> None:
    a = organ_tree["a"]
    admin = make_member(a, Role.ADMIN)
    person = make_member(a, Role.OFFICER, username="leaver")
    change = people.remove_person(organ=a, person=person, by=admin)
    assert change.summary.endswith("；其已不在任何机关任职，账户已停用")
    person.refresh_from_db()
    assert not person.is_active
    back = people.add_person(organ=a, person=person, roles=[Role.REVIEWER], by=admin)
    assert back.summary.endswith("（账户已重新启用）")
    person.refresh_from_db()
    assert person.is_active


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("no_roles", "请至少选择一个角色；要让此人离开本机关，请使用“停用”。"),
        ("unknown_role", "未知的角色：boss"),
        ("unchanged", "角色没有变化。"),
        ("add_member_again", "officer_a 已在本机关任职（公开专员），请在其页面调整角色。"),
        ("roles_of_outsider", "officer_b 不在本机关任职。"),
        ("remove_outsider", "officer_b 不在本机关任职。"),
        (
            "drop_own_admin",
            "不能取消您自己在本机关的系统管理员角色，否则将无法再管理本机关；请由其他系统管理员操作。",
        ),
        (
            "remove_self",
            "不能取消您自己在本机关的系统管理员角色，否则将无法再管理本机关；请由其他系统管理员操作。",
        ),
    ],
)
def test_refusals_change_nothing(
    organ_tree: dict[str, Any], make_member: Any, call: str, message: str
) -> None:
    a, b = organ_tree["a"], organ_tree["b"]
    admin = make_member(a, Role.ADMIN, username="admin_a")
    officer = make_member(a, Role.OFFICER, username="officer_a", first_name="")
    outsider = make_member(b, Role.OFFICER, username="officer_b", first_name="")
    calls = {
        "no_roles": lambda: people.set_roles(organ=a, person=officer, roles=[], by=admin),
        "unknown_role": lambda: people.set_roles(organ=a, person=officer, roles=["boss"], by=admin),
        "unchanged": lambda: people.set_roles(organ=a, person=officer, roles=["officer"], by=admin),
        "add_member_again": lambda: people.add_person(
            organ=a, person=officer, roles=["head"], by=admin
        ),
        "roles_of_outsider": lambda: people.set_roles(
            organ=a, person=outsider, roles=["head"], by=admin
        ),
        "remove_outsider": lambda: people.remove_person(organ=a, person=outsider, by=admin),
        "drop_own_admin": lambda: people.set_roles(
            organ=a, person=admin, roles=["officer"], by=admin
        ),
        "remove_self": lambda: people.remove_person(organ=a, person=admin, by=admin),
    }
    before = sorted(Membership.objects.values_list("user_id", "organ_id", "role"))
    with pytest.raises(ValidationError) as caught:
        calls[call]()
    assert caught.value.messages == [message]
    assert sorted(Membership.objects.values_list("user_id", "organ_id", "role")) == before
    assert PeopleChange.objects.count() == 0


def test_admin_above_may_drop_their_own_role_below(
    organ_tree: dict[str, Any], make_member: Any
) -> None:
    office, a = organ_tree["office"], organ_tree["a"]
    admin = make_member(office, Role.ADMIN)
    Membership.objects.create(user=admin, organ=a, role=Role.ADMIN)
    people.remove_person(organ=a, person=admin, by=admin)
    assert roles_in(admin, a) == []


def test_a_disabled_superuser_is_re_enabled_only_by_a_superuser(
    organ_tree: dict[str, Any], make_member: Any
) -> None:
    admin = make_member(organ_tree["a"], Role.ADMIN)
    root = UserFactory(username="root", first_name="", is_superuser=True, is_active=False)
    with pytest.raises(ValidationError) as caught:
        people.add_person(organ=organ_tree["a"], person=root, roles=["officer"], by=admin)
    assert caught.value.messages == ["root 是已停用的全站管理账户，只有全站管理员可以重新启用。"]
    root.refresh_from_db()
    assert not root.is_active
    superuser = UserFactory(is_superuser=True)
    people.add_person(organ=organ_tree["a"], person=root, roles=["officer"], by=superuser)
    root.refresh_from_db()
    assert root.is_active


@pytest.mark.parametrize(
    ("role", "where"),
    [
        (Role.ADMIN, "b"),
        (Role.OFFICER, "a"),
        (Role.HEAD, "a"),
        (Role.SUPERVISOR, "office"),
    ],
)
def test_only_administrators_may_change_people(
    organ_tree: dict[str, Any], make_member: Any, role: str, where: str
) -> None:
    actor = make_member(organ_tree[where], role)
    with pytest.raises(PermissionDenied):
        people.add_person(organ=organ_tree["a"], person=UserFactory(), roles=["officer"], by=actor)
    assert PeopleChange.objects.count() == 0
