"""Tables printed out of the national order, and part 一's own sub-headings.

A report may print its tables in any order inside one part or an appendix (table 四
before table 三, an appendix printing 三, 二, 四): each table is found by the labels only
it has, and ends at the next table's first row or the next section heading, whichever
comes first. A part's title printed again right above its table is no text of the
section; the same words over a paragraph (part 一's ``（二）收到和处理政府信息公开申请情况``)
are the narrative's own sub-heading and stay in its text.
"""

from __future__ import annotations

import importlib
from decimal import Decimal

import pytest

from gongkai.annual import schema as s
from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import tables
from gongkai.annual.parse.document import Document, Line
from gongkai.annual.parse.reader import read_document
from gongkai.annual.parse.recognize import _same_on_fewer_rows, recognize, table_ranges
from gongkai.annual.parse.rows import document_rows
from gongkai.annual.parse.sections import find_headings
from gongkai.annual.parse.tables import Reading
from tests.annual.parse.test_fixture_reports import differences, expected_for
from tests.conftest import FIXTURES

REPORTS = FIXTURES / "reports"
recognize_module = importlib.import_module("gongkai.annual.parse.recognize")

Ranges = tuple[tuple[int, int], tuple[int, int], tuple[int, int]]

TABLE2 = ["行政规范性文件 | 0 | 0 | 1 |", "行政许可 | 3 |"]
TABLE3 = [
    "申请人情况 | 自然人 | 总计 |",
    "一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
    "（七）总计 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
]
TABLE4 = [
    "行政复议 | 行政诉讼 |",
    "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |",
    "1 | 0 | 0 | 0 | 1 |",
]


def _ranges(lines: list[str]) -> Ranges:
    document = Document("t.txt", "text", [Line(text, i + 1) for i, text in enumerate(lines)])
    rows = document_rows(document)
    return table_ranges(rows, find_headings(rows))


def _parse(name: str) -> AnnualReport:
    return recognize(read_document(REPORTS / f"{name}.txt"))


def _codes(report: AnnualReport) -> set[str]:
    return {str(d["code"]) for d in report.diagnostics or ()}


# ----------------------------------------------------------------------------- ranges


def test_tables_without_headings_in_the_order_four_three_two() -> None:
    lines = [*TABLE4, *TABLE3, *TABLE2]
    assert _ranges(lines) == ((6, 8), (3, 6), (0, 3))


def test_tables_without_headings_in_the_order_three_two_four() -> None:
    lines = [*TABLE3, *TABLE2, *TABLE4]
    assert _ranges(lines) == ((3, 5), (0, 3), (5, 8))


def test_table4_before_table3_in_an_appendix_looked_at_without_headings() -> None:
    """``附表`` after part 六, table 四 then table 三, as the appendix is searched for the
    tables missing from their parts (``start`` at the appendix): each ends where the
    other begins; table 三 is not looked for only after table 四's end, nor table 四 only
    after table 三's start."""
    lines = [f"{sec.heading}\n正文。" for sec in s.SECTIONS]
    text = "\n".join(lines).split("\n")  # two rows a part: 0..11
    text += ["附表", *TABLE4, *TABLE3]
    document = Document("t.txt", "text", [Line(line, i + 1) for i, line in enumerate(text)])
    rows = document_rows(document)
    assert table_ranges(rows, {}, start=12) == ((0, 0), (16, 19), (13, 16))


def test_part_three_holding_table4_before_table3_with_part_four_left_out() -> None:
    """Table 三 under its heading ends where table 四 (no heading of its own) begins;
    table 四 ends where table 三's own labels begin, not at heading 五 below both."""
    lines = [
        "二、主动公开政府信息情况",
        *TABLE2,
        "三、收到和处理政府信息公开申请情况",
        "本部分先列复议诉讼情况。",
        *TABLE4,
        *TABLE3,
        "五、存在的主要问题及改进情况",
    ]
    assert _ranges(lines) == ((1, 3), (4, 5), (5, 8))


def test_a_narrative_line_holding_a_label_alone_is_no_tables_start() -> None:
    """``（三）行政复议情况`` over a paragraph before the tables: table 四 is the later row
    of its labels with values under it, not the sub-heading (no number before table 二)."""
    lines = ["（三）行政复议情况", "全年未发生行政复议案件。", *TABLE2, *TABLE3, *TABLE4]
    assert _ranges(lines) == ((2, 4), (4, 7), (7, 10))


def test_a_table_with_no_value_anywhere_keeps_its_first_row() -> None:
    lines = ["（三）行政复议情况", "全年未发生行政复议案件。", *TABLE2, "行政复议 | 行政诉讼 |"]
    assert _ranges(lines)[2] == (0, 2)


def test_a_stray_header_cell_of_any_other_table_is_no_anchor() -> None:
    """Table 四's grid run on into table 三's header, one cell of which it carries in
    its own first row: table 三 starts at its own header, table 四 before it."""
    lines = [
        "行政复议 | 行政诉讼 | 申请人情况 |",
        "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |",
        "1 | 0 | 0 | 0 | 1 |",
        *TABLE3,
    ]
    assert _ranges(lines) == ((0, 0), (3, 6), (0, 3))


