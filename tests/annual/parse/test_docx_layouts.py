"""Word files laid out the way offices type them, built in the test run from an expected file.

``docx_layout_frame_vmerge_vertical_labels_tracked_changes``: the whole report sits in the
one cell of a layout table (a bordered frame), with the three tables nested in it; table
三's 三、本年度办理结果 label is a vertical merge written one character per paragraph and
its group labels are vertical merges too; numbers are split over several runs with
proofing marks and bookmarks between them; one cell keeps a tracked deletion of its old
number and an insertion of the new one, another a hidden run; a few cells are blank.

A Word file made by a site's "export to Word" that holds the whole report as one imported
web page (``w:altChunk``) reads as that page.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest

from gongkai.annual import schema as s
from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.document import Grid, Line
from gongkai.annual.parse.read_docx import read_docx
from tests.annual.parse.test_fixture_reports import differences, expected_for
from tests.conftest import FIXTURES

docx = pytest.importorskip("docx")
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402

NAME = "docx_layout_frame_vmerge_vertical_labels_tracked_changes"


def _number(cell: Any, value: Any, *, tracked: bool = False, hidden: bool = False) -> None:
    """The value in ``cell``: blank for null, else split over runs the way Word saves an
    edited number (``1`` ``2`` with a proofing mark and a bookmark between)."""
    paragraph = cell.paragraphs[0]
    if value is None:
        return
    text = f"{value:g}" if isinstance(value, float) else str(value)
    p = paragraph._p
    if tracked:  # the old number deleted, the new one inserted, changes not accepted
        deleted = OxmlElement("w:del")
        deleted.set(qn("w:id"), "1")
        deleted.set(qn("w:author"), "审核人")
        run = OxmlElement("w:r")
        old = OxmlElement("w:delText")
        old.text = "9"
        run.append(old)
        deleted.append(run)
        p.append(deleted)
    if hidden:  # a hidden run (a note to the typist) before the number
        run = paragraph.add_run("待核")
        run.font.hidden = True
    head, rest = text[:1], text[1:]
    paragraph.add_run(head)
    if rest:
        mark = OxmlElement("w:proofErr")
        mark.set(qn("w:type"), "spellStart")
        p.append(mark)
        bookmark = OxmlElement("w:bookmarkStart")
        bookmark.set(qn("w:id"), "0")
        bookmark.set(qn("w:name"), "_GoBack")
        p.append(bookmark)
        if tracked:
            inserted = OxmlElement("w:ins")
            inserted.set(qn("w:id"), "2")
            inserted.set(qn("w:author"), "审核人")
            run = OxmlElement("w:r")
            t = OxmlElement("w:t")
            t.text = rest
            run.append(t)
            inserted.append(run)
            p.append(inserted)
        else:
            paragraph.add_run(rest)


def _label(cell: Any, text: str, *, vertical: bool = False) -> None:
    if not vertical:
        cell.paragraphs[0].text = text
        return
    cell.paragraphs[0].text = text[0]
    for character in text[1:]:
        cell.add_paragraph(character)


def _table2(frame: Any, table2: dict[str, Any], write: Callable[[Any, Any], None] = _number) -> Any:
    """Table 二 as the form prints it, each figure put in its cell by ``write``."""
    heights = sum(1 + (1 + len(b.rows)) for b in s.TABLE2_BLOCKS)
    table = frame.add_table(rows=heights, cols=4)
    r = 0
    for block in s.TABLE2_BLOCKS:
        table.cell(r, 0).merge(table.cell(r, 3))
        _label(table.cell(r, 0), block.heading)
        r += 1
        _label(table.cell(r, 0), s.TABLE2_CONTENT_HEADER)
        if block.is_counted_by_column:
            for c, column in enumerate(block.columns, start=1):
                _label(table.cell(r, c), column.label)
            r += 1
            for row in block.rows:
                _label(table.cell(r, 0), row.label)
                for c, column in enumerate(block.columns, start=1):
                    write(table.cell(r, c), table2[row.key][column.key])
                r += 1
        else:
            table.cell(r, 1).merge(table.cell(r, 3))
            _label(table.cell(r, 1), block.columns[0].label)
            r += 1
            for row in block.rows:
                _label(table.cell(r, 0), row.label)
                table.cell(r, 1).merge(table.cell(r, 3))
                write(table.cell(r, 1), table2[row.key])
                r += 1
    return table


def _table3(frame: Any, table3: dict[str, Any]) -> None:
    rows = s.TABLE3_ROWS
    table = frame.add_table(rows=3 + len(rows), cols=10)
    table.cell(0, 0).merge(table.cell(2, 2))
    _label(table.cell(0, 0), s.TABLE3_IDENTITY_NOTE)
    table.cell(0, 3).merge(table.cell(0, 9))
    _label(table.cell(0, 3), s.TABLE3_APPLICANT_HEADER)
    table.cell(1, 3).merge(table.cell(2, 3))
    _label(table.cell(1, 3), "自然人")
    table.cell(1, 4).merge(table.cell(1, 8))
    _label(table.cell(1, 4), s.TABLE3_ORGANISATION_HEADER)
    table.cell(1, 9).merge(table.cell(2, 9))
    _label(table.cell(1, 9), "总计")
    for c, column in enumerate(s.TABLE3_COLUMNS[1:6], start=4):
        _label(table.cell(2, c), column.label)
    outcome = [i for i, row in enumerate(rows) if row.is_outcome or row.key == "handled_total"]
    first, last = 3 + outcome[0], 3 + outcome[-1]
    table.cell(first, 0).merge(table.cell(last, 0))
    _label(table.cell(first, 0), s.TABLE3_RESULTS_GROUP.label, vertical=True)
    groups: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        if row.group:
            groups.setdefault(row.group, []).append(3 + i)
    for group in s.TABLE3_GROUPS:
        top, bottom = groups[group.key][0], groups[group.key][-1]
        table.cell(top, 1).merge(table.cell(bottom, 1))
        _label(table.cell(top, 1), group.label, vertical=True)
    for i, row in enumerate(rows):
        r = 3 + i
        if 3 + i < first or r > last:
            table.cell(r, 0).merge(table.cell(r, 2))
            _label(table.cell(r, 0), row.label)
        elif row.group is None:
            table.cell(r, 1).merge(table.cell(r, 2))
            _label(table.cell(r, 1), row.label)
        else:
            _label(table.cell(r, 2), row.label)
        for c, value in enumerate(table3[row.key], start=3):
            _number(
                table.cell(r, c),
                value,
                tracked=row.key == "granted" and c == 3,
                hidden=row.key == "received" and c == 9,
            )


def _table4(frame: Any, table4: dict[str, Any]) -> None:
    table = frame.add_table(rows=4, cols=15)
    labels = [c.label for c in s.TABLE4_COLUMNS]
    table.cell(0, 0).merge(table.cell(0, 4))
    _label(table.cell(0, 0), "行政复议")
    table.cell(0, 5).merge(table.cell(0, 14))
    _label(table.cell(0, 5), s.TABLE4_LITIGATION_HEADER)
    for c, text in enumerate(labels):
        table.cell(1, c).merge(table.cell(2, c))
        _label(table.cell(1, c), text)
    table.cell(1, 5).merge(table.cell(1, 9))
    _label(table.cell(1, 5), "未经复议直接起诉")
    table.cell(1, 10).merge(table.cell(1, 14))
    _label(table.cell(1, 10), "复议后起诉")
    for c, text in enumerate(labels * 2, start=5):
        _label(table.cell(2, c), text)
    values = [table4[g.key][c.key] for g in s.TABLE4_GROUPS for c in s.TABLE4_COLUMNS]
    for c, value in enumerate(values):
        _number(table.cell(3, c), value)


def build_framed_docx(expected: dict[str, Any]) -> bytes:
    """The report inside the one cell of a layout table (see the module docstring)."""
    organ, year = expected["organ"], expected["year"]
    document = docx.Document()
    outer = document.add_table(rows=1, cols=1)
    outer.style = "Table Grid"
    frame = outer.cell(0, 0)
    frame.paragraphs[0].text = f"{organ}{year}年政府信息公开工作年度报告"
    for section in s.SECTIONS:
        frame.add_paragraph(section.heading)
        if section.key == "1":
            frame.add_paragraph(
                f"{year}年，{organ}认真贯彻落实《中华人民共和国政府信息公开条例》，"
                "全面推进决策、执行、管理、服务、结果公开。"
            )
            frame.add_paragraph("（一）主动公开。及时发布政策文件、规划计划和工作动态。")
        elif section.key == "2":
            _table2(frame, expected["table2"])
        elif section.key == "3":
            _table3(frame, expected["table3"])
        elif section.key == "4":
            _table4(frame, expected["table4"])
        elif section.key == "5":
            frame.add_paragraph("一是解读形式较为单一；二是基层业务能力有待提高。")
        else:
            frame.add_paragraph("本年度未收取信息处理费。")
        # python-docx leaves an empty paragraph after each nested table, as Word does
    frame.add_paragraph(organ)
    frame.add_paragraph(f"{year + 1}年1月20日")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_framed_report_with_vertical_merges_and_tracked_changes_reads_whole() -> None:
    expected = expected_for(NAME)
    report = parse_bytes(build_framed_docx(expected), f"{NAME}.docx")
    assert differences(report, expected) == []
    codes = {d["code"] for d in report.diagnostics or ()}
    assert not codes & {"SECTION_NOT_FOUND", "TABLE_NOT_FOUND", "ROW_NOT_FOUND"}
    assert report.sections is not None and list(report.sections) == list(s.SECTION_KEYS)
    assert report.confidence == {"table2": 1.0, "table3": 1.0, "table4": 1.0}


def test_layout_table_is_read_as_its_paragraphs_and_nested_tables() -> None:
    document = docx.Document()
    document.add_paragraph("前言")
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    cell.paragraphs[0].text = "一、总体情况"
    cell.add_paragraph("本年度认真落实条例。")
    inner = cell.add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "规章"
    inner.cell(0, 1).text = "3"
    cell.add_paragraph("二、主动公开政府信息情况")
    box = document.add_table(rows=2, cols=1)  # a box drawn around two paragraphs
    box.cell(0, 0).text = "五、存在的主要问题及改进情况"
    box.cell(1, 0).text = "一是解读形式较为单一。"
    out = io.BytesIO()
    document.save(out)
    read = read_docx(out.getvalue(), "frame.docx")
    lines = [b.text for b in read.blocks if isinstance(b, Line) and b.text]
    assert lines == [
        "前言",
        "一、总体情况",
        "本年度认真落实条例。",
        "二、主动公开政府信息情况",
        "五、存在的主要问题及改进情况",
        "一是解读形式较为单一。",
    ]
    assert [b.rows for b in read.blocks if isinstance(b, Grid)] == [(("规章", "3"),)]


def _with_alt_chunk(page: bytes, name: str, content_type: str) -> bytes:
    """A Word file whose whole body is one imported chunk (``w:altChunk``) holding
    ``page``: what a site's "export to Word" writes."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    document = docx.Document()
    part = Part(PackURI(f"/word/{name}"), content_type, page, document.part.package)
    relation = document.part.relate_to(part, RT.A_F_CHUNK)
    chunk = OxmlElement("w:altChunk")
    chunk.set(qn("r:id"), relation)
    body = document.element.body
    body.insert(0, chunk)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_word_file_holding_the_report_as_an_imported_web_page() -> None:
    name = "all_cells_th_no_tbody_empty_rows_bold_font_numbers"
    page = (FIXTURES / "documents" / f"{name}.html").read_bytes()
    data = _with_alt_chunk(page, "afchunk.htm", "text/html")
    report = parse_bytes(data, f"{name}.docx")
    assert differences(report, expected_for(name)) == []
    assert report.sections is not None and list(report.sections) == list(s.SECTION_KEYS)


