"""The recognizer on the project's own small reports, one per known defect or shape
(``tests/fixtures/reports``), and the cell rules it applies."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import pytest

from gongkai.annual import schema as s
from gongkai.annual.model import AnnualReport
from gongkai.annual.parse.cells import Kind, read_value
from gongkai.annual.parse.document import Document, Grid, Line
from gongkai.annual.parse.reader import read_document
from gongkai.annual.parse.recognize import recognize, table_ranges
from gongkai.annual.parse.rows import document_rows
from gongkai.annual.parse.sections import find_headings
from gongkai.annual.parse.tables_text import split_cells
from tests.annual.parse.builders import _table2, _table3, _table4, report_text
from tests.annual.parse.mutators import without_titles
from tests.annual.parse.test_batch import sample_report
from tests.annual.parse.test_fixture_reports import differences, expected_for
from tests.conftest import FIXTURES
from tests.strategies import blank_report

REPORTS = FIXTURES / "reports"


def parse(name: str) -> AnnualReport:
    return recognize(read_document(REPORTS / name))


def diagnostics(report: AnnualReport) -> list[tuple[str, object]]:
    return [(d["code"], d.get("row")) for d in report.diagnostics or ()]


@pytest.mark.parametrize(
    ("text", "kind", "number"),
    [
        ("12", Kind.NUMBER, Decimal(12)),
        ("1,234.5", Kind.NUMBER, Decimal("1234.5")),
        ("0.5", Kind.NUMBER, Decimal("0.5")),
        ("３", Kind.NUMBER, Decimal(3)),
        ("3 件", Kind.NUMBER, Decimal(3)),
        ("-", Kind.PLACEHOLDER, None),
        ("—", Kind.PLACEHOLDER, None),
        ("/", Kind.PLACEHOLDER, None),
        ("无", Kind.PLACEHOLDER, None),
        ("零", Kind.NUMBER, Decimal(0)),
        ("〇", Kind.NUMBER, Decimal(0)),
        ("十二", Kind.NUMBER, Decimal(12)),
        ("三件", Kind.NUMBER, Decimal(3)),
        ("一百零五", Kind.NUMBER, Decimal(105)),
        ("一二", Kind.TEXT, None),
        ("", Kind.EMPTY, None),
        ("规章", Kind.TEXT, None),
    ],
)
def test_cell_values(text: str, kind: Kind, number: Decimal | None) -> None:
    value = read_value(text)
    assert (value.kind, value.number) == (kind, number)


@pytest.mark.parametrize(
    ("line", "cells"),
    [
        ("规章 | 0 | | 3 |", ("规章", "0", "", "3", "")),
        ("(七) 总计\t0\t0\t\t", ("(七) 总计", "0", "0", "", "")),
        ("规章 0 0 0", ("规章", "0", "0", "0")),
        ("1. 属于国家秘密", ("1. 属于国家秘密",)),
        ("先后发布公开事项 500 余条", ("先后发布公开事项 500 余条",)),
    ],
)
def test_split_cells(line: str, cells: tuple[str, ...]) -> None:
    assert split_cells(line) == cells


def test_missing_row_label_takes_its_numbers_by_position() -> None:
    report = parse("missing_row_label_pipes.txt")
    assert report.table3.row("not_processed.repeated") == (2, 0, 0, 0, 0, 0, 2)
    assert report.table3.row("not_processed.petition") == (0,) * 7
    assert diagnostics(report) == [("ROW_INFERRED", "table3.not_processed.repeated")]
    assert report.confidence == {"table2": 1.0, "table3": 0.98, "table4": 1.0}


def test_row_with_too_few_numbers_stays_null_and_is_diagnosed() -> None:
    report = parse("row_with_too_few_numbers_cells.txt")
    assert report.table3.row("granted") == (None,) * 7
    assert report.table3.row("not_processed.repeated") == (2, 0, 0, 0, 0, 0, 2)
    (note,) = report.diagnostics or ()
    assert note["code"] == "ROW_TOO_FEW"
    assert note["line"] == 102
    assert note["message"].endswith("第102行 表三“（一）予以公开”：应为7个数字，读到6个，该行留空")


def test_blank_cell_in_a_pipes_row_is_null_in_its_column() -> None:
    report = parse("blank_cell_in_pipes_row.txt")
    assert report.table3.row("granted") == (3, None, 0, 0, 0, 0, 3)
    assert diagnostics(report) == [("CELL_AMBIGUOUS", "table3.granted")]


def test_a_blank_cell_between_a_markdown_rows_outer_pipes_is_certain() -> None:
    """With both outer pipes and exactly the row's cells between them, a blank cell
    stands where it is printed, as in a grid: null, said as info, full confidence. With
    a cell fewer between them, a pipe was lost where no one can tell: the row is null."""
    text = (REPORTS / "blank_cell_in_pipes_row.txt").read_text(encoding="utf-8")
    text = "\n".join(
        f"| {line}" if line.startswith(("一、本年", "二、上年", "三、本年度", "\t")) else line
        for line in text.split("\n")
    )
    row = "| 三、本年度办理结果 | （一）予以公开 | 3 |  | 0 | 0 | 0 | 0 | 3 |"
    assert row in text
    report = recognize(read_document(text.encode("utf-8"), "空格.txt"))
    assert report.table3.row("granted") == (3, None, 0, 0, 0, 0, 3)
    assert ("CELL_BLANK", "table3.granted") in diagnostics(report)
    short = recognize(read_document(text.replace(row, row[:-4]).encode("utf-8"), "空格.txt"))
    assert short.table3.row("granted") == (None,) * 7
    assert ("ROW_TOO_FEW", "table3.granted") in diagnostics(short)


def test_placeholders_are_null_not_zero() -> None:
    report = parse("placeholders_dash_slash_none.txt")
    regulations = report.table2.regulations
    assert (regulations.made, regulations.repealed, regulations.in_force) == (None, None, None)
    assert report.table2.licensing is None
    assert report.table2.punishment == 0
    assert report.diagnostics == ()


def test_publisher_field_is_completed_and_year_comes_from_the_statistics_period() -> None:
    report = parse("publisher_field_short_name.txt")
    assert (report.organ, report.year, report.published) == ("某县数据局", 2024, "2025-01-20")
    assert report.title is None


def test_trial_format_2019_is_recorded_and_its_table2_left_null() -> None:
    report = parse("trial_format_2019.txt")
    assert report.format == s.FORMAT_2019
    assert report.year == 2020
    assert report.to_dict()["table2"]["regulations"] == {
        "made": None,
        "repealed": None,
        "in_force": None,
    }
    assert report.table3.row("other.other") == (1, 1, 1, 1, 1, 1, 6)
    assert report.table3.row("other.fee_unpaid") == (None,) * 7
    assert [code for code, _ in diagnostics(report)] == ["TRIAL_FORMAT", "TRIAL_TABLE2"]
    assert report.sections is not None and "5" in report.sections


def test_grid_with_merged_block_label_and_blank_cell() -> None:
    rows = [
        (
            s.TABLE3_RESULTS_GROUP.label,
            "（三）不予公开",
            "1.属于国家秘密",
            "1",
            "",
            "0",
            "0",
            "0",
            "0",
            "1",
        ),
        (s.TABLE3_RESULTS_GROUP.label, "（三）不予公开", "2.其他法律行政法规禁止公开", *"0000000"),
    ]
    merged = [(False,) * 10, (True, True, *(False,) * 8)]
    document = Document(
        "grid.html",
        "html",
        [
            Line("三、收到和处理政府信息公开申请情况", 1),
            Grid(tuple(rows), tuple(merged), 2),
            Line("四、政府信息公开行政复议、行政诉讼情况", 3),
        ],
    )
    report = recognize(document)
    assert report.table3.row("withheld.state_secret") == (1, None, 0, 0, 0, 0, 1)
    assert report.table3.row("withheld.prohibited_by_law") == (0,) * 7
    codes = diagnostics(report)
    assert ("CELL_BLANK", "table3.withheld.state_secret") in codes


def test_empty_document_never_raises() -> None:
    report = recognize(Document("empty.txt", "text", []))
    assert (report.organ, report.year, report.format) == (None, None, None)
    assert diagnostics(report) == [("NO_REPORT", None)]
    assert report.confidence == {"table2": 0.0, "table3": 0.0, "table4": 0.0}


def zero_report() -> AnnualReport:
    report = blank_report(2024, "测试市测试局")
    for key, _ in report.cells():
        report = report.with_cell(key, 0)
    return report


NO_REPORT_MESSAGE = (
    "{file}：没有找到政府信息公开工作年度报告（既没有年报标题，"
    "也没有“一、总体情况”等六个部分的标题，也没有表二、表三、表四）"
)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        (
            "news.html",
            "<html><head><title>新闻动态</title></head><body><nav>首页 | 政务公开</nav>"
            "<h1>我局召开2024年工作会议</h1><p>会议总结了2024年工作，部署2025年任务。</p>"
            "<table><tr><td>发布日期</td><td>2025-01-10</td></tr></table></body></html>",
        ),
        ("notice.txt", "关于开展安全生产检查的通知\n各单位：\n请于3月1日前完成自查。\n"),
    ],
)
def test_a_document_without_any_report_gets_one_error(
    tmp_path: Path, name: str, content: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    report = recognize(read_document(path))
    found = [d for d in report.diagnostics or () if d["code"] != "ENCODING"]
    assert found == [
        {
            "code": "NO_REPORT",
            "severity": "error",
            "message": NO_REPORT_MESSAGE.format(file=path),
        }
    ]
    assert report.confidence == {"table2": 0.0, "table3": 0.0, "table4": 0.0}


@pytest.mark.parametrize(
    ("content", "missing"),
    [
        (
            "某市某局2024年政府信息公开工作年度报告\n本局认真做好公开工作。\n",
            ["表二", "表三", "表四"],
        ),
        (report_text(zero_report(), table3=False), ["表三"]),
    ],
)
def test_a_report_without_a_table_gets_a_warning_per_table(
    tmp_path: Path, content: str, missing: list[str]
) -> None:
    path = tmp_path / "report.txt"
    path.write_text(content, encoding="utf-8")
    report = recognize(read_document(path))
    codes = [d["code"] for d in report.diagnostics or ()]
    assert "NO_REPORT" not in codes
    assert [d["message"] for d in report.diagnostics or () if d["code"] == "TABLE_NOT_FOUND"] == [
        f"{path}：找不到{name}，整张表留空" for name in missing
    ]


def test_a_bug_in_one_table_is_a_diagnostic_but_running_out_of_memory_is_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A step that fails leaves its table empty with INTERNAL_ERROR; a MemoryError goes up,
    so the batch reports MEMORY_LIMIT for the file instead of a half-read report."""
    recognizer = sys.modules["gongkai.annual.parse.recognize"]
    document = read_document(report_text(sample_report()).encode(), "报告.txt")

    def broken(*args: object) -> object:
        raise ValueError("坏数据")

    monkeypatch.setattr(recognizer, "read_table2", broken)
    report = recognize(document)
    assert "INTERNAL_ERROR" in {d["code"] for d in report.diagnostics or ()}

    def exhausted(*args: object) -> object:
        raise MemoryError

    monkeypatch.setattr(recognizer, "read_table2", exhausted)
    with pytest.raises(MemoryError):
        recognize(document)


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        ("一、2022年度政府信息公开工作总体情况", "1"),
        ("二、2022年主动公开政府信息情况", "2"),
        ("五、本局政府信息公开工作存在的主要问题及改进情况", "5"),
        ("六、其他需要报告的事项", "6"),
    ],
)
def test_a_heading_may_name_the_year_and_the_organ_before_its_title(heading: str, key: str) -> None:
    text = "".join(f"{heading if sec.key == key else sec.heading}\n正文。\n" for sec in s.SECTIONS)
    report = recognize(read_document(text.encode("utf-8"), "标题.txt"))
    assert "SECTION_NOT_FOUND" not in [c for c, _ in diagnostics(report)]
    assert report.sections is not None
    assert report.sections[key] == "正文。"


