"""The statutory clock over real holiday seasons, with pauses, extensions and corrections.

Every expected date below was counted by hand from the year's notice (the 调休 days are
named in the comments) and is also checked against a day-by-day walk over the independent
``holidays`` package.
"""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.deadlines import (
    Answered,
    Channel,
    ClockError,
    ClockPolicy,
    CorrectionLapsed,
    CorrectionReceived,
    CorrectionRequested,
    ExtensionApproved,
    PauseEnded,
    PauseKind,
    PauseStarted,
    Phase,
    Received,
    Withdrawn,
    WorkCalendar,
    compute,
)

from .conftest import NaiveCalendar

D = date.fromisoformat

# (received, due): 20 working days, counted from the working day after receipt.
SEASONS = [
    # 2019 春节 2-4..2-10 off, work Sat 2-2 and Sun 2-3
    ("2019-02-01", "2019-03-06"),
    # 2019 劳动节 (adjusted) 5-1..5-4 off, work Sun 4-28 and Sat 5-5
    ("2019-04-26", "2019-05-27"),
    # 2019 国庆 10-1..10-7 off, work Sun 9-29 and Sat 10-12; receipt on the holiday itself
    ("2019-10-01", "2019-11-01"),
    # 2020 春节, extended to 2-2 (the Sat 2-1 working day was cancelled)
    ("2020-01-23", "2020-02-28"),
    # 2020 国庆+中秋 10-1..10-8 off, work Sun 9-27 and Sat 10-10; receipt on the 调休 Sunday
    ("2020-09-27", "2020-10-30"),
    # 2021 春节 2-11..2-17 off, work Sun 2-7 and Sat 2-20; receipt on an ordinary Saturday
    ("2021-02-06", "2021-03-10"),
    # 2021 劳动节 5-1..5-5 off, work Sat 5-8
    ("2021-04-30", "2021-06-01"),
    # 2021 国庆 10-1..10-7 off, work Sun 9-26 (receipt) and Sat 10-9
    ("2021-09-26", "2021-10-28"),
    # 2022 春节 1-31..2-6 off, work Sat 1-29 and Sun 1-30
    ("2022-01-28", "2022-03-02"),
    # 2022 国庆 10-1..10-7 off, work Sat 10-8 and Sun 10-9
    ("2022-09-30", "2022-11-02"),
    # 2023 春节 1-21..1-27 off, work Sat 1-28 and Sun 1-29
    ("2023-01-20", "2023-02-22"),
    # 2023 中秋+国庆 9-29..10-6 off, work Sat 10-7 and Sun 10-8
    ("2023-09-28", "2023-11-01"),
    # 2024 春节 2-10..2-17 off, work Sun 2-4 (receipt) and Sun 2-18
    ("2024-02-04", "2024-03-07"),
    # 2024 国庆 10-1..10-7 off, work Sun 9-29 and Sat 10-12 (the issue's example)
    ("2024-09-27", "2024-10-30"),
    # 2025 春节 1-28..2-4 off, work Sat 2-8
    ("2025-01-27", "2025-03-03"),
    # 2025 劳动节 5-1..5-5 off, work Sun 4-27 (receipt)
    ("2025-04-27", "2025-05-28"),
    # 2025 国庆+中秋 10-1..10-8 off, work Sun 9-28 and Sat 10-11
    ("2025-09-26", "2025-10-30"),
    # 2026 春节 2-15..2-23 off, work Sat 2-14 and Sat 2-28
    ("2026-02-13", "2026-03-19"),
    # 2026 劳动节 5-1..5-5 off, work Sat 5-9
    ("2026-04-30", "2026-06-01"),
    # 2026 中秋 9-25..9-27 and 国庆 10-1..10-7 off, work Sun 9-20 and Sat 10-10
    ("2026-09-19", "2026-10-22"),
]


@pytest.mark.parametrize(("received", "due"), SEASONS)
def test_due_over_holiday_seasons(
    received: str, due: str, calendar: WorkCalendar, naive: NaiveCalendar
) -> None:
    state = compute([Received(D(received))], calendar)
    assert state.due == D(due)
    assert state.final_due == D(due)
    assert naive.add_workdays(D(received), 20) == D(due)
    assert calendar.is_workday(state.due)


