"""Crawled pages shaped otherwise (red team): table 二's header typed otherwise, table 三's
columns printed in another order, the tables in another order on the page."""

from __future__ import annotations

import pytest

from gongkai.annual import schema as s
from gongkai.annual.model import DocumentCounts
from gongkai.annual.parse.flat_tables import read_flat
from gongkai.annual.parse.normalize import normalize_text

from .test_flat_red_team import TABLE4, _table3

TABLE2 = (
    "第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件7398"
    "第二十条第（五）项信息内容本年处理决定数量行政许可156第二十条第（六）项信息内容本年处理决定数量"
    "行政处罚12行政强制0第二十条第（八）项信息内容本年收费金额（单位：万元）行政事业性收费0"
)
ROWS: dict[str, tuple[int | None, ...]] = {k: (0,) * 7 for k in s.TABLE3_ROW_KEYS}
ROWS["received"] = ROWS["granted"] = ROWS["handled_total"] = (8, 3, 1, 0, 2, 0, 14)
HEADER = "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"
END = "五、存在的主要问题及改进情况无。"


@pytest.mark.parametrize("printed", ["现行有效的件数", "现行有效数量", "现行有效件"])
def test_table_two_is_found_with_its_header_typed_otherwise(printed: str) -> None:
    text = TABLE2.replace("现行有效件数", printed) + _table3(ROWS) + TABLE4 + "0" * 15 + END
    flat = read_flat(normalize_text(text))
    assert flat.table2 is not None
    assert flat.table2.normative_documents == DocumentCounts(7, 3, 98)
    assert (flat.table2.licensing, flat.table2.punishment) == (156, 12)


def test_table_two_after_the_others_is_read_but_not_another_years() -> None:
    tables = _table3(ROWS) + TABLE4 + "0" * 15
    flat = read_flat(normalize_text(tables + TABLE2 + END))
    assert flat.table2 is not None and flat.table2.licensing == 156
    assert flat.table3 is not None and flat.table3.row("granted") == ROWS["granted"]
    # this year's table 二 not printed, last year's whole set after: not this year's
    flat = read_flat(normalize_text(tables + "附：2024年度数据" + TABLE2 + tables + END))
    assert flat.table2 is None


def test_table_four_before_table_three_is_read() -> None:
    flat = read_flat(normalize_text(TABLE2 + TABLE4 + "100012000203003" + _table3(ROWS) + END))
    assert flat.table4 is not None
    assert flat.table4.litigation_after_reconsideration.total == 3
    assert flat.table3 is not None and flat.table3.row("granted") == ROWS["granted"]


def _printed_in(order: tuple[int, ...], header: str) -> str:
    """Table 三 with each row's numbers in ``order`` (indexes of the form's columns)."""
    parts = [header]
    for row in s.TABLE3_ROWS:
        values = ROWS[row.key]
        parts.append(row.label + "".join(str(values[i]) for i in order))
    return "".join(parts)


def test_organisations_printed_in_another_order_go_to_their_columns() -> None:
    header = HEADER.replace("商业企业科研机构", "科研机构商业企业")
    flat = read_flat(normalize_text(_printed_in((0, 2, 1, 3, 4, 5, 6), header)))
    assert flat.table3 is not None
    assert dict(flat.table3.rows) == ROWS
    notes = [n for n in flat.diagnostics if n["code"] == "COLUMNS_REORDERED"]
    assert len(notes) == 1 and "科研机构、商业企业" in str(notes[0]["message"])


def test_the_national_header_one_row_or_two_is_not_reordered() -> None:
    one_row = "申请人情况自然人商业企业科研机构社会公益组织法律服务机构其他总计"
    spaced = (
        "申请人情况 自然人 法人或其它组织 总计 商业 企业 科研机构 社会公益 组织 法律服务机构 其它"
    )
    for header in (HEADER, one_row, spaced):
        flat = read_flat(normalize_text(_printed_in(tuple(range(7)), header)))
        assert flat.table3 is not None and dict(flat.table3.rows) == ROWS
        assert not [n for n in flat.diagnostics if n["code"] == "COLUMNS_REORDERED"]


TOTAL_FIRST = "申请人情况总计自然人法人或其他组织商业企业科研机构社会公益组织法律服务机构其他"


def test_total_printed_first_is_read_into_its_columns_and_said() -> None:
    """总计 first: each number goes to the column the header prints it under, and the
    report says the columns were printed in another order (it was every row null)."""
    flat = read_flat(normalize_text(_printed_in((6, 0, 1, 2, 3, 4, 5), TOTAL_FIRST) + TABLE4 + END))
    assert flat.table3 is not None
    assert flat.table3.row("received") == (8, 3, 1, 0, 2, 0, 14)
    assert not [n for n in flat.diagnostics if n["code"] == "UNDECODED_RUN"]
    notes = [n for n in flat.diagnostics if n["code"] == "COLUMNS_REORDERED"]
    assert len(notes) == 1 and "总计、自然人" in str(notes[0]["message"])