def test_table3_rows_numbered_like_headings_are_not_taken_for_headings() -> None:
    rows = "\n".join(
        ("三、本年度办理结果", "四、结转下年度继续办理", "二、上年结转政府信息公开申请数量")
    )
    from gongkai.annual.parse.rows import document_rows
    from gongkai.annual.parse.sections import find_headings

    document = read_document(rows.encode("utf-8"), "行.txt")
    assert find_headings(document_rows(document)) == {}


def test_a_table2_without_the_regulations_row_is_read_as_printed() -> None:
    """Organs that make no 规章 often print the block without its row: null, an info
    note, and table 二 read with full confidence; a block with neither row is not."""
    head = "样例县某局2025年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"
    block = (
        "| 第二十条第（一）项 | | | |\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
    )
    rest = (
        "| 第二十条第（五）项 | |\n| 信息内容 | 本年处理决定数量 |\n| 行政许可 | 3 |\n"
        "| 第二十条第（六）项 | |\n| 信息内容 | 本年处理决定数量 |\n| 行政处罚 | 1 |\n"
        "| 行政强制 | 0 |\n| 第二十条第（八）项 | |\n"
        "| 信息内容 | 本年收费金额（单位：万元） |\n| 行政事业性收费 | 0 |\n"
    )
    normative = "| 规范性文件 | 0 | 1 | 6 |\n"
    report = recognize(read_document((head + block + normative + rest).encode(), "规章.txt"))
    assert report.table2.regulations.made is None
    assert report.table2.normative_documents.in_force == 6
    assert ("ROW_NOT_PRINTED", "table2.regulations") in diagnostics(report)
    assert report.confidence is not None and report.confidence["table2"] == 1.0
    without = recognize(read_document((head + block + rest).encode(), "规章.txt"))
    found = diagnostics(without)
    assert ("ROW_NOT_FOUND", "table2.regulations") in found
    assert ("ROW_NOT_FOUND", "table2.normative_documents") in found
    assert "ROW_NOT_PRINTED" not in [c for c, _ in found]


