"""Table 二 printed otherwise than the form prints it, each looked for only when a cheap
test on the table's tokens says it may be so (``tables.read_table2`` asks):

* the fee in 元 rather than 万元 (``fees_in_yuan``, note ``FEE_IN_YUAN``): a header or the
  cell itself says 元 (本年收费金额（单位：元）, ``35600元``); the amount is divided by
  10,000, as the form's cell is in 万元;
* one cell a line, its label joining the item and the measure (项目 | 数量:
  ``规章本年废止件数 | 0``): ``joined_name`` tells the cell, ``tables._long_format`` reads
  the table as it reads one printed 条款 | 信息内容 | 统计指标 | 数值;
* a header row of such labels over a row of numbers (规章制发 | 规章废止 | … over
  ``0 | 0 | …``): ``cells_under_labels`` pairs each number with the label above it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from .. import schema as s
from .cells import Kind, Value
from .labels import LabelSet
from .notes import Notes
from .rows import by_row

if TYPE_CHECKING:
    from .tables import Reading, Token

FEE_IN_YUAN_CODE: Final = "FEE_IN_YUAN"
_YUAN: Final = "元"
_YUAN_RE: Final = re.compile(r"(?<!万)元")
_AMOUNT_IN_YUAN_RE: Final = re.compile(r"^\s*(\d[\d,，]*(?:\.\d+)?)\s*(?<!万)元\s*$")
_YUAN_PER_WAN: Final = Decimal(10000)
_FEES: Final = s.TABLE2_FEES_ROW
_AMOUNT: Final = s.T2_FEES.key


def yuan_cells(stream: list[Token]) -> Token | None:
    """Cells printed as an amount in 元 (``35600元``) made numbers (still in 元); the first
    token that says 元 rather than 万元, a header naming the fee's column or row or such a
    cell, or ``None`` when none does (every usual table: ``元`` is looked for first)."""
    said: Token | None = None
    for token in stream:
        text = token.text
        if _YUAN not in text or not _YUAN_RE.search(text):
            continue
        amount = _AMOUNT_IN_YUAN_RE.match(text)
        if amount is not None:
            number = Decimal(amount.group(1).replace(",", "").replace("，", ""))
            token.value = Value(Kind.NUMBER, number)
            said = said or token
        elif _names_the_fee(token):
            said = said or token
    return said


def _names_the_fee(token: Token) -> bool:
    return any(
        (lb.kind == "column" and lb.key == _AMOUNT) or (lb.kind == "row" and lb.key == _FEES)
        for lb in token.labels
    )


def fees_in_yuan(reading: Reading, said: Token, notes: Notes) -> None:
    """The fee read from a table printing it in 元 (``said``: where it says so) put in
    万元, and said."""
    cells = reading.cells.get(_FEES)
    if not cells or cells[0] is None:
        return
    printed = cells[0]
    cells[0] = printed / _YUAN_PER_WAN
    notes.add(
        FEE_IN_YUAN_CODE,
        "info",
        f"表二“行政事业性收费”的金额按“元”印出（“{said.text}”），"
        f"读到{printed}元，已换算为{as_plain(cells[0])}万元",
        said.row,
        cell=s.cell_key("table2", _FEES),
    )


def as_plain(number: Decimal) -> str:
    """A number as a reader writes it: no exponent, no trailing zeros after the point."""
    text = f"{number:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


_ROW_COLUMNS: Final = tuple(
    (row.key, row.label, tuple(c.key for c in block.columns))
    for block in s.TABLE2_BLOCKS
    for row in block.rows
)


_MEASURE_WORDS: Final = (("made", "制发"), ("repealed", "废止"), ("in_force", "有效"))
"""The words of the three measures of a document row, as short headers print them
(规章制发, 规章废止, 规章现行有效)."""


def joined_name(text: str, labels: LabelSet) -> tuple[str, int] | None:
    """The cell a label joining an item and a measure names (``规章本年废止件数``,
    ``规章现行有效``, ``行政许可本年处理决定数量``, ``行政事业性收费（万元）``): its row's key
    and the column's position in that row; ``None`` when the text is not an item's name
    followed by words naming one of its measures (an item of one measure: any words)."""
    for key, label, columns in _ROW_COLUMNS:
        if not text.startswith(label):
            continue
        rest = text[len(label) :]
        if not rest:
            return None
        if len(columns) == 1:
            return key, 0
        named = {lb.key for lb in labels.classify(rest)[1] if lb.kind == "column"}
        named &= set(columns)
        if not named:
            named = {column for column, word in _MEASURE_WORDS if word in rest}
        if len(named) != 1:
            return None
        return key, columns.index(named.pop())
    return None


def cells_under_labels(
    stream: Sequence[Token], labels: LabelSet
) -> list[tuple[str, int, Token]] | None:
    """Table 二 as a header row of cells each naming an item and a measure (规章制发 …
    行政事业性收费（万元）) over a row of numbers (or several such pairs): each number's
    cell, as the header cell above it (in the same table column) names it, in order;
    ``None`` when a line holding a number has a cell that is not a number or stands under
    no such header cell."""
    out: list[tuple[str, int, Token]] = []
    header: dict[int, tuple[str, int]] = {}
    for line in by_row(stream):
        if not any(token.value.is_value for token in line):
            named = [joined_name(token.text, labels) for token in line]
            if len(line) > 1 and None not in named:
                header = {
                    _table_column(token): cell
                    for token, cell in zip(line, named, strict=True)
                    if cell is not None
                }
            continue
        for token in line:
            cell = header.get(_table_column(token))
            if cell is None or not token.value.is_value:
                return None
            out.append((*cell, token))
    return out


def _table_column(token: Token) -> int:
    column = token.row.column(token.column)
    return token.column if column is None else column
