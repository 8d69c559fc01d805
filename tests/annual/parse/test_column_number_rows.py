"""A table's 栏次 row (the value columns numbered 1, 2 … under the header, after 甲 乙 丙
over the label columns) and its 行次 column (each row's number after its label) are set
aside, in table 三 and table 四 alike; a table 四 group the table does not print is read
from a sentence of part 四 giving its five results."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings

from gongkai.annual import schema as s
from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import parse_bytes
from tests.annual.parse.as_documents import as_html
from tests.annual.parse.shapes import Rows, number, pipes, report_text
from tests.strategies import blank_report, consistent_reports

TABLE3_HEADER_ROWS = 3
TABLE4_HEADER_ROWS = 3


def codes(report: AnnualReport) -> list[str]:
    return [d["code"] for d in report.diagnostics or ()]


def numbered(width: int, lead: tuple[str, ...]) -> list[str]:
    return [*lead, *(str(i) for i in range(1, width + 1))]


def with_column_numbers(lead: tuple[str, ...]) -> object:
    """A writer of ``pipes`` lines that prints a 栏次 row under table 三's and table 四's
    headers (tables told apart by their first cell)."""

    def write(rows: Rows) -> list[str]:
        first = rows[0][0]
        if first == s.TABLE3_IDENTITY_NOTE:
            at, width, row_lead = TABLE3_HEADER_ROWS, s.TABLE3_WIDTH, lead
        elif first == s.TABLE4_GROUPS[0].label:
            at, width, row_lead = TABLE4_HEADER_ROWS, 15, ()
        else:
            return pipes(rows)
        return pipes([*rows[:at], numbered(width, row_lead), *rows[at:]])

    return write


@pytest.mark.parametrize("lead", [("甲", "乙", "丙"), ("栏次",), ()])
@settings(max_examples=5, deadline=None)
@given(report=consistent_reports())
def test_a_column_number_row_under_the_headers_is_no_row_of_values(
    lead: tuple[str, ...], report: AnnualReport
) -> None:
    """甲 乙 丙 1 … 7 under table 三's header and 1 … 15 under table 四's, in an HTML page:
    every cell read as printed, the 栏次 rows said with an info note, not taken for values
    (table 三 said its 1 … 7 had no label; table 四 read 30 numbers and left all null)."""
    text = report_text(report, with_column_numbers(lead))  # type: ignore[arg-type]
    parsed = parse_bytes(as_html(text), "栏次.html")
    assert parsed.table3 == report.table3
    assert parsed.table4 == report.table4
    assert codes(parsed).count("ROW_NUMBERS_IGNORED") == 2
    assert "VALUES_UNASSIGNED" not in codes(parsed)


@pytest.mark.parametrize("gap", ["\t", "  ", " "])
def test_a_column_number_row_in_a_text_is_set_aside_at_any_gap(gap: str) -> None:
    """A text whose table lines put one space between cells keeps 甲 乙 丙 in one cell:
    the 栏次 row is still told (before, 1 … 7 were said to have no row)."""

    def write(rows: Rows) -> list[str]:
        lines = [gap.join(row) for row in rows]
        if rows[0][0] == s.TABLE3_IDENTITY_NOTE:
            lines.insert(TABLE3_HEADER_ROWS, gap.join(numbered(7, ("甲", "乙", "丙"))))
        elif rows[0][0] == s.TABLE4_GROUPS[0].label:
            lines.insert(TABLE4_HEADER_ROWS, gap.join(numbered(15, ())))
        return lines

    parsed = parse_bytes(report_text(blank_report(), write).encode("utf-8"), "栏次.txt")
    assert codes(parsed).count("ROW_NUMBERS_IGNORED") == 2
    assert "VALUES_UNASSIGNED" not in codes(parsed)


def test_a_labelled_row_counting_one_to_seven_is_read_as_values() -> None:
    """Only a row of nothing but the column numbers is set aside: a labelled row whose
    cells happen to be 1 … 7 keeps them (its total is then wrong: the checker says so)."""
    text = report_text(blank_report(), pipes)
    received = "一、本年新收政府信息公开申请数量 |  | - | - | - | - | - | - | - |"
    assert received in text
    text = text.replace(received, received.replace("- | " * 6 + "- |", NUMBERS_1_TO_7))
    parsed = parse_bytes(text.encode("utf-8"), "非栏次.txt")
    assert parsed.table3.row("received") == (1, 2, 3, 4, 5, 6, 7)
    assert "ROW_NUMBERS_IGNORED" not in codes(parsed)


NUMBERS_1_TO_7 = " | ".join(str(i) for i in range(1, 8)) + " |"


def table4_values(report: AnnualReport, key: str) -> list[str]:
    counts = report.table4.group(key)
    return [number(getattr(counts, c.key)) for c in s.TABLE4_COLUMNS]


def with_table4(lines: Callable[[AnnualReport], list[str]], report: AnnualReport) -> str:
    """The report as ``pipes`` text, table 四 printed as ``lines`` gives it."""

    def write(rows: Rows) -> list[str]:
        return lines(report) if rows[0][0] == s.TABLE4_GROUPS[0].label else pipes(rows)

    return report_text(report, write)


def table4_with_line_numbers(report: AnnualReport) -> list[str]:
    """Table 四 as three rows, one a group, a 行次 column after the group's name."""
    header = ["类别", "行次", *(c.label for c in s.TABLE4_COLUMNS)]
    rows = [
        [g.label, str(i), *table4_values(report, g.key)] for i, g in enumerate(s.TABLE4_GROUPS, 1)
    ]
    return pipes([header, *rows])