def test_issue_example_explains_itself(calendar: WorkCalendar) -> None:
    state = compute([Received(D("2024-09-27"))], calendar, today=D("2024-10-15"))
    assert state.first_day == D("2024-09-29")
    assert state.halfway == D("2024-10-16")
    assert state.correction_deadline == D("2024-10-12")
    assert (state.workdays_used, state.workdays_left, state.overdue) == (9, 11, False)
    assert state.explanation == (
        "收到申请：2024-09-27（星期五），渠道：当面提交，以提交之日为收到申请之日（条例第三十一条第一项）。",
        "如需补正，最迟应在2024-10-12（星期六）一次性告知申请人（收到申请之日起7个工作日内，条例第三十条）。",
        "答复期限为20个工作日（条例第三十三条第二款），自收到申请的次日起算，收到当日不计入"
        "（条例未规定起算方法，按通常做法计算）；第1个工作日为2024-09-29（星期日），国庆节调休上班。",
        "期间的节假日不计入：2024-10-01至2024-10-07 国庆节。",
        "期间的调休上班日计入：2024-09-29（星期日，国庆节调休上班）、2024-10-12（星期六，国庆节调休上班）。",
        "法定答复期限：2024-10-30（星期三）（第20个工作日）。",
        "期限过半：2024-10-16（星期三）（第10个工作日）。",
        "截至2024-10-15（星期二）：已用9个工作日，剩余11个工作日。",
        "日历依据（2024年）：《国务院办公厅关于2024年部分节假日安排的通知》（国办发明电〔2023〕7号，2023-10-25）。",
    )


@pytest.mark.parametrize(
    ("events", "due", "extended_due"),
    [
        # 20 more working days after 10-30: 10-31, 11-1, then 11-4 … 11-27
        ([ExtensionApproved(D("2024-10-25"), 20)], "2024-10-30", "2024-11-27"),
        # two approvals add up (5 + 5)
        (
            [ExtensionApproved(D("2024-10-21"), 5), ExtensionApproved(D("2024-10-28"), 5)],
            "2024-10-30",
            "2024-11-13",
        ),
        # pause (10-8, 10-15] = 10-9, 10-10, 10-11, 10-12 (Sat, 调休), 10-14, 10-15: 6 days
        (
            [
                PauseStarted(D("2024-10-08"), PauseKind.THIRD_PARTY),
                PauseEnded(D("2024-10-15"), PauseKind.THIRD_PARTY),
            ],
            "2024-11-07",
            None,
        ),
        # overlapping consultations count once: union (10-8, 10-18] = 9 working days
        (
            [
                PauseStarted(D("2024-10-08"), PauseKind.THIRD_PARTY),
                PauseStarted(D("2024-10-10"), PauseKind.OTHER_ORGAN),
                PauseEnded(D("2024-10-15"), PauseKind.THIRD_PARTY),
                PauseEnded(D("2024-10-18"), PauseKind.OTHER_ORGAN),
            ],
            "2024-11-12",
            None,
        ),
        # a pause that starts on the due date changes nothing
        (
            [
                PauseStarted(D("2024-10-30"), PauseKind.THIRD_PARTY),
                PauseEnded(D("2024-11-08"), PauseKind.THIRD_PARTY),
            ],
            "2024-10-30",
            None,
        ),
        # a pause during the extension moves only the extended date
        (
            [
                ExtensionApproved(D("2024-10-28"), 10),
                PauseStarted(D("2024-11-04"), PauseKind.FEE_NOTICE),
                PauseEnded(D("2024-11-06"), PauseKind.FEE_NOTICE),
            ],
            "2024-10-30",
            "2024-11-15",
        ),
    ],
)
def test_extensions_and_pauses(
    events: list[object], due: str, extended_due: str | None, calendar: WorkCalendar
) -> None:
    state = compute([Received(D("2024-09-27")), *events], calendar)  # type: ignore[list-item]
    assert state.due == D(due)
    assert state.extended_due == (D(extended_due) if extended_due else None)


def test_open_pause_is_counted_up_to_today(calendar: WorkCalendar) -> None:
    events = [Received(D("2024-09-27")), PauseStarted(D("2024-10-08"), PauseKind.THIRD_PARTY)]
    state = compute(events, calendar, today=D("2024-10-11"))
    assert state.paused and state.phase is Phase.PAUSED
    assert state.pauses[0].workdays == 3  # 10-9, 10-10, 10-11
    assert state.due == D("2024-11-04")
    assert state.workdays_used == 3  # 9-29, 9-30, 10-8
    assert "尚未结束；截至2024-10-11（星期五）已暂停3个工作日，期限随之顺延。" in "".join(
        state.explanation
    )


