"""Which organs a user can see: the one place other apps ask before filtering their rows."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from .models import Membership, Organ, descendant_ids
from .roles import CASEWORK_ROLES, DOWNWARD_ROLES, Role


def _ids(user: Any, *, own_roles: frozenset[str], downward_roles: frozenset[str]) -> set[int]:
    rows = Membership.objects.filter(user=user).values_list("organ_id", "role")
    own = {organ_id for organ_id, role in rows if role in own_roles}
    roots = {organ_id for organ_id, role in rows if role in downward_roles}
    return own | descendant_ids(roots)


def visible_organs(user: Any) -> QuerySet[Organ]:
    """Organs whose back-office pages ``user`` may open (see ``rules.can_view_organ``)."""
    if not (user.is_authenticated and user.is_active):
        return Organ.objects.none()
    if user.is_superuser:
        return Organ.objects.all()
    ids = _ids(user, own_roles=CASEWORK_ROLES, downward_roles=DOWNWARD_ROLES)
    return Organ.objects.filter(pk__in=ids)


def case_organs(user: Any) -> QuerySet[Organ]:
    """Organs whose cases and items ``user`` may see (see ``rules.can_view_cases``).

    Filter your rows with ``Model.objects.filter(organ__in=case_organs(user))``.
    """
    if not (user.is_authenticated and user.is_active):
        return Organ.objects.none()
    ids = _ids(user, own_roles=CASEWORK_ROLES, downward_roles=frozenset({Role.SUPERVISOR}))
    return Organ.objects.filter(pk__in=ids)


def roles_in(user: Any, organ: Organ) -> list[str]:
    """The roles ``user`` holds in this organ itself, in Role order."""
    held = set(Membership.objects.filter(user=user, organ=organ).values_list("role", flat=True))
    return [role for role in Role.values if role in held]
