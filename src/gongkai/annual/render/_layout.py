"""The three tables of the national form as grids of positioned cells.

Every renderer draws the same grids: HTML emits them as ``<table>`` markup with
``rowspan``/``colspan`` and ``headers`` associations, DOCX merges the cells of a Word
table, XLSX merges worksheet ranges. The layout is decided once, here, from ``schema``:

    Grid ─ rows ─ Cell (row, col, rowspan, colspan, kind, text | value, id, headers)

Cell ids are local (``t3-c-natural_person``); the HTML renderer prefixes them so that
several reports can share one page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from .. import schema as s
from ..model import AnnualReport, T2Value

TITLE_SUFFIX = "政府信息公开工作年度报告"
"""The title of every report is ``{organ}{year}年`` followed by this."""


class Kind(StrEnum):
    """What a cell is, which decides its markup and its style."""

    NOTE = "note"
    """The top-left cell of table 三 carrying the identity note."""
    HEADING = "heading"
    """A block heading of table 二 spanning the whole width."""
    COLUMN = "column"
    """A column header."""
    ROW = "row"
    """A row header (a row label or a group label spanning rows)."""
    DATA = "data"
    """A number (or a blank cell)."""


class Unit(StrEnum):
    COUNT = "count"
    AMOUNT = "amount"
    """万元, a decimal."""


@dataclass(frozen=True)
class Cell:
    row: int
    col: int
    kind: Kind
    text: str = ""
    rowspan: int = 1
    colspan: int = 1
    id: str | None = None
    headers: tuple[str, ...] = ()
    """Ids of the header cells a data cell belongs to (columns first, then rows)."""
    scope: str | None = None
    """``col``, ``colgroup``, ``row`` or ``rowgroup`` for header cells."""
    value: T2Value = None
    key: str | None = None
    """The dotted cell key of a data cell (``schema.cell_key``)."""
    unit: Unit = Unit.COUNT

    @property
    def is_header(self) -> bool:
        return self.kind in (Kind.HEADING, Kind.COLUMN, Kind.ROW)

    @property
    def last_row(self) -> int:
        return self.row + self.rowspan - 1

    @property
    def last_col(self) -> int:
        return self.col + self.colspan - 1


@dataclass(frozen=True)
class Grid:
    """One table of the form: cells in reading order, grouped by the row they start on.

    ``head_rows`` rows form the header (``<thead>``); ``bodies`` splits the remaining
    rows into groups (``<tbody>``), each a tuple of row indexes.
    """

    key: str
    name: str
    """``表二``, ``表三``, ``表四``: what the sheet and the caption call the table."""
    caption: str
    n_rows: int
    n_cols: int
    rows: tuple[tuple[Cell, ...], ...]
    head_rows: int
    bodies: tuple[tuple[int, ...], ...]
    widths: tuple[float, ...]
    """Relative column widths (sum 1)."""

    def cells(self) -> tuple[Cell, ...]:
        return tuple(cell for row in self.rows for cell in row)

    def data_cells(self) -> tuple[Cell, ...]:
        return tuple(c for c in self.cells() if c.kind is Kind.DATA)


def report_title(report: AnnualReport) -> str:
    """``嘉兴市数据局2024年政府信息公开工作年度报告``; without organ or year, what is known."""
    organ = report.organ or ""
    year = f"{report.year}年" if report.year is not None else ""
    return f"{organ}{year}{TITLE_SUFFIX}"


TITLE_LINE_CHARS = 20
"""Characters of the 二号 title on one line of an A4 page's 156 mm text block."""


def title_lines(report: AnnualReport) -> tuple[str, ...]:
    """The title in the lines it is set in: one line when it fits, otherwise the organ
    and then 年份 + 政府信息公开工作年度报告, so a line never breaks inside a word."""
    title = report_title(report)
    organ = report.organ or ""
    if len(title) <= TITLE_LINE_CHARS or not organ:
        return (title,)
    return (organ, title[len(organ) :])


def signature_lines(report: AnnualReport) -> tuple[str, ...]:
    """发文机关署名 and 成文日期 (``2025年1月20日``, Arabic numerals as GB/T 9704 sets them)
    closing the report: the organ, then the publication date when it is known."""
    lines = [report.organ] if report.organ else []
    if report.published:
        try:
            day = date.fromisoformat(report.published.strip()[:10])
        except ValueError:
            day = None
        if day is not None:
            lines.append(f"{day.year}年{day.month}月{day.day}日")
    return tuple(lines)