# ----------------------------------------------------------------------------- raw XML

RAW_NAME = "docx_raw_autonumbered_headings_fields_moves_grid_before_after"
"""A Word file written as WordprocessingML by hand, in shapes python-docx does not make:
every heading and table label numbered by Word's list numbering (``w:numPr``: the
``一、`` ``（一）`` ``1.`` are not in the text at all); table 二 indented by a grid
column before each row and ended by one after (``w:gridBefore``/``w:gridAfter``) except
its block headings, which span the whole grid; table 三's 总计 column computed by fields
(``=SUM(LEFT)`` with the result cached in the field), a tracked move out of one cell
(``w:moveFrom``: text no longer there) and the vertical merges written restart/continue
over ``w:gridBefore`` rows; a footnote reference after labels and figures; a blank
count in table 二 and a blank cell in table 三."""

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_T2_LIST, _T3_TOP, _T3_GROUP = 5, 6, 8
_T3_ITEMS = {"withheld": 10, "unavailable": 11, "not_processed": 12, "other": 13}
"""Each group's items are a list of their own that restarts at 1 (``w:startOverride``) on
one list definition shared by all four, as Word writes "restart numbering"."""
_HEADING_STYLE = "GK1"
"""The headings are numbered by their paragraph style (``word/styles.xml``), through the
style it is based on."""


