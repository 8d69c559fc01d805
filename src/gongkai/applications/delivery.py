"""送达 as a record: how, when and to whom the reply (答复告知书) was served.

``deliver(case, actor, method=…, on=…, tracking=…, recipient=…, note=…)`` checks the
details (``problems``: each refusal names its field), then writes the 送达答复 event
(``services.apply``) with them in its data:

- 电子邮件 (email): the 答复告知书 e-mail (the letter PDF and the files, as the outbox
  builds it) is sent inside the transaction that writes the event and its notice; the
  notice is 已发送. When the mail server refuses, everything is rolled back, a
  ``delivery_failed`` record keeps the error and ``DeliveryFailed`` is raised: the case
  stays 已签发待送达 and the case page offers 重新发送. The date is today's.
- 网上查看 (online): delivered at once (the applicant's page shows the letter); with an
  address the outbox also e-mails the notice, without one the notice is 已送达. Today.
- 邮寄 (post, with the tracking number) and 当面领取 (collect, with the recipient): the
  notice goes to print; its print carries the 送达回证 and, for post, an address sheet
  (``sheets_for``).
- 其他 (other, described in the note): the notice is 已送达; its PDF carries the 送达回证.

``services.apply(case, "deliver", …)`` stays the lenient path for other callers (the
factories, the simulation, the demo): ``payload`` takes the method from the data or the
case and keeps the details given, requiring none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from . import outbox, services
from .delivery_details import (
    COLLECT,
    EMAIL,
    FAILED,
    LABELS,
    NOTE_MAX,
    ONLINE,
    OTHER,
    PAPER,
    POST,
    RECIPIENT_MAX,
    SAME_DAY,
    TRACKING,
    method_label,
    normal_tracking,
    payload,
)
from .errors import CaseworkError, DeliveryFailed, InvalidDelivery
from .models import Application, CaseEvent, Notice, ServiceMethod
from .models import service_details as describe
from .service_sheets import AddressSheet, ServiceReceipt, sheets_for
from .workflow import Event, State

__all__ = [
    "COLLECT",
    "EMAIL",
    "FAILED",
    "LABELS",
    "NOTE_MAX",
    "ONLINE",
    "OTHER",
    "PAPER",
    "POST",
    "RECIPIENT_MAX",
    "SAME_DAY",
    "TRACKING",
    "AddressSheet",
    "ServiceReceipt",
    "describe",
    "method_label",
    "normal_tracking",
    "payload",
    "sheets_for",
]


def problems(
    case: Application,
    *,
    method: str,
    on: date | None,
    tracking: str = "",
    recipient: str = "",
    note: str = "",
    last: CaseEvent | None = None,
) -> dict[str, str]:
    """What is wrong with these 送达 details, by field (empty: nothing). ``last`` is the
    case's latest event (read when not given): the date may not be earlier."""
    today = services.today()
    if last is None:
        last = case.events.order_by("-seq").first()
    out: dict[str, str] = {}
    if method not in ServiceMethod.values:
        names = "、".join(str(label) for label in ServiceMethod.labels)
        out["method"] = f"送达方式应为{names}之一，收到“{method}”"
    elif method == EMAIL and not case.email:
        out["method"] = "申请人没有留电子邮箱，不能以电子邮件送达；请选择其他送达方式"
    if on is None:
        out["on"] = "请填写送达日期"
    elif on > today:
        out["on"] = f"送达日期{on.isoformat()}不能晚于今天（{today.isoformat()}）"
    elif last is not None and on < last.on:
        out["on"] = (
            f"送达日期{on.isoformat()}不能早于上一条办理记录（{last.label}，{last.on.isoformat()}）"
        )
    elif method in SAME_DAY and on != today:
        out["on"] = SAME_DAY[method].format(today=today.isoformat())
    if method == POST:
        if not tracking:
            out["tracking"] = "以邮寄方式送达的，请填写快递或挂号单号"
        elif not TRACKING.fullmatch(tracking):
            out["tracking"] = f"快递或挂号单号应为6至40位字母或数字（可含“-”），收到“{tracking}”"
    if method == COLLECT and not recipient:
        out["recipient"] = "当面领取的，请填写签收人姓名"
    elif len(recipient) > RECIPIENT_MAX:
        out["recipient"] = f"签收人不能超过{RECIPIENT_MAX}个字（已输入{len(recipient)}个）"
    if method == OTHER and not note:
        out["note"] = "选择“其他”送达方式的，请在说明中写明如何送达（如传真、委托送达）"
    elif len(note) > NOTE_MAX:
        out["note"] = f"说明不能超过{NOTE_MAX}个字（已输入{len(note)}个）"
    return out


