"""A minimal next-year notice the workcalendar tests enter to make 2027 covered."""

from __future__ import annotations

import datetime

from gongkai.workcalendar import services
from gongkai.workcalendar.models import CalendarChange, DayKind
from gongkai.workcalendar.services import DayEntry


def enter_minimal_2027() -> CalendarChange:
    """Enter a 2027 notice with 元旦 only (a test stand-in, not the real arrangement)."""
    return services.enter_notice(
        year=2027,
        title="测试用2027年部分节假日安排",
        document_number="",
        published_on=None,
        days=[DayEntry(datetime.date(2027, 1, 1), DayKind.HOLIDAY, "元旦")],
        by=None,
    )
