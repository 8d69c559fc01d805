"""Table 三 printed as two consecutive tables that split its seven columns.

Some reports print the first columns (e.g. 自然人 … 社会公益组织) in one table and the
rest (法律服务机构, 其他, 总计) in the next, each with the row labels again or the second
with no labels at all: grids (HTML, DOCX, PDF) or, in a Markdown document without
grids, tables of ``| … |`` lines. ``join_split_columns`` puts each row back together: the second
table's values go after the first's, on the row with the same labels (by position when
the second table prints none), and one header row lists the columns of both in order.
The joined rows keep the first table's places, so diagnostics point at it.

A grid widget's copy splits it otherwise: the labels column is a table of its own (read
as lines, one a label, or as a grid of one column) and the numbers a second table beside
it, with as many rows. ``join_split_columns`` joins them row by row when the rows just
before the numbers (their own header table aside) are exactly as many labels, the first
of table 三's rows among them: label i heads numbers row i (``_labels_beside``).

Text laid out in columns by spaces (``pdftotext -layout``) right-aligns each column's
numbers and prints a blank cell as spaces only: such a row splits into fewer cells than
the others, and which ones are blank its cells cannot tell. When the table's full rows
print their numbers with the same right edges, a row with fewer numbers puts each in the
column its right edge falls in, the others blank (``by_right_edges``): its blanks' places
are then as certain as a grid's (``Row.placed``, read as ``CELL_BLANK``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from itertools import groupby, pairwise
from operator import attrgetter

from .. import schema as s
from .cells import Kind, read_value
from .labels import table3_labels
from .rows import Row
from .tables_text import is_value_cell

__all__ = ["join_split_columns"]

_GRID = attrgetter("grid")


def join_split_columns(rows: Sequence[Row]) -> tuple[list[Row], Row | None]:
    """The rows with a split table 三 joined, and a row left out of them that is part of
    the table (the last of the second table, or the first label of a labels column
    printed apart: its span then covers them); the rows unchanged and ``None`` when it is
    not split."""
    beside = _labels_beside(rows)
    if beside is not None:
        return beside
    rows = by_right_edges(rows)
    grids: dict[int, list[Row]] = {}
    for number, run in groupby(rows, key=_GRID):  # a grid's rows in runs, found in C
        if number is not None:
            grids.setdefault(number, []).extend(run)
    tables = _with_continuations(list(grids.values()))
    if len(tables) < 2:
        tables = _pipe_tables(rows)  # Markdown: tables are runs of ``| … |`` lines
    for first, second in pairwise(tables):
        joined = _join(first, second)
        if joined is not None:
            skip = {id(r) for r in (*first, *second)}
            at = rows.index(first[0])
            out = [r for r in rows[:at] if id(r) not in skip]
            out.extend(joined)
            out.extend(r for r in rows[at:] if id(r) not in skip)
            return out, second[-1]
    return list(rows), None


def _with_continuations(grids: list[list[Row]]) -> list[list[Row]]:
    """The grids with each one that goes on from the grid before it over a page break
    (a PDF's table of many rows) made one table with it: each half of a split table 三
    printed over two pages is then one table."""
    tables: list[list[Row]] = []
    for grid in grids:
        if tables and _continues(tables[-1], grid):
            tables[-1] = [*tables[-1], *grid]
        else:
            tables.append(list(grid))
    return tables


def _continues(before: Sequence[Row], grid: Sequence[Row]) -> bool:
    """Whether ``grid`` begins on the page after ``before`` ends, at the next row, with a
    row of the table rather than a header of its own."""
    last, first = before[-1], grid[0]
    if last.page is None or first.page != last.page + 1 or first.index != last.index + 1:
        return False
    keys, data = _columns(grid)
    return data == 0 and not keys


def _pipe_tables(rows: Sequence[Row]) -> list[list[Row]]:
    """A Markdown document's tables: runs of lines printed between pipes, each ended by a
    line of text (a heading) or by a line of another number of cells (the next table,
    its page's footer between them left out by the reader); blank lines end none."""
    tables: list[list[Row]] = []
    current: list[Row] = []
    for row in rows:
        if row.grid is None and row.text[:1] == "|":
            if current and len(row.cells) != len(current[-1].cells):
                tables.append(current)
                current = []
            current.append(row)
        elif current and row.filled:
            tables.append(current)
            current = []
    if current:
        tables.append(current)
    return tables


def _columns(grid: Sequence[Row]) -> tuple[list[str], int]:
    """The column keys a grid's header prints, in the order of their columns (总计 on
    the header's first row stands right of the columns named on its second), and its
    first data row."""
    labels = table3_labels()
    placed: dict[str, int] = {}
    for i, row in enumerate(grid):
        found = [[lb for lb in labels.match(cell) if cell] for cell in row.cells]
        kinds = [{lb.kind for lb in cell} for cell in found]
        if any("row" in k and "column" not in k for k in kinds) or any(
            not k and any(ch.isdigit() for ch in cell)
            for k, cell in zip(kinds, row.cells, strict=True)
        ):
            return _in_column_order(placed), i
        for at, cell in enumerate(found):
            key = next((lb.key for lb in cell if lb.kind == "column"), None)
            if key is not None and key not in placed:
                placed[key] = row.columns[at] if row.columns is not None else at
    return _in_column_order(placed), len(grid)


def _in_column_order(placed: dict[str, int]) -> list[str]:
    return sorted(placed, key=placed.__getitem__)  # (a stable sort: ties keep their order)


def _join(first: Sequence[Row], second: Sequence[Row]) -> list[Row] | None:
    keys_a, data_a = _columns(first)
    if data_a >= len(first):
        return None  # only header rows: the table goes on on the next page, it is not split
    keys_b, data_b = _columns(second)
    if not keys_a or not keys_b or set(keys_a) & set(keys_b):
        return None
    if set(keys_a) | set(keys_b) != set(s.TABLE3_COLUMN_KEYS):
        return None
    width_a, width_b = len(keys_a), len(keys_b)
    rows_b = [r for r in second[data_b:] if len(_cells(r)) >= width_b]
    by_labels: dict[tuple[str, ...], Row] = {}
    for row in rows_b:
        by_labels.setdefault(_labels(row, width_b), row)
    unlabelled = all(not _labels(r, width_b) for r in rows_b)
    if unlabelled and len(rows_b) != sum(len(_cells(r)) > width_a for r in first[data_a:]):
        return None
    header = first[0]
    cells = tuple(_label(k) for k in (*keys_a, *keys_b))
    out = [Row(header.index, cells, " ".join(cells), header.line, header.page, header.grid)]
    positional = iter(rows_b)
    for row in first[data_a:]:
        own = _cells(row)
        if len(own) <= width_a:
            out.append(row)
            continue
        match = next(positional, None) if unlabelled else by_labels.get(_labels(row, width_a))
        if match is None:
            out.append(row)
            continue
        theirs = _cells(match)
        values = theirs[len(theirs) - width_b :]
        columns = None
        if row.columns is not None:
            last = row.columns[-1]
            columns = (*row.columns, *range(last + 1, last + 1 + width_b))
        joined = (*own, *values)
        text = " ".join(filter(None, joined))
        out.append(
            Row(row.index, joined, text, row.line, row.page, row.grid, row.grid_row, columns)
        )
    return out


def _cells(row: Row) -> tuple[str, ...]:
    """A row's cells without the blanks before the first and after the last pipe of a
    Markdown line (``| a | 1 |`` splits into ``"", "a", "1", ""``)."""
    cells = row.cells
    if row.grid is None and len(cells) > 1 and row.text[:1] == "|" and not cells[0]:
        return cells[1:-1] if not cells[-1] else cells[1:]
    return cells


def _labels(row: Row, width: int) -> tuple[str, ...]:
    cells = _cells(row)
    return tuple("".join(c.split()) for c in cells[: len(cells) - width] if c)


def _label(key: str) -> str:
    return s.TABLE3_COLUMN_BY_KEY[key].label


_ITEM_START_RE = re.compile(r"\s+(?=[(（][一二三四五六七][)）]|\d{1,2}[.．、]|[一二三四]、)")
"""The space before a numbered row of the form inside one label's text."""
_MIN_LABELLED = 5
"""Fewer rows of numbers are no table 三 printed as a labels column beside its numbers."""


def _labels_beside(rows: Sequence[Row]) -> tuple[list[Row], Row] | None:
    """Table 三 as a labels column beside a numbers table (see the module docstring),
    its rows joined, and its first label; ``None`` when the rows hold no such pair. A
    grid is looked at further only when its last row starts with a number (the usual
    table's last row starts with its label)."""
    at = 0
    for number, run in groupby(rows, key=_GRID):
        size = sum(1 for _ in run)
        start, end = at, at + size
        at = end
        if number is None or not _starts_with_number(rows[end - 1]):
            continue
        data = end
        while data > start and _numbers_only(rows[data - 1]):
            data -= 1
        count = end - data
        if count < _MIN_LABELLED or any(_holds_number(row) for row in rows[start:data]):
            continue
        k = start - 1  # the numbers' header tables before them (no number in them)
        while k >= 0 and rows[k].grid is not None and not _holds_number(rows[k]):
            k -= 1
        first = k - count + 1
        if first < 0:
            continue
        labels = rows[first : k + 1]
        if not all(_lone_text(row) for row in labels) or not _labels_of_table3(labels):
            continue
        if first > 0 and _lone_text(rows[first - 1]) and _row_label(rows[first - 1]):
            continue  # more labels than numbers' rows: which row is whose is not certain
        joined = [_joined(label, row) for label, row in zip(labels, rows[data:end], strict=True)]
        out = [*rows[:first], *rows[k + 1 : data], *joined, *rows[end:]]
        return out, labels[0]
    return None


def _starts_with_number(row: Row) -> bool:
    first = next((cell for cell in row.cells if cell), "")
    return is_value_cell(first)


def _numbers_only(row: Row) -> bool:
    """A row of numbers or blanks (a placeholder counts), one filled at least."""
    filled = [cell for cell in row.cells if cell]
    return bool(filled) and all(read_value(cell).kind is not Kind.TEXT for cell in filled)


def _holds_number(row: Row) -> bool:
    return any(cell and read_value(cell).kind is Kind.NUMBER for cell in row.cells)


def _lone_text(row: Row) -> bool:
    """A row of one filled cell holding text: a label's line."""
    filled = row.filled
    return len(filled) == 1 and read_value(filled[0]).kind is Kind.TEXT


def _row_label(row: Row) -> bool:
    return any(label.kind == "row" for label in table3_labels().match(row.filled[0]))


def _labels_of_table3(labels: Sequence[Row]) -> bool:
    """Whether the lines are table 三's labels: its first row's first, most of them rows
    of the form."""
    if not _row_label(labels[0]):
        return False
    return 2 * sum(1 for row in labels if _row_label(row)) > len(labels)


def _joined(label: Row, row: Row) -> Row:
    """The numbers' row with its label's cells first, at the numbers' place: a label
    printing the rows it is under before it (``三、本年度办理结果 （六）其他处理 3.其他``,
    a widget's one cell for the merged cells of a grid) gives a cell to each, as the
    grid would."""
    pieces = tuple(_ITEM_START_RE.split(label.filled[0]))
    cells = (*pieces, *row.cells)
    width = len(pieces)
    columns = None if row.columns is None else (*range(width), *(c + width for c in row.columns))
    joined = " ".join(filter(None, cells))
    return Row(row.index, cells, joined, row.line, row.page, row.grid, row.grid_row, columns)


_MIN_FULL_ROWS = 3
"""Fewer rows of all their numbers show no columns."""
_EDGE_SLACK = 1
"""How far (in characters) a number's right edge may stand from its column's."""
_WIDE_GAP = "   "


def by_right_edges(rows: Sequence[Row]) -> Sequence[Row]:
    """``rows`` with each line of text that prints fewer numbers than the table's full
    rows laid out by their right edges (see the module docstring): the same sequence
    when there is none. Only lines spaced as columns (a wide gap) whose count of cells is
    not the usual one are looked at further."""
    spaced = [
        row
        for row in rows
        if row.grid is None
        and not row.placed
        and row.columns is None
        and len(row.cells) > 1
        and _WIDE_GAP in row.text
        and "|" not in row.text
        and "\t" not in row.text
    ]
    if len(spaced) <= _MIN_FULL_ROWS or len({len(row.cells) for row in spaced}) < 2:
        return rows
    shapes = [_shape(row) for row in spaced]
    counts = [len(shape) for shape in shapes if shape is not None]
    if not counts:
        return rows
    full = max(counts)
    full_rows = [row for row, shape in zip(spaced, shapes, strict=True) if len(shape or ()) == full]
    short = [
        (row, len(shape))
        for row, shape in zip(spaced, shapes, strict=True)
        if shape is not None and 0 < len(shape) < full
    ]
    if len(full_rows) < _MIN_FULL_ROWS or full < 2 or not short:
        return rows
    placed: dict[int, Row] = {}
    for wide in (False, True):
        columns = _column_edges(full_rows, full, wide)
        if columns is None:
            continue
        for row, count in short:
            laid = _laid_out(row, count, columns, wide)
            if laid is not None:
                placed[row.index] = laid
        break
    if not placed:
        return rows
    return [placed.get(row.index, row) for row in rows]


def _shape(row: Row) -> tuple[str, ...] | None:
    """A line's numbers (the cells after its label, every one a value), ``None`` for a
    line that is not a label and numbers."""
    cells = row.cells
    values = cells[1:]
    if not cells[0] or is_value_cell(cells[0]) or not all(map(is_value_cell, values)):
        return None
    return values


def _edges(row: Row, count: int, wide: bool) -> list[int]:
    """The right edges of the line's last ``count`` words (its numbers), counted in
    characters, or in display columns (a CJK character two) when ``wide``."""
    text = row.text
    ends: list[int] = []
    at = len(text)
    for _ in range(count):
        while at > 0 and text[at - 1] == " ":
            at -= 1
        ends.append(at)
        while at > 0 and text[at - 1] != " ":
            at -= 1
    if not wide:
        return ends[::-1]
    return [_display_width(text[:end]) for end in reversed(ends)]


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _column_edges(full_rows: Sequence[Row], count: int, wide: bool) -> list[int] | None:
    """The right edge of each column, when every full row prints its ``count`` numbers
    with the same right edges (give or take ``_EDGE_SLACK``); else ``None``."""
    edges = [_edges(row, count, wide) for row in full_rows]
    columns = edges[0]
    for other in edges[1:]:
        if any(abs(a - b) > _EDGE_SLACK for a, b in zip(columns, other, strict=True)):
            return None
    if any(b - a <= _EDGE_SLACK * 2 for a, b in pairwise(columns)):
        return None
    return columns


def _laid_out(row: Row, count: int, columns: list[int], wide: bool) -> Row | None:
    """The row with each of its ``count`` numbers in the column its right edge falls on,
    blanks in the others, as a row laid out by its columns (``Row.placed``); ``None``
    when a number's edge falls on no column."""
    cells: list[str] = [""] * len(columns)
    values = row.cells[1:]
    for value, edge in zip(values, _edges(row, count, wide), strict=True):
        near = [i for i, column in enumerate(columns) if abs(column - edge) <= _EDGE_SLACK]
        if len(near) != 1 or cells[near[0]]:
            return None
        cells[near[0]] = value
    laid = Row(
        row.index, (row.cells[0], *cells), row.text, row.line, row.page, row.grid, row.grid_row
    )
    laid.placed = True
    return laid
