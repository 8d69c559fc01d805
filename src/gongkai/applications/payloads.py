"""An event's data, checked and completed before anything is written.

``payload(event, case, events, on, data)`` reads what the caller gave for ``event``
(the 补正 points and period, the party consulted, the days of an extension, the fee, the
answer and its attachment titles, the 送达 record, the case merged into, the receipt
basis), refuses what is missing or wrong with a Chinese ``InvalidInput`` naming what was
expected and what was found, and fills in what follows (the 补正 or payment date counted
in working days, the fee's computation).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, Final

from gongkai.deadlines.calendar import WorkCalendar
from gongkai.deadlines.periods import fee_payment_due

from . import fees
from .clock import current_calendar
from .delivery_details import payload as delivery_payload
from .errors import InvalidInput
from .history import last
from .models import Application, CaseEvent
from .periods import CORRECTION_REPLY_DAYS
from .workflow import Event

MAX_EXTENSION: Final = 20
"""Working days an answer period may be extended by (Art 33)."""


def payload(
    event: Event, case: Application, events: list[CaseEvent], on: date, data: Mapping[str, Any]
) -> dict[str, Any]:
    """Validate and complete the event's data (Chinese errors, nothing written yet)."""
    out: dict[str, Any] = {}
    if event is Event.REQUEST_CORRECTION:
        points = [str(p).strip() for p in data.get("points", []) if str(p).strip()]
        if not points:
            raise InvalidInput("补正通知应一次性列明需要补正的全部事项，至少一项")
        reply_by = data.get("reply_by")
        provisional = False
        if reply_by is None:
            cal = current_calendar()
            reply_by = cal.add_workdays(on, CORRECTION_REPLY_DAYS)
            provisional = _crosses_provisional(cal, on, reply_by)
        elif isinstance(reply_by, str):
            reply_by = _date(reply_by, "补正期限")
        if reply_by <= on:
            raise InvalidInput(f"补正期限应晚于通知日期{on.isoformat()}")
        out = {"points": points, "reply_by": reply_by.isoformat()}
        if provisional:
            out["reply_by_provisional"] = True
            out["reply_workdays"] = CORRECTION_REPLY_DAYS
    elif event is Event.OPEN_CONSULTATION:
        party = data.get("party", "third_party")
        if party not in ("third_party", "other_organ"):
            raise InvalidInput("征求意见对象应为“第三方”或“其他行政机关”")
        out = {"party": party, "name": str(data.get("name", "")).strip()}
    elif event is Event.REQUEST_EXTENSION:
        days = _int(data.get("workdays", MAX_EXTENSION), "延长的工作日数")
        if not 1 <= days <= MAX_EXTENSION:
            raise InvalidInput(f"延长期限应为1至20个工作日（条例第三十三条），收到{days}")
        out = {"workdays": days}
    elif event is Event.APPROVE_EXTENSION:
        request = last(events, Event.REQUEST_EXTENSION)
        assert request is not None
        out = {"workdays": int(request.data["workdays"])}
    elif event is Event.SEND_FEE_NOTICE:
        try:
            q = fees.quote(
                str(data.get("method", "")),
                _int(data.get("units"), "计费数量"),
                _int(data.get("earlier", 0), "本月此前申请件数"),
            )
        except fees.FeeError as exc:
            raise InvalidInput(str(exc)) from None
        cal = current_calendar()
        pay_by = fee_payment_due(on, cal)
        out = {
            "method": q.method.value,
            "units": q.units,
            "amount": str(q.amount),
            "computation": q.describe(),
            "pay_by": pay_by.isoformat(),
        }
        if _crosses_provisional(cal, on, pay_by):
            out["pay_by_provisional"] = True
    elif event is Event.DRAFT_REPLY:
        out = {"answer": str(data.get("answer", ""))}
        titles = data.get("file_titles") or []
        if isinstance(titles, str):
            titles = titles.splitlines()
        if titles:
            out["file_titles"] = [str(t) for t in titles]
    elif event is Event.DELIVER:
        out = delivery_payload(case, data)
    elif event is Event.MERGE:
        into = str(data.get("into", "")).strip()
        if not into:
            raise InvalidInput("请指定合并至哪一件申请（申请编号）")
        out = {"into": into}
    elif event in (Event.REGISTER, Event.CONFIRM):
        out = {"receipt_basis": str(data.get("receipt_basis", ""))}
    return out


def _crosses_provisional(calendar: WorkCalendar, start: date, end: date) -> bool:
    """Whether counting from ``start`` to ``end`` used a provisional year's days."""
    return any(calendar.is_provisional(y) for y in range(start.year, end.year + 1))


def _int(value: Any, name: str) -> int:
    if value is None or value == "":
        raise InvalidInput(f"请填写{name}")
    try:
        return int(value)
    except (TypeError, ValueError):
        raise InvalidInput(f"{name}应为整数，收到“{value}”") from None


def _date(value: str, name: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput(f"{name}应为日期（如2025-03-01），收到“{value}”") from None
