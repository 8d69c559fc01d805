"""Two defects a user saw in the output, each fixed by a rule of the national form.

* Tables 二 and 三 printed one right after the other, no heading or text between them:
  table 三 starts at its own header (申请人情况, 自然人, 本年新收…), also when a PDF's two
  touching tables are read as one grid whose first row carries a stray cell of table 三's
  header. Table 二 keeps its numbers and nothing is reported as unassigned.
* A crawled table 四 printed as one run of digits with one cell blank (it prints no digit),
  in a report whose table 三 prints no blank cell: the run is never read as numbers that
  break the form's arithmetic (each group's 总计 = the sum of its four) without saying
  so, and a reading with the blank cell that adds up is preferred to the split as printed
  that does not.
"""

from __future__ import annotations

import html
import json
from typing import Any

import pytest

from gongkai.annual.parse import Document, Grid, Line, parse_bytes, parse_file, recognize
from gongkai.annual.parse import digit_runs as d
from tests.annual.parse.as_documents import as_docx, as_html, as_pdf
from tests.annual.parse.test_fixture_reports import differences, expected_for
from tests.conftest import FIXTURES

TOUCHING = "markdown_tables_two_and_three_touching_no_heading_between"
TOUCHING_TEXT = FIXTURES / "damaged" / f"{TOUCHING}.txt"


def _codes(report: Any) -> list[str]:
    return [str(item["code"]) for item in report.diagnostics or ()]


# ----------------------------------------------------------------------------- 二 then 三


@pytest.mark.parametrize("kind", ["text", "html", "docx"])
def test_table3_right_after_table2_starts_at_its_own_header(kind: str) -> None:
    text = TOUCHING_TEXT.read_text(encoding="utf-8")
    data = {"text": text.encode("utf-8"), "html": as_html(text), "docx": as_docx(text)}[kind]
    report = parse_bytes(data, f"{TOUCHING}.{kind}")
    assert differences(report, expected_for(TOUCHING)) == []
    codes = _codes(report)
    assert "VALUES_UNASSIGNED" not in codes and "TABLE_NOT_FOUND" not in codes
    # the one thing missing is the heading the report left out
    assert [c for c in codes if c.endswith("NOT_FOUND")] == ["SECTION_NOT_FOUND"]


@pytest.mark.slow
def test_table3_right_after_table2_in_a_pdf_their_tables_touching() -> None:
    """Laid out as a PDF the two tables touch: read as one grid whose first row carries
    text of table 三's header. Before, table 三 began at table 二's first row: table 二 was
    not found and its numbers were 表三's ``VALUES_UNASSIGNED``."""
    pytest.importorskip("weasyprint")
    data = as_pdf(TOUCHING_TEXT.read_text(encoding="utf-8"))
    report = parse_bytes(data, f"{TOUCHING}.pdf")
    assert differences(report, expected_for(TOUCHING)) == []
    codes = _codes(report)
    assert "VALUES_UNASSIGNED" not in codes and "TABLE_NOT_FOUND" not in codes


def _table2_rows(stray: str) -> list[tuple[str, ...]]:
    return [
        ("第二十条第（一）项", "本年制发件数", "本年废止件数", "现行有效件数", stray),
        ("规章", "0", "0", "0", ""),
        ("行政规范性文件", "4", "0", "12", ""),
        ("第二十条第（五）项", "本年处理决定数量", "", "", ""),
        ("行政许可", "57", "", "", ""),
        ("第二十条第（六）项", "本年处理决定数量", "", "", ""),
        ("行政处罚", "9", "", "", ""),
        ("行政强制", "0", "", "", ""),
        ("第二十条第（八）项", "本年收费金额（单位：万元）", "", "", ""),
        ("行政事业性收费", "0", "", "", ""),
    ]


_TABLE3_HEADER = [
    ("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"),
    ("自然人", "法人或其他组织", "总计"),
    ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"),
]


def _table3_rows() -> list[tuple[str, ...]]:
    numbers = {
        "一、本年新收政府信息公开申请数量": "5 1 0 0 0 0 6",
        "二、上年结转政府信息公开申请数量": "1 0 0 0 0 0 1",
        "（一）予以公开": "3 1 0 0 0 0 4",
        "1.本机关不掌握相关政府信息": "2 0 0 0 0 0 2",
        "（七）总计": "5 1 0 0 0 0 6",
        "四、结转下年度继续办理": "1 0 0 0 0 0 1",
    }
    return [(label, *cells.split()) for label, cells in numbers.items()]


