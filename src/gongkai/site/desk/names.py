"""The role and report-status values the start page compares with, as plain strings
(what the rows hold), with their labels."""

from __future__ import annotations

from gongkai.organs.roles import Role
from gongkai.reports.models import Status

OFFICER = str(Role.OFFICER)
REVIEWER = str(Role.REVIEWER)
HEAD = str(Role.HEAD)
SUPERVISOR = str(Role.SUPERVISOR)
ADMIN = str(Role.ADMIN)
ROLES = tuple(str(r) for r in Role.values)
"""Every role, in the order the page shows them."""

DRAFT = str(Status.DRAFT)
FINAL = str(Status.FINAL)
PUBLISHED = str(Status.PUBLISHED)
IMPORTED = "imported"
"""A report published outside the platform and imported by a supervising office."""


def role_label(role: str) -> str:
    return str(Role(role).label)
