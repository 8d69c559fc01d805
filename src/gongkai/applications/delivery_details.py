"""送达 details: the methods, the data keys of a 送达 record and their checks' limits, and
the lenient reading of a 送达 event's data (``payload``). No workflow here (that is
``delivery``), so ``payloads`` and ``delivery`` can both build on it.
"""

from __future__ import annotations

import re
from typing import Any, Final

from .errors import InvalidDelivery
from .models import Application, ServiceMethod
from .models import service_method_label as method_label

__all__ = ["method_label"]

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


def normal_tracking(value: Any) -> str:
    """A tracking number as kept: no spaces (half-width), upper case."""
    text = str(value or "").replace("\u3000", " ").strip()
    return re.sub(r"\s+", "", text).upper()


def payload(case: Application, data: Any) -> dict[str, Any]:
    """The 送达 event's data from what the caller gave (``payloads.payload``): the method
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