def _raw_level(kind: str, text: str, suffix: str = "tab", level: int = 0) -> str:
    return (
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{kind}"/>'
        f'<w:lvlText w:val="{text}"/><w:suff w:val="{suffix}"/></w:lvl>'
    )


_RAW_NUMBERING = (
    f'<w:numbering xmlns:w="{_W_NS}">'
    f'<w:abstractNum w:abstractNumId="0">{_raw_level("chineseCounting", "%1、")}</w:abstractNum>'
    '<w:abstractNum w:abstractNumId="1">'
    f"{_raw_level('chineseCounting', '（%1）', 'nothing')}</w:abstractNum>"
    f'<w:abstractNum w:abstractNumId="2">{_raw_level("chineseCounting", "%1、")}</w:abstractNum>'
    '<w:abstractNum w:abstractNumId="3">'
    f"{_raw_level('chineseCounting', '（%1）', 'nothing')}"
    f"{_raw_level('decimal', '%1.%2', level=1)}</w:abstractNum>"
    f'<w:abstractNum w:abstractNumId="4">{_raw_level("decimal", "%1.", "nothing")}</w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    f'<w:num w:numId="{_T2_LIST}"><w:abstractNumId w:val="1"/></w:num>'
    f'<w:num w:numId="{_T3_TOP}"><w:abstractNumId w:val="2"/></w:num>'
    f'<w:num w:numId="{_T3_GROUP}"><w:abstractNumId w:val="3"/></w:num>'
    + "".join(
        f'<w:num w:numId="{n}"><w:abstractNumId w:val="4"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        for n in _T3_ITEMS.values()
    )
    + "</w:numbering>"
)
_RAW_STYLES = (
    f'<w:styles xmlns:w="{_W_NS}">'
    '<w:style w:type="paragraph" w:styleId="GK0"><w:name w:val="gk heading base"/>'
    '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    f'<w:style w:type="paragraph" w:styleId="{_HEADING_STYLE}"><w:name w:val="gk heading"/>'
    '<w:basedOn w:val="GK0"/></w:style></w:styles>'
)


