"""Reading the day lists an administrator types: one line per day or run of days.

    2027-01-01 元旦
    2027-02-06至2027-02-13 春节

Accepted separators between the two dates of a run: 至, ~, ～, —.
"""

from __future__ import annotations

import datetime
import re

from django.core.exceptions import ValidationError

from .services import DayEntry

LINE = re.compile(
    r"^(?P<first>\d{4}-\d{1,2}-\d{1,2})"
    r"(?:\s*(?:至|~|～|—|－－)\s*(?P<last>\d{4}-\d{1,2}-\d{1,2}))?"
    r"\s+(?P<name>\S.*)$"
)
EXPECTED = "“YYYY-MM-DD 名称”或“YYYY-MM-DD至YYYY-MM-DD 名称”"
MAX_RUN = 31


def _date(text: str, label: str, number: int) -> datetime.date:
    try:
        year, month, day = (int(part) for part in text.split("-"))
        return datetime.date(year, month, day)
    except ValueError:
        raise ValidationError(
            f"{label} 第{number}行：“{text}”不是有效日期", code="bad_date"
        ) from None


def parse_days(text: str, kind: str, label: str) -> list[DayEntry]:
    """Every day listed in ``text``; all bad lines are reported together."""
    days: list[DayEntry] = []
    errors: list[str] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        match = LINE.match(line)
        if match is None:
            errors.append(f"{label} 第{number}行：应为{EXPECTED}，读到“{line}”")
            continue
        try:
            first = _date(match["first"], label, number)
            last = _date(match["last"], label, number) if match["last"] else first
        except ValidationError as exc:
            errors.extend(exc.messages)
            continue
        if last < first or (last - first).days >= MAX_RUN:
            errors.append(
                f"{label} 第{number}行：结束日期应在开始日期之后且不超过{MAX_RUN}天，读到“{line}”"
            )
            continue
        day = first
        while day <= last:
            days.append(DayEntry(day, kind, match["name"].strip()))
            day += datetime.timedelta(days=1)
    if errors:
        raise ValidationError(errors, code="bad_line")
    return days


def format_days(days: list[DayEntry]) -> str:
    """The inverse of ``parse_days``: consecutive days with one name become one run."""
    lines: list[str] = []
    run: list[DayEntry] = []
    for day in sorted(days, key=lambda d: d.date):
        if run and (
            day.name != run[-1].name or day.date - run[-1].date != datetime.timedelta(days=1)
        ):
            lines.append(_run_line(run))
            run = []
        run.append(day)
    if run:
        lines.append(_run_line(run))
    return "\n".join(lines)


def _run_line(run: list[DayEntry]) -> str:
    if len(run) == 1:
        return f"{run[0].date.isoformat()} {run[0].name}"
    return f"{run[0].date.isoformat()}至{run[-1].date.isoformat()} {run[0].name}"
