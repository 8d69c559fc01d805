"""Table 三 headers in other words than the form's: levels joined by dots (docling, pandas),
short column names (企业, 公益组织, 合计), 总计 printed first, or no 总计 column at all.
Each column is read by the name its header gives it (``COLUMNS_REORDERED``); a header
printing 总计 before names it does not fully give is never read by position (the table is
left blank and said); a table without its 总计 column keeps 总计 blank, never summed."""

from __future__ import annotations

import pytest

from gongkai.annual import schema as s
from gongkai.annual.model import AnnualReport
from tests.annual.parse.table3_printed import (
    THIS_YEAR,
    WARNINGS,
    check_sums,
    codes,
    notes_of,
    parse,
    report,
    row,
)

NATIONAL = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
ORGANISATIONS = {"商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"}


def _markdown(header: list[str], printed: list[int]) -> str:
    """Table 三 as Markdown with one header row: ``header`` over the numbers, each row's
    cells taken in ``printed`` order of the national columns (0 自然人 … 6 总计)."""
    lines = ["| 项目 | " + " | ".join(header) + " |", "|" + " --- |" * (len(header) + 1)]
    for r in s.TABLE3_ROWS:
        cells = row(THIS_YEAR, r.key)
        lines.append(f"| {r.full_label} | " + " | ".join(str(cells[i]) for i in printed) + " |")
    return "\n".join(lines)


def _read(header: list[str], printed: list[int]) -> AnnualReport:
    return parse(report([_markdown(header, printed)]))


def _reads_every_row(got: AnnualReport) -> None:
    for r in s.TABLE3_ROWS:
        assert got.table3.row(r.key) == row(THIS_YEAR, r.key), r.key
    assert not set(codes(got)) & WARNINGS


def test_the_hand_chosen_numbers_hold_the_forms_sums() -> None:
    check_sums(THIS_YEAR)


TOTAL_FIRST_OTHER_BEFORE_LEGAL = [6, 0, 1, 2, 3, 5, 4]


def _dotted(name: str, separator: str) -> str:
    levels = ["申请人情况"]
    if name in ORGANISATIONS:
        levels.append("法人或其他组织")
    return separator.join([*levels, name])


@pytest.mark.parametrize("separator", [".", "/", "_"])
def test_header_levels_joined_name_each_column_by_the_last_level(separator: str) -> None:
    header = [_dotted(NATIONAL[i], separator) for i in TOTAL_FIRST_OTHER_BEFORE_LEGAL]
    got = _read(header, TOTAL_FIRST_OTHER_BEFORE_LEGAL)
    _reads_every_row(got)
    assert got.confidence["table3"] == 1.0
    (said,) = notes_of(got, "COLUMNS_REORDERED")
    assert "总计、自然人、商业企业、科研机构、社会公益组织、其他、法律服务机构" in str(
        said["message"]
    )


def test_header_levels_joined_in_the_national_order_say_nothing() -> None:
    header = [_dotted(name, ".") for name in NATIONAL]
    got = _read(header, list(range(7)))
    _reads_every_row(got)
    assert "COLUMNS_REORDERED" not in codes(got)


SHORT = {"总计": "合计", "商业企业": "企业", "社会公益组织": "公益组织", "法律服务机构": "法律服务"}


def test_short_column_names_with_heji_first_are_read_by_their_names() -> None:
    header = [SHORT.get(NATIONAL[i], NATIONAL[i]) for i in TOTAL_FIRST_OTHER_BEFORE_LEGAL]
    got = _read(header, TOTAL_FIRST_OTHER_BEFORE_LEGAL)
    _reads_every_row(got)
    (said,) = notes_of(got, "COLUMNS_REORDERED")
    assert said["severity"] == "info"


def test_keyan_short_name_is_the_research_column() -> None:
    header = ["合计", "自然人", "企业", "科研", "公益组织", "法律服务机构", "其他"]
    order = [6, 0, 1, 2, 3, 4, 5]
    _reads_every_row(_read(header, order))


def test_total_first_under_a_header_with_an_ambiguous_name_is_left_blank_and_said() -> None:
    # 机构 could be 科研机构 or 法律服务机构: the columns' order is not known
    header = ["合计", "自然人", "企业", "机构", "公益组织", "法律服务机构", "其他"]
    got = _read(header, [6, 0, 1, 2, 3, 4, 5])
    for r in s.TABLE3_ROWS:
        assert got.table3.row(r.key) == (None,) * 7, r.key
    assert got.confidence["table3"] == 0.0
    (said,) = notes_of(got, "COLUMNS_REORDERED")
    assert said["severity"] == "warning"
    assert "留空" in str(said["message"]) and "科研机构" in str(said["message"])
    assert "TABLE_NOT_FOUND" not in codes(got)


def test_an_ambiguous_name_under_a_header_ending_in_total_is_not_reordered() -> None:
    # a national-order header whose 机构 names no one column: read as the form prints it
    header = ["自然人", "企业", "机构", "公益组织", "机构", "其他", "总计"]
    got = _read(header, list(range(7)))
    _reads_every_row(got)
    assert "COLUMNS_REORDERED" not in codes(got)


def _six(printed: list[int]) -> str:
    """Table 三 printed without its 总计: the two-row header names 自然人 and the five
    organisation columns (in ``printed`` order), six numbers a row."""
    inner = [NATIONAL[i] for i in printed if i != 0]
    lines = [
        f"| {s.TABLE3_IDENTITY_NOTE} | 申请人情况 |" + " |" * 5,
        "|" + " --- |" * 7,
        "|  | 自然人 | 法人或其他组织 |" + " |" * 4,
        "|  |  | " + " | ".join(inner) + " |",
    ]
    for r in s.TABLE3_ROWS:
        cells = row(THIS_YEAR, r.key)
        lines.append(f"| {r.full_label} | " + " | ".join(str(cells[i]) for i in printed) + " |")
    return "\n".join(lines)


def test_a_table_printed_without_its_total_column_keeps_total_blank_and_says_so() -> None:
    got = parse(report([_six([0, 1, 2, 3, 4, 5])]))
    for r in s.TABLE3_ROWS:
        assert got.table3.row(r.key) == (*THIS_YEAR[r.key], None), r.key
    assert not set(codes(got)) & WARNINGS
    said = [d for d in notes_of(got, "CELL_BLANK") if "总计" in str(d["message"])]
    assert len(said) == 1 and "没有印“总计”一列" in str(said[0]["message"])


def test_a_table_without_its_total_column_in_another_order_is_read_by_its_header() -> None:
    got = parse(report([_six([0, 1, 2, 3, 5, 4])]))
    for r in s.TABLE3_ROWS:
        assert got.table3.row(r.key) == (*THIS_YEAR[r.key], None), r.key
    (said,) = notes_of(got, "COLUMNS_REORDERED")
    assert "社会公益组织、其他、法律服务机构”" in str(said["message"])
