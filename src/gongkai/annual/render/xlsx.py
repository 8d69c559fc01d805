"""AnnualReport → XLSX (openpyxl): a 说明 sheet, then one sheet per table.

Each table sheet has the report's title in its first row, the table's caption in the
second, and the table itself from the fourth row on, with the same merged header cells
as the HTML and DOCX. Counts are integers and the fee amount (万元) a number with two
decimals shown; blank cells stay empty, never 0.
"""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .. import schema as s
from ..model import AnnualReport
from ._layout import Cell, Grid, Kind, Unit, grids, report_title, signature_lines

FIRST_TABLE_ROW = 4
"""The worksheet row (1-based) the table starts on."""

INFO_SHEET = "说明"
INFO_ORGAN = "机关"
INFO_YEAR = "年度"
INFO_FORMAT = "格式"
INFO_SOURCE = "来源"
INFO_BLANK = "空白单元格表示未填报或文件未印出，不等于0。"
INFO_UNIT = "收费金额单位：万元；其余为件数。"

FONT = "宋体"
STYLE_DATA = "表格数字"
STYLE_AMOUNT = "表格金额"
STYLE_HEADER = "表格表头"
STYLE_LABEL = "表格行标签"
STYLE_HEADING = "表格分块标题"
STYLE_NOTE = "表格注释"
AMOUNT_FORMAT = "0.00##"
_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_SHEET_WIDTH = 120.0
"""Total width of a table in Excel character units, shared out by the grid's widths."""


def render_xlsx(report: AnnualReport) -> bytes:
    """The report as an Excel workbook."""
    book = Workbook()
    info = book.active
    assert info is not None
    info.title = INFO_SHEET
    _info(info, report)
    _styles(book)
    for grid in grids(report):
        _table(book.create_sheet(grid.name), grid, report)
    out = BytesIO()
    book.save(out)
    return out.getvalue()


def _info(sheet: Worksheet, report: AnnualReport) -> None:
    sheet["A1"] = report_title(report)
    sheet["A1"].font = Font(name=FONT, size=16, bold=True)
    rows: list[tuple[str, object]] = [
        (INFO_ORGAN, report.organ or ""),
        (INFO_YEAR, report.year if report.year is not None else ""),
        (INFO_FORMAT, s.FORMAT_NAMES[report.format or s.format_for_year(report.year or 2021)]),
    ]
    if report.source:
        rows.append((INFO_SOURCE, report.source))
    for i, (label, value) in enumerate(rows, start=3):
        sheet.cell(row=i, column=1, value=label).font = Font(name=FONT, bold=True)
        sheet.cell(row=i, column=2, value=value).font = Font(name=FONT)
    last = 3 + len(rows) + 1
    sheet.cell(row=last, column=1, value=INFO_BLANK).font = Font(name=FONT)
    sheet.cell(row=last + 1, column=1, value=INFO_UNIT).font = Font(name=FONT)
    for i, line in enumerate(signature_lines(report), start=last + 4):
        signed = sheet.cell(row=i, column=2, value=line)
        signed.font = Font(name=FONT, size=12)
        signed.alignment = Alignment(horizontal="right", indent=4)
    sheet.column_dimensions["A"].width = 12
    sheet.column_dimensions["B"].width = 40


def _styles(book: Workbook) -> dict[str, NamedStyle]:
    """The named cell styles of the tables, registered once per workbook."""
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left = Alignment(horizontal="left", vertical="center", wrap_text=True)
    right = Alignment(horizontal="right", vertical="center")
    plain, bold, small = (
        Font(name=FONT, size=11),
        Font(name=FONT, size=11, bold=True),
        Font(name=FONT, size=9),
    )
    specs = {
        STYLE_DATA: (plain, right, "General"),
        STYLE_AMOUNT: (plain, right, AMOUNT_FORMAT),
        STYLE_HEADER: (plain, centre, "General"),
        STYLE_LABEL: (plain, left, "General"),
        STYLE_HEADING: (bold, left, "General"),
        STYLE_NOTE: (small, left, "General"),
    }
    styles: dict[str, NamedStyle] = {}
    for name, (font, alignment, number_format) in specs.items():
        style = NamedStyle(
            name=name, font=font, alignment=alignment, border=_BORDER, number_format=number_format
        )
        book.add_named_style(style)
        styles[name] = style
    return styles


def _style_of(cell: Cell) -> str:
    if cell.kind is Kind.DATA:
        return STYLE_AMOUNT if cell.unit is Unit.AMOUNT else STYLE_DATA
    if cell.kind is Kind.NOTE:
        return STYLE_NOTE
    if cell.kind is Kind.HEADING:
        return STYLE_HEADING
    if cell.kind is Kind.ROW and cell.rowspan == 1:
        return STYLE_LABEL
    return STYLE_HEADER


def _table(sheet: Worksheet, grid: Grid, report: AnnualReport) -> None:
    sheet.cell(row=1, column=1, value=report_title(report)).font = Font(
        name=FONT, size=14, bold=True
    )
    sheet.cell(row=2, column=1, value=grid.caption).font = Font(name=FONT, size=12)
    for i, width in enumerate(grid.widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = round(_SHEET_WIDTH * width, 1)
    for cell in grid.cells():
        _write(sheet, cell)
    _row_heights(sheet, grid)
    sheet.freeze_panes = sheet.cell(row=FIRST_TABLE_ROW + grid.head_rows, column=1)
    sheet.print_options.horizontalCentered = True
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if grid.n_cols > 4 else "portrait"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


LINE_POINTS = 14.5
"""Height of one line of 11 pt text in Excel (points); rows get whole lines plus padding."""
PADDING_POINTS = 3.0


def text_units(text: str) -> int:
    """Width of ``text`` in Excel's character units: a CJK character or a full-width
    mark takes two, anything else one."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def lines_needed(text: str, width: float) -> int:
    """Lines ``text`` wraps to in a column ``width`` units wide (at least one)."""
    usable = max(1.0, width - 1.0)
    return max(1, -(-text_units(text) // int(usable)))


def _row_heights(sheet: Worksheet, grid: Grid) -> None:
    """Heights that fit the wrapped labels (Excel does not grow rows of merged cells)."""
    widths = [round(_SHEET_WIDTH * w, 1) for w in grid.widths]
    lines = [1] * grid.n_rows
    for cell in grid.cells():
        if not cell.text or cell.kind is Kind.DATA:
            continue
        width = sum(widths[cell.col : cell.last_col + 1])
        need = lines_needed(cell.text, width)
        share = -(-need // cell.rowspan)
        for r in range(cell.row, cell.last_row + 1):
            lines[r] = max(lines[r], share)
    for r, count in enumerate(lines):
        height = count * LINE_POINTS + PADDING_POINTS
        sheet.row_dimensions[FIRST_TABLE_ROW + r].height = height


def _write(sheet: Worksheet, cell: Cell) -> None:
    row, col = FIRST_TABLE_ROW + cell.row, 1 + cell.col
    target = sheet.cell(row=row, column=col)
    if cell.kind is Kind.DATA:
        target.value = float(cell.value) if isinstance(cell.value, Decimal) else cell.value
    else:
        target.value = cell.text
    target.style = _style_of(cell)
    if cell.rowspan > 1 or cell.colspan > 1:  # openpyxl draws the border round the merge
        sheet.merge_cells(
            start_row=row,
            start_column=col,
            end_row=FIRST_TABLE_ROW + cell.last_row,
            end_column=1 + cell.last_col,
        )
