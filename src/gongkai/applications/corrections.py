"""补正 (条例第三十条) as the applicant and the officer read it: what was asked, what came back.

Reading only; the correction itself is written by ``services.correct_by_applicant`` (online,
by the applicant) or ``services.apply(case, Event.CORRECTION_RECEIVED, officer)`` (by post
or e-mail, recorded by the officer).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

from .answers import PLACEHOLDER_REASONS
from .models import Application, CaseEvent, ReplyFile
from .workflow import Event, Role, State

TEXT_MAX: Final = 4000
"""Characters the correction's text may have (the form and the service say the same)."""
TEXT_REQUIRED: Final = "请写明补正的内容：针对补正通知列明的事项逐项说明"
DEFAULT_REPLY_WORKDAYS: Final = 15


def text_problem(text: str) -> str:
    """Why ``text`` cannot be recorded as the correction ("" when it can): empty, only
    punctuation, a placeholder such as “略” or “见附件”, or too long."""
    stripped = text.strip()
    bare = "".join(ch for ch in stripped if ch.isalnum())
    if not bare or stripped in PLACEHOLDER_REASONS or bare in PLACEHOLDER_REASONS:
        return TEXT_REQUIRED
    if len(stripped) > TEXT_MAX:
        return f"补正内容不能超过{TEXT_MAX}个字（已输入{len(stripped)}个）"
    return ""


def not_waiting(case: Application) -> str:
    """Why the applicant cannot send a correction online now (the case left 待补正)."""
    return (
        f"申请{case.number}当前状态为“{case.state_label}”，不在等待补正，不能再在网上提交补正材料"
    )


@dataclass(frozen=True)
class Request:
    """The 补正 notice a case waits on: sent ``on``, listing ``points``, to be answered by
    ``reply_by`` (None when that day is provisional: the notice gave ``workdays`` instead)."""

    on: date
    points: tuple[str, ...]
    reply_by: date | None
    workdays: int

    @property
    def deadline_text(self) -> str:
        if self.reply_by is None:
            return f"自补正通知发出之日（{self.on.isoformat()}）起{self.workdays}个工作日内"
        return f"{self.reply_by.isoformat()}前"


def waiting_request(case: Application) -> Request | None:
    """The 补正 notice the case waits on (None unless the case is in 待补正)."""
    if case.state != State.CORRECTION:
        return None
    row = case.events.filter(action=Event.REQUEST_CORRECTION).order_by("-seq").first()
    if row is None:
        return None
    data = row.data
    provisional = bool(data.get("reply_by_provisional"))
    reply_by = data.get("reply_by")
    return Request(
        on=row.on,
        points=tuple(str(p) for p in data.get("points", [])),
        reply_by=None if provisional or not reply_by else date.fromisoformat(str(reply_by)),
        workdays=int(data.get("reply_workdays", DEFAULT_REPLY_WORKDAYS)),
    )


@dataclass(frozen=True)
class Received:
    """A correction received: the event (its ``reason`` is the text) and its files."""

    event: CaseEvent
    files: tuple[ReplyFile, ...]

    @property
    def online(self) -> bool:
        return bool(self.event.role == Role.APPLICANT.value)


def received(case: Application) -> list[Received]:
    """Every correction received on the case, oldest first, with the files sent with it."""
    rows = list(case.events.filter(action=Event.CORRECTION_RECEIVED).order_by("seq"))
    files: dict[int, list[ReplyFile]] = {}
    for f in ReplyFile.objects.filter(event__in=rows).order_by("id"):
        files.setdefault(f.event_id, []).append(f)
    return [Received(row, tuple(files.get(row.pk, []))) for row in rows]


def last_received(case: Application) -> Received | None:
    """The latest correction, if the case is being handled again after it."""
    found = received(case)
    return found[-1] if found else None
