"""DOCX documents: body order, merged cells, damaged files."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from gongkai.annual.parse.document import Grid, Line
from gongkai.annual.parse.reader import UnreadableDocument, read_document


def build_docx() -> bytes:
    """A report fragment: heading, a table-四-like header with merged cells, text after."""
    document = docx.Document()
    document.add_paragraph("测试市测试局２０２４年政府信息公开工作年度报告")
    document.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    table = document.add_table(rows=4, cols=4)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "行政复议"  # gridSpan 2
    table.cell(0, 2).merge(table.cell(0, 3)).text = "行政诉讼"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "结果维持"  # vMerge over 2 rows
    table.cell(1, 1).text = "总计"
    table.cell(1, 2).text = "未经复议直接起诉"
    table.cell(1, 3).text = "复议后起诉"
    table.cell(2, 1).text = "合计"
    for column, value in enumerate(["1", "—", "", "1,000"]):
        table.cell(3, column).text = value
    document.add_paragraph("五、存在的主要问题及改进情况")
    paragraph = document.add_paragraph("第一行")
    paragraph.add_run().add_break()
    paragraph.add_run("第二行")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_paragraphs_and_tables_in_body_order() -> None:
    document = read_document(build_docx(), "报告.docx")
    assert document.kind == "docx"
    assert document.diagnostics == []
    assert [type(b).__name__ for b in document.blocks] == [
        "Line",
        "Line",
        "Grid",
        "Line",
        "Line",
        "Line",
    ]
    assert document.lines() == [
        Line("测试市测试局2024年政府信息公开工作年度报告", 1),
        Line("四、政府信息公开行政复议、行政诉讼情况", 2),
        Line("五、存在的主要问题及改进情况", 4),
        Line("第一行", 5),
        Line("第二行", 5),
    ]


def test_merged_cells_are_expanded() -> None:
    (grid,) = read_document(build_docx(), "报告.docx").grids()
    assert grid == Grid(
        rows=(
            ("行政复议", "行政复议", "行政诉讼", "行政诉讼"),
            ("结果维持", "总计", "未经复议直接起诉", "复议后起诉"),
            ("结果维持", "合计", "", ""),
            ("1", "-", "", "1000"),
        ),
        merged=(
            (False, True, False, True),
            (False, False, False, False),
            (True, False, False, False),
            (False, False, False, False),
        ),
        number=3,
    )


def test_traditional_docx_is_simplified() -> None:
    document = docx.Document()
    document.add_paragraph("嘉興市數據局2024年度政府信息公開工作年度報告")
    document.add_paragraph("三、收到和處理政府信息公開申請情況")
    out = io.BytesIO()
    document.save(out)
    result = read_document(out.getvalue(), "繁体.docx")
    assert [line.text for line in result.lines()] == [
        "嘉兴市数据局2024年度政府信息公开工作年度报告",
        "三、收到和处理政府信息公开申请情况",
    ]
    assert [d["code"] for d in result.diagnostics] == ["TRADITIONAL"]


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.9])
def test_truncated_docx_is_reported_not_crashed(keep: float) -> None:
    data = build_docx()
    with pytest.raises(UnreadableDocument) as caught:
        read_document(data[: int(len(data) * keep)], "截断.docx")
    assert caught.value.code == "DOCX_DAMAGED"
    assert str(caught.value) == (
        "截断.docx Word 文档已损坏或不完整（可能下载时被截断），无法打开；请重新获取原文件"
    )


def test_zip_that_is_not_a_word_document() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("data.csv", "a,b\n")
    with pytest.raises(UnreadableDocument) as caught:
        read_document(out.getvalue(), "数据.zip")
    assert caught.value.code == "UNSUPPORTED_FORMAT"
    assert "不是 Word 文档" in str(caught.value)


W_MAIN = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _with_body(body: str, *, namespace: str = W_MAIN) -> bytes:
    """A minimal Word file whose body is ``body`` (WordprocessingML, prefix ``w``)."""
    xml = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{namespace}" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        f"<w:body>{body}</w:body></w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", xml)
    return out.getvalue()


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def test_text_box_saved_twice_is_read_once() -> None:
    box = "<w:txbxContent>" + _p("测试市测试局2024年政府信息公开工作年度报告") + "</w:txbxContent>"
    body = (
        "<w:p><w:r><mc:AlternateContent><mc:Choice Requires='wps'>"
        f"{box}</mc:Choice><mc:Fallback>{box}</mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )
    document = read_document(_with_body(body), "box.docx")
    assert [line.text for line in document.lines()] == [
        "测试市测试局2024年政府信息公开工作年度报告"
    ]


def test_old_horizontal_merge_is_one_cell() -> None:
    def cell(text: str, merge: str = "") -> str:
        return f"<w:tc><w:tcPr>{merge}</w:tcPr>{_p(text)}</w:tc>"

    body = (
        "<w:tbl><w:tr>"
        + cell("行政许可", "")
        + cell("1287", "<w:hMerge w:val='restart'/>")
        + cell("", "<w:hMerge/>")
        + cell("", "<w:hMerge/>")
        + "</w:tr><w:tr>"
        + cell("规章")
        + cell("0")
        + cell("1")
        + cell("3")
        + "</w:tr></w:tbl>"
    )
    (grid,) = read_document(_with_body(body), "hmerge.docx").grids()
    assert grid.rows == (("行政许可", "1287", "1287", "1287"), ("规章", "0", "1", "3"))
    assert grid.merged[0] == (False, False, True, True)


def test_strict_open_xml_is_read() -> None:
    body = _p("一、总体情况")
    document = read_document(
        _with_body(body, namespace="http://purl.oclc.org/ooxml/wordprocessingml/main"),
        "strict.docx",
    )
    assert [line.text for line in document.lines()] == ["一、总体情况"]


def test_rows_and_cells_wrapped_in_content_controls_or_custom_xml() -> None:
    """A template's repeating section wraps table rows in ``w:sdt``; XML mapping wraps
    rows, cells and paragraphs in ``w:customXml``: they are the table's own."""

    def cell(text: str) -> str:
        return f"<w:tc>{_p(text)}</w:tc>"

    body = (
        "<w:customXml w:element='report'>"
        + _p("二、主动公开政府信息情况")
        + "</w:customXml><w:tbl><w:customXml w:element='row'><w:tr>"
        + cell("规章")
        + "<w:customXml w:element='made'>"
        + cell("7")
        + "</w:customXml></w:tr></w:customXml>"
        + "<w:sdt><w:sdtContent><w:tr>"
        + cell("行政规范性文件")
        + cell("2")
        + "</w:tr></w:sdtContent></w:sdt></w:tbl>"
    )
    document = read_document(_with_body(body), "custom.docx")
    assert [line.text for line in document.lines()] == ["二、主动公开政府信息情况"]
    assert [grid.rows for grid in document.grids()] == [(("规章", "7"), ("行政规范性文件", "2"))]


