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

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar, Final

from django.db import transaction
from django.utils import timezone

from . import services
from .documents import cn_date
from .errors import CaseworkError, DeliveryFailed, InvalidDelivery
from .models import Application, CaseEvent, Notice, ServiceMethod
from .workflow import Event, State

EMAIL: Final = "email"
ONLINE: Final = "online"
POST: Final = "post"
COLLECT: Final = "collect"
OTHER: Final = "other"
assert {EMAIL, ONLINE, POST, COLLECT, OTHER} == set(ServiceMethod.values)
FAILED: Final = "delivery_failed"

LABELS: Final = {
    "method": "送达方式",
    "on": "送达日期",
    "tracking": "快递或挂号单号",
    "recipient": "签收人",
    "note": "说明",
}
"""The data keys of a 送达 (page fields and API keys alike) and their Chinese names."""

TRACKING: Final = re.compile(r"[A-Z0-9-]{6,40}")
RECIPIENT_MAX: Final = 100
NOTE_MAX: Final = 4000
SAME_DAY: Final[dict[str, str]] = {
    EMAIL: "以电子邮件送达的，送达日期为邮件发出之日，即今天（{today}）",
    ONLINE: "网上查看的，送达日期为答复在查询页面公布之日，即今天（{today}）",
}
"""Methods that serve the reply the moment it is recorded."""
PAPER: Final = frozenset({POST, COLLECT, OTHER})
"""Methods whose notice PDF carries the 送达回证."""


def method_label(method: str) -> str:
    try:
        return str(ServiceMethod(method).label)
    except ValueError:
        return method


def normal_tracking(value: Any) -> str:
    """A tracking number as kept: no spaces (half-width), upper case."""
    text = str(value or "").replace("\u3000", " ").strip()
    return re.sub(r"\s+", "", text).upper()


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


def payload(case: Application, data: Any) -> dict[str, Any]:
    """The 送达 event's data from what the caller gave (``services._payload``): the method
    (default: the applicant's choice), and the tracking number, recipient and address
    when given. Refuses only an unknown method."""
    method = str(data.get("method") or case.delivery_method)
    if method not in ServiceMethod.values:
        names = "、".join(str(label) for label in ServiceMethod.labels)
        raise InvalidDelivery({"method": f"送达方式应为{names}之一，收到“{method}”"}, LABELS)
    out: dict[str, Any] = {"method": method}
    tracking = normal_tracking(data.get("tracking"))
    if tracking:
        out["tracking"] = tracking
    recipient = str(data.get("recipient") or "").strip()
    if recipient:
        out["recipient"] = recipient
    if data.get("to"):
        out["to"] = str(data["to"])
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
    from . import outbox

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
        if e.kind == Event.SIGN_OFF:
            last = None
        elif e.kind == FAILED:
            last = e
    return Failure(last) if last is not None else None


def describe(event: Any, *, public: bool) -> str:
    """The 送达 details of a 送达答复 event for a timeline (the officer's: everything; the
    applicant's: method, tracking number and recipient, never the address); empty for any
    other event (a failed e-mail says what failed in its reason)."""
    data: dict[str, Any] = event.data or {}
    if event.kind == Event.DELIVER and data.get("method"):
        parts = [f"送达方式：{method_label(str(data['method']))}"]
        if data.get("tracking"):
            parts.append(f"快递或挂号单号：{data['tracking']}")
        if data.get("recipient"):
            parts.append(f"签收人：{data['recipient']}")
        if data.get("to") and not public:
            parts.append(f"发送至：{data['to']}")
        return "；".join(parts)
    return ""


# ---------------------------------------------------------------------------- printing


@dataclass(frozen=True)
class ServiceReceipt:
    """送达回证: the receipt of service printed after the letter (post, collection, other)."""

    kind: ClassVar[str] = "receipt"
    title: ClassVar[str] = "送达回证"
    organ: str
    case_number: str
    rows: tuple[tuple[str, str], ...]
    """(label, value); a blank value is a line to fill in by hand."""


@dataclass(frozen=True)
class AddressSheet:
    """The envelope (or the sheet stuck on it) of a reply sent by post."""

    kind: ClassVar[str] = "envelope"
    title: ClassVar[str] = "邮寄信封"
    to_postcode: str
    to_address: str
    to_name: str
    case_number: str
    tracking: str
    from_name: str
    from_address: str
    from_postcode: str


BLANK_DATE: Final = "　　　　年　　月　　日"


def _source(notice: Notice) -> CaseEvent | None:
    """The 送达答复 event a reply's notice was issued for."""
    seq = notice.event.data.get("for") if notice.event_id else None
    events = notice.application.events.filter(kind=Event.DELIVER)
    if seq is not None:
        events = events.filter(seq=seq)
    found: CaseEvent | None = events.order_by("-seq").first()
    return found


def _office(organ: Any) -> str:
    """The sender: the disclosure office under its organ's name."""
    name = str(getattr(organ, "office_name", "") or "").strip()
    if not name:
        return str(organ.name)
    return name if organ.name in name else f"{organ.name}{name}"


def sheets_for(notice: Notice) -> list[ServiceReceipt | AddressSheet]:
    """What is printed after a reply's letter: the 送达回证 for post, collection and other
    methods, and for post the address sheet; nothing for any other notice."""
    if notice.kind != Event.DELIVER or notice.method not in PAPER:
        return []
    case = notice.application
    organ = case.organ
    source = _source(notice)
    data: dict[str, Any] = source.data if source is not None else {}
    served = source.on if source is not None else notice.created_at.date()
    method = notice.method
    office = _office(organ)
    addressee = case.applicant_name
    if case.is_organisation and case.contact_person:
        addressee += f"（联系人：{case.contact_person}）"
    paper = (
        f"{notice.title}（{notice.document_number}）" if notice.document_number else notice.title
    )
    rows: list[tuple[str, str]] = [
        ("受送达人", addressee),
        ("送达文书", paper),
        ("申请编号", case.number),
    ]
    if method == POST:
        postcode = f"（邮政编码{case.postcode}）" if case.postcode else ""
        rows += [
            ("送达方式", f"邮寄（快递或挂号单号：{data.get('tracking', '')}）"),
            ("送达地址", f"{case.address}{postcode}"),
            ("寄出日期", cn_date(served)),
            ("签收日期", BLANK_DATE),
        ]
    elif method == COLLECT:
        rows += [
            ("送达方式", "当面领取"),
            ("送达地点", organ.office_address.strip() or office),
            ("送达日期", cn_date(served)),
            ("领取人", str(data.get("recipient", ""))),
        ]
    else:
        rows += [
            ("送达方式", f"其他（{source.reason.strip() if source is not None else ''}）"),
            ("送达地点", ""),
            ("送达日期", cn_date(served)),
        ]
        if data.get("recipient"):
            rows.append(("接收人", str(data["recipient"])))
    rows += [
        ("签收人（签名）", ""),
        ("送达人", source.actor_name if source is not None else ""),
        ("备注", ""),
    ]
    sheets: list[ServiceReceipt | AddressSheet] = [
        ServiceReceipt(organ=organ.name, case_number=case.number, rows=tuple(rows))
    ]
    if method == POST:
        sheets.append(
            AddressSheet(
                to_postcode=case.postcode,
                to_address=case.address,
                to_name=addressee,
                case_number=case.number,
                tracking=str(data.get("tracking", "")),
                from_name=office,
                from_address=organ.office_address.strip(),
                from_postcode=organ.office_postcode.strip(),
            )
        )
    return sheets
