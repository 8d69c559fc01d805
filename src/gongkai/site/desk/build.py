"""Put a person's start page together from their memberships (roles in organs)."""

from __future__ import annotations

import contextlib
from collections import defaultdict
from datetime import date
from typing import Any

from django.core.cache import cache

from gongkai.applications import services
from gongkai.applications.workflow import State
from gongkai.deadlines import WorkCalendar
from gongkai.disclosure import workflow as item_workflow
from gongkai.organs import rules
from gongkai.organs.models import Membership, Organ

from . import admin, counts, messages, officer, problems, review, supervisor
from .model import Block, Context, Desk
from .names import ADMIN, HEAD, OFFICER, REVIEWER, ROLES, SUPERVISOR, role_label
from .queries import ITEM_LEVELS, REPLY_LEVELS, levels

REVIEW_ROLES = (REVIEWER, HEAD)
CACHE = "_gongkai_desk_todo"
REVIEW_STATE_ORDER = (State.REVIEW_FIRST.value, State.REVIEW_SECOND.value, State.REVIEW_FINAL.value)
ITEM_STATE_ORDER = tuple(item_workflow.REVIEW_STATES)


def build(
    user: Any, *, on: date | None = None, calendar: WorkCalendar | None = None, lines: bool = True
) -> Desk:
    """The start page of ``user`` on ``on`` (default: today) with ``calendar``."""
    ctx = Context(
        user,
        on or services.today(),
        calendar or services.current_calendar(),
        lines=lines,
    )
    held: dict[str, list[Organ]] = defaultdict(list)
    roles_in: dict[int, set[str]] = defaultdict(set)
    memberships = (
        Membership.objects.filter(user=user, organ__is_active=True)
        .select_related("organ")
        .order_by("organ__parent_id", "organ_id")
    )
    for m in memberships:
        held[m.role].append(m.organ)
        roles_in[m.organ_id].add(m.role)
    blocks: list[Block] = []
    blocks += _casework(ctx, held, roles_in)
    several = len(held[SUPERVISOR]) > 1
    blocks += [supervisor.block(ctx, o, several=several) for o in held[SUPERVISOR]]
    site = rules.can_edit_calendar(user)
    if held[ADMIN] or site:
        blocks += admin.blocks(ctx, held[ADMIN], site=site)
    roles = tuple((role_label(role), organ.name) for role in ROLES for organ in held.get(role, []))
    desk = Desk(roles, tuple(blocks))
    if lines:
        _remember(user, desk.todo)
    return desk


def _casework(
    ctx: Context, held: dict[str, list[Organ]], roles_in: dict[int, set[str]]
) -> list[Block]:
    officer_organs = held[OFFICER]
    review_organs = _unique(o for role in REVIEW_ROLES for o in held[role])
    officer_ids = [o.pk for o in officer_organs]
    review_ids = [o.pk for o in review_organs]
    all_ids = set(officer_ids) | set(review_ids)
    cases = counts.cases(ctx, officer_ids, review_ids)
    notices = counts.notices(ctx, officer_ids)
    items = counts.disclosure(ctx, all_ids)
    reports = counts.reports(ctx, all_ids)
    blocks = []
    for organ in officer_organs:
        n = {**cases.get(organ.pk, {}), **notices.get(organ.pk, {}), **items.get(organ.pk, {})}
        periods = officer.waiting_periods(ctx, organ)
        blocks.append(
            Block(
                f"officer-{organ.pk}",
                role_label(OFFICER),
                organ.name,
                (
                    officer.deadlines(ctx, organ, n.get("deadlines", 0)),
                    officer.periods(ctx, organ, periods),
                    officer.returned(ctx, organ, n.get("returned", 0)),
                    officer.to_deliver(ctx, organ, n.get("to_deliver", 0)),
                    officer.awaiting(ctx, organ, n.get("awaiting", 0)),
                    officer.to_draft(ctx, organ, n.get("to_draft", 0)),
                    officer.notices(ctx, organ, n.get("notices", 0)),
                    officer.drafts(ctx, organ, n.get("items", 0)),
                    messages.to_answer(ctx, organ),
                    problems.open_problems(ctx, organ),
                    officer.report(ctx, organ, reports.get(organ.pk)),
                ),
            )
        )
    for organ in review_organs:
        mine = roles_in[organ.pk] & set(REVIEW_ROLES)
        n = {**cases.get(organ.pk, {}), **items.get(organ.pk, {})}
        reply_states = levels(REPLY_LEVELS, mine, REVIEW_STATE_ORDER)
        item_states = levels(ITEM_LEVELS, mine, ITEM_STATE_ORDER)
        sections = [
            review.replies(ctx, organ, reply_states, sum(n.get(s, 0) for s in reply_states))
        ]
        if HEAD in mine:
            sections.append(review.extensions(ctx, organ, n.get("extensions", 0)))
        sections += [
            review.review_items(ctx, organ, item_states, sum(n.get(s, 0) for s in item_states)),
            messages.to_review(ctx, organ),
            review.report(ctx, organ, reports.get(organ.pk)),
        ]
        label = "、".join(role_label(r) for r in REVIEW_ROLES if r in mine)
        blocks.append(Block(f"review-{organ.pk}", label, organ.name, tuple(sections)))
    return blocks


def _unique(organs: Any) -> list[Organ]:
    seen: dict[int, Organ] = {}
    for organ in organs:
        seen.setdefault(organ.pk, organ)
    return sorted(seen.values(), key=lambda o: (o.parent_id or 0, o.pk))


TODO_FOR = 60
"""Seconds the menu's 待办 N is reused across requests (the start page always recounts)."""


def _key(user: Any) -> str:
    return f"site:desk:todo:{getattr(user, 'pk', '')}"


def _remember(user: Any, todo: int) -> None:
    with contextlib.suppress(AttributeError):  # an object that takes no attributes
        setattr(user, CACHE, todo)
    if getattr(user, "pk", None):
        cache.set(_key(user), todo, TODO_FOR)


def todo_count(user: Any) -> int:
    """待办 N of the menu: every section's total. Counting costs a few aggregate queries,
    so it is kept for the request and, per person, for ``TODO_FOR`` seconds: the other
    office pages do not recount on every click."""
    cached = getattr(user, CACHE, None)
    if cached is None and getattr(user, "pk", None):
        cached = cache.get(_key(user))
    if cached is None:
        cached = build(user, lines=False).todo
        _remember(user, cached)
    return int(cached)
