"""The Word files the ``.doc`` fixtures were made from (``tests/fixtures/doc/make.py``):
each fixture's name → (the fixture whose expected values it shares, a builder of the
DOCX it was saved from). The tests build the DOCX again and read both."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from tests.annual.parse.as_documents import as_docx
from tests.annual.parse.fixture_documents import build_docx
from tests.annual.parse.test_docx_layouts import (
    NAME,
    PROPERTIES_NAME,
    build_framed_docx,
    build_titled_by_properties_docx,
)
from tests.annual.parse.test_fixture_reports import expected_for
from tests.conftest import FIXTURES

TRADITIONAL = "markdown_traditional_characters_notes_in_cells"


def _fields_and_traditional() -> bytes:
    """A text fixture in traditional characters as a Word file, with a line holding a
    PAGE field and a HYPERLINK field (codes Word keeps apart from the results it shows)."""
    import docx
    from docx.oxml import parse_xml

    text = (FIXTURES / "converted" / f"{TRADITIONAL}.txt").read_text(encoding="utf-8")
    document = docx.Document(io.BytesIO(as_docx(text)))
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def field(code: str, result: str) -> str:
        return (
            f'<w:r {w}><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r {w}><w:instrText xml:space="preserve"> {code} </w:instrText></w:r>'
            f'<w:r {w}><w:fldChar w:fldCharType="separate"/></w:r>'
            f"<w:r {w}><w:t>{result}</w:t></w:r>"
            f'<w:r {w}><w:fldChar w:fldCharType="end"/></w:r>'
        )

    paragraph = document.paragraphs[1].insert_paragraph_before("本頁爲第")
    runs = field("PAGE", "1") + f"<w:r {w}><w:t>頁，原文見</w:t></w:r>"
    runs += field('HYPERLINK "https://www.example.gov.cn/gk/"', "政府網站")
    for run in parse_xml(f"<w:p {w}>{runs}</w:p>"):
        paragraph._p.append(run)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


NUMBERED = "docx_merged_cells_table3_split_by_page_break"
_HEADING_NUMBERS = ("一、", "二、", "三、", "四、", "五、", "六、")


def _numbered_headings() -> bytes:
    """The national form as a Word file whose six section headings are numbered by a
    Word list (``一、`` drawn by Word in Chinese counting, not typed) and whose
    sub-items ``（一）`` ``（二）`` are a second list."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document(io.BytesIO(build_docx(expected_for(NUMBERED))))
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    numbering = document.part.numbering_part.element
    first_num = numbering.find(f"{{{w[9:-1]}}}num")
    for key, text, suffix in (("90", "%1、", "nothing"), ("91", "（%1）", "nothing")):
        abstract = parse_xml(
            f'<w:abstractNum {w} w:abstractNumId="{key}"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            f'<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="{text}"/>'
            f'<w:suff w:val="{suffix}"/></w:lvl></w:abstractNum>'
        )
        first_num.addprevious(abstract)
        numbering.append(
            parse_xml(f'<w:num {w} w:numId="{key}"><w:abstractNumId w:val="{key}"/></w:num>')
        )
    for paragraph in document.paragraphs:
        text = paragraph.text
        if text.startswith(_HEADING_NUMBERS):
            key, cut = "90", 2
        elif text.startswith(("（一）", "（二）")):
            key, cut = "91", 3
        else:
            continue
        paragraph.runs[0].text = text[cut:]
        properties = paragraph._p.get_or_add_pPr()
        properties.append(
            parse_xml(f'<w:numPr {w}><w:ilvl w:val="0"/><w:numId w:val="{key}"/></w:numPr>')
        )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_STYLE_LISTS = (
    # (list, style, level, number format, the number as Word draws it, what it replaces)
    ("92", "GkHeading", 0, "chineseCounting", "%1、", r"[一二三四五六七]、"),
    ("92", "GkItem", 1, "chineseCounting", "（%2）", r"（[一二三四五六七]）"),
    ("93", "GkTableHeading", 0, "chineseCounting", "%1、", r"[一二三四五六七]、"),
    ("93", "GkTableItem", 1, "chineseCounting", "（%2）", r"（[一二三四五六七]）"),
    ("93", "GkTableReason", 2, "decimal", "%3.", r"\d\."),
)


