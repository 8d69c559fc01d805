"""``current_calendar()``: the shipped year table plus what administrators entered.

The calendar is built once per process and rebuilt when the database says it changed
(every change writes a ``CalendarChange`` row, whose highest id is the version), so all
gunicorn workers see a change on their next request.
"""

from __future__ import annotations

import threading

from gongkai import deadlines
from gongkai.deadlines import Day, Override, WorkCalendar

from .models import CalendarChange, CalendarOverride, DayKind, YearNotice

_lock = threading.Lock()
_cached: tuple[object, WorkCalendar] | None = None


def shipped_years() -> set[int]:
    """Years the package ships official data for."""
    return {notice.year for notice in deadlines.shipped_notices()}


def notice_source(row: YearNotice) -> str:
    """How a notice is cited in day descriptions: its title and document number."""
    title = row.title if row.title.startswith("《") else f"《{row.title}》"
    return f"{title}（{row.document_number}）" if row.document_number else title


def to_library_notice(row: YearNotice, days: list[CalendarOverride]) -> deadlines.YearNotice:
    """A stored notice and its days as the deadlines library's ``YearNotice``."""
    return deadlines.YearNotice.build(
        row.year,
        notice_source(row),
        holidays=[Day(d.date, d.name) for d in days if d.kind == DayKind.HOLIDAY],
        workdays=[Day(d.date, d.name) for d in days if d.kind == DayKind.WORKDAY],
    )


def to_library_override(row: CalendarOverride) -> Override:
    """A stored stand-alone day as the deadlines library's ``Override``."""
    return Override(row.date, row.kind == DayKind.WORKDAY, row.name, row.reason)


def assemble(
    notice_days: list[tuple[YearNotice, list[CalendarOverride]]],
    standalone: list[CalendarOverride],
) -> WorkCalendar:
    """The calendar for notices with their days plus stand-alone day changes.

    Raises ``deadlines.CalendarDataError`` when the data is inconsistent.
    """
    return WorkCalendar.from_shipped(
        overrides=[to_library_override(d) for d in standalone],
        notices=[to_library_notice(row, days) for row, days in notice_days],
    )


def build_calendar(notices: list[YearNotice], days: list[CalendarOverride]) -> WorkCalendar:
    """The calendar for these stored rows."""
    by_notice: dict[int, list[CalendarOverride]] = {row.pk: [] for row in notices}
    standalone = []
    for day in days:
        if day.notice_id is not None and day.notice_id in by_notice:
            by_notice[day.notice_id].append(day)
        else:
            standalone.append(day)
    return assemble([(row, by_notice[row.pk]) for row in notices], standalone)


def calendar_from_database() -> WorkCalendar:
    return build_calendar(list(YearNotice.objects.all()), list(CalendarOverride.objects.all()))


def _version() -> object:
    """The latest change (id and time: ids can be reused after a rolled-back transaction)."""
    return CalendarChange.objects.order_by("-id").values_list("id", "at").first()


def current_calendar() -> WorkCalendar:
    """The working-day calendar every deadline in the site is computed with."""
    global _cached
    version = _version()
    cached = _cached
    if cached is not None and cached[0] == version:
        return cached[1]
    with _lock:
        built = calendar_from_database()
        _cached = (version, built)
    return built


def invalidate() -> None:
    """Forget the built calendar (called after every committed change)."""
    global _cached
    with _lock:
        _cached = None
