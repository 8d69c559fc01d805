"""监督检查's problems on the start pages: an organ's open problems, deadline first."""

from __future__ import annotations

from django.urls import reverse

from gongkai.organs.models import Organ
from gongkai.supervision.models import Problem, ProblemState

from .model import LIMIT, Context, Line, Section
from .phrases import due_note, short


def open_problems(ctx: Context, organ: Organ) -> Section:
    rows = Problem.objects.filter(organ=organ, state=ProblemState.OPEN)
    total = rows.count()
    lines: tuple[Line, ...] = ()
    if ctx.lines and total:
        found = rows.only("id", "title", "rule", "deadline").order_by("deadline", "id")[:LIMIT]
        lines = tuple(
            Line(
                reverse("supervision:detail", args=[p.pk]),
                p.rule,
                short(p.title),
                *due_note(p.deadline, ctx.on, ctx.calendar, what="整改期限"),
            )
            for p in found
        )
    return Section(
        "problems",
        "待整改的问题（监督检查）",
        "没有待整改的问题。",
        lines,
        total,
        f"{reverse('supervision:list')}?organ={organ.slug}&state={ProblemState.OPEN}",
    )
