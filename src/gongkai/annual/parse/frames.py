"""Tables printed by pandas (``DataFrame.to_markdown``, ``to_html``, a Word or PDF copy).

A table a PDF extractor (camelot, tabula) read often reaches text through pandas, which
prints it its own way:

* the frame's index as a first column: a blank header cell, then ``0``, ``1``, ``2`` … one
  a row. Those numbers are no cells of the table, and a row with blank cells cannot tell
  them from its own (the table readers set aside a 序号 column only when each row holds
  exactly its cells and the number). A table whose header's first cell is blank and
  whose other rows' first cells count up from 0, one a row, is read without that column,
  with an info ``ROW_NUMBERS_IGNORED``.
* a grid's column of the report's own row numbers (``serial_columns``): headed 序号 or
  行次, or, as a grid's first column, counting 1, 2, 3 … down the rows that hold a label.
  A row with a blank cell cannot tell its number from its own cells (the number would
  take the blank's place, or the next row's number would be read as this row's last
  cell): the column is set aside before the table is read (``ROW_NUMBERS_IGNORED``), and
  a blank cell stays blank in its own column.
* a frame without a header line (camelot's) has its columns named ``0``, ``1``, ``2`` …,
  printed in the header line over the index: those are blank cells too.
* a column without a header as ``Unnamed: 3`` (``tables_text`` reads it as a blank cell).
* a blank cell as ``nan`` (``NaN``, ``None``, ``<NA>``). Among the labels, in a header line
  or on a line without a label it is a blank cell, as if the converter had left it empty
  (a placeholder there would be a value of no row). Among a row's numbers it is a blank
  cell too when the cells after the row's label are exactly the row's and one holds a
  number: then the blanks' places are certain (``CELL_BLANK``). Otherwise (a row printed
  all ``nan``, a label spanning two columns) as many of them as the row has cells are
  read as placeholders (null, as ``-`` and ``/`` are: ``cells``), said once a table.

A table is a run of Markdown rows between their outer pipes, or of a grid's rows (a
page, a Word file, a PDF), of one width.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import groupby, pairwise
from operator import attrgetter

from .. import schema as s
from .cells import Kind, read_value
from .document import Document
from .labels import table2_labels, table3_labels, table4_labels
from .notes import Notes
from .rows import Row
from .tables import TABLE2_SPECS

_BLANKS = frozenset(("nan", "NaN", "None", "<NA>"))
"""How pandas prints a blank cell."""
_WIDTHS: dict[tuple[str, str], int] = {
    **{("row", spec.key): spec.width for spec in TABLE2_SPECS},
    **{("row", row.key): s.TABLE3_WIDTH for row in s.TABLE3_ROWS},
    **{("group", key): len(s.TABLE4_COLUMNS) for key in s.TABLE4_GROUP_KEYS},
}
"""The number of cells of each row of the form, by what its label is (``labels``)."""
_MIN_ROWS = 3
"""Fewer numbered rows are no frame's index (a list of two items numbered 0 and 1)."""


def may_hold_frames(document: Document, frame_lines: bool) -> bool:
    """Whether ``document`` may hold a table printed by pandas: a line of its rows may be
    a frame's (``frame_lines``, told by ``rows.split_rows``: a Markdown row with a ``nan``
    cell or under an index), or a grid's first cells count 0, 1 (``to_html``, a Word or PDF
    copy). No look at each row: most documents hold none."""
    if frame_lines:
        return True
    if document.kind == "text":
        return False
    return any(
        _counts_from_zero(block.rows) or _may_number_rows(block.rows) for block in document.grids()
    )


_SERIAL_HEADS = frozenset(("序号", "行次"))
"""How a column of row numbers is headed."""
_MIN_SERIAL = 3
"""Fewer counted rows are no column of row numbers."""
_MIN_UNHEADED = 5
"""A column counting without a 序号 head counts at least this many rows."""
_HEAD_ROWS = 4
"""The rows of a grid looked at for a 序号 head."""
_FIRST_ROWS = _HEAD_ROWS + 2
"""The rows of a grid looked at for a first column counting 1, 2 (its head's rows, then
the first two it counts)."""


