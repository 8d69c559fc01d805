"""The 公开专员's start page in one organ: what waits for them, most urgent first.

The cases are those assigned to them or to nobody; the items and the report are the
organ's. Every count comes from ``counts``; the lines are read only when there are some.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, TypedDict

from django.db.models import Case, F, IntegerField, OuterRef, Q, Subquery, Value, When
from django.urls import reverse

from gongkai.applications.models import Application, CaseEvent, Notice
from gongkai.applications.outbox import to_print_filter
from gongkai.applications.periods import CORRECTION_REPLY_DAYS
from gongkai.applications.workflow import Event, State
from gongkai.deadlines import DeadlineError
from gongkai.deadlines.periods import consultation_reply_due, fee_payment_due
from gongkai.disclosure import workflow as items
from gongkai.disclosure.models import Item, ItemEvent
from gongkai.organs.models import Organ
from gongkai.reports.models import deadline_for

from . import queries as q
from .model import LIMIT, Context, Line, Section
from .names import DRAFT
from .phrases import calendar_days_note, due_note, short

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

PERIOD_EVENTS = {
    State.CORRECTION: (Event.REQUEST_CORRECTION, "补正期限", "待补正"),
    State.FEE_PENDING: (Event.SEND_FEE_NOTICE, "缴费期限", "待缴费"),
    State.CONSULTING: (Event.OPEN_CONSULTATION, "征求意见期限", "征求意见中"),
}
"""States whose waiting period the officer ends (逾期未补正, 逾期未缴费, 征求意见逾期未答复):
the event that started it, the period's name, the state's short name."""


DUE_FIRST = F("due_on").asc(nulls_last=True)
"""Soonest due first; without a date (paused, or not computable) last, on every database."""


def case_url(number: str) -> str:
    return str(reverse("applications:detail", args=[number]))


def queue_url(organ: Organ, anchor: str = "") -> str:
    return f"{reverse('applications:queue')}?organ={organ.slug}{anchor}"


def _cases(organ: Organ) -> Any:
    return Application.objects.filter(organ=organ).only(
        "id", "number", "state", "due_on", "clock_paused", "information", "created_at"
    )


def case_line(ctx: Context, case: Application, detail: str = "") -> Line:
    """A case with its answer period: the badge is red once it has run out."""
    note, tone = ("", "")
    if case.due_on is not None and not case.clock_paused:
        note, tone = due_note(case.due_on, ctx.on, ctx.calendar)
        if tone == "soon" and case.due_on > ctx.soon:
            note, tone = f"{case.due_on.isoformat()}到期", ""
    return Line(
        case_url(case.number),
        case.number,
        detail or f"{case.state_label} · {short(case.information)}",
        note,
        tone,
    )


def deadlines(ctx: Context, organ: Organ, total: int) -> Section:
    lines: tuple[Line, ...] = ()
    if ctx.lines and total:
        found = (
            _cases(organ)
            .filter(q.mine_or_unassigned(ctx.user), q.near_deadline(ctx.soon))
            .order_by(DUE_FIRST, "id")[:LIMIT]
        )
        lines = tuple(case_line(ctx, c) for c in found)
    return Section(
        "deadlines",
        "已逾期或5个工作日内到期的申请",
        "没有已逾期或5个工作日内到期的申请。",
        lines,
        total,
        queue_url(organ),
    )


def waiting_periods(ctx: Context, organ: Organ) -> list[tuple[date, Application, str, str]]:
    """Cases waiting for the applicant or a consulted party whose period ends by ``soon``
    (or has ended), with the period's last day as the guards count it."""
    waiting = list(
        _cases(organ)
        .filter(q.mine_or_unassigned(ctx.user), state__in=list(PERIOD_EVENTS))
        .order_by("id")
    )
    if not waiting:
        return []
    starts: dict[tuple[int, str], CaseEvent] = {}
    kinds = [kind for kind, _, _ in PERIOD_EVENTS.values()]
    for event in CaseEvent.objects.filter(application__in=waiting, action__in=kinds).order_by(
        "application_id", "seq"
    ):
        starts[event.application_id, event.action] = event  # the latest of each kind
    found = []
    for case in waiting:
        event = starts.get((case.pk, PERIOD_EVENTS[State(case.state)][0]))
        if event is None:
            continue
        try:
            last_day = _last_day(ctx, State(case.state), event)
        except (DeadlineError, KeyError, ValueError):
            continue
        if last_day <= ctx.soon:
            _, period, state = PERIOD_EVENTS[State(case.state)]
            found.append((last_day, case, period, state))
    found.sort(key=lambda row: (row[0], row[1].pk))
    return found


