"""Who may do what in the annual-report workspace, from the platform's named checks.

- read an organ's report: its own staff (officer, reviewer, head) and its supervisors;
- edit the text, finalize, reopen: the organ's own staff;
- publish: the organ's reviewer or head;
- the roll-up and imports of a supervising office: its supervisors (here or above).
"""

from __future__ import annotations

from typing import Any

from gongkai.organs import rules as organs
from gongkai.organs.models import Organ


def can_view(user: Any, organ: Organ) -> bool:
    return organs.can_view_cases(user, organ)


def can_edit(user: Any, organ: Organ) -> bool:
    return organs.is_staff_of(user, organ)


def can_finalize(user: Any, organ: Organ) -> bool:
    return organs.can_review(user, organ)


def can_publish(user: Any, organ: Organ) -> bool:
    return organs.can_review(user, organ)


def can_roll_up(user: Any, office: Organ) -> bool:
    return organs.can_oversee(user, office)


ACTIONS = {
    "view": can_view,
    "edit": can_edit,
    "finalize": can_finalize,
    "publish": can_publish,
    "roll_up": can_roll_up,
}
