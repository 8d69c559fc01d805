"""Tables that arrive as grids (HTML, DOCX, ruled PDF): one row of cells per table row.

A merged cell's repeats are dropped: they are not cells of their own, and keeping them
would make a merged block label look like a value or push a row's numbers sideways.
"""

from __future__ import annotations

from .document import Grid


def grid_rows(grid: Grid) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for i, row in enumerate(grid.rows):
        merged = grid.merged[i] if i < len(grid.merged) else ()
        cells = tuple(
            " ".join(cell.split())
            for j, cell in enumerate(row)
            if not (j < len(merged) and merged[j])
        )
        rows.append(cells)
    return rows
