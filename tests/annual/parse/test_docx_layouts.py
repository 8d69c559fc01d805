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


def _table2(frame: Any, table2: dict[str, Any]) -> None:
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
                    _number(table.cell(r, c), table2[row.key][column.key])
                r += 1
        else:
            table.cell(r, 1).merge(table.cell(r, 3))
            _label(table.cell(r, 1), block.columns[0].label)
            r += 1
            for row in block.rows:
                _label(table.cell(r, 0), row.label)
                table.cell(r, 1).merge(table.cell(r, 3))
                _number(table.cell(r, 1), table2[row.key])
                r += 1


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