def _last_day(ctx: Context, state: State, event: CaseEvent) -> date:
    """The period's last day, counted as ``applications.guards`` count it."""
    if state is State.CORRECTION:
        if event.data.get("reply_by_provisional"):
            days = int(event.data.get("reply_workdays", CORRECTION_REPLY_DAYS))
            return ctx.calendar.add_workdays(event.on, days)
        return date.fromisoformat(event.data["reply_by"])
    if state is State.FEE_PENDING:
        return fee_payment_due(event.on, ctx.calendar)
    return consultation_reply_due(event.on, ctx.calendar)


def periods(ctx: Context, organ: Organ, found: list[tuple[date, Application, str, str]]) -> Section:
    lines = []
    for last_day, case, period, state in found[:LIMIT]:
        note, tone = due_note(last_day, ctx.on, ctx.calendar, what=period)
        lines.append(
            Line(
                case_url(case.number),
                case.number,
                f"{state} · {short(case.information)}",
                note,
                tone,
            )
        )
    return Section(
        "periods",
        "补正、缴费、征求意见期限将满或已满",
        "没有5个工作日内届满或已届满的补正、缴费、征求意见期限。",
        tuple(lines),
        len(found),
        queue_url(organ),
    )


def returned(ctx: Context, organ: Organ, total: int) -> Section:
    lines: tuple[Line, ...] = ()
    if ctx.lines and total:
        reason = CaseEvent.objects.filter(
            application=OuterRef("pk"), action=Event.RETURN_FOR_REVISION
        ).order_by("-seq")
        found = (
            _cases(organ)
            .filter(q.mine_or_unassigned(ctx.user), q.returned_for_revision())
            .filter(state=State.PROCESSING)
            .annotate(
                returned_by=Subquery(reason.values("actor_name")[:1]),
                returned_why=Subquery(reason.values("reason")[:1]),
            )
            .order_by(DUE_FIRST, "id")[:LIMIT]
        )
        lines = tuple(
            case_line(
                ctx,
                c,
                f"{c.returned_by}退回：{short(c.returned_why)}",
            )
            for c in found
        )
    return Section(
        "returned",
        "退回修改的答复",
        "没有被退回修改的答复。",
        lines,
        total,
        queue_url(organ),
    )


def _state_section(
    ctx: Context,
    organ: Organ,
    total: int,
    key: str,
    title: str,
    empty: str,
    condition: Q,
) -> Section:
    """Cases of the officer (or nobody) in one state, soonest due first."""
    lines: tuple[Line, ...] = ()
    if ctx.lines and total:
        found = _cases(organ).filter(condition, q.mine_or_unassigned(ctx.user))
        lines = tuple(case_line(ctx, c) for c in found.order_by(DUE_FIRST, "id")[:LIMIT])
    return Section(key, title, empty, lines, total, queue_url(organ))


def to_deliver(ctx: Context, organ: Organ, total: int) -> Section:
    return _state_section(
        ctx,
        organ,
        total,
        "to_deliver",
        "已签发待送达的答复",
        "没有已签发待送达的答复。",
        Q(state=State.APPROVED),
    )


def awaiting(ctx: Context, organ: Organ, total: int) -> Section:
    lines: tuple[Line, ...] = ()
    if ctx.lines and total:
        found = _cases(organ).filter(state=State.AWAITING_CONFIRMATION).order_by("id")[:LIMIT]
        lines = tuple(
            Line(
                case_url(c.number),
                c.number,
                short(c.information),
                f"网上提交于{c.created_at.date().isoformat()}",
                "info",
            )
            for c in found
        )
    return Section(
        "awaiting",
        "待确认的网上申请",
        "没有待确认的网上申请。",
        lines,
        total,
        queue_url(organ, "#awaiting"),
    )


def to_draft(ctx: Context, organ: Organ, total: int) -> Section:
    return _state_section(
        ctx,
        organ,
        total,
        "to_draft",
        "待拟写答复的申请",
        "没有待拟写答复的申请。",
        Q(state=State.PROCESSING) & ~q.returned_for_revision(),
    )


