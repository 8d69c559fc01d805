"""What the calendar is made of: a year's holiday notice, and single-day overrides.

``YearNotice`` is one year's 《国务院办公厅关于YYYY年部分节假日安排的通知》: the days off
(incl. weekend days inside a holiday run) and the weekend days that become working days
(调休上班). Entering a notice is what makes a year *covered*. The project ships one notice
per year for 2004–2026 (``data/cn_calendar.json``); an administrator enters next year's
notice in the back office, where it is stored and passed back in as a ``YearNotice``.

``Override`` changes one day on top of the notices: a local ethnic festival (条例 allows
local governments to set them), an ad hoc change announced after the notice. An override
never makes a year covered: a year without a notice stays an error.

All types are frozen, hashable and round-trip through plain dicts (``to_dict`` /
``from_dict``) so the database or an API can hold them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from .errors import CalendarDataError


@dataclass(frozen=True, order=True)
class Day:
    """One date in a notice, with the festival it belongs to (e.g. ``春节``)."""

    date: date
    name: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"date": self.date.isoformat(), "name": self.name}


def _as_days(items: Iterable[Day | date], where: str) -> tuple[Day, ...]:
    days: list[Day] = []
    for item in items:
        if isinstance(item, Day):
            days.append(item)
        elif isinstance(item, date):
            days.append(Day(item))
        else:
            raise CalendarDataError(f"应为日期，读到 {item!r}", where=where)
    return tuple(sorted(days))


@dataclass(frozen=True)
class YearNotice:
    """One year's holiday arrangement as the State Council announced it.

    ``holidays`` are days off; ``workdays`` are weekend days worked instead. Dates may
    reach into December of the year before (the notice for 2019 made 2018-12-29 a working
    Saturday and 2018-12-30/31 days off), never elsewhere.
    """

    year: int
    source: str
    holidays: tuple[Day, ...] = ()
    workdays: tuple[Day, ...] = ()
    url: str = ""

    def __post_init__(self) -> None:
        where = f"{self.year}年节假日安排"
        if not 1950 <= self.year <= 2200:
            raise CalendarDataError(f"年份应在1950至2200之间，读到 {self.year}", where="节假日安排")
        if not self.source.strip():
            raise CalendarDataError(
                "应写明依据（通知标题、文号或发布日期），读到空白；系统不接受来源不明的日历",
                where=where,
            )
        first = date(self.year - 1, 12, 1)
        last = date(self.year, 12, 31)
        seen: dict[date, str] = {}
        for kind, days in (("放假", self.holidays), ("上班", self.workdays)):
            for day in days:
                if not first <= day.date <= last:
                    raise CalendarDataError(
                        f"{kind}日期应在{first.isoformat()}至{last.isoformat()}之间，"
                        f"读到 {day.date.isoformat()}",
                        where=where,
                    )
                if day.date in seen:
                    raise CalendarDataError(
                        f"{day.date.isoformat()} 重复出现（已列为{seen[day.date]}）",
                        where=where,
                    )
                seen[day.date] = kind
        for day in self.workdays:
            if day.date.weekday() < 5:
                raise CalendarDataError(
                    f"调休上班日应为星期六或星期日，读到 {day.date.isoformat()}"
                    f"（星期{'一二三四五'[day.date.weekday()]}）",
                    where=where,
                )

    @classmethod
    def build(
        cls,
        year: int,
        source: str,
        holidays: Iterable[Day | date] = (),
        workdays: Iterable[Day | date] = (),
        url: str = "",
    ) -> YearNotice:
        """Build from plain dates or ``Day``s, in any order (the database's shape)."""
        where = f"{year}年节假日安排"
        return cls(year, source, _as_days(holidays, where), _as_days(workdays, where), url)

    def to_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "source": self.source,
            "url": self.url,
            "holidays": {d.date.isoformat(): d.name for d in self.holidays},
            "workdays": {d.date.isoformat(): d.name for d in self.workdays},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> YearNotice:
        year = int(data["year"])
        where = f"{year}年节假日安排"
        return cls.build(
            year,
            str(data.get("source", "")),
            holidays=[Day(_parse_date(k, where), str(v)) for k, v in data["holidays"].items()],
            workdays=[Day(_parse_date(k, where), str(v)) for k, v in data["workdays"].items()],
            url=str(data.get("url", "")),
        )


@dataclass(frozen=True)
class Override:
    """One day made a working day or a day off, on top of the notices."""

    date: date
    is_workday: bool
    reason: str
    source: str = ""

    def __post_init__(self) -> None:
        if not self.reason.strip():
            raise CalendarDataError(
                "应写明调整原因（如“古尔邦节放假”），读到空白",
                where=f"工作日历调整 {self.date.isoformat()}",
            )

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "is_workday": self.is_workday,
            "reason": self.reason,
            "source": self.source,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Override:
        when = _parse_date(str(data["date"]), "工作日历调整")
        return cls(when, bool(data["is_workday"]), str(data["reason"]), str(data.get("source", "")))


def _parse_date(text: str, where: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CalendarDataError(f"日期应为 YYYY-MM-DD，读到 {text!r}", where=where) from None
