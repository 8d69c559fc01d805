"""What is printed after a reply served on paper: the 送达回证 and the address sheet."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Final

from .delivery_details import COLLECT, PAPER, POST
from .documents import cn_date
from .models import CaseEvent, Notice
from .workflow import Event


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
    events = notice.application.events.filter(action=Event.DELIVER)
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