_SUBHEADING_RE = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
SUBHEADING_CHARS = 30
"""A line this short starting with （一） is a sub-heading on its own."""


def subheading_split(paragraph: str) -> tuple[str, str]:
    """A paragraph's leading （一） sub-heading and the rest: the whole line when it is a
    short heading alone, else the words up to the first 。 or ：; empty and the whole
    paragraph when it does not open with one. GB/T 9704 sets this level in 楷体."""
    if not _SUBHEADING_RE.match(paragraph):
        return "", paragraph
    if len(paragraph) <= SUBHEADING_CHARS and "。" not in paragraph.rstrip("。"):
        return paragraph, ""
    for mark in ("。", "：", ":"):
        at = paragraph.find(mark)
        if 0 < at <= SUBHEADING_CHARS:
            return paragraph[: at + 1], paragraph[at + 1 :]
    return "", paragraph


def format_number(value: T2Value) -> str:
    """A cell as printed: blank for null, integers plainly, amounts with their decimals."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


class _Rows:
    """Collects cells row by row."""

    def __init__(self) -> None:
        self.rows: list[list[Cell]] = []

    def new_row(self) -> int:
        self.rows.append([])
        return len(self.rows) - 1

    def add(self, cell: Cell) -> Cell:
        self.rows[cell.row].append(cell)
        return cell

    def frozen(self) -> tuple[tuple[Cell, ...], ...]:
        return tuple(tuple(sorted(r, key=lambda c: c.col)) for r in self.rows)


# ---------------------------------------------------------------------------- table 二

TABLE2_WIDTH = 4


def table2_grid(report: AnnualReport) -> Grid:
    """Four blocks, each: heading row, 信息内容 row, then its rows."""
    out = _Rows()
    bodies: list[tuple[int, ...]] = []
    for block in s.TABLE2_BLOCKS:
        first = out.new_row()
        heading_id = f"t2-{block.key}"
        out.add(
            Cell(
                first,
                0,
                Kind.HEADING,
                block.heading,
                colspan=TABLE2_WIDTH,
                id=heading_id,
                scope="colgroup",
            )
        )
        head = out.new_row()
        content_id = f"t2-{block.key}-content"
        out.add(Cell(head, 0, Kind.COLUMN, s.TABLE2_CONTENT_HEADER, id=content_id, scope="col"))
        span = (TABLE2_WIDTH - 1) // len(block.columns)
        column_ids: list[str] = []
        for i, column in enumerate(block.columns):
            column_id = f"t2-{block.key}-{column.key}"
            column_ids.append(column_id)
            out.add(
                Cell(
                    head,
                    1 + i * span,
                    Kind.COLUMN,
                    column.label,
                    colspan=span,
                    id=column_id,
                    headers=(heading_id,),
                    scope="col",
                )
            )
        for row in block.rows:
            r = out.new_row()
            row_id = f"t2-{row.key}"
            out.add(Cell(r, 0, Kind.ROW, row.label, id=row_id, headers=(content_id,), scope="row"))
            for i, (column, column_id) in enumerate(zip(block.columns, column_ids, strict=True)):
                if block.is_counted_by_column:
                    key = s.cell_key("table2", row.key, column.key)
                else:
                    key = s.cell_key("table2", row.key)
                value = report.cell(key)
                out.add(
                    Cell(
                        r,
                        1 + i * span,
                        Kind.DATA,
                        format_number(value),
                        colspan=span,
                        headers=(heading_id, column_id, row_id),
                        value=value,
                        key=key,
                        unit=Unit.AMOUNT if row.key == s.TABLE2_FEES_ROW else Unit.COUNT,
                    )
                )
        bodies.append(tuple(range(first, len(out.rows))))
    return Grid(
        key="table2",
        name="表二",
        caption=s.SECTION_BY_KEY["2"].heading,
        n_rows=len(out.rows),
        n_cols=TABLE2_WIDTH,
        rows=out.frozen(),
        head_rows=0,
        bodies=tuple(bodies),
        widths=(0.31, 0.23, 0.23, 0.23),
    )


# ---------------------------------------------------------------------------- table 三

TABLE3_LABEL_COLUMNS = 3
"""Columns of row labels: the results group, the （三）…（六） groups, the numbered rows."""


def table3_grid(report: AnnualReport) -> Grid:
    out = _Rows()
    label_cols = TABLE3_LABEL_COLUMNS
    applicant_id = "t3-applicant"
    organisation_id = "t3-organisation"

    r0, r1, r2 = out.new_row(), out.new_row(), out.new_row()
    out.add(
        Cell(
            r0,
            0,
            Kind.NOTE,
            s.TABLE3_IDENTITY_NOTE,
            rowspan=3,
            colspan=label_cols,
        )
    )
    out.add(
        Cell(
            r0,
            label_cols,
            Kind.COLUMN,
            s.TABLE3_APPLICANT_HEADER,
            colspan=s.TABLE3_WIDTH,
            id=applicant_id,
            scope="colgroup",
        )
    )
    column_headers: dict[str, tuple[str, ...]] = {}
    organisations = s.TABLE3_APPLICANT_COLUMNS[1:]
    for column in s.TABLE3_COLUMNS:
        column_id = f"t3-c-{column.key}"
        col = label_cols + column.index
        if column in organisations:
            if column is organisations[0]:
                out.add(
                    Cell(
                        r1,
                        col,
                        Kind.COLUMN,
                        s.TABLE3_ORGANISATION_HEADER,
                        colspan=len(organisations),
                        id=organisation_id,
                        headers=(applicant_id,),
                        scope="colgroup",
                    )
                )
            parents: tuple[str, ...] = (applicant_id, organisation_id)
            out.add(
                Cell(r2, col, Kind.COLUMN, column.label, id=column_id, headers=parents, scope="col")
            )
        else:
            parents = (applicant_id,)
            out.add(
                Cell(
                    r1,
                    col,
                    Kind.COLUMN,
                    column.label,
                    rowspan=2,
                    id=column_id,
                    headers=parents,
                    scope="col",
                )
            )
        column_headers[column.key] = (*parents, column_id)

    # 三、本年度办理结果 spans the 21 outcome rows and the （七）总计 row right after them
    first, last = s.TABLE3_OUTCOME_ROWS[0].index, s.TABLE3_OUTCOME_ROWS[-1].index + 1
    results = s.TABLE3_ROWS[first : last + 1]
    results_id = f"t3-{s.TABLE3_RESULTS_GROUP.key}"
    group_sizes = {
        g.key: sum(1 for r in s.TABLE3_ROWS if r.group == g.key) for g in s.TABLE3_GROUPS
    }
    seen_groups: set[str] = set()
    body: list[int] = []

    for row in s.TABLE3_ROWS:
        r = out.new_row()
        row_id = f"t3-r-{row.key.replace('.', '-')}"
        row_headers: tuple[str, ...]
        if row in results:
            if row is results[0]:
                out.add(
                    Cell(
                        r,
                        0,
                        Kind.ROW,
                        s.TABLE3_RESULTS_GROUP.label,
                        rowspan=len(results),
                        id=results_id,
                        scope="rowgroup",
                    )
                )
            if row.group is None:
                out.add(
                    Cell(
                        r,
                        1,
                        Kind.ROW,
                        row.label,
                        colspan=2,
                        id=row_id,
                        headers=(results_id,),
                        scope="row",
                    )
                )
                row_headers = (results_id, row_id)
            else:
                group = next(g for g in s.TABLE3_GROUPS if g.key == row.group)
                group_id = f"t3-g-{group.key}"
                if group.key not in seen_groups:
                    seen_groups.add(group.key)
                    out.add(
                        Cell(
                            r,
                            1,
                            Kind.ROW,
                            group.label,
                            rowspan=group_sizes[group.key],
                            id=group_id,
                            headers=(results_id,),
                            scope="rowgroup",
                        )
                    )
                out.add(
                    Cell(
                        r,
                        2,
                        Kind.ROW,
                        row.label,
                        id=row_id,
                        headers=(results_id, group_id),
                        scope="row",
                    )
                )
                row_headers = (results_id, group_id, row_id)
        else:
            out.add(Cell(r, 0, Kind.ROW, row.label, colspan=label_cols, id=row_id, scope="row"))
            row_headers = (row_id,)
        for column in s.TABLE3_COLUMNS:
            value = report.table3.row(row.key)[column.index]
            out.add(
                Cell(
                    r,
                    label_cols + column.index,
                    Kind.DATA,
                    format_number(value),
                    headers=(*column_headers[column.key], *row_headers),
                    value=value,
                    key=s.table3_cell(row.key, column.key),
                )
            )
        body.append(r)
    return Grid(
        key="table3",
        name="表三",
        caption=s.SECTION_BY_KEY["3"].heading,
        n_rows=len(out.rows),
        n_cols=label_cols + s.TABLE3_WIDTH,
        rows=out.frozen(),
        head_rows=3,
        bodies=(tuple(body),),
        widths=(0.045, 0.08, 0.385, *(0.07,) * s.TABLE3_WIDTH),
    )


# ---------------------------------------------------------------------------- table 四


def table4_grid(report: AnnualReport) -> Grid:
    """行政复议 (5) | 行政诉讼 (10: 未经复议直接起诉 5, 复议后起诉 5), one row of numbers."""
    out = _Rows()
    width = len(s.TABLE4_COLUMNS)
    r0, r1, r2, data = out.new_row(), out.new_row(), out.new_row(), out.new_row()
    litigation_id = "t4-litigation"
    litigation = [g for g in s.TABLE4_GROUPS if g.parent == s.TABLE4_LITIGATION_HEADER]
    out.add(
        Cell(
            r0,
            width * s.TABLE4_GROUPS.index(litigation[0]),
            Kind.COLUMN,
            s.TABLE4_LITIGATION_HEADER,
            colspan=width * len(litigation),
            id=litigation_id,
            scope="colgroup",
        )
    )
    for g, group in enumerate(s.TABLE4_GROUPS):
        group_id = f"t4-{group.key}"
        start = g * width
        if group.parent is None:
            out.add(
                Cell(
                    r0,
                    start,
                    Kind.COLUMN,
                    group.label,
                    colspan=width,
                    id=group_id,
                    scope="colgroup",
                )
            )
            parents: tuple[str, ...] = (group_id,)
            label_row, label_span = r1, 2
        else:
            out.add(
                Cell(
                    r1,
                    start,
                    Kind.COLUMN,
                    group.label,
                    colspan=width,
                    id=group_id,
                    headers=(litigation_id,),
                    scope="colgroup",
                )
            )
            parents = (litigation_id, group_id)
            label_row, label_span = r2, 1
        counts = report.table4.group(group.key)
        for i, column in enumerate(s.TABLE4_COLUMNS):
            column_id = f"t4-{group.key}-{column.key}"
            out.add(
                Cell(
                    label_row,
                    start + i,
                    Kind.COLUMN,
                    column.label,
                    rowspan=label_span,
                    id=column_id,
                    headers=parents,
                    scope="col",
                )
            )
            value = getattr(counts, column.key)
            out.add(
                Cell(
                    data,
                    start + i,
                    Kind.DATA,
                    format_number(value),
                    headers=(*parents, column_id),
                    value=value,
                    key=s.table4_cell(group.key, column.key),
                )
            )
    n_cols = width * len(s.TABLE4_GROUPS)
    return Grid(
        key="table4",
        name="表四",
        caption=s.SECTION_BY_KEY["4"].heading,
        n_rows=len(out.rows),
        n_cols=n_cols,
        rows=out.frozen(),
        head_rows=3,
        bodies=((data,),),
        widths=(1 / n_cols,) * n_cols,
    )


TABLE_OF_SECTION = {"2": table2_grid, "3": table3_grid, "4": table4_grid}
"""Sections 二, 三 and 四 end with their table."""

NEW_PAGE_SECTIONS = frozenset({"3"})
"""Sections that open a printed page: table 三 fills about one A4 page and is not to be
cut after its first rows (report.css does the same for the HTML and the PDF)."""


def grids(report: AnnualReport) -> tuple[Grid, ...]:
    return tuple(build(report) for build in TABLE_OF_SECTION.values())


def paragraphs(text: str | None) -> Sequence[str]:
    """A section's text as paragraphs: one per non-blank line, stripped."""
    if not text:
        return ()
    return tuple(line.strip() for line in text.splitlines() if line.strip())