@pytest.mark.parametrize("stray", ["申请人情况法人或其他组织 总计", "法律服务机构其他"])
def test_a_stray_cell_of_table3s_header_in_table2s_first_row_does_not_start_table3(
    stray: str,
) -> None:
    """One grid holding both tables (two touching tables read as one), table 二's first
    row ending in text of table 三's header: table 二 is still read from that row on."""
    rows = [*_table2_rows(stray), *_TABLE3_HEADER, *_table3_rows()]
    width = max(len(r) for r in rows)
    grid = Grid(tuple(tuple(r) + ("",) * (width - len(r)) for r in rows), (), 1)
    document = Document(
        "touching.pdf",
        "pdf",
        [
            Line("二、主动公开政府信息情况", 1),
            grid,
            Line("四、政府信息公开行政复议、行政诉讼情况", 2),
        ],
    )
    report = recognize(document)
    assert report.table2.normative_documents.made == 4
    assert report.table2.normative_documents.in_force == 12
    assert report.table2.licensing == 57
    assert report.table2.punishment == 9
    assert report.table3.row("received") == (5, 1, 0, 0, 0, 0, 6)
    assert report.table3.row("carried_forward") == (1, 0, 0, 0, 0, 0, 1)
    codes = _codes(report)
    assert "VALUES_UNASSIGNED" not in codes
    assert not [
        item
        for item in report.diagnostics or ()
        if item["code"] == "TABLE_NOT_FOUND" and "表二" in str(item["message"])
    ]


def test_a_crawled_report_with_tables_two_and_three_run_together_reads_both() -> None:
    """Crawled text (cells joined into digit runs): table 三's header right after table
    二's last run, no heading between, reads both tables and says nothing is unassigned."""
    name = "crawled-table4-blank-cell-in-reconsideration-one-run"
    text = (FIXTURES / "ambiguous" / f"{name}.txt").read_text(encoding="utf-8")
    text = text.replace("三、收到和处理政府信息公开申请情况\n", "")
    report = parse_bytes(text.encode("utf-8"), f"{name}.txt")
    expected = expected_for(name)
    got = report.to_dict()
    assert got["table2"] == expected["table2"]
    assert got["table3"] == expected["table3"]
    assert "VALUES_UNASSIGNED" not in _codes(report)


# ----------------------------------------------------------------------------- 四 blanks

BLANK_FIXTURES = {
    "reconsideration": "crawled-table4-blank-cell-in-reconsideration-one-run",
    "litigation_direct": "crawled-table4-blank-cell-in-direct-litigation-one-run",
    "litigation_after_reconsideration": (
        "crawled-table4-blank-cell-in-litigation-after-reconsideration-one-run"
    ),
}


def _as_page(text: str) -> bytes:
    """The crawled text as the page it was saved from: each line a paragraph."""
    body = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines())
    return f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>".encode()


@pytest.mark.parametrize("kind", ["text", "html"])
@pytest.mark.parametrize("group", list(BLANK_FIXTURES))
def test_a_blank_cell_in_a_table4_run_is_never_a_number(group: str, kind: str) -> None:
    """Table 三 prints every cell; table 四's one run of 15 digits holds 14 numbers, one of
    them two digits, and a blank cell. The split as printed (every cell one digit) breaks
    the group totals; the readings with one blank cell add up: the group's 总计 is kept,
    its four cells (which one is blank is unknown) are null, the other groups read, and
    the run is reported with the split as printed among the alternatives."""
    name = BLANK_FIXTURES[group]
    path = FIXTURES / "ambiguous" / f"{name}.txt"
    if kind == "text":
        report = parse_file(path)
    else:
        report = parse_bytes(_as_page(path.read_text(encoding="utf-8")), f"{name}.html")
    assert differences(report, expected_for(name)) == []
    got = report.to_dict()["table4"][group]
    assert [got[c] for c in ("upheld", "corrected", "other", "pending")] == [None] * 4
    assert got["total"] == 10
    runs = [item for item in report.diagnostics or () if item["code"] == "AMBIGUOUS_RUN"]
    assert len(runs) == 1 and str(runs[0]["message"]).count("表四的数字串") == 1
    assert "空白格" in str(runs[0]["message"]) and "合计不成立" in str(runs[0]["message"])
    assert report.confidence["table4"] == 0.5


def test_the_blank_fixtures_print_every_cell_of_table3() -> None:
    """The defect shows only where table 三 prints no blank cell: the fixtures say so."""
    for name in BLANK_FIXTURES.values():
        expected = json.loads(
            (FIXTURES / "ambiguous" / f"{name}.expected.json").read_text(encoding="utf-8")
        )
        assert all(None not in row for row in expected["table3"].values())


@pytest.mark.parametrize(
    ("run", "printed", "total"),
    [
        # the blank in each group; the split as printed: 6 4 0 1 0 (总计 0, not 10)
        ("640100000010001", (None, 6, 4, 0, 10, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1), 4),
        ("201035411000000", (2, 0, 1, 0, 3, 5, None, 4, 1, 10, 0, 0, 0, 0, 0), 9),
        ("100012000273010", (1, 0, 0, 0, 1, 2, 0, 0, 0, 2, 7, None, 3, 0, 10), 14),
    ],
)
def test_a_forced_split_that_does_not_add_up_gives_way_to_a_blank_reading_that_does(
    run: str, printed: tuple[int | None, ...], total: int
) -> None:
    found = d.decode_table4(run)
    assert not found.unique
    group = total // 5 * 5
    assert found.cells[total] == printed[total]
    assert found.cells[group:total] == (None,) * 4
    others = [i for i in range(15) if not group <= i <= total]
    assert [found.cells[i] for i in others] == [printed[i] for i in others]
    assert d.forced(run, 15) in found.alternatives  # the split as printed: said


