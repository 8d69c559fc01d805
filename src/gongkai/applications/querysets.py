"""Which cases a user sees, and which are due, overdue or past half-way."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Q, QuerySet

from gongkai.organs.models import Organ
from gongkai.organs.querysets import case_organs

from .models import Application, ReplyFile
from .workflow import OPEN_STATES, Event

OPEN = [s.value for s in OPEN_STATES]


def visible_to(user: Any) -> QuerySet[Application]:
    return Application.objects.filter(organ__in=case_organs(user))


def organ_by_code(code: str, organs: QuerySet[Organ] | None = None) -> Organ | None:
    """The organ whose 网址标识 (slug, e.g. ``fgj``) or 统一社会信用代码 is ``code``."""
    code = code.strip()
    if not code:
        return None
    found = organs if organs is not None else Organ.objects.all()
    return found.filter(Q(slug=code) | Q(credit_code=code.upper())).first()


def open_cases(cases: QuerySet[Application] | None = None) -> QuerySet[Application]:
    return (cases if cases is not None else Application.objects.all()).filter(state__in=OPEN)


def overdue(cases: QuerySet[Application], on: date) -> QuerySet[Application]:
    return open_cases(cases).filter(due_on__lt=on, clock_paused=False)


def due_today(cases: QuerySet[Application], on: date) -> QuerySet[Application]:
    return open_cases(cases).filter(due_on=on)


def past_half(cases: QuerySet[Application], on: date) -> QuerySet[Application]:
    return open_cases(cases).filter(half_on__lt=on, due_on__gte=on)


def queue(cases: QuerySet[Application]) -> QuerySet[Application]:
    """Open cases, soonest due first (cases without a date, i.e. paused, last)."""
    return (
        open_cases(cases)
        .select_related("organ", "assignee")
        .order_by("due_on", "id")
        .only(
            "id",
            "number",
            "state",
            "due_on",
            "half_on",
            "target_on",
            "clock_paused",
            "due_provisional",
            "received_on",
            "information",
            "organ__short_name",
            "assignee__username",
            "assignee__first_name",
        )
    )


def recalculated_since(ids: list[int], since: date) -> set[int]:
    """The cases among ``ids`` whose dates a working-calendar change moved on or after ``since``."""
    from .models import CaseEvent

    return set(
        CaseEvent.objects.filter(application_id__in=ids, action="calendar", on__gte=since)
        .values_list("application_id", flat=True)
        .distinct()
    )


def flag(case: Application, on: date) -> str:
    """日提示 / 流程过半提示 for one case on ``on``."""
    if case.due_on is None:
        return ""
    if case.due_on < on and not case.clock_paused:
        return "已逾期"
    if case.due_on == on:
        return "今日到期"
    if case.target_on is not None and case.target_on < on:
        return "已过内部目标日"
    if case.half_on is not None and case.half_on < on:
        return "流程过半"
    return ""


def reply_files(case: Application) -> list[ReplyFile]:
    """The files provided with the current reply: those uploaded with its latest draft."""
    draft = case.events.filter(action=Event.DRAFT_REPLY).order_by("-seq").first()
    return [] if draft is None else list(draft.files.order_by("id"))


def applicant_files(case: Application) -> list[ReplyFile]:
    """The documents sent with the online application (ID copy, 授权委托书): the organ's
    staff see them on the case page; they are never files of the reply."""
    return list(
        ReplyFile.objects.filter(application=case, event__action=Event.SUBMIT_ONLINE).order_by("id")
    )
