"""Table 四 of a crawled page (cell boundaries lost) printed in another order than the
national form's: the header words say which run is whose.

A crawler's text keeps table 四's header words and its digits, run together. A report
that prints 行政诉讼 before 行政复议, the two litigation groups swapped, a group's 总计
first or 尚未审结 before 其他结果 is read by its header words (read as ``tables`` reads a
ruled table's headings, ``TABLE4_REORDERED``): the digit run is split with each group's
总计 where the header puts it and each number goes to its group and column. Contradictory
header words keep the national order and say so (``TABLE4_HEADINGS_CONFLICT``).

The fixtures are in ``tests/fixtures/flat`` (``crawled-table4-*``), their expected JSON
written by hand; the numbers are chosen so no two groups hold the same ones.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from gongkai.annual import AnnualReport
from gongkai.annual.model import AppealCounts, Table4
from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.flat_tables import read_flat
from gongkai.annual.parse.normalize import normalize_text
from gongkai.annual.parse.tables import table4_headings_in
from tests.conftest import FIXTURES

FLAT = FIXTURES / "flat"

LITIGATION_FIRST_TOTAL_FIRST = "crawled-table4-litigation-first-columns-total-first"
SWAPPED_PENDING_FIRST = "crawled-table4-litigation-groups-swapped-pending-before-other"
ROW_PER_GROUP = "crawled-table4-row-per-group-litigation-first-total-first"
GROUP_BLANK = "crawled-table4-row-per-group-reordered-one-group-printed-blank"

REORDERED = {
    LITIGATION_FIRST_TOTAL_FIRST: "表四表头所示各组的顺序为“未经复议直接起诉、复议后起诉、行政复议”，"
    "各组的列顺序为“总计、结果维持、结果纠正、其他结果、尚未审结”，与国家格式不同，"
    "各数字按表头归入各组、各列",
    SWAPPED_PENDING_FIRST: "表四表头所示各组的顺序为“行政复议、复议后起诉、未经复议直接起诉”，"
    "各组的列顺序为“结果维持、结果纠正、尚未审结、其他结果、总计”，与国家格式不同，"
    "各数字按表头归入各组、各列",
    ROW_PER_GROUP: "表四表头所示各组的顺序为“未经复议直接起诉、复议后起诉、行政复议”，"
    "各组的列顺序为“总计、结果维持、结果纠正、其他结果、尚未审结”，与国家格式不同，"
    "各数字按表头归入各组、各列",
    GROUP_BLANK: "表四表头所示各组的顺序为“复议后起诉、未经复议直接起诉、行政复议”，"
    "各组的列顺序为“总计、结果维持、结果纠正、其他结果、尚未审结”，与国家格式不同，"
    "各数字按表头归入各组、各列",
}


def _text(name: str) -> str:
    return (FLAT / f"{name}.txt").read_text(encoding="utf-8")


def _parse(text: str, name: str = "crawled.txt") -> AnnualReport:
    return parse_bytes(text.encode("utf-8"), name)


def _notes(report: AnnualReport, code: str) -> list[dict[str, Any]]:
    return [dict(d) for d in report.diagnostics or () if d["code"] == code]


@pytest.mark.parametrize("name", list(REORDERED))
def test_a_reordered_table4_reads_back_by_its_header_words(name: str) -> None:
    expected = AnnualReport.load(FLAT / f"{name}.expected.json")
    report = _parse(_text(name), f"{name}.txt")
    assert report.table4 == expected.table4
    assert report.confidence is not None and report.confidence["table4"] == 1.0
    said = _notes(report, "TABLE4_REORDERED")
    assert [(d["severity"], d["message"]) for d in said] == [
        ("info", f"{name}.txt：{REORDERED[name]}")
    ]
    assert not _notes(report, "TABLE4_HEADINGS_CONFLICT")
    assert not _notes(report, "AMBIGUOUS_RUN") and not _notes(report, "UNDECODED_RUN")


def test_read_as_the_national_order_the_same_run_does_not_add_up() -> None:
    """Why the header matters: 总计 first, the run has no split whose last cell of each
    group is the sum of the others (the old reading left the table blank)."""
    from gongkai.annual.parse import digit_runs as d

    run = "15120211100053101"
    assert not d.decode_table4(run).unique
    assert d.decode_table4(run, total=0).cells == (
        *(15, 12, 0, 2, 1),  # 未经复议直接起诉, 总计 first
        *(1, 1, 0, 0, 0),  # 复议后起诉
        *(5, 3, 1, 0, 1),  # 行政复议
    )


def test_the_national_order_reads_as_before_and_says_nothing() -> None:
    report = _parse(_text("crawled-one-line"))
    assert report.table4 == AnnualReport.load(FLAT / "crawled-one-line.expected.json").table4
    assert not _notes(report, "TABLE4_REORDERED")
    assert not _notes(report, "TABLE4_HEADINGS_CONFLICT")


HEADER_A = "行政诉讼行政复议未经复议直接起诉复议后起诉" + "总计结果维持结果纠正其他结果尚未审结" * 3
RUN_A = "15120211100053101"


def _with_table4(name: str, table: str) -> str:
    text = _text(name)
    head, rest = text.split("行政诉讼情况", 1)
    return f"{head}行政诉讼情况{table}{rest[rest.index('五、存在的主要问题') :]}"


@pytest.mark.parametrize("separator", ["\n", " ", "  ", "\t"])
def test_header_words_kept_apart_by_the_crawler_read_the_same(separator: str) -> None:
    """One header word a line (or between spaces or tabs), the digits one run: the
    flattened reading says the order once (the ruled-table reading found no number)."""
    words = re.findall(
        "行政诉讼|行政复议|未经复议直接起诉|复议后起诉|总计|结果维持|结果纠正|其他结果|尚未审结",
        HEADER_A,
    )
    table = separator.join(words) + separator + RUN_A + "\n"
    report = _parse(_with_table4(LITIGATION_FIRST_TOTAL_FIRST, table))
    expected = AnnualReport.load(FLAT / f"{LITIGATION_FIRST_TOTAL_FIRST}.expected.json")
    assert report.table4 == expected.table4
    assert len(_notes(report, "TABLE4_REORDERED")) == 1


def test_contradictory_header_words_keep_the_national_order_and_say_so() -> None:
    """行政复议 printed between the two litigation groups, no 行政诉讼 over them: the header
    cannot say which five numbers are whose; the run is read in the national order."""
    header = "未经复议直接起诉行政复议复议后起诉" + "结果维持结果纠正其他结果尚未审结总计" * 3
    report = _parse(_with_table4(LITIGATION_FIRST_TOTAL_FIRST, header + "10012000001225019"))
    assert report.table4 == Table4(
        AppealCounts(1, 0, 0, 1, 2), AppealCounts(0, 0, 0, 0, 0), AppealCounts(12, 2, 5, 0, 19)
    )
    conflict = _notes(report, "TABLE4_HEADINGS_CONFLICT")
    assert [(d["severity"], d["message"]) for d in conflict] == [
        (
            "warning",
            "crawled.txt：表四“行政复议”的表头夹在行政诉讼的两组之间，无法按表头确定各组的顺序，"
            "按国家格式的位置读取，请核对",
        )
    ]
    assert not _notes(report, "TABLE4_REORDERED")


def test_groups_disagreeing_on_their_columns_keep_the_national_order_and_say_so() -> None:
    header = (
        "行政复议行政诉讼总计结果维持结果纠正其他结果尚未审结未经复议直接起诉复议后起诉"
        + "结果维持结果纠正其他结果尚未审结总计" * 2
    )
    report = _parse(_with_table4(LITIGATION_FIRST_TOTAL_FIRST, header + "10012000001225019"))
    assert report.table4 == Table4(
        AppealCounts(1, 0, 0, 1, 2), AppealCounts(0, 0, 0, 0, 0), AppealCounts(12, 2, 5, 0, 19)
    )
    assert [d["severity"] for d in _notes(report, "TABLE4_HEADINGS_CONFLICT")] == ["warning"]
    assert not _notes(report, "TABLE4_REORDERED")


def test_an_ambiguous_reordered_run_lists_its_alternatives_in_the_forms_order() -> None:
    """「1412017」 under 结果维持、结果纠正、尚未审结、其他结果、总计 is 14, 1, 2, 0, 17 or
    1, 4, 12, 0, 17 (尚未审结 12): both add up. The alternatives are given as the table's
    cells (form order: 其他结果 before 尚未审结), so they compare with what was read."""
    text = _text(SWAPPED_PENDING_FIRST).replace("20013 01001 14 1 2 0 17", "20013 01001 1412017")
    flat = read_flat(normalize_text(text))
    assert flat.table4 is not None and flat.confidence["table4"] == 0.5
    (note,) = [d for d in flat.diagnostics if d["code"] == "AMBIGUOUS_RUN"]
    read = [
        n
        for group in (
            flat.table4.reconsideration,
            flat.table4.litigation_direct,
            flat.table4.litigation_after_reconsideration,
        )
        for n in (group.upheld, group.corrected, group.other, group.pending, group.total)
    ]
    both = {
        (*(2, 0, 1, 0, 3), *(14, 1, 0, 2, 17), *(0, 1, 0, 0, 1)),
        (*(2, 0, 1, 0, 3), *(1, 4, 0, 12, 17), *(0, 1, 0, 0, 1)),
    }
    alternatives = note["alternatives"]
    assert isinstance(alternatives, list)
    assert {tuple(read), *map(tuple, alternatives)} == both


def test_a_short_run_under_a_header_ending_in_another_column_than_total() -> None:
    """A table printed with a blank cell (fewer digits than cells) is taken where its
    header ends with a group's five column names, whatever their order (here 尚未审结
    last): its readings with blank cells are reported, never one of them silently."""
    text = _text(LITIGATION_FIRST_TOTAL_FIRST).replace(RUN_A, "21001110032100")
    flat = read_flat(normalize_text(text))
    assert flat.table4 is not None
    assert flat.table4.reconsideration == AppealCounts(2, 1, 0, 0, 3)
    assert flat.table4.litigation_direct == AppealCounts(1, 0, 0, 1, 2)
    assert flat.table4.litigation_after_reconsideration.total == 1
    assert flat.confidence["table4"] < 1.0
    assert [d["code"] for d in flat.diagnostics] == ["AMBIGUOUS_RUN", "TABLE4_REORDERED"]


def test_header_words_run_together_are_read_as_headings() -> None:
    assert table4_headings_in(
        "行政诉讼行政复议（单位：件）未经复议直接起诉复议后起诉合计维持纠正其他未审结"
    ) == [
        ("group", "litigation"),
        ("group", "reconsideration"),
        ("group", "litigation_direct"),
        ("group", "litigation_after_reconsideration"),
        ("column", "total"),
        ("column", "upheld"),
        ("column", "corrected"),
        ("column", "other"),
        ("column", "pending"),
    ]
    assert table4_headings_in("其他结果尚未审结") == [("column", "other"), ("column", "pending")]
