"""Table 四's groups and columns are read by the headings the table prints.

The national form prints 行政复议 (five cells), then 行政诉讼's two groups
未经复议直接起诉 and 复议后起诉 (five each), each in the columns 结果维持, 结果纠正,
其他结果, 尚未审结, 总计. Reports that print the groups in another order (行政诉讼 on the
left, the two litigation groups swapped, 行政诉讼 and 行政复议 as two tables) or the
columns in another order are read by their headings; contradictory headings keep the
positional reading and say so. The numbers are chosen so each group's 总计 is the sum of
its four other cells and no two groups hold the same numbers.
"""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.annual.parse import parse_bytes
from tests.annual.parse.as_documents import as_docx, as_html, as_pdf
from tests.conftest import FIXTURES

NAME = "table4_litigation_printed_before_reconsideration"
TEXT = (FIXTURES / "reports" / f"{NAME}.txt").read_text(encoding="utf-8")
HEADING = "## **四、政府信息公开行政复议、行政诉讼情况**"

RECONSIDERATION = [4, 2, 1, 0, 7]
DIRECT = [3, 1, 0, 2, 6]
AFTER = [1, 0, 0, 1, 2]
COLUMNS = ("upheld", "corrected", "other", "pending", "total")
GROUPS = ("reconsideration", "litigation_direct", "litigation_after_reconsideration")
EXPECTED = {
    "reconsideration": RECONSIDERATION,
    "litigation_direct": DIRECT,
    "litigation_after_reconsideration": AFTER,
}
FIVE = "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |"


def _row(*groups: list[int]) -> str:
    return "| " + " | ".join(str(n) for g in groups for n in g) + " |"


def _with_table4(table: str) -> str:
    """The fixture with its table 四 replaced by ``table``."""
    head, rest = TEXT.split(HEADING)
    tail = rest[rest.index("## **五、") :]
    return f"{head}{HEADING}\n\n{table.strip()}\n\n{tail}"


def _parse(text: str, kind: str) -> Any:
    if kind == "text":
        return parse_bytes(text.encode("utf-8"), f"{NAME}.txt")
    if kind == "html":
        return parse_bytes(as_html(text), f"{NAME}.html")
    if kind == "pdf":
        return parse_bytes(as_pdf(text), f"{NAME}.pdf")
    return parse_bytes(as_docx(text), f"{NAME}.docx")


def _table4(report: Any) -> dict[str, list[Any]]:
    got = report.to_dict()["table4"]
    return {g: [got[g][c] for c in COLUMNS] for g in GROUPS}


def _codes(report: Any) -> list[str]:
    return [str(item["code"]) for item in report.diagnostics or ()]


LITIGATION_FIRST = TEXT[TEXT.index(HEADING) + len(HEADING) : TEXT.index("## **五、")]

TWO_TABLES = f"""
| 行政诉讼 |
| --- |
| 未经复议直接起诉 | 复议后起诉 |
| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
{_row(DIRECT, AFTER)}

| 行政复议 |
| --- |
{FIVE}
{_row(RECONSIDERATION)}
"""

LITIGATION_SWAPPED = f"""
| 行政复议 | 行政诉讼 |
| --- | --- |
| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 复议后起诉 | 未经复议直接起诉 |
| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
{_row(RECONSIDERATION, AFTER, DIRECT)}
"""

# no 行政诉讼 heading: its two groups' names say where it stands
NO_LITIGATION_HEADING = f"""
| 直接起诉 | 复议后起诉 | 行政复议 |
| --- | --- | --- |
| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
{_row(DIRECT, AFTER, RECONSIDERATION)}
"""


def _total_first(group: list[int]) -> list[int]:
    return [group[4], *group[:4]]


COLUMNS_TOTAL_FIRST = f"""
| 行政诉讼 | 行政复议 |
| --- | --- |
| 未经复议直接起诉 | 复议后起诉 | 合计 | 维持 | 纠正 | 其他结果 | 尚未审结 |
| 合计 | 维持 | 纠正 | 其他结果 | 尚未审结 | 合计 | 维持 | 纠正 | 其他结果 | 尚未审结 |
{_row(_total_first(DIRECT), _total_first(AFTER), _total_first(RECONSIDERATION))}
"""


def _pending_first(group: list[int]) -> list[int]:
    return [group[3], *group[:3], group[4]]


# the words reports print for the form's own: 尚在审理 / 正在审理 (尚未审结), 其它结果,
# 维持, 纠正, 小计 / 总数 (总计)
COLUMNS_IN_OTHER_WORDS = f"""
| 行政复议 | 行政诉讼 |
| --- | --- |
| 尚在审理 | 维持 | 纠正 | 其它结果 | 小计 | 未经复议直接起诉 | 复议后起诉 |
| 正在审理 | 维持 | 纠正 | 其它结果 | 总数 | 正在审理 | 维持 | 纠正 | 其它结果 | 总数 |
{_row(_pending_first(RECONSIDERATION), _pending_first(DIRECT), _pending_first(AFTER))}
"""