def _may_number_rows(rows: Sequence[tuple[str, ...]]) -> bool:
    """Whether a grid may hold a column of row numbers: a head 序号 or 行次 in its first
    rows, or a first column reading 1 then 2 under them. A look at a few cells, not the
    grid."""
    for row in rows[:_HEAD_ROWS]:
        for cell in row:
            if ("序号" in cell or "行次" in cell) and "".join(cell.split()) in _SERIAL_HEADS:
                return True
    firsts = [row[0].strip() for row in rows[:_FIRST_ROWS] if row]
    return any(a == "1" and b == "2" for a, b in pairwise(firsts))


def _counts_from_zero(rows: Sequence[tuple[str, ...]]) -> bool:
    """Whether a grid's first two rows begin a frame's index: a blank header cell then
    0, or (the rest of a table a page break cut) 0 then 1."""
    if len(rows) < 2 or not rows[0] or not rows[1]:
        return False
    first, second = rows[0][0].strip(), rows[1][0].strip()
    return (first, second) in (("", "0"), ("0", "1"))


def pandas_frames(rows: list[Row], notes: Notes) -> list[Row]:
    """``rows`` with each table printed by pandas read as the table it prints (see the
    module docstring): the same list when there is none, else a copy in which that
    table's rows are new rows at the same places. Called when ``may_hold_frames``."""
    out = serial_columns(rows, notes)
    rows = out
    for start, end in _tables(rows):
        for first, last, indexed in _parts(rows, start, end):
            block = rows[first:last]
            cells = [_inner(row) for row in block]
            if indexed:
                _drop_index(cells)
                notes.add(
                    "ROW_NUMBERS_IGNORED",
                    "info",
                    f"表格首列是转换工具（如 pandas）加的行号（0、1、2……{len(block) - 2}），"
                    "不是表中的数字，未读取",
                    block[0],
                )
            blanked = _blanked(cells)
            kept = sum(1 for line in cells for cell in line if cell in _BLANKS)
            if kept:
                notes.add(
                    "CELL_BLANK",
                    "info",
                    f"表格有{kept}个数字单元格印作“nan”等（pandas 对空白单元格的写法），"
                    "读作空白（null）",
                    block[0],
                )
            if not indexed and not blanked:
                continue
            if out is rows:
                out = list(rows)
            for row, line in zip(block, cells, strict=True):
                if line != _inner(row):
                    out[row.index] = _rewritten(row, line)
    return out


def _parts(rows: Sequence[Row], start: int, end: int) -> list[tuple[int, int, bool]]:
    """``rows[start:end]`` (a table's rows of one width) as the spans read on their own,
    each with whether it is a frame printed with its index: its header line, then rows
    counting 0, 1, 2 … (``_indexed``). Lines above the header (a heading a converter
    merged into the table) or after the last counted row are read without it."""
    for header in range(start, end - _MIN_ROWS):
        if _inner(rows[header + 1])[0] != "0":
            continue
        stop = header + 1
        while stop < end and _inner(rows[stop])[0] == str(stop - header - 1):
            stop += 1
        if _indexed([_inner(row) for row in rows[header:stop]]):
            spans = [(start, header, False), (header, stop, True), (stop, end, False)]
            return [span for span in spans if span[1] > span[0]]
    return [(start, end, False)]


def _tables(rows: Sequence[Row]) -> Iterator[tuple[int, int]]:
    """The spans of consecutive rows of one table layout (Markdown rows between their
    outer pipes, or grid rows) of one width that show pandas' marks: a blank cell
    printed ``nan``, or a first column counting from 0."""
    k = 0
    while k < len(rows):
        kind = _layout(rows[k])
        if kind is None:
            k += 1
            continue
        width = len(rows[k].cells)
        end = k + 1
        while end < len(rows) and len(rows[end].cells) == width and _layout(rows[end]) == kind:
            end += 1
        if end - k > _MIN_ROWS and any(_marked(_inner(row)) for row in rows[k:end]):
            yield k, end
        k = end


