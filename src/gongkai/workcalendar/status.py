"""What the back office shows about the calendar: years covered, and the 1 November warning."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .models import YearNotice

WARN_FROM = (11, 1)  # month, day


@dataclass(frozen=True)
class CalendarStatus:
    today: datetime.date
    covered_years: tuple[int, ...]
    warnings: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.warnings


def covered_years() -> set[int]:
    years = set(YearNotice.objects.values_list("year", flat=True))
    try:
        from .calendar import shipped_years
    except ImportError:  # pragma: no cover - before the deadlines library lands
        return years
    return years | shipped_years()


def warnings_for(today: datetime.date, covered: set[int]) -> list[str]:
    found = []
    if today.year not in covered:
        found.append(
            f"{today.year}年的工作日历尚未录入：无法计算法定期限。"
            f"请系统管理员录入《国务院办公厅关于{today.year}年部分节假日安排的通知》。"
        )
    if (today.month, today.day) >= WARN_FROM and today.year + 1 not in covered:
        found.append(
            f"{today.year + 1}年的工作日历尚未录入。国务院办公厅通常在11月至12月发布"
            f"《关于{today.year + 1}年部分节假日安排的通知》，发布后请系统管理员及时录入，"
            "否则跨年的办理期限将无法计算。"
        )
    return found


def calendar_status(today: datetime.date) -> CalendarStatus:
    covered = covered_years()
    return CalendarStatus(
        today=today,
        covered_years=tuple(sorted(covered)),
        warnings=tuple(warnings_for(today, covered)),
    )
