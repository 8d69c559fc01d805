"""The only code that writes the calendar: validate, write, log why, announce.

Every function runs in one transaction, refuses data the deadlines library would refuse
(nothing is half-written), writes a ``CalendarChange`` row with the reason, and after the
commit forgets the cached calendar and sends ``signals.calendar_changed``.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from gongkai import deadlines

from . import calendar
from .models import CalendarAction, CalendarChange, CalendarOverride, DayKind, YearNotice
from .signals import calendar_changed


@dataclass(frozen=True)
class DayEntry:
    """One day as entered: a date, holiday or working day, and its name (e.g. 春节)."""

    date: datetime.date
    kind: str
    name: str


def _status_map(cal: deadlines.WorkCalendar, years: Iterable[int]) -> dict[datetime.date, bool]:
    status = {}
    for year in years:
        if not cal.is_covered(year):
            continue
        day = datetime.date(year, 1, 1)
        while day.year == year:
            status[day] = cal.is_workday(day)
            day += datetime.timedelta(days=1)
    return status


def _changed_dates(
    before: deadlines.WorkCalendar, after: deadlines.WorkCalendar, years: set[int]
) -> list[datetime.date]:
    old, new = _status_map(before, years), _status_map(after, years)
    return sorted(d for d in old.keys() | new.keys() if old.get(d) != new.get(d))


def _check(notices: list[YearNotice], days: list[CalendarOverride]) -> deadlines.WorkCalendar:
    try:
        return calendar.build_calendar(notices, days)
    except deadlines.CalendarDataError as exc:
        raise ValidationError(str(exc), code="calendar_data") from exc


def _record(
    by: Any,
    action: CalendarAction,
    reason: str,
    summary: str,
    dates: list[datetime.date],
    years: set[int],
) -> CalendarChange:
    if not reason.strip():
        raise ValidationError(
            "请写明变更原因（如：录入国务院办公厅通知、本地民族节日）。", code="reason"
        )
    change = CalendarChange.objects.create(
        actor=_user(by),
        action=action,
        reason=reason.strip(),
        summary=summary,
        dates=[d.isoformat() for d in dates],
    )

    def announce() -> None:
        calendar.invalidate()
        calendar_changed.send(
            sender=CalendarChange, change=change, dates=dates, years=sorted(years)
        )

    transaction.on_commit(announce)
    return change


def _rows() -> tuple[list[YearNotice], list[CalendarOverride]]:
    return list(YearNotice.objects.all()), list(CalendarOverride.objects.all())


def _user(by: Any) -> Any:
    return by if getattr(by, "pk", None) else None


@transaction.atomic
def enter_notice(
    *,
    year: int,
    title: str,
    document_number: str,
    published_on: datetime.date | None,
    days: list[DayEntry],
    by: Any,
    reason: str = "",
) -> CalendarChange:
    """Enter (or replace) one year's State Council notice with all its days."""
    notices, rows = _rows()
    before = calendar.build_calendar(notices, rows)
    existing = next((n for n in notices if n.year == year), None)
    notice = existing or YearNotice(year=year, entered_by=_user(by))
    notice.title = title
    notice.document_number = document_number
    notice.published_on = published_on
    others = [r for r in rows if existing is None or r.notice_id != existing.pk]
    taken = {r.date: r for r in others}
    clashes = [d for d in days if d.date in taken]
    if clashes:
        raise ValidationError(
            "；".join(
                f"{d.date.isoformat()} 已有日历调整（{taken[d.date]}），请先处理" for d in clashes
            ),
            code="clash",
        )
    new_days = [
        CalendarOverride(
            date=d.date,
            kind=d.kind,
            name=d.name,
            reason=f"{year}年放假安排通知",
            entered_by=_user(by),
        )
        for d in days
    ]
    pairs = [(n, [r for r in others if r.notice_id == n.pk]) for n in notices if n.year != year]
    standalone = [r for r in others if r.notice_id is None]
    try:
        after = calendar.assemble([*pairs, (notice, new_days)], standalone)
    except deadlines.CalendarDataError as exc:
        raise ValidationError(str(exc), code="calendar_data") from exc
    notice.save()
    CalendarOverride.objects.filter(notice=notice).delete()
    for d in new_days:
        d.notice = notice
    CalendarOverride.objects.bulk_create(new_days)
    changed = _changed_dates(before, after, {year - 1, year})
    verb = "更新" if existing else "录入"
    summary = (
        f"{verb}{year}年放假安排：{calendar.notice_source(notice)}，"
        f"放假{sum(d.kind == DayKind.HOLIDAY for d in days)}天，"
        f"调休上班{sum(d.kind == DayKind.WORKDAY for d in days)}天"
    )
    newly_covered = set() if existing or year in calendar.shipped_years() else {year}
    action = CalendarAction.NOTICE_UPDATED if existing else CalendarAction.NOTICE_ENTERED
    return _record(
        by,
        action,
        reason or f"{verb}{calendar.notice_source(notice)}",
        summary,
        changed,
        newly_covered,
    )


@transaction.atomic
def set_override(
    *, date: datetime.date, kind: str, name: str, reason: str, by: Any
) -> CalendarChange:
    """Make one day a holiday or a working day (local festival, ad hoc change)."""
    notices, rows = _rows()
    before = calendar.build_calendar(notices, rows)
    existing = next((r for r in rows if r.date == date), None)
    if existing is not None and existing.notice is not None:
        raise ValidationError(
            f"{date.isoformat()} 属于{existing.notice.year}年放假安排通知（{existing.name}），"
            "请在该通知中修改",
            code="clash",
        )
    row = existing or CalendarOverride(date=date)
    row.kind, row.name, row.reason = kind, name, reason
    row.entered_by = _user(by)
    after = _check(notices, [r for r in rows if r.date != date] + [row])
    row.full_clean(exclude=["notice", "entered_by"], validate_unique=False)
    row.save()
    changed = _changed_dates(before, after, {date.year})
    label = "工作日" if kind == DayKind.WORKDAY else "休息日"
    summary = f"{date.isoformat()} 调整为{label}：{name}"
    return _record(by, CalendarAction.DAY_SET, reason, summary, changed, set())


@transaction.atomic
def remove_override(*, date: datetime.date, reason: str, by: Any) -> CalendarChange:
    """Remove a stand-alone day change (notice days change with their notice)."""
    row = CalendarOverride.objects.filter(date=date, notice__isnull=True).first()
    if row is None:
        raise ValidationError(f"{date.isoformat()} 没有可删除的单独日历调整", code="missing")
    notices, rows = _rows()
    before = calendar.build_calendar(notices, rows)
    after = _check(notices, [r for r in rows if r.pk != row.pk])
    row.delete()
    changed = _changed_dates(before, after, {date.year})
    summary = f"删除 {date.isoformat()} 的日历调整（{row.name}）"
    return _record(by, CalendarAction.DAY_REMOVED, reason, summary, changed, set())
