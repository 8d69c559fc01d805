"""The transition table: allowed events per role and state, and its own validation."""

from __future__ import annotations

import pytest

from gongkai.applications import workflow as wf
from gongkai.applications.workflow import Clock, Event, Role, State, Transition


def test_the_shipped_table_is_valid() -> None:
    wf.validate()


@pytest.mark.parametrize(
    ("state", "role", "events"),
    [
        (State.NEW, Role.PUBLIC, {Event.SUBMIT_ONLINE}),
        (State.NEW, Role.OFFICER, {Event.REGISTER}),
        (
            State.AWAITING_CONFIRMATION,
            Role.OFFICER,
            {Event.CONFIRM, Event.MERGE, Event.WITHDRAW},
        ),
        (State.CORRECTION, Role.APPLICANT, {Event.CORRECTION_RECEIVED, Event.WITHDRAW}),
        (State.MERGED, Role.OFFICER, set()),
        (
            State.PROCESSING,
            Role.OFFICER,
            {
                Event.REQUEST_CORRECTION,
                Event.OPEN_CONSULTATION,
                Event.REQUEST_EXTENSION,
                Event.SEND_FEE_NOTICE,
                Event.DRAFT_REPLY,
                Event.WITHDRAW,
            },
        ),
        (State.PROCESSING, Role.REVIEWER, set()),
        (State.EXTENSION_PENDING, Role.OFFICER, {Event.WITHDRAW}),
        (State.EXTENSION_PENDING, Role.HEAD, {Event.APPROVE_EXTENSION, Event.REFUSE_EXTENSION}),
        (State.REVIEW_FIRST, Role.REVIEWER, {Event.APPROVE_FIRST, Event.RETURN_FOR_REVISION}),
        (State.REVIEW_FINAL, Role.REVIEWER, {Event.RETURN_FOR_REVISION}),
        (State.REVIEW_FINAL, Role.HEAD, {Event.SIGN_OFF, Event.RETURN_FOR_REVISION}),
        (State.APPROVED, Role.OFFICER, {Event.DELIVER}),
        (State.CLOSED, Role.OFFICER, set()),
        (State.CLOSED, Role.HEAD, {Event.REOPEN}),
        (State.WITHDRAWN, Role.HEAD, set()),
        (State.CORRECTION, Role.SYSTEM, {Event.CORRECTION_LAPSED}),
        (State.FEE_PENDING, Role.SYSTEM, {Event.FEE_LAPSED}),
    ],
)
def test_who_may_do_what(state: State, role: Role, events: set[Event]) -> None:
    assert {t.event for t in wf.allowed(state, [role])} == events


@pytest.mark.parametrize(
    ("event", "clock"),
    [
        (Event.REGISTER, Clock.START),
        (Event.CONFIRM, Clock.START),
        (Event.REQUEST_CORRECTION, Clock.PAUSE),
        (Event.CORRECTION_RECEIVED, Clock.RESTART),
        (Event.OPEN_CONSULTATION, Clock.PAUSE),
        (Event.CONSULTATION_ANSWERED, Clock.RESUME),
        (Event.APPROVE_EXTENSION, Clock.EXTEND),
        (Event.SEND_FEE_NOTICE, Clock.PAUSE),
        (Event.FEE_PAID, Clock.RESUME),
        (Event.DELIVER, Clock.STOP),
        (Event.REQUEST_EXTENSION, Clock.NONE),
    ],
)
def test_clock_effects(event: Event, clock: Clock) -> None:
    assert {t.clock for t in wf.TRANSITIONS if t.event is event} == {clock}


def test_lapses_fix_their_table_three_row() -> None:
    assert wf.TABLE[(State.CORRECTION, Event.CORRECTION_LAPSED)].outcome == "other.no_correction"
    assert wf.TABLE[(State.FEE_PENDING, Event.FEE_LAPSED)].outcome == "other.fee_unpaid"


def test_validation_refuses_an_end_state_with_an_outgoing_event() -> None:
    bad = (
        *wf.TRANSITIONS,
        Transition(State.WITHDRAWN, Event.REOPEN, State.PROCESSING, frozenset({Role.HEAD})),
    )
    with pytest.raises(wf.WorkflowError, match="终止状态“已撤回”不应有后续操作“重新办理”"):
        wf.validate(bad)


def test_validation_refuses_an_unreachable_state() -> None:
    bad = tuple(t for t in wf.TRANSITIONS if t.target is not State.FEE_PENDING)
    with pytest.raises(wf.WorkflowError, match="状态“待缴费”无法从“新建”到达"):
        wf.validate(bad)


def test_validation_refuses_a_duplicate_pair() -> None:
    first = wf.TRANSITIONS[0]
    with pytest.raises(wf.WorkflowError, match="流程表重复定义"):
        wf.validate((*wf.TRANSITIONS, first))
