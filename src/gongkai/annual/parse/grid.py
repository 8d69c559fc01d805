"""Expanding merged cells (rowspan/colspan, gridSpan/vMerge) into a real ``Grid``."""

from __future__ import annotations

from typing import NamedTuple

from .cells import Kind, read_value
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
    repeats are marked ``True`` in ``Grid.merged``, except a 0's or a placeholder's over
    value columns (``_spread_blanks``). Short rows are padded with empty, unmerged cells so
    every row has the table's full width.
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
    spanned: list[tuple[int, int, int, int]] = []  # merged cells: row, column, rows, columns
    spread: list[int] = []  # those of ``spanned`` holding a 0 or a placeholder
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
            if rowspan > 1 or colspan > 1:
                spanned.append((r, c, rowspan, colspan))
                if len(text) <= 2 and _spreads(text):
                    spread.append(len(spanned) - 1)
            height = max(height, r + rowspan)
            c += colspan
    height = min(height, len(rows)) if rows else 0
    width = max((c + 1 for (r, c) in texts if r < height), default=0)
    if spread:
        _spread_blanks(spanned, spread, texts, merged, height)
    return Grid(
        rows=tuple(tuple(texts.get((r, c), "") for c in range(width)) for r in range(height)),
        merged=tuple(tuple(merged.get((r, c), False) for c in range(width)) for r in range(height)),
        number=number,
        page=page,
    )


def _spreads(text: str) -> bool:
    """Whether a merged cell's text is one every cell it covers holds: a 0 or a placeholder
    (``/``, ``—``, ``无``). A page merges a block of zeros (a row's five 法人 columns, the eight
    不予公开 rows) into one cell printing one 0; a number other than 0 (a 总计 spread over
    two columns) is one cell's value, and a label is no value at all."""
    value = read_value(text)
    if value.note is not None:
        return False
    return value.kind is Kind.PLACEHOLDER or (value.kind is Kind.NUMBER and value.number == 0)


def _spread_blanks(
    spanned: list[tuple[int, int, int, int]],
    spread: list[int],
    texts: dict[tuple[int, int], str],
    merged: dict[tuple[int, int], bool],
    height: int,
) -> None:
    """Unmark the repeats of merged 0s and placeholders (``spanned[i]`` for ``i`` in
    ``spread``, ``_spreads``) so that each is a cell of its own (``tables_grid`` keeps it):
    over value columns only (``_value_start``; a merged corner or label printing ``/``
    stays one cell), and across columns only where the row above tells them apart
    (``_told_apart``: a 0 under one header ``本年处理决定数量`` spanning three columns is
    one value, under the five 法人 columns' own headers five)."""
    start = _value_start(texts, merged, height)
    if start is None:
        return
    for i in spread:
        r, c, rowspan, colspan = spanned[i]
        if c < start:
            continue
        if colspan > 1 and not _told_apart(spanned, merged, r - 1, c, colspan):
            if rowspan == 1:
                continue
            colspan = 1  # (down its first column only)
        for dr in range(rowspan):
            for dc in range(colspan):
                if merged.get((r + dr, c + dc)):
                    merged[(r + dr, c + dc)] = False


def _value_start(
    texts: dict[tuple[int, int], str], merged: dict[tuple[int, int], bool], height: int
) -> int | None:
    """The first column where a cell of its own holds a number: the form's labels stand
    left of its values."""
    return min(
        (
            c
            for (r, c), text in texts.items()
            if r < height and not merged[(r, c)] and _is_number(text)
        ),
        default=None,
    )


def _told_apart(
    spanned: list[tuple[int, int, int, int]],
    merged: dict[tuple[int, int], bool],
    above: int,
    column: int,
    colspan: int,
) -> bool:
    """Whether row ``above`` holds more than one cell over the ``colspan`` columns from
    ``column`` (its own cells, or a merged 0 already given to each of its cells)."""
    if above < 0:
        return False
    owners = {_owner(spanned, merged, above, column + dc) for dc in range(colspan)}
    return len(owners) > 1


def _owner(
    spanned: list[tuple[int, int, int, int]],
    merged: dict[tuple[int, int], bool],
    r: int,
    c: int,
) -> tuple[int, int]:
    """Where the cell shown at ``(r, c)`` starts: the merged cell covering it (the first
    laid out, as ``lay_out`` fills a position once), else the position itself."""
    if merged.get((r, c)):
        for top, left, rowspan, colspan in spanned:
            if top <= r < top + rowspan and left <= c < left + colspan:
                return (top, left)
    return (r, c)


def _is_number(text: str) -> bool:
    return read_value(text).kind is Kind.NUMBER


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
