"""Who may do what in the workspace: a role × action table (organ a, its office, organ b)."""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.reports import rules

pytestmark = pytest.mark.django_db

# role held (where) → actions allowed on organ a (roll_up: on the office)
TABLE = {
    ("officer", "a"): {"view", "edit"},
    ("reviewer", "a"): {"view", "edit", "finalize", "publish"},
    ("head", "a"): {"view", "edit", "finalize", "publish"},
    ("supervisor", "office"): {"view", "roll_up"},
    ("admin", "office"): set(),
    ("officer", "b"): set(),
    ("supervisor", "a"): {"view"},
}


@pytest.mark.parametrize(("role", "where"), list(TABLE), ids=lambda v: str(v))
def test_role_action_table(
    organ_tree: dict[str, Any], make_member: Any, role: str, where: str
) -> None:
    user = make_member(organ_tree[where], role)
    allowed = set()
    for action, check in rules.ACTIONS.items():
        target = organ_tree["office"] if action == "roll_up" else organ_tree["a"]
        if check(user, target):
            allowed.add(action)
    assert allowed == TABLE[(role, where)]