def _x(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _raw_p(
    text: str, *, numbered: int | None = None, footnote: bool = False, style: str | None = None
) -> str:
    numbering = (
        f'<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{numbered}"/></w:numPr></w:pPr>'
        if numbered
        else ""
    )
    if style:
        numbering = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>'

    note = (
        '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
        '<w:footnoteReference w:id="1"/></w:r>'
        if footnote
        else ""
    )
    run = f'<w:r><w:t xml:space="preserve">{_x(text)}</w:t></w:r>' if text else ""
    return f"<w:p>{numbering}{run}{note}</w:p>"


def _raw_tc(
    body: str, *, span: int = 1, merge: str | None = None, numbered: int | None = None
) -> str:
    properties = ""
    if span > 1:
        properties += f'<w:gridSpan w:val="{span}"/>'
    if merge == "restart":
        properties += '<w:vMerge w:val="restart"/>'
    elif merge == "continue":
        properties += "<w:vMerge/>"
    paragraph = body if body.startswith("<w:p>") else _raw_p(body, numbered=numbered)
    return f"<w:tc><w:tcPr>{properties}</w:tcPr>{paragraph}</w:tc>"


def _raw_tr(cells: list[str], *, before: int = 0, after: int = 0) -> str:
    properties = (f'<w:gridBefore w:val="{before}"/>' if before else "") + (
        f'<w:gridAfter w:val="{after}"/>' if after else ""
    )
    return f"<w:tr><w:trPr>{properties}</w:trPr>{''.join(cells)}</w:tr>"


def _raw_tbl(columns: int, rows: list[str]) -> str:
    grid = "".join('<w:gridCol w:w="900"/>' for _ in range(columns))
    return (
        '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )


def _raw_number(value: Any) -> str:
    return "" if value is None else (f"{value:g}" if isinstance(value, float) else str(value))


def _raw_sum_field(value: Any) -> str:
    """A 总计 cell Word computes: a simple field with its last result cached."""
    return (
        '<w:p><w:fldSimple w:instr=" =SUM(LEFT) \\# &quot;0&quot; ">'
        f"<w:r><w:t>{_raw_number(value)}</w:t></w:r></w:fldSimple></w:p>"
    )


def _raw_moved(value: Any) -> str:
    """A number whose first figure was moved away (tracked, not accepted): only what is
    left shows."""
    return (
        '<w:p><w:moveFrom w:id="7" w:author="审核人"><w:r><w:t>9</w:t></w:r></w:moveFrom>'
        f"<w:r><w:t>{_raw_number(value)}</w:t></w:r></w:p>"
    )


def _raw_table2(table2: dict[str, Any]) -> str:
    rows: list[str] = []
    for block in s.TABLE2_BLOCKS:
        rows.append(_raw_tr([_raw_tc(block.heading, span=6)]))
        if block.is_counted_by_column:
            header = [_raw_tc(s.TABLE2_CONTENT_HEADER)]
            header += [_raw_tc(c.label) for c in block.columns]
            rows.append(_raw_tr(header, before=1, after=1))
            for row in block.rows:
                counts = table2[row.key]
                cells = [_raw_tc(row.label)]
                cells += [_raw_tc(_raw_number(counts[c.key])) for c in block.columns]
                rows.append(_raw_tr(cells, before=1, after=1))
        else:
            header = [_raw_tc(s.TABLE2_CONTENT_HEADER), _raw_tc(block.columns[0].label, span=3)]
            rows.append(_raw_tr(header, before=1, after=1))
            for row in block.rows:
                value = _raw_number(table2[row.key])
                figure = _raw_p(value, footnote=row.key == "fees")
                cells = [_raw_tc(_raw_p(row.label, footnote=row.key == "fees"))]
                rows.append(_raw_tr([*cells, _raw_tc(figure, span=3)], before=1, after=1))
    return _raw_tbl(6, rows)


def _raw_table3(table3: dict[str, Any]) -> str:
    """Labels without their numbers (Word numbers them); column 0 holds the merged
    本年度办理结果, column 1 the merged group labels."""
    rows = [
        _raw_tr(
            [
                _raw_tc(s.TABLE3_IDENTITY_NOTE, span=3, merge="restart"),
                _raw_tc(s.TABLE3_APPLICANT_HEADER, span=7),
            ]
        ),
        _raw_tr(
            [
                _raw_tc("", span=3, merge="continue"),
                _raw_tc("自然人", merge="restart"),
                _raw_tc(s.TABLE3_ORGANISATION_HEADER, span=5),
                _raw_tc("总计", merge="restart"),
            ]
        ),
        _raw_tr(
            [
                _raw_tc("", span=3, merge="continue"),
                _raw_tc("", merge="continue"),
                *(_raw_tc(c.label) for c in s.TABLE3_COLUMNS[1:6]),
                _raw_tc("", merge="continue"),
            ]
        ),
    ]
    seen: set[str] = set()
    first_outcome = True
    for row in s.TABLE3_ROWS:
        values = table3[row.key]
        figures = [
            _raw_tc(_raw_moved(v)) if row.key == "received" and c == 0 else _raw_tc(_raw_number(v))
            for c, v in enumerate(values[:6])
        ]
        figures.append(_raw_tc(_raw_sum_field(values[6])))
        label = row.short_label
        if not (row.is_outcome or row.key == "handled_total"):
            rows.append(_raw_tr([_raw_tc(label, span=3, numbered=_T3_TOP), *figures]))
            continue
        lead = _raw_tc(
            "本年度办理结果" if first_outcome else "",
            merge="restart" if first_outcome else "continue",
            numbered=_T3_TOP if first_outcome else None,
        )
        first_outcome = False
        if row.group is None:
            own = _raw_tc(label, span=2, numbered=_T3_GROUP)
            rows.append(_raw_tr([lead, own, *figures]))
            continue
        group = next(g for g in s.TABLE3_GROUPS if g.key == row.group)
        starts = row.group not in seen
        seen.add(row.group)
        group_cell = _raw_tc(
            group.label.split("）")[1] if starts else "",
            merge="restart" if starts else "continue",
            numbered=_T3_GROUP if starts else None,
        )
        item = _raw_tc(label, numbered=_T3_ITEMS[row.group])
        rows.append(_raw_tr([lead, group_cell, item, *figures]))
    return _raw_tbl(10, rows)


def _raw_table4(table4: dict[str, Any]) -> str:
    labels = [c.label for c in s.TABLE4_COLUMNS]
    values = [table4[g.key][c.key] for g in s.TABLE4_GROUPS for c in s.TABLE4_COLUMNS]
    rows = [
        _raw_tr([_raw_tc("行政复议", span=5), _raw_tc(s.TABLE4_LITIGATION_HEADER, span=10)]),
        _raw_tr(
            [
                *(_raw_tc(label, merge="restart") for label in labels),
                _raw_tc("未经复议直接起诉", span=5),
                _raw_tc("复议后起诉", span=5),
            ]
        ),
        _raw_tr(
            [*(_raw_tc("", merge="continue") for _ in labels), *(_raw_tc(x) for x in labels * 2)]
        ),
        _raw_tr([_raw_tc(_raw_number(v)) for v in values], after=1),
    ]
    return _raw_tbl(16, rows)


def build_raw_docx(expected: dict[str, Any], *, main: str = "word/document.xml") -> bytes:
    """The report as hand-written WordprocessingML (see ``RAW_NAME``); ``main``: the path
    of the main part, which ``_rels/.rels`` names."""
    import zipfile

    organ, year = expected["organ"], expected["year"]
    body = [
        _raw_p(organ),
        _raw_p(f"{year}年政府信息公开工作年度报告"),
        _raw_p("本报告依据《中华人民共和国政府信息公开条例》编制。", footnote=True),
    ]
    for section in s.SECTIONS:
        body.append(_raw_p(section.heading.split("、", 1)[1], style=_HEADING_STYLE))
        if section.key == "1":
            body.append(
                _raw_p(
                    f"{year}年，{organ}坚持以公开为常态、不公开为例外，"
                    "全面推进决策、执行、管理、服务、结果公开。"
                )
            )
            body.append(_raw_p("主动公开。全年发布政策文件和工作动态。", numbered=_T2_LIST))
        elif section.key == "2":
            body.append(_raw_tbl_wrapped(_raw_table2(expected["table2"])))
        elif section.key == "3":
            body.append(_raw_tbl_wrapped(_raw_table3(expected["table3"])))
        elif section.key == "4":
            body.append(_raw_tbl_wrapped(_raw_table4(expected["table4"])))
        elif section.key == "5":
            body.append(_raw_p("一是解读形式较为单一；二是基层业务能力有待提高。"))
        else:
            body.append(_raw_p("本年度未收取信息处理费。"))
    body += [_raw_p(organ), _raw_p(f"{year + 1}年1月16日")]
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{_W_NS}" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f"<w:body>{''.join(body)}<w:sectPr/></w:body></w:document>"
    )
    types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/{main}" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
        f'2006/relationships/officeDocument" Target="{main}"/></Relationships>'
    )
    folder, _, name = main.rpartition("/")
    relation = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    document_rels = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{relation}numbering" Target="numbering.xml"/>'
        f'<Relationship Id="rId2" Type="{relation}styles" Target="styles.xml"/>'
        "</Relationships>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr(main, document)
        archive.writestr(f"{folder}/_rels/{name}.rels", document_rels)
        archive.writestr(f"{folder}/numbering.xml", _RAW_NUMBERING)
        archive.writestr(f"{folder}/styles.xml", _RAW_STYLES)
    return out.getvalue()