def _numbered_by_styles() -> bytes:
    """The national form as a Word file whose numbers all come from paragraph styles
    linked to lists, none typed and none named by the paragraphs: the section headings
    ``一、`` and their items ``（一）`` (two levels of one list), and in table 三 the
    items ``一、`` ``（一）`` ``1.`` (three levels of another, counted on across the
    page break between its two Word tables)."""
    import re

    import docx
    from docx.oxml import parse_xml

    document = docx.Document(io.BytesIO(build_docx(expected_for(NUMBERED))))
    w = f'xmlns:w="{_W}"'
    numbering = document.part.numbering_part.element
    first_num = numbering.find(f"{{{_W}}}num")
    for key in ("92", "93"):
        levels = "".join(
            f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{kind}"/>'
            f'<w:lvlText w:val="{text}"/><w:suff w:val="nothing"/></w:lvl>'
            for list_key, _, level, kind, text, _ in _STYLE_LISTS
            if list_key == key
        )
        first_num.addprevious(
            parse_xml(f'<w:abstractNum {w} w:abstractNumId="{key}">{levels}</w:abstractNum>')
        )
        numbering.append(
            parse_xml(f'<w:num {w} w:numId="{key}"><w:abstractNumId w:val="{key}"/></w:num>')
        )
    for key, style, level, _, _, _ in _STYLE_LISTS:
        document.styles.element.append(
            parse_xml(
                f'<w:style {w} w:type="paragraph" w:styleId="{style}"><w:name w:val="{style}"/>'
                f'<w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:ilvl w:val="{level}"/>'
                f'<w:numId w:val="{key}"/></w:numPr></w:pPr></w:style>'
            )
        )
    body = [(p, _STYLE_LISTS[:2]) for p in document.paragraphs]
    cells = [
        (p, _STYLE_LISTS[2:])
        for table in document.tables
        for row in table.rows
        for cell in row.cells
        for p in cell.paragraphs
    ]
    done: set[object] = set()
    for paragraph, choices in body + cells:
        if paragraph._p in done:
            continue  # a merged cell's paragraph, met again in each cell it covers
        done.add(paragraph._p)
        for _, style, _, _, _, typed in choices:
            found = re.match(typed, paragraph.text)
            if found is None:
                continue
            paragraph.runs[0].text = paragraph.text[found.end() :]
            for run in paragraph.runs[1:]:
                run.text = ""
            paragraph._p.get_or_add_pPr().insert(0, parse_xml(f'<w:pStyle {w} w:val="{style}"/>'))
            break
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _text_box() -> bytes:
    """The national form as a Word file with a text box anchored in the first paragraph
    of the report's first part (a note beside it)."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document(io.BytesIO(build_docx(expected_for(NUMBERED))))
    w = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:v="urn:schemas-microsoft-com:vml"'
    )
    anchor = next(p for p in document.paragraphs if p.text.startswith("2024年"))
    anchor._p.append(
        parse_xml(
            f'<w:r {w}><w:pict><v:shape style="width:200pt;height:40pt" type="#_x0000_t202">'
            "<v:textbox><w:txbxContent><w:p><w:r><w:t>注：本报告电子版可在本机关门户网站下载。"
            "</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
        )
    )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _built(build: Callable[[dict[str, Any]], bytes], source: str) -> Callable[[], bytes]:
    return lambda: build(expected_for(source))


TWINS: dict[str, tuple[str, Callable[[], bytes]]] = {
    "doc_merged_cells_table3_split_by_page_break": (
        "docx_merged_cells_table3_split_by_page_break",
        _built(build_docx, "docx_merged_cells_table3_split_by_page_break"),
    ),
    "doc_layout_frame_vmerge_vertical_labels_hidden_text_tracked_changes": (
        NAME,
        _built(build_framed_docx, NAME),
    ),
    "doc_title_only_in_properties_boxed_figures": (
        PROPERTIES_NAME,
        _built(build_titled_by_properties_docx, PROPERTIES_NAME),
    ),
    "doc_section_headings_numbered_by_a_word_list": (NUMBERED, _numbered_headings),
    "doc_text_box_beside_a_paragraph": (NUMBERED, _text_box),
    "doc_headings_and_table3_items_numbered_by_their_styles": (NUMBERED, _numbered_by_styles),
    "doc_traditional_characters_page_and_hyperlink_fields": (
        TRADITIONAL,
        _fields_and_traditional,
    ),
}