@settings(max_examples=10, deadline=None)
@given(report=consistent_reports())
def test_a_line_number_column_in_table4_is_set_aside(report: AnnualReport) -> None:
    """Table 四 as three group rows with a 行次 column (1, 2, 3) after the names, as
    tables 二 and 三 of the same report may print: each group read without it (before,
    the six numbers a row made the table 18 numbers, all left null)."""
    parsed = parse_bytes(with_table4(table4_with_line_numbers, report).encode(), "行次.txt")
    assert parsed.table4 == report.table4
    assert "ROW_NUMBERS_IGNORED" in codes(parsed)
    assert not {"ROW_TOO_MANY", "VALUES_UNASSIGNED"} & set(codes(parsed))


def litigation_sentence(report: AnnualReport, key: str, total: str | None = None) -> str:
    """A sentence giving a litigation group's five results, as part 四 may."""
    upheld, corrected, other, pending, printed = table4_values(report, key)
    label = s.TABLE4_GROUP_BY_KEY[key].label
    return (
        f"{label}的行政诉讼{printed}件，其中结果维持{upheld}件、结果纠正{corrected}件、"
        f"其他结果{other}件、尚未审结{pending}件，总计{total or printed}件。"
    )


def reconsideration_table(report: AnnualReport) -> list[str]:
    columns = [c.label for c in s.TABLE4_COLUMNS]
    values = table4_values(report, s.TABLE4_GROUP_KEYS[0])
    return pipes([[s.TABLE4_GROUPS[0].label, "", "", "", ""], columns, values])


def litigation_in_sentences(report: AnnualReport) -> list[str]:
    """Table 四 printing 行政复议 only, both litigation groups told in sentences."""
    return [*reconsideration_table(report), *(litigation_sentence(report, k) for k in LITIGATION)]


LITIGATION = s.TABLE4_GROUP_KEYS[1:]


@pytest.mark.parametrize("as_page", [False, True])
@settings(max_examples=10, deadline=None)
@given(report=consistent_reports())
def test_litigation_groups_told_in_sentences_are_read(as_page: bool, report: AnnualReport) -> None:
    """A table 四 of 行政复议 alone, each litigation group told in a sentence naming it
    and its five results: the groups read from the sentences, with an info note
    each (before, both were null, ROW_NOT_FOUND)."""
    text = with_table4(litigation_in_sentences, report)
    data = as_html(text) if as_page else text.encode("utf-8")
    parsed = parse_bytes(data, "诉讼句子.html" if as_page else "诉讼句子.txt")
    assert parsed.table4 == report.table4
    assert codes(parsed).count("TABLE4_ONE_CELL_A_ROW") == len(LITIGATION)
    assert "ROW_NOT_FOUND" not in codes(parsed)


def test_a_sentence_whose_total_is_not_its_results_added_is_not_read() -> None:
    """总计 not the four results added: the group stays null, its ROW_NOT_FOUND saying
    the sentence does not add up; a sentence leaving a result unsaid is not read."""
    report = blank_report()
    direct, after = LITIGATION

    def lines(_: AnnualReport) -> list[str]:
        return [
            *reconsideration_table(report),
            "未经复议直接起诉的行政诉讼3件，其中结果维持1件、结果纠正0件、其他结果1件、"
            "尚未审结0件，总计3件。",
            "复议后起诉的行政诉讼1件，其中结果维持1件，总计1件。",
        ]

    parsed = parse_bytes(with_table4(lines, report).encode("utf-8"), "不相符.txt")
    assert parsed.table4.group(direct).total is None
    assert parsed.table4.group(after).total is None
    missing = [d for d in parsed.diagnostics or () if d["code"] == "ROW_NOT_FOUND"]
    assert len(missing) == len(LITIGATION)
    assert "不等于前四项之和2件" in missing[0]["message"]
    assert "TABLE4_ONE_CELL_A_ROW" not in codes(parsed)
