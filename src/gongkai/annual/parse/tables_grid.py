"""Tables that arrive as grids (HTML, DOCX, ruled PDF): one row of cells per table row.

A merged cell's repeats are dropped: they are not cells of their own, and keeping them
would make a merged block label look like a value or push a row's numbers sideways.
"""

from __future__ import annotations

import re

from .document import Grid

_SPACE_RE = re.compile(r"\s")
"""Any white space in a row's cells (then each cell's runs are folded to one space)."""


def grid_rows(grid: Grid) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    all_merged = grid.merged
    for i, row in enumerate(grid.rows):
        merged = all_merged[i] if i < len(all_merged) else ()
        if True in merged:
            row = tuple(cell for j, cell in enumerate(row) if not (j < len(merged) and merged[j]))
        if _SPACE_RE.search("".join(row)):
            row = tuple(" ".join(cell.split()) for cell in row)
        rows.append(row)
    return rows
