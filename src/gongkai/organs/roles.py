"""The roles a person can hold in an organ (one Membership row per organ and role)."""

from __future__ import annotations

from django.db import models


class Role(models.TextChoices):
    OFFICER = "officer", "公开专员"
    REVIEWER = "reviewer", "审核人"
    HEAD = "head", "机构负责人"
    SUPERVISOR = "supervisor", "主管部门监督人员"
    ADMIN = "admin", "系统管理员"


OFFICER = Role.OFFICER
REVIEWER = Role.REVIEWER
HEAD = Role.HEAD
SUPERVISOR = Role.SUPERVISOR
ADMIN = Role.ADMIN

# Roles that work an organ's own cases and items.
CASEWORK_ROLES = frozenset({Role.OFFICER, Role.REVIEWER, Role.HEAD})
# Roles whose reach extends to every organ below the one they hold it in.
DOWNWARD_ROLES = frozenset({Role.SUPERVISOR, Role.ADMIN})
