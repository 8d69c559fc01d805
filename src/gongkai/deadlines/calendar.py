"""``WorkCalendar``: which days are working days in mainland China, and arithmetic on them.

A day is a working day when

1. an ``Override`` for that date says so (local festival, ad hoc change), else
2. a ``YearNotice`` lists it as a day off (not a working day) or as a 调休 working
   weekend day (a working day), else
3. it is Monday to Friday.

Only years with a notice are *covered*; asking about any other year raises
``CalendarNotCovered`` (the calendar never assumes an ordinary week for a year the State
Council has not announced yet).

Counting convention, used everywhere in this library:

* ``add_workdays(d, n)`` is the n-th working day *after* ``d`` (``d`` itself never
  counts; ``n = 0`` gives ``d``);
* ``count_workdays(a, b)`` is the number of working days in ``(a, b]``, i.e. after ``a``
  up to and including ``b``; so ``count_workdays(d, add_workdays(d, n)) == n``.

Both are O(log n): the constructor lays the working days of all covered years out as a
sorted array of ordinals and the queries bisect it.
"""

from __future__ import annotations

import hashlib
import json
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from .errors import CalendarDataError, CalendarNotCovered
from .notices import Override, YearNotice
from .table import shipped_notices

WEEKDAY_NAMES = "一二三四五六日"


def format_date(day: date) -> str:
    """``2024-10-30（星期三）``: the date as every message of this library writes it."""
    return f"{day.isoformat()}（星期{WEEKDAY_NAMES[day.weekday()]}）"


class DayKind(StrEnum):
    """Why a day is or is not a working day."""

    WEEKDAY = "weekday"  # Monday–Friday, nothing special
    WEEKEND = "weekend"  # Saturday/Sunday, nothing special
    HOLIDAY = "holiday"  # a day off in the year's notice
    ADJUSTED_WORKDAY = "adjusted_workday"  # a weekend day worked under the notice (调休上班)
    OVERRIDE = "override"  # changed by a local override


@dataclass(frozen=True)
class DayInfo:
    """One day of the calendar with its reason and source."""

    date: date
    is_workday: bool
    kind: DayKind
    name: str = ""
    source: str = ""

    def describe(self) -> str:
        """E.g. ``2024-10-01（星期二）：国庆节放假，休息日（依据：《…》）``."""
        status = "工作日" if self.is_workday else "休息日"
        if self.kind is DayKind.WEEKDAY:
            what = "工作日"
        elif self.kind is DayKind.WEEKEND:
            what = "周末，休息日"
        elif self.kind is DayKind.HOLIDAY:
            what = f"{self.name}放假，休息日"
        elif self.kind is DayKind.ADJUSTED_WORKDAY:
            what = f"{self.name}调休上班，工作日"
        else:
            what = f"本地调整为{status}：{self.name}"
        source = f"（依据：{self.source}）" if self.source else ""
        return f"{format_date(self.date)}：{what}{source}"


