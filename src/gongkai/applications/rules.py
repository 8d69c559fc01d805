"""Who may do what with an application, built from the platform's named checks."""

from __future__ import annotations

from typing import Any

from gongkai.organs import rules as organs
from gongkai.organs.models import Organ
from gongkai.organs.querysets import roles_in

from .models import Application
from .workflow import OPEN_STATES, Role, State, Transition, allowed


def roles_of(user: Any, organ: Organ) -> set[Role]:
    """The workflow roles ``user`` holds in ``organ`` (officer, reviewer, head)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return set()
    held = set(roles_in(user, organ))
    return {r for r in (Role.OFFICER, Role.REVIEWER, Role.HEAD) if r.value in held}


def can_view(user: Any, case: Application) -> bool:
    """The organ's staff and its supervisors (not admins) see the case."""
    return organs.can_view_cases(user, case.organ)


def can_see_personal_data(user: Any, case: Application) -> bool:
    """Only the organ's own staff see the applicant's identity and contact details."""
    return organs.is_staff_of(user, case.organ)


def can_register(user: Any, organ: Any) -> bool:
    return organs.can_handle_cases(user, organ)


def actions_for(user: Any, case: Application) -> tuple[Transition, ...]:
    """The workflow events this user's roles allow in the case's state (guards aside)."""
    return allowed(State(case.state), roles_of(user, case.organ))


def can_record_appeal(user: Any, case: Application) -> bool:
    return organs.is_staff_of(user, case.organ) and case.received_on is not None


def can_assign(user: Any, case: Application) -> bool:
    """指定承办人: the organ's officers, while the case is open or awaiting confirmation
    (as ``services.assign`` checks)."""
    open_now = case.state in {s.value for s in OPEN_STATES} | {State.AWAITING_CONFIRMATION.value}
    return open_now and organs.can_handle_cases(user, case.organ)
