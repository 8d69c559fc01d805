"""Disclosure applications past or near their answer period, messages past theirs."""

from __future__ import annotations

from collections.abc import Iterator

from django.urls import reverse

from gongkai.applications.answers import ANSWER_BY_KEY
from gongkai.applications.models import Application, CaseEvent
from gongkai.applications.workflow import OPEN_STATES, Event, State
from gongkai.interaction import workflow as messages_workflow
from gongkai.interaction.models import Message

from ..catalogue import Finding
from .context import Context

SOON_WORKDAYS = 3


def applications(ctx: Context) -> Iterator[Finding]:
    soon = ctx.calendar.add_workdays(ctx.on, SOON_WORKDAYS)
    rows = Application.objects.filter(
        organ_id__in=ctx.organ_ids,
        state__in=[str(s) for s in OPEN_STATES],
        clock_paused=False,
        due_on__isnull=False,
        due_on__lte=soon,
    ).only("id", "organ_id", "number", "due_on")
    for case in rows.iterator():
        url = reverse("applications:detail", args=[case.number])
        assert case.due_on is not None
        if case.due_on < ctx.on:
            yield Finding(
                case.organ_id,
                "CASE.OVERDUE",
                f"case:{case.number}",
                f"申请{case.number}的答复期限{case.due_on}已过，尚未答复",
                url,
            )
        else:
            yield Finding(
                case.organ_id,
                "CASE.SOON",
                f"case:{case.number}",
                f"申请{case.number}将于{case.due_on}到期，尚未答复",
                url,
            )


def messages(ctx: Context) -> Iterator[Finding]:
    rows = Message.objects.filter(
        organ_id__in=ctx.organ_ids, state__in=messages_workflow.OPEN_STATES, due_on__lt=ctx.on
    ).only("id", "organ_id", "number", "due_on", "subject")
    for m in rows.iterator():
        yield Finding(
            m.organ_id,
            "MSG.OVERDUE",
            f"message:{m.number}",
            f"留言{m.number}“{m.subject}”的答复期限{m.due_on}已过",
            reverse("interaction:detail", args=[m.number]),
        )


def reasons(ctx: Context) -> Iterator[Finding]:
    """Closed cases whose last reply chose an answer that must give reasons, with none
    (data from before the form required them, or imported)."""
    drafts = (
        CaseEvent.objects.filter(
            application__organ_id__in=ctx.organ_ids,
            application__state=State.CLOSED,
            action=Event.DRAFT_REPLY,
        )
        .order_by("application_id", "seq")
        .values_list(
            "application_id", "application__organ_id", "application__number", "data", "reason"
        )
    )
    last: dict[int, tuple[int, str, str, str]] = {}
    for pk, organ_id, number, data, reason in drafts.iterator():
        last[pk] = (organ_id, number, str((data or {}).get("answer", "")), reason or "")
    for organ_id, number, key, reason in last.values():
        chosen = ANSWER_BY_KEY.get(key)
        if chosen is not None and chosen.reason_required and not reason.strip():
            yield Finding(
                organ_id,
                "CASE.NO_REASON",
                f"case:{number}",
                f"申请{number}答复为“{chosen.label}”，未说明理由",
                reverse("applications:detail", args=[number]),
            )
