"""Tables that arrive as grids (HTML, DOCX, ruled PDF): one row of cells per table row.

A merged cell's repeats are dropped: they are not cells of their own, and keeping them
would make a merged block label look like a value or push a row's numbers sideways.
"""

from __future__ import annotations

import re

from .document import Grid

_SPACE_RE = re.compile(r"\s")
"""Any white space in a row's cells (then each cell's runs are folded to one space)."""


def grid_rows(grid: Grid) -> list[tuple[tuple[str, ...], tuple[int, ...] | None]]:
    """Each table row's cells, and the grid column of each cell when merged repeats were
    dropped from the row (``None`` when the cells are the row's own columns)."""
    rows: list[tuple[tuple[str, ...], tuple[int, ...] | None]] = []
    all_merged = grid.merged
    for i, row in enumerate(grid.rows):
        merged = all_merged[i] if i < len(all_merged) else ()
        columns: tuple[int, ...] | None = None
        if True in merged:
            columns = tuple(j for j in range(len(row)) if not (j < len(merged) and merged[j]))
            row = tuple(row[j] for j in columns)
        if _SPACE_RE.search("".join(row)):
            row = tuple(" ".join(cell.split()) for cell in row)
        rows.append((row, columns))
    return rows
