"""``WorkCalendar``: which days are working days in mainland China, and arithmetic on them.

A day is a working day when

1. an ``Override`` for that date says so (local festival, ad hoc change), else
2. a ``YearNotice`` lists it as a day off (not a working day) or as a 调休 working
   weekend day (a working day), else
3. it is Monday to Friday.

Only years with a notice are *covered*. A year without one is, by default, computed
*provisionally* from what the law already fixes (``statutory.provisional_notice``: the 13
statutory days off and Article 6's make-up days, no 调休 swaps); every day of such a year
says so (``DayInfo.provisional``), and the clock marks the dates that depend on it. A
calendar built with ``strict=True`` refuses such years with ``CalendarNotCovered``, as do
all calendars for years the statutory rule cannot compute (before 2025 or after 2100).

Counting convention, used everywhere in this library:

* ``add_workdays(d, n)`` is the n-th working day *after* ``d`` (``d`` itself never
  counts; ``n = 0`` gives ``d``);
* ``count_workdays(a, b)`` is the number of working days in ``(a, b]``, i.e. after ``a``
  up to and including ``b``; so ``count_workdays(d, add_workdays(d, n)) == n``.

Both are O(log n): the constructor lays the working days of all covered years out as a
sorted array of ordinals and the queries bisect it. A provisional year is laid out the
first time a query reaches it (the arrays are rebuilt and swapped in under a lock).
"""

from __future__ import annotations

import hashlib
import json
import threading
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from . import statutory
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
    provisional: bool = False  # from a year whose notice is not entered (statutory days only)

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
        if self.provisional and not self.source:
            what += f"（暂定：{self.date.year}年放假安排通知尚未录入，按法定节假日推算）"
        source = f"（依据：{self.source}）" if self.source else ""
        return f"{format_date(self.date)}：{what}{source}"


@dataclass(frozen=True)
class _Layout:
    """Everything the queries read, built together and swapped in with one assignment, so a
    reader that takes one reference never mixes an old and a new layout."""

    special: dict[date, DayInfo]
    special_sorted: list[tuple[date, DayInfo]]
    special_keys: list[int]
    ordinals: list[int]
    provisional: dict[int, YearNotice]
    laid_out: frozenset[int]