def _raw_tbl_wrapped(table: str) -> str:
    """A table and the empty paragraph Word keeps after it."""
    return table + "<w:p/>"


@pytest.mark.parametrize("main", ["word/document.xml", "word/document2.xml"])
def test_raw_word_file_numbered_labels_fields_moves_and_grid_before_after(main: str) -> None:
    """Also with the main part where the package's relationships say, not at
    ``word/document.xml`` (as some tools save it)."""
    expected = expected_for(RAW_NAME)
    report = parse_bytes(build_raw_docx(expected, main=main), f"{RAW_NAME}.docx")
    assert differences(report, expected) == []
    codes = {d["code"] for d in report.diagnostics or ()}
    assert not codes & {"SECTION_NOT_FOUND", "TABLE_NOT_FOUND", "ROW_NOT_FOUND"}
    assert report.sections is not None and list(report.sections) == list(s.SECTION_KEYS)


# ----------------------------------------------------------------------------- title, boxes

PROPERTIES_NAME = "docx_title_only_in_properties_and_page_header_boxed_figures_deleted_row"
"""A Word file whose body prints no title (the report's title is in the page header and
the file's title property; the text says 本局 and is signed by no one); table 二's
figures each sit in a one-cell table nested in their cell (blank cells stay blank);
table 三 keeps a row a tracked change deleted (an old （一）予以公开 with other figures)."""