def test_tables_printed_before_the_narrative_are_read() -> None:
    """Tables ahead of the six parts (an attachment placed first): a table with no
    cell under its own heading is read from the rows before the first heading, even
    when the narrative under that heading names the table's labels (行政复议)."""
    table4 = "\n".join(
        [
            "行政复议\t\t\t\t\t行政诉讼",
            "结果维持\t结果纠正\t其他结果\t尚未审结\t总计",
            "\t".join(["1", "0", "0", "0", "1", *(["0"] * 10)]),
        ]
    )
    narrative = "".join(
        f"{sec.heading}\n" + ("本年度发生行政复议1件，见附表。\n" if sec.key == "4" else "正文。\n")
        for sec in s.SECTIONS
    )
    text = f"样例县某局2025年政府信息公开工作年度报告\n附表3\n{table4}\n{narrative}"
    report = recognize(read_document(text.encode("utf-8"), "附表在前.txt"))
    assert report.table4.reconsideration.upheld == 1
    assert report.table4.reconsideration.total == 1
    assert report.table4.litigation_direct.total == 0
    assert report.confidence is not None and report.confidence["table4"] == 1.0


def test_an_excel_copy_keeps_a_cell_with_a_line_break_in_quotes() -> None:
    """Excel puts a cell that holds a line break in quotes when it is copied: the label's
    first line stands alone, its numbers follow the second line."""
    rows = [
        "三、收到和处理政府信息公开申请情况",
        "一、本年新收政府信息公开申请数量\t\t\t4\t0\t0\t0\t0\t0\t4",
        '\t"（二）部分公开（区分处理的，',
        '只计这一情形，不计其他情形）"\t\t3\t0\t0\t0\t0\t0\t3',
    ]
    report = recognize(read_document("\n".join(rows).encode("utf-8"), "复制.txt"))
    assert report.table3.row("partially_granted") == (3, 0, 0, 0, 0, 0, 3)


