"""Two submissions, one request: merge a repeat submission, or refuse a repeated request.

The 待确认 list flags probable duplicates (``duplicates``). For each, the officer has one
step that is right in law:

- **合并** while the other application is still being handled (or waits for confirmation):
  the second submission is the same application sent twice, so it is never received a
  second time. It ends as 已合并 (no day of receipt, so it is not counted in table 三)
  and the applicant is told the other application answers it.
- **不予处理（重复申请）** once the other application has been answered: the new one is a
  repeated application for the same information (条例第三十六条第（六）项). It is
  confirmed as received and a reply of that type is drafted, citing the earlier answer,
  and goes to review like every reply.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction

from . import services
from .errors import InvalidInput
from .models import Application, CaseEvent, ReceiptBasis
from .workflow import Event, State

MERGE = "merge"
REFUSE = "refuse"

_ENDED = (State.MERGED.value, State.WITHDRAWN.value)


@dataclass(frozen=True)
class Option:
    """One step the officer may take for a probable duplicate."""

    action: str
    other: Application
    label: str


def option_for(case: Application, other: Application) -> Option | None:
    """What may be done with ``case`` given the earlier ``other`` (None: nothing here)."""
    if case.state != State.AWAITING_CONFIRMATION.value or other.pk == case.pk:
        return None
    if other.organ_id != case.organ_id or other.state in _ENDED:
        return None
    if other.state == State.CLOSED.value and other.answer:
        return Option(REFUSE, other, f"不予处理（重复申请，已于{_cn(other.closed_on)}答复）")
    return Option(MERGE, other, f"合并至{other.number}")


def _cn(day: date | None) -> str:
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def _other(case: Application, number: str) -> Application:
    other = (
        Application.objects.select_related("organ")
        .filter(organ_id=case.organ_id, number=number.strip())
        .first()
    )
    if other is None or other.pk == case.pk:
        raise InvalidInput(f"本机关没有编号为“{number}”的其他申请")
    return other


def merge(case: Application, into: str, actor: Any) -> CaseEvent:
    """End ``case`` as a repeat submission of application ``into`` (same organ, not ended)."""
    other = _other(case, into)
    option = option_for(case, other)
    if option is None or option.action != MERGE:
        raise InvalidInput(
            f"申请{other.number}当前状态为“{other.state_label}”，不能将申请{case.number}合并至该申请"
        )
    reason = (
        f"与您提交的申请{other.number}内容相同，已合并至申请{other.number}一并办理，"
        "本申请不再另行处理。"
    )
    with transaction.atomic():
        row = services.apply(case, Event.MERGE, actor, reason, data={"into": other.number})
        services.record(
            other,
            "merged_in",
            actor,
            f"申请{case.number}为重复提交的相同申请，已合并至本申请",
            data={"from": case.number},
        )
    return row


def refuse_repeated(case: Application, earlier: str, actor: Any) -> CaseEvent:
    """Confirm ``case`` as received today and draft a 重复申请 reply citing ``earlier``."""
    other = _other(case, earlier)
    option = option_for(case, other)
    if option is None or option.action != REFUSE:
        raise InvalidInput(f"申请{other.number}尚未答复，不能据此告知重复申请；请改为合并至该申请")
    reason = (
        f"您于{_cn(other.received_on)}提出的政府信息公开申请（编号{other.number}），"
        f"本机关已于{_cn(other.closed_on)}作出答复。"
    )
    with transaction.atomic():
        services.apply(
            case,
            Event.CONFIRM,
            actor,
            f"与申请{other.number}相同的信息已答复，按重复申请处理",
            data={"receipt_basis": ReceiptBasis.CONFIRMED.value},
        )
        return services.apply(case, Event.DRAFT_REPLY, actor, reason, data={"answer": "repeated"})