def _layout(row: Row) -> str | None:
    """``"grid"`` for a grid's row, ``"pipes"`` for a Markdown row between its outer pipes
    (each cell in its own column), ``None`` for anything else."""
    if row.columns is not None or len(row.cells) < 3:
        return None
    if row.grid is not None:
        return "grid"
    text = row.text
    if text[:1] == "|" and text[-1:] == "|" and not row.cells[0] and not row.cells[-1]:
        return "pipes"
    return None


def _inner(row: Row) -> list[str]:
    """The row's cells, without the blanks outside a Markdown row's outer pipes."""
    return list(row.cells if row.grid is not None else row.cells[1:-1])


def _marked(line: list[str]) -> bool:
    return line[0] == "0" or any(cell in _BLANKS for cell in line)


def _indexed(cells: Sequence[list[str]]) -> bool:
    """Whether the table's first column is pandas' index: blank in the header line, then
    0, 1, 2 … one a line."""
    if len(cells) <= _MIN_ROWS or cells[0][0] or not any(cells[0]):
        return False
    return all(line[0] == str(i) for i, line in enumerate(cells[1:]))


def _drop_index(cells: list[list[str]]) -> None:
    """The index column left out; the header's column numbers (0, 1 …) made blank."""
    for line in cells:
        del line[0]
    header = cells[0]
    if header == [str(i) for i in range(len(header))]:
        header[:] = [""] * len(header)


def _blanked(cells: list[list[str]]) -> bool:
    """Each ``nan`` of the table made a blank cell, or left to be read as a placeholder
    (see the module docstring); whether one was made blank. The numbers' columns are
    those where some line prints a number; a line with text in one of them is a header
    line."""
    numbers = {
        i
        for line in cells
        for i, cell in enumerate(line)
        if cell and cell not in _BLANKS and read_value(cell).kind is Kind.NUMBER
    }
    changed = False
    for line in cells:
        if not any(cell in _BLANKS for cell in line):
            continue
        kept = _placeholders(line, numbers)
        for i, cell in enumerate(line):
            if cell in _BLANKS and i not in kept:
                line[i] = ""
                changed = True
    return changed


def _placeholders(line: list[str], numbers: set[int]) -> set[int]:
    """The places of the ``nan`` cells of a row of the form kept as placeholders: those
    among its numbers, as many as the row has cells (its label says which row it is),
    unless the cells after the label are exactly the row's and one holds a number: the
    blanks' places are then certain, and they are blank cells (``CELL_BLANK``)."""
    kinds = [_kind(cell) for cell in line]
    texts = [i for i, kind in enumerate(kinds) if kind is Kind.TEXT]
    if not texts or any(i in numbers for i in texts):
        return set()  # a header line, or a line without a label
    width = _width(line[texts[-1]])
    if width is None:
        return set()
    after = range(texts[-1] + 1, len(line))
    if len(after) == width and any(kinds[i] is Kind.NUMBER for i in after):
        return set()
    return set([i for i in after if i in numbers][:width])


def _width(label: str) -> int | None:
    """How many cells the row of the form ``label`` names has; ``None`` for no row."""
    for labels in (table3_labels(), table2_labels(), table4_labels()):
        for found in labels.match(label):
            width = _WIDTHS.get((found.kind, found.key))
            if width is not None:
                return width
    return None


def _kind(cell: str) -> Kind:
    return Kind.EMPTY if not cell or cell in _BLANKS else read_value(cell).kind


def _rewritten(row: Row, line: list[str]) -> Row:
    """``row`` with the cells ``line`` (without a Markdown row's outer blanks), its text
    written again to match."""
    if row.grid is not None:
        cells = tuple(line)
        text = " ".join([cell for cell in line if cell])
    else:
        cells = ("", *line, "")
        text = "|" + "|".join(f" {cell} " if cell else " " for cell in line) + "|"
    new = Row(row.index, cells, text, row.line, row.page, row.grid, row.grid_row, row.columns)
    new.placed = row.placed
    return new


