"""The events of a case that move its statutory clock, as plain frozen records.

Each event carries the date it happened. ``event_to_dict``/``event_from_dict`` turn them
into JSON-ready dicts (``{"type": "received", "date": "2024-09-27", …}``) so casework can
store or send them; the clock itself is ``clock.compute``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date
from enum import StrEnum
from typing import Any

from .errors import ClockError

_Date = date  # the fields below are named ``date``


class Channel(StrEnum):
    """How the application arrived; decides which day counts as receipt (条例第三十一条)."""

    IN_PERSON = "in_person"  # 当面提交（含口头申请由工作机构代为填写）
    POST_SIGNED = "post_signed"  # 邮寄，需签收
    POST_UNSIGNED = "post_unsigned"  # 平常信函等无需签收的邮件
    ONLINE = "online"  # 互联网渠道
    FAX = "fax"  # 政府信息公开工作机构的传真

    @property
    def label(self) -> str:
        return CHANNEL_LABELS[self]

    @property
    def rule(self) -> str:
        return CHANNEL_RULES[self]


CHANNEL_LABELS: dict[Channel, str] = {
    Channel.IN_PERSON: "当面提交",
    Channel.POST_SIGNED: "邮寄（需签收）",
    Channel.POST_UNSIGNED: "平常信函（无需签收）",
    Channel.ONLINE: "互联网渠道",
    Channel.FAX: "传真",
}

CHANNEL_RULES: dict[Channel, str] = {
    Channel.IN_PERSON: "以提交之日为收到申请之日（条例第三十一条第一项）",
    Channel.POST_SIGNED: "以行政机关签收之日为收到申请之日（条例第三十一条第二项）",
    Channel.POST_UNSIGNED: (
        "政府信息公开工作机构应当于收到当日与申请人确认，确认之日为收到申请之日"
        "（条例第三十一条第二项）"
    ),
    Channel.ONLINE: "以双方确认之日为收到申请之日（条例第三十一条第三项）",
    Channel.FAX: "以双方确认之日为收到申请之日（条例第三十一条第三项）",
}


class PauseKind(StrEnum):
    """Periods not counted in the answer period."""

    THIRD_PARTY = "third_party"  # 征求第三方意见（条例第三十二条、第三十三条第三款）
    OTHER_ORGAN = "other_organ"  # 征求其他行政机关意见（条例第三十四条、第三十三条第三款）
    FEE_NOTICE = "fee_notice"  # 收费通知至缴费（国家层面规定未经核实，可配置）

    @property
    def label(self) -> str:
        return PAUSE_LABELS[self]


PAUSE_LABELS: dict[PauseKind, str] = {
    PauseKind.THIRD_PARTY: "征求第三方意见（条例第三十二条、第三十三条第三款）",
    PauseKind.OTHER_ORGAN: "征求其他行政机关意见（条例第三十四条、第三十三条第三款）",
    PauseKind.FEE_NOTICE: "发出收费通知至申请人缴费（信息处理费管理办法，国家层面规定未经核实）",
}


@dataclass(frozen=True)
class Received:
    """The application is received; ``basis`` notes how the receipt day was established."""

    date: date
    channel: Channel = Channel.IN_PERSON
    basis: str = ""


@dataclass(frozen=True)
class CorrectionRequested:
    """The organ asks, once, for the application to be completed (补正, 条例第三十条)."""

    date: date
    reply_by: _Date | None = None  # the reasonable deadline given to the applicant


@dataclass(frozen=True)
class CorrectionReceived:
    """The corrected application is received: the answer period starts over."""

    date: date


@dataclass(frozen=True)
class CorrectionLapsed:
    """No correction by the deadline without good reason: deemed withdrawn (视为放弃申请)."""

    date: date


@dataclass(frozen=True)
class PauseStarted:
    """A period not counted in the answer period begins (e.g. a consultation letter sent)."""

    date: date
    kind: PauseKind


@dataclass(frozen=True)
class PauseEnded:
    """That period ends (reply received, consultation period over, fee paid)."""

    date: date
    kind: PauseKind


@dataclass(frozen=True)
class ExtensionApproved:
    """The head of the disclosure office approved an extension (at most 20 working days)."""

    date: date
    workdays: int


@dataclass(frozen=True)
class Answered:
    """The reply was given; the clock stops."""

    date: date


@dataclass(frozen=True)
class Withdrawn:
    """The applicant withdrew the application; the clock stops."""

    date: date


ClockEvent = (
    Received
    | CorrectionRequested
    | CorrectionReceived
    | CorrectionLapsed
    | PauseStarted
    | PauseEnded
    | ExtensionApproved
    | Answered
    | Withdrawn
)

EVENT_TYPES: dict[str, type[ClockEvent]] = {
    "received": Received,
    "correction_requested": CorrectionRequested,
    "correction_received": CorrectionReceived,
    "correction_lapsed": CorrectionLapsed,
    "pause_started": PauseStarted,
    "pause_ended": PauseEnded,
    "extension_approved": ExtensionApproved,
    "answered": Answered,
    "withdrawn": Withdrawn,
}
_TYPE_NAMES = {cls: name for name, cls in EVENT_TYPES.items()}


def event_to_dict(event: ClockEvent) -> dict[str, Any]:
    """``{"type": "pause_started", "date": "2024-10-08", "kind": "third_party"}``."""
    out: dict[str, Any] = {"type": _TYPE_NAMES[type(event)]}
    for f in fields(event):
        value = getattr(event, f.name)
        out[f.name] = value.isoformat() if isinstance(value, date) else value
    return out


def event_from_dict(data: Mapping[str, Any]) -> ClockEvent:
    """The inverse of ``event_to_dict``; unknown types and bad values are ``ClockError``."""
    name = str(data.get("type", ""))
    cls = EVENT_TYPES.get(name)
    if cls is None:
        raise ClockError(f"事件类型应为 {'、'.join(EVENT_TYPES)} 之一，读到 {name!r}")
    kwargs: dict[str, Any] = {}
    try:
        for f in fields(cls):
            if f.name not in data:
                continue
            value = data[f.name]
            if f.name in ("date", "reply_by"):
                value = None if value is None else date.fromisoformat(str(value))
            elif f.name == "channel":
                value = Channel(value)
            elif f.name == "kind":
                value = PauseKind(value)
            elif f.name == "workdays":
                value = int(value)
            kwargs[f.name] = value
        return cls(**kwargs)
    except (TypeError, ValueError) as exc:
        raise ClockError(f"事件内容无法读取：{exc}", event=name) from None
