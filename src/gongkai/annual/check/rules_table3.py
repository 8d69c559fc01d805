"""Table 三 (收到和处理政府信息公开申请情况): the identities the national form states or implies.

Index tuples and cell keys are worked out once, at import, from ``schema``; the happy
path adds integers and compares, and builds strings only when a rule fails.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from itertools import chain
from operator import add, itemgetter
from typing import Final, cast

from .. import schema as s
from ..findings import Finding, Rule, Severity
from ..model import AnnualReport, Count
from .base import CARRIED_OVER, FORWARD, HANDLED, RECEIVED, Check, Context, emit, joined, rule

_RECEIVED, _CARRIED_OVER, _HANDLED, _FORWARD = RECEIVED, CARRIED_OVER, HANDLED, FORWARD
_OUTCOME_KEYS: Final = tuple(r.key for r in s.TABLE3_OUTCOME_ROWS)
_ROW_KEYS: Final = s.TABLE3_ROW_KEYS
_APPLICANTS: Final = len(s.TABLE3_APPLICANT_COLUMNS)
_TOTAL: Final = s.TABLE3_TOTAL_COLUMN.index
_COLUMNS: Final = tuple(range(s.TABLE3_WIDTH))
Rows = Mapping[str, tuple[Count, ...]]
_Full = tuple[int, ...]
"""A row with no blank cell."""
_LABEL: Final = tuple(c.label for c in s.TABLE3_COLUMNS)
_CELL: Final = {
    r.key: tuple(s.table3_cell(r.key, c.key) for c in s.TABLE3_COLUMNS) for r in s.TABLE3_ROWS
}
_IDENTITY_CELLS: Final = tuple(
    (
        _CELL[_RECEIVED.key][i],
        _CELL[_CARRIED_OVER.key][i],
        _CELL[_HANDLED.key][i],
        _CELL[_FORWARD.key][i],
    )
    for i in _COLUMNS
)
_SUM_CELLS: Final = tuple(
    (_CELL[_HANDLED.key][i], *(_CELL[k][i] for k in _OUTCOME_KEYS)) for i in _COLUMNS
)

# How the messages name the rows: 一, 二, （七）总计, 四.
_N_RECEIVED = _RECEIVED.number
_N_CARRIED_OVER = _CARRIED_OVER.number
_N_HANDLED = _HANDLED.label
_N_FORWARD = _FORWARD.number
_FIRST_OUTCOME = s.TABLE3_OUTCOME_ROWS[0].label[:3]
_LAST_OUTCOME = s.TABLE3_GROUPS[-1].label[:3]
_OUTCOMES_TEXT = f"{_FIRST_OUTCOME}至{_LAST_OUTCOME}各项办理结果"
_SHORT: Final = {r.key: re.sub(r"（[^（）]*）$", "", r.short_label) for r in s.TABLE3_OUTCOME_ROWS}
_IDENTITY_TEXT = f"{_N_RECEIVED} + {_N_CARRIED_OVER} = {_N_HANDLED} + {_N_FORWARD}"

COLUMN_IDENTITY = rule(
    "T3.E001",
    Severity.ERROR,
    "表三每列：一 + 二 = （七）总计 + 四",
    f"表三的每一列（六类申请人和总计）都应满足国家格式写明的勾稽关系：{_IDENTITY_TEXT}，"
    "即本年新收加上年结转，等于本年办理总计加结转下年度继续办理。",
)
OUTCOME_SUM = rule(
    "T3.E002",
    Severity.ERROR,
    "表三每列：（七）总计 = 各项办理结果之和",
    f"表三每一列的“{_N_HANDLED}”应等于其上方{len(_OUTCOME_KEYS)}项办理结果（{_FIRST_OUTCOME}至{_LAST_OUTCOME}）之和。",
)
ROW_SUM = rule(
    "T3.E003",
    Severity.ERROR,
    "表三每行：总计列 = 六类申请人之和",
    "表三每一行的“总计”列应等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他六列之和。",
)
NEGATIVE = rule(
    "T3.E004",
    Severity.ERROR,
    "表三没有负数",
    "表三的数字是申请件数，不能为负数。",
)
UNCHECKABLE = rule(
    "T3.N001",
    Severity.NOTICE,
    "表三有空白单元格，无法核对",
    "某条规则需要的单元格为空白（null）时，该规则对相应的列或行报告“无法核对”，而不是报错。",
)
EMPTY = rule(
    "T3.N002",
    Severity.NOTICE,
    "表三没有数字",
    "表三全部单元格为空白时，跳过表三的全部核对。",
)

RULES = (COLUMN_IDENTITY, OUTCOME_SUM, ROW_SUM, NEGATIVE, UNCHECKABLE, EMPTY)


def _skipped_rows(report: AnnualReport) -> frozenset[str]:
    """Rows the 2019 trial format does not have, when a trial-format report leaves them blank."""
    if report.format != s.FORMAT_2019:
        return frozenset()
    rows = report.table3.rows
    return frozenset(k for k in s.TABLE3_2019_ONLY_2021_ROWS if all(v is None for v in rows[k]))


_OUTCOME_SLICE: Final = slice(s.TABLE3_OUTCOME_ROWS[0].index, s.TABLE3_OUTCOME_ROWS[-1].index + 1)
assert tuple(r.key for r in s.TABLE3_ROWS[_OUTCOME_SLICE]) == _OUTCOME_KEYS, (
    "outcome rows are contiguous"
)
_APPLICANT_SLICE: Final = slice(0, _APPLICANTS)
_PARTS_OF: Final = itemgetter(_APPLICANT_SLICE)
_TOTAL_OF: Final = itemgetter(_TOTAL)
_BLANK_ROW: Final = (None,) * s.TABLE3_WIDTH


def _sound(table: tuple[tuple[Count, ...], ...]) -> bool:
    """Whether table 三 satisfies every rule (the fast path).

    A blank cell makes ``min`` or ``sum`` raise ``TypeError``, cheaper than looking for
    ``None`` first; the caller then takes the slow path, which reports it.
    """
    full = cast(tuple[_Full, ...], table)
    if min(chain.from_iterable(full)) < 0:
        return False
    if list(map(sum, map(_PARTS_OF, full))) != list(map(_TOTAL_OF, full)):
        return False
    received, over, handled, forward = (
        full[_RECEIVED.index],
        full[_CARRIED_OVER.index],
        full[_HANDLED.index],
        full[_FORWARD.index],
    )
    if list(map(add, received, over)) != list(map(add, handled, forward)):
        return False
    return list(map(sum, zip(*full[_OUTCOME_SLICE], strict=True))) == list(handled)


def check_table3(report: AnnualReport, ctx: Context, out: list[Finding]) -> None:
    rows = report.table3.rows
    table = tuple(map(rows.__getitem__, _ROW_KEYS))
    try:
        if _sound(table):
            return
    except TypeError:  # a blank cell
        pass
    if all(row == _BLANK_ROW for row in table):
        emit(out, EMPTY, "表三没有任何数字（全部为空白），无法核对表三。")
        return
    skipped = _skipped_rows(report)
    _negative(rows, skipped, out)
    _column_identity(rows, out)
    _outcome_sum(rows, skipped, out)
    _row_sum(rows, skipped, out)


def _negative(rows: Rows, skipped: frozenset[str], out: list[Finding]) -> None:
    for key in _ROW_KEYS:
        row = rows[key]
        if None in row:
            if all(v is None or v >= 0 for v in row):
                continue
        elif min(cast(_Full, row)) >= 0:
            continue
        for i, value in enumerate(row):
            if value is not None and value < 0:
                cell = _CELL[key][i]
                emit(out, NEGATIVE, f"{s.describe_cell(cell)}为{value}，件数不能为负数。", (cell,))


def _column_identity(rows: Rows, out: list[Finding]) -> None:
    received = rows[_RECEIVED.key]
    over = rows[_CARRIED_OVER.key]
    handled = rows[_HANDLED.key]
    forward = rows[_FORWARD.key]
    blank: list[int] = []
    for i in _COLUMNS:
        a, b, c, d = received[i], over[i], handled[i], forward[i]
        if a is None or b is None or c is None or d is None:
            blank.append(i)
            continue
        if a + b != c + d:
            emit(
                out,
                COLUMN_IDENTITY,
                f"表三“{_LABEL[i]}”列：{_N_RECEIVED}（{a}）+ {_N_CARRIED_OVER}（{b}）= {a + b}，"
                f"应等于{_N_HANDLED}（{c}）+ {_N_FORWARD}（{d}）= {c + d}，相差{abs(a + b - c - d)}。",
                _IDENTITY_CELLS[i],
                hint=f"核对本列的{_N_HANDLED}是否漏填，或各行数字是否错行。",
                data={"column": s.TABLE3_COLUMNS[i].key, "left": a + b, "right": c + d},
            )
    if blank:
        cells = [k for i in blank for k in _IDENTITY_CELLS[i] if _value(rows, k) is None]
        where = joined(f"“{_LABEL[i]}”" for i in blank) + "列"
        detail = joined(s.describe_cell(k) for k in cells)
        _uncheckable(out, COLUMN_IDENTITY, _IDENTITY_TEXT, where, cells, detail)


def _outcome_sum(rows: Rows, skipped: frozenset[str], out: list[Finding]) -> None:
    keys = _OUTCOME_KEYS if not skipped else tuple(k for k in _OUTCOME_KEYS if k not in skipped)
    outcome = [rows[k] for k in keys]
    handled = rows[_HANDLED.key]
    if None not in handled and not any(None in r for r in outcome):
        sums = [sum(col) for col in zip(*outcome, strict=True)]
        if sums == list(handled):
            return
    else:
        sums = [
            None if any(r[i] is None for r in outcome) else sum(r[i] for r in outcome)
            for i in _COLUMNS
        ]
    blank: list[int] = []
    for i in _COLUMNS:
        total, expected = handled[i], sums[i]
        if total is None or expected is None:
            blank.append(i)
        elif total != expected:
            parts = [f"{_SHORT[k]}{r[i]}" for k, r in zip(keys, outcome, strict=True) if r[i]]
            emit(
                out,
                OUTCOME_SUM,
                f"表三“{_LABEL[i]}”列：{_N_HANDLED}为{total}，"
                f"而{_OUTCOMES_TEXT}之和为{expected}"
                + (f"（{' + '.join(parts)}）" if parts else "")
                + "。",
                _SUM_CELLS[i],
                hint=f"{_N_HANDLED}应填各项办理结果之和。",
                data={"column": s.TABLE3_COLUMNS[i].key, "printed": total, "sum": expected},
            )
    if blank:
        cells = [k for i in blank for k in _SUM_CELLS[i] if _value(rows, k) is None]
        where = joined(f"“{_LABEL[i]}”" for i in blank) + "列"
        identity = f"{_N_HANDLED} = 各项办理结果之和"
        _uncheckable(out, OUTCOME_SUM, identity, where, cells, f"共{len(cells)}格")


def _row_sum(rows: Rows, skipped: frozenset[str], out: list[Finding]) -> None:
    blank: list[str] = []
    for key in _ROW_KEYS:
        row = rows[key]
        if None in row:
            if key not in skipped:
                blank.append(key)
            continue
        full = cast(_Full, row)
        total = full[_TOTAL]
        parts = full[0] + full[1] + full[2] + full[3] + full[4] + full[5]
        if parts != total:
            label = s.TABLE3_ROW_BY_KEY[key].full_label
            terms = [f"{_LABEL[i]}{row[i]}" for i in range(_APPLICANTS) if row[i]] or ["各列均为0"]
            emit(
                out,
                ROW_SUM,
                f"表三“{label}”行：“{_LABEL[_TOTAL]}”列为{total}，"
                f"而六类申请人之和为{parts}（{' + '.join(terms)}）。",
                _CELL[key],
                data={"row": key, "printed": total, "sum": parts},
            )
    if blank:
        cells = [k for key in blank for k in _CELL[key] if _value(rows, k) is None]
        where = joined(f"“{s.TABLE3_ROW_BY_KEY[k].full_label}”" for k in blank) + "行"
        identity = "总计列 = 六类申请人之和"
        _uncheckable(out, ROW_SUM, identity, where, cells, f"共{len(cells)}格")


def _uncheckable(
    out: list[Finding], blocked: Rule, identity: str, where: str, cells: list[str], detail: str
) -> None:
    """The notice for the columns or rows (``where``) that ``blocked`` cannot check."""
    emit(
        out,
        UNCHECKABLE,
        f"无法核对“{identity}”：表三{where}有空白单元格（{detail}）。",
        cells,
        data={"rule": blocked.code},
    )


_POSITION: Final = {cell: (key, i) for key, cells in _CELL.items() for i, cell in enumerate(cells)}


def _value(rows: Rows, cell: str) -> Count:
    key, i = _POSITION[cell]
    return rows[key][i]


CHECKS: tuple[Check, ...] = (check_table3,)
