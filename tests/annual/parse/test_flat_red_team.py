"""Crawled shapes found by a red team on the flat reading (issue 13, shapes 1 and 5): a 序号
column, rows that print nothing for blank cells, table 四 a row per group with a group
printed blank. The fixtures in ``tests/fixtures/flat`` and ``tests/fixtures/ambiguous``
show each in a whole report; these tests pin the rules."""

from __future__ import annotations

from gongkai.annual import schema as s
from gongkai.annual.model import AppealCounts
from gongkai.annual.parse import digit_runs as d
from gongkai.annual.parse.flat_tables import _by_group, _row_numbers, read_flat
from gongkai.annual.parse.normalize import normalize_text

HEADER = "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"
TABLE4 = (
    "四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计"
    "未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计"
)


def _table3(values: dict[str, tuple[int | None, ...]], row: str = "{label}{cells}") -> str:
    parts = [HEADER]
    for i, r in enumerate(s.TABLE3_ROWS):
        cells = "".join("" if v is None else str(v) for v in values.get(r.key, (0,) * 7))
        parts.append(row.format(label=r.label, cells=cells, number=i + 1, next=i + 2))
    return "".join(parts)


def _values() -> dict[str, tuple[int | None, ...]]:
    rows: dict[str, tuple[int | None, ...]] = {k: (0,) * 7 for k in s.TABLE3_ROW_KEYS}
    rows["received"] = rows["handled_total"] = (36, 1, 2, 0, 0, 0, 39)
    rows["granted"] = (30, 1, 2, 0, 0, 0, 33)
    rows["withheld.third_party_rights"] = (6, 0, 0, 0, 0, 0, 6)
    return rows


def test_a_serial_number_after_each_label_is_not_read_as_a_cell() -> None:
    """``一、本年新收…数量1361200039``: the row's own number (a 行次 column) leads its run."""
    rows = _values()
    flat = read_flat(normalize_text(_table3(rows, "{label}{number}{cells}")))
    assert flat.table3 is not None
    assert dict(flat.table3.rows) == rows
    assert [x["code"] for x in flat.diagnostics] == ["ROW_NUMBERS_IGNORED"]
    assert "行标签后" in str(flat.diagnostics[0]["message"])


def test_a_serial_number_before_each_label_is_not_read_into_the_row_above() -> None:
    """``1一、本年新收…数量3612000392二、上年结转…``: the next row's number ends each run."""
    rows = _values()
    flat = read_flat(normalize_text(_table3(rows, "{number}{label}{cells}")))
    assert flat.table3 is not None
    assert dict(flat.table3.rows) == rows
    assert [x["code"] for x in flat.diagnostics] == ["ROW_NUMBERS_IGNORED"]


def test_serial_numbers_are_found_only_where_they_grow_row_by_row() -> None:
    assert _row_numbers(["1361200039", "23000003", "30000000"], lead=True) == ("1", "2", "3")
    # a group heading between rows takes a number of its own
    assert _row_numbers(["10000000", "20000000", "40000000", "110000000"], True) is None
    assert _row_numbers(["10000000", "20000000", "40000000", "60000000"], True) == (
        "1",
        "2",
        "4",
        "6",
    )
    # zeros lead ordinary runs: no 序号 column
    assert _row_numbers(["361200039", "0000000", "1000001"], lead=True) is None
    # item numbers without a mark start again in every group: not a 序号 column
    assert _row_numbers(["00000002", "00000003", "00000001", "00000002"], lead=False) is None


def test_a_table_without_a_serial_column_whose_runs_could_hold_one_is_left_alone() -> None:
    """Runs that begin 1, 2, 3 … and add up as printed: stripping a leading figure would
    break them, so there is no 序号 column."""
    rows = {k: (i + 1, 0, 0, 0, 0, 0, i + 1) for i, k in enumerate(s.TABLE3_ROW_KEYS)}
    flat = read_flat(normalize_text(_table3(rows)))
    assert flat.table3 is not None
    assert flat.table3.row("granted") == (3, 0, 0, 0, 0, 0, 3)
    assert "ROW_NUMBERS_IGNORED" not in [x["code"] for x in flat.diagnostics]


def test_rows_with_nothing_to_report_may_print_nothing() -> None:
    """Most outcome rows print no digit at all: the table is still read, those rows null
    (never 0), the others' blank cells null too, placed by the identities."""
    rows: dict[str, tuple[int | None, ...]] = {
        k: (None,) * 7 for k in s.TABLE3_ROW_KEYS if s.TABLE3_ROW_BY_KEY[k].is_outcome
    }
    rows["received"] = (20, 3, 0, 1, 0, 0, 24)
    rows["carried_over"] = (2, 0, 0, 0, 0, 0, 2)
    rows["handled_total"] = (21, 3, 0, 1, 0, 0, 25)
    rows["carried_forward"] = (1, 0, 0, 0, 0, 0, 1)
    rows["granted"] = (9, 3, None, None, None, None, 12)
    rows["partially_granted"] = (3, None, None, 1, None, None, 4)
    rows["unavailable.not_held"] = (9, None, None, None, None, None, 9)
    flat = read_flat(normalize_text(_table3(rows)))
    assert flat.table3 is not None
    assert dict(flat.table3.rows) == rows
    assert flat.confidence["table3"] == 1.0


