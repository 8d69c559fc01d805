"""What the back office shows about the calendar: years covered, and the 1 November warning."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from gongkai.deadlines import coverage_warning

from .calendar import current_calendar


@dataclass(frozen=True)
class CalendarStatus:
    today: datetime.date
    covered_years: tuple[int, ...]
    warnings: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.warnings

    @property
    def covered_span(self) -> str:
        """E.g. ``2004—2026年``, or the years listed when there are gaps."""
        years = self.covered_years
        if not years:
            return "无"
        if list(years) == list(range(years[0], years[-1] + 1)):
            return f"{years[0]}—{years[-1]}年" if len(years) > 1 else f"{years[0]}年"
        return "、".join(str(y) for y in years) + "年"


def calendar_status(today: datetime.date) -> CalendarStatus:
    calendar = current_calendar()
    warning = coverage_warning(today, calendar)
    return CalendarStatus(
        today=today,
        covered_years=calendar.covered_years,
        warnings=(warning,) if warning else (),
    )
