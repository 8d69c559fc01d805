"""The workflow of an application as one table: (state, event) → target, roles, guard, clock.

Every change of an application's state is looked up here and applied by
``services.apply``; nothing else sets a case's state. The table is checked when this
module is imported (``validate``, by the engine of ``gongkai.workflow``): every state can be
reached from the start, every end state has no outgoing event, every event and guard is
named, every role is known.

Plain Python (no Django), so the table can be read, tested and drawn on its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from gongkai.workflow import Workflow, WorkflowDefinitionError


class State(StrEnum):
    NEW = "new"
    AWAITING_CONFIRMATION = "awaiting_confirmation"
    PROCESSING = "processing"
    CORRECTION = "correction"
    CONSULTING = "consulting"
    EXTENSION_PENDING = "extension_pending"
    FEE_PENDING = "fee_pending"
    REVIEW_FIRST = "review_first"
    REVIEW_SECOND = "review_second"
    REVIEW_FINAL = "review_final"
    APPROVED = "approved"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"
    MERGED = "merged"


STATE_LABELS: Final[Mapping[State, str]] = {
    State.NEW: "新建",
    State.AWAITING_CONFIRMATION: "待确认（网上申请）",
    State.PROCESSING: "办理中",
    State.CORRECTION: "待补正",
    State.CONSULTING: "征求意见中",
    State.EXTENSION_PENDING: "延期待批",
    State.FEE_PENDING: "待缴费",
    State.REVIEW_FIRST: "初审中",
    State.REVIEW_SECOND: "复审中",
    State.REVIEW_FINAL: "终审中",
    State.APPROVED: "已签发待送达",
    State.CLOSED: "已办结",
    State.WITHDRAWN: "已撤回",
    State.MERGED: "已合并（重复提交）",
}

START: Final = State.NEW
END_STATES: Final = frozenset({State.WITHDRAWN, State.MERGED})
OPEN_STATES: Final = frozenset(
    {
        State.PROCESSING,
        State.CORRECTION,
        State.CONSULTING,
        State.EXTENSION_PENDING,
        State.FEE_PENDING,
        State.REVIEW_FIRST,
        State.REVIEW_SECOND,
        State.REVIEW_FINAL,
        State.APPROVED,
    }
)
"""States in which the application has been received and is not yet answered."""


class Role(StrEnum):
    PUBLIC = "public"
    APPLICANT = "applicant"
    OFFICER = "officer"
    REVIEWER = "reviewer"
    HEAD = "head"
    SYSTEM = "system"


ROLE_LABELS: Final[Mapping[Role, str]] = {
    Role.PUBLIC: "公众",
    Role.APPLICANT: "申请人",
    Role.OFFICER: "公开专员",
    Role.REVIEWER: "审核人",
    Role.HEAD: "机构负责人",
    Role.SYSTEM: "系统",
}


class Clock(StrEnum):
    """What an event does to the statutory answer period (Arts 30, 33, 42)."""

    NONE = "none"
    START = "start"
    """Receipt (Art 31): the 20 working days start."""
    PAUSE = "pause"
    """Consultation (Art 33 para 3) or a fee notice: the time does not count."""
    RESUME = "resume"
    RESTART = "restart"
    """A corrected application (Art 30) or a reopened case: the period starts over."""
    EXTEND = "extend"
    """An approved extension (Art 33): at most 20 more working days."""
    STOP = "stop"
    """The answer is delivered or the application ends."""


class Event(StrEnum):
    SUBMIT_ONLINE = "submit_online"
    REGISTER = "register"
    CONFIRM = "confirm"
    REQUEST_CORRECTION = "request_correction"
    CORRECTION_RECEIVED = "correction_received"
    CORRECTION_LAPSED = "correction_lapsed"
    OPEN_CONSULTATION = "open_consultation"
    CONSULTATION_ANSWERED = "consultation_answered"
    CONSULTATION_TIMED_OUT = "consultation_timed_out"
    REQUEST_EXTENSION = "request_extension"
    APPROVE_EXTENSION = "approve_extension"
    REFUSE_EXTENSION = "refuse_extension"
    SEND_FEE_NOTICE = "send_fee_notice"
    FEE_PAID = "fee_paid"
    FEE_LAPSED = "fee_lapsed"
    DRAFT_REPLY = "draft_reply"
    APPROVE_FIRST = "approve_first"
    APPROVE_SECOND = "approve_second"
    SIGN_OFF = "sign_off"
    RETURN_FOR_REVISION = "return_for_revision"
    DELIVER = "deliver"
    REOPEN = "reopen"
    WITHDRAW = "withdraw"
    MERGE = "merge"


EVENT_LABELS: Final[Mapping[Event, str]] = {
    Event.SUBMIT_ONLINE: "网上提交申请",
    Event.REGISTER: "登记申请",
    Event.CONFIRM: "确认收到网上申请",
    Event.REQUEST_CORRECTION: "发出补正通知",
    Event.CORRECTION_RECEIVED: "收到补正材料",
    Event.CORRECTION_LAPSED: "逾期未补正",
    Event.OPEN_CONSULTATION: "征求第三方或其他机关意见",
    Event.CONSULTATION_ANSWERED: "收到征求意见答复",
    Event.CONSULTATION_TIMED_OUT: "征求意见逾期未答复",
    Event.REQUEST_EXTENSION: "申请延期答复",
    Event.APPROVE_EXTENSION: "批准延期",
    Event.REFUSE_EXTENSION: "不批准延期",
    Event.SEND_FEE_NOTICE: "发出收费通知",
    Event.FEE_PAID: "缴纳信息处理费",
    Event.FEE_LAPSED: "逾期未缴费",
    Event.DRAFT_REPLY: "拟写答复并提交初审",
    Event.APPROVE_FIRST: "初审通过",
    Event.APPROVE_SECOND: "复审通过",
    Event.SIGN_OFF: "终审签发",
    Event.RETURN_FOR_REVISION: "退回修改",
    Event.DELIVER: "送达答复",
    Event.REOPEN: "重新办理",
    Event.WITHDRAW: "撤回申请",
    Event.MERGE: "合并重复提交的申请",
}


class Guard(StrEnum):
    """Named conditions a transition needs beyond its state and role; each is evaluated by
    its check in ``guards.py``, bound to the table there (``guards.WORKFLOW``)."""

    NONE = "none"
    CORRECTION_NOT_YET_REQUESTED = "correction_not_yet_requested"
    """Art 30: the notice goes out once, within 7 working days of receipt."""
    CORRECTION_DEADLINE_PASSED = "correction_deadline_passed"
    CONSULTATION_DEADLINE_PASSED = "consultation_deadline_passed"
    """Arts 32, 34: 15 working days without an answer."""
    NOT_YET_EXTENDED = "not_yet_extended"
    FEE_AMOUNT_POSITIVE = "fee_amount_positive"
    FEE_DEADLINE_PASSED = "fee_deadline_passed"
    ANSWER_CHOSEN = "answer_chosen"
    REVIEW_SEPARATION = "review_separation"
    """初审, 复审 and 终审 of one reply are done by three different people, none of them
    the one who drafted it."""


GUARD_LABELS: Final[Mapping[Guard, str]] = {
    Guard.CORRECTION_NOT_YET_REQUESTED: "尚未发出过补正通知（收到申请之日起7个工作日内一次性告知）",
    Guard.CORRECTION_DEADLINE_PASSED: "补正期限已过",
    Guard.CONSULTATION_DEADLINE_PASSED: "征求意见期限（15个工作日）已过",
    Guard.NOT_YET_EXTENDED: "尚未延期过",
    Guard.FEE_AMOUNT_POSITIVE: "收费金额大于零",
    Guard.FEE_DEADLINE_PASSED: "缴费期限已过",
    Guard.ANSWER_CHOSEN: "已选定答复类型",
    Guard.REVIEW_SEPARATION: "初审、复审、终审由三个不同的人完成，且都不是拟稿人",
}

CLOCK_LABELS: Final[Mapping[Clock, str]] = {
    Clock.START: "开始计算20个工作日的答复期限（第三十一条）",
    Clock.PAUSE: "答复期限暂停计算（征求意见、补正或缴费期间不计算在内）",
    Clock.RESUME: "答复期限恢复计算",
    Clock.RESTART: "答复期限重新计算",
    Clock.EXTEND: "答复期限延长，最多20个工作日（第三十三条）",
    Clock.STOP: "答复期限停止计算",
}


@dataclass(frozen=True)
class Transition:
    state: State
    event: Event
    target: State
    roles: frozenset[Role]
    guard: Guard = Guard.NONE
    clock: Clock = Clock.NONE
    outcome: str | None = None
    """The table-三 row key the case is counted under when this closes it (else the
    answer chosen on the case)."""
    needs_reason: bool = False

    @property
    def sources(self) -> tuple[State, ...]:
        return (self.state,)

    @property
    def condition(self) -> Guard | None:
        return None if self.guard is Guard.NONE else self.guard

    @property
    def effect(self) -> Clock | None:
        return None if self.clock is Clock.NONE else self.clock


def _t(
    state: State,
    event: Event,
    target: State,
    roles: Iterable[Role],
    guard: Guard = Guard.NONE,
    clock: Clock = Clock.NONE,
    *,
    outcome: str | None = None,
    needs_reason: bool = False,
) -> Transition:
    return Transition(state, event, target, frozenset(roles), guard, clock, outcome, needs_reason)


OFF, REV, HEAD, SYS, APP, PUB = (
    Role.OFFICER,
    Role.REVIEWER,
    Role.HEAD,
    Role.SYSTEM,
    Role.APPLICANT,
    Role.PUBLIC,
)
_REVIEW_STATES: Final = (State.REVIEW_FIRST, State.REVIEW_SECOND, State.REVIEW_FINAL)
_WITHDRAWABLE: Final = (State.AWAITING_CONFIRMATION, *sorted(OPEN_STATES - {State.APPROVED}))

TRANSITIONS: Final[tuple[Transition, ...]] = (
    # intake
    _t(State.NEW, Event.SUBMIT_ONLINE, State.AWAITING_CONFIRMATION, (PUB, APP)),
    _t(State.NEW, Event.REGISTER, State.PROCESSING, (OFF,), clock=Clock.START),
    _t(State.AWAITING_CONFIRMATION, Event.CONFIRM, State.PROCESSING, (OFF,), clock=Clock.START),
    # the same application submitted twice before it was confirmed: never received twice
    _t(
        State.AWAITING_CONFIRMATION,
        Event.MERGE,
        State.MERGED,
        (OFF,),
        clock=Clock.STOP,
        needs_reason=True,
    ),
    # 补正 (Art 30)
    _t(
        State.PROCESSING,
        Event.REQUEST_CORRECTION,
        State.CORRECTION,
        (OFF,),
        Guard.CORRECTION_NOT_YET_REQUESTED,
        Clock.PAUSE,
        needs_reason=True,
    ),
    # the applicant may send the correction online (the day it is sent is the day received)
    _t(
        State.CORRECTION,
        Event.CORRECTION_RECEIVED,
        State.PROCESSING,
        (OFF, APP),
        clock=Clock.RESTART,
    ),
    _t(
        State.CORRECTION,
        Event.CORRECTION_LAPSED,
        State.CLOSED,
        (OFF, SYS),
        Guard.CORRECTION_DEADLINE_PASSED,
        Clock.STOP,
        outcome="other.no_correction",
    ),
    # consultation (Arts 32–34)
    _t(
        State.PROCESSING,
        Event.OPEN_CONSULTATION,
        State.CONSULTING,
        (OFF,),
        clock=Clock.PAUSE,
        needs_reason=True,
    ),
    _t(State.CONSULTING, Event.CONSULTATION_ANSWERED, State.PROCESSING, (OFF,), clock=Clock.RESUME),
    _t(
        State.CONSULTING,
        Event.CONSULTATION_TIMED_OUT,
        State.PROCESSING,
        (OFF, SYS),
        Guard.CONSULTATION_DEADLINE_PASSED,
        Clock.RESUME,
    ),
    # extension (Art 33)
    _t(
        State.PROCESSING,
        Event.REQUEST_EXTENSION,
        State.EXTENSION_PENDING,
        (OFF,),
        Guard.NOT_YET_EXTENDED,
        needs_reason=True,
    ),
    _t(
        State.EXTENSION_PENDING,
        Event.APPROVE_EXTENSION,
        State.PROCESSING,
        (HEAD,),
        Guard.NOT_YET_EXTENDED,
        Clock.EXTEND,
    ),
    _t(
        State.EXTENSION_PENDING,
        Event.REFUSE_EXTENSION,
        State.PROCESSING,
        (HEAD,),
        needs_reason=True,
    ),
    # 信息处理费 (Art 42, fee measures)
    _t(
        State.PROCESSING,
        Event.SEND_FEE_NOTICE,
        State.FEE_PENDING,
        (OFF,),
        Guard.FEE_AMOUNT_POSITIVE,
        Clock.PAUSE,
    ),
    _t(State.FEE_PENDING, Event.FEE_PAID, State.PROCESSING, (OFF,), clock=Clock.RESUME),
    _t(
        State.FEE_PENDING,
        Event.FEE_LAPSED,
        State.CLOSED,
        (OFF, SYS),
        Guard.FEE_DEADLINE_PASSED,
        Clock.STOP,
        outcome="other.fee_unpaid",
    ),
    # reply and its three reviews
    _t(State.PROCESSING, Event.DRAFT_REPLY, State.REVIEW_FIRST, (OFF,), Guard.ANSWER_CHOSEN),
    _t(
        State.REVIEW_FIRST,
        Event.APPROVE_FIRST,
        State.REVIEW_SECOND,
        (REV, HEAD),
        Guard.REVIEW_SEPARATION,
    ),
    _t(
        State.REVIEW_SECOND,
        Event.APPROVE_SECOND,
        State.REVIEW_FINAL,
        (REV, HEAD),
        Guard.REVIEW_SEPARATION,
    ),
    _t(State.REVIEW_FINAL, Event.SIGN_OFF, State.APPROVED, (HEAD,), Guard.REVIEW_SEPARATION),
    *(
        _t(s, Event.RETURN_FOR_REVISION, State.PROCESSING, (REV, HEAD), needs_reason=True)
        for s in _REVIEW_STATES
    ),
    _t(State.APPROVED, Event.DELIVER, State.CLOSED, (OFF,), Guard.ANSWER_CHOSEN, Clock.STOP),
    # afterwards
    _t(
        State.CLOSED,
        Event.REOPEN,
        State.PROCESSING,
        (HEAD,),
        clock=Clock.RESTART,
        needs_reason=True,
    ),
    *(
        _t(
            s,
            Event.WITHDRAW,
            State.WITHDRAWN,
            (OFF, APP),
            clock=Clock.STOP,
            outcome="other.other",
            needs_reason=True,
        )
        for s in _WITHDRAWABLE
    ),
)

TABLE: Final[Mapping[tuple[State, Event], Transition]] = {
    (t.state, t.event): t for t in TRANSITIONS
}

CLOSING_EVENTS: Final = frozenset(
    t.event for t in TRANSITIONS if t.target in (State.CLOSED, State.WITHDRAWN)
)
RECEIVING_EVENTS: Final = frozenset(t.event for t in TRANSITIONS if t.clock is Clock.START)


WorkflowError = WorkflowDefinitionError
"""The transition table itself is inconsistent (raised at import)."""


def build(
    transitions: Iterable[Transition] = TRANSITIONS, *, check: bool = True
) -> Workflow[Transition]:
    return Workflow(
        name="依申请公开的办理",
        states=STATE_LABELS,
        initial=START,
        terminal=END_STATES,
        events=EVENT_LABELS,
        roles=ROLE_LABELS,
        transitions=transitions,
        guards=GUARD_LABELS,
        effects=CLOCK_LABELS,
        validate=check,
    )


def validate(transitions: Iterable[Transition] = TRANSITIONS) -> None:
    """Every state reachable from ``START``; end states have no outgoing events; no
    (state, event) pair appears twice (``WorkflowError`` lists what is wrong)."""
    build(transitions, check=False).check()


WORKFLOW: Final = build()


def transition(state: State, event: Event) -> Transition | None:
    return WORKFLOW.transition(state, event)


def events_from(state: State) -> tuple[Transition, ...]:
    """The transitions leaving ``state``, in table order."""
    return WORKFLOW.leaving(state)


def allowed(state: State, roles: Iterable[Role]) -> tuple[Transition, ...]:
    """The transitions from ``state`` one of ``roles`` may perform (guards not evaluated)."""
    return WORKFLOW.allowed(state, roles)
