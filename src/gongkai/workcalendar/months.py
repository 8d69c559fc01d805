"""The month view of one year: twelve month grids, the year's special days and their basis.

Plain data for ``workcalendar/year.html``: every mark, label and class is decided here so
the template only lays it out. A day's mark is 休 (a day off under the notice or a local
override), 班 (a weekend day worked, 调休上班) or nothing; days of a year whose notice has
not been entered are marked *tentative* (暂定) when they come from the statutory rule.
"""

from __future__ import annotations

import calendar as pycalendar
import datetime
from dataclasses import dataclass

from gongkai.deadlines import DayInfo, DayKind, WorkCalendar, format_date, statutory

WEEKDAYS = "一二三四五六日"
_WEEKS = pycalendar.Calendar(firstweekday=0)  # Monday first
SPECIAL_KINDS = {
    DayKind.HOLIDAY: "放假",
    DayKind.ADJUSTED_WORKDAY: "调休上班",
    DayKind.OVERRIDE: "本地调整",
}


@dataclass(frozen=True)
class Cell:
    """One square of a month grid; ``day`` is None for the padding before and after."""

    day: datetime.date | None = None
    mark: str = ""  # 休 / 班 / ""
    label: str = ""  # what the day is, e.g. 国庆节放假，休息日（暂定）
    classes: str = ""
    tentative: bool = False

    @property
    def title(self) -> str:
        if self.day is None:
            return ""
        return f"{format_date(self.day)}：{self.label}" if self.label else format_date(self.day)


@dataclass(frozen=True)
class Month:
    number: int
    weeks: list[list[Cell]]


@dataclass(frozen=True)
class SpecialDay:
    """One row of the year's list of holidays, 调休 working days and overrides."""

    info: DayInfo
    mark: str
    kind: str  # 放假 / 调休上班 / 本地调整
    tentative: bool
    basis: int  # 1-based number in ``YearView.sources``

    @property
    def weekday(self) -> str:
        return f"（星期{WEEKDAYS[self.info.date.weekday()]}）"

    @property
    def name(self) -> str:
        if self.kind == "调休上班":
            return f"{self.info.name}（调休上班）"
        if self.kind == "本地调整":
            return f"{self.info.name}（本地调整）"
        return self.info.name


@dataclass(frozen=True)
class Source:
    number: int
    text: str
    url: str = ""


@dataclass(frozen=True)
class YearView:
    year: int
    provisional: bool
    basis: str
    months: list[Month]
    special: list[SpecialDay]
    sources: list[Source]
    workdays: int
    days_off: int
    weekdays: str = WEEKDAYS

    @property
    def basis_url(self) -> str:
        """The published notice the year rests on, when its address is known."""
        return self.sources[0].url if self.sources else ""


def computable(cal: WorkCalendar, year: int) -> bool:
    """Whether the calendar can lay out ``year`` (entered, shipped, or provisional)."""
    return cal.is_covered(year) or cal.is_provisional(year)


def computable_span(cal: WorkCalendar) -> str:
    """The years the calendar can show, e.g. ``2004—2100年``."""
    years = set(cal.covered_years)
    if not cal.strict:
        years |= set(range(statutory.FIRST_YEAR, statutory.LAST_YEAR + 1))
    if not years:
        return "无"
    ordered = sorted(years)
    runs: list[tuple[int, int]] = []
    for year in ordered:
        if runs and year == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], year)
        else:
            runs.append((year, year))
    return "、".join(f"{a}—{b}" if a != b else str(a) for a, b in runs) + "年"


def _is_tentative(info: DayInfo) -> bool:
    """A day off taken from the statutory rule, not from an entered notice."""
    return info.provisional and info.kind is DayKind.HOLIDAY


def _describe(info: DayInfo) -> tuple[str, str, str]:
    """(mark, label, classes) of one day."""
    tentative = _is_tentative(info)
    suffix = "（暂定）" if tentative else ""
    extra = " wc-tentative" if tentative else ""
    weekend = " wc-weekend" if info.date.weekday() >= 5 else ""
    if info.kind is DayKind.HOLIDAY:
        return "休", f"{info.name}放假，休息日{suffix}", f"wc-off{weekend}{extra}"
    if info.kind is DayKind.ADJUSTED_WORKDAY:
        return "班", f"{info.name}调休上班，工作日", f"wc-work{weekend}"
    if info.kind is DayKind.OVERRIDE:
        status = "工作日" if info.is_workday else "休息日"
        mark, cls = ("班", "wc-work") if info.is_workday else ("休", "wc-off")
        return mark, f"本地调整：{info.name}，{status}", f"{cls} wc-override{weekend}"
    if info.kind is DayKind.WEEKEND:
        return "", "周末，休息日", "wc-weekend"
    return "", "", ""


def _cell(info: DayInfo, today: datetime.date | None) -> Cell:
    mark, label, classes = _describe(info)
    if info.date == today:
        classes = f"{classes} wc-today".strip()
        label = f"{label}（今天）" if label else "今天"
    return Cell(info.date, mark, label, classes, _is_tentative(info))


def year_view(cal: WorkCalendar, year: int, today: datetime.date | None = None) -> YearView:
    """The whole year; ``cal`` must be able to compute it (see ``computable``)."""
    cal.require(year)
    basis = cal.basis(year)
    numbers: dict[str, int] = {basis: 1}
    months: list[Month] = []
    special: list[SpecialDay] = []
    workdays = days_off = 0
    for number in range(1, 13):
        weeks: list[list[Cell]] = []
        for week in _WEEKS.monthdatescalendar(year, number):
            row: list[Cell] = []
            for day in week:
                if day.month != number:
                    row.append(Cell())
                    continue
                info = cal.day(day)
                if info.is_workday:
                    workdays += 1
                else:
                    days_off += 1
                row.append(_cell(info, today))
                if info.kind in SPECIAL_KINDS:
                    source = info.source or "（未注明依据）"
                    basis_number = numbers.setdefault(source, len(numbers) + 1)
                    special.append(
                        SpecialDay(
                            info,
                            _describe(info)[0],
                            SPECIAL_KINDS[info.kind],
                            _is_tentative(info),
                            basis_number,
                        )
                    )
            weeks.append(row)
        months.append(Month(number, weeks))

    urls = {n.source: n.url for n in cal.notices if n.url}
    sources = [Source(n, text, urls.get(text, "")) for text, n in numbers.items()]
    return YearView(
        year=year,
        provisional=cal.is_provisional(year),
        basis=basis,
        months=months,
        special=special,
        sources=sources,
        workdays=workdays,
        days_off=days_off,
    )
