"""Which workflow roles a person holds for an organ's items, from their organ roles.

The review levels map onto the platform's roles (``organs.roles``): the disclosure officer
drafts, 审核人 do 初审 and 复审 (two different people, see ``services``), and the organ's
head does 终审. One table, read by ``services.apply`` and by the pages.
"""

from __future__ import annotations

from typing import Any

from gongkai.organs.models import Membership, Organ
from gongkai.organs.roles import Role

from . import workflow

WORKFLOW_ROLES_BY_ORGAN_ROLE: dict[str, frozenset[str]] = {
    Role.OFFICER: frozenset({workflow.OFFICER}),
    Role.REVIEWER: frozenset({workflow.FIRST_REVIEWER, workflow.SECOND_REVIEWER}),
    Role.HEAD: frozenset({workflow.FINAL_REVIEWER}),
}


def workflow_roles(user: Any, organ: Organ) -> set[str]:
    """The workflow roles ``user`` holds for items of ``organ`` (empty for the public)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return set()
    held = Membership.objects.filter(user=user, organ=organ).values_list("role", flat=True)
    roles: set[str] = set()
    for role in held:
        roles |= WORKFLOW_ROLES_BY_ORGAN_ROLE.get(role, frozenset())
    return roles


def can_work_on(user: Any, organ: Organ) -> bool:
    """See and work the organ's unpublished items."""
    return bool(workflow_roles(user, organ))
