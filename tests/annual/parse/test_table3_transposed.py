"""Table 三 printed on its side: a line of the 25 row labels, then seven lines each opening
with an applicant column's name (自然人 … 总计) and holding that column's 25 numbers. It is
read by column (number i of a line is row i's) and said (``TABLE3_TRANSPOSED``); checked by
the form's sums, read as printed when a few fail (never repaired), not read at all when
most do; never misplaced."""

from __future__ import annotations

from gongkai.annual import schema as s
from tests.annual.parse.table3_printed import (
    LAST_YEAR,
    TABLE4,
    THIS_YEAR,
    WARNINGS,
    check_sums,
    codes,
    notes_of,
    parse,
    report,
    row,
)

TRANSPOSED = "TABLE3_TRANSPOSED"
LABELS_LINE = " ".join([s.TABLE3_APPLICANT_HEADER, *(r.full_label for r in s.TABLE3_ROWS)])


def _column(table: dict[str, tuple[int, ...]], c: int) -> list[int]:
    return [row(table, r.key)[c] for r in s.TABLE3_ROWS]


def _lines(table: dict[str, tuple[int, ...]], order: range | list[int] = range(7)) -> list[str]:
    """The seven column lines, in ``order`` (indexes of the form's columns)."""
    return [" ".join([s.TABLE3_COLUMNS[c].label, *map(str, _column(table, c))]) for c in order]


def _expected(table: dict[str, tuple[int, ...]]) -> dict[str, tuple[int, ...]]:
    return {r.key: row(table, r.key) for r in s.TABLE3_ROWS}


def test_the_hand_chosen_numbers_hold_the_forms_sums() -> None:
    check_sums(THIS_YEAR)
    check_sums(LAST_YEAR)


def test_a_table_on_its_side_is_read_by_column_and_said() -> None:
    got = parse(report([LABELS_LINE, *_lines(THIS_YEAR)]))
    for key, cells in _expected(THIS_YEAR).items():
        assert got.table3.row(key) == cells, key
    assert got.confidence["table3"] == 1.0
    assert not set(codes(got)) & WARNINGS
    said = notes_of(got, TRANSPOSED)
    assert len(said) == 1 and said[0]["severity"] == "info"
    assert "都相符" in str(said[0]["message"])
    # the tables around it are read as usual, and the table's lines are no section text
    assert got.to_dict()["table4"] == TABLE4
    assert got.to_dict()["table2"]["licensing"] == 133
    assert "自然人" not in got.to_dict()["sections"]["3"]
    assert "本年新收" not in got.to_dict()["sections"]["3"]


def test_columns_printed_in_another_order_are_placed_by_their_names() -> None:
    order = [6, 0, 1, 2, 3, 4, 5]  # 总计 first
    got = parse(report([LABELS_LINE, *_lines(THIS_YEAR, order)]))
    assert got.table3.row("received") == (40, 8, 2, 0, 3, 1, 54)
    assert got.table3.row("handled_total") == (38, 8, 2, 0, 2, 1, 51)
    assert got.confidence["table3"] == 1.0
    (said,) = notes_of(got, TRANSPOSED)
    assert "总计、自然人、商业企业" in str(said["message"])


def test_a_total_printed_wrong_is_read_as_printed_with_less_confidence() -> None:
    lines = _lines(THIS_YEAR)
    # the 总计 line prints 一's total as 55 (the six columns add up to 54)
    total = lines[6].split()
    assert total[1] == "54"
    total[1] = "55"
    lines[6] = " ".join(total)
    got = parse(report([LABELS_LINE, *lines]))
    assert got.table3.row("received") == (40, 8, 2, 0, 3, 1, 55)  # as printed, not repaired
    assert got.table3.row("granted") == (20, 5, 1, 0, 1, 0, 27)
    assert 0 < got.confidence["table3"] < 1.0
    (said,) = notes_of(got, TRANSPOSED)
    assert "不符" in str(said["message"]) and "一、本年新收" in str(said["message"])


def test_numbers_that_add_up_in_no_row_order_are_not_read() -> None:
    # every line's first number moved to its end: seven columns of 25 numbers, named, but
    # the sums that tell the rows apart fail in most columns, so number i is not row i's
    lines = []
    for line in _lines(THIS_YEAR):
        name, first, *numbers = line.split()
        lines.append(" ".join([name, *numbers, first]))
    got = parse(report([LABELS_LINE, *lines]))
    assert all(got.table3.row(r.key) == (None,) * 7 for r in s.TABLE3_ROWS)
    assert TRANSPOSED not in codes(got)
    assert any("合计不符" in str(d["message"]) for d in notes_of(got, "VALUES_UNASSIGNED"))


def test_a_line_one_number_short_is_not_read_on_its_side() -> None:
    lines = _lines(THIS_YEAR)
    lines[3] = " ".join(lines[3].split()[:-1])  # 社会公益组织: 24 numbers
    got = parse(report([LABELS_LINE, *lines]))
    assert all(got.table3.row(r.key) == (None,) * 7 for r in s.TABLE3_ROWS)
    assert TRANSPOSED not in codes(got)
    assert "VALUES_UNASSIGNED" in codes(got)


def test_a_line_not_named_as_a_column_is_not_read_on_its_side() -> None:
    lines = _lines(THIS_YEAR)
    lines[1] = lines[1].replace("商业企业", "企业法人", 1)
    got = parse(report([LABELS_LINE, *lines]))
    assert got.table3.row("received") == (None,) * 7
    assert TRANSPOSED not in codes(got)


def _piped(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def test_a_ruled_table_on_its_side_follows_its_row_labels_order() -> None:
    # a Markdown table, one row label a cell, 予以公开 and 部分公开 printed the other way
    # round, their numbers too: each number goes to the row its label names
    keys = [r.key for r in s.TABLE3_ROWS]
    at, then = keys.index("granted"), keys.index("partially_granted")
    keys[at], keys[then] = keys[then], keys[at]
    labels = [s.TABLE3_ROW_BY_KEY[key].full_label for key in keys]
    lines = [_piped([s.TABLE3_APPLICANT_HEADER, *labels]), _piped(["---"] * 26)]
    for c, column in enumerate(s.TABLE3_COLUMNS):
        lines.append(_piped([column.label, *(str(row(THIS_YEAR, k)[c]) for k in keys)]))
    got = parse(report(lines))
    for key, cells in _expected(THIS_YEAR).items():
        assert got.table3.row(key) == cells, key
    assert got.confidence["table3"] == 1.0
    assert TRANSPOSED in codes(got)
    assert not set(codes(got)) & WARNINGS


def test_a_usual_table3_gives_no_transposed_note() -> None:
    lines = [f"{r.full_label} {' '.join(map(str, row(THIS_YEAR, r.key)))}" for r in s.TABLE3_ROWS]
    got = parse(
        report(["申请人情况 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计", *lines])
    )
    assert got.table3.row("received") == (40, 8, 2, 0, 3, 1, 54)
    assert TRANSPOSED not in codes(got)
