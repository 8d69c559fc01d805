"""Working-day calendar and the statutory clock of the Regulation; plain Python, no Django.

    calendar = WorkCalendar.from_shipped(overrides=…, notices=…)
    state = compute([Received(date(2024, 9, 27))], calendar, today=date(2024, 10, 15))
    state.due  # date(2024, 10, 30)

A year without an entered notice is computed provisionally from the statutory days off
(``statutory``) and every date resting on it is marked (``ClockState.is_provisional``);
``WorkCalendar(..., strict=True)`` refuses such years instead.

The calendar and ``today`` are always passed in; nothing here reads the system clock or a
database. See ``calendar``, ``clock`` and ``errors`` for the rules and the error tree.
"""

from .calendar import DayInfo, DayKind, WorkCalendar, format_date
from .clock import ClockPolicy, ClockState, Pause, Phase, compute, provisional_warning
from .coverage import coverage_warning
from .errors import CalendarDataError, CalendarNotCovered, ClockError, DeadlineError
from .events import (
    Answered,
    Channel,
    ClockEvent,
    CorrectionLapsed,
    CorrectionReceived,
    CorrectionRequested,
    ExtensionApproved,
    PauseEnded,
    PauseKind,
    PauseStarted,
    Received,
    Withdrawn,
    event_from_dict,
    event_to_dict,
)
from .notices import Day, Override, YearNotice
from .periods import (
    consultation_reply_due,
    correction_notice_due,
    fee_payment_due,
    proactive_disclosure_due,
)
from .statutory import provisional_notice
from .table import load_table, shipped_notices

__all__ = [
    "Answered",
    "CalendarDataError",
    "CalendarNotCovered",
    "Channel",
    "ClockError",
    "ClockEvent",
    "ClockPolicy",
    "ClockState",
    "CorrectionLapsed",
    "CorrectionReceived",
    "CorrectionRequested",
    "Day",
    "DayInfo",
    "DayKind",
    "DeadlineError",
    "ExtensionApproved",
    "Override",
    "Pause",
    "PauseEnded",
    "PauseKind",
    "PauseStarted",
    "Phase",
    "Received",
    "Withdrawn",
    "WorkCalendar",
    "YearNotice",
    "compute",
    "consultation_reply_due",
    "correction_notice_due",
    "coverage_warning",
    "event_from_dict",
    "event_to_dict",
    "fee_payment_due",
    "format_date",
    "load_table",
    "proactive_disclosure_due",
    "provisional_notice",
    "provisional_warning",
    "shipped_notices",
]
