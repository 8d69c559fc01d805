"""Who may do what, built from small named checks (STYLE.md 8).

The checks (``is_officer_of``, ``is_reviewer_of``, ``is_head_of``, ``supervises``,
``is_admin``) look at memberships only; the composed names below them are what views,
API endpoints and templates call. Every function takes ``(user, organ)`` (``is_admin`` and
``can_edit_calendar`` also accept no organ, meaning the whole installation) and returns a bool.
Anonymous and inactive users are refused everything.
"""

from __future__ import annotations

from typing import Any

from .models import Membership, Organ
from .roles import CASEWORK_ROLES, Role


def _active(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def _holds(user: Any, organ: Organ, roles: set[str] | frozenset[str]) -> bool:
    """The user holds one of ``roles`` in exactly this organ."""
    if not _active(user):
        return False
    return Membership.objects.filter(user=user, organ=organ, role__in=roles).exists()


def _holds_above(user: Any, organ: Organ, role: str) -> bool:
    """The user holds ``role`` in this organ or any organ above it."""
    if not _active(user):
        return False
    return Membership.objects.filter(
        user=user, organ_id__in=organ.lineage_ids(), role=role
    ).exists()


# The named checks -------------------------------------------------------------------------


def is_officer_of(user: Any, organ: Organ) -> bool:
    """公开专员 of this organ."""
    return _holds(user, organ, {Role.OFFICER})


def is_reviewer_of(user: Any, organ: Organ) -> bool:
    """审核人 of this organ."""
    return _holds(user, organ, {Role.REVIEWER})


def is_head_of(user: Any, organ: Organ) -> bool:
    """机构负责人 of this organ."""
    return _holds(user, organ, {Role.HEAD})


def is_staff_of(user: Any, organ: Organ) -> bool:
    """Any casework role (officer, reviewer, head) in this organ itself."""
    return _holds(user, organ, CASEWORK_ROLES)


def supervises(user: Any, organ: Organ) -> bool:
    """主管部门 supervisor of this organ or of an organ above it."""
    return _holds_above(user, organ, Role.SUPERVISOR)


def is_admin(user: Any, organ: Organ | None = None) -> bool:
    """Administrator of this organ (held here or above); without an organ: of the installation.

    The installation's administrators are Django superusers and whoever is ``admin`` of a
    top-level organ (one without a parent).
    """
    if not _active(user):
        return False
    if user.is_superuser:
        return True
    if organ is None:
        return Membership.objects.filter(
            user=user, role=Role.ADMIN, organ__parent__isnull=True
        ).exists()
    return _holds_above(user, organ, Role.ADMIN)


# The composed names views use ---------------------------------------------------------------


def can_view_organ(user: Any, organ: Organ) -> bool:
    """See the organ's back-office pages (people, calendar status)."""
    return is_staff_of(user, organ) or supervises(user, organ) or is_admin(user, organ)


def can_view_cases(user: Any, organ: Organ) -> bool:
    """See the organ's applications and items (never another organ's, unless supervising)."""
    return is_staff_of(user, organ) or supervises(user, organ)


def can_handle_cases(user: Any, organ: Organ) -> bool:
    """Register, draft and answer the organ's applications; draft items."""
    return is_officer_of(user, organ)


def can_review(user: Any, organ: Organ) -> bool:
    """Approve replies and publications (审核)."""
    return is_reviewer_of(user, organ) or is_head_of(user, organ)


def can_approve_extension(user: Any, organ: Organ) -> bool:
    """Approve a deadline extension (延期) — the organ's head only (条例第三十三条)."""
    return is_head_of(user, organ)


def can_oversee(user: Any, organ: Organ) -> bool:
    """Read-only oversight of queues and overdue items of organs under supervision."""
    return supervises(user, organ)


def can_manage_people(user: Any, organ: Organ) -> bool:
    """Add or remove the organ's staff and edit its disclosure-office details."""
    return is_admin(user, organ)


def can_edit_calendar(user: Any) -> bool:
    """Enter calendar overrides (State Council notices, local festivals)."""
    return is_admin(user)


ACTIONS = {
    "view_organ": can_view_organ,
    "view_cases": can_view_cases,
    "handle_cases": can_handle_cases,
    "review": can_review,
    "approve_extension": can_approve_extension,
    "oversee": can_oversee,
    "manage_people": can_manage_people,
}
