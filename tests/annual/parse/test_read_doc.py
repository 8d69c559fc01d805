"""Word 97-2003 files (``.doc``, and WPS Office's ``.wps``) read like the DOCX they were
saved from: the fixtures in ``tests/fixtures/doc`` are Word files the other tests build,
saved as ``.doc`` by LibreOffice (``tests/fixtures/doc/make.py``), each with the expected
values of the fixture it was made from. A damaged or hostile file is refused with a
clear message, or read in part with a note; never an error of the program."""

from __future__ import annotations

import json
import random
import struct
import time
from pathlib import Path

import pytest

from gongkai.annual.parse import UnreadableDocument, parse_bytes, parse_file
from gongkai.annual.parse.batch import Status, classify
from gongkai.annual.parse.detect import detect_format
from gongkai.annual.parse.document import Grid
from gongkai.annual.parse.reader import read_bytes
from tests.annual.parse.test_fixture_reports import differences
from tests.annual.parse.test_sections import TITLES
from tests.conftest import FIXTURES

DOC = FIXTURES / "doc"
DOCS = sorted(DOC.glob("*.doc"))
MERGED = DOC / "doc_merged_cells_table3_split_by_page_break.doc"


def _expected(path: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads(
        path.with_suffix(".expected.json").read_text(encoding="utf-8")
    )
    return data


def test_there_are_doc_fixtures() -> None:
    assert len(DOCS) >= 6


@pytest.mark.parametrize("path", DOCS, ids=[p.stem for p in DOCS])
def test_doc_fixture_reads_to_its_expected_values(path: Path) -> None:
    report = parse_file(path)
    assert differences(report, _expected(path)) == []
    codes = {d["code"] for d in report.diagnostics or ()}
    assert not codes & {"SECTION_NOT_FOUND", "TABLE_NOT_FOUND", "ROW_NOT_FOUND", "DOCX_DAMAGED"}


TWINS_ALIKE = [
    "doc_merged_cells_table3_split_by_page_break",
    "doc_layout_frame_vmerge_vertical_labels_hidden_text_tracked_changes",
    "doc_traditional_characters_page_and_hyperlink_fields",
    "doc_section_headings_numbered_by_a_word_list",
    "doc_text_box_beside_a_paragraph",
    "doc_headings_and_table3_items_numbered_by_their_styles",
]


@pytest.mark.parametrize("name", TWINS_ALIKE)
def test_doc_reads_to_the_same_lines_and_grids_as_its_docx(name: str) -> None:
    """Merged header cells (table 三's vertical 三、本年度办理结果 and （三）不予公开, table
    四's two-level header) with their spans marked as read_docx marks them, blank cells,
    a layout table around the report, hidden text and tracked changes left out, the
    results of a PAGE and a HYPERLINK field kept without their codes, traditional
    characters simplified."""
    from tests.annual.parse.doc_twins import TWINS

    _, build = TWINS[name]
    docx = read_bytes(build(), "报告")
    doc = read_bytes((DOC / f"{name}.doc").read_bytes(), "报告")
    assert doc.blocks == docx.blocks
    assert doc.diagnostics == docx.diagnostics


def test_fields_show_their_results_only() -> None:
    doc = read_bytes(
        (DOC / "doc_traditional_characters_page_and_hyperlink_fields.doc").read_bytes(), "报告.doc"
    )
    lines = [b.text for b in doc.blocks if not isinstance(b, Grid)]
    assert "本页为第1页，原文见政府网站" in lines
    assert not any("HYPERLINK" in line or "PAGE" in line for line in lines)
    assert [d["code"] for d in doc.diagnostics] == ["TRADITIONAL"]


def test_section_headings_numbered_by_word_show_their_numbers() -> None:
    """``一、`` and ``（一）`` drawn by Word's list numbering, not typed: read as shown."""
    path = DOC / "doc_section_headings_numbered_by_a_word_list.doc"
    texts = [line.text for line in read_bytes(path.read_bytes(), path.name).lines()]
    assert [t for t in texts if t[1:2] == "、"] == list(TITLES)
    assert any(t.startswith("(二)依申请公开") for t in texts)
    report = parse_file(path)
    assert report.sections is not None and len(report.sections) == 6


def test_numbers_given_by_paragraph_styles_show() -> None:
    """Section headings, their items and table 三's items numbered by styles linked to
    lists, the paragraphs naming no list of their own (as Word writes them): each shows
    the number Word draws, table 三's counted on across its two Word tables."""
    path = DOC / "doc_headings_and_table3_items_numbered_by_their_styles.doc"
    doc = read_bytes(path.read_bytes(), path.name)
    texts = [line.text for line in doc.lines()]
    assert [t for t in texts if t[1:2] == "、"] == list(TITLES)
    assert [t[:3] for t in texts if t.startswith("(")] == ["(一)", "(二)"]
    grids = doc.grids()
    at = next(i for i, g in enumerate(grids) if "申请人情况" in g.rows[0])
    first, second = grids[at : at + 2]
    labels = [r[1] for r in first.rows + second.rows]
    assert labels[3:5] == ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量"]
    assert "(一)予以公开" in labels and "(七)总计" in labels
    assert next(r[2] for r in first.rows if r[1] == "(三)不予公开") == "1.属于国家秘密"
    assert next(r[2] for r in second.rows if r[1] == "(四)无法提供") == "1.本机关不掌握相关政府信息"
    assert second.rows[-1][0] == "四、结转下年度继续办理"


def test_a_paragraph_of_a_numbered_style_that_names_no_list_shows_no_number() -> None:
    """The paragraph's own properties come before its style's: ``sprmPIlfo`` 0 takes it
    out of its style's list; a level of its own is counted in the style's list; a style
    based on a numbered one is numbered by it (circled and bracketed numbers drawn)."""
    from gongkai.annual.parse.read_doc import _Lists, _Paragraph, _Props, _StyleList
    from gongkai.annual.parse.read_docx import _Level

    circled = _Level(1, "decimalEnclosedCircle", "%1", "nothing")
    levels = {7: {0: circled, 1: _Level(1, "decimalEnclosedParen", "%2", "nothing")}}
    styles = {10: _StyleList(1, 0, None), 11: _StyleList(None, None, 10)}
    lists = _Lists(levels, [(7, {})], styles)

    def shown(istd: int, ilfo: int | None = None, ilvl: int | None = None) -> str:
        paragraph = _Paragraph("文字", "\r", _Props(ilfo=ilfo, ilvl=ilvl, istd=istd))
        return lists.numbered(paragraph).text

    assert shown(10) == "①文字"
    assert shown(11) == "②文字"  # based on the numbered style
    assert shown(10, ilfo=0) == "文字"  # taken out of the list
    assert shown(11, ilvl=1) == "(1)文字"
    assert shown(10) == "③文字"
    assert shown(3) == "文字"  # a style that is not numbered


def test_text_box_is_read_after_the_paragraph_it_is_anchored_in() -> None:
    path = DOC / "doc_text_box_beside_a_paragraph.doc"
    texts = [line.text for line in read_bytes(path.read_bytes(), path.name).lines()]
    at = texts.index("注：本报告电子版可在本机关门户网站下载。")
    assert texts[at - 1].startswith("2024年，松江县林业局认真贯彻落实")


def test_merged_cells_are_marked_as_in_the_form() -> None:
    grids = read_bytes(MERGED.read_bytes(), "报告.doc").grids()
    table3 = next(g for g in grids if "申请人情况" in g.rows[0])
    results = [r for r, row in enumerate(table3.rows) if row[0] == "三、本年度办理结果"]
    assert results and not table3.merged[results[0]][0]
    assert all(table3.merged[r][0] for r in results[1:])  # the vertical label's repeats
    withheld = [r for r, row in enumerate(table3.rows) if row[1] == "(三)不予公开"]
    assert len(withheld) == 8 and [table3.merged[r][1] for r in withheld] == [False] + [True] * 7
    table4 = next(g for g in grids if g.rows[0][0] == "行政复议")
    assert table4.rows[0][:6] == ("行政复议",) * 5 + ("行政诉讼",)
    assert table4.rows[2][0] == "结果维持" and table4.merged[2][0]  # label spans two rows
    assert "" in table3.rows[results[0] + 2]  # a blank cell stays blank, not 0


def test_title_from_the_file_properties() -> None:
    path = DOC / "doc_title_only_in_properties_boxed_figures.doc"
    doc = read_bytes(path.read_bytes(), path.name)
    first = doc.blocks[0]
    assert not isinstance(first, Grid)
    assert first.text == "栖霞山风景名胜区管理局2024年政府信息公开工作年度报告"


def test_doc_is_read_as_a_word_97_2003_document() -> None:
    """``Document.kind`` says the format read (the DOCX twin says ``docx``)."""
    assert read_bytes(MERGED.read_bytes(), "报告.doc").kind == "doc"


def test_wps_file_is_the_same_format(tmp_path: Path) -> None:
    data = MERGED.read_bytes()
    wps = tmp_path / "年报.wps"
    wps.write_bytes(data)
    assert detect_format(data) == "doc"
    assert differences(parse_file(wps), _expected(MERGED)) == []
    assert differences(parse_bytes(data, "年报.wps"), _expected(MERGED)) == []


def _fib_offset(data: bytes) -> int:
    """Where the ``WordDocument`` stream starts (its FIB's first bytes) in the file."""
    return next(
        at
        for at in range(512, len(data), 512)
        if data[at : at + 2] == b"\xec\xa5" and data[at + 2 : at + 4] in (b"\x01\x01", b"\xc1\x00")
    )


def _patched(data: bytes, offset: int, fmt: str, value: int) -> bytes:
    out = bytearray(data)
    struct.pack_into(fmt, out, _fib_offset(data) + offset, value)
    return bytes(out)


def _refusal(data: bytes, name: str = "年报.doc") -> UnreadableDocument:
    with pytest.raises(UnreadableDocument) as caught:
        parse_bytes(data, name)
    return caught.value


def test_truncated_doc_is_refused_as_damaged() -> None:
    """Cut before the directory (written last), the file is not known to be Word."""
    data = MERGED.read_bytes()
    for size in (len(data) // 2, len(data) - 4096, 3000, 600):
        refusal = _refusal(data[:size])
        assert refusal.code in ("DOCX_DAMAGED", "DAMAGED"), size
        assert "已损坏或不完整" in str(refusal) and "年报.doc" in str(refusal)


def test_doc_cut_inside_its_text_is_refused_as_damaged() -> None:
    """The directory kept, the stream's sectors past the end of the file."""
    data = MERGED.read_bytes()
    directory = data.index("WordDocument".encode("utf-16-le")) // 512 * 512
    start = _fib_offset(data)
    cut = data[: start + 1024] + data[directory:]
    refusal = _refusal(cut)
    assert refusal.code == "DOCX_DAMAGED"
    assert "已损坏或不完整" in str(refusal)


def test_piece_table_pointing_past_the_stream_is_refused() -> None:
    data = _patched(MERGED.read_bytes(), 0x1A2, "<I", 0x7FFFFF00)  # fcClx
    refusal = _refusal(data)
    assert refusal.code == "DOCX_DAMAGED"
    assert "文字位置表（Clx）超出文件范围" in str(refusal)


def test_unreadable_paragraph_properties_leave_the_text_with_a_note() -> None:
    data = _patched(MERGED.read_bytes(), 0x106, "<I", 0x7FFFFF00)  # lcbPlcfBtePapx
    doc = read_bytes(data, "年报.doc")
    assert [(d["code"], d["severity"]) for d in doc.diagnostics] == [
        ("DOC_TABLES_UNREAD", "warning")
    ]
    assert "只读出了文字" in str(doc.diagnostics[0]["message"])
    report = parse_bytes(data, "年报.doc")
    assert classify(report) is not Status.UNREADABLE  # read in part, and said so
    assert not doc.grids()
    texts = [b.text for b in doc.lines()]
    assert "三、收到和处理政府信息公开申请情况" in texts and "243" in texts


def test_encrypted_doc_is_refused() -> None:
    data = MERGED.read_bytes()
    flags = struct.unpack_from("<H", data, _fib_offset(data) + 0x0A)[0]
    refusal = _refusal(_patched(data, 0x0A, "<H", flags | 0x0100))
    assert refusal.code == "ENCRYPTED"


def test_word_95_file_is_refused_as_unsupported() -> None:
    refusal = _refusal(_patched(MERGED.read_bytes(), 0x02, "<H", 0x0068))
    assert refusal.code == "UNSUPPORTED_FORMAT"
    assert "Word 95" in str(refusal)


def test_office_file_without_a_word_stream_is_refused_as_not_word() -> None:
    """An Excel ``.xls`` is an OLE file too, without a ``WordDocument`` stream (made here
    by renaming that stream of a Word file)."""
    name = "WordDocument".encode("utf-16-le")
    data = MERGED.read_bytes().replace(name, "WorkDocument".encode("utf-16-le"))
    assert detect_format(data) == "ole"
    refusal = _refusal(data, "统计表.xls")
    assert refusal.code == "UNSUPPORTED_FORMAT"
    assert "不是 Word 文档" in str(refusal) and ".doc" not in str(refusal)


def test_damaged_files_read_or_are_refused_never_crash() -> None:
    """Bytes changed at random in the FIB, the text and the tables: each file reads, or
    is refused with a code, quickly."""
    data = MERGED.read_bytes()
    start = _fib_offset(data)
    rng = random.Random(20261206)
    for _ in range(150):
        out = bytearray(data)
        for _ in range(rng.randint(1, 12)):
            at = rng.choice((start + rng.randrange(0x200), rng.randrange(len(data))))
            out[at] = rng.randrange(256)
        began = time.perf_counter()
        try:
            read_bytes(bytes(out), "年报.doc")
        except UnreadableDocument as exc:
            assert exc.code in ("DOCX_DAMAGED", "ENCRYPTED", "UNSUPPORTED_FORMAT", "TOO_LARGE")
        assert time.perf_counter() - began < 5


def test_import_page_accepts_doc_and_wps() -> None:
    from gongkai.reports.imports import Upload, refuse

    data = MERGED.read_bytes()
    assert refuse(Upload("年报.doc", data)) is None
    assert refuse(Upload("年报.WPS", data)) is None
    message = refuse(Upload("统计表.xls", data))
    assert message is not None and ".doc" in message and ".wps" in message


def test_eight_bit_pieces_are_read_as_the_specification_maps_them() -> None:
    """Word stores a piece of only Western characters one byte a character ("compressed",
    at half its stated offset), some bytes standing for other characters (0x93 “)."""
    from gongkai.annual.parse.read_doc import _main_text, _Piece

    word = bytearray(64)
    word[10:17] = b"\x93Hi\x94 \x85\r"
    word[40:46] = "总计".encode("utf-16-le") + b"\r\x00"
    pieces = [_Piece(0, 7, 10, True, 0), _Piece(7, 10, 40, False, 0)]
    text, starts = _main_text(bytes(word), pieces, 9)
    assert text == "\u201cHi\u201d \u2026\r总计"
    assert starts == [0, 7]