def test_correction_restarts_the_period(calendar: WorkCalendar) -> None:
    events = [
        Received(D("2024-09-27")),
        CorrectionRequested(D("2024-10-09"), reply_by=D("2024-10-25")),
    ]
    waiting = compute(events, calendar, today=D("2024-10-15"))
    assert waiting.phase is Phase.AWAITING_CORRECTION
    assert waiting.due is None and waiting.correction_late is False
    assert waiting.explanation[-1] == (
        "等待申请人补正：答复期限自收到补正后的申请之日起重新计算，目前不计算期限。"
    )
    restarted = compute([*events, CorrectionReceived(D("2024-10-21"))], calendar)
    assert restarted.period_received == D("2024-10-21")
    assert restarted.due == D("2024-11-18")
    lapsed = compute([*events, CorrectionLapsed(D("2024-10-28"))], calendar)
    assert lapsed.phase is Phase.LAPSED and lapsed.due is None


def test_late_correction_request_is_flagged(calendar: WorkCalendar) -> None:
    state = compute([Received(D("2024-09-27")), CorrectionRequested(D("2024-10-14"))], calendar)
    assert state.correction_late is True
    assert "超过了收到申请后7个工作日的期限（2024-10-12（星期六））" in state.explanation[1]


@pytest.mark.parametrize(
    ("received", "excluded", "due"),
    [
        ("2024-10-01", True, "2024-11-01"),  # receipt on a holiday: day 1 is 10-8
        ("2024-10-01", False, "2024-11-01"),
        ("2024-10-12", True, "2024-11-08"),  # receipt on the 调休 Saturday
        ("2024-10-12", False, "2024-11-07"),  # … counted as day 1 when the start day counts
        ("2024-09-27", False, "2024-10-29"),
        ("2024-10-05", True, "2024-11-01"),  # receipt on a holiday Saturday
    ],
)
def test_receipt_on_holiday_or_working_weekend(
    received: str, excluded: bool, due: str, calendar: WorkCalendar
) -> None:
    policy = ClockPolicy(start_day_excluded=excluded)
    assert compute([Received(D(received))], calendar, policy).due == D(due)


def test_fee_notice_pause_can_be_switched_off(calendar: WorkCalendar) -> None:
    events = [
        Received(D("2024-09-27")),
        PauseStarted(D("2024-10-08"), PauseKind.FEE_NOTICE),
        PauseEnded(D("2024-10-15"), PauseKind.FEE_NOTICE),
    ]
    paused = compute(events, calendar)
    assert paused.due == D("2024-11-07")
    assert any("国家层面的规定未经核实" in line for line in paused.explanation)
    ignored = compute(events, calendar, ClockPolicy(fee_notice_pauses=False))
    assert ignored.due == D("2024-10-30")
    assert (
        "按本系统配置，发出收费通知至申请人缴费（信息处理费管理办法，国家层面规定未经核实）"
        "期间不暂停计算（2024-10-08（星期二）开始）。" in ignored.explanation
    )


@pytest.mark.parametrize(
    ("answered", "overdue", "days", "line"),
    [
        ("2024-10-30", False, 0, "2024-10-30（星期三）已答复，在答复期限内，共用20个工作日。"),
        (
            "2024-11-01",
            True,
            2,
            "2024-11-01（星期五）已答复，超过答复期限2个工作日，共用22个工作日。",
        ),
    ],
)
def test_answered_on_time_or_late(
    answered: str, overdue: bool, days: int, line: str, calendar: WorkCalendar
) -> None:
    state = compute([Received(D("2024-09-27")), Answered(D(answered))], calendar)
    assert (state.phase, state.overdue, state.overdue_workdays) == (Phase.ANSWERED, overdue, days)
    assert state.workdays_left is None
    assert line in state.explanation


def test_overdue_today(calendar: WorkCalendar) -> None:
    state = compute([Received(D("2024-09-27"))], calendar, today=D("2024-11-04"))
    assert (state.overdue, state.overdue_workdays, state.workdays_left) == (True, 3, 0)
    assert "截至2024-11-04（星期一）：已超过答复期限3个工作日。" in state.explanation