def serial_columns(rows: list[Row], notes: Notes) -> list[Row]:
    """``rows`` with each grid's column of row numbers left out (see the module
    docstring): the same list when no grid holds one, else a copy in which that grid's
    rows are new rows at the same places, each cell in the column it had, the columns
    after the one left out one to the left. A grid right after it that goes on counting
    in the same column (the table's rest, on the next page) loses that column too."""
    out = rows
    at = 0
    carried: tuple[int, int, int] | None = None  # (column, next number, row after the grid)
    for number, run in groupby(rows, key=_GRID):
        size = sum(1 for _ in run)
        block = rows[at : at + size]
        at += size
        if number is None:
            continue
        found: tuple[int, list[str]] | None = None
        if carried is not None and carried[2] == block[0].index:
            counted = _counted(block, carried[0], False, carried[1])
            found = (carried[0], counted) if counted else None
        if found is None and len(block) >= _MIN_SERIAL:
            found = _serial_column(block)
        carried = None
        if found is None:
            continue
        column, printed = found
        carried = (column, int(printed[-1]) + 1, block[-1].index + 1)
        if out is rows:
            out = list(rows)
        for row in block:
            out[row.index] = _without_column(row, column)
        shown = "、".join(printed[:3]) + ("……" + printed[-1] if len(printed) > 3 else "")
        notes.add(
            "ROW_NUMBERS_IGNORED",
            "info",
            f"表格{number + 1}有一列是各行的序号（{shown}），不是表中的数字，未读取",
            block[0],
        )
    return out


_GRID = attrgetter("grid")


def _serial_column(block: Sequence[Row]) -> tuple[int, list[str]] | None:
    """The grid column of a grid's row numbers, and the numbers, or ``None``: a column
    headed 序号 or 行次 (any column), or the grid's first column unheaded, whose other
    cells are blank or count 1, 2, 3 … in row order, each on a row that holds a label
    (text) in another column; an unheaded column counts ``_MIN_UNHEADED`` rows at least."""
    columns: dict[int, bool] = {}
    for row in block[:_HEAD_ROWS]:
        for position, cell in enumerate(row.cells):
            if cell and "".join(cell.split()) in _SERIAL_HEADS:
                columns[_column_of(row, position)] = True
    columns.setdefault(0, False)
    for column, headed in columns.items():
        printed = _counted(block, column, headed)
        if printed is not None and len(printed) >= (_MIN_SERIAL if headed else _MIN_UNHEADED):
            return column, printed
    return None


def _column_of(row: Row, position: int) -> int:
    return row.columns[position] if row.columns is not None else position


def _counted(block: Sequence[Row], column: int, headed: bool, first: int = 1) -> list[str] | None:
    """The numbers grid column ``column`` prints, when they count ``first``, the next …
    down the rows (blank cells and its head aside), each beside a label; else ``None``."""
    printed: list[str] = []
    for row in block:
        cells = row.cells
        position = _position_of(row, column)
        if position is None:
            continue
        cell = "".join(cells[position].split())
        if not cell or (headed and cell in _SERIAL_HEADS):
            continue
        if cell != str(first + len(printed)):
            return None
        if not any(
            other and i != position and read_value(other).kind is Kind.TEXT
            for i, other in enumerate(cells)
        ):
            return None
        printed.append(cell)
    return printed


def _position_of(row: Row, column: int) -> int | None:
    """Where grid column ``column`` stands among the row's cells (``None``: the row's
    cell there is a merged cell's repeat, left out of its cells)."""
    if row.columns is None:
        return column if column < len(row.cells) else None
    try:
        return row.columns.index(column)
    except ValueError:
        return None


def _without_column(row: Row, column: int) -> Row:
    """``row`` without its cell in grid column ``column``: the columns after it one to the
    left, its text written again."""
    position = _position_of(row, column)
    if row.columns is None:
        if position is None:
            return row
        cells = row.cells[:position] + row.cells[position + 1 :]
        columns: tuple[int, ...] | None = None
    else:
        kept = [i for i, c in enumerate(row.columns) if c != column]
        cells = tuple(row.cells[i] for i in kept)
        columns = tuple(c - 1 if c > column else c for c in (row.columns[i] for i in kept))
    text = " ".join([cell for cell in cells if cell])
    new = Row(row.index, cells, text, row.line, row.page, row.grid, row.grid_row, columns)
    new.placed = row.placed
    return new
