"""Calendar changes: validated, logged with their reason, announced, and visible at once."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from gongkai.deadlines import CalendarNotCovered
from gongkai.workcalendar import services
from gongkai.workcalendar.calendar import current_calendar, shipped_years
from gongkai.workcalendar.models import CalendarChange, CalendarOverride, DayKind, YearNotice
from gongkai.workcalendar.services import DayEntry
from gongkai.workcalendar.signals import calendar_changed

pytestmark = pytest.mark.django_db

D = datetime.date
H, W = DayKind.HOLIDAY, DayKind.WORKDAY

# A made-up arrangement for a year the package does not ship (test data, not an official notice).
DAYS_2027 = [
    DayEntry(D(2027, 1, 1), H, "元旦"),
    DayEntry(D(2027, 2, 6), H, "春节"),
    DayEntry(D(2027, 2, 7), H, "春节"),
    DayEntry(D(2027, 2, 8), H, "春节"),
    DayEntry(D(2027, 2, 9), H, "春节"),
    DayEntry(D(2027, 2, 20), W, "春节"),  # a Saturday
]


@pytest.fixture
def received() -> Any:
    calls: list[dict[str, Any]] = []

    def receiver(sender: Any, **kwargs: Any) -> None:
        calls.append(kwargs)

    calendar_changed.connect(receiver)
    yield calls
    calendar_changed.disconnect(receiver)


def enter_2027(**overrides: Any) -> CalendarChange:
    args: dict[str, Any] = {
        "year": 2027,
        "title": "测试用2027年部分节假日安排",
        "document_number": "测试〔2026〕1号",
        "published_on": D(2026, 11, 5),
        "days": DAYS_2027,
        "by": None,
    }
    args.update(overrides)
    return services.enter_notice(**args)


def test_shipped_years_are_covered_and_next_year_is_provisional() -> None:
    assert {2019, 2024, 2025, 2026} <= shipped_years()
    calendar = current_calendar()
    assert calendar.is_workday(D(2026, 1, 5))
    assert not calendar.is_covered(2027) and calendar.is_provisional(2027)
    day = calendar.day(D(2027, 1, 1))
    assert not day.is_workday and day.provisional
    with pytest.raises(CalendarNotCovered) as info:
        calendar.is_workday(D(2003, 3, 1))  # before the statutory rule can compute
    assert "2003年的节假日安排尚未录入" in str(info.value)


def test_entering_a_notice_covers_the_year_and_announces_it(
    received: list[dict[str, Any]], django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        change = enter_2027()
    calendar = current_calendar()
    assert calendar.is_covered(2027)
    assert not calendar.is_workday(D(2027, 2, 8))  # a Monday off
    assert calendar.is_workday(D(2027, 2, 20))  # a Saturday worked
    assert change.reason == "录入《测试用2027年部分节假日安排》（测试〔2026〕1号）"
    assert change.summary.endswith("放假5天，调休上班1天")
    assert len(received) == 1
    assert received[0]["change"] == change
    assert received[0]["years"] == [2027]
    assert D(2027, 2, 8) in received[0]["dates"]


def test_a_bad_notice_writes_nothing() -> None:
    bad = [*DAYS_2027, DayEntry(D(2027, 3, 3), W, "春节")]  # a Wednesday "worked instead"
    with pytest.raises(ValidationError) as info:
        enter_2027(days=bad)
    assert info.value.messages == [
        "2027年节假日安排：调休上班日应为星期六或星期日，读到 2027-03-03（星期三）"
    ]
    assert not YearNotice.objects.exists()
    assert not CalendarOverride.objects.exists()
    assert not CalendarChange.objects.exists()


def test_replacing_a_notice_reports_only_the_days_that_changed(
    received: list[dict[str, Any]], django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        enter_2027()
        enter_2027(days=[*DAYS_2027, DayEntry(D(2027, 2, 10), H, "春节")], reason="补录遗漏的一天")
    assert received[1]["dates"] == [D(2027, 2, 10)]
    assert received[1]["years"] == []
    assert received[1]["change"].reason == "补录遗漏的一天"
    assert not current_calendar().is_workday(D(2027, 2, 10))
    assert CalendarOverride.objects.filter(notice__year=2027).count() == 7


def test_a_local_festival_changes_one_day_and_is_logged(
    received: list[dict[str, Any]], django_capture_on_commit_callbacks: Any
) -> None:
    day = D(2026, 4, 20)  # a Monday
    assert current_calendar().is_workday(day)
    with django_capture_on_commit_callbacks(execute=True):
        services.set_override(
            date=day, kind=H, name="壮族三月三", reason="自治区人民政府通知", by=None
        )
    assert not current_calendar().is_workday(day)
    assert "本地调整为休息日：壮族三月三" in current_calendar().day(day).describe()
    assert received[-1]["dates"] == [day]
    assert received[-1]["change"].summary == "2026-04-20 调整为休息日：壮族三月三"
    with django_capture_on_commit_callbacks(execute=True):
        services.remove_override(date=day, reason="录入有误", by=None)
    assert current_calendar().is_workday(day)
    assert [c.reason for c in CalendarChange.objects.order_by("id")] == [
        "自治区人民政府通知",
        "录入有误",
    ]


def test_a_change_needs_a_reason() -> None:
    with pytest.raises(ValidationError) as info:
        services.set_override(date=D(2026, 4, 20), kind=H, name="节日", reason=" ", by=None)
    assert "请写明" in info.value.messages[0]
    assert not CalendarOverride.objects.exists()


def test_notice_days_cannot_collide_with_a_standalone_change() -> None:
    services.set_override(date=D(2027, 1, 1), kind=H, name="本地节日", reason="本地通知", by=None)
    with pytest.raises(ValidationError) as info:
        enter_2027()
    assert info.value.messages[0].startswith("2027-01-01 已有日历调整")
    assert not YearNotice.objects.exists()
