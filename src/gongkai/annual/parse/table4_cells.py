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

When it is not, the table may be printed across (``read_table4_across``): turned on its
side, a header naming the three groups in some order (``项目 行政复议 行政诉讼（未经复议
直接起诉） 行政诉讼（复议后起诉）``, or 行政诉讼 over its two groups on the line below;
its first cell may be a corner saying what the rows are, ``结果``, ``审理结果``),
then one line a column (``结果维持 9 4 3`` … ``总计 15 7 5``), each with three numbers, one
a group in the header's order. Every line holding a number must name one column and no
group and hold exactly three numbers (a grid's or a Markdown row's blank cell among them
is a blank cell); the header must name each group once and say their order
(``table4_group_order``); a column named twice and the table is not read this way. A
column never printed stays null (``ROW_NOT_FOUND``). A group whose 总计 is not the sum of
its four is read as printed: the layout says where each number goes, and the checks
report the sum. Lines named by the form's columns, three or more, each with numbers
only, say the table is turned (``rows_name_columns``): ``recognize`` then tries this
layout even when the usual reading is whole, and warns when neither reads it by columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .. import schema as s
from ..schema import normalize_label
from .cells import Kind, Value, read_value
from .notes import Notes
from .rows import Row
from .tables import Reading, table4_group_order, table4_headings_in

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


_POSITION = {key: position for position, key in enumerate(s.TABLE4_COLUMN_KEYS)}


class _Table4:
    """Table 四 filled one cell at a time, each number put by its group and column: what
    both layouts read into. ``reading`` is the table read so far."""

    __slots__ = ("blanks", "filled", "reading")

    def __init__(self) -> None:
        self.reading = Reading(expected=len(s.TABLE4_GROUPS) * _WIDTH, found=True)
        for group in s.TABLE4_GROUP_KEYS:
            self.reading.cells[group] = [None] * _WIDTH
        self.filled: set[tuple[str, str]] = set()
        self.blanks: list[tuple[str, Row]] = []
        """The blank cells (key, the row printing it), in the order put."""

    def put(self, group: str, column: str, value: Value, row: Row) -> bool:
        """Put ``value``, printed on ``row``, in its cell; ``False`` when that cell was
        put already (it keeps its first number)."""
        self.reading.touch(row)
        if (group, column) in self.filled:
            return False
        self.filled.add((group, column))
        position = _POSITION[column]
        self.reading.cells[group][position] = value.number
        self.reading.certain += 1
        if value.kind is Kind.PLACEHOLDER:
            held = self.reading.placeholders.get(group, ())
            self.reading.placeholders[group] = tuple(sorted((*held, position)))
        elif value.kind is Kind.EMPTY:
            self.blanks.append((s.table4_cell(group, column), row))
        return True

    def say_blanks(self, notes: Notes) -> None:
        """A ``CELL_BLANK`` note for each blank cell put."""
        for key, row in self.blanks:
            notes.add(
                "CELL_BLANK",
                "info",
                f"{s.describe_cell(key)}是空白单元格，按 null 处理",
                row,
                cell=key,
            )

    def missing(self) -> list[str]:
        """The keys of the cells never put, in the form's order."""
        return [
            s.table4_cell(g, c)
            for g in s.TABLE4_GROUP_KEYS
            for c in s.TABLE4_COLUMN_KEYS
            if (g, c) not in self.filled
        ]


def read_table4_cells(rows: Sequence[Row], notes: Notes) -> Reading | None:
    """Table 四 read cell by cell from ``rows`` (see the module docstring), its notes in
    ``notes``; else the table printed across (``read_table4_across``); ``None`` when the
    rows are neither."""
    cells = _cells(rows)
    if cells is None or len(cells) < _MIN_CELLS:
        return read_table4_across(rows, notes)
    table = _Table4()
    for cell in cells:
        if not table.put(cell.group, cell.column, cell.value, cell.row):
            key = s.table4_cell(cell.group, cell.column)
            notes.add(
                "ROW_DUPLICATE",
                "warning",
                f"{s.describe_cell(key)}再次出现，只读取第一次出现的数字",
                cell.row,
                cell=key,
            )
    notes.add(
        "TABLE4_ONE_CELL_A_ROW",
        "info",
        f"表四每行印一格（组、列、数字），共{len(table.filled)}格，各数字按该行所印的组和列读取",
        cells[0].row,
    )
    table.say_blanks(notes)
    missing = table.missing()
    if missing:
        names = "、".join(s.describe_cell(key).removeprefix("表四") for key in missing[:3])
        more = f"等{len(missing)}格" if len(missing) > 3 else ""
        notes.add(
            "ROW_NOT_FOUND",
            "warning",
            f"表四每行印一格，找不到{names}{more}，留空",
            cells=missing,
        )
    return table.reading


