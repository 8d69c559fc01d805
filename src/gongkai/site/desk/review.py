"""The 审核人's and the 机构负责人's start page in one organ.

Replies and items waiting at their levels, leaving out those they cannot take because
they already acted in the current review round (初审, 复审 and 终审 are three different
people, none of them the drafter); extensions for the head; the report due now when it
waits for 定稿 or 发布.
"""

from __future__ import annotations

from django.db.models import OuterRef, Subquery
from django.urls import reverse

from gongkai.applications.history import REVIEW_LEVELS
from gongkai.applications.models import Application, CaseEvent
from gongkai.applications.workflow import Event, State
from gongkai.disclosure import workflow as items
from gongkai.disclosure.models import Item
from gongkai.organs.models import Organ
from gongkai.reports.models import deadline_for

from . import queries as q
from .model import LIMIT, Context, Line, Section
from .names import DRAFT, FINAL
from .officer import DUE_FIRST, case_line, queue_url
from .phrases import calendar_days_note, due_note, short

REPLY_LEVEL = {
    State.REVIEW_FIRST.value: REVIEW_LEVELS[Event.APPROVE_FIRST],
    State.REVIEW_SECOND.value: REVIEW_LEVELS[Event.APPROVE_SECOND],
    State.REVIEW_FINAL.value: REVIEW_LEVELS[Event.SIGN_OFF],
}


def replies(ctx: Context, organ: Organ, states: list[str], total: int) -> Section:
    lines: tuple[Line, ...] = ()
    if ctx.lines and total:
        found = (
            Application.objects.filter(organ=organ)
            .filter(q.waiting_for_review(ctx.user, states))
            .only("id", "number", "state", "due_on", "clock_paused", "information")
            .order_by(DUE_FIRST, "id")[:LIMIT]
        )
        lines = tuple(
            case_line(ctx, c, f"待{REPLY_LEVEL[c.state]} · {short(c.information)}") for c in found
        )
    levels = "、".join(REPLY_LEVEL[s] for s in states)
    return Section(
        "replies",
        f"待审核的答复（{levels}）",
        "没有等待您审核的答复。",
        lines,
        total,
        queue_url(organ),
    )


def extensions(ctx: Context, organ: Organ, total: int) -> Section:
    lines: tuple[Line, ...] = ()
    if ctx.lines and total:
        request = CaseEvent.objects.filter(
            application=OuterRef("pk"), action=Event.REQUEST_EXTENSION
        ).order_by("-seq")
        found = (
            Application.objects.filter(organ=organ, state=State.EXTENSION_PENDING)
            .only("id", "number", "state", "due_on", "clock_paused", "information")
            .annotate(
                asked_by=Subquery(request.values("actor_name")[:1]),
                why=Subquery(request.values("reason")[:1]),
            )
            .order_by(DUE_FIRST, "id")[:LIMIT]
        )
        lines = tuple(
            case_line(ctx, c, f"{c.asked_by}申请延期：{short(c.why or '')}") for c in found
        )
    return Section(
        "extensions",
        "待批准的延期答复",
        "没有待批准的延期答复。",
        lines,
        total,
        queue_url(organ),
    )


def review_items(ctx: Context, organ: Organ, states: list[str], total: int) -> Section:
    lines: tuple[Line, ...] = ()
    if ctx.lines and total:
        found = (
            Item.objects.filter(organ=organ)
            .filter(q.item_waiting_for_review(ctx.user, states))
            .only("id", "title", "state", "due_on")
            .order_by(DUE_FIRST, "id")[:LIMIT]
        )
        lines = tuple(_item_line(ctx, i) for i in found)
    levels = "、".join(items.REVIEW_LEVEL[s] for s in states)
    return Section(
        "review_items",
        f"待审核的主动公开信息（{levels}）",
        "没有等待您审核的主动公开信息。",
        lines,
        total,
        reverse("disclosure:list"),
    )


def _item_line(ctx: Context, item: Item) -> Line:
    note, tone = ("", "")
    if item.due_on is not None:
        note, tone = due_note(item.due_on, ctx.on, ctx.calendar, what="公开期限")
        if item.due_on > ctx.soon:
            note, tone = f"公开期限{item.due_on.isoformat()}", ""
    return Line(
        reverse("disclosure:detail", args=[item.pk]),
        short(item.title),
        f"待{items.REVIEW_LEVEL[item.state]}",
        note,
        tone,
    )


def report(ctx: Context, organ: Organ, status: str | None) -> Section:
    year = ctx.report_year
    lines: tuple[Line, ...] = ()
    step = {DRAFT: "待定稿", FINAL: "已定稿，待发布"}.get(status or "")
    if step:
        url = reverse("reports:workspace", args=[organ.slug, year])
        note, tone = calendar_days_note(deadline_for(organ, year), ctx.on)
        lines = (Line(url, f"{year}年度报告", step, note, tone),)
    return Section(
        "report",
        f"{year}年度报告",
        f"{year}年度报告没有等待定稿或发布。",
        lines if ctx.lines else (),
        len(lines),
    )
