"""A case's events → what its row caches: state, receipt, dates of the clock, answer, outcome.

``project`` derives every cached field from the events alone; ``services`` writes its result
in the same transaction as each event, and ``replay`` recomputes it for checks and repairs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from . import answers
from .clock import clock_state, current_calendar
from .models import Application, CaseEvent
from .workflow import Event, State, transition


def case_events(case: Application) -> list[CaseEvent]:
    """The case's events, in order."""
    return list(case.events.order_by("seq"))


@dataclass(frozen=True)
class Projection:
    state: str
    received_on: date | None
    receipt_basis: str
    due_on: date | None
    half_on: date | None
    target_on: date | None
    clock_paused: bool
    due_provisional: bool
    answer: str
    outcome: str
    closed_on: date | None

    def as_fields(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Facts:
    state: str
    received_on: date | None
    receipt_basis: str
    answer: str
    outcome: str
    closed_on: date | None


def facts(events: Iterable[Any]) -> Facts:
    """State, receipt, answer and first closing from events (rows or anything with
    ``action``, ``on``, ``before``, ``after`` and ``data``), in order."""
    state = State.NEW.value
    received_on: date | None = None
    basis = ""
    answer = ""
    outcome = ""
    closed_on: date | None = None
    for e in events:
        if e.after:
            state = e.after
        if e.action in (Event.REGISTER, Event.CONFIRM):
            received_on = e.on
            basis = str(e.data.get("receipt_basis", ""))
        elif e.action == Event.DRAFT_REPLY:
            answer = str(e.data["answer"])
        elif e.after in (State.CLOSED, State.WITHDRAWN) and closed_on is None:
            closed_on = e.on
            t = transition(State(e.before), Event(e.action))
            if t is not None and t.outcome:
                outcome = t.outcome
                answer = answers.ANSWER_BY_ROW_FOR_WORKFLOW[t.outcome].key
            else:
                outcome = answers.answer(answer).table3_row
    return Facts(state, received_on, basis, answer, outcome, closed_on)


def project(case: Application, events: list[CaseEvent], calendar: Any = None) -> Projection:
    """Everything the case row caches, derived from the events alone."""
    f = facts(events)
    due = half = target = None
    provisional = False
    paused = f.state in (State.CORRECTION, State.CONSULTING, State.FEE_PENDING)
    if f.received_on is not None and f.state not in (State.CLOSED, State.WITHDRAWN):
        state = clock_state(case, events, calendar or current_calendar())
        due, half, target = state.final_due, state.halfway, state.internal_target
        provisional = state.due_provisional
    return Projection(
        f.state,
        f.received_on,
        f.receipt_basis,
        due,
        half,
        target,
        paused,
        provisional,
        f.answer,
        f.outcome,
        f.closed_on,
    )


def replay(case: Application) -> Projection:
    """The projection recomputed from the events (for checks and repairs)."""
    return project(case, case_events(case))
