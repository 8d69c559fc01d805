"""AnnualReport → DOCX (python-docx) in the official layout.

Fonts and sizes follow how official documents are set (GB/T 9704 practice): the title
in 方正小标宋简体 二号 (22 pt), section headings in 黑体 三号, body text in 仿宋_GB2312 三号
(16 pt) with a fixed 28 pt line and a two-character first-line indent, tables in 宋体
五号 (10.5 pt). East Asian font names go into ``w:rFonts/@w:eastAsia``; Word falls back to
a font it has when the named one is missing. The tables' merged header cells are real
merges (``gridSpan``/``vMerge``), drawn from the same grids as the HTML.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from .. import schema as s
from ..model import AnnualReport
from ._layout import (
    NEW_PAGE_SECTIONS,
    TABLE_OF_SECTION,
    Cell,
    Grid,
    Kind,
    paragraphs,
    report_title,
    signature_lines,
    subheading_split,
    title_lines,
)

TITLE_FONT = "方正小标宋简体"
HEADING_FONT = "黑体"
SUBHEADING_FONT = "楷体_GB2312"
BODY_FONT = "仿宋_GB2312"
TABLE_FONT = "宋体"
LATIN_FONT = "Times New Roman"

TITLE_SIZE = Pt(22)  # 二号
BODY_SIZE = Pt(16)  # 三号
TABLE_SIZE = Pt(10.5)  # 五号
NOTE_SIZE = Pt(9)  # 小五
PAGE_NUMBER_SIZE = Pt(14)  # 4号
BODY_LINE = Pt(28)

TABLE_STYLE = "表格文字"
NOTE_STYLE = "表格注释"

PAGE_MARGINS = {"top": Mm(37), "bottom": Mm(35), "left": Mm(28), "right": Mm(26)}
TEXT_WIDTH = Mm(210 - 28 - 26)
CELL_MARGIN_TWIPS = 40  # about 0.07 cm either side, so that 15 columns fit


def render_docx(report: AnnualReport) -> bytes:
    """The report as a Word document (A4, official fonts, merged table headers)."""
    document: Any = Document()
    _page(document)
    _styles(document)
    title = report_title(report)
    document.core_properties.title = title
    document.core_properties.language = "zh-CN"

    top = document.add_paragraph()
    top.alignment = WD_ALIGN_PARAGRAPH.CENTER
    top.paragraph_format.first_line_indent = Pt(0)
    top.paragraph_format.space_after = BODY_LINE
    top.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    for i, line in enumerate(title_lines(report)):
        if i:  # a line break between the organ and the rest, never inside a word
            brk = top.add_run()
            brk.add_break()
            _font(brk, TITLE_FONT, TITLE_SIZE)
        _font(top.add_run(line), TITLE_FONT, TITLE_SIZE)

    for section in s.SECTIONS:
        heading = document.add_paragraph(section.heading, style="Heading 1")
        heading.paragraph_format.page_break_before = section.key in NEW_PAGE_SECTIONS
        for text in paragraphs((report.sections or {}).get(section.key)):
            _paragraph(document, text)
        build = TABLE_OF_SECTION.get(section.key)
        if build is not None:
            _table(document, build(report))
    _signature(document, signature_lines(report))
    _page_numbers(document)

    out = BytesIO()
    document.save(out)
    return out.getvalue()


def _paragraph(document: Any, text: str) -> None:
    """A body paragraph; a leading （一） sub-heading in 楷体."""
    head, rest = subheading_split(text)
    paragraph = document.add_paragraph()
    if head:
        _font(paragraph.add_run(head), SUBHEADING_FONT, BODY_SIZE)
        paragraph.paragraph_format.keep_with_next = not rest
    if rest or not head:
        paragraph.add_run(rest if head else text)


def _signature(document: Any, lines: tuple[str, ...]) -> None:
    """发文机关署名 and 成文日期, right-aligned four characters in, after room for the seal."""
    for i, line in enumerate(lines):
        paragraph = document.add_paragraph(line)
        fmt = paragraph.paragraph_format
        fmt.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        fmt.first_line_indent = Pt(0)
        fmt.right_indent = Pt(4 * BODY_SIZE.pt)
        fmt.keep_with_next = i + 1 < len(lines)
        if i == 0:
            fmt.space_before = BODY_LINE * 2


def _page_numbers(document: Any) -> None:
    """``— 1 —`` in 4号宋体 at the foot, on the outer side: odd pages right, even left."""
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    for footer, alignment in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        paragraph = footer.paragraphs[0]
        fmt = paragraph.paragraph_format
        fmt.alignment = alignment
        fmt.first_line_indent = Pt(0)
        if alignment == WD_ALIGN_PARAGRAPH.RIGHT:
            fmt.right_indent = PAGE_NUMBER_SIZE
        else:
            fmt.left_indent = PAGE_NUMBER_SIZE
        _font(paragraph.add_run("— "), TABLE_FONT, PAGE_NUMBER_SIZE)
        _page_field(paragraph)
        _font(paragraph.add_run(" —"), TABLE_FONT, PAGE_NUMBER_SIZE)


def _page_field(paragraph: Any) -> None:
    """A PAGE field (Word fills in the number of the page it is printed on)."""
    for kind, text in (
        ("begin", None),
        (None, " PAGE "),
        ("separate", None),
        (None, "1"),
        ("end", None),
    ):
        run = paragraph.add_run()
        _font(run, TABLE_FONT, PAGE_NUMBER_SIZE)
        if kind is not None:
            node = OxmlElement("w:fldChar")
            node.set(qn("w:fldCharType"), kind)
            run._r.append(node)
        elif text == " PAGE ":
            node = OxmlElement("w:instrText")
            node.set(qn("xml:space"), "preserve")
            node.text = text
            run._r.append(node)
        else:
            run.text = text


def _page(document: Any) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = PAGE_MARGINS["top"]
    section.bottom_margin = PAGE_MARGINS["bottom"]
    section.left_margin = PAGE_MARGINS["left"]
    section.right_margin = PAGE_MARGINS["right"]


def _styles(document: Any) -> None:
    normal = document.styles["Normal"]
    _font(normal, BODY_FONT, BODY_SIZE)
    fmt = normal.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = BODY_LINE
    fmt.first_line_indent = Pt(32)  # two characters of 三号
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    # kinsoku: no line starts with a closing bracket or a stop
    ppr = normal.element.get_or_add_pPr()
    for tag in ("w:kinsoku", "w:overflowPunct"):
        node = OxmlElement(tag)
        node.set(qn("w:val"), "1")
        ppr.append(node)

    for name, style_id, size in (
        (TABLE_STYLE, "GongkaiTableText", TABLE_SIZE),
        (NOTE_STYLE, "GongkaiTableNote", NOTE_SIZE),
    ):
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.style_id = style_id  # an ASCII id; the Chinese name is what Word shows
        style.base_style = normal
        _font(style, TABLE_FONT, size)
        sfmt = style.paragraph_format
        sfmt.first_line_indent = Pt(0)
        sfmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
        sfmt.space_before = sfmt.space_after = Pt(0)

    heading = document.styles["Heading 1"]
    _font(heading, HEADING_FONT, BODY_SIZE, bold=False)
    heading.font.color.rgb = None
    hfmt = heading.paragraph_format
    hfmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    hfmt.line_spacing = BODY_LINE
    hfmt.first_line_indent = Pt(32)
    hfmt.space_before = hfmt.space_after = Pt(0)
    hfmt.keep_with_next = True


def _font(target: Any, east_asia: str, size: Pt, *, bold: bool | None = None) -> None:
    """Set a run's or a style's font: Latin name, East Asian name, size, weight."""
    font = target.font
    font.name = LATIN_FONT
    font.size = size
    font.bold = bold
    rpr = target.element.get_or_add_rPr() if hasattr(target, "element") else None
    if rpr is None:  # pragma: no cover - every python-docx run and style has .element
        return
    fonts = rpr.get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    fonts.set(qn("w:eastAsia"), east_asia)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")


def _table(document: Any, grid: Grid) -> None:
    table = document.add_table(rows=grid.n_rows, cols=grid.n_cols)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _table_properties(table, f"{grid.name} {grid.caption}")
    widths = [int(TEXT_WIDTH * w) for w in grid.widths]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for r in range(grid.head_rows):
        _repeat_header(table.rows[r])
    for row in table.rows:
        _cant_split(row)
    last = grid.n_rows - 1
    # python-docx's table.cell() and _Cell.merge() walk the whole table on every call;
    # take the unmerged cells once, fill them, then merge in the XML directly.
    plain = table._cells
    for i, target in enumerate(plain):
        target.width = widths[i % grid.n_cols]
    styles = document.styles
    style_ids = (styles[TABLE_STYLE].style_id, styles[NOTE_STYLE].style_id)
    for cell in grid.cells():
        _fill(plain[cell.row * grid.n_cols + cell.col], cell, style_ids)
    # every row but the last keeps with the next: a table that does not fit on the rest
    # of a page starts on the next one instead of leaving its last rows alone
    for i, target in enumerate(plain):
        if i // grid.n_cols < last:
            target.paragraphs[0].paragraph_format.keep_with_next = True
    tcs = [target._tc for target in plain]
    for cell in grid.cells():
        if cell.rowspan > 1 or cell.colspan > 1:
            _merge(tcs, grid.n_cols, cell, sum(widths[cell.col : cell.last_col + 1]))
    # a paragraph after each table keeps the next heading off the table's last row
    spacer = document.add_paragraph()
    spacer.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE


def _fill(target: Any, cell: Cell, style_ids: tuple[str, str]) -> None:
    target.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    paragraph = target.paragraphs[0]
    # by id, not by name: python-docx looks a name up through every style on each call
    paragraph._p.get_or_add_pPr().style = style_ids[cell.kind is Kind.NOTE]
    if cell.kind is Kind.DATA:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif cell.kind in (Kind.ROW, Kind.NOTE, Kind.HEADING) and cell.rowspan == 1:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    else:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if cell.text:
        run = paragraph.add_run(cell.text)
        if cell.kind is Kind.HEADING:
            run.bold = True


def _merge(tcs: list[Any], n_cols: int, cell: Cell, width: int) -> None:
    """Span ``cell`` over its rows and columns: ``gridSpan`` across, ``vMerge`` down.

    ``tcs`` are the table's cells before any merge, row by row; the cells a span
    swallows across are removed, those below the first row are marked as continuing.
    """
    for r in range(cell.row, cell.last_row + 1):
        first = tcs[r * n_cols + cell.col]
        if cell.colspan > 1:
            first.grid_span = cell.colspan
            first.width = width
            for c in range(cell.col + 1, cell.last_col + 1):
                swallowed = tcs[r * n_cols + c]
                swallowed.getparent().remove(swallowed)
        if cell.rowspan > 1:
            first.vMerge = "restart" if r == cell.row else "continue"


def _table_properties(table: Any, caption: str) -> None:
    """Narrow cell margins and an accessible caption, in schema order within tblPr."""
    tbl_pr = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        node = OxmlElement(f"w:{side}")
        node.set(qn("w:w"), str(CELL_MARGIN_TWIPS))
        node.set(qn("w:type"), "dxa")
        margins.append(node)
    look = tbl_pr.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(margins)
    else:
        tbl_pr.append(margins)
    node = OxmlElement("w:tblCaption")
    node.set(qn("w:val"), caption)
    tbl_pr.append(node)


def _repeat_header(row: Any) -> None:
    node = OxmlElement("w:tblHeader")
    node.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(node)


def _cant_split(row: Any) -> None:
    node = OxmlElement("w:cantSplit")
    node.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(node)
