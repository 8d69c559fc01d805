"""The back office's warning when next year's holiday notice has not been entered."""

from __future__ import annotations

from datetime import date

from .calendar import WorkCalendar

WARN_FROM_MONTH = 11  # the State Council usually publishes in November or December


def coverage_warning(today: date, calendar: WorkCalendar) -> str | None:
    """A Chinese warning when this year, or (from 1 November) next year, is not covered."""
    if not calendar.is_covered(today.year):
        return (
            f"本年度（{today.year}年）的节假日安排尚未录入，{_meanwhile(calendar, today.year)}"
            f"请立即在“工作日历”中录入《国务院办公厅关于{today.year}年部分节假日安排的通知》。"
        )
    coming = today.year + 1
    if today.month >= WARN_FROM_MONTH and not calendar.is_covered(coming):
        return (
            f"{coming}年的节假日安排尚未录入：国务院办公厅通常在11月至12月发布"
            f"《国务院办公厅关于{coming}年部分节假日安排的通知》，发布后请在“工作日历”中录入。"
            f"录入之前，{_meanwhile(calendar, coming)}"
        )
    return None


def _meanwhile(calendar: WorkCalendar, year: int) -> str:
    if calendar.is_provisional(year):
        return f"涉及{year}年的期限按法定节假日暂定计算（不含调休），并标为“暂定”，录入后自动重新计算。"
    return f"涉及{year}年的期限无法计算，系统不会猜测。"