def test_both_tables_on_one_line_still_share_it() -> None:
    """Table 四's header on the line of table 三's, and nowhere else: the line is the
    anchor of both."""
    lines = ["行政复议 | 申请人情况 |", "1 | 0 | 0 | 0 | 1 |"]
    _, t3, t4 = _ranges(lines)
    assert t3[0] == t4[0] == 0


# ----------------------------------------------------------------------------- fixtures

ORDER_FIXTURES = [
    "order-part3-holds-table4-before-table3",
    "order-appendix-tables-three-two-four-titled",
    "order-fubiao-table4-then-table3-under-one-heading-tabs",
    "order-tables-four-three-two-after-the-parts-untitled",
]


@pytest.mark.parametrize("name", ORDER_FIXTURES)
def test_tables_out_of_order_are_read_whole_and_left_out_of_the_text(name: str) -> None:
    report = _parse(name)
    assert differences(report, expected_for(name)) == []
    assert report.confidence == {"table2": 1.0, "table3": 1.0, "table4": 1.0}
    assert not _codes(report) & {"TABLE_NOT_FOUND", "ROW_NOT_FOUND", "ROW_DUPLICATE"}
    assert report.sections is not None
    assert not any("结果维持" in text or "申请人情况" in text for text in report.sections.values())


def test_part_three_holding_table4_first_keeps_its_sentence() -> None:
    report = _parse("order-part3-holds-table4-before-table3")
    assert report.sections is not None
    assert report.sections["3"].startswith("本年度依申请公开和由此引起的行政复议")
    assert (
        report.sections["4"] == "本年度因政府信息公开引起的行政复议、行政诉讼情况见第三部分所列。"
    )


def test_part_four_left_out_table4_found_inside_part_three() -> None:
    """The same report without part 四's heading and text: table 四, printed first under
    part 三, is still read, and table 三 after it."""
    name = "order-part3-holds-table4-before-table3"
    text = (REPORTS / f"{name}.txt").read_text(encoding="utf-8")
    part4 = "四、政府信息公开行政复议、行政诉讼情况\n本年度因政府信息公开引起的行政复议、行政诉讼情况见第三部分所列。\n"
    assert part4 in text
    report = recognize(read_document(text.replace(part4, "").encode(), "无第四部分.txt"))
    assert differences(report, expected_for(name)) == []
    assert "TABLE_NOT_FOUND" not in _codes(report)


# ----------------------------------------------------------------------------- part 一


def test_tables_inside_part_one_after_a_sub_heading_naming_reconsideration() -> None:
    """All three tables under part 一's sub-headings, the first sub-heading ``（零）行政复议
    情况`` over a paragraph: table 四 is read from its own rows further down."""
    name = "part1-subheadings-in-form-words-followed-by-prose"
    text = (REPORTS / f"{name}.txt").read_text(encoding="utf-8")
    blocks = [
        ("| 第二十条第（一）项", "三、收到和处理"),
        ("| （本列数据", "四、政府信息公开行政"),
        ("| 行政复议 |", "五、存在的"),
    ]
    cut = []
    for first, after in blocks:
        block = text[text.index(first) : text.index(after)]
        cut.append(block)
        text = text.replace(block, "")
    lead = "（零）行政复议情况\n全年未发生行政复议案件。\n"
    text = text.replace("（一）主动公开情况\n", f"{lead}（一）主动公开情况\n{cut[0]}")
    text = text.replace("（三）政府信息管理\n", f"{cut[1]}{cut[2]}（三）政府信息管理\n")
    report = recognize(read_document(text.encode(), "表在第一部分.txt"))
    assert differences(report, expected_for(name)) == []
    assert "TABLE_NOT_FOUND" not in _codes(report)


def test_part_one_sub_headings_in_the_forms_words_stay_in_its_text() -> None:
    report = _parse("part1-subheadings-in-form-words-followed-by-prose")
    assert report.sections is not None
    lines = report.sections["1"].split("\n")
    assert [line for line in lines if line.startswith("(")] == [
        "(一)主动公开情况",
        "(二)收到和处理政府信息公开申请情况",
        "(三)政府信息管理",
        "(四)平台建设",
        "(五)监督保障",
    ]


def test_part_one_sub_headings_worded_as_the_parts_stay_titles_above_tables_go() -> None:
    """Part 一's sub-headings use the parts' own titles, and the appendix after part 六
    prints the same titles over its tables: those are dropped, these kept."""
    name = "part1-subheadings-worded-as-part-titles-tables-titled-after-part-six"
    report = _parse(name)
    assert differences(report, expected_for(name)) == []
    assert report.sections is not None
    part1 = report.sections["1"]
    for title in (
        "(一)主动公开政府信息情况",
        "(二)收到和处理政府信息公开申请情况",
        "(三)政府信息公开行政复议、行政诉讼情况",
    ):
        assert f"{title}\n全年" in part1 or f"{title}\n因政府" in part1
    assert report.sections["6"] == "本年度未收取信息处理费。\n样例市住房和城乡建设局\n2026年1月22日"


