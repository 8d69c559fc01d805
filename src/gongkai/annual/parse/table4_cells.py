"""Table 四 printed one cell a line: each line names its group and its column, then its
number (``| 行政复议 | 结果维持 | 1 |``, ``| 行政诉讼（复议后起诉） | 总计 | 0 |``), as a
converter or a hand-made page prints a table turned on its side (组 | 列 | 数量).

The usual reader (``tables.read_table4``) takes each group's name to start a row of five
numbers, and reads such a table as fifteen rows of one number. This one is tried when that
reading is not whole (``recognize``): every line of the table that holds a number must
name one column of the form and one group, or the group must be named alone on a line
above (``| 行政复议 | |`` then ``| 结果维持 | 1 |`` …); the line holds that number only.
A line naming a group and a column with its number cell blank is a blank cell (null,
``CELL_BLANK``). A cell named twice keeps its first number (``ROW_DUPLICATE``); a cell
never named stays null (``ROW_NOT_FOUND``) and lowers the table's confidence. Any other
line holding a number, or fewer than five cells named, and the table is not read this way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .. import schema as s
from ..schema import normalize_label
from .cells import Kind, Value, read_value
from .notes import Notes
from .rows import Row
from .tables import Reading

_GROUPS: tuple[tuple[str, str], ...] = (
    ("复议后起诉", "litigation_after_reconsideration"),
    ("直接起诉", "litigation_direct"),
    ("行政复议", "reconsideration"),
    ("行政法复议", "reconsideration"),
)
"""A group's name as folded text, the names that hold another's first (``经行政复议后
起诉`` holds ``行政复议``)."""
_COLUMNS: tuple[tuple[str, str], ...] = tuple(
    (normalize_label(variant), column.key)
    for column in s.TABLE4_COLUMNS
    for variant in sorted(column.variants, key=len, reverse=True)
)
_WIDTH = len(s.TABLE4_COLUMNS)
_MIN_CELLS = _WIDTH
"""Fewer cells named one a line are no table 四 printed that way."""


@dataclass
class _Cell:
    group: str
    column: str
    value: Value
    row: Row


def read_table4_cells(rows: Sequence[Row], notes: Notes) -> Reading | None:
    """Table 四 read cell by cell from ``rows`` (see the module docstring), its notes in
    ``notes``; ``None`` when the rows are not such a table."""
    cells = _cells(rows)
    if cells is None or len(cells) < _MIN_CELLS:
        return None
    reading = Reading(expected=len(s.TABLE4_GROUPS) * _WIDTH, found=True)
    for group in s.TABLE4_GROUP_KEYS:
        reading.cells[group] = [None] * _WIDTH
    seen: dict[tuple[str, str], _Cell] = {}
    blanks: list[_Cell] = []
    placeholders: dict[str, list[int]] = {}
    for cell in cells:
        reading.touch(cell.row)
        key = s.table4_cell(cell.group, cell.column)
        if (cell.group, cell.column) in seen:
            notes.add(
                "ROW_DUPLICATE",
                "warning",
                f"{s.describe_cell(key)}再次出现，只读取第一次出现的数字",
                cell.row,
                cell=key,
            )
            continue
        seen[(cell.group, cell.column)] = cell
        position = s.TABLE4_COLUMN_KEYS.index(cell.column)
        reading.cells[cell.group][position] = cell.value.number
        reading.certain += 1
        if cell.value.kind is Kind.PLACEHOLDER:
            placeholders.setdefault(cell.group, []).append(position)
        elif cell.value.kind is Kind.EMPTY:
            blanks.append(cell)
    reading.placeholders = {k: tuple(sorted(v)) for k, v in placeholders.items()}
    notes.add(
        "TABLE4_ONE_CELL_A_ROW",
        "info",
        f"表四每行印一格（组、列、数字），共{len(seen)}格，各数字按该行所印的组和列读取",
        cells[0].row,
    )
    for cell in blanks:
        key = s.table4_cell(cell.group, cell.column)
        notes.add(
            "CELL_BLANK",
            "info",
            f"{s.describe_cell(key)}是空白单元格，按 null 处理",
            cell.row,
            cell=key,
        )
    missing = [
        s.table4_cell(g, c)
        for g in s.TABLE4_GROUP_KEYS
        for c in s.TABLE4_COLUMN_KEYS
        if (g, c) not in seen
    ]
    if missing:
        names = "、".join(s.describe_cell(key).removeprefix("表四") for key in missing[:3])
        more = f"等{len(missing)}格" if len(missing) > 3 else ""
        notes.add(
            "ROW_NOT_FOUND",
            "warning",
            f"表四每行印一格，找不到{names}{more}，留空",
            cells=missing,
        )
    return reading


def _cells(rows: Sequence[Row]) -> list[_Cell] | None:
    """The cells the rows name, in order; ``None`` when a line holding a number is no
    such cell."""
    out: list[_Cell] = []
    above: str | None = None  # a group named alone on a line above
    for row in rows:
        filled = [cell for cell in row.cells if cell]
        if not filled:
            continue
        values = [read_value(cell) for cell in filled]
        numbered = [i for i, v in enumerate(values) if v.is_value]
        words = normalize_label(
            "".join(c for c, v in zip(filled, values, strict=True) if not v.is_value)
        )
        group = _group(words)
        column = _column(words, group)
        if not numbered:
            if group is not None and column is None:
                above = group
            elif group is None and s.TABLE4_LITIGATION_HEADER in words:
                above = None  # 行政诉讼 over its two groups: not the group above's
            elif group is not None and column is not None and _blank_after(row, filled[-1]):
                out.append(_Cell(group, column, Value(Kind.EMPTY), row))
            continue
        if numbered != [len(filled) - 1] or column is None:
            return None
        group = group or above
        if group is None:
            return None
        out.append(_Cell(group, column, values[-1], row))
    return out


def _group(words: str) -> str | None:
    for name, key in _GROUPS:
        if name in words:
            return key
    return None


def _column(words: str, group: str | None) -> str | None:
    """The one column ``words`` name, outside the group's name; ``None`` for none or
    several."""
    if group is not None:
        for name, key in _GROUPS:
            if key == group:
                words = words.replace(name, "")
    found: set[str] = set()
    for name, key in _COLUMNS:
        if name in words:
            found.add(key)
            words = words.replace(name, "")
    return found.pop() if len(found) == 1 else None


def _blank_after(row: Row, last: str) -> bool:
    """Whether ``row`` is a ruled line (a grid's row, a Markdown row between its outer
    pipes) with a blank cell after its last word: the number's cell, left empty."""
    cells = row.cells
    at = max(i for i, cell in enumerate(cells) if cell == last)
    if row.grid is not None:
        return at < len(cells) - 1
    text = row.text.strip()
    return text[:1] == "|" and text[-1:] == "|" and at < len(cells) - 2