def test_text_box_is_read_as_blocks_after_its_anchor() -> None:
    """A table drawn in a text box is a table, not digits run into the anchor's text."""
    table = (
        "<w:tbl><w:tr><w:tc>" + _p("规章") + "</w:tc><w:tc>" + _p("3") + "</w:tc></w:tr></w:tbl>"
    )
    box = f"<w:txbxContent>{_p('二、主动公开政府信息情况')}{table}</w:txbxContent>"
    body = (
        "<w:p><w:r><w:t>见下表</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires='wps'>"
        f"{box}</mc:Choice><mc:Fallback>{box}</mc:Fallback></mc:AlternateContent></w:r></w:p>"
        + _p("三、收到和处理政府信息公开申请情况")
    )
    document = read_document(_with_body(body), "box.docx")
    assert [line.text for line in document.lines()] == [
        "见下表",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
    ]
    assert [grid.rows for grid in document.grids()] == [(("规章", "3"),)]


def _numbered(text: str, num_id: int, level: int = 0) -> str:
    return (
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
        f"</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"
    )


def _with_numbering(body: str, numbering: str, styles: str = "") -> bytes:
    """``_with_body`` with ``word/numbering.xml`` (and ``word/styles.xml``)."""
    data = io.BytesIO(_with_body(body))
    with zipfile.ZipFile(data, "a") as archive:
        archive.writestr(
            "word/numbering.xml", f'<w:numbering xmlns:w="{W_MAIN}">{numbering}</w:numbering>'
        )
        if styles:
            archive.writestr("word/styles.xml", f'<w:styles xmlns:w="{W_MAIN}">{styles}</w:styles>')
    return data.getvalue()


