"""Table 三 printed as two consecutive tables that split its seven columns.

Some reports print the first columns (e.g. 自然人 … 社会公益组织) in one table and the
rest (法律服务机构, 其他, 总计) in the next, each with the row labels again or the second
with no labels at all: grids (HTML, DOCX, PDF) or, in a Markdown document without
grids, tables of ``| … |`` lines. ``join_split_columns`` puts each row back together: the second
table's values go after the first's, on the row with the same labels (by position when
the second table prints none), and one header row lists the columns of both in order.
The joined rows keep the first table's places, so diagnostics point at it.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby, pairwise
from operator import attrgetter

from .. import schema as s
from .labels import table3_labels
from .rows import Row

__all__ = ["join_split_columns"]

_GRID = attrgetter("grid")


def join_split_columns(rows: Sequence[Row]) -> tuple[list[Row], Row | None]:
    """The rows with a split table 三 joined, and the last row of the second table (to
    count as part of the table); the rows unchanged and ``None`` when it is not split."""
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
