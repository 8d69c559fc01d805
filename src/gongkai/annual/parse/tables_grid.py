"""Tables that arrive as grids (HTML, DOCX, ruled PDF): one row of cells per table row.

A merged cell's repeats are dropped: they are not cells of their own, and keeping them
would make a merged block label look like a value or push a row's numbers sideways.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain

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


def grid_rows(
    grid: Grid,
) -> tuple[Sequence[tuple[str, ...]], Sequence[tuple[int, ...] | None]]:
    """Each table row's cells, and the grid column of each cell when merged repeats were
    dropped from the row (``None`` when the cells are the row's own columns): two
    sequences of one item per row, so that the usual table is passed on as it is."""
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