LAYOUTS = {
    "litigation_first": LITIGATION_FIRST,
    "two_tables": TWO_TABLES,
    "litigation_swapped": LITIGATION_SWAPPED,
    "no_litigation_heading": NO_LITIGATION_HEADING,
    "columns_total_first": COLUMNS_TOTAL_FIRST,
    "columns_in_other_words": COLUMNS_IN_OTHER_WORDS,
}


@pytest.mark.parametrize("kind", ["text", "html", "docx"])
@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_table4_groups_and_columns_are_read_by_their_headings(layout: str, kind: str) -> None:
    report = _parse(_with_table4(LAYOUTS[layout]), kind)
    assert _table4(report) == EXPECTED
    assert "TABLE4_REORDERED" in _codes(report)
    assert "TABLE4_HEADINGS_CONFLICT" not in _codes(report)
    assert report.confidence["table4"] == 1.0


@pytest.mark.parametrize("kind", ["text", "html"])
def test_the_national_order_reads_as_before_and_says_nothing(kind: str) -> None:
    national = f"""
| 行政复议 | 行政诉讼 |
| --- | --- |
| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |
| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
{_row(RECONSIDERATION, DIRECT, AFTER)}
"""
    report = _parse(_with_table4(national), kind)
    assert _table4(report) == EXPECTED
    assert not {"TABLE4_REORDERED", "TABLE4_HEADINGS_CONFLICT"} & set(_codes(report))


def test_without_headings_the_numbers_are_read_by_position() -> None:
    bare = _row(RECONSIDERATION, DIRECT, AFTER)
    report = _parse(_with_table4(bare), "text")
    assert _table4(report) == EXPECTED
    assert not {"TABLE4_REORDERED", "TABLE4_HEADINGS_CONFLICT"} & set(_codes(report))


@pytest.mark.parametrize("kind", ["text", "html"])
def test_contradictory_group_headings_keep_the_positional_reading(kind: str) -> None:
    """行政复议 printed between the two litigation groups, no 行政诉讼 heading over them:
    the headings cannot say which five numbers are whose."""
    table = f"""
| 未经复议直接起诉 | 行政复议 | 复议后起诉 |
| --- | --- | --- |
| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
{_row(RECONSIDERATION, DIRECT, AFTER)}
"""
    report = _parse(_with_table4(table), kind)
    assert _table4(report) == EXPECTED  # by position, as the national form
    assert "TABLE4_HEADINGS_CONFLICT" in _codes(report)
    assert "TABLE4_REORDERED" not in _codes(report)
    conflict = next(d for d in report.diagnostics if d["code"] == "TABLE4_HEADINGS_CONFLICT")
    assert conflict["severity"] == "warning"


def test_contradictory_column_headings_keep_the_positional_reading() -> None:
    table = f"""
| 行政复议 | 行政诉讼 |
| --- | --- |
| 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 未经复议直接起诉 | 复议后起诉 |
| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
{_row(RECONSIDERATION, DIRECT, AFTER)}
"""
    report = _parse(_with_table4(table), "text")
    assert _table4(report) == EXPECTED
    assert "TABLE4_HEADINGS_CONFLICT" in _codes(report)


@pytest.mark.parametrize("layout", ["litigation_first", "litigation_swapped"])
def test_table4_groups_are_read_by_their_headings_in_a_pdf(layout: str) -> None:
    """Laid out as a PDF, the narrow header cells' text runs over into one cell of the
    first header row (所有列名和两组行政诉讼的名称连在一起): a cell naming several
    headings is no heading, the others still say the order."""
    report = _parse(_with_table4(LAYOUTS[layout]), "pdf")
    assert _table4(report) == EXPECTED
    assert "TABLE4_REORDERED" in _codes(report)
    assert "TABLE4_HEADINGS_CONFLICT" not in _codes(report)


# the report in traditional characters (as some Hong Kong-facing or Taiwan-affairs
# offices print them): the reader folds them to simplified before reading the headings
TRADITIONAL = str.maketrans(
    {
        "诉": "訴",
        "讼": "訟",
        "议": "議",
        "复": "復",
        "经": "經",
        "结": "結",
        "维": "維",
        "纠": "糾",
        "审": "審",
        "总": "總",
        "计": "計",
        "务": "務",
        "过": "過",
        "县": "縣",
        "区": "區",
        "报": "報",
        "为": "為",
        "发": "發",
        "开": "開",
        "应": "應",
    }
)


def test_table4_headings_in_traditional_characters_are_read() -> None:
    text = _with_table4(LITIGATION_SWAPPED).translate(TRADITIONAL)
    assert "行政訴訟" in text and "復議后起訴" in text
    report = _parse(text, "text")
    assert _table4(report) == EXPECTED
    assert "TABLE4_REORDERED" in _codes(report)


def test_crawled_header_words_in_other_words_give_the_columns() -> None:
    from gongkai.annual.parse.tables import table4_headings_in

    words = "行政复议行政诉讼未经复议直接起诉复议后起诉维持纠正尚在审理其它结果总数"
    assert table4_headings_in(words)[-5:] == [
        ("column", "upheld"),
        ("column", "corrected"),
        ("column", "pending"),
        ("column", "other"),
        ("column", "total"),
    ]
