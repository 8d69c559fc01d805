"""Binary fixture documents (DOCX, PDF) built in the test run from their expected values.

Each builder lays the numbers of an ``*.expected.json`` file out in one shape that
published reports take and the seeds do not show, so the parse of the result can be
compared cell by cell with the same file:

* ``docx_merged_cells_table3_split_by_page_break``: a Word file whose tables use
  vertical and horizontal merges as the national layout does, prints its digits
  full-width, leaves some cells blank (null), and breaks table 三 into two Word tables
  with a page break between them (the second has no header);
* ``pdf_table3_across_pages_header_repeated``: a PDF with a text layer where table 三
  runs onto the next page and its three header rows are printed again there;
* ``pdf_tables_without_ruling_lines``: the same layout with no borders at all, so the
  tables exist only as text placed in columns (narrow columns: some cells are apart by
  less than a character's width);
* ``pdf_word_export_title_page_running_heads_striped_borderless_tables``: a Word file
  saved as PDF (``build_word_export_pdf``): a title page (the organ on one line, the
  year and the words on two more, the month under them), a running head naming the
  organ over a rule and ``— n —`` page numbers, tables without borders whose every
  other row is shaded (filled rectangles, not rules), the 三、本年度办理结果 and group
  labels in cells one character wide;
* ``pdf_shaded_header_cells_tables_side_by_side``: ruled tables whose header cells are
  shaded grey, table 二's blocks in two tables side by side and table 四's 行政复议 and
  行政诉讼 in two tables side by side (``build_word_export_pdf(..., side_by_side=True)``);
* ``pdf_landscape_table3_drawn_turned_on_portrait_pages``: table 三 on landscape pages
  that a print driver drew turned a quarter on portrait pages, shown upright by each
  page's ``/Rotate 270`` (``build_turned_landscape_pdf``): in the page's own coordinates
  its text runs up the page.

The row labels are the national form's, taken from ``annual.schema``.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from html import escape
from typing import Any

from gongkai.annual import schema as s

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _text(value: Any, *, full_width: bool = False) -> str:
    if value is None:
        return ""
    text = f"{value:g}" if isinstance(value, float) else str(value)
    return text.translate(FULL_WIDTH) if full_width else text


def _group_label(key: str | None) -> str:
    return next(g.label for g in s.TABLE3_GROUPS if g.key == key)


def _group_sizes() -> dict[str, int]:
    sizes: dict[str, int] = {}
    for row in s.TABLE3_ROWS:
        if row.group:
            sizes[row.group] = sizes.get(row.group, 0) + 1
    return sizes


def _narrative(organ: str, year: int) -> dict[str, list[str]]:
    return {
        "1": [
            f"{year}年，{organ}认真贯彻落实《中华人民共和国政府信息公开条例》，"
            "坚持以公开为常态、不公开为例外，全面推进政务公开工作。",
            "（一）主动公开。通过门户网站、政务新媒体等渠道主动公开各类政府信息，"
            "及时发布政策文件和工作动态。",
            "（二）依申请公开。规范受理、办理、答复等环节，全部在法定期限内答复。",
        ],
        "2": [],
        "3": [],
        "4": [],
        "5": [
            "一是政策解读形式较为单一；二是信息发布的及时性有待提高。下一步将加强培训，完善机制。"
        ],
        "6": [
            "本年度未收取信息处理费。",
            f"本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。",
        ],
    }


# ----------------------------------------------------------------------------- DOCX


def build_docx(expected: dict[str, Any]) -> bytes:
    """The report as a Word file (see the module docstring)."""
    import docx
    from docx.enum.text import WD_BREAK

    organ, year = expected["organ"], expected["year"]
    document = docx.Document()
    document.add_paragraph(f"{organ}{year}年政府信息公开工作年度报告")
    narrative = _narrative(organ, year)
    for section in s.SECTIONS:
        document.add_paragraph(section.heading)
        for text in narrative[section.key]:
            document.add_paragraph(text)
        if section.key == "2":
            _docx_table2(document, expected["table2"])
        elif section.key == "3":
            first, second = _docx_table3(expected["table3"])
            first(document)
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            second(document)
        elif section.key == "4":
            _docx_table4(document, expected["table4"])
    document.add_paragraph(organ)
    document.add_paragraph(f"{year + 1}年1月18日")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _docx_table2(document: Any, table2: dict[str, Any]) -> None:
    rows: list[list[str]] = []
    merges: list[tuple[int, int, int, int]] = []
    for block in s.TABLE2_BLOCKS:
        merges.append((len(rows), 0, len(rows), 3))
        rows.append([block.heading, "", "", ""])
        if block.is_counted_by_column:
            rows.append([s.TABLE2_CONTENT_HEADER, *(c.label for c in block.columns)])
            for row in block.rows:
                counts = table2[row.key]
                rows.append(
                    [row.label, *(_text(counts[c.key], full_width=True) for c in block.columns)]
                )
        else:
            merges.append((len(rows), 1, len(rows), 3))
            rows.append([s.TABLE2_CONTENT_HEADER, block.columns[0].label, "", ""])
            for row in block.rows:
                merges.append((len(rows), 1, len(rows), 3))
                rows.append([row.label, _text(table2[row.key], full_width=True), "", ""])
    _docx_fill(document, rows, merges)


def _docx_table3(table3: dict[str, Any]) -> tuple[Callable[[Any], None], Callable[[Any], None]]:
    """Table 三 as two Word tables: the header and rows up to （三）8, then the rest."""
    header = [
        [s.TABLE3_IDENTITY_NOTE, "", "", s.TABLE3_APPLICANT_HEADER, "", "", "", "", "", ""],
        ["", "", "", "自然人", s.TABLE3_ORGANISATION_HEADER, "", "", "", "", "总计"],
        ["", "", "", "", *(c.label for c in s.TABLE3_COLUMNS[1:6]), ""],
    ]
    merges = [(0, 0, 2, 2), (0, 3, 0, 9), (1, 3, 2, 3), (1, 4, 1, 8), (1, 9, 2, 9)]
    body: list[list[str]] = []
    body_merges: list[tuple[int, int, int, int]] = []
    sizes = _group_sizes()
    seen: set[str] = set()
    for row in s.TABLE3_ROWS:
        values = [_text(v, full_width=True) for v in table3[row.key]]
        if row.key in ("received", "carried_over", "carried_forward"):
            body_merges.append((len(body), 0, len(body), 2))
            body.append([row.label, "", "", *values])
            continue
        if row.group is None:
            body_merges.append((len(body), 1, len(body), 2))
            body.append(["", row.label, "", *values])
            continue
        if row.group not in seen:
            seen.add(row.group)
            body_merges.append((len(body), 1, len(body) + sizes[row.group] - 1, 1))
            body.append(["", _group_label(row.group), row.label, *values])
        else:
            body.append(["", "", row.label, *values])
    split = 1 + next(i for i, r in enumerate(s.TABLE3_ROWS) if r.key == "withheld.query_matters")
    first_rows = header + body[:split]
    first_merges = merges + [(a + 3, b, c + 3, d) for a, b, c, d in body_merges if c < split]
    rest = body[split:]
    rest_merges = [(a - split, b, c - split, d) for a, b, c, d in body_merges if a >= split]
    # the merged 三、本年度办理结果 label down column 0 of the outcome rows, in each part
    results = [i for i, r in enumerate(s.TABLE3_ROWS) if r.is_outcome or r.key == "handled_total"]
    first_merges.append((results[0] + 3, 0, split + 2, 0))
    first_rows[results[0] + 3][0] = s.TABLE3_RESULTS_GROUP.label
    rest_merges.append((0, 0, results[-1] - split, 0))
    return (
        lambda document: _docx_fill(document, first_rows, first_merges),
        lambda document: _docx_fill(document, rest, rest_merges),
    )


def _docx_table4(document: Any, table4: dict[str, Any]) -> None:
    labels = [c.label for c in s.TABLE4_COLUMNS]
    rows = [
        ["行政复议", "", "", "", "", s.TABLE4_LITIGATION_HEADER, *[""] * 9],
        [*labels, "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""],
        ["", "", "", "", "", *labels, *labels],
        [
            _text(table4[g.key][c.key], full_width=True)
            for g in s.TABLE4_GROUPS
            for c in s.TABLE4_COLUMNS
        ],
    ]
    merges = [(0, 0, 0, 4), (0, 5, 0, 14), (1, 5, 1, 9), (1, 10, 1, 14)]
    merges += [(1, c, 2, c) for c in range(5)]
    _docx_fill(document, rows, merges)


def _docx_fill(
    document: Any, rows: list[list[str]], merges: list[tuple[int, int, int, int]]
) -> None:
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text
    for top, left, bottom, right in merges:
        if (top, left) != (bottom, right):
            table.cell(top, left).merge(table.cell(bottom, right))


# ----------------------------------------------------------------------------- PDF

_PDF_CSS = """
@page { size: A4; margin: 2cm 1.5cm;
        @bottom-center { content: "第 " counter(page) " 页"; font-size: 9pt; } }
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 10.5pt; }
p { text-indent: 2em; margin: 0.3em 0; }
h2 { font-size: 12pt; margin: 0.8em 0 0.3em; }
table { border-collapse: collapse; width: 100%; font-size: 8pt; }
td, th { border: 0.6pt solid #000; padding: 2pt; text-align: center; font-weight: normal; }
"""


def build_pdf(expected: dict[str, Any], *, ruled: bool = True) -> bytes:
    """The report as a PDF with a text layer (see the module docstring)."""
    import weasyprint

    return bytes(weasyprint.HTML(string=pdf_html(expected, ruled=ruled)).write_pdf())


def pdf_html(expected: dict[str, Any], *, ruled: bool = True) -> str:
    organ, year = expected["organ"], expected["year"]
    narrative = _narrative(organ, year)
    css = _PDF_CSS if ruled else _PDF_CSS.replace("border: 0.6pt solid #000;", "border: none;")
    parts = [f"<html><head><style>{css}</style></head><body>"]
    parts.append(
        f'<h1 style="text-align:center;font-size:16pt">{escape(organ)}{year}年政府信息公开工作年度报告</h1>'
    )
    for section in s.SECTIONS:
        parts.append(f"<h2>{escape(section.heading)}</h2>")
        parts.extend(f"<p>{escape(t)}</p>" for t in narrative[section.key])
        if section.key == "2":
            parts.append(_html_table2(expected["table2"]))
        elif section.key == "3":
            parts.append(_html_table3(expected["table3"]))
        elif section.key == "4":
            parts.append(_html_table4(expected["table4"]))
    parts.append(f'<p style="text-align:right">{escape(organ)}</p></body></html>')
    return "\n".join(parts)


def _td(text: str, rowspan: int = 1, colspan: int = 1, tag: str = "td") -> str:
    spans = (f' rowspan="{rowspan}"' if rowspan > 1 else "") + (
        f' colspan="{colspan}"' if colspan > 1 else ""
    )
    return f"<{tag}{spans}>{escape(text)}</{tag}>"


def _html_table2(table2: dict[str, Any]) -> str:
    rows = []
    for block in s.TABLE2_BLOCKS:
        rows.append(_td(block.heading, colspan=4))
        if block.is_counted_by_column:
            rows.append(_td(s.TABLE2_CONTENT_HEADER) + "".join(_td(c.label) for c in block.columns))
            for row in block.rows:
                counts = table2[row.key]
                rows.append(
                    _td(row.label) + "".join(_td(_text(counts[c.key])) for c in block.columns)
                )
        else:
            rows.append(_td(s.TABLE2_CONTENT_HEADER) + _td(block.columns[0].label, colspan=3))
            for row in block.rows:
                rows.append(_td(row.label) + _td(_text(table2[row.key]), colspan=3))
    return "<table>" + "".join(f"<tr>{r}</tr>" for r in rows) + "</table>"


def _html_table3(table3: dict[str, Any]) -> str:
    """Header rows in ``<thead>`` (repeated on every page) and a forced page break
    before （四）1: the 三、本年度办理结果 and （四） labels are printed on both pages."""
    head = [
        _td(s.TABLE3_IDENTITY_NOTE, 3, 3, "th")
        + _td(s.TABLE3_APPLICANT_HEADER, colspan=7, tag="th"),
        _td("自然人", 2, tag="th")
        + _td(s.TABLE3_ORGANISATION_HEADER, colspan=5, tag="th")
        + _td("总计", 2, tag="th"),
        "".join(_td(c.label, tag="th") for c in s.TABLE3_COLUMNS[1:6]),
    ]
    sizes = _group_sizes()
    body: list[str] = []
    seen: set[str] = set()
    for row in s.TABLE3_ROWS:
        values = "".join(_td(_text(v)) for v in table3[row.key])
        style = ""
        if row.key == "unavailable.not_held":
            style = ' style="break-before: page"'
        if row.group is None:
            lead = _td(s.TABLE3_RESULTS_GROUP.label, rowspan=10) if row.key == "granted" else ""
            span = 3 if row.key in ("received", "carried_over", "carried_forward") else 2
            body.append(f"<tr{style}>{lead}{_td(row.label, colspan=span)}{values}</tr>")
            continue
        lead = ""
        if row.key == "unavailable.not_held":
            lead = _td(s.TABLE3_RESULTS_GROUP.label, rowspan=12)
        if row.group not in seen:
            seen.add(row.group)
            lead += _td(_group_label(row.group), rowspan=sizes[row.group])
        body.append(f"<tr{style}>{lead}{_td(row.label)}{values}</tr>")
    # 三、本年度办理结果 spans the 10 outcome rows on the first page and the 12 on the next
    return (
        "<table><thead>"
        + "".join(f"<tr>{r}</tr>" for r in head)
        + "</thead><tbody>"
        + "".join(body)
        + "</tbody></table>"
    )


def _html_table4(table4: dict[str, Any]) -> str:
    labels = [c.label for c in s.TABLE4_COLUMNS]
    rows = [
        _td("行政复议", colspan=5) + _td(s.TABLE4_LITIGATION_HEADER, colspan=10),
        "".join(_td(label, rowspan=2) for label in labels)
        + _td("未经复议直接起诉", colspan=5)
        + _td("复议后起诉", colspan=5),
        "".join(_td(label) for label in labels * 2),
        "".join(
            _td(_text(table4[g.key][c.key])) for g in s.TABLE4_GROUPS for c in s.TABLE4_COLUMNS
        ),
    ]
    return "<table>" + "".join(f"<tr>{r}</tr>" for r in rows) + "</table>"


_WORD_CSS = """
@page { size: A4; margin: 2.5cm 2cm;
        @top-center { content: "%(head)s"; font-size: 9pt; border-bottom: 0.75pt solid #000;
                      width: 100%%; }
        @bottom-center { content: "— " counter(page) " —"; font-size: 10pt; } }
@page :first { @top-center { content: none; border: none; }
               @bottom-center { content: none; } }
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 10.5pt; }
p { text-indent: 2em; margin: 0.3em 0; }
h2 { font-size: 12pt; margin: 0.8em 0 0.3em; }
table { border-collapse: collapse; width: 100%%; font-size: 8pt; }
td, th { padding: 2pt; text-align: center; font-weight: normal; %(border)s }
td[rowspan] { width: 1.2em; }
"""
_STRIPES = "tr:nth-child(even) td { background: #e6e6e6; } th { background: #cccccc; }"
_SHADED_HEADS = "th { background: #d9d9d9; } td[colspan] { background: #f0f0f0; }"


def build_word_export_pdf(expected: dict[str, Any], *, side_by_side: bool = False) -> bytes:
    """The report as Word saves it as PDF (see the module docstring): without
    ``side_by_side``, borderless striped tables after a title page; with it, ruled
    tables with shaded header cells, tables 二 and 四 each in two tables side by side."""
    import weasyprint

    return bytes(weasyprint.HTML(string=word_export_html(expected, side_by_side)).write_pdf())


def word_export_html(expected: dict[str, Any], side_by_side: bool) -> str:
    organ, year = expected["organ"], expected["year"]
    narrative = _narrative(organ, year)
    border = "border: 0.6pt solid #000;" if side_by_side else "border: none;"
    css = _WORD_CSS % {"head": organ, "border": border}
    css += _SHADED_HEADS if side_by_side else _STRIPES
    parts = [f"<html><head><style>{css}</style></head><body>"]
    parts.append(
        '<div style="text-align:center;padding-top:7cm;font-size:22pt;line-height:1.8">'
        f"{escape(organ)}<br>{year}年政府信息公开<br>工作年度报告"
        f'<div style="font-size:14pt;margin-top:5cm">{year + 1}年1月</div></div>'
        '<div style="break-before:page"></div>'
    )
    for section in s.SECTIONS:
        parts.append(f"<h2>{escape(section.heading)}</h2>")
        parts.extend(f"<p>{escape(t)}</p>" for t in narrative[section.key])
        if section.key == "2":
            table2 = _html_table2(expected["table2"])
            parts.append(_side_by_side(table2, 5) if side_by_side else table2)
        elif section.key == "3":
            parts.append(_html_table3(expected["table3"]))
        elif section.key == "4":
            table4 = expected["table4"]
            parts.append(_html_table4_two(table4) if side_by_side else _html_table4(table4))
    parts.append(f'<p style="text-align:right">{escape(organ)}</p>')
    parts.append(f'<p style="text-align:right">{year + 1}年1月20日</p></body></html>')
    return "\n".join(parts)


def _side_by_side(table: str, split: int) -> str:
    """A one-table HTML string as two tables side by side: rows before ``split`` on the
    left, the rest on the right."""
    rows = table.removeprefix("<table>").removesuffix("</table>").split("</tr>")[:-1]
    left = "<table>" + "".join(r + "</tr>" for r in rows[:split]) + "</table>"
    right = "<table>" + "".join(r + "</tr>" for r in rows[split:]) + "</table>"
    return (
        '<div style="display:flex;gap:8pt;align-items:flex-start">'
        f'<div style="width:50%">{left}</div><div style="width:50%">{right}</div></div>'
    )


def _html_table4_two(table4: dict[str, Any]) -> str:
    """Table 四 as two tables side by side: 行政复议 (five columns) and 行政诉讼 (ten)."""
    labels = [c.label for c in s.TABLE4_COLUMNS]
    first, *litigation = s.TABLE4_GROUPS
    left = (
        f"<table><tr>{_td('行政复议', colspan=5)}</tr>"
        f"<tr>{''.join(_td(label) for label in labels)}</tr>"
        f"<tr>{''.join(_td(_text(table4[first.key][c.key])) for c in s.TABLE4_COLUMNS)}</tr>"
        "</table>"
    )
    cells = "".join(_td(_text(table4[g.key][c.key])) for g in litigation for c in s.TABLE4_COLUMNS)
    right = (
        f"<table><tr>{_td(s.TABLE4_LITIGATION_HEADER, colspan=10)}</tr>"
        f"<tr>{_td('未经复议直接起诉', colspan=5)}{_td('复议后起诉', colspan=5)}</tr>"
        f"<tr>{''.join(_td(label) for label in labels * 2)}</tr><tr>{cells}</tr></table>"
    )
    return (
        '<div style="display:flex;gap:8pt;align-items:flex-start">'
        f'<div style="width:34%">{left}</div><div style="width:66%">{right}</div></div>'
    )


_LANDSCAPE_CSS = "@page wide { size: A4 landscape; margin: 1.5cm; } .wide { page: wide; }"


def build_turned_landscape_pdf(expected: dict[str, Any]) -> bytes:
    """The report with table 三 on landscape pages, each drawn turned a quarter
    (clockwise) on a portrait page and shown upright by ``/Rotate 270`` (see the module
    docstring)."""
    import weasyprint

    html = pdf_html(expected).replace("</style>", _LANDSCAPE_CSS + "</style>", 1)
    html = html.replace("<h2>三、", '<div class="wide"><h2>三、', 1)
    html = html.replace("<h2>四、", "</div><h2>四、", 1)
    return turned_landscape_pages(weasyprint.HTML(string=html).write_pdf(), 270)


def turned_landscape_pages(pdf: bytes, rotation: int) -> bytes:
    """``pdf`` with each landscape page drawn turned a quarter on a portrait page and
    shown upright by ``/Rotate`` ``rotation`` (270: drawn turned clockwise; 90:
    anticlockwise), as some converters write landscape pages."""
    import pypdfium2

    if rotation not in (90, 270):
        raise ValueError(f"rotation must be 90 or 270, not {rotation}")
    source = pypdfium2.PdfDocument(pdf)
    turned = pypdfium2.PdfDocument.new()
    for index in range(len(source)):
        width, height = source[index].get_size()
        if width <= height:
            turned.import_pages(source, [index])
            continue
        content = source.page_as_xobject(index, turned).as_pageobject()
        if rotation == 270:
            content.transform(pypdfium2.PdfMatrix().rotate(90).translate(0, width))
        else:
            content.transform(pypdfium2.PdfMatrix().rotate(-90).translate(height, 0))
        page = turned.new_page(height, width)
        page.insert_obj(content)
        page.gen_content()
        page.set_rotation(rotation)
    out = io.BytesIO()
    turned.save(out)
    return out.getvalue()