def test_total_printed_first_is_read_when_the_decoder_takes_its_place() -> None:
    flat = read_flat(normalize_text(_printed_in((6, 0, 1, 2, 3, 4, 5), TOTAL_FIRST) + TABLE4 + END))
    assert flat.table3 is not None
    assert dict(flat.table3.rows) == ROWS
    assert flat.confidence["table3"] == 1.0


@pytest.mark.parametrize(
    ("header", "order"),
    [
        (  # 自然人 after the organisations, 总计 last
            "申请人情况法人或其他组织自然人总计商业企业科研机构社会公益组织法律服务机构其他",
            (1, 2, 3, 4, 5, 0, 6),
        ),
        (  # 总计 first, 自然人 last
            "申请人情况总计法人或其他组织自然人商业企业科研机构社会公益组织法律服务机构其他",
            (6, 1, 2, 3, 4, 5, 0),
        ),
        (  # 自然人 first, 总计 second, the organisations after it
            "申请人情况自然人总计法人或其他组织商业企业科研机构社会公益组织法律服务机构其他",
            (0, 6, 1, 2, 3, 4, 5),
        ),
    ],
)
def test_natural_persons_and_total_printed_anywhere_are_read(
    header: str, order: tuple[int, ...]
) -> None:
    flat = read_flat(normalize_text(_printed_in(order, header) + TABLE4 + END))
    assert flat.table3 is not None
    assert dict(flat.table3.rows) == ROWS
    assert [n["code"] for n in flat.diagnostics if n.get("table") == "table3"] == [
        "COLUMNS_REORDERED"
    ]


def test_a_unit_in_brackets_after_a_table_two_label_is_no_cell() -> None:
    """``行政许可（件）156``, ``行政事业性收费（万元）12.5``: the run after the unit (it was
    left blank, with no note)."""
    text = (
        TABLE2.replace("行政许可", "行政许可（件）")
        .replace("行政处罚", "行政处罚(件)")
        .replace("行政事业性收费0", "行政事业性收费（单位：万元）12.5")
    )
    flat = read_flat(normalize_text(text + _table3(ROWS) + TABLE4 + "0" * 15 + END))
    assert flat.table2 is not None
    assert (flat.table2.licensing, flat.table2.punishment) == (156, 12)
    assert str(flat.table2.fees) == "12.5"


def test_parts_printed_out_of_order_are_each_found() -> None:
    """Parts 三 and 四 (with their tables) printed before part 二: each part's heading is
    found, none said missing, each part's text its own."""
    from gongkai.annual.parse.flat_tables import flat_sections

    text = (
        "一、总体情况本局依法公开。三、收到和处理政府信息公开申请情况共收到申请。"
        "四、政府信息公开行政复议、行政诉讼情况无。二、主动公开政府信息情况详见下表。"
        "五、存在的主要问题及改进情况解读形式单一。六、其他需要报告的事项无。"
    )
    found = flat_sections(text)
    assert list(found) == ["1", "2", "3", "4", "5", "6"]  # (the form's order, as printed or not)
    assert found == {
        "1": "本局依法公开。",
        "3": "共收到申请。",
        "4": "无。",
        "2": "详见下表。",
        "5": "解读形式单一。",
        "6": "无。",
    }


@pytest.mark.parametrize("page", ["\n- 2 -\n", "—2—", "\n/\n"])
def test_a_page_number_after_table_four_is_no_cell(page: str) -> None:
    """``- 2 -`` (or a lone ``/``) printed after table 四's whole run: not read as blank
    cells and a 16th number (the table was left null)."""
    text = TABLE2 + _table3(ROWS) + TABLE4 + "100012000203003" + page + END
    flat = read_flat(normalize_text(text))
    assert flat.table4 is not None
    assert flat.table4.litigation_after_reconsideration.total == 3
    assert flat.table4.reconsideration.upheld == 1
    assert not [n for n in flat.diagnostics if n["code"] == "UNDECODED_RUN"]


def test_a_page_number_after_a_group_printed_a_row_of_its_own() -> None:
    words = "结果维持结果纠正其他结果尚未审结总计"
    printed = f"行政复议{words}10001行政诉讼未经复议直接起诉{words}20002复议后起诉{words}03003- 3 -"
    flat = read_flat(normalize_text(TABLE2 + _table3(ROWS) + printed + END))
    assert flat.table4 is not None
    assert flat.table4.litigation_after_reconsideration.corrected == 3
    assert flat.table4.litigation_direct.total == 2


def test_a_second_table_three_with_other_numbers_is_said() -> None:
    """Last year's tables appended after this year's: this year's (the first) are read and
    the second table 三 is said; a page printing the same report twice says nothing."""
    other = dict(ROWS)
    other["received"] = other["granted"] = other["handled_total"] = (5, 1, 0, 0, 0, 0, 6)
    first = TABLE2 + _table3(ROWS) + TABLE4 + "0" * 15
    for second, said in ((TABLE2 + _table3(other) + TABLE4 + "0" * 15, True), (first, False)):
        flat = read_flat(normalize_text(first + "附：上一年度数据" + second + END))
        assert flat.table3 is not None and flat.table3.row("granted") == ROWS["granted"]
        notes = [n for n in flat.diagnostics if n["code"] == "ROW_DUPLICATE"]
        assert len(notes) == said
