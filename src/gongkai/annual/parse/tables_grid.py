"""Tables that arrive as grids (HTML, DOCX, ruled PDF): one row of cells per table row.

A merged cell's repeats are dropped: they are not cells of their own, and keeping them
would make a merged block label look like a value or push a row's numbers sideways.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain

from .cells import Kind, read_value
from .document import Grid
from .normalize import evenly_spaced


def _uneven(joined: str) -> bool:
    """Whether folding white space runs to one space would change a cell of cells joined
    by NUL (``normalize.evenly_spaced``)."""
    return not evenly_spaced(joined)


def _any_merged(merged: Sequence[tuple[bool, ...]]) -> bool:
    """Whether a cell of the grid is a merged cell's repeat. A table without merged cells
    usually repeats one row of ``False`` (``plain_grid``): that row is looked at once."""
    if not merged:
        return False
    first = merged[0]
    if merged.count(first) == len(merged):  # (by identity first: one compare a row)
        return any(first)
    return any(map(any, merged))


_MIN_FOLDED = 6
"""Columns of a table folded in two halves: a label and two value columns each at least."""
_FOLD_HEADER_ROWS = 3
"""How far down a folded table's header row is looked for."""


def _unfolded(grid: Grid) -> Grid | None:
    """A table printed in two halves side by side to fit a page (rows 1-13 on the left,
    the rest on the right, the header repeating its columns twice) as one table: the left
    half's rows, then the right half's after its header, its blank rows left out. Told
    by a header row (among the first few) whose two halves are the same cells, some of
    them words, and a later row with a label (no number) at the start of each half: a
    table whose columns merely repeat under a group (table 四's two lawsuit groups, whose
    values start each half) is no folded one."""
    rows = grid.rows
    half = len(rows[0]) // 2
    header = next(
        (
            i
            for i, row in enumerate(rows[:_FOLD_HEADER_ROWS])
            if len(row) == 2 * half and row[:half] == row[half:] and _has_words(row[:half])
        ),
        None,
    )
    if header is None or not any(
        _is_label(row[0]) and _is_label(row[half]) for row in rows[header + 1 :]
    ):
        return None
    merged = grid.merged
    flags = [m if len(m) == 2 * half else (False,) * (2 * half) for m in merged]
    flags += [(False,) * (2 * half)] * (len(rows) - len(flags))
    right = [
        (row[half:], flags[i][half:])
        for i, row in enumerate(rows[header + 1 :], header + 1)
        if any(row[half:])
    ]
    return Grid(
        rows=(*(row[:half] for row in rows), *(row for row, _ in right)),
        merged=(*(f[:half] for f in flags), *(f for _, f in right)),
        number=grid.number,
        page=grid.page,
        even=grid.even,
    )


def _has_words(cells: tuple[str, ...]) -> bool:
    """Whether at least three of the cells are different Chinese words: a header's column
    names (not a row of numbers, nor a Markdown rule ``:--`` a converter kept as cells)."""
    return len({cell for cell in cells if _is_label(cell) and _is_chinese(cell)}) >= 3


def _is_chinese(cell: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in cell)


def _is_label(cell: str) -> bool:
    """Whether a cell holds words: neither blank, nor a number, nor a placeholder."""
    return read_value(cell).kind is Kind.TEXT


def grid_rows(
    grid: Grid,
) -> tuple[Sequence[tuple[str, ...]], Sequence[tuple[int, ...] | None]]:
    """Each table row's cells, and the grid column of each cell when merged repeats were
    dropped from the row (``None`` when the cells are the row's own columns): two
    sequences of one item per row, so that the usual table is passed on as it is."""
    rows_in = grid.rows
    if rows_in and len(rows_in[0]) >= _MIN_FOLDED and not len(rows_in[0]) & 1:
        grid = _unfolded(grid) or grid
    if grid.even:  # (a page's table as read_html lays it out: nothing to look at)
        return grid.rows, (None,) * len(grid.rows)
    all_merged = grid.merged
    if not _any_merged(all_merged) and not _uneven("\0".join(chain.from_iterable(grid.rows))):
        return grid.rows, (None,) * len(grid.rows)  # the usual table: nothing to change
    rows: list[tuple[str, ...]] = []
    all_columns: list[tuple[int, ...] | None] = []
    for i, row in enumerate(grid.rows):
        merged = all_merged[i] if i < len(all_merged) else ()
        columns: tuple[int, ...] | None = None
        if True in merged:
            columns = tuple(j for j in range(len(row)) if not (j < len(merged) and merged[j]))
            row = tuple(row[j] for j in columns)
        if _uneven("\0".join(row)):
            row = tuple(" ".join(cell.split()) for cell in row)
        rows.append(row)
        all_columns.append(columns)
    return rows, all_columns