def test_a_sub_heading_right_above_its_table_inside_part_one_is_dropped() -> None:
    """Part 一's sub-heading worded as part 三's title with table 三 right under it (the
    table moved there from part 三) titles the table; the other sub-headings, over their
    paragraphs, stay."""
    name = "part1-subheadings-in-form-words-followed-by-prose"
    text = (REPORTS / f"{name}.txt").read_text(encoding="utf-8")
    table3 = text[text.index("| （本列数据") : text.index("四、政府信息公开行政复议")]
    paragraph = "全年新收政府信息公开申请17件，均在法定期限内答复。\n"
    moved = text.replace(table3, "").replace(paragraph, table3)
    report = recognize(read_document(moved.encode(), "表三在第一部分.txt"))
    assert differences(report, expected_for(name)) == []
    assert report.sections is not None
    assert "收到和处理" not in report.sections["1"]
    assert "(三)政府信息管理\n建立公开属性源头认定机制" in report.sections["1"]
    assert report.sections["1"].count("\n(") == 4


def test_a_narrative_line_naming_reconsideration_alone_stays() -> None:
    """``行政复议`` alone on a line heads a paragraph, not table 四's header."""
    lines = ["一、总体情况", "行政复议", "全年无行政复议案件。"]
    lines += [f"{sec.heading}\n正文。" for sec in s.SECTIONS[1:]]
    report = recognize(read_document("\n".join(lines).encode(), "复议.txt"))
    assert report.sections is not None
    assert report.sections["1"] == "行政复议\n全年无行政复议案件。"


def test_appendix_titles_are_dropped_wherever_they_stand() -> None:
    lines = [f"{sec.heading}\n正文。" for sec in s.SECTIONS]
    lines += ["附表：", "（本报告无附表内容）"]
    report = recognize(read_document("\n".join(lines).encode(), "附表.txt"))
    assert report.sections is not None
    assert report.sections["6"] == "正文。\n(本报告无附表内容)"


# ----------------------------------------------------------------------------- read again


def _reading(cells: dict[str, list[Decimal | None]], first: int, last: int) -> Reading:
    return Reading(cells=cells, certain=1.0, expected=1, first_row=first, last_row=last)


def test_same_cells_on_fewer_rows_is_the_tables_own_rows() -> None:
    cells: dict[str, list[Decimal | None]] = {"licensing": [Decimal(3)]}
    wide = _reading(cells, 2, 20)
    assert _same_on_fewer_rows(wide, _reading(dict(cells), 2, 9))
    assert not _same_on_fewer_rows(wide, _reading(dict(cells), 2, 20))  # not fewer
    assert not _same_on_fewer_rows(wide, _reading({"licensing": [Decimal(4)]}, 2, 9))
    assert not _same_on_fewer_rows(_reading({}, 2, 20), _reading({}, 2, 9))


def test_only_the_missing_table_is_read_again_where_it_is_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Table 四 missing from the report: tables 二 and 三, read under their headings, are
    not read again in each place table 四 is looked for."""
    calls = {"2": 0, "3": 0, "4": 0}

    def counted(key: str, reader):  # type: ignore[no-untyped-def]
        def read(*args, **kwargs):  # type: ignore[no-untyped-def]
            calls[key] += 1
            return reader(*args, **kwargs)

        return read

    monkeypatch.setattr(recognize_module, "read_table2", counted("2", tables.read_table2))
    monkeypatch.setattr(recognize_module, "read_table3", counted("3", tables.read_table3))
    monkeypatch.setattr(recognize_module, "read_table4", counted("4", tables.read_table4))
    name = "part1-subheadings-in-form-words-followed-by-prose"
    text = (REPORTS / f"{name}.txt").read_text(encoding="utf-8")
    table4_start = text.index("| 行政复议")
    table4_end = text.index("五、存在的主要问题")
    report = recognize(
        read_document((text[:table4_start] + text[table4_end:]).encode(), "无表四.txt")
    )
    assert "TABLE_NOT_FOUND" in _codes(report)
    assert calls["2"] == calls["3"] == 1
    assert calls["4"] > 2  # under its heading, then in each other place


def test_tables_beside_the_one_found_elsewhere_are_read_again_there(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Table 三 read from part 三 on into the appendix: once table 四 is found there,
    tables 二 and 三 are read again in that place (the rows they lie on)."""
    calls = {"2": 0}

    def read2(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["2"] += 1
        return tables.read_table2(*args, **kwargs)

    monkeypatch.setattr(recognize_module, "read_table2", read2)
    name = "order-fubiao-table4-then-table3-under-one-heading-tabs"
    report = _parse(name)
    assert differences(report, expected_for(name)) == []
    assert calls["2"] == 2  # under its heading, and beside table 四 in the appendix
