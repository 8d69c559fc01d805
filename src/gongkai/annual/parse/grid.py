"""Expanding merged cells (rowspan/colspan, gridSpan/vMerge) into a real ``Grid``."""

from __future__ import annotations

from typing import NamedTuple

from .document import Grid
from .normalize import normalize_cells
from .unreadable import UnreadableDocument


class RawCell(NamedTuple):
    """One printed cell before expansion: its text and how many rows/columns it covers.

    A named tuple rather than a frozen dataclass: a report has hundreds of cells and a
    frozen dataclass costs several times more to build."""

    text: str
    rowspan: int = 1
    colspan: int = 1


MAX_SPAN = 200
MAX_WIDTH = 64
"""Columns a table may have after expanding its spans (the national form's widest has 9)."""
MAX_POSITIONS = 100_000
"""Cells a table may have after expanding its spans: a budget checked as it expands, so a
small page with huge spans cannot take the memory a million cells would."""
"""Spans beyond this are treated as 1 (broken markup such as ``rowspan=9999``)."""


def expand(
    rows: list[list[RawCell]],
    *,
    simplify: bool = False,
    number: int | None = None,
    page: int | None = None,
) -> Grid:
    """Lay the printed cells out on the real grid.

    A merged cell's normalised text is repeated in every position it covers; those
    repeats are marked ``True`` in ``Grid.merged``. Short rows are padded with empty,
    unmerged cells so every row has the table's full width.
    """
    flat = normalize_cells([c[0] for row in rows for c in row], simplify=simplify)
    if not any(c[1] != 1 or c[2] != 1 for row in rows for c in row):
        return plain_grid(flat, [len(row) for row in rows], number=number, page=page)
    return lay_out(rows, flat, number=number, page=page)


def lay_out(
    rows: list[list[RawCell]], flat: list[str], *, number: int | None, page: int | None
) -> Grid:
    """``expand`` for cells whose texts are already normalised (``flat``, in order)."""
    texts: dict[tuple[int, int], str] = {}
    merged: dict[tuple[int, int], bool] = {}
    height = len(rows)
    normalised = iter(flat)
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in texts:
                c += 1
            text = next(normalised)
            rowspan = cell.rowspan if 0 < cell.rowspan <= MAX_SPAN else 1
            colspan = cell.colspan if 0 < cell.colspan <= MAX_SPAN else 1
            # a span never reaches past the table's own rows, nor past MAX_WIDTH columns
            rowspan = min(rowspan, len(rows) - r)
            colspan = max(1, min(colspan, MAX_WIDTH - c))
            if len(texts) + rowspan * colspan > MAX_POSITIONS:
                raise UnreadableDocument(
                    "TOO_LARGE",
                    f"表格合并单元格展开后超过{MAX_POSITIONS:,}格，不像年度报告的表格，未读取",
                )
            for dr in range(rowspan):
                for dc in range(colspan):
                    position = (r + dr, c + dc)
                    if position in texts:
                        continue
                    texts[position] = text
                    merged[position] = dr > 0 or dc > 0
            height = max(height, r + rowspan)
            c += colspan
    height = min(height, len(rows)) if rows else 0
    width = max((c + 1 for (r, c) in texts if r < height), default=0)
    return Grid(
        rows=tuple(tuple(texts.get((r, c), "") for c in range(width)) for r in range(height)),
        merged=tuple(tuple(merged.get((r, c), False) for c in range(width)) for r in range(height)),
        number=number,
        page=page,
    )


def plain_grid(
    flat: list[str],
    widths: list[int],
    *,
    number: int | None = None,
    page: int | None = None,
    even: bool = False,
) -> Grid:
    """A table without merged cells from its normalised texts in order and the number of
    cells of each row: rows padded to the widest. ``even``: the caller has found the
    texts evenly spaced (``normalize.evenly_spaced``); the grid says so (``Grid.even``)."""
    width = max(widths, default=0)
    unmerged = (False,) * width  # (one row repeated: ``tables_grid`` looks at it once)
    if width and min(widths) == width:
        # every row full (the usual table): runs of ``width`` cells, cut in C by ``zip``
        rows = tuple(zip(*[iter(flat[: width * len(widths)])] * width, strict=True))
        return Grid(rows, (unmerged,) * len(rows), number, page, even)
    # short rows padded in one list of blanks each cell is put in, then cut into rows by
    # ``zip`` as above: a page's layout table has hundreds of rows of one or two cells,
    # and a tuple built from two pieces (``(*cells, *padding)``) or a list extended twice
    # a row costs several times more per row
    padded = [""] * (width * len(widths))
    at = 0
    start = 0
    for count in widths:
        for i in range(count):
            padded[start + i] = flat[at + i]
        at += count
        start += width
    rows = tuple(zip(*[iter(padded)] * width, strict=True)) if width else ((),) * len(widths)
    return Grid(rows, (unmerged,) * len(rows), number, page, even)