class WorkCalendar:
    """Working days from year notices plus single-day overrides; see the module docstring."""

    def __init__(
        self,
        notices: Iterable[YearNotice],
        overrides: Iterable[Override] = (),
        *,
        strict: bool = False,
    ) -> None:
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
        self.strict = strict
        self._notices = dict(sorted(by_year.items()))
        self._overrides = dict(sorted(by_date.items()))
        self._covered = tuple(self._notices)
        self._covered_set = frozenset(self._covered)
        self._lock = threading.Lock()
        self._layout = _Layout({}, [], [], [], {}, frozenset())
        gaps = range(self._covered[0], self._covered[-1] + 1) if self._covered else range(0)
        self._build([y for y in gaps if y not in self._covered_set and self.is_provisional(y)])

    @classmethod
    def from_shipped(
        cls,
        overrides: Iterable[Override] = (),
        notices: Iterable[YearNotice] = (),
        *,
        strict: bool = False,
    ) -> WorkCalendar:
        """The shipped table, with ``notices`` entered in the database replacing or adding years."""
        entered = {n.year: n for n in notices}
        merged = [n for n in shipped_notices() if n.year not in entered]
        return cls([*merged, *entered.values()], overrides, strict=strict)

    def _build(self, provisional_years: Iterable[int]) -> None:
        """Lay out the covered years plus ``provisional_years`` (added to those laid out)."""
        provisional = dict(self._layout.provisional)
        for year in provisional_years:
            provisional[year] = statutory.provisional_notice(year)
        special: dict[date, DayInfo] = {}
        for notice in provisional.values():
            for day in notice.holidays:
                special[day.date] = DayInfo(
                    day.date, False, DayKind.HOLIDAY, day.name, notice.source, provisional=True
                )
        for notice in self._notices.values():
            for day in notice.holidays:
                special[day.date] = DayInfo(
                    day.date, False, DayKind.HOLIDAY, day.name, notice.source
                )
            for day in notice.workdays:
                special[day.date] = DayInfo(
                    day.date, True, DayKind.ADJUSTED_WORKDAY, day.name, notice.source
                )
        for override in self._overrides.values():
            special[override.date] = DayInfo(
                override.date,
                override.is_workday,
                DayKind.OVERRIDE,
                override.reason,
                override.source,
                provisional=override.date.year in provisional,
            )
        ordinals: list[int] = []
        for year in sorted({*self._covered, *provisional}):
            cursor = date(year, 1, 1)
            while cursor.year == year:
                info = special.get(cursor)
                if info.is_workday if info is not None else cursor.weekday() < 5:
                    ordinals.append(cursor.toordinal())
                cursor += timedelta(days=1)
        special_sorted = sorted(special.items())
        self._layout = _Layout(
            special=special,
            special_sorted=special_sorted,
            special_keys=[d.toordinal() for d, _ in special_sorted],
            ordinals=ordinals,
            provisional=provisional,
            laid_out=frozenset({*self._covered, *provisional}),
        )

    # --- coverage -------------------------------------------------------------------

    @property
    def covered_years(self) -> tuple[int, ...]:
        """The years with an entered notice, ascending."""
        return self._covered

    def is_covered(self, year: int) -> bool:
        return year in self._covered_set

    def is_provisional(self, year: int) -> bool:
        """Whether ``year`` is computed from the statutory days (no notice entered)."""
        return not self.strict and year not in self._covered_set and statutory.supports(year)

    @property
    def provisional_years(self) -> tuple[int, ...]:
        """The provisional years some query has reached so far, ascending."""
        return tuple(sorted(self._layout.provisional))

    def notice(self, year: int) -> YearNotice | None:
        """The entered (or shipped) notice of ``year``; None for a provisional year."""
        return self._notices.get(year)

    def basis(self, year: int) -> str:
        """What the days of ``year`` rest on: the notice, or the provisional rule."""
        notice = self._notices.get(year)
        if notice is not None:
            return notice.source
        if self.is_provisional(year):
            return statutory.source_text(year)
        raise CalendarNotCovered(year, self._covered)

    @property
    def notices(self) -> tuple[YearNotice, ...]:
        return tuple(self._notices.values())

    @property
    def overrides(self) -> tuple[Override, ...]:
        return tuple(self._overrides.values())

    def require(self, first_year: int, last_year: int | None = None) -> None:
        """Make sure every year of the span can be computed: covered, or laid out
        provisionally; ``CalendarNotCovered`` for the first year that can be neither."""
        last = first_year if last_year is None else last_year
        laid_out = self._layout.laid_out
        if (
            first_year in laid_out
            and last in laid_out
            and (last - first_year < 2 or all(y in laid_out for y in range(first_year, last)))
        ):
            return
        missing = []
        for year in range(first_year, last + 1):
            if year in laid_out:
                continue
            if not self.is_provisional(year):
                raise CalendarNotCovered(year, self._covered)
            missing.append(year)
        with self._lock:
            missing = [y for y in missing if y not in self._layout.laid_out]
            if missing:
                self._build(missing)

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
        layout = self._layout
        info = layout.special.get(day)
        if info is not None:
            return info
        provisional = day.year in layout.provisional
        if day.weekday() < 5:
            return DayInfo(day, True, DayKind.WEEKDAY, provisional=provisional)
        return DayInfo(day, False, DayKind.WEEKEND, provisional=provisional)

    def is_workday(self, day: date) -> bool:
        self.require(day.year)
        info = self._layout.special.get(day)
        return info.is_workday if info is not None else day.weekday() < 5

    def special_days(self, after: date, until: date) -> list[DayInfo]:
        """Holidays, 调休 working days and overrides in ``(after, until]``, ascending."""
        self.require(after.year, until.year)
        layout = self._layout
        keys, ordered = layout.special_keys, layout.special_sorted
        lo = bisect_right(keys, after.toordinal())
        hi = bisect_right(keys, until.toordinal())
        return [info for _, info in ordered[lo:hi]]

    # --- arithmetic -----------------------------------------------------------------

    def add_workdays(self, start: date, n: int) -> date:
        """The ``n``-th working day after ``start`` (``start`` itself never counts)."""
        if n < 0:
            raise ValueError(f"工作日数应为非负整数，读到 {n}")
        first = start.year
        if first not in self._layout.laid_out:
            self.require(first)
        if n == 0:
            return start
        while True:
            layout = self._layout  # one snapshot: ordinals and laid-out years agree
            ordinals, laid_out = layout.ordinals, layout.laid_out
            index = bisect_right(ordinals, start.toordinal()) + n - 1
            if index >= len(ordinals):
                # Past the last laid-out year: lay out the next one (or fail) and retry.
                self.require(date.fromordinal(ordinals[-1]).year + 1 if ordinals else first)
                continue
            result = date.fromordinal(ordinals[index])
            last = result.year
            if last - first < 2 and last in laid_out:
                return result
            if all(y in laid_out for y in range(first, last + 1)):
                return result
            self.require(first, last)

    def count_workdays(self, after: date, until: date) -> int:
        """Working days in ``(after, until]``; negative when ``until`` is before ``after``."""
        if until < after:
            return -self.count_workdays(until, after)
        while True:
            layout = self._layout  # one snapshot: ordinals and laid-out years agree
            if all(y in layout.laid_out for y in range(after.year, until.year + 1)):
                break
            self.require(after.year, until.year)
        ordinals = layout.ordinals
        return bisect_right(ordinals, until.toordinal()) - bisect_right(ordinals, after.toordinal())

    def next_workday(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        return self.add_workdays(day, 1)

    def workday_on_or_after(self, day: date) -> date:
        """``day`` if it is a working day, else the next one."""
        return day if self.is_workday(day) else self.next_workday(day)
