"""A document as one list of rows of cells, whatever its blocks were.

Plain-text lines are split into cells (``tables_text``), the lines of a table exported as
CSV at their commas (``csv_rows``), grids give one row per table row (``tables_grid``).
Every later step (headings, the three tables, the narrative) walks this list once; each
row remembers where it came from for diagnostics.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final, Protocol, TypeVar

from .document import Block, Document, Grid, Line
from .tables_grid import grid_rows
from .tables_text import CSV_MIN_COMMAS, is_value_cell, split_csv, split_line

CSV_MIN_LINES = 3
"""How many lines of as many commas (``CSV_MIN_COMMAS`` at least) in a row make a CSV table."""


class Row:
    """One row of cells. Rows are compared by identity and never changed after
    ``document_rows`` built them.

    * ``cells``: cell texts, stripped; blank cells kept as ``""`` so positions can be read;
    * ``text``: the row as narrative text (a line as printed, or a grid row's cells joined);
    * ``grid``: the grid's number among the document's grids (``None`` for a text line);
    * ``columns``: the table column of each cell where it is not the cell's position: a
      grid row whose merged repeats were left out of ``cells``, a text line whose leading
      blank cells (tabs) were stripped. ``None``: each cell stands in its own column.
    * ``placed``: a PDF's row of a table without ruling lines that ``pdf_layout`` laid out
      by the table's columns, a blank cell kept where no number stands in its column
      (two tabs together, or tabs at either end): the blanks' columns are as certain as a
      grid's. ``False`` for any other line, whose blanks may be anywhere.

    A plain class, not a dataclass: a long report has hundreds of rows, and compiled
    (``native``) a dataclass is still built by the ``__init__`` ``dataclasses`` writes in
    Python, four times slower than this one.
    """

    __slots__ = (
        "cells",
        "columns",
        "grid",
        "grid_row",
        "index",
        "line",
        "page",
        "placed",
        "text",
    )

    def __init__(
        self,
        index: int,
        cells: tuple[str, ...],
        text: str,
        line: int | None = None,
        page: int | None = None,
        grid: int | None = None,
        grid_row: int | None = None,
        columns: tuple[int, ...] | None = None,
    ) -> None:
        self.index = index
        self.cells = cells
        self.text = text
        self.line = line
        self.page = page
        self.grid = grid
        self.grid_row = grid_row
        self.columns = columns
        self.placed = False

    def __repr__(self) -> str:
        return f"Row({self.index}, {self.cells!r}, {self.where()})"

    def column(self, position: int) -> int | None:
        """The table column of ``cells[position]``; ``None`` for a line of one cell,
        whose layout says nothing about columns."""
        if self.columns is not None:
            return self.columns[position]
        if self.grid is None and len(self.cells) < 2:
            return None
        return position

    @property
    def filled(self) -> list[str]:
        return [c for c in self.cells if c]

    def place(self) -> dict[str, int]:
        """Where the row is, for a diagnostic: line and page, or table and table row."""
        out: dict[str, int] = {}
        if self.line is not None:
            out["line"] = self.line
        if self.page is not None:
            out["page"] = self.page
        if self.grid is not None:
            out["table"] = self.grid + 1
        if self.grid_row is not None:
            out["table_row"] = self.grid_row + 1
        return out

    def where(self) -> str:
        """The place in Chinese, e.g. ``第12行`` or ``第3页表格2第5行``."""
        parts = []
        if self.page is not None:
            parts.append(f"第{self.page}页")
        if self.grid is not None:
            parts.append(f"表格{self.grid + 1}")
            if self.grid_row is not None:
                parts.append(f"第{self.grid_row + 1}行")
        elif self.line is not None:
            parts.append(f"第{self.line}行")
        return "".join(parts) or f"第{self.index + 1}段"


def document_rows(document: Document) -> list[Row]:
    """The document as rows of cells (``split_rows``)."""
    return split_rows(document)[0]


def split_rows(document: Document) -> tuple[list[Row], bool]:
    """The document as rows of cells, and whether a line of them may be a row of a table
    printed by pandas (``tables_text.split_line``), told as the lines are split: then
    ``frames`` looks at the rows (``may_hold_frames``)."""
    rows: list[Row] = []
    frame_lines = False
    grid_count = 0
    # A PDF's line ends in a tab only where ``pdf_layout`` laid out a row of a table
    # without ruling lines whose last cells are blank: they are cells. Elsewhere (a text
    # file, Word's tab stops) whitespace at the end of a line means nothing.
    blank_ends = document.kind == "pdf"
    csv = csv_rows(document.blocks)
    for place, block in enumerate(document.blocks):
        if isinstance(block, Line):
            text = block.text.strip()
            if not text:
                continue
            # (len: compiled, no generic truth test of the dict)
            if len(csv) != 0 and place in csv:
                cells = csv[place]
            else:
                cells, frame = split_line(text)
                if frame:
                    frame_lines = True
            if blank_ends and block.text[-1:] == "\t":
                cells += ("",) * _trailing_tabs(block.text)
            row = Row(len(rows), cells, text, block.number, block.page)
            if blank_ends and _laid_out_blanks(block.text):
                row.placed = True
            if block.text[:1] == "\t":
                lead = block.text[: len(block.text) - len(block.text.lstrip())].count("\t")
                row.columns = tuple(range(lead, lead + len(cells)))
            rows.append(row)
        elif isinstance(block, Grid):
            table, columns = grid_rows(block)
            number, page = block.number, block.page
            # a plain loop: compiled (``native``), ``Row(...)`` here is a direct call, where
            # ``map(Row, …)`` would go through Python's generic call for every row
            for grid_row, (cells, placed) in enumerate(zip(table, columns, strict=True)):
                text = " ".join([cell for cell in cells if cell])
                rows.append(Row(len(rows), cells, text, number, page, grid_count, grid_row, placed))
            grid_count += 1
    return rows, frame_lines


def _trailing_tabs(text: str) -> int:
    """How many blank cells the tabs at the end of a PDF's table row mark."""
    return text[len(text.rstrip()) :].count("\t")


def _laid_out_blanks(text: str) -> bool:
    """Whether a PDF's line holds a blank cell ``pdf_layout`` kept in its column: the
    lines it joins by their gaps (``_line``) never hold two tabs together nor start or
    end with one."""
    return "\t\t" in text or text[:1] == "\t" or text[-1:] == "\t"


def csv_rows(blocks: list[Block]) -> dict[int, tuple[str, ...]]:
    """The cells of the lines of tables exported as CSV, by the lines' places in ``blocks``.

    A line is taken for a CSV row only among its like: at least ``CSV_MIN_LINES`` lines in a
    row (blank lines between them aside) split into as many cells, at
    ``CSV_MIN_COMMAS`` commas or more outside quotation marks, one of them with a blank
    cell or a number after its first. Prose, even with ASCII commas, is not printed so.
    Once a document shows such a block, a line that is a label and numbers or blanks
    between commas (``行政许可,0,,``) is split too, even alone among lines of other widths
    (``_add_label_and_values``); anywhere else no line is split at its commas.

    A document without a comma before a blank cell or a value (``may_hold_csv``), as most
    are, is not looked at further."""
    if not may_hold_csv(blocks):
        return {}
    return _scanned_csv_rows(blocks)


def _scanned_csv_rows(blocks: list[Block]) -> dict[int, tuple[str, ...]]:
    """``csv_rows``, every line looked at. Lines are first told apart by whether they hold
    commas enough (no copy, no count): only lines in a row with some are counted, and only a
    run of lines of as many is split."""
    found: dict[int, tuple[str, ...]] = {}
    segment: list[int] = []
    for place, block in enumerate(blocks):
        if not isinstance(block, Line):
            _close_segment(blocks, segment, found)
            segment = []
            continue
        text = block.text
        if _has_csv_commas(text):
            segment.append(place)
        elif text and not text.isspace():
            _close_segment(blocks, segment, found)
            segment = []
    _close_segment(blocks, segment, found)
    if len(found) != 0:
        _add_label_and_values(blocks, found)
    return found


_CELL_STARTS: Final = frozenset(
    map(ord, ',"+-.\u2010\u2011\u2012\u2013\u2014\u2015\uff0d/\uff0f无nN')
)
"""What a blank or value cell (``is_value_cell``) after a comma may start with, spaces
aside: the next comma, a quotation mark (a quoted cell), a sign or a point (a number), a
dash or a slash, ``无``, pandas' ``nan`` / ``NaN`` / ``None``. Digits and other white space
are told by their kind (``_may_start_cell``)."""


def may_hold_csv(blocks: list[Block]) -> bool:
    """Whether ``blocks`` may hold a table exported as CSV: a line holds a comma before a
    blank cell or a value (``_has_blank_or_value_cell``). Every table ``csv_rows`` reads
    has one (a row with a blank or a number after its first cell); prose, whose commas
    stand before words (``,无被举报``, ``,1件属``, ``, 2023 年``), has none. A line without
    a comma costs one search (in C, at memory speed), a comma before a Chinese character
    one look at it."""
    return any(isinstance(block, Line) and _has_blank_or_value_cell(block.text) for block in blocks)


def _has_blank_or_value_cell(text: str) -> bool:
    """Whether a comma of ``text`` stands before a quoted cell, or before text up to the
    next comma (or the end) that, stripped, is blank or a value (``is_value_cell``): each
    cell ``split_csv`` gives after the first is one of those."""
    if "," not in text:  # (``in`` looks for one character: cheaper than ``find``)
        return False
    end = len(text)
    at = text.find(",")
    while at >= 0:
        start = at + 1
        at = text.find(",", start)
        first = start
        while first < end and ord(text[first]) == 32:
            first += 1
        if first == end or _may_start_cell(text, first):
            if first < end and ord(text[first]) == 34:  # '"': a quoted cell
                return True
            cell = text[start:] if at < 0 else text[start:at]
            cell = cell.strip()
            if not cell or is_value_cell(cell):
                return True
    return False


def _may_start_cell(text: str, at: int) -> bool:
    """Whether ``text[at]`` may start a blank or value cell (``_CELL_STARTS``, a digit,
    white space); a Chinese character, what most commas stand before, never does."""
    code = ord(text[at])
    if code in _CELL_STARTS:
        return True
    if code < 0x80:
        return 0x30 <= code <= 0x39 or 0x09 <= code <= 0x0D or 0x1C <= code <= 0x1F
    if 0x3400 <= code <= 0x9FFF:
        return False
    char = text[at]
    return char.isdecimal() or char.isspace()


def _has_csv_commas(text: str) -> bool:
    """Whether ``text`` holds ``CSV_MIN_COMMAS`` commas: ``find`` stops at the last one
    needed, where ``count`` reads the line through (a report normalised to ASCII commas
    has some in most paragraphs)."""
    at = -1
    for _ in range(CSV_MIN_COMMAS):
        at = text.find(",", at + 1)
        if at < 0:
            return False
    return True


def _close_segment(
    blocks: list[Block], segment: list[int], found: dict[int, tuple[str, ...]]
) -> None:
    """Lines in a row with commas enough: cut into runs of as many commas (outside quotation
    marks), which ``_close_run`` splits. Counted only here: prose rarely comes three
    paragraphs of such lines in a row."""
    if len(segment) < CSV_MIN_LINES:
        return
    run: list[int] = []
    width = 0
    for place in segment:
        block = blocks[place]
        assert isinstance(block, Line)
        text = block.text
        if '"' in text or "(" in text:  # commas in a quoted cell or a bracket part none
            cells = split_csv(text.strip())
            commas = -1 if cells is None else len(cells) - 1
        else:
            commas = text.count(",")
        if run and commas == width:
            run.append(place)
        else:
            _close_run(blocks, run, found)
            run = [place]
            width = commas
    _close_run(blocks, run, found)


def _close_run(blocks: list[Block], run: list[int], found: dict[int, tuple[str, ...]]) -> None:
    if len(run) < CSV_MIN_LINES:
        return
    rows: list[tuple[int, tuple[str, ...]]] = []
    for place in run:
        block = blocks[place]
        assert isinstance(block, Line)
        cells = split_csv(block.text.strip())
        if cells is None:
            return  # (a line of the run is no CSV row after all: the run is none)
        rows.append((place, cells))
    if len({len(cells) for _, cells in rows}) != 1:
        return
    if not any(_blank_or_value_after_first(cells) for _, cells in rows):
        return
    for place, cells in rows:
        found[place] = cells


def _add_label_and_values(blocks: list[Block], found: dict[int, tuple[str, ...]]) -> None:
    """The lines of a label and numbers or blanks (``_label_and_values``) outside the blocks
    found, split too. Normalising keeps such a line's blank cells (``行政许可,0,,``:
    ``normalize.is_csv_row``), but a table of one row stands alone: the heading and header
    lines around it (``第二十条第(五)项,,,``, ``信息内容,本年处理决定数量,,``) hold no
    number, and their doubled commas, which prose's cannot be told from, are folded
    (``第二十条第(五)项,``), so it never makes a run of ``CSV_MIN_LINES`` lines of as many
    commas; nor does a line whose writer left the blank cells' commas out (``行政许可,0,``)."""
    for place, block in enumerate(blocks):
        if place in found or not isinstance(block, Line) or "," not in block.text:
            continue
        cells = split_csv(block.text.strip())
        if cells is not None and _label_and_values(cells):
            found[place] = cells


def _blank_or_value_after_first(cells: tuple[str, ...]) -> bool:
    return any(not cell or is_value_cell(cell) for cell in cells[1:])


def _label_and_values(cells: tuple[str, ...]) -> bool:
    """``行政许可,0,``: after the first cell only numbers and blanks, one number at least."""
    rest = cells[1:]
    return any(rest) and all(not cell or is_value_cell(cell) for cell in rest)


class _OnRow(Protocol):
    @property
    def row(self) -> Row: ...


_OnRowT = TypeVar("_OnRowT", bound=_OnRow)


def by_row(items: Iterable[_OnRowT]) -> list[list[_OnRowT]]:
    """``items`` (a table's tokens, in reading order) in runs of those on the same row."""
    out: list[list[_OnRowT]] = []
    for item in items:
        if out and out[-1][0].row is item.row:
            out[-1].append(item)
        else:
            out.append([item])
    return out