@pytest.mark.parametrize("numbering", ["{n}. ", "{n}、", "{n}．", "（{c}）"])
def test_headings_numbered_as_a_list_or_in_brackets_are_found(numbering: str) -> None:
    """A converter writes an auto-numbered heading as a numbered list (``1. 总体情况``);
    some reports bracket the numeral. Read only with the section's own title."""
    text = "".join(
        f"{numbering.format(n=i, c=sec.numeral)}{sec.title}\n正文。\n1.加强培训。\n"
        for i, sec in enumerate(s.SECTIONS, start=1)
    )
    report = recognize(read_document(text.encode("utf-8"), "编号.txt"))
    assert report.sections is not None
    assert list(report.sections) == list(s.SECTION_KEYS)
    assert report.sections["5"] == "正文。\n1.加强培训。"


def test_a_bracketed_sub_heading_is_not_taken_for_a_section_numbered_with_a_comma() -> None:
    """(二) under 一、总体情况 names a sub-part; 二、 is the section."""
    lines = ["一、总体情况", "（二）主动公开政府信息情况", "正文。"]
    lines += [f"{sec.heading}\n正文。" for sec in s.SECTIONS[1:]]
    from gongkai.annual.parse.rows import document_rows
    from gongkai.annual.parse.sections import find_headings

    rows = document_rows(read_document("\n".join(lines).encode("utf-8"), "分项.txt"))
    assert find_headings(rows)["2"] == 3


