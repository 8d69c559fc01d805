"""Who may do what: the named checks and the composed rules, as a role × action table."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from gongkai.organs import rules
from gongkai.organs.querysets import case_organs, roles_in, visible_organs
from gongkai.organs.roles import Role

# (role held, where: "office" | "a"), action on bureau "a" → allowed
ACTIONS = [
    "view_organ",
    "view_cases",
    "handle_cases",
    "review",
    "approve_extension",
    "oversee",
    "manage_people",
]
TABLE = {
    # role in bureau a itself
    (Role.OFFICER, "a"): {"view_organ", "view_cases", "handle_cases"},
    (Role.REVIEWER, "a"): {"view_organ", "view_cases", "review"},
    (Role.HEAD, "a"): {"view_organ", "view_cases", "review", "approve_extension"},
    (Role.SUPERVISOR, "a"): {"view_organ", "view_cases", "oversee"},
    (Role.ADMIN, "a"): {"view_organ", "manage_people"},
    # role in the supervising office above bureau a
    (Role.OFFICER, "office"): set(),
    (Role.REVIEWER, "office"): set(),
    (Role.HEAD, "office"): set(),
    (Role.SUPERVISOR, "office"): {"view_organ", "view_cases", "oversee"},
    (Role.ADMIN, "office"): {"view_organ", "manage_people"},
    # role in the sibling bureau b: nothing on a
    (Role.OFFICER, "b"): set(),
    (Role.REVIEWER, "b"): set(),
    (Role.HEAD, "b"): set(),
    (Role.SUPERVISOR, "b"): set(),
    (Role.ADMIN, "b"): set(),
}


@pytest.mark.parametrize(("role", "where"), list(TABLE))
@pytest.mark.parametrize("action", ACTIONS)
def test_role_action_table(
    organ_tree: dict[str, Any], make_member: Any, role: str, where: str, action: str
) -> None:
    user = make_member(organ_tree[where], role)
    allowed = rules.ACTIONS[action](user, organ_tree["a"])
    assert allowed == (action in TABLE[(role, where)])


def test_table_covers_every_action() -> None:
    assert sorted(ACTIONS) == sorted(rules.ACTIONS)


@pytest.mark.parametrize("action", ACTIONS)
def test_anonymous_and_inactive_users_may_do_nothing(
    organ_tree: dict[str, Any], make_member: Any, action: str
) -> None:
    inactive = make_member(organ_tree["a"], Role.HEAD, is_active=False)
    assert rules.ACTIONS[action](AnonymousUser(), organ_tree["a"]) is False
    assert rules.ACTIONS[action](inactive, organ_tree["a"]) is False


@pytest.mark.parametrize(
    ("role", "where", "expected"),
    [
        (Role.ADMIN, "office", True),  # admin of a top-level organ: the installation's admin
        (Role.ADMIN, "a", False),
        (Role.SUPERVISOR, "office", False),
        (Role.OFFICER, "office", False),
    ],
)
def test_who_edits_the_calendar(
    organ_tree: dict[str, Any], make_member: Any, role: str, where: str, expected: bool
) -> None:
    user = make_member(organ_tree[where], role)
    assert rules.can_edit_calendar(user) is expected


def test_superuser_is_admin_everywhere(organ_tree: dict[str, Any], make_member: Any) -> None:
    from gongkai_demo.factories.organs import UserFactory

    root = UserFactory(is_superuser=True)
    assert rules.is_admin(root)
    assert rules.can_manage_people(root, organ_tree["b"])
    assert set(visible_organs(root)) == set(organ_tree.values())


@pytest.mark.parametrize(
    ("role", "where", "visible", "cases"),
    [
        (Role.OFFICER, "a", {"a"}, {"a"}),
        (Role.HEAD, "b", {"b"}, {"b"}),
        (Role.SUPERVISOR, "office", {"office", "a", "b"}, {"office", "a", "b"}),
        (Role.ADMIN, "office", {"office", "a", "b"}, set()),
        (Role.ADMIN, "a", {"a"}, set()),
    ],
)
def test_visible_organs_and_case_organs(
    organ_tree: dict[str, Any],
    make_member: Any,
    role: str,
    where: str,
    visible: set[str],
    cases: set[str],
) -> None:
    user = make_member(organ_tree[where], role)
    assert set(visible_organs(user)) == {organ_tree[k] for k in visible}
    assert set(case_organs(user)) == {organ_tree[k] for k in cases}


def test_querysets_agree_with_rules(organ_tree: dict[str, Any], make_member: Any) -> None:
    user = make_member(organ_tree["office"], Role.SUPERVISOR)
    for organ in organ_tree.values():
        assert (organ in visible_organs(user)) == rules.can_view_organ(user, organ)
        assert (organ in case_organs(user)) == rules.can_view_cases(user, organ)


def test_roles_in_lists_roles_in_role_order(organ_tree: dict[str, Any], make_member: Any) -> None:
    from gongkai.organs.models import Membership

    user = make_member(organ_tree["a"], Role.HEAD)
    Membership.objects.create(user=user, organ=organ_tree["a"], role=Role.OFFICER)
    assert roles_in(user, organ_tree["a"]) == ["officer", "head"]
    assert roles_in(user, organ_tree["b"]) == []