def _level(level: int, kind: str, text: str, *, start: int = 1, suffix: str = "tab") -> str:
    return (
        f'<w:lvl w:ilvl="{level}"><w:start w:val="{start}"/><w:numFmt w:val="{kind}"/>'
        f'<w:lvlText w:val="{text}"/><w:suff w:val="{suffix}"/></w:lvl>'
    )


def _lines(data: bytes) -> list[str]:
    document = read_document(data, "numbered.docx")
    return [b.text for b in document.blocks if isinstance(b, Line) and b.text]


def test_word_list_numbers_are_read_as_printed() -> None:
    """Headings numbered by Word (``w:numPr``) show ``一、`` ``（一）`` that are not in
    their text; a deeper level restarts when the level above counts on."""
    numbering = (
        '<w:abstractNum w:abstractNumId="0">'
        + _level(0, "chineseCounting", "%1、")
        + _level(1, "chineseCounting", "（%2）", suffix="nothing")
        + _level(2, "decimal", "%3.", suffix="nothing")
        + "</w:abstractNum>"
        + '<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>'
    )
    body = (
        _numbered("总体情况", 3)
        + _numbered("主动公开", 3, 1)
        + _numbered("依申请公开", 3, 1)
        + _numbered("受理", 3, 2)
        + _numbered("答复", 3, 2)
        + _numbered("主动公开政府信息情况", 3)
        + _numbered("政策文件", 3, 1)
        + _numbered("", 3)  # an empty numbered paragraph counts but shows nothing here
        + _numbered("存在的主要问题及改进情况", 3)
    )
    assert _lines(_with_numbering(body, numbering)) == [
        "一、 总体情况",
        "(一)主动公开",
        "(二)依申请公开",
        "1.受理",
        "2.答复",
        "二、 主动公开政府信息情况",
        "(一)政策文件",
        "四、 存在的主要问题及改进情况",
    ]


def test_word_lists_of_one_definition_count_on_unless_restarted() -> None:
    """Two lists on one definition continue each other's count (Word's "continue
    numbering"), a list that overrides its start restarts; numbers past ten in Chinese
    (``十一、``); a paragraph style's numbering, through the style it is based on."""
    numbering = (
        '<w:abstractNum w:abstractNumId="0">'
        + _level(0, "decimal", "%1.", suffix="nothing")
        + "</w:abstractNum>"
        + '<w:abstractNum w:abstractNumId="1">'
        + _level(0, "chineseCounting", "%1、", start=10)
        + "</w:abstractNum>"
        + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        + '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>'
        + '<w:num w:numId="4"><w:abstractNumId w:val="0"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        + '<w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>'
        + '<w:abstractNum w:abstractNumId="2">'
        + _level(0, "bullet", "\uf06c")
        + "</w:abstractNum>"
        + '<w:num w:numId="6"><w:abstractNumId w:val="2"/></w:num>'
    )
    styles = (
        '<w:style w:type="paragraph" w:styleId="Base"><w:pPr><w:numPr><w:numId w:val="5"/>'
        '</w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="Heading">'
        '<w:basedOn w:val="Base"/></w:style>'
    )
    styled = '<w:p><w:pPr><w:pStyle w:val="Heading"/></w:pPr><w:r><w:t>{}</w:t></w:r></w:p>'
    body = (
        _numbered("国家秘密", 1)
        + _numbered("禁止公开", 2)
        + _numbered("不掌握", 4)
        + _numbered("另行制作", 4)
        + styled.format("其他事项")
        + styled.format("附件")
        + '<w:p><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>不编号</w:t></w:r></w:p>'
        + _numbered("项目符号", 6)
    )
    assert _lines(_with_numbering(body, numbering, styles)) == [
        "1.国家秘密",
        "2.禁止公开",
        "1.不掌握",
        "2.另行制作",
        "十、 其他事项",
        "十一、 附件",
        "不编号",
        "项目符号",
    ]