# ----------------------------------------------------------------------------- tables without headings


def _ranges(lines: list[str]) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]]:
    document = Document("t.txt", "text", [Line(text, i + 1) for i, text in enumerate(lines)])
    rows = document_rows(document)
    return table_ranges(rows, find_headings(rows))


def test_a_table_without_its_heading_ends_where_the_next_tables_labels_start() -> None:
    """Tables copied before the narrative, their headings left out: table 三 ends at
    table 四's header, not at the narrative's heading 四 far below it."""
    lines = [
        "行政规范性文件 | 0 | 0 | 0 |",
        "行政许可 | 3 |",
        "申请人情况 | 自然人 | 总计 |",
        "一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
        "行政复议 | 行政诉讼 |",
        "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |",
        "1 | 0 | 0 | 0 | 1 |",
        "一、总体情况",
        "正文。",
        "四、政府信息公开行政复议、行政诉讼情况",
        "正文。",
        "五、存在的主要问题及改进情况",
    ]
    assert _ranges(lines) == ((0, 2), (2, 4), (10, 11))


def test_a_table_without_its_heading_ends_at_the_next_section_heading() -> None:
    lines = [
        "二、主动公开政府信息情况",
        "规章 | 0 | 0 | 0 |",
        "申请人情况 | 自然人 | 总计 |",
        "（七）总计 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
        "五、存在的主要问题及改进情况",
        "总计 | 1 |",
        "六、其他需要报告的事项",
    ]
    t2, t3, _ = _ranges(lines)
    assert (t2, t3) == ((1, 2), (2, 4))


def test_a_header_wrapped_in_its_cells_starts_its_table() -> None:
    """A grid table converted to text, a line per printed line: table 四's 行政复议
    is ``行政`` over ``复议``; table 三 ends there, not at the next heading."""
    lines = [
        "二、主动公开政府信息情况",
        "| 规章 | 0 | 0 | 0 |",
        "| 申请人情况 | 自然人 | 总计 | |",
        "| 四、结转下年度继续办理 | 0 | 0 | 0 |",
        "| 行政 | | 行政 | |",
        "| 复议 | | 诉讼 | |",
        "| 结果 | 结果 | 总计 | |",
        "| 维持 | 纠正 | | |",
        "| 1 | 0 | 1 | |",
        "五、存在的主要问题及改进情况",
    ]
    assert _ranges(lines) == ((1, 2), (2, 4), (4, 9))


