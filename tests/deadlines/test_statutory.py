"""Provisional years: the statutory days off, Article 6's make-up days, and the clock's marks."""

from __future__ import annotations

from datetime import date, timedelta

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.deadlines import (
    Day,
    Received,
    WorkCalendar,
    YearNotice,
    compute,
    provisional_notice,
)
from gongkai.deadlines.statutory import FIRST_YEAR, LAST_YEAR, festival_days

D = date.fromisoformat


@pytest.mark.parametrize("year", range(2008, 2027))
def test_lunar_and_solar_term_days_are_days_off_in_every_shipped_notice(
    year: int, calendar: WorkCalendar
) -> None:
    """The library's 春节 (正月初一至初三), 清明, 端午 and 中秋 fall on days the official
    notices gave off, in every year since those festivals became holidays (2008)."""
    for name, days in festival_days(year):
        if name == "春节":
            days = days[1:]  # 除夕 became a statutory day only in 2025
        if name == "劳动节" and year < 2025:
            days = days[:1]  # one day before the 2025 revision
        for day in days:
            assert not calendar.is_workday(day), f"{year}年{name} {day} 在官方安排中是工作日"


@pytest.mark.parametrize("year", [2025, 2026])
def test_every_statutory_day_is_off_in_the_notices_under_the_2025_rule(
    year: int, calendar: WorkCalendar
) -> None:
    for day in provisional_notice(year).holidays:
        if "补休" not in day.name:
            assert not calendar.is_workday(day.date), (year, day)


def test_lunar_dates_agree_with_the_holidays_package_up_to_2099() -> None:
    # 2100: holidays puts 清明 on 04-04, lunar-python and sxtwl (astronomical) on 04-05.
    for year in range(FIRST_YEAR, LAST_YEAR):
        named = {name: days for name, days in festival_days(year)}
        other = holidays.country_holidays("CN", years=year, language="en_US")
        for name, english in (
            ("春节", "Chinese New Year (Spring Festival)"),
            ("清明节", "Tomb-Sweeping Day"),
            ("端午节", "Dragon Boat Festival"),
            ("中秋节", "Mid-Autumn Festival"),
        ):
            theirs = set(other.get_named(english, lookup="exact"))
            assert named[name][1 if name == "春节" else 0] in theirs, (year, name, theirs)


def test_2027_weekend_spring_festival_is_made_up_on_the_next_working_days() -> None:
    days = {d.date: d.name for d in provisional_notice(2027).holidays}
    # 除夕 Fri 02-05, 初一 Sat 02-06, 初二 Sun 02-07, 初三 Mon 02-08 → Tue and Wed off
    assert [days.get(D(f"2027-02-{d:02d}")) for d in range(5, 12)] == [
        "春节",
        "春节",
        "春节",
        "春节",
        "春节（补休）",
        "春节（补休）",
        None,
    ]
    assert provisional_notice(2027).workdays == ()  # no 调休 without the notice


def test_2028_leap_year_new_year_on_saturday_and_mid_autumn_on_national_day() -> None:
    days = {d.date: d.name for d in provisional_notice(2028).holidays}
    assert days[D("2028-01-03")] == "元旦（补休）"  # 2028-01-01 is a Saturday
    assert [d for d in days if D("2028-01-20") <= d <= D("2028-01-31")] == [
        D("2028-01-25"),
        D("2028-01-26"),
        D("2028-01-27"),
        D("2028-01-28"),
    ]  # 春节 in January: 除夕 Tue to 初三 Fri
    # 中秋 (八月十五) is 2028-10-03, a 国庆 day: the day it shares is made up as well
    assert days[D("2028-10-04")] == "国庆节（补休）"
    assert days[D("2028-10-05")] == "中秋节（补休）"
    assert D("2028-02-29") not in days


