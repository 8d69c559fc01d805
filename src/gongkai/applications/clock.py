"""A case's events → the events of the statutory clock (``gongkai.deadlines``) → its dates.

Only the clock events since the last reopening count: a reopened case starts a fresh
answer period on the day it is reopened. ``today`` and ``current_calendar`` are the day and
the working-day calendar the site counts with; ``clock_state`` is the clock of a case now.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import timezone

from gongkai.deadlines import events as ce
from gongkai.deadlines.calendar import WorkCalendar
from gongkai.deadlines.clock import ClockPolicy, ClockState, compute

from .history import since_reopen
from .models import Application, CaseEvent, ReceiptBasis
from .periods import ANSWER_DAYS, INTERNAL_TARGET_MARGIN
from .workflow import Event

CHANNELS = {
    "online": ce.Channel.ONLINE,
    "message": ce.Channel.ONLINE,
    "email": ce.Channel.ONLINE,
    "fax": ce.Channel.FAX,
    "in_person": ce.Channel.IN_PERSON,
    "oral": ce.Channel.IN_PERSON,
    "letter": ce.Channel.POST_SIGNED,
    "letter_unsigned": ce.Channel.POST_UNSIGNED,
}

BASIS_LABELS: dict[str, str] = {str(k): str(v) for k, v in ReceiptBasis.choices}
"""The receipt bases as the explanation prints them (Chinese, not the stored keys)."""

PAUSE_KINDS = {
    "third_party": ce.PauseKind.THIRD_PARTY,
    "other_organ": ce.PauseKind.OTHER_ORGAN,
}


@dataclass(frozen=True)
class Step:
    """The part of a case event the clock needs."""

    kind: str
    on: date
    data: Mapping[str, Any]


def clock_events(steps: Iterable[Step], channel: str) -> list[ce.ClockEvent]:
    """The clock events of the current answer period (since the last reopening)."""
    out: list[ce.ClockEvent] = []
    pause_kind: ce.PauseKind | None = None
    for step in steps:
        kind, on = step.kind, step.on
        if kind in (Event.REGISTER, Event.CONFIRM):
            basis = str(step.data.get("receipt_basis", ""))
            unsigned = channel == "letter" and basis == "confirmed"
            receipt = "letter_unsigned" if unsigned else channel
            out = [ce.Received(on, CHANNELS[receipt], BASIS_LABELS.get(basis, basis))]
        elif kind == Event.REOPEN:
            out = [ce.Received(on, ce.Channel.IN_PERSON, "重新办理之日")]
            pause_kind = None
        elif kind == Event.REQUEST_CORRECTION:
            reply_by = step.data.get("reply_by")
            out.append(
                ce.CorrectionRequested(on, date.fromisoformat(reply_by) if reply_by else None)
            )
        elif kind == Event.CORRECTION_RECEIVED:
            out.append(ce.CorrectionReceived(on))
        elif kind == Event.CORRECTION_LAPSED:
            out.append(ce.CorrectionLapsed(on))
        elif kind == Event.OPEN_CONSULTATION:
            pause_kind = PAUSE_KINDS[str(step.data.get("party", "third_party"))]
            out.append(ce.PauseStarted(on, pause_kind))
        elif kind == Event.SEND_FEE_NOTICE:
            pause_kind = ce.PauseKind.FEE_NOTICE
            out.append(ce.PauseStarted(on, pause_kind))
        elif kind in (Event.CONSULTATION_ANSWERED, Event.CONSULTATION_TIMED_OUT, Event.FEE_PAID):
            if pause_kind is not None:
                out.append(ce.PauseEnded(on, pause_kind))
            pause_kind = None
        elif kind == Event.APPROVE_EXTENSION:
            out.append(ce.ExtensionApproved(on, int(step.data["workdays"])))
        elif kind == Event.DELIVER:
            out.append(ce.Answered(on))
        elif kind in (Event.WITHDRAW, Event.FEE_LAPSED):
            if pause_kind is not None:
                out.append(ce.PauseEnded(on, pause_kind))
                pause_kind = None
            if out:
                out.append(ce.Withdrawn(on))
    return out


RECEIVING = (Event.REGISTER, Event.CONFIRM, Event.REOPEN)

CLOCK_POLICY = ClockPolicy(internal_target_workdays=ANSWER_DAYS - INTERNAL_TARGET_MARGIN)


def today() -> date:
    return timezone.localdate()


def current_calendar() -> WorkCalendar:
    """The site's working-day calendar (the shipped table plus what administrators entered)."""
    try:
        from gongkai.workcalendar import calendar
    except ImportError:  # the platform's calendar integration not installed
        return WorkCalendar.from_shipped()
    return calendar.current_calendar()


def clock_state(case: Application, events: list[CaseEvent], calendar: Any = None) -> ClockState:
    """The statutory clock of the current answer period, with its explanation."""
    steps = [Step(e.action, e.on, e.data) for e in since_reopen(events)]
    day = today()
    received = next((s.on for s in steps if s.kind in RECEIVING), day)
    return compute(
        clock_events(steps, case.channel),
        calendar or current_calendar(),
        CLOCK_POLICY,
        max(day, received),
    )
