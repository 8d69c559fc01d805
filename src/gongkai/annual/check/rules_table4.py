"""Table 四 (行政复议、行政诉讼情况): each group's 总计 is the sum of its four results."""

from __future__ import annotations

from itertools import chain
from operator import attrgetter
from typing import Final, cast

from .. import schema as s
from ..findings import Finding, Severity
from ..model import AnnualReport, AppealCounts, Table4
from .base import Check, Context, emit, joined, rule

_PART_LABELS: Final = tuple(c.label for c in s.TABLE4_PARTS)
_TOTAL: Final = next(c for c in s.TABLE4_COLUMNS if c not in s.TABLE4_PARTS)
_GROUPS: Final = tuple(
    (g.key, g.label, tuple(s.table4_cell(g.key, c) for c in s.TABLE4_COLUMN_KEYS))
    for g in s.TABLE4_GROUPS
)
_SUM_TEXT: Final = " + ".join(_PART_LABELS)

GROUP_SUM = rule(
    "T4.E001",
    Severity.ERROR,
    f"表四每组：{_TOTAL.label} = {_SUM_TEXT}",
    f"表四的行政复议、未经复议直接起诉、复议后起诉三组，每组的“{_TOTAL.label}”应等于{_SUM_TEXT}。",
)
NEGATIVE = rule("T4.E002", Severity.ERROR, "表四没有负数", "表四的数字是案件数，不能为负数。")
UNCHECKABLE = rule(
    "T4.N001",
    Severity.NOTICE,
    "表四有空白单元格，无法核对",
    f"某组有空白单元格时，该组的“{_TOTAL.label} = {_SUM_TEXT}”报告“无法核对”，而不是报错。",
)
EMPTY = rule("T4.N002", Severity.NOTICE, "表四没有数字", "表四全部单元格为空白时，跳过表四的核对。")

RULES = (GROUP_SUM, NEGATIVE, UNCHECKABLE, EMPTY)


_GROUPS_OF: Final = attrgetter(*s.TABLE4_GROUP_KEYS)
_VALUES_OF: Final = attrgetter(*s.TABLE4_COLUMN_KEYS)


def _sound(table: Table4) -> bool:
    """Whether every group adds up and nothing is negative (the fast path; a blank cell
    raises ``TypeError``)."""
    rows = cast(list[tuple[int, int, int, int, int]], list(map(_VALUES_OF, _GROUPS_OF(table))))
    if min(chain.from_iterable(rows)) < 0:
        return False
    return [a + b + c + d for a, b, c, d, _ in rows] == [row[4] for row in rows]


def check_table4(report: AnnualReport, ctx: Context, out: list[Finding]) -> None:
    table = report.table4
    try:
        if _sound(table):
            return
    except TypeError:  # a blank cell
        pass
    values = [(key, label, cells, _values(getattr(table, key))) for key, label, cells in _GROUPS]
    if all(v is None for _, _, _, vals in values for v in vals):
        emit(out, EMPTY, "表四没有任何数字（全部为空白），无法核对表四。")
        return
    for key, label, cells, vals in values:
        for cell, value in zip(cells, vals, strict=True):
            if value is not None and value < 0:
                emit(
                    out, NEGATIVE, f"{s.describe_cell(cell)}为{value}，案件数不能为负数。", (cell,)
                )
        if None in vals:
            blank = [c for c, v in zip(cells, vals, strict=True) if v is None]
            emit(
                out,
                UNCHECKABLE,
                f"无法核对表四“{label}”的“{_TOTAL.label} = {_SUM_TEXT}”："
                f"{joined(s.describe_cell(c) for c in blank)}为空白。",
                blank,
                data={"rule": GROUP_SUM.code, "group": key},
            )
            continue
        a, b, c, d, total = vals
        assert a is not None and b is not None and c is not None and d is not None
        if a + b + c + d != total:
            terms = " + ".join(
                f"{name}（{v}）" for name, v in zip(_PART_LABELS, vals, strict=False)
            )
            emit(
                out,
                GROUP_SUM,
                f"表四“{label}”：{_TOTAL.label}为{total}，而{terms} = {a + b + c + d}。",
                cells,
                data={"group": key, "printed": total, "sum": a + b + c + d},
            )


def _values(group: AppealCounts) -> tuple[int | None, ...]:
    return tuple(getattr(group, c) for c in s.TABLE4_COLUMN_KEYS)


CHECKS: tuple[Check, ...] = (check_table4,)