def test_blank_cells_whose_column_the_identities_cannot_tell_stay_null_and_say_so() -> None:
    """Two rows each print one 1 for an organisation, and the totals hold a 1 in two
    organisation columns: which row's 1 is in which column is unknown."""
    rows: dict[str, tuple[int | None, ...]] = {
        k: (None,) * 7 for k in s.TABLE3_ROW_KEYS if s.TABLE3_ROW_BY_KEY[k].is_outcome
    }
    rows["received"] = (11, 3, 0, 1, 0, 0, 15)
    rows["carried_over"] = rows["carried_forward"] = (0,) * 7
    rows["handled_total"] = (11, 3, 0, 1, 0, 0, 15)
    rows["granted"] = (8, 2, None, None, None, None, 10)
    rows["partially_granted"] = (2, None, None, 1, None, None, 3)
    rows["unavailable.not_held"] = (1, 1, None, None, None, None, 2)
    flat = read_flat(normalize_text(_table3(rows)))
    assert flat.table3 is not None
    assert flat.table3.row("granted") == (8, 2, None, None, None, None, 10)
    assert flat.table3.row("partially_granted") == (2, None, None, None, None, None, 3)
    assert flat.table3.row("unavailable.not_held") == (1, None, None, None, None, None, 2)
    assert flat.confidence["table3"] < 1.0
    unsure = {x.get("row") for x in flat.diagnostics if x["code"] == "AMBIGUOUS_RUN"}
    assert unsure == {"table3.partially_granted", "table3.unavailable.not_held"}


def test_every_combination_is_counted_so_a_unique_one_is_said_to_be_unique() -> None:
    """Rows printing a lone 1 could each hold it in any column; only one combination fits
    the totals. Counting the combinations in full (none dropped past a few per column sum)
    tells that it is the only one."""
    runs = {k: "" for k in s.TABLE3_ROW_KEYS}
    runs.update(
        received="203010024",
        carried_over="2000002",
        granted="9312",
        partially_granted="314",
        **{"withheld.third_party_rights": "11", "not_processed.repeated": "22"},
        **{"unavailable.not_held": "55", "other.no_correction": "11"},
        handled_total="213010025",
        carried_forward="1000001",
    )
    result = d.decode_table3(runs)
    assert all(decoded.unique for decoded in result.rows.values())
    assert result.rows["partially_granted"].cells == (3, None, None, 1, None, None, 4)
    assert result.rows["withheld.third_party_rights"].cells == (1, *(None,) * 5, 1)


def test_table_four_a_row_per_group_with_a_group_printed_blank() -> None:
    words = "结果维持结果纠正其他结果尚未审结总计"
    groups = (
        f"行政复议{words}31015行政诉讼未经复议直接起诉{words}复议后起诉{words}10001",
        f"行政复议{words}31015行政诉讼未经复议直接起诉{words}00000复议后起诉{words}",
    )
    expected = (
        (AppealCounts(3, 1, 0, 1, 5), AppealCounts(), AppealCounts(1, 0, 0, 0, 1)),
        (AppealCounts(3, 1, 0, 1, 5), AppealCounts(0, 0, 0, 0, 0), AppealCounts()),
    )
    for printed, (first, second, third) in zip(groups, expected, strict=True):
        text = _table3(_values()) + "四、政府信息公开行政复议、行政诉讼情况" + printed
        flat = read_flat(normalize_text(text + "五、存在的主要问题及改进情况"))
        assert flat.table4 is not None
        assert flat.table4.reconsideration == first
        assert flat.table4.litigation_direct == second
        assert flat.table4.litigation_after_reconsideration == third
        assert flat.confidence["table4"] == 1.0


def test_the_national_header_does_not_tell_groups_apart() -> None:
    """One header naming all three groups, one run: which group a short run is in is for
    the decoder (all null here, said), not taken from the header."""
    words = "结果维持结果纠正其他结果尚未审结总计"
    national = f"行政复议行政诉讼{words}未经复议直接起诉复议后起诉{words}{words}"
    assert _by_group([(national, "10012")]) is None
    assert _by_group([(f"行政复议{words}", "21003"), (f"未经复议直接起诉{words}", "0")]) is None
    flat = read_flat(normalize_text(_table3(_values()) + TABLE4 + "10012五、存在的主要问题"))
    assert flat.table4 is not None
    assert flat.table4.reconsideration == AppealCounts()
    assert flat.confidence["table4"] == 0.5