class WorkCalendar:
    """Working days from year notices plus single-day overrides; see the module docstring."""

    def __init__(self, notices: Iterable[YearNotice], overrides: Iterable[Override] = ()) -> None:
        by_year: dict[int, YearNotice] = {}
        for notice in notices:
            if notice.year in by_year:
                raise CalendarDataError(
                    "同一年份给出了两份节假日安排，应只保留一份", where=f"{notice.year}年节假日安排"
                )
            by_year[notice.year] = notice
        by_date: dict[date, Override] = {}
        for override in overrides:
            if override.date in by_date:
                raise CalendarDataError(
                    "同一日期有两条调整，应只保留一条",
                    where=f"工作日历调整 {override.date.isoformat()}",
                )
            by_date[override.date] = override
        self._notices = dict(sorted(by_year.items()))
        self._overrides = dict(sorted(by_date.items()))
        self._covered = tuple(self._notices)
        self._covered_set = frozenset(self._covered)
        self._special: dict[date, DayInfo] = {}
        for notice in self._notices.values():
            for day in notice.holidays:
                self._special[day.date] = DayInfo(
                    day.date, False, DayKind.HOLIDAY, day.name, notice.source
                )
            for day in notice.workdays:
                self._special[day.date] = DayInfo(
                    day.date, True, DayKind.ADJUSTED_WORKDAY, day.name, notice.source
                )
        for override in self._overrides.values():
            self._special[override.date] = DayInfo(
                override.date,
                override.is_workday,
                DayKind.OVERRIDE,
                override.reason,
                override.source,
            )
        self._special_sorted = sorted(self._special.items())
        self._special_keys = [d.toordinal() for d, _ in self._special_sorted]
        self._ordinals = self._lay_out()

    @classmethod
    def from_shipped(
        cls, overrides: Iterable[Override] = (), notices: Iterable[YearNotice] = ()
    ) -> WorkCalendar:
        """The shipped table, with ``notices`` entered in the database replacing or adding years."""
        entered = {n.year: n for n in notices}
        merged = [n for n in shipped_notices() if n.year not in entered]
        return cls([*merged, *entered.values()], overrides)

    def _lay_out(self) -> list[int]:
        ordinals: list[int] = []
        for year in self._covered:
            day = date(year, 1, 1)
            while day.year == year:
                if self._is_workday_unchecked(day):
                    ordinals.append(day.toordinal())
                day += timedelta(days=1)
        return ordinals

    def _is_workday_unchecked(self, day: date) -> bool:
        info = self._special.get(day)
        return info.is_workday if info is not None else day.weekday() < 5

    # --- coverage -------------------------------------------------------------------

    @property
    def covered_years(self) -> tuple[int, ...]:
        """The years with an entered notice, ascending."""
        return self._covered

    def is_covered(self, year: int) -> bool:
        return year in self._covered_set

    def notice(self, year: int) -> YearNotice | None:
        return self._notices.get(year)

    @property
    def notices(self) -> tuple[YearNotice, ...]:
        return tuple(self._notices.values())

    @property
    def overrides(self) -> tuple[Override, ...]:
        return tuple(self._overrides.values())

    def require(self, first_year: int, last_year: int | None = None) -> None:
        """Raise ``CalendarNotCovered`` for the first year of the span without a notice."""
        for year in range(first_year, (first_year if last_year is None else last_year) + 1):
            if year not in self._covered_set:
                raise CalendarNotCovered(year, self._covered)

    def _first_uncovered_from(self, year: int) -> int:
        while year in self._covered_set:
            year += 1
        return year

    def fingerprint(self) -> str:
        """A short stable digest of the notices and overrides: it changes when they change."""
        payload = json.dumps(
            [[n.to_dict() for n in self.notices], [o.to_dict() for o in self.overrides]],
            ensure_ascii=False,
            sort_keys=True,
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]

    # --- single days ----------------------------------------------------------------

    def day(self, day: date) -> DayInfo:
        """The day with its kind, festival or override reason and source."""
        self.require(day.year)
        info = self._special.get(day)
        if info is not None:
            return info
        if day.weekday() < 5:
            return DayInfo(day, True, DayKind.WEEKDAY)
        return DayInfo(day, False, DayKind.WEEKEND)

    def is_workday(self, day: date) -> bool:
        self.require(day.year)
        return self._is_workday_unchecked(day)

    def special_days(self, after: date, until: date) -> list[DayInfo]:
        """Holidays, 调休 working days and overrides in ``(after, until]``, ascending."""
        self.require(after.year, until.year)
        lo = bisect_right(self._special_keys, after.toordinal())
        hi = bisect_right(self._special_keys, until.toordinal())
        return [info for _, info in self._special_sorted[lo:hi]]

    # --- arithmetic -----------------------------------------------------------------

    def add_workdays(self, start: date, n: int) -> date:
        """The ``n``-th working day after ``start`` (``start`` itself never counts)."""
        if n < 0:
            raise ValueError(f"工作日数应为非负整数，读到 {n}")
        self.require(start.year)
        if n == 0:
            return start
        index = bisect_right(self._ordinals, start.toordinal()) + n - 1
        if index >= len(self._ordinals):
            raise CalendarNotCovered(self._first_uncovered_from(start.year), self._covered)
        result = date.fromordinal(self._ordinals[index])
        self.require(start.year, result.year)
        return result

    def count_workdays(self, after: date, until: date) -> int:
        """Working days in ``(after, until]``; negative when ``until`` is before ``after``."""
        if until < after:
            return -self.count_workdays(until, after)
        self.require(after.year, until.year)
        return bisect_right(self._ordinals, until.toordinal()) - bisect_right(
            self._ordinals, after.toordinal()
        )

    def next_workday(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        return self.add_workdays(day, 1)

    def workday_on_or_after(self, day: date) -> date:
        """``day`` if it is a working day, else the next one."""
        return day if self.is_workday(day) else self.next_workday(day)