def deliver(
    case: Application,
    actor: Any,
    *,
    method: str | None = None,
    on: date | None = None,
    tracking: str = "",
    recipient: str = "",
    note: str = "",
) -> CaseEvent:
    """Serve the signed-off reply and record it (see the module); returns the 送达答复
    event. Raises ``Conflict``, ``NotAllowedInState`` or ``RoleNotAllowed`` first (as
    ``apply`` would), then ``InvalidDelivery`` naming each refused field, then for e-mail
    ``DeliveryFailed`` when the server refused (the failure is recorded)."""
    services.admit(case, Event.DELIVER, actor)
    method = method or case.delivery_method
    day = on or services.today()
    tracking = normal_tracking(tracking)
    recipient = (recipient or "").strip()
    note = (note or "").strip()
    found = problems(case, method=method, on=day, tracking=tracking, recipient=recipient, note=note)
    if found:
        raise InvalidDelivery(found, LABELS)
    data: dict[str, Any] = {"method": method}
    if method == POST:
        data["tracking"] = tracking
    if recipient and method in (COLLECT, OTHER):
        data["recipient"] = recipient
    if method == EMAIL:
        data["to"] = case.email
        return _by_email(case, actor, day, note, data)
    with transaction.atomic():
        row = services.apply(case, Event.DELIVER, actor, note, data=data, on=day)
        if method == OTHER or (method == ONLINE and not case.email):
            reply = _notice(case)
            Notice.objects.filter(pk=reply.pk).update(
                status=Notice.Status.DELIVERED, status_at=timezone.now()
            )
    return row


def _notice(case: Application) -> Notice:
    """The notice just queued for the reply (inside the delivering transaction)."""
    notice: Notice | None = (
        Notice.objects.filter(application=case, kind=Event.DELIVER).order_by("-id").first()
    )
    assert notice is not None, "送达答复应生成答复告知书"
    notice.application = case  # the caller's object: its version stays current
    return notice


def _by_email(
    case: Application, actor: Any, day: date, note: str, data: dict[str, Any]
) -> CaseEvent:
    try:
        with transaction.atomic():
            row = services.apply(case, Event.DELIVER, actor, note, data=data, on=day)
            outbox.send_now(_notice(case))
    except CaseworkError:
        case.refresh_from_db()
        raise
    except Exception as exc:  # the mail server's refusal, whatever the backend raises
        case.refresh_from_db()
        error = f"{type(exc).__name__}: {exc}"[:2000]
        services.record(
            case,
            FAILED,
            actor,
            f"答复告知书发送至{data['to']}失败：{error}",
            data={**data, "on": day.isoformat(), "note": note, "error": error},
            public=False,
        )
        raise DeliveryFailed(
            f"答复告知书的电子邮件未能发出（{error}），本次送达未记录，申请仍为已签发待送达。"
            "请检查邮箱地址或稍后重新发送，也可以改用其他送达方式。"
        ) from exc
    return row


# ---------------------------------------------------------------------------- the case page


@dataclass(frozen=True)
class Failure:
    """The latest e-mail delivery that the server refused, while the reply waits."""

    event: CaseEvent

    @property
    def to(self) -> str:
        return str(self.event.data.get("to", ""))

    @property
    def error(self) -> str:
        return str(self.event.data.get("error", ""))

    @property
    def note(self) -> str:
        return str(self.event.data.get("note", ""))


def failure(case: Application, events: list[CaseEvent]) -> Failure | None:
    """The refused e-mail delivery to show with 重新发送: the latest ``delivery_failed``
    after the sign-off, while the case is still 已签发待送达."""
    if case.state != State.APPROVED:
        return None
    last: CaseEvent | None = None
    for e in events:
        if e.action == Event.SIGN_OFF:
            last = None
        elif e.action == FAILED:
            last = e
    return Failure(last) if last is not None else None