@given(st.integers(min_value=FIRST_YEAR, max_value=LAST_YEAR))
def test_each_statutory_day_on_a_weekend_or_shared_gives_one_make_up_weekday(year: int) -> None:
    notice = provisional_notice(year)
    statutory = [day for _, days in festival_days(year) for day in days]
    owed = sum(d.weekday() >= 5 for d in set(statutory)) + len(statutory) - len(set(statutory))
    make_up = [d for d in notice.holidays if d.name.endswith("（补休）")]
    assert len(statutory) == 13
    assert len(make_up) == owed
    assert all(d.date.weekday() < 5 and d.date.year == year for d in make_up)
    assert len(notice.holidays) == len(set(statutory)) + owed


def test_provisional_due_date_and_explanation(calendar: WorkCalendar) -> None:
    state = compute([Received(D("2026-12-31"))], calendar, today=D("2026-12-31"))
    assert state.final_due == D("2027-01-29")
    assert state.provisional_years == (2027,) and state.due_provisional
    assert state.to_dict()["provisional"] is True
    assert state.is_provisional(state.halfway)
    assert "法定答复期限：2027-01-29（星期五）（暂定）（第20个工作日）。" in state.explanation
    assert state.explanation[-1].startswith("注意：2027年的节假日安排（国务院办公厅通知）尚未录入")
    early = compute([Received(D("2026-11-02"))], calendar, today=D("2026-11-02"))
    assert early.provisional_years == () and not early.due_provisional
    assert early.to_dict()["provisional"] is False


def test_a_date_before_the_provisional_year_is_not_provisional(calendar: WorkCalendar) -> None:
    state = compute([Received(D("2026-12-04"))], calendar, today=D("2026-12-04"))
    assert state.due_provisional  # day 20 lies in January 2027
    assert not state.is_provisional(state.correction_deadline)  # 2026-12-15
    assert not state.is_provisional(state.halfway)  # 2026-12-18


def test_entering_the_notice_makes_the_dates_final() -> None:
    notice = YearNotice.build(
        2027,
        "《国务院办公厅关于2027年部分节假日安排的通知》（测试用，日期为虚构）",
        holidays=[Day(D("2027-01-01"), "元旦"), Day(D("2027-01-04"), "元旦")],
    )
    calendar = WorkCalendar.from_shipped(notices=[notice])
    state = compute([Received(D("2026-12-31"))], calendar, today=D("2026-12-31"))
    assert state.final_due == D("2027-02-01") and not state.due_provisional
    assert not any("暂定" in line for line in state.explanation)


def test_strict_calendar_gives_no_provisional_year() -> None:
    strict = WorkCalendar.from_shipped(strict=True)
    assert not strict.is_provisional(2027)
    assert strict.add_workdays(D("2026-11-02"), 20) == D("2026-11-30")


def test_provisional_years_are_laid_out_only_when_reached() -> None:
    calendar = WorkCalendar.from_shipped()
    assert calendar.provisional_years == ()
    assert calendar.add_workdays(D("2030-12-20"), 20) == D("2031-01-20")
    assert calendar.provisional_years == (2030, 2031)
    # a later query across the gap lays the years between out as well
    start = D("2026-12-01")
    assert calendar.count_workdays(start, start + timedelta(days=800)) > 500
    assert calendar.provisional_years == (2027, 2028, 2029, 2030, 2031)


def test_a_sparse_layout_gives_the_same_answers_as_a_full_one() -> None:
    """A month view of 2030 lays out only that year; arithmetic from 2026 still fills the gap."""
    sparse = WorkCalendar.from_shipped()
    sparse.day(D("2030-03-01"))
    assert sparse.provisional_years == (2030,)
    assert sparse.add_workdays(D("2026-12-20"), 20) == D("2027-01-18")
    assert sparse.count_workdays(
        D("2026-12-20"), D("2030-03-01")
    ) == WorkCalendar.from_shipped().count_workdays(D("2026-12-20"), D("2030-03-01"))
    holidays_2028 = [d.date for d in sparse.special_days(D("2027-12-31"), D("2028-12-31"))]
    assert D("2028-01-26") in holidays_2028 and all(d.year == 2028 for d in holidays_2028)
