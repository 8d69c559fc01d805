"""Regenerate the shipped year table ``data/cn_calendar.json`` from ``chinesecalendar``.

    python -m gongkai.deadlines.build_table            # rewrite the table
    python -m gongkai.deadlines.build_table --check    # exit 1 if the table is stale
                                                       # or disagrees with `holidays`

The dates come from the ``chinesecalendar`` package (pinned in pyproject.toml), the
citations from ``_sources.py``, and ``CORRECTIONS`` below fixes the days where a notice's
own text contradicts the package (each correction cites the notice). The result is then
cross-checked, day by day, against the independent ``holidays`` package; a disagreement
is reported and fails ``--check`` (and the test suite) until it is resolved here.

This module is a maintenance tool: the library itself reads only the JSON file and needs
neither package at run time.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from importlib.metadata import version
from pathlib import Path
from typing import Any, NamedTuple

from . import _sources
from .notices import Day, YearNotice
from .table import TABLE_FORMAT, TABLE_PATH

CHINESE_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "Mid-autumn Festival": "中秋节",
    "National Day": "国庆节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}


class Correction(NamedTuple):
    notice_year: int
    date: date
    is_workday: bool
    name: str
    reason: str


CORRECTIONS: tuple[Correction, ...] = (
    Correction(
        2006,
        date(2005, 12, 31),
        True,
        "元旦",
        "国办发明电〔2005〕35号：“12月31日（星期六）上班”；chinesecalendar 1.11.0 缺此日",
    ),
)


def _notice_year(day: date, english_name: str) -> int:
    """The notice a date belongs to: late-December New Year days belong to next year's."""
    if day.month == 12 and english_name == "New Year's Day":
        return day.year + 1
    return day.year


def build_notices() -> list[YearNotice]:
    """One ``YearNotice`` per year of chinesecalendar's data, corrected and cited."""
    from chinese_calendar import constants  # maintenance-time dependency only

    holidays: dict[int, dict[date, str]] = {}
    workdays: dict[int, dict[date, str]] = {}
    for target, source in ((holidays, constants.holidays), (workdays, constants.workdays)):
        for day, english in source.items():
            year = _notice_year(day, english)
            target.setdefault(year, {})[day] = CHINESE_NAMES[english]
    for fix in CORRECTIONS:
        holidays.setdefault(fix.notice_year, {}).pop(fix.date, None)
        workdays.setdefault(fix.notice_year, {}).pop(fix.date, None)
        (workdays if fix.is_workday else holidays)[fix.notice_year][fix.date] = fix.name
    years = sorted(set(holidays) | set(workdays))
    missing = [y for y in years if y not in _sources.CITATIONS]
    if missing:
        raise SystemExit(f"_sources.py 缺少这些年份的通知出处：{missing}")
    return [
        YearNotice.build(
            year,
            _sources.citation_text(year),
            holidays=[Day(d, n) for d, n in holidays.get(year, {}).items()],
            workdays=[Day(d, n) for d, n in workdays.get(year, {}).items()],
            url=_sources.CITATIONS[year].url,
        )
        for year in years
    ]


def table_document(notices: Iterable[YearNotice]) -> dict[str, Any]:
    import chinese_calendar

    return {
        "format": TABLE_FORMAT,
        "generator": "python -m gongkai.deadlines.build_table",
        "seeded_from": f"chinesecalendar {chinese_calendar.__version__}",
        "corrections": [
            {
                "notice_year": c.notice_year,
                "date": c.date.isoformat(),
                "is_workday": c.is_workday,
                "reason": c.reason,
            }
            for c in CORRECTIONS
        ],
        "years": [n.to_dict() for n in notices],
    }


def render(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def cross_check(notices: Sequence[YearNotice]) -> list[str]:
    """Every day of every covered year on which ``holidays`` disagrees with the table."""
    import holidays as holidays_package

    from .calendar import WorkCalendar

    calendar = WorkCalendar(notices)
    problems: list[str] = []
    for year in calendar.covered_years:
        other = holidays_package.country_holidays("CN", years=year)
        day = date(year, 1, 1)
        while day.year == year:
            ours = calendar.is_workday(day)
            theirs = bool(other.is_working_day(day))
            if ours != theirs:
                problems.append(
                    f"{day.isoformat()}：本表为{'工作日' if ours else '休息日'}，"
                    f"holidays {version('holidays')} 为{'工作日' if theirs else '休息日'}"
                )
            day += timedelta(days=1)
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m gongkai.deadlines.build_table",
        description="由 chinesecalendar 重新生成随软件发布的节假日年表，并与 holidays 逐日核对。",
    )
    parser.add_argument("--check", action="store_true", help="只核对，不写文件；不一致时退出码为1")
    parser.add_argument(
        "--output", type=Path, default=TABLE_PATH, help="输出文件（默认为随包年表）"
    )
    args = parser.parse_args(argv)
    try:
        import chinese_calendar  # noqa: F401
        import holidays  # noqa: F401
    except ImportError as error:
        print(
            f"缺少维护年表所需的软件包 {error.name}：pip install 'gongkai[calendar-build]'",
            file=sys.stderr,
        )
        return 2

    notices = build_notices()
    text = render(table_document(notices))
    problems = cross_check(notices)
    for line in problems:
        print(f"与 holidays 不一致：{line}", file=sys.stderr)
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(
                f"{args.output} 不是由当前数据生成的：请运行 python -m gongkai.deadlines.build_table",
                file=sys.stderr,
            )
            return 1
        print(
            f"{args.output}：{len(notices)}个年份（{notices[0].year}–{notices[-1].year}），与数据源一致"
        )
        return 1 if problems else 0
    args.output.write_text(text, encoding="utf-8")
    print(f"已写入 {args.output}：{len(notices)}个年份（{notices[0].year}–{notices[-1].year}）")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
