"""网民留言 on the start pages: the officer's messages to answer (overdue first) and the
reviewer's replies to approve."""

from __future__ import annotations

from django.db.models import F
from django.urls import reverse

from gongkai.interaction import workflow
from gongkai.interaction.models import Message
from gongkai.organs.models import Organ

from .model import LIMIT, Context, Line, Section
from .phrases import due_note, short

DUE_FIRST = F("due_on").asc(nulls_last=True)


def _line(ctx: Context, message: Message, detail: str) -> Line:
    note, tone = ("", "")
    if message.due_on is not None:
        note, tone = due_note(message.due_on, ctx.on, ctx.calendar, what="")
        if tone == "soon" and message.due_on > ctx.soon:
            note, tone = f"{message.due_on.isoformat()}到期", ""
    return Line(
        reverse("interaction:detail", args=[message.number]),
        message.number,
        f"{detail} · {short(message.subject)}",
        note,
        tone,
    )


def to_answer(ctx: Context, organ: Organ) -> Section:
    rows = Message.objects.filter(organ=organ, state__in=(workflow.RECEIVED, workflow.DRAFTED))
    total = rows.count()
    lines: tuple[Line, ...] = ()
    if ctx.lines and total:
        found = rows.only("id", "number", "subject", "state", "due_on", "kind").order_by(
            DUE_FIRST, "id"
        )[:LIMIT]
        lines = tuple(_line(ctx, m, m.state_label) for m in found)
    return Section(
        "messages",
        "待答复的网民留言",
        "没有待答复的网民留言。",
        lines,
        total,
        f"{reverse('interaction:list')}?organ={organ.slug}",
    )


def to_review(ctx: Context, organ: Organ) -> Section:
    rows = Message.objects.filter(organ=organ, state=workflow.REVIEW).exclude(drafted_by=ctx.user)
    total = rows.count()
    lines: tuple[Line, ...] = ()
    if ctx.lines and total:
        found = rows.only("id", "number", "subject", "state", "due_on").order_by(DUE_FIRST, "id")[
            :LIMIT
        ]
        lines = tuple(_line(ctx, m, "答复待审核") for m in found)
    return Section(
        "message-replies",
        "待审核的留言答复",
        "没有待审核的留言答复。",
        lines,
        total,
        f"{reverse('interaction:list')}?organ={organ.slug}&state={workflow.REVIEW}",
    )