def _cells(rows: Sequence[Row]) -> list[_Cell] | None:
    """The cells the rows name, in order; ``None`` when a line holding a number is no
    such cell."""
    out: list[_Cell] = []
    above: str | None = None  # a group named alone on a line above
    for row in rows:
        filled, values, words = _read_line(row)
        if not filled:
            continue
        numbered = [i for i, v in enumerate(values) if v.is_value]
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
        if numbered[-1] != len(filled) - 1 or column is None or not _filler(values, numbered):
            return None
        group = group or above
        if group is None:
            return None
        out.append(_Cell(group, column, values[-1], row))
    return out


def _filler(values: list[Value], numbered: list[int]) -> bool:
    """Whether the values before a line's last are placeholders only: a dash in a column
    that does not apply to the group (``| 行政复议 | — | 结果维持 | 1 |``, the 情形 of a
    table printed 类别 | 情形 | 结果 | 件数), no number of the table."""
    return all(values[i].kind is Kind.PLACEHOLDER for i in numbered[:-1])


def _read_line(row: Row) -> tuple[list[str], list[Value], str]:
    """``row``'s filled cells, each read as a value, and its words: the cells that are
    no value, joined and folded (``normalize_label``), where groups and columns are named."""
    filled = [cell for cell in row.cells if cell]
    values = [read_value(cell) for cell in filled]
    words = normalize_label(
        "".join(c for c, v in zip(filled, values, strict=True) if not v.is_value)
    )
    return filled, values, words


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


# ------------------------------------------------------------------ printed across


_ACROSS = 3
"""Numbers on a line of a table printed across: one a group."""
_MIN_LINES = 3
"""Fewer lines naming a column are no table 四 printed across."""
_GROUP_WORDS = tuple(
    sorted(
        {
            normalize_label(v)
            for g in s.TABLE4_GROUPS
            for v in (*g.variants, s.TABLE4_LITIGATION_HEADER)
        },
        key=len,
        reverse=True,
    )
)
_FILLER = ("单位:件", "单位", "项目", "类别", "情况", "件")
_FILLER_MARKS = frozenset("()[]【】〔〕:、,.;/|-—_\"'")


@dataclass
class _Line:
    column: str
    values: list[Value]
    """Three, a group each in the header's order; ``Kind.EMPTY`` for a blank cell."""
    row: Row


def read_table4_across(rows: Sequence[Row], notes: Notes) -> Reading | None:
    """Table 四 printed across (see the module docstring), its notes in ``notes``;
    ``None`` when the rows are not such a table."""
    found = _across(rows)
    if found is None:
        return None
    order, lines = found
    table = _Table4()
    for line in lines:
        for group, value in zip(order, line.values, strict=True):
            table.put(group, line.column, value, line.row)
    groups = "、".join(s.TABLE4_GROUP_BY_KEY[g].label for g in order)
    notes.add(
        "TABLE4_ONE_CELL_A_ROW",
        "info",
        f"表四横过来印（转置）：每行印一列（结果维持、结果纠正等），行内三个数字按表头顺序"
        f"分属{groups}，共{len(lines)}行，各数字按表头的组序和该行所印的列读取",
        lines[0].row,
    )
    table.say_blanks(notes)
    missing = table.missing()
    if missing:
        printed = {line.column for line in lines}
        names = "、".join(c.label for c in s.TABLE4_COLUMNS if c.key not in printed)
        notes.add(
            "ROW_NOT_FOUND",
            "warning",
            f"表四横过来印，找不到“{names}”这一行，各组该列留空",
            cells=missing,
        )
    return table.reading


def _across(rows: Sequence[Row]) -> tuple[tuple[str, ...], list[_Line]] | None:
    """The groups in the header's order and the lines naming a column, when ``rows`` are
    table 四 printed across; ``None`` otherwise."""
    headings: list[tuple[str, str]] = []
    lines: list[_Line] = []
    for row in rows:
        filled, values, words = _read_line(row)
        if not filled:
            continue
        count = sum(1 for v in values if v.is_value)
        if not count and not lines:
            header = _header_words(filled, words)
            if header is not None:
                headings.extend(table4_headings_in(header))
            continue  # the part's title, a unit: no line of the table
        if not headings or _group(words) is not None or s.TABLE4_LITIGATION_HEADER in words:
            return None  # a group named beside numbers or under them: another layout
        column = _column(words, None)
        cells = None if column is None else _three(row, filled, values)
        if not count and cells is None:
            continue  # a note under the table
        if column is None or cells is None or any(line.column == column for line in lines):
            return None
        lines.append(_Line(column, cells, row))
    if len(lines) < _MIN_LINES:
        return None
    order = _group_order(headings)
    return None if order is None else (order, lines)


