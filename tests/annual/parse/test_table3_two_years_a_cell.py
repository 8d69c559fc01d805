"""Table 三 printed with each cell as two years' numbers (a header line naming the two years
in turn under the seven columns, ``2023年 2022年`` seven times, and fourteen numbers a
row): the later year's cells are read, the other year's left out and said
(``LAST_YEAR_LEFT_OUT``); a row that does not hold fourteen numbers leaves every row as
it was (blank and said), never read as last year's. And a row label with its numbers on a
line too long to have been split into cells is read."""

from __future__ import annotations

from gongkai.annual import schema as s
from tests.annual.parse.table3_printed import (
    LAST_YEAR,
    THIS_YEAR,
    WARNINGS,
    check_sums,
    codes,
    notes_of,
    parse,
    report,
    row,
)

LEFT_OUT = "LAST_YEAR_LEFT_OUT"
HEADER = [
    f"{s.TABLE3_IDENTITY_NOTE} {s.TABLE3_APPLICANT_HEADER}",
    "自然人 法人或其他组织 总计",
    "商业企业 科研机构 社会公益组织 法律服务机构 其他",
]


def _pairs(first: dict[str, tuple[int, ...]], second: dict[str, tuple[int, ...]], key: str) -> str:
    a, b = row(first, key), row(second, key)
    return " ".join(f"{x} {y}" for x, y in zip(a, b, strict=True))


def _table(years: str = "2023年 2022年", *, later_first: bool = True) -> list[str]:
    """Table 三 with each cell this year's then last year's (``later_first``) or the other
    way round, under a header line printing ``years`` seven times."""
    first, second = (THIS_YEAR, LAST_YEAR) if later_first else (LAST_YEAR, THIS_YEAR)
    rows = [f"{r.full_label} {_pairs(first, second, r.key)}" for r in s.TABLE3_ROWS]
    return [*HEADER, " ".join([years] * 7), *rows]


def test_the_hand_chosen_numbers_hold_the_forms_sums() -> None:
    check_sums(THIS_YEAR)
    check_sums(LAST_YEAR)


def test_this_years_cells_are_read_and_last_years_said_left_out() -> None:
    got = parse(report(_table()))
    for r in s.TABLE3_ROWS:
        assert got.table3.row(r.key) == row(THIS_YEAR, r.key), r.key
    assert got.confidence["table3"] == 1.0
    assert not set(codes(got)) & WARNINGS
    (said,) = notes_of(got, LEFT_OUT)
    assert said["severity"] == "info"
    assert "2022年" in str(said["message"]) and "只读取较晚的2023年" in str(said["message"])
    assert said["columns"] == [f"{c.label}（2022年）" for c in s.TABLE3_COLUMNS]
    assert "2022年" not in got.to_dict()["sections"]["3"]


def test_last_year_printed_first_in_each_cell_is_left_out_too() -> None:
    got = parse(report(_table("2022年 2023年", later_first=False)))
    for r in s.TABLE3_ROWS:
        assert got.table3.row(r.key) == row(THIS_YEAR, r.key), r.key
    assert len(notes_of(got, LEFT_OUT)) == 1


def test_totals_printed_wrong_are_read_as_printed() -> None:
    table = _table()
    at = 3 + 1 + [r.key for r in s.TABLE3_ROWS].index("granted")
    assert table[at].split()[-2:] == ["27", "21"]  # （一）予以公开's 总计 this year and last
    table[at] = table[at][: -len("27 21")] + "28 21"
    got = parse(report(table))
    assert got.table3.row("granted") == (20, 5, 1, 0, 1, 0, 28)  # not repaired to 27
    assert got.table3.row("received") == row(THIS_YEAR, "received")


def test_a_row_short_of_a_number_leaves_the_table_as_it_was_never_last_years() -> None:
    table = _table()
    table[4] = table[4].rsplit(" ", 1)[0]  # 一、本年新收: 13 numbers
    got = parse(report(table))
    assert LEFT_OUT not in codes(got)
    for r in s.TABLE3_ROWS:
        assert got.table3.row(r.key) in (row(THIS_YEAR, r.key), (None,) * 7), r.key
    assert got.table3.row("received") == (None,) * 7
    assert "ROW_TOO_MANY" in codes(got)


def test_years_not_printed_in_turn_are_no_header_of_two_years_a_cell() -> None:
    # seven times 2023年 then seven times 2022年: which number is whose, the rows do not say
    table = _table()
    table[3] = " ".join(["2023年"] * 7 + ["2022年"] * 7)
    got = parse(report(table))
    assert LEFT_OUT not in codes(got)
    assert got.table3.row("received") == (None,) * 7


def test_years_that_are_not_consecutive_are_no_header_of_two_years_a_cell() -> None:
    got = parse(report(_table("2023年 2021年")))
    assert LEFT_OUT not in codes(got)
    assert got.table3.row("received") == (None,) * 7


def test_a_long_label_with_large_numbers_on_one_line_is_read() -> None:
    # the line is longer than a plain-text line is split at: label and numbers are told
    # apart all the same
    label = s.TABLE3_ROW_BY_KEY["other.no_correction"].full_label
    numbers = (120, 135, 14, 10, 19, 12, 310)
    line = f"{label} {' '.join(map(str, numbers))}"
    assert len(line) > 60
    lines = [
        f"{r.full_label} {' '.join(map(str, row(THIS_YEAR, r.key)))}"
        if r.key != "other.no_correction"
        else line
        for r in s.TABLE3_ROWS
    ]
    got = parse(
        report(["申请人情况 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计", *lines])
    )
    assert got.table3.row("other.no_correction") == numbers
    assert got.table3.row("received") == row(THIS_YEAR, "received")
    assert "ROW_TOO_FEW" not in codes(got)


def test_a_long_line_of_narrative_ending_in_numbers_is_no_row() -> None:
    line = "（六）其他处理中，申请人无正当理由逾期不补正的申请，行政机关不再处理，编号为 3 4"
    lines = [f"{r.full_label} {' '.join(map(str, row(THIS_YEAR, r.key)))}" for r in s.TABLE3_ROWS]
    got = parse(
        report(
            [
                "申请人情况 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计",
                *lines,
                line,
            ]
        )
    )
    assert got.table3.row("other.no_correction") == row(THIS_YEAR, "other.no_correction")
