"""The statutory clock: a pure function from a case's events to its deadline state.

``compute(events, calendar, policy, today)`` never reads the system clock or a database:
the calendar and ``today`` are passed in, so the same inputs always give the same state.

How the answer period is counted (条例第三十三条, 第三十条, 第三十一条):

* The receipt day follows the channel (``Channel.rule``). With the default
  ``start_day_excluded=True`` the period counts from the working day after receipt
  (receipt on a Friday → day 1 is the next working day, a 调休 Sunday if there is one;
  receipt on a Saturday → day 1 is Monday). With ``False``, a receipt day that is a
  working day is day 1. The regulation does not define this (LEGAL.md A8, [U]).
* ``due`` is day 20 (``policy.answer_workdays``).
* A correction request (补正) stops the clock; the period starts over from the day the
  corrected application is received; days used before do not carry over.
* Pauses: a pause that starts on ``S`` and ends on ``E`` excludes the working days in
  ``(S, E]``: the start day still counts (the organ worked on the case that day), counting
  resumes on the first working day after ``E``. A pause of N such working days moves the
  due date exactly N working days later, provided it starts before the due date (a pause
  starting on or after the due date changes nothing). Overlapping pauses of different
  kinds count once (their union). A pause still open is counted up to ``today`` (or not
  at all without ``today``), so ``due`` is then the earliest it can be.
* An approved extension adds its working days after the due date (at most 20 in total).
* ``halfway`` is day 10 of the statutory period and ``internal_target`` day
  ``policy.internal_target_workdays``, both moved by the pauses that start before them.
* A date whose computation crossed a year the calendar only knows provisionally (no notice
  entered; ``WorkCalendar.is_provisional``) is *provisional*: ``provisional_years`` lists
  those years, ``is_provisional(day)`` tells for one date, and the explanation says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from typing import Any

from .calendar import WEEKDAY_NAMES, DayKind, WorkCalendar, format_date
from .errors import ClockError
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
)

EVENT_LABELS: dict[type, str] = {
    Received: "收到申请",
    CorrectionRequested: "要求补正",
    CorrectionReceived: "收到补正",
    CorrectionLapsed: "逾期未补正",
    PauseStarted: "暂停计算开始",
    PauseEnded: "暂停计算结束",
    ExtensionApproved: "批准延期",
    Answered: "答复",
    Withdrawn: "撤回申请",
}


class Phase(StrEnum):
    RUNNING = "running"  # 办理中
    PAUSED = "paused"  # 暂停计算
    AWAITING_CORRECTION = "awaiting_correction"  # 等待补正
    ANSWERED = "answered"  # 已答复
    WITHDRAWN = "withdrawn"  # 申请人撤回
    LAPSED = "lapsed"  # 逾期未补正，视为放弃申请

    @property
    def label(self) -> str:
        return PHASE_LABELS[self]


PHASE_LABELS: dict[Phase, str] = {
    Phase.RUNNING: "办理中",
    Phase.PAUSED: "暂停计算",
    Phase.AWAITING_CORRECTION: "等待补正",
    Phase.ANSWERED: "已答复",
    Phase.WITHDRAWN: "申请人已撤回",
    Phase.LAPSED: "逾期未补正，视为放弃申请",
}
_ENDED = (Phase.ANSWERED, Phase.WITHDRAWN, Phase.LAPSED)

FEE_NOTICE_CAVEAT = (
    "注意：收费通知期间是否不计入答复期限，国家层面的规定未经核实（《政府信息公开信息处理费"
    "管理办法》第六条至第十二条未能查阅）；本系统按配置暂停计算，可在配置中关闭。"
)


@dataclass(frozen=True)
class ClockPolicy:
    """The counting rules; the defaults follow the regulation and common practice.

    Settings the law leaves open (LEGAL.md marks them unverified) are here so that an
    installation can change them: ``start_day_excluded`` and ``fee_notice_pauses``.
    """

    answer_workdays: int = 20  # 条例第三十三条第二款
    max_extension_workdays: int = 20  # 条例第三十三条第二款
    correction_notice_workdays: int = 7  # 条例第三十条
    start_day_excluded: bool = True  # [U] common practice
    consultation_pauses: bool = True  # 条例第三十三条第三款 [V]
    fee_notice_pauses: bool = True  # [U] 信息处理费管理办法
    internal_target_workdays: int | None = None  # an organ's own earlier target

    def __post_init__(self) -> None:
        for name in ("answer_workdays", "max_extension_workdays", "correction_notice_workdays"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ClockError(f"ClockPolicy.{name}：应为正整数，读到 {value!r}")
        target = self.internal_target_workdays
        if target is not None and not (
            isinstance(target, int)
            and not isinstance(target, bool)
            and 1 <= target < self.answer_workdays
        ):
            raise ClockError(
                f"ClockPolicy.internal_target_workdays：应为1至{self.answer_workdays - 1}之间的整数"
                f"（早于法定期限），读到 {target!r}"
            )

    def pauses(self, kind: PauseKind) -> bool:
        """Whether a pause of this kind stops the clock under this policy."""
        if kind is PauseKind.FEE_NOTICE:
            return self.fee_notice_pauses
        return self.consultation_pauses


@dataclass(frozen=True)
class Pause:
    """One interval not counted: the working days in ``(start, end]``."""

    start: date
    end: date | None  # None: still paused
    kinds: tuple[PauseKind, ...]
    workdays: int  # working days not counted (up to ``today`` while open)
    applied: bool  # False when it started on or after the (final) due date


@dataclass(frozen=True)
class ClockState:
    """Everything the case page shows about the deadline, and how it was reached."""

    phase: Phase
    received: date
    channel: Channel
    period_received: (
        date | None
    )  # receipt the running period counts from (the corrected one after 补正)
    first_day: date | None  # day 1 of the period
    correction_deadline: date  # last day to ask for a correction (7 working days)
    correction_requested: date | None
    correction_late: bool
    correction_reply_by: date | None
    due: date | None  # statutory due date, with pauses
    extension_workdays: int
    extended_due: date | None
    halfway: date | None
    internal_target: date | None
    pauses: tuple[Pause, ...]
    paused_workdays: int
    workdays_used: int | None
    workdays_left: int | None
    overdue: bool
    overdue_workdays: int
    ended: date | None
    today: date | None
    explanation: tuple[str, ...] = field(default=())
    provisional_years: tuple[int, ...] = ()  # provisional years between receipt and the dates

    def is_provisional(self, day: date | None) -> bool:
        """Whether ``day`` (one of this state's dates) rests on a provisional year: some year
        from the receipt to ``day`` has no entered notice."""
        return day is not None and any(y <= day.year for y in self.provisional_years)

    @property
    def due_provisional(self) -> bool:
        """Whether the reply due date (extended if extended) is provisional."""
        return self.is_provisional(self.final_due)

    @property
    def paused(self) -> bool:
        return self.phase is Phase.PAUSED

    @property
    def final_due(self) -> date | None:
        """The date the reply is due: the extended one when extended."""
        return self.extended_due or self.due

    def to_dict(self) -> dict[str, Any]:
        def iso(value: date | None) -> str | None:
            return None if value is None else value.isoformat()

        return {
            "phase": self.phase.value,
            "received": iso(self.received),
            "channel": self.channel.value,
            "period_received": iso(self.period_received),
            "first_day": iso(self.first_day),
            "correction_deadline": iso(self.correction_deadline),
            "correction_requested": iso(self.correction_requested),
            "correction_late": self.correction_late,
            "correction_reply_by": iso(self.correction_reply_by),
            "due": iso(self.due),
            "extension_workdays": self.extension_workdays,
            "extended_due": iso(self.extended_due),
            "final_due": iso(self.final_due),
            "halfway": iso(self.halfway),
            "internal_target": iso(self.internal_target),
            "pauses": [
                {
                    "start": iso(p.start),
                    "end": iso(p.end),
                    "kinds": [k.value for k in p.kinds],
                    "workdays": p.workdays,
                    "applied": p.applied,
                }
                for p in self.pauses
            ],
            "paused": self.paused,
            "paused_workdays": self.paused_workdays,
            "workdays_used": self.workdays_used,
            "workdays_left": self.workdays_left,
            "overdue": self.overdue,
            "overdue_workdays": self.overdue_workdays,
            "ended": iso(self.ended),
            "today": iso(self.today),
            "explanation": list(self.explanation),
            "provisional": self.due_provisional,
            "provisional_years": list(self.provisional_years),
        }


@dataclass
class _Walk:
    """The case as the events leave it, before any date arithmetic."""

    received: Received
    phase: Phase = Phase.RUNNING
    period_received: date | None = None
    correction: CorrectionRequested | None = None
    correction_received: date | None = None
    active: dict[PauseKind, date] = field(default_factory=dict)
    ignored: set[PauseKind] = field(default_factory=set)
    open_start: date | None = None
    open_kinds: list[PauseKind] = field(default_factory=list)
    intervals: list[tuple[date, date | None, tuple[PauseKind, ...]]] = field(default_factory=list)
    extensions: list[ExtensionApproved] = field(default_factory=list)
    ended: date | None = None
    notes: list[str] = field(default_factory=list)


def _fail(event: ClockEvent, message: str) -> ClockError:
    return ClockError(message, event=f"{EVENT_LABELS[type(event)]}（{event.date.isoformat()}）")


def _walk(events: Iterable[ClockEvent], policy: ClockPolicy) -> _Walk:
    ordered = [e for _, e in sorted(enumerate(events), key=lambda pair: (pair[1].date, pair[0]))]
    if not ordered or not isinstance(ordered[0], Received):
        found = EVENT_LABELS[type(ordered[0])] if ordered else "没有事件"
        raise ClockError(f"第一个事件应为“收到申请”，读到“{found}”")
    first = ordered[0]
    state = _Walk(received=first, period_received=first.date)
    for event in ordered[1:]:
        if state.phase in _ENDED:
            raise _fail(event, f"案件已结束（{state.phase.label}），其后不能再有事件")
        if isinstance(event, Received):
            raise _fail(event, "同一申请只能有一个“收到申请”事件")
        if isinstance(event, CorrectionRequested):
            if state.correction is not None:
                raise _fail(event, "补正只能要求一次（条例第三十条：一次性告知）")
            if state.phase is not Phase.RUNNING:
                raise _fail(event, f"要求补正时应在办理中，当前为“{state.phase.label}”")
            state.correction = event
            state.phase = Phase.AWAITING_CORRECTION
            state.period_received = None
            state.intervals.clear()
            state.extensions.clear()
        elif isinstance(event, CorrectionReceived | CorrectionLapsed):
            if state.phase is not Phase.AWAITING_CORRECTION:
                raise _fail(event, "之前没有要求补正，或补正已经处理")
            if isinstance(event, CorrectionReceived):
                state.correction_received = event.date
                state.period_received = event.date
                state.phase = Phase.RUNNING
            else:
                state.phase = Phase.LAPSED
                state.ended = event.date
        elif isinstance(event, PauseStarted):
            if state.phase not in (Phase.RUNNING, Phase.PAUSED):
                raise _fail(event, f"当前为“{state.phase.label}”，不能暂停计算")
            if not policy.pauses(event.kind):
                state.ignored.add(event.kind)
                state.notes.append(
                    f"按本系统配置，{event.kind.label}期间不暂停计算（{format_date(event.date)}开始）。"
                )
                continue
            if event.kind in state.active:
                raise _fail(event, f"{event.kind.label}已在暂停中，不能重复开始")
            state.active[event.kind] = event.date
            if state.open_start is None:
                state.open_start = event.date
                state.open_kinds = []
            if event.kind not in state.open_kinds:
                state.open_kinds.append(event.kind)
            state.phase = Phase.PAUSED
        elif isinstance(event, PauseEnded):
            if event.kind in state.ignored:
                state.ignored.discard(event.kind)
                continue
            if event.kind not in state.active:
                raise _fail(event, f"没有进行中的“{event.kind.label}”，不能结束")
            del state.active[event.kind]
            if not state.active:
                _close_pause(state, event.date)
        elif isinstance(event, ExtensionApproved):
            if state.phase not in (Phase.RUNNING, Phase.PAUSED):
                raise _fail(event, f"当前为“{state.phase.label}”，不能延期")
            total = sum(e.workdays for e in state.extensions) + event.workdays
            if event.workdays < 1 or total > policy.max_extension_workdays:
                raise _fail(
                    event,
                    f"延长的期限合计应为1至{policy.max_extension_workdays}个工作日"
                    f"（条例第三十三条第二款），读到合计{total}个工作日",
                )
            state.extensions.append(event)
        elif isinstance(event, Answered | Withdrawn):
            if isinstance(event, Answered) and state.phase not in (Phase.RUNNING, Phase.PAUSED):
                raise _fail(event, f"当前为“{state.phase.label}”，不能答复")
            if state.open_start is not None:
                state.active.clear()
                _close_pause(state, event.date)
            state.phase = Phase.ANSWERED if isinstance(event, Answered) else Phase.WITHDRAWN
            state.ended = event.date
    return state


def _close_pause(state: _Walk, end: date) -> None:
    assert state.open_start is not None
    state.intervals.append((state.open_start, end, tuple(state.open_kinds)))
    state.open_start = None
    state.open_kinds = []
    if state.phase is Phase.PAUSED:
        state.phase = Phase.RUNNING


def _shift(
    calendar: WorkCalendar,
    first_day: date,
    workdays: int,
    spans: Sequence[tuple[date, date]],
) -> tuple[date, set[int]]:
    """Day ``workdays`` of a period from ``first_day``, moved by the pauses before it."""
    due = calendar.add_workdays(first_day, workdays - 1) if workdays > 1 else first_day
    applied: set[int] = set()
    for index, (start, end) in sorted(enumerate(spans), key=lambda p: p[1][0]):
        if start < due:
            due = calendar.add_workdays(due, max(0, calendar.count_workdays(start, end)))
            applied.add(index)
    return due, applied


def _first_day(calendar: WorkCalendar, received: date, policy: ClockPolicy) -> date:
    if policy.start_day_excluded:
        return calendar.next_workday(received)
    return calendar.workday_on_or_after(received)


def compute(
    events: Iterable[ClockEvent],
    calendar: WorkCalendar,
    policy: ClockPolicy | None = None,
    today: date | None = None,
) -> ClockState:
    """The deadline state of a case after ``events`` (any order; same-day order kept)."""
    policy = policy or ClockPolicy()
    walk = _walk(events, policy)
    received = walk.received
    if today is not None and today < received.date:
        raise ClockError(
            f"“今天”（{today.isoformat()}）早于收到申请之日（{received.date.isoformat()}）"
        )
    original_first = _first_day(calendar, received.date, policy)
    correction_deadline = (
        calendar.add_workdays(original_first, policy.correction_notice_workdays - 1)
        if policy.correction_notice_workdays > 1
        else original_first
    )
    correction = walk.correction
    correction_late = correction is not None and correction.date > correction_deadline

    lines = [_receipt_line(calendar, received)]
    lines += _correction_lines(walk, correction_deadline, policy, calendar)

    if walk.period_received is None:  # awaiting correction, or deemed withdrawn
        lines.extend(walk.notes)
        if walk.phase is Phase.WITHDRAWN and walk.ended is not None:
            lines.append(f"{format_date(walk.ended)}申请人撤回申请，不再计算期限。")
        return ClockState(
            phase=walk.phase,
            received=received.date,
            channel=received.channel,
            period_received=None,
            first_day=None,
            correction_deadline=correction_deadline,
            correction_requested=correction.date if correction else None,
            correction_late=correction_late,
            correction_reply_by=correction.reply_by if correction else None,
            due=None,
            extension_workdays=0,
            extended_due=None,
            halfway=None,
            internal_target=None,
            pauses=(),
            paused_workdays=0,
            workdays_used=None,
            workdays_left=None,
            overdue=False,
            overdue_workdays=0,
            ended=walk.ended,
            today=today,
            explanation=tuple(lines),
            provisional_years=_provisional_years(
                calendar, received.date, [correction_deadline, correction_reply_by(correction)]
            ),
        )

    first_day = _first_day(calendar, walk.period_received, policy)
    intervals = list(walk.intervals)
    if walk.open_start is not None:
        intervals.append((walk.open_start, None, tuple(walk.open_kinds)))
    spans = [
        (start, end if end is not None else max(start, today or start))
        for start, end, _ in intervals
    ]
    limit = policy.answer_workdays
    extension = sum(e.workdays for e in walk.extensions)
    due, applied_due = _shift(calendar, first_day, limit, spans)
    final_due, applied_final = due, applied_due
    extended_due: date | None = None
    if extension:
        extended_due, applied_final = _shift(calendar, first_day, limit + extension, spans)
        final_due = extended_due
    halfway, _ = _shift(calendar, first_day, limit // 2, spans)
    internal_target = None
    if policy.internal_target_workdays is not None:
        internal_target, _ = _shift(calendar, first_day, policy.internal_target_workdays, spans)

    pauses = tuple(
        Pause(
            start=start,
            end=end,
            kinds=kinds,
            workdays=max(0, calendar.count_workdays(start, spans[i][1])),
            applied=i in applied_final,
        )
        for i, (start, end, kinds) in enumerate(intervals)
    )
    paused_workdays = sum(p.workdays for p in pauses if p.applied)

    point = walk.ended if walk.ended is not None else today
    used: int | None = None
    left: int | None = None
    overdue = False
    overdue_workdays = 0
    if point is not None:
        if point < first_day:
            used = 0
        else:
            used = calendar.count_workdays(first_day, point) + 1
            for i, (start, end) in enumerate(spans):
                if i in applied_final and start < point:
                    used -= max(0, calendar.count_workdays(start, min(end, point)))
        left = max(0, limit + extension - used) if walk.phase not in _ENDED else None
        if point > final_due:
            overdue = True
            overdue_workdays = calendar.count_workdays(final_due, point)

    state = ClockState(
        phase=walk.phase,
        received=received.date,
        channel=received.channel,
        period_received=walk.period_received,
        first_day=first_day,
        correction_deadline=correction_deadline,
        correction_requested=correction.date if correction else None,
        correction_late=correction_late,
        correction_reply_by=correction.reply_by if correction else None,
        due=due,
        extension_workdays=extension,
        extended_due=extended_due,
        halfway=halfway,
        internal_target=internal_target,
        pauses=pauses,
        paused_workdays=paused_workdays,
        workdays_used=used,
        workdays_left=left,
        overdue=overdue,
        overdue_workdays=overdue_workdays,
        ended=walk.ended,
        today=today,
        provisional_years=_provisional_years(
            calendar, received.date, [correction_deadline, final_due, halfway, internal_target]
        ),
    )
    lines += _period_lines(calendar, state, walk, policy)
    return _with_explanation(state, lines)


def correction_reply_by(correction: CorrectionRequested | None) -> date | None:
    return correction.reply_by if correction is not None else None


def _mark(calendar: WorkCalendar, start: date, day: date) -> str:
    """``（暂定）`` when counting from ``start`` to ``day`` crossed a provisional year."""
    provisional = any(calendar.is_provisional(y) for y in range(start.year, day.year + 1))
    return "（暂定）" if provisional else ""


def _provisional_years(
    calendar: WorkCalendar, start: date, dates: Iterable[date | None]
) -> tuple[int, ...]:
    last = max((d.year for d in dates if d is not None), default=start.year)
    return tuple(y for y in range(start.year, last + 1) if calendar.is_provisional(y))


def _with_explanation(state: ClockState, lines: list[str]) -> ClockState:
    return replace(state, explanation=tuple(lines))


# --- explanation ------------------------------------------------------------------------


def _receipt_line(calendar: WorkCalendar, received: Received) -> str:
    line = (
        f"收到申请：{format_date(received.date)}，渠道：{received.channel.label}，"
        f"{received.channel.rule}。"
    )
    if received.basis:
        line += f"收到日的认定：{received.basis}。"
    info = calendar.day(received.date)
    if not info.is_workday:
        line += f"当日为休息日（{info.describe().split('：', 1)[1]}）。"
    return line


def _correction_lines(
    walk: _Walk, deadline: date, policy: ClockPolicy, calendar: WorkCalendar
) -> list[str]:
    correction = walk.correction
    days = policy.correction_notice_workdays
    if correction is None:
        if walk.phase in (Phase.RUNNING, Phase.PAUSED):
            return [
                f"如需补正，最迟应在{format_date(deadline)}"
                f"{_mark(calendar, walk.received.date, deadline)}一次性告知申请人"
                f"（收到申请之日起{days}个工作日内，条例第三十条）。"
            ]
        return []
    timing = (
        f"超过了收到申请后{days}个工作日的期限（{format_date(deadline)}）"
        if correction.date > deadline
        else f"在收到申请后{days}个工作日的期限（{format_date(deadline)}）内"
    )
    line = f"补正：{format_date(correction.date)}一次性告知申请人补正（条例第三十条），{timing}"
    if correction.reply_by is not None:
        line += f"；给申请人的补正期限为{format_date(correction.reply_by)}"
    lines = [line + "。"]
    if walk.phase is Phase.AWAITING_CORRECTION:
        lines.append("等待申请人补正：答复期限自收到补正后的申请之日起重新计算，目前不计算期限。")
    elif walk.correction_received is not None:
        lines.append(
            f"{format_date(walk.correction_received)}收到补正后的申请：答复期限自该日重新计算"
            "（条例第三十条），此前已用的工作日不再计入。"
        )
    elif walk.phase is Phase.LAPSED and walk.ended is not None:
        lines.append(
            f"{format_date(walk.ended)}：申请人无正当理由逾期未补正，视为放弃申请（条例第三十条），"
            "不再计算期限。"
        )
    return lines


def _special_day_lines(calendar: WorkCalendar, after: date, until: date) -> list[str]:
    runs: list[tuple[date, date, str]] = []
    adjusted: list[str] = []
    local: list[str] = []
    for info in calendar.special_days(after, until):
        if info.kind is DayKind.HOLIDAY:
            if runs and runs[-1][2] == info.name and (info.date - runs[-1][1]).days == 1:
                runs[-1] = (runs[-1][0], info.date, info.name)
            else:
                runs.append((info.date, info.date, info.name))
        elif info.kind is DayKind.ADJUSTED_WORKDAY:
            adjusted.append(
                f"{info.date.isoformat()}（星期{WEEKDAY_NAMES[info.date.weekday()]}，{info.name}调休上班）"
            )
        else:
            status = "工作日" if info.is_workday else "休息日"
            source = f"，依据：{info.source}" if info.source else ""
            local.append(f"{format_date(info.date)}调整为{status}（{info.name}{source}）")
    lines = []
    if runs:
        text = "；".join(
            f"{a.isoformat()}至{b.isoformat()} {name}" if a != b else f"{a.isoformat()} {name}"
            for a, b, name in runs
        )
        lines.append(f"期间的节假日不计入：{text}。")
    if adjusted:
        lines.append(f"期间的调休上班日计入：{'、'.join(adjusted)}。")
    if local:
        lines.append(f"本地工作日历调整：{'；'.join(local)}。")
    return lines


def _period_lines(
    calendar: WorkCalendar, state: ClockState, walk: _Walk, policy: ClockPolicy
) -> list[str]:
    assert state.first_day is not None and state.due is not None
    assert state.period_received is not None
    limit = policy.answer_workdays
    lines: list[str] = []
    counting = (
        "自收到申请的次日起算，收到当日不计入"
        if policy.start_day_excluded
        else "收到当日为工作日的，当日计入"
    )
    first = calendar.day(state.first_day)
    first_text = format_date(state.first_day)
    if first.kind is DayKind.ADJUSTED_WORKDAY:
        first_text += f"，{first.name}调休上班"
    lines.append(
        f"答复期限为{limit}个工作日（条例第三十三条第二款），{counting}"
        f"（条例未规定起算方法，按通常做法计算）；第1个工作日为{first_text}。"
    )
    final_due = state.final_due
    assert final_due is not None
    lines += _special_day_lines(calendar, state.period_received, final_due)

    fee_applied = False
    for pause in state.pauses:
        label = "、".join(k.label for k in pause.kinds)
        if not pause.applied:
            lines.append(f"{label}：{format_date(pause.start)}开始时期限已届满，不影响期限。")
            continue
        fee_applied = fee_applied or PauseKind.FEE_NOTICE in pause.kinds
        if pause.end is None:
            so_far = (
                f"截至{format_date(state.today)}已暂停{pause.workdays}个工作日"
                if state.today is not None
                else "暂停的工作日数待结束后确定"
            )
            lines.append(
                f"{label}：自{format_date(pause.start)}起暂停计算，尚未结束；{so_far}，期限随之顺延。"
            )
        else:
            lines.append(
                f"{label}：{format_date(pause.start)}开始，{format_date(pause.end)}结束；"
                f"开始当日照常计算，其后至结束当日的{pause.workdays}个工作日不计入答复期限，"
                f"期限顺延{pause.workdays}个工作日。"
            )
    if fee_applied:
        lines.append(FEE_NOTICE_CAVEAT)
    lines.extend(walk.notes)

    shifted = sum(p.workdays for p in state.pauses if p.applied and p.start < state.due)
    extra = f"，另因暂停顺延{shifted}个工作日" if shifted else ""
    mark = "（暂定）" if state.is_provisional(state.due) else ""
    lines.append(f"法定答复期限：{format_date(state.due)}{mark}（第{limit}个工作日{extra}）。")

    for ext in walk.extensions:
        late = "（注意：批准日期晚于原答复期限）" if ext.date > state.due else ""
        lines.append(
            f"{format_date(ext.date)}经政府信息公开工作机构负责人同意，延长答复期限{ext.workdays}个工作日"
            f"（条例第三十三条第二款，延长的期限最长不超过{policy.max_extension_workdays}个工作日）{late}。"
        )
    if state.extended_due is not None:
        mark = "（暂定）" if state.is_provisional(state.extended_due) else ""
        lines.append(f"延长后的答复期限：{format_date(state.extended_due)}{mark}。")
    if state.halfway is not None:
        mark = "（暂定）" if state.is_provisional(state.halfway) else ""
        lines.append(f"期限过半：{format_date(state.halfway)}{mark}（第{limit // 2}个工作日）。")
    if state.internal_target is not None:
        lines.append(
            f"内部办理目标：{format_date(state.internal_target)}"
            f"{'（暂定）' if state.is_provisional(state.internal_target) else ''}"
            f"（第{policy.internal_target_workdays}个工作日，本机关内部要求）。"
        )
    lines += _status_lines(state)
    years = range(state.received.year, final_due.year + 1)
    for year in years:
        lines.append(f"日历依据（{year}年）：{calendar.basis(year)}。")
    if state.provisional_years:
        lines.append("注意：" + provisional_warning(state.provisional_years))
    return lines


def provisional_warning(years: Sequence[int]) -> str:
    """The sentence every provisional computation carries, naming the years."""
    named = "、".join(f"{y}年" for y in years)
    return (
        f"{named}的节假日安排（国务院办公厅通知）尚未录入，其中的日期按法定节假日暂定计算，"
        "不含调休安排，标为“暂定”；录入通知后系统将重新计算，日期可能改变。"
    )


def _status_lines(state: ClockState) -> list[str]:
    final_due = state.final_due
    assert final_due is not None
    if state.phase is Phase.ANSWERED and state.ended is not None:
        verdict = (
            f"超过答复期限{state.overdue_workdays}个工作日" if state.overdue else "在答复期限内"
        )
        return [f"{format_date(state.ended)}已答复，{verdict}，共用{state.workdays_used}个工作日。"]
    if state.phase is Phase.WITHDRAWN and state.ended is not None:
        return [f"{format_date(state.ended)}申请人撤回申请，不再计算期限。"]
    if state.today is None:
        return []
    if state.overdue:
        return [f"截至{format_date(state.today)}：已超过答复期限{state.overdue_workdays}个工作日。"]
    paused = "（暂停计算中）" if state.paused else ""
    return [
        f"截至{format_date(state.today)}{paused}：已用{state.workdays_used}个工作日，"
        f"剩余{state.workdays_left}个工作日。"
    ]
