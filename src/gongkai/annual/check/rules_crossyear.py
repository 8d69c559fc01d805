"""This year's report against last year's: carried-over applications, documents in force,
and text copied unchanged.

Cell keys in findings are this year's cells; last year's numbers are in the message and
in ``data``.
"""

from __future__ import annotations

import re
from typing import Final

from .. import schema as s
from ..findings import Finding, Severity
from ..model import AnnualReport
from .base import CARRIED_OVER, FORWARD, Check, Context, emit, joined, num, rule

_CARRIED_OVER, _FORWARD = CARRIED_OVER, FORWARD
_OVER_CELLS: Final = tuple(s.table3_cell(_CARRIED_OVER.key, c.key) for c in s.TABLE3_COLUMNS)
_MADE, _REPEALED, _IN_FORCE = s.TABLE2_DOCUMENT_COLUMNS
_DOC_CELLS: Final = tuple(
    (row, tuple(s.cell_key("table2", row, c.key) for c in s.TABLE2_DOCUMENT_COLUMNS))
    for row in s.TABLE2_DOCUMENT_ROWS
)
_COPY_MIN_CHARS: Final = 50
_IGNORED_IN_COPY = re.compile(r"[\s\d０-９零〇一二三四五六七八九十百千两]+")

CARRIED = rule(
    "YOY.W001",
    Severity.WARNING,
    "上年结转 = 上年报告的结转下年度继续办理",
    f"给出上年报告时，表三每列的“{_CARRIED_OVER.label}”应等于上年报告同列的“{_FORWARD.label}”。",
)
IN_FORCE = rule(
    "YOY.W002",
    Severity.WARNING,
    "现行有效件数 = 上年现行有效件数 + 本年制发 − 本年废止",
    f"给出上年报告时，表二规章和行政规范性文件的“{_IN_FORCE.label}”应等于上年报告的"
    f"“{_IN_FORCE.label}”加本年“{_MADE.label}”减本年“{_REPEALED.label}”。",
)
YEAR = rule(
    "YOY.W003",
    Severity.WARNING,
    "上年报告的年份",
    "作为上年报告给出的报告应是前一年度的；年份不符时不做其他跨年度核对。",
)
ORGAN = rule(
    "YOY.W004",
    Severity.WARNING,
    "上年报告的机关",
    "作为上年报告给出的报告应是同一机关的；机关名称不同时仍做跨年度核对，但结果可能没有意义。",
)
COPIED = rule(
    "YOY.W005",
    Severity.WARNING,
    "正文与上年报告雷同",
    f"某部分正文（不计数字和空白，至少{_COPY_MIN_CHARS}字）与上年报告同一部分完全相同，"
    "可能照抄了上年报告（国办公开办函〔2021〕30号要求避免内容雷同）。",
)
UNCHECKABLE = rule(
    "YOY.N001",
    Severity.NOTICE,
    "跨年度核对所需单元格空白",
    "本年或上年报告中跨年度核对需要的单元格为空白时，报告“无法核对”，而不是报错。",
)

RULES = (CARRIED, IN_FORCE, YEAR, ORGAN, COPIED, UNCHECKABLE)


def check_cross_year(report: AnnualReport, ctx: Context, out: list[Finding]) -> None:
    last_year = ctx.last_year
    if last_year is None:
        return
    if report.year is not None and last_year.year is not None and last_year.year != report.year - 1:
        emit(
            out,
            YEAR,
            f"作为上年报告给出的是{last_year.year}年度报告，而本报告为{report.year}年度，"
            f"应给出{report.year - 1}年度报告；未做跨年度核对。",
        )
        return
    if report.organ and last_year.organ and report.organ != last_year.organ:
        emit(out, ORGAN, f"上年报告的机关为“{last_year.organ}”，本报告的机关为“{report.organ}”。")
    _carried(report, last_year, out)
    _in_force(report, last_year, out)
    _copied(report, last_year, out)


def _carried(report: AnnualReport, last_year: AnnualReport, out: list[Finding]) -> None:
    over = report.table3.row(_CARRIED_OVER.key)
    forward = last_year.table3.row(_FORWARD.key)
    if over == forward:
        return
    blank: list[int] = []
    for i, column in enumerate(s.TABLE3_COLUMNS):
        now, then = over[i], forward[i]
        if now is None or then is None:
            blank.append(i)
        elif now != then:
            emit(
                out,
                CARRIED,
                f"表三“{column.label}”列：{_CARRIED_OVER.label}为{now}，"
                f"而上年报告的{_FORWARD.label}为{then}。",
                (_OVER_CELLS[i],),
                data={"column": column.key, "this_year": now, "last_year": then},
            )
    if blank:
        names = joined(f"“{s.TABLE3_COLUMNS[i].label}”" for i in blank)
        emit(
            out,
            UNCHECKABLE,
            f"无法核对“{CARRIED.title}”：{names}列在本年或上年报告中为空白。",
            [_OVER_CELLS[i] for i in blank if over[i] is None],
            data={"rule": CARRIED.code},
        )


def _in_force(report: AnnualReport, last_year: AnnualReport, out: list[Finding]) -> None:
    for row, cells in _DOC_CELLS:
        now = getattr(report.table2, row)
        then = getattr(last_year.table2, row)
        made, repealed, in_force = now.made, now.repealed, now.in_force
        before = then.in_force
        label = s.table2_row(row).label
        if made is None or repealed is None or in_force is None or before is None:
            blank = [c for c, v in zip(cells, (made, repealed, in_force), strict=True) if v is None]
            emit(
                out,
                UNCHECKABLE,
                f"无法核对表二“{label}”的“{_IN_FORCE.label}”："
                + (f"{joined(s.describe_cell(c) for c in blank)}为空白" if blank else "")
                + ("；" if blank and before is None else "")
                + ("上年报告的现行有效件数为空白" if before is None else "")
                + "。",
                blank,
                data={"rule": IN_FORCE.code},
            )
            continue
        expected = before + made - repealed
        if in_force != expected:
            emit(
                out,
                IN_FORCE,
                f"表二“{label}”：{_IN_FORCE.label}为{num(in_force)}，而上年{_IN_FORCE.label}"
                f"（{num(before)}）+ {_MADE.label}（{num(made)}）− {_REPEALED.label}（{num(repealed)}）"
                f"= {num(expected)}。",
                cells,
                data={"row": row, "printed": in_force, "expected": expected},
            )


def _copied(report: AnnualReport, last_year: AnnualReport, out: list[Finding]) -> None:
    if not report.sections or not last_year.sections:
        return
    for section in s.SECTIONS:
        now = report.sections.get(section.key)
        then = last_year.sections.get(section.key)
        if not now or not then:
            continue
        folded = _IGNORED_IN_COPY.sub("", now)
        if len(folded) >= _COPY_MIN_CHARS and folded == _IGNORED_IN_COPY.sub("", then):
            emit(
                out,
                COPIED,
                f"第{section.numeral}部分“{section.title}”的正文与上年报告相同（只有数字不同）。",
                data={"section": section.key},
            )


CHECKS: tuple[Check, ...] = (check_cross_year,)
