"""WorkCalendar: days, arithmetic, coverage, notices entered later and local overrides."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.deadlines import (
    CalendarDataError,
    CalendarNotCovered,
    Day,
    DayKind,
    Override,
    WorkCalendar,
    YearNotice,
    coverage_warning,
    shipped_notices,
)

D = date.fromisoformat

NOTICE_2027 = YearNotice.build(
    2027,
    "《国务院办公厅关于2027年部分节假日安排的通知》（测试用，日期为虚构）",
    holidays=[Day(D("2027-01-01"), "元旦"), D("2027-02-05"), D("2027-02-08")],
    workdays=[Day(D("2027-02-06"), "春节")],
)


@pytest.mark.parametrize(
    ("day", "workday", "kind", "name"),
    [
        ("2024-09-27", True, DayKind.WEEKDAY, ""),
        ("2024-09-28", False, DayKind.WEEKEND, ""),
        ("2024-09-29", True, DayKind.ADJUSTED_WORKDAY, "国庆节"),
        ("2024-10-01", False, DayKind.HOLIDAY, "国庆节"),
        ("2024-10-12", True, DayKind.ADJUSTED_WORKDAY, "国庆节"),
        ("2018-12-29", True, DayKind.ADJUSTED_WORKDAY, "元旦"),  # from the 2019 notice
        ("2005-12-31", True, DayKind.ADJUSTED_WORKDAY, "元旦"),  # corrected against the 2006 notice
        ("2020-01-31", False, DayKind.HOLIDAY, "春节"),  # the 2020 extension
        ("2020-02-01", False, DayKind.HOLIDAY, "春节"),
        ("2026-02-14", True, DayKind.ADJUSTED_WORKDAY, "春节"),
        ("2026-02-23", False, DayKind.HOLIDAY, "春节"),
        ("2026-01-04", True, DayKind.ADJUSTED_WORKDAY, "元旦"),
    ],
)
def test_days(day: str, workday: bool, kind: DayKind, name: str, calendar: WorkCalendar) -> None:
    info = calendar.day(D(day))
    assert (info.is_workday, info.kind, info.name) == (workday, kind, name)
    assert calendar.is_workday(D(day)) is workday


def test_day_describes_itself(calendar: WorkCalendar) -> None:
    assert calendar.day(D("2024-10-01")).describe() == (
        "2024-10-01（星期二）：国庆节放假，休息日（依据：《国务院办公厅关于2024年部分节假日安排的通知》"
        "（国办发明电〔2023〕7号，2023-10-25））"
    )


@pytest.mark.parametrize(
    ("start", "n", "end"),
    [
        ("2024-09-27", 0, "2024-09-27"),
        ("2024-09-27", 1, "2024-09-29"),
        ("2024-09-30", 1, "2024-10-08"),
        ("2024-10-05", 1, "2024-10-08"),
        ("2025-12-31", 1, "2026-01-04"),  # across a year end onto a 调休 Sunday
        ("2025-09-26", 20, "2025-10-30"),
    ],
)
def test_add_and_count(start: str, n: int, end: str, calendar: WorkCalendar) -> None:
    assert calendar.add_workdays(D(start), n) == D(end)
    assert calendar.count_workdays(D(start), D(end)) == n
    assert calendar.count_workdays(D(end), D(start)) == -n


def test_strict_calendar_refuses_an_uncovered_year_naming_it() -> None:
    calendar = WorkCalendar.from_shipped(strict=True)
    message = (
        "2027年的节假日安排尚未录入：请在“工作日历”中录入国务院办公厅关于2027年部分节假日安排的通知，"
        "系统不会猜测"
    )
    for call in (
        lambda: calendar.is_workday(D("2027-03-01")),
        lambda: calendar.add_workdays(D("2026-12-20"), 20),
        lambda: calendar.count_workdays(D("2026-12-20"), D("2027-01-10")),
    ):
        with pytest.raises(CalendarNotCovered) as caught:
            call()
        assert str(caught.value) == message
        assert caught.value.year == 2027
    with pytest.raises(CalendarNotCovered, match=r"^2003年"):
        calendar.add_workdays(D("2003-12-30"), 1)


def test_years_the_statutory_rule_cannot_compute_are_refused_even_when_lenient(
    calendar: WorkCalendar,
) -> None:
    assert not calendar.strict
    with pytest.raises(CalendarNotCovered, match=r"^2003年"):
        calendar.add_workdays(D("2003-12-30"), 1)
    with pytest.raises(CalendarNotCovered, match=r"^2101年"):
        calendar.is_workday(D("2101-03-01"))


def test_uncovered_year_is_provisional_by_default(calendar: WorkCalendar) -> None:
    assert calendar.is_provisional(2027) and not calendar.is_provisional(2026)
    # 2026-12-31 (Thu) + 1: 2027-01-01 元旦 (Fri) is a statutory day off → Monday 01-04
    assert calendar.add_workdays(D("2026-12-31"), 1) == D("2027-01-04")
    assert calendar.count_workdays(D("2026-12-20"), D("2027-01-10")) == 14
    info = calendar.day(D("2027-01-01"))
    assert (info.is_workday, info.kind, info.name, info.provisional) == (
        False,
        DayKind.HOLIDAY,
        "元旦",
        True,
    )
    assert "暂定" in info.describe() and "全国年节及纪念日放假办法" in info.describe()
    assert calendar.day(D("2027-01-04")).provisional
    assert not calendar.day(D("2026-12-31")).provisional
    assert 2027 in calendar.provisional_years and not calendar.is_covered(2027)


def test_shipped_table_covers_2004_to_2026(calendar: WorkCalendar) -> None:
    assert calendar.covered_years == tuple(range(2004, 2027))
    assert calendar.is_covered(2026) and not calendar.is_covered(2027)
    assert all(n.source.startswith(f"《国务院办公厅关于{n.year}年") for n in shipped_notices())


def test_entered_notice_covers_a_new_year() -> None:
    calendar = WorkCalendar.from_shipped(notices=[NOTICE_2027])
    assert calendar.covered_years[-1] == 2027
    assert calendar.is_workday(D("2027-02-06")) is True  # Saturday worked
    assert calendar.is_workday(D("2027-02-05")) is False
    # 2026-12-31 (Thu) + 1 → 2027-01-01 is off, 01-02/03 weekend → Monday 01-04
    assert calendar.add_workdays(D("2026-12-31"), 1) == D("2027-01-04")
    assert calendar.fingerprint() != WorkCalendar.from_shipped().fingerprint()


def test_entered_notice_replaces_the_shipped_year() -> None:
    replacement = YearNotice.build(2024, "本地更正（测试）", holidays=[D("2024-10-08")])
    calendar = WorkCalendar.from_shipped(notices=[replacement])
    assert calendar.is_workday(D("2024-10-08")) is False
    assert calendar.is_workday(D("2024-10-01")) is True  # the replaced notice is gone
    assert calendar.notice(2024) == replacement


def test_a_gap_between_covered_years_is_an_error_in_strict_mode() -> None:
    notice_2028 = YearNotice.build(2028, "测试用2028年安排")
    calendar = WorkCalendar.from_shipped(notices=[notice_2028], strict=True)
    assert calendar.is_workday(D("2028-03-01")) is True
    with pytest.raises(CalendarNotCovered, match=r"^2027年"):
        calendar.add_workdays(D("2026-12-20"), 20)


def test_a_gap_between_covered_years_is_provisional_by_default() -> None:
    notice_2028 = YearNotice.build(2028, "测试用2028年安排")
    calendar = WorkCalendar.from_shipped(notices=[notice_2028])
    assert calendar.provisional_years == (2027,)
    assert calendar.add_workdays(D("2026-12-31"), 1) == D("2027-01-04")
    assert calendar.is_workday(D("2028-01-03")) is True  # the entered 2028 notice rules


@pytest.mark.parametrize(
    ("override", "day", "n", "end"),
    [
        # a local festival on Monday 2024-10-14 moves day 20 from 10-30 to 10-31
        (
            Override(D("2024-10-14"), False, "古尔邦节放假", "某自治州人民政府通知"),
            "2024-09-27",
            20,
            "2024-10-31",
        ),
        # a worked Saturday 2024-10-19 moves it a day earlier
        (
            Override(D("2024-10-19"), True, "临时调休上班", "本机关通知"),
            "2024-09-27",
            20,
            "2024-10-29",
        ),
    ],
)
def test_overrides(override: Override, day: str, n: int, end: str) -> None:
    calendar = WorkCalendar.from_shipped(overrides=[override])
    assert calendar.add_workdays(D(day), n) == D(end)
    info = calendar.day(override.date)
    assert info.kind is DayKind.OVERRIDE and info.name == override.reason


def test_override_alone_does_not_cover_a_year() -> None:
    override = Override(D("2027-01-04"), False, "测试")
    strict = WorkCalendar.from_shipped(overrides=[override], strict=True)
    assert not strict.is_covered(2027)
    with pytest.raises(CalendarNotCovered):
        strict.is_workday(D("2027-01-04"))
    lenient = WorkCalendar.from_shipped(overrides=[override])
    assert not lenient.is_covered(2027)
    info = lenient.day(D("2027-01-04"))
    assert info.kind is DayKind.OVERRIDE and not info.is_workday and info.provisional


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (
            lambda: YearNotice.build(2027, " "),
            "2027年节假日安排：应写明依据（通知标题、文号或发布日期），读到空白；系统不接受来源不明的日历",
        ),
        (
            lambda: YearNotice.build(2027, "x", holidays=[D("2028-01-01")]),
            "2027年节假日安排：放假日期应在2026-12-01至2027-12-31之间，读到 2028-01-01",
        ),
        (
            lambda: YearNotice.build(2027, "x", workdays=[D("2027-02-08")]),
            "2027年节假日安排：调休上班日应为星期六或星期日，读到 2027-02-08（星期一）",
        ),
        (
            lambda: YearNotice.build(
                2027, "x", holidays=[D("2027-02-06")], workdays=[D("2027-02-06")]
            ),
            "2027年节假日安排：2027-02-06 重复出现（已列为放假）",
        ),
        (
            lambda: Override(D("2027-01-04"), True, ""),
            "工作日历调整 2027-01-04：应写明调整原因（如“古尔邦节放假”），读到空白",
        ),
        (
            lambda: WorkCalendar([NOTICE_2027, NOTICE_2027]),
            "2027年节假日安排：同一年份给出了两份节假日安排，应只保留一份",
        ),
    ],
)
def test_bad_calendar_data_is_refused(build: object, message: str) -> None:
    with pytest.raises(CalendarDataError) as caught:
        build()  # type: ignore[operator]
    assert str(caught.value) == message


def test_notice_and_override_round_trip() -> None:
    assert YearNotice.from_dict(NOTICE_2027.to_dict()) == NOTICE_2027
    override = Override(D("2024-10-14"), False, "古尔邦节放假", "某自治州人民政府通知")
    assert Override.from_dict(override.to_dict()) == override


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        ("2026-10-31", None),
        (
            "2026-11-01",
            "2027年的节假日安排尚未录入：国务院办公厅通常在11月至12月发布《国务院办公厅关于2027年部分节假日安排的通知》，"
            "发布后请在“工作日历”中录入。录入之前，涉及2027年的期限按法定节假日暂定计算（不含调休），"
            "并标为“暂定”，录入后自动重新计算。",
        ),
        (
            "2027-01-05",
            "本年度（2027年）的节假日安排尚未录入，涉及2027年的期限按法定节假日暂定计算（不含调休），"
            "并标为“暂定”，录入后自动重新计算。请立即在“工作日历”中录入"
            "《国务院办公厅关于2027年部分节假日安排的通知》。",
        ),
        ("2025-12-15", None),
    ],
)
def test_coverage_warning(today: str, expected: str | None, calendar: WorkCalendar) -> None:
    assert coverage_warning(D(today), calendar) == expected


def test_coverage_warning_in_strict_mode_says_nothing_is_guessed() -> None:
    warning = coverage_warning(D("2026-11-01"), WorkCalendar.from_shipped(strict=True))
    assert warning is not None and warning.endswith("涉及2027年的期限无法计算，系统不会猜测。")


def test_coverage_warning_stops_once_the_notice_is_entered() -> None:
    calendar = WorkCalendar.from_shipped(notices=[NOTICE_2027])
    assert coverage_warning(D("2026-11-20"), calendar) is None