def _boxed(cell: Any, value: Any) -> None:
    """The figure in a one-cell table nested in ``cell``; blank for null."""
    if value is None:
        return
    box = cell.add_table(rows=1, cols=1)
    box.cell(0, 0).text = f"{value:g}" if isinstance(value, float) else str(value)


def _boxed_table2(document: Any, table2: dict[str, Any]) -> None:
    _table2(document, table2, _boxed).style = "Table Grid"


def _delete_row_after(table: Any, label: str, figures: list[str]) -> None:
    """A tracked deletion of a row (``w:trPr/w:del``) after the row labelled ``label``:
    the same row with other figures, as an earlier draft had it."""
    import copy

    row = next(r for r in table.rows if any(c.text == label for c in r.cells))
    old = copy.deepcopy(row._tr)
    properties = old.get_or_add_trPr()
    deleted = OxmlElement("w:del")
    deleted.set(qn("w:id"), "11")
    deleted.set(qn("w:author"), "起草人")
    properties.append(deleted)
    texts = [t for t in old.iter(qn("w:t")) if t.text and t.text.isdigit()]
    for t, figure in zip(texts, figures, strict=False):
        t.text = figure
    row._tr.addnext(old)


def build_titled_by_properties_docx(expected: dict[str, Any]) -> bytes:
    organ, year = expected["organ"], expected["year"]
    title = f"{organ}{year}年政府信息公开工作年度报告"
    document = docx.Document()
    document.core_properties.title = title
    document.sections[0].header.paragraphs[0].text = title
    for section in s.SECTIONS:
        document.add_paragraph(section.heading)
        if section.key == "1":
            document.add_paragraph(
                f"{year}年，本局认真贯彻落实《中华人民共和国政府信息公开条例》，"
                "全面推进政务公开工作。"
            )
        elif section.key == "2":
            _boxed_table2(document, expected["table2"])
        elif section.key == "3":
            _table3(document, expected["table3"])
            _delete_row_after(document.tables[-1], "（一）予以公开", ["9", "9", "9"])
        elif section.key == "4":
            _table4(document, expected["table4"])
        elif section.key == "5":
            document.add_paragraph("一是解读形式较为单一；二是基层业务能力有待提高。")
        else:
            document.add_paragraph("本年度未收取信息处理费。")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_title_from_file_properties_figures_boxed_in_cells_and_a_deleted_row() -> None:
    expected = expected_for(PROPERTIES_NAME)
    report = parse_bytes(build_titled_by_properties_docx(expected), f"{PROPERTIES_NAME}.docx")
    assert differences(report, expected) == []
    codes = {d["code"] for d in report.diagnostics or ()}
    assert not codes & {"SECTION_NOT_FOUND", "TABLE_NOT_FOUND", "ROW_NOT_FOUND", "ROW_DUPLICATE"}
    assert report.sections is not None and list(report.sections) == list(s.SECTION_KEYS)