def test_a_full_split_that_adds_up_is_unsure_when_one_blank_cell_adds_up_too() -> None:
    """「00055600062913042」: read with every cell printed, the third group is 2 9 1 30 42
    (adds up); with one blank cell it is 29 13 0 and a blank, 42 (adds up too). Before, the
    first was read as sure: a blank cell became wrong numbers without a word."""
    found = d.decode_table4("00055600062913042")
    assert not found.unique
    assert found.cells == (0, 0, 0, 5, 5, 6, 0, 0, 0, 6, 2, 9, 1, 30, 42)
    assert (0, 0, 0, 5, 5, 6, 0, 0, 0, 6, 29, 13, 0, 0, 42) in found.alternatives
    assert "空白" in found.reason


def test_a_forced_split_that_does_not_add_up_is_never_sure() -> None:
    """No reading adds up, with or without a blank cell: the split as printed is kept (the
    checker reports the group's total), said, not sure."""
    found = d.decode_table4("520070007190010")
    assert found.cells == (5, 2, 0, 0, 7, 0, 0, 0, 7, 1, 9, 0, 0, 1, 0)
    assert not found.unique and "合计不成立" in found.reason and "空白格" in found.reason


@pytest.mark.parametrize(
    "run",
    ["100010000000000", "10012000001225019", "000000000000000", "100120000001001"],
)
def test_a_run_needing_two_blank_cells_to_add_up_another_way_stays_sure(run: str) -> None:
    """A report printing no blank cell elsewhere: a reading with one blank cell counts; one
    needing more (「100010000000000」 as 10, 0, 0, blank, 10 and a blank among the zeros)
    does not make every run of table 四 unsure."""
    found = d.decode_table4(run)
    assert found.unique


def test_the_rule_keeps_table4_runs_with_one_blank_cell_right_or_said() -> None:
    """Every table 四 with one blank cell among the four of a group, its numbers small
    (0 to 12): never a number that is not the printed one without the run being unsure."""
    silent = []
    values = (0, 1, 2, 3, 10, 12)
    for group in range(3):
        for column in range(4):
            for a in values:
                for b in values:
                    cells: list[int | None] = [1, 0, 0, 0, 1, 0, 2, 0, 0, 2, 0, 0, 1, 0, 1]
                    start = group * 5
                    parts: list[int | None] = [a, b, 0, 1]
                    parts[column] = None
                    cells[start : start + 4] = parts
                    cells[start + 4] = sum(p for p in parts if p is not None)
                    run = "".join(str(c) for c in cells if c is not None)
                    found = d.decode_table4(run)
                    wrong = [
                        i
                        for i, (got, printed) in enumerate(zip(found.cells, cells, strict=True))
                        if got is not None and got != printed
                    ]
                    if wrong and found.unique:
                        silent.append((run, cells, found.cells))
    assert silent == []


def test_a_stray_cell_of_table4s_header_in_table3s_last_row_does_not_start_table4() -> None:
    """The same between tables 三 and 四: table 三's last row, in one grid with table 四,
    ends in text of table 四's header; it is still table 三's row."""
    table3 = _table3_rows()
    last = (*table3[-1], "行政复议行政诉讼")
    table4 = [
        ("行政复议", "行政诉讼"),
        ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"),
        tuple(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2),
        tuple(["1", "0", "0", "0", "1", "0", "0", "1", "0", "1", "0", "0", "0", "0", "0"]),
    ]
    rows = [*_TABLE3_HEADER, *table3[:-1], last, *table4]
    width = max(len(r) for r in rows)
    grid = Grid(tuple(tuple(r) + ("",) * (width - len(r)) for r in rows), (), 1)
    document = Document(
        "touching.pdf", "pdf", [Line("三、收到和处理政府信息公开申请情况", 1), grid]
    )
    report = recognize(document)
    assert report.table3.row("carried_forward") == (1, 0, 0, 0, 0, 0, 1)
    assert report.table4.reconsideration.upheld == 1
    assert report.table4.litigation_direct.total == 1
    assert "VALUES_UNASSIGNED" not in _codes(report)


def test_a_run_of_one_digit_a_cell_that_adds_up_has_no_reading_with_one_blank_cell() -> None:
    """Why ``decode_groups`` does not search such a run for readings with one blank cell:
    there are none (every group of five one-digit cells that adds up, and every table of
    three such groups among those with parts 0, 1 and 9)."""
    groups = [
        (a, b, c, e, a + b + c + e)
        for a in range(10)
        for b in range(10)
        for c in range(10)
        for e in range(10)
        if a + b + c + e <= 9
    ]
    for group in groups:
        assert d._one_blank("".join(map(str, group)), 5, 1) == {}
    few = [g for g in groups if set(g[:4]) <= {0, 1, 9}]
    for first in few:
        for second in few[::3]:
            for third in few[::5]:
                run = "".join(map(str, (*first, *second, *third)))
                assert d._one_blank(run, 5, 3) == {}, run