def test_internal_target_and_channel(calendar: WorkCalendar) -> None:
    state = compute(
        [Received(D("2024-09-27"), Channel.ONLINE, "2024-09-27 电话与申请人确认")],
        calendar,
        ClockPolicy(internal_target_workdays=15),
    )
    assert state.internal_target == D("2024-10-23")
    assert state.explanation[0] == (
        "收到申请：2024-09-27（星期五），渠道：互联网渠道，以双方确认之日为收到申请之日"
        "（条例第三十一条第三项）。收到日的认定：2024-09-27 电话与申请人确认。"
    )


def test_events_in_any_order_and_withdrawal(calendar: WorkCalendar) -> None:
    events = [
        Withdrawn(D("2024-10-20")),
        PauseEnded(D("2024-10-15"), PauseKind.THIRD_PARTY),
        Received(D("2024-09-27")),
        PauseStarted(D("2024-10-08"), PauseKind.THIRD_PARTY),
    ]
    state = compute(events, calendar)
    assert state.phase is Phase.WITHDRAWN and state.due == D("2024-11-07")


@pytest.mark.parametrize(
    ("events", "message"),
    [
        ([], "第一个事件应为“收到申请”，读到“没有事件”"),
        ([Answered(D("2024-10-01"))], "第一个事件应为“收到申请”，读到“答复”"),
        (
            [Received(D("2024-09-27")), Received(D("2024-09-28"))],
            "收到申请（2024-09-28）：同一申请只能有一个“收到申请”事件",
        ),
        (
            [Received(D("2024-09-27")), ExtensionApproved(D("2024-10-20"), 21)],
            "批准延期（2024-10-20）：延长的期限合计应为1至20个工作日（条例第三十三条第二款），读到合计21个工作日",
        ),
        (
            [
                Received(D("2024-09-27")),
                ExtensionApproved(D("2024-10-20"), 15),
                ExtensionApproved(D("2024-10-25"), 6),
            ],
            "批准延期（2024-10-25）：延长的期限合计应为1至20个工作日（条例第三十三条第二款），读到合计21个工作日",
        ),
        (
            [Received(D("2024-09-27")), PauseEnded(D("2024-10-08"), PauseKind.OTHER_ORGAN)],
            "暂停计算结束（2024-10-08）：没有进行中的“征求其他行政机关意见（条例第三十四条、第三十三条第三款）”，不能结束",
        ),
        (
            [
                Received(D("2024-09-27")),
                CorrectionRequested(D("2024-10-08")),
                CorrectionReceived(D("2024-10-10")),
                CorrectionRequested(D("2024-10-11")),
            ],
            "要求补正（2024-10-11）：补正只能要求一次（条例第三十条：一次性告知）",
        ),
        (
            [Received(D("2024-09-27")), CorrectionReceived(D("2024-10-10"))],
            "收到补正（2024-10-10）：之前没有要求补正，或补正已经处理",
        ),
        (
            [Received(D("2024-09-27")), Answered(D("2024-10-10")), Answered(D("2024-10-11"))],
            "答复（2024-10-11）：案件已结束（已答复），其后不能再有事件",
        ),
    ],
)
def test_inconsistent_events_are_refused(
    events: list[object], message: str, calendar: WorkCalendar
) -> None:
    with pytest.raises(ClockError) as caught:
        compute(events, calendar)  # type: ignore[arg-type]
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"answer_workdays": 0}, "ClockPolicy.answer_workdays：应为正整数，读到 0"),
        (
            {"internal_target_workdays": 25},
            "ClockPolicy.internal_target_workdays：应为1至19之间的整数（早于法定期限），读到 25",
        ),
    ],
)
def test_policy_is_checked_when_built(kwargs: dict[str, int], message: str) -> None:
    with pytest.raises(ClockError) as caught:
        ClockPolicy(**kwargs)  # type: ignore[arg-type]
    assert str(caught.value) == message


def test_today_before_receipt_is_refused(calendar: WorkCalendar) -> None:
    with pytest.raises(ClockError, match="早于收到申请之日"):
        compute([Received(D("2024-09-27"))], calendar, today=D("2024-09-26"))
