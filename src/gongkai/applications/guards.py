"""The conditions of the casework table (``workflow.Guard``), evaluated by the engine.

``workflow.py`` names each condition and stays free of Django; here each gets the check
that reads the case, its history since the latest 重新办理, the day and the event's data,
and ``WORKFLOW`` is the table with them bound. A check returns ``True`` or raises
``GuardFailed`` (``InvalidInput`` for a missing choice) with the Regulation's reason and
the dates involved, which is what the person sees.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from gongkai.deadlines.calendar import WorkCalendar
from gongkai.deadlines.periods import (
    consultation_reply_due,
    correction_notice_due,
    fee_payment_due,
)
from gongkai.workflow import TransitionError

from . import answers
from .errors import GuardFailed, InvalidInput
from .history import REVIEW_LEVELS, last, review_round
from .periods import CORRECTION_REPLY_DAYS
from .workflow import EVENT_LABELS, Event, Guard, Transition
from .workflow import WORKFLOW as TABLE

if TYPE_CHECKING:
    from .models import Application, CaseEvent


@dataclass(frozen=True)
class Context:
    """What a check reads; ``events`` are the case's events since the latest 重新办理."""

    transition: Transition
    case: Application
    events: Sequence[CaseEvent]
    actor: Any
    on: date
    data: Mapping[str, Any]
    calendar: Callable[[], WorkCalendar]


def correction_not_yet_requested(ctx: Context) -> bool:
    """Art 30: one notice, within 7 working days of receipt."""
    if last(ctx.events, Event.REQUEST_CORRECTION):
        raise GuardFailed("补正通知只能一次性发出（条例第三十条），本申请已发出过补正通知")
    assert ctx.case.received_on is not None
    last_day = correction_notice_due(ctx.case.received_on, ctx.calendar())
    if ctx.on > last_day:
        raise GuardFailed(
            f"补正通知应在收到申请之日起7个工作日内发出（条例第三十条），"
            f"本申请最迟应于{last_day.isoformat()}发出，今天是{ctx.on.isoformat()}"
        )
    return True


def correction_deadline_passed(ctx: Context) -> bool:
    request = last(ctx.events, Event.REQUEST_CORRECTION)
    assert request is not None
    reply_by = date.fromisoformat(request.data["reply_by"])
    if request.data.get("reply_by_provisional"):
        # The letter stated the period in words; count it on today's calendar.
        workdays = int(request.data.get("reply_workdays", CORRECTION_REPLY_DAYS))
        reply_by = ctx.calendar().add_workdays(request.on, workdays)
    if ctx.on <= reply_by:
        raise GuardFailed(f"补正期限{reply_by.isoformat()}尚未届满，不能按逾期未补正处理")
    return True


def consultation_deadline_passed(ctx: Context) -> bool:
    """Arts 32, 34: 15 working days without an answer."""
    opened = last(ctx.events, Event.OPEN_CONSULTATION)
    assert opened is not None
    last_day = consultation_reply_due(opened.on, ctx.calendar())
    if ctx.on <= last_day:
        raise GuardFailed(
            f"征求意见的答复期限（15个工作日）至{last_day.isoformat()}届满，尚不能按逾期处理"
        )
    return True


def not_yet_extended(ctx: Context) -> bool:
    if last(ctx.events, Event.APPROVE_EXTENSION):
        raise GuardFailed(
            "本申请已延长过答复期限，延长期限最长不得超过20个工作日（条例第三十三条）"
        )
    return True


def fee_amount_positive(ctx: Context) -> bool:
    if Decimal(str(ctx.data.get("amount", "0"))) <= 0:
        raise GuardFailed("按收费标准计算的信息处理费为0元，无需发出收费通知")
    return True


def fee_deadline_passed(ctx: Context) -> bool:
    notice = last(ctx.events, Event.SEND_FEE_NOTICE)
    assert notice is not None
    last_day = fee_payment_due(notice.on, ctx.calendar())
    if ctx.on <= last_day:
        raise GuardFailed(f"缴费期限至{last_day.isoformat()}届满，尚不能按逾期未缴费处理")
    return True


def answer_chosen(ctx: Context) -> bool:
    key = ctx.data.get("answer") if ctx.transition.event is Event.DRAFT_REPLY else ctx.case.answer
    if not key or key not in answers.ANSWER_BY_KEY:
        raise InvalidInput("请选择答复类型")
    if not answers.ANSWER_BY_KEY[str(key)].chosen_by_officer:
        raise InvalidInput(
            f"答复类型“{answers.ANSWER_BY_KEY[str(key)].label}”由流程自动确定，不能手工选择"
        )
    return True


def review_separation(ctx: Context) -> bool:
    """初审, 复审 and 终审 by three different people, none of them the drafter."""
    done = review_round(ctx.events).get(getattr(ctx.actor, "pk", None) or 0)
    if done == EVENT_LABELS[Event.DRAFT_REPLY]:
        raise GuardFailed("审核人不能是答复的拟稿人：请由其他审核人办理")
    if done:
        raise GuardFailed(
            f"同一人不能担任两级审核：您已完成本轮{done}，请由其他审核人办理"
            f"{REVIEW_LEVELS[ctx.transition.event]}"
        )
    return True


CHECKS: Final[Mapping[str, Callable[[Context], bool]]] = {
    Guard.CORRECTION_NOT_YET_REQUESTED: correction_not_yet_requested,
    Guard.CORRECTION_DEADLINE_PASSED: correction_deadline_passed,
    Guard.CONSULTATION_DEADLINE_PASSED: consultation_deadline_passed,
    Guard.NOT_YET_EXTENDED: not_yet_extended,
    Guard.FEE_AMOUNT_POSITIVE: fee_amount_positive,
    Guard.FEE_DEADLINE_PASSED: fee_deadline_passed,
    Guard.ANSWER_CHOSEN: answer_chosen,
    Guard.REVIEW_SEPARATION: review_separation,
}

WORKFLOW: Final = TABLE.with_checks(CHECKS)


def check(ctx: Context, role: str) -> None:
    """Evaluate the transition's condition through the table (state and role were admitted
    already); a refusal the engine words itself becomes a ``GuardFailed``."""
    try:
        WORKFLOW.transition_for(ctx.case.state, ctx.transition.event, role, ctx)
    except TransitionError as exc:
        raise GuardFailed(exc.message) from None
