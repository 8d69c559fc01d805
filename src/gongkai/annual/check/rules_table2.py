"""Table 二 (主动公开政府信息情况): counts are whole numbers, the fee an amount in 万元.

Within one year table 二 has no identity; ``rules_crossyear`` checks 现行有效件数 against
last year's report.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import chain
from operator import attrgetter
from typing import Final

from .. import schema as s
from ..findings import Finding, Severity
from ..model import AnnualReport, T2Value, Table2
from .base import Check, Context, emit, joined, num, rule

_MADE, _REPEALED, _IN_FORCE = (c.key for c in s.TABLE2_DOCUMENT_COLUMNS)
_DOC_CELLS: Final = tuple(
    (row, tuple(s.cell_key("table2", row, c.key) for c in s.TABLE2_DOCUMENT_COLUMNS))
    for row in s.TABLE2_DOCUMENT_ROWS
)
_COUNT_CELLS: Final = tuple((row, s.cell_key("table2", row)) for row in s.TABLE2_COUNT_ROWS)
_FEES_CELL: Final = s.cell_key("table2", s.TABLE2_FEES_ROW)
_FEES_LABEL: Final = s.table2_block_of(s.TABLE2_FEES_ROW).columns[0].label
_FEE_PLACES: Final = 4
"""万元 to four decimal places is one 元."""
FEE_CEILING: Final = Decimal(1000)
"""Disclosure fees above this many 万元 are far beyond anything charged under the fee measures."""

COUNT = rule(
    "T2.E001",
    Severity.ERROR,
    "表二件数为非负整数",
    "表二的本年制发件数、本年废止件数、现行有效件数和本年处理决定数量都是件数，应为不小于0的整数。",
)
FEES = rule(
    "T2.E002",
    Severity.ERROR,
    "表二收费金额不为负数",
    f"表二“行政事业性收费”的“{_FEES_LABEL}”以万元计，可以是小数，但不能为负数。",
)
IN_FORCE_BELOW_MADE = rule(
    "T2.W001",
    Severity.WARNING,
    "表二现行有效件数不少于本年制发件数",
    "本年制发的规章或行政规范性文件通常仍然有效，现行有效件数少于本年制发件数时多半是填错了行或列。",
)
FEE_PRECISION = rule(
    "T2.W002",
    Severity.WARNING,
    "表二收费金额精确到元",
    f"收费金额以万元计，小数超过{_FEE_PLACES}位（不足1元）时，可能误以元或其他单位填写。",
)
FEE_SIZE = rule(
    "T2.W003",
    Severity.WARNING,
    "表二收费金额的量级",
    f"信息处理费金额超过{FEE_CEILING}万元极不寻常，可能误以元为单位填写。",
)
UNCHECKABLE = rule(
    "T2.N001",
    Severity.NOTICE,
    "表二有空白单元格，无法核对",
    "需要的单元格为空白（null）时，相应规则报告“无法核对”，而不是报错。",
)
EMPTY = rule("T2.N002", Severity.NOTICE, "表二没有数字", "表二全部单元格为空白时，跳过表二的核对。")

RULES = (COUNT, FEES, IN_FORCE_BELOW_MADE, FEE_PRECISION, FEE_SIZE, UNCHECKABLE, EMPTY)


def _bad_count(value: T2Value) -> bool:
    if value is None:
        return False
    if isinstance(value, int):
        return value < 0
    return value < 0 or value != value.to_integral_value()


_DOCS_OF: Final = attrgetter(*s.TABLE2_DOCUMENT_ROWS)
_DOC_VALUES_OF: Final = attrgetter(*(c.key for c in s.TABLE2_DOCUMENT_COLUMNS))
_COUNTS_OF: Final = attrgetter(*s.TABLE2_COUNT_ROWS)


def _sound(t2: Table2) -> bool:
    """Whole non-negative counts, in force not below made, an ordinary fee (the fast path)."""
    docs = list(map(_DOC_VALUES_OF, _DOCS_OF(t2)))
    values = (*chain.from_iterable(docs), *_COUNTS_OF(t2))
    if any(type(v) is not int for v in values) or min(values) < 0:
        return False
    if any(in_force < made for made, _, in_force in docs):
        return False
    fees = t2.fees
    return fees is None or not fees or (0 < fees <= FEE_CEILING and _places(fees) <= _FEE_PLACES)


def _places(fees: Decimal) -> int:
    exponent = fees.normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) else 0


def check_table2(report: AnnualReport, ctx: Context, out: list[Finding]) -> None:
    t2 = report.table2
    if _sound(t2):
        return
    docs = [(row, cells, getattr(t2, row)) for row, cells in _DOC_CELLS]
    counts = [(cell, getattr(t2, row)) for row, cell in _COUNT_CELLS]
    fees = t2.fees
    doc_values = [
        (cell, getattr(d, c.key))
        for _, cells, d in docs
        for cell, c in zip(cells, s.TABLE2_DOCUMENT_COLUMNS, strict=True)
    ]
    if fees is None and all(v is None for _, v in (*doc_values, *counts)):
        emit(out, EMPTY, "表二没有任何数字（全部为空白），无法核对表二。")
        return
    for cell, value in (*doc_values, *counts):
        if _bad_count(value):
            emit(
                out,
                COUNT,
                f"{s.describe_cell(cell)}为{num(value)}，件数应为不小于0的整数。",
                (cell,),
            )
    if fees is not None:
        _check_fees(fees, out)
    blank: list[str] = []
    for row, cells, d in docs:
        made, in_force = getattr(d, _MADE), getattr(d, _IN_FORCE)
        if made is None or in_force is None:
            blank.extend(c for c, v in ((cells[0], made), (cells[2], in_force)) if v is None)
            continue
        if in_force < made:
            emit(
                out,
                IN_FORCE_BELOW_MADE,
                f"表二“{s.table2_row(row).label}”：{s.T2_IN_FORCE.label}（{num(in_force)}）"
                f"少于{s.T2_MADE.label}（{num(made)}）。",
                (cells[0], cells[2]),
            )
    if blank:
        emit(
            out,
            UNCHECKABLE,
            f"无法核对“{IN_FORCE_BELOW_MADE.title}”：{joined(s.describe_cell(c) for c in blank)}为空白。",
            blank,
            data={"rule": IN_FORCE_BELOW_MADE.code},
        )


def _check_fees(fees: Decimal, out: list[Finding]) -> None:
    where = s.describe_cell(_FEES_CELL)
    if fees < 0:
        emit(out, FEES, f"{where}为{num(fees)}，收费金额不能为负数。", (_FEES_CELL,))
        return
    if _places(fees) > _FEE_PLACES:
        emit(
            out,
            FEE_PRECISION,
            f"{where}为{num(fees)}万元，小数超过{_FEE_PLACES}位（不足1元），请确认是否以万元填写。",
            (_FEES_CELL,),
        )
    if fees > FEE_CEILING:
        emit(
            out,
            FEE_SIZE,
            f"{where}为{num(fees)}万元，超过{FEE_CEILING}万元，请确认是否误以元为单位填写。",
            (_FEES_CELL,),
        )


CHECKS: tuple[Check, ...] = (check_table2,)