def test_a_style_based_on_a_numbered_style_may_change_its_level_alone() -> None:
    """``Item`` names a level and no list: it is numbered in its base's list at its own
    level (``（一）`` under ``一、``), as Word draws it."""
    numbering = (
        '<w:abstractNum w:abstractNumId="0">'
        + _level(0, "chineseCounting", "%1、", suffix="nothing")
        + _level(1, "chineseCounting", "（%2）", suffix="nothing")
        + "</w:abstractNum>"
        + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    )
    styles = (
        '<w:style w:type="paragraph" w:styleId="Heading"><w:pPr><w:numPr><w:ilvl w:val="0"/>'
        '<w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Item"><w:basedOn w:val="Heading"/>'
        '<w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>'
    )
    styled = '<w:p><w:pPr><w:pStyle w:val="{}"/></w:pPr><w:r><w:t>{}</w:t></w:r></w:p>'
    body = "".join(
        styled.format(style, text)
        for style, text in (
            ("Heading", "总体情况"),
            ("Item", "主动公开"),
            ("Item", "依申请公开"),
            ("Heading", "主动公开政府信息情况"),
        )
    )
    assert _lines(_with_numbering(body, numbering, styles)) == [
        "一、总体情况",
        "(一)主动公开",
        "(二)依申请公开",
        "二、主动公开政府信息情况",
    ]


def test_text_moved_away_or_deleted_by_a_tracked_change_is_not_read() -> None:
    cell = (
        '<w:tc><w:p><w:moveFrom w:id="1"><w:r><w:t>9</w:t></w:r></w:moveFrom>'
        '<w:del w:id="2"><w:r><w:t>7</w:t></w:r></w:del><w:r><w:t>12</w:t></w:r>'
        '<w:moveTo w:id="3"><w:r><w:t>0</w:t></w:r></w:moveTo></w:p></w:tc>'
    )
    deleted = f'<w:tr><w:trPr><w:del w:id="4"/></w:trPr><w:tc>{_p("规章")}</w:tc><w:tc/></w:tr>'
    body = f"<w:tbl><w:tr><w:tc>{_p('规章')}</w:tc>{cell}</w:tr>{deleted}</w:tbl>"
    document = read_document(_with_body(body), "moved.docx")
    assert [b.rows for b in document.blocks if isinstance(b, Grid)] == [(("规章", "120"),)]


def test_main_part_named_by_the_package_relationships() -> None:
    xml = f'<w:document xmlns:w="{W_MAIN}"><w:body>{_p("一、总体情况")}</w:body></w:document>'
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="/word/document2.xml"/></Relationships>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("_rels/.rels", rels)
        archive.writestr("word/document2.xml", xml)
    assert _lines(out.getvalue()) == ["一、总体情况"]


def test_one_cell_table_boxing_a_figure_keeps_its_table_a_grid() -> None:
    box = f"<w:tbl><w:tr><w:tc>{_p('12')}</w:tc></w:tr></w:tbl><w:p/>"
    body = (
        f"<w:tbl><w:tr><w:tc>{_p('规章')}</w:tc><w:tc>{box}</w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>"
        # a table laying out a real table is still a frame
        f"<w:tbl><w:tr><w:tc>{_p('说明')}</w:tc><w:tc><w:tbl><w:tr><w:tc>{_p('行政许可')}</w:tc>"
        f"<w:tc>{_p('5')}</w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr></w:tbl>"
    )
    document = read_document(_with_body(body), "boxed.docx")
    assert [b.rows for b in document.blocks if isinstance(b, Grid)] == [
        (("规章", "12", ""),),
        (("行政许可", "5"),),
    ]


def test_title_property_names_a_report_whose_body_shows_no_title() -> None:
    core = (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<dc:title>{}</dc:title></cp:coreProperties>"
    )
    table = f"<w:tbl><w:tr><w:tc>{_p('规章')}</w:tc><w:tc>{_p('1')}</w:tc></w:tr></w:tbl>"
    for title, shown, lines in (
        (
            "某局2024年政府信息公开工作年度报告",
            "",
            ["某局2024年政府信息公开工作年度报告", "一、总体情况"],
        ),
        (
            "某局2024年政府信息公开工作年度报告",
            _p("某局2024年年度报告"),
            ["某局2024年年度报告", "一、总体情况"],
        ),
        ("工作总结", "", ["一、总体情况"]),
    ):
        data = io.BytesIO(_with_body(shown + _p("一、总体情况") + table))
        with zipfile.ZipFile(data, "a") as archive:
            archive.writestr("docProps/core.xml", core.format(title))
        assert _lines(data.getvalue()) == lines