def notices(ctx: Context, organ: Organ, total: int) -> Section:
    lines: tuple[Line, ...] = ()
    if ctx.lines and total:
        found = (
            Notice.objects.filter(application__organ=organ)
            .filter(q.mine_or_unassigned(ctx.user, "application__"))
            .filter(to_print_filter() | Q(status=Notice.Status.FAILED))
            .select_related("application")
            .only("id", "title", "document_number", "status", "error", "application__number")
            .annotate(
                failed_first=Case(
                    When(status=Notice.Status.FAILED, then=Value(0)),
                    default=Value(1),
                    output_field=IntegerField(),
                )
            )
            .order_by("failed_first", "id")[:LIMIT]
        )
        lines = tuple(_notice_line(n) for n in found)
    return Section(
        "notices",
        "待打印或发送失败的通知",
        "没有待打印或发送失败的通知。",
        lines,
        total,
        f"{reverse('applications:queue')}#to-print",
    )


def _notice_line(notice: Notice) -> Line:
    number = notice.application.number
    title = f"{notice.title}{notice.document_number}"
    if notice.status == Notice.Status.FAILED:
        why = f"：{short(notice.error, 30)}" if notice.error else ""
        return Line(f"{case_url(number)}#notices", number, f"{title}{why}", "发送失败", "overdue")
    return Line(f"{reverse('applications:queue')}#to-print", number, title, "待打印", "info")


def drafts(ctx: Context, organ: Organ, total: int) -> Section:
    lines: tuple[Line, ...] = ()
    if ctx.lines and total:
        comment = ItemEvent.objects.filter(item=OuterRef("pk"), action="send_back").order_by("-pk")
        found = (
            Item.objects.filter(organ=organ, state=items.DRAFT)
            .only("id", "title", "due_on", "state")
            .annotate(
                sent_back=Case(
                    When(q.item_sent_back(), then=Value(0)),
                    default=Value(1),
                    output_field=IntegerField(),
                ),
                sent_back_by=Subquery(comment.values("actor_name")[:1]),
                sent_back_why=Subquery(comment.values("reason")[:1]),
            )
            .order_by("sent_back", DUE_FIRST, "id")[:LIMIT]
        )
        lines = tuple(_draft_line(ctx, i) for i in found)
    return Section(
        "items",
        "退回修改或待提交审核的主动公开信息",
        "没有退回修改或待提交审核的主动公开信息。",
        lines,
        total,
        f"{reverse('disclosure:list')}?state={items.DRAFT}",
    )


class _SentBack(TypedDict):
    """What ``drafts`` annotates on each item."""

    sent_back: int
    sent_back_by: str | None
    sent_back_why: str | None


def _draft_line(ctx: Context, item: WithAnnotations[Item, _SentBack]) -> Line:
    url = reverse("disclosure:detail", args=[item.pk])
    returned = item.sent_back == 0
    if returned:
        detail = f"{item.sent_back_by}退回：{short(item.sent_back_why or '')}"
    else:
        detail = "草稿，待提交审核"
    note, tone = ("", "")
    if item.due_on is not None:
        note, tone = due_note(item.due_on, ctx.on, ctx.calendar, what="公开期限")
        if item.due_on > ctx.soon:
            note, tone = f"公开期限{item.due_on.isoformat()}", ""
    if returned and not tone:
        note, tone = note or "退回修改", "today"
    return Line(url, short(item.title), detail, note, tone)


def report(ctx: Context, organ: Organ, status: str | None) -> Section:
    """The report due now, while it is still to be written (the officer writes the text)."""
    year = ctx.report_year
    lines: tuple[Line, ...] = ()
    if status in (None, DRAFT):
        url = reverse("reports:workspace", args=[organ.slug, year])
        text = "尚未开始编写" if status is None else "草稿编写中，完成后请审核人定稿"
        lines = (Line(url, f"{year}年度报告", text, *_report_deadline(ctx, organ)),)
    return Section(
        "report",
        f"{year}年度报告",
        f"{year}年度报告已定稿或已发布，没有需要编写的内容。",
        lines if ctx.lines else (),
        len(lines),
    )


def _report_deadline(ctx: Context, organ: Organ) -> tuple[str, str]:
    return calendar_days_note(deadline_for(organ, ctx.report_year), ctx.on)