def test_a_row_of_values_is_not_joined_to_the_header_under_it() -> None:
    """Table 二's last row, then table 三's first: the 行政事业性收费 row holds a number,
    so ``行政事业性收费`` and the note under it are not one label of table 三."""
    lines = [
        "二、主动公开政府信息情况",
        "| 信息内容 | 本年收费金额（单位：万元） |",
        "| 行政事业性收费 | 0 |",
        "| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 |",
        "| 一、本年新收政府信息公开申请数量 | 1 |",
        "五、存在的主要问题及改进情况",
    ]
    t2, t3, _ = _ranges(lines)
    assert (t2, t3) == ((1, 3), (3, 5))


@pytest.mark.parametrize(
    ("name", "keys"),
    [
        ("converted/pandoc_grid_tables_labels_wrapped_in_cells", "34"),
        ("converted/pandoc_grid_tables_labels_wrapped_in_cells", "4"),
        ("reports/excel_tab_copy_tables_before_narrative", "23"),
    ],
)
def test_tables_without_headings_are_not_read_into_each_other(name: str, keys: str) -> None:
    """Regression: table 三 read on into table 四 (its 总计 read again as table 三's,
    ``ROW_DUPLICATE``; table 四 not found) when their headings were left out."""
    text = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    report = recognize(read_document(without_titles(text, keys).encode(), "无标题.txt"))
    stem = name.split("/")[1]
    assert [d for d in differences(report, expected_for(stem)) if d.startswith("table")] == []
    codes = {code for code, _ in diagnostics(report)}
    assert not codes & {"ROW_DUPLICATE", "TABLE_NOT_FOUND", "ROW_NOT_FOUND"}