def _header_words(filled: list[str], words: str) -> str | None:
    """The header words of a line that is a header of the table printed across: group
    names and filler only, or after a first cell that is the header's corner (``结果``,
    ``审理结果``: what the rows are), which names no group or column; ``None`` for any
    other line (the part's title names two groups among other words)."""
    if _header_only(words):
        return words
    printed = " ".join(filled).split()  # a text line's words are one cell
    if len(printed) < 2 or not _corner(normalize_label(printed[0])):
        return None
    rest = normalize_label("".join(printed[1:]))
    return rest if _header_only(rest) and _group(rest) is not None else None


_CORNER_LONGEST = 6
"""A header's corner cell is a word or two (结果, 案件审理结果); a longer first cell is
text."""


def _corner(cell: str) -> bool:
    """Whether ``cell`` may be the corner of a header: short, no digit, no group's or
    column's name."""
    if not cell or len(cell) > _CORNER_LONGEST or any(c.isdigit() for c in cell):
        return False
    if _group(cell) is not None or s.TABLE4_LITIGATION_HEADER in cell:
        return False
    return not any(name in cell for name, _ in _COLUMNS)


def _header_only(words: str) -> bool:
    """Whether ``words`` hold nothing but group names, 行政诉讼 and a header's filler
    (项目, a unit, brackets)."""
    for name in _GROUP_WORDS:
        words = words.replace(name, "")
    for filler in _FILLER:
        words = words.replace(filler, "")
    return all(c in _FILLER_MARKS for c in words)


def _group_order(headings: list[tuple[str, str]]) -> tuple[str, ...] | None:
    """The three groups in the header's order; ``None`` when it does not name each once
    or its names contradict each other."""
    named = [key for kind, key in headings if kind == "group" and key in s.TABLE4_GROUP_BY_KEY]
    if sorted(named) != sorted(s.TABLE4_GROUP_KEYS):
        return None
    if any(kind != "group" for kind, _ in headings):
        return None
    conflicts: list[str] = []
    order = table4_group_order(headings, lambda code, severity, message: conflicts.append(code))
    if conflicts:
        return None
    return tuple(s.TABLE4_GROUP_KEYS) if order is None else order


_COLUMN_NAMES = frozenset(name for name, _ in _COLUMNS)


def rows_name_columns(rows: Sequence[Row]) -> bool:
    """Whether at least ``_MIN_LINES`` lines are the name of a column of table 四 (结果维持
    …) then numbers only, more than one (a group's each): its results printed as rows,
    the table turned on its side. The form's own header names the columns without
    numbers, its value rows begin with a group or a number, and a table printed one cell
    a line has one number a line. Cheap: the first cell of each line, read on only when it
    is a column's name."""
    named = 0
    for row in rows:
        filled = [cell for cell in row.cells if cell]
        if len(filled) < 3 or normalize_label(filled[0]) not in _COLUMN_NAMES:
            continue
        if all(read_value(cell).is_value for cell in filled[1:]):
            named += 1
            if named >= _MIN_LINES:
                return True
    return False


def _three(row: Row, filled: list[str], values: list[Value]) -> list[Value] | None:
    """The line's three cells after its column's name: on a ruled line (a grid's row, a
    Markdown row) its three cells, a blank one among them read as blank; on a text line
    its three numbers. ``None`` when the line holds otherwise or a word follows a number."""
    numbered = [i for i, v in enumerate(values) if v.is_value]
    if numbered and numbered != list(range(numbered[0], len(filled))):
        return None
    rest = _ruled_rest(row, filled[-1 - len(numbered)])
    if rest is None:
        return [values[i] for i in numbered] if len(numbered) == _ACROSS else None
    if len(rest) != _ACROSS:
        return None
    return [read_value(cell) if cell else Value(Kind.EMPTY) for cell in rest]


def _ruled_rest(row: Row, last: str) -> list[str] | None:
    """The cells after ``last`` (the line's last word) on a ruled line, a grid's padding
    after its last cell left out; ``None`` for a text line, whose blanks say nothing."""
    if row.columns is not None:
        return None  # a cell's place is not its position
    cells = row.cells
    at = max(i for i, cell in enumerate(cells) if cell == last)
    if row.grid is not None:
        rest = list(cells[at + 1 :])
        while len(rest) > _ACROSS and not rest[-1]:
            rest.pop()
        return rest
    text = row.text.strip()
    if text[:1] == "|" and text[-1:] == "|":
        return list(cells[at + 1 : -1])
    return None
