"""The 系统管理员's start page: locked accounts, roles nobody holds, accounts without a
role, and (for the installation's administrators) the working calendar's coverage."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import OuterRef, Subquery
from django.urls import reverse

from gongkai.deadlines import coverage_warning
from gongkai.organs.models import Membership, Organ, PeopleChange, descendant_ids
from gongkai.organs.people import locked_usernames
from gongkai.workcalendar.reminders import missing_year
from gongkai.workcalendar.status import CalendarStatus

from .model import LIMIT, Block, Context, Line, Overview, Section
from .names import ADMIN, HEAD, OFFICER, REVIEWER, ROLES, role_label

REVIEW_PEOPLE = 3
"""初审, 复审 and 终审 of a reply or an item: three different people (two 审核人 and a
机构负责人 for items; 审核人 or 机构负责人 for 初审 and 复审 of replies)."""


def _name(full: str, username: str) -> str:
    return f"{full}（{username}）" if full else username


class Staffing:
    """Who holds which role in a set of organs, and who of them is locked out (2 queries)."""

    def __init__(self, organ_ids: Iterable[int]) -> None:
        self.roles: dict[int, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
        self.people: dict[int, tuple[str, str]] = {}
        rows = (
            Membership.objects.filter(organ_id__in=list(organ_ids), user__is_active=True)
            .order_by("organ_id", "user_id")
            .values_list("organ_id", "role", "user_id", "user__username", "user__first_name")
        )
        held: dict[int, list[int]] = defaultdict(list)
        for organ_id, role, user_id, username, full in rows:
            self.roles[organ_id][role].add(user_id)
            self.people[user_id] = (username, full)
            held[user_id].append(organ_id)
        self.organs_of = held
        locked = locked_usernames(u for u, _ in self.people.values()) if self.people else set()
        self.locked = {uid for uid, (u, _) in self.people.items() if u in locked}

    def gaps(self, organ_id: int) -> list[str]:
        """What the organ lacks for the casework (empty when every role is filled)."""
        roles = self.roles.get(organ_id, {})
        officers, reviewers, heads = (
            roles.get(OFFICER, set()),
            roles.get(REVIEWER, set()),
            roles.get(HEAD, set()),
        )
        found = []
        if not officers:
            found.append("没有公开专员")
        if not heads:
            found.append("没有机构负责人（批准延期、终审需要）")
        if len(reviewers) < 2 or len(reviewers | heads) < REVIEW_PEOPLE:
            found.append(
                f"三级审核需要两位审核人和一位机构负责人、三人各不相同，"
                f"现有审核人{len(reviewers)}位、机构负责人{len(heads)}位"
            )
        return found


def orphans() -> list[tuple[Any, int | None]]:
    """Active accounts (not site administrators) that hold no role anywhere, with the organ
    whose people they were last changed in (None when never)."""
    last_organ = PeopleChange.objects.filter(person=OuterRef("pk")).order_by("-at", "-pk")
    users = (
        get_user_model()
        .objects.filter(is_active=True, is_superuser=False, memberships__isnull=True)
        .annotate(last_organ=Subquery(last_organ.values("organ_id")[:1]))
        .only("id", "username", "first_name", "last_name")
        .order_by("username")
    )
    return [(u, u.last_organ) for u in users]


def organ_block(
    ctx: Context,
    admin_of: Organ,
    organs: list[Organ],
    staffing: Staffing,
    orphaned: list[tuple[Any, int | None]],
) -> Block:
    ids = {o.pk for o in organs}
    by_id = {o.pk: o for o in organs}
    locked = [
        (uid, next(oid for oid in staffing.organs_of[uid] if oid in ids))
        for uid in sorted(staffing.locked, key=lambda uid: staffing.people[uid][0])
        if any(oid in ids for oid in staffing.organs_of[uid])
    ]
    locked_lines = tuple(
        Line(
            reverse("site:organ_people", args=[by_id[oid].slug]),
            _name(staffing.people[uid][1], staffing.people[uid][0]),
            f"{by_id[oid].short_name} · 连续输错密码，账户已被锁定",
            "待解除锁定",
            "overdue",
        )
        for uid, oid in locked
    )
    people_lines = [
        Line(
            reverse("site:organ_people", args=[organ.slug]),
            organ.name,
            "；".join(gaps),
            "角色空缺",
            "today",
        )
        for organ in organs
        if (gaps := staffing.gaps(organ.pk))
    ]
    for user, organ_id in orphaned:
        if organ_id in ids:
            organ = by_id[organ_id]
            people_lines.append(
                Line(
                    reverse("site:person_add", args=[organ.slug]),
                    _name(user.get_full_name(), user.username),
                    f"账户启用但没有任何角色（最近一次在{organ.short_name}调整）",
                    "未分配角色",
                    "info",
                )
            )
    sections = (
        Section(
            "locked",
            "被锁定的账户",
            "没有被锁定的账户。",
            locked_lines[:LIMIT] if ctx.lines else (),
            len(locked_lines),
            reverse("site:organ_people", args=[admin_of.slug]),
        ),
        Section(
            "people",
            "角色空缺和未分配角色的账户",
            "各机关的角色都有人担任，也没有未分配角色的账户。",
            tuple(people_lines[:LIMIT]) if ctx.lines else (),
            len(people_lines),
            reverse("site:organ_people", args=[admin_of.slug]),
        ),
    )
    overview = Overview(
        "所管理的机关",
        ("机关", *(role_label(r) for r in ROLES)),
        tuple(
            (
                o.name,
                reverse("site:organ_people", args=[o.slug]),
                *(len(staffing.roles.get(o.pk, {}).get(r, ())) for r in ROLES),
            )
            for o in organs
        ),
    )
    return Block(
        f"admin-{admin_of.pk}",
        role_label(ADMIN),
        admin_of.name,
        sections,
        overview if ctx.lines else None,
        (
            (
                f"人员与角色：{admin_of.short_name}",
                reverse("site:organ_people", args=[admin_of.slug]),
            ),
            (f"机关信息：{admin_of.short_name}", reverse("site:organ", args=[admin_of.slug])),
        ),
    )


def site_block(ctx: Context, orphaned: list[tuple[Any, int | None]], covered: set[int]) -> Block:
    """The installation's part: the calendar, and accounts without a role in no organ the
    person administers below."""
    warning = coverage_warning(ctx.on, ctx.calendar)
    year = missing_year(ctx.on, ctx.calendar)
    calendar_lines: tuple[Line, ...] = ()
    if warning and year is not None:
        calendar_lines = (
            Line(
                reverse("workcalendar:notice_new"),
                f"录入{year}年放假安排通知",
                warning,
                "未录入",
                "overdue" if year == ctx.on.year else "today",
            ),
        )
    span = CalendarStatus(ctx.on, ctx.calendar.covered_years, ()).covered_span
    people = [
        Line(
            reverse("admin:auth_user_change", args=[user.pk]),
            _name(user.get_full_name(), user.username),
            "账户启用但没有任何角色",
            "未分配角色",
            "info",
        )
        for user, organ_id in orphaned
        if organ_id not in covered
    ]
    sections = [
        Section(
            "calendar",
            "工作日历",
            f"工作日历已覆盖{span}，暂无需要录入的放假安排通知。",
            calendar_lines if ctx.lines else (),
            len(calendar_lines),
        )
    ]
    if ctx.user.is_staff:
        sections.append(
            Section(
                "accounts",
                "未分配角色的账户",
                "没有未分配角色的账户。",
                tuple(people[:LIMIT]) if ctx.lines else (),
                len(people),
                reverse("admin:auth_user_changelist"),
            )
        )
    links = [("管理工作日历", reverse("workcalendar:overview"))]
    if ctx.user.is_staff:
        links.append(("数据管理（Django 管理后台）", reverse("admin:index")))
    return Block("admin-site", role_label(ADMIN), "全站", tuple(sections), None, tuple(links))


def blocks(ctx: Context, admin_of: list[Organ], *, site: bool) -> list[Block]:
    subtrees = [(organ, descendant_ids([organ.pk])) for organ in admin_of]
    every = set().union(*(ids for _, ids in subtrees)) if subtrees else set()
    organs = {o.pk: o for o in Organ.objects.filter(pk__in=every, is_active=True)}
    staffing = Staffing(organs)
    orphaned = orphans()
    found = []
    if site:
        found.append(site_block(ctx, orphaned, every))
    for organ, ids in subtrees:
        listed = sorted(
            (organs[i] for i in ids if i in organs),
            key=lambda o: (o.pk != organ.pk, o.parent_id or 0, o.pk),
        )
        found.append(organ_block(ctx, organ, listed, staffing, orphaned))
    return found