def test_the_flat_readers_notes_go_with_the_table_they_name_whatever_their_wording(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A note of the flat reader (crawled pages) is about the table its ``table`` key
    names: kept when the flat reading supplies that table, however its message begins,
    dropped when it does not (even if the message begins with another table's name); the
    key itself is not written into the report's diagnostics (``annual-report/1``)."""
    from gongkai.annual.parse import parse_bytes
    from gongkai.annual.parse.flat_tables import Flat, read_flat

    recognizer = sys.modules["gongkai.annual.parse.recognize"]

    def reworded(text: str) -> Flat:
        flat = read_flat(text)
        for item in flat.diagnostics:
            item["message"] = "按表头读取：" + str(item["message"])
        flat.table2 = None  # table 二 left to the other reader: its notes go too
        flat.note("table2", "UNDECODED_RUN", "warning", "表四的字样开头、关于表二的说明")
        return flat

    monkeypatch.setattr(recognizer, "read_flat", reworded)
    path = FIXTURES / "flat" / "crawled-table4-litigation-first-columns-total-first.txt"
    report = parse_bytes(path.read_bytes(), path.name)
    diagnostics = report.diagnostics or ()
    reordered = [d for d in diagnostics if d["code"] == "TABLE4_REORDERED"]
    assert len(reordered) == 1 and str(reordered[0]["message"]).startswith(path.name)
    assert "按表头读取：表四" in str(reordered[0]["message"])
    assert not any("关于表二的说明" in str(d["message"]) for d in diagnostics)
    assert all("table" not in d for d in diagnostics)
    assert '"table":' not in report.to_json()


# ----------------------------------------------------------------------------- tables elsewhere


def _placed(under: dict[str, list[str]], texts: dict[str, list[str]] | None = None) -> str:
    """``sample_report`` printed with each table under the heading ``under`` names (its
    own section's heading prints no table), over each section's lines in ``texts``."""
    tables = {"2": _table2, "3": _table3, "4": _table4}
    report = sample_report()
    lines = [f"{report.organ}{report.year}年政府信息公开工作年度报告"]
    for section in s.SECTIONS:
        lines += [section.heading, *(texts or {}).get(section.key, ["正文。"])]
        for key in under.get(section.key, []):
            lines += tables[key](report)
    return "\n".join(lines) + "\n"


def _expected() -> dict[str, object]:
    return {**sample_report().to_dict(), "format": s.FORMAT_2021}


@pytest.mark.parametrize(
    "under",
    [
        {"1": ["2"], "3": ["3"], "4": ["4"]},  # table 二 inside part one, under a sub-heading
        {"1": ["2", "3"], "4": ["4"]},
        {"2": ["2"], "3": ["3", "4"]},  # table 四 right after table 三, under heading 三
        {"2": ["2"], "3": ["3"], "5": ["4"]},
        {"3": ["3"], "4": ["4"], "5": ["2"]},
        {"2": ["2"], "4": ["4"], "6": ["3"]},
    ],
    ids=str,
)
def test_a_table_printed_in_another_sections_text_is_read_there(
    under: dict[str, list[str]],
) -> None:
    """A report whose data sits where its narrative put it (``一、总体情况`` with its own
    sub-heading ``（一）主动公开`` and the table under it; ``二、…`` then says 见上表):
    each table is read whole once, wherever it is, and no section is said missing."""
    report = recognize(read_document(_placed(under).encode("utf-8"), "别处.txt"))
    assert differences(report, _expected()) == []
    assert report.confidence == {"table2": 1.0, "table3": 1.0, "table4": 1.0}
    codes = {code for code, _ in diagnostics(report)}
    assert not codes & {"TABLE_NOT_FOUND", "ROW_NOT_FOUND", "ROW_DUPLICATE", "SECTION_NOT_FOUND"}


def test_lines_of_the_narrative_shaped_like_rows_are_no_table() -> None:
    """No table printed at all: a few lines of the narrative that name a row's label
    and a number (``行政许可 805件``) are not read as a table found elsewhere."""
    narrative = [
        "全年作出行政许可805件、行政处罚67件。",
        "行政许可 805件",
        "行政处罚 67",
        "一、本年新收政府信息公开申请数量 20",
        "行政复议 1",
    ]
    report = recognize(read_document(_placed({}, {"1": narrative}).encode("utf-8"), "无表.txt"))
    assert report.table2.licensing is None and report.table2.punishment is None
    assert report.table3.row("received") == (None,) * 7
    assert report.table4.reconsideration.total is None
    found = [row for code, row in diagnostics(report) if code == "TABLE_NOT_FOUND"]
    assert len(found) == 3


def test_a_line_of_the_narrative_under_a_tables_heading_does_not_hide_the_table() -> None:
    """Section 二 says in a line shaped like a row what table 二, printed in section 一,
    holds: the few cells read from that line are not the table; the table is."""
    said = ["全年作出行政许可情况如下：", "行政许可 0件"]
    text = _placed({"1": ["2"], "3": ["3"], "4": ["4"]}, {"2": said})
    report = recognize(read_document(text.encode("utf-8"), "见上表.txt"))
    assert differences(report, _expected()) == []
    assert report.confidence is not None and report.confidence["table2"] == 1.0
    assert report.sections is not None and report.sections["2"] == "\n".join(said)


def test_a_table_missing_everywhere_leaves_the_others_as_read() -> None:
    """Table 四 printed nowhere: looking for it in every section reads no other
    table's rows as its own, and the tables found stay as they were."""
    report = recognize(read_document(_placed({"2": ["2"], "3": ["3"]}).encode(), "缺表四.txt"))
    assert [d for d in differences(report, _expected()) if not d.startswith("table4")] == []
    assert report.table4.reconsideration.upheld is None
    assert ("TABLE_NOT_FOUND", None) in diagnostics(report)
