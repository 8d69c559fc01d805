"""A 总计 cell left blank while its parts are printed (issue 13: "an empty 总计 cell in one
row"). A blank prints nothing, so the run is one number short; where the page prints its
numbers one by one (spaces between them, or one digit each), each printed number is a
cell and the total is blank. Nothing checks that total, so such a reading is never sure
alone; table 三's column identities can still confirm the row's six applicant cells. A
split that cuts a printed number to fill the missing cell is never taken silently."""

from __future__ import annotations

import random

import pytest

from gongkai.annual import schema as s
from gongkai.annual.parse import digit_runs as d

GROUP = len(s.TABLE4_COLUMNS)


def _spaced(cells: list[int | None]) -> str:
    return " ".join(str(v) for v in cells if v is not None)


def test_one_per_cell_takes_printed_numbers_or_single_digits_only() -> None:
    assert d.one_per_cell("7 0 14 0 0 5", 6) == (7, 0, 14, 0, 0, 5)
    assert d.one_per_cell("701005", 6) == (7, 0, 1, 0, 0, 5)
    assert d.one_per_cell("1000001", 6) is None  # a split would have to join two digits
    assert d.one_per_cell("7 0 14 005", 6) is None  # 「005」 is no number
    assert d.one_per_cell("7 0 14 0 0 5 26", 6) is None


def test_table_four_one_number_short_cut_to_add_up_is_said_with_the_blank_total() -> None:
    """「1 0 0 12 …」: cutting the printed 12 into 1 and 2 makes the first group add up
    (1+0+0+1 = 2); reading each printed number as a cell leaves the group's total blank.
    The cut reading is kept (it adds up) but never as sure: the other is an alternative."""
    found = d.decode_table4("1 0 0 12 0 0 0 0 0 3 0 0 0 3")
    assert found.cells == (1, 0, 0, 1, 2, 0, 0, 0, 0, 0, 3, 0, 0, 0, 3)
    assert not found.unique
    assert (1, 0, 0, 12, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 3) in found.alternatives
    assert found.reason == d.SPLIT_OR_BLANK_GROUP_TOTAL_REASON


def test_table_four_whose_groups_add_up_only_with_one_total_blank_is_read_so() -> None:
    """2 1 0 0 3 / 0 0 0 0 0 / 5 0 0 2 (blank): the third group prints its parts only.
    It used to be left null in every cell (fourteen digits for fifteen cells)."""
    found = d.decode_table4("2 1 0 0 3 0 0 0 0 0 5 0 0 2")
    assert found.cells == (2, 1, 0, 0, 3, 0, 0, 0, 0, 0, 5, 0, 0, 2, None)
    assert not found.unique and found.reason == d.BLANK_TOTAL_REASON
    same = d.decode_table4("21003000005002")  # one digit each: as printed one by one
    assert same.cells == found.cells and not same.unique


def test_table_four_whose_blank_total_could_be_in_either_of_two_groups_keeps_the_rest() -> None:
    """0 0 0 0 0 / 0 0 0 2 2 / 0 0 0 2 (blank) also reads 0 0 0 2 (blank) / 2 0 0 0 2:
    the cells both readings agree on are kept, the others null, and it says so."""
    found = d.decode_table4("00000000220002")
    assert found.cells[:8] == (0,) * 8 and found.cells[8] == 2
    assert found.cells[9] is None and found.cells[14] is None
    assert not found.unique and found.reason == d.BLANK_TOTAL_REASON


def test_a_table_four_run_joined_without_spaces_is_not_given_a_blank_total() -> None:
    """Fifteen digits joined: every cell printed and every total adds up; a blank total
    would need fourteen numbers printed one by one, which a joined run does not show."""
    found = d.decode_table4("100120000030003")
    assert found.unique and found.cells == (1, 0, 0, 1, 2, 0, 0, 0, 0, 0, 3, 0, 0, 0, 3)


def test_table_four_with_its_total_first_and_that_total_blank() -> None:
    """A table printing each group's 总计 first: the blank total is the group's first cell."""
    found = d.decode_table4("5 2 0 1 0 0 0 0 0 4 1 3 0 0", total=0)
    assert found.cells == (None, 5, 2, 0, 1, 0, 0, 0, 0, 0, 4, 1, 3, 0, 0)
    assert not found.unique


@pytest.mark.parametrize("seed", range(3))
def test_a_blank_table_four_total_is_never_read_as_a_number_silently(seed: int) -> None:
    """Random groups, one total left blank, printed one by one: the blank total is null,
    or the decoder says it is unsure."""
    rng = random.Random(seed)
    values = (0, 0, 0, 1, 2, 3, 7, 12, 40)
    for _ in range(300):
        cells: list[int | None] = []
        for _ in range(3):
            parts = [rng.choice(values) for _ in range(GROUP - 1)]
            cells += [*parts, sum(parts)]
        blank = rng.randrange(3) * GROUP + GROUP - 1
        if not cells[blank]:
            continue
        cells[blank] = None
        found = d.decode_table4(_spaced(cells))
        assert not found.unique or found.cells == tuple(cells), _spaced(cells)
        assert found.cells[blank] is None or not found.unique


def _table3() -> dict[str, list[int | None]]:
    """A consistent table 三 in which several rows print numbers of two digits."""
    rows: dict[str, list[int | None]] = {r.key: [0] * 7 for r in s.TABLE3_ROWS}
    rows["granted"] = [7, 0, 14, 0, 0, 5, 26]
    rows["unavailable.not_held"] = [12, 1, 0, 0, 0, 0, 13]
    rows["handled_total"] = [19, 1, 14, 0, 0, 5, 39]
    rows["received"] = [17, 1, 14, 0, 0, 5, 37]
    rows["carried_over"] = [2, 0, 0, 0, 0, 0, 2]
    return rows


def test_table_three_row_with_its_total_blank_is_confirmed_by_the_columns() -> None:
    """（一）予以公开 prints 「7 0 14 0 0 5」 and no 总计: the column identities confirm the six
    applicant cells; the 总计 stays blank (null), for the checker to report."""
    rows = _table3()
    rows["granted"][6] = None
    result = d.decode_table3({k: _spaced(v) for k, v in rows.items()})
    assert result.rows["granted"].cells == (7, 0, 14, 0, 0, 5, None)
    for key, cells in rows.items():
        assert result.rows[key].cells == tuple(cells), key


def test_a_table_three_row_printed_whole_is_not_read_with_a_blank_total() -> None:
    """「1000001」 could be forced into six numbers (10, 0, 0, 0, 0, 1) but prints no
    number apart from another: no blank-total reading, and the row stays sure."""
    assert d._with_total_blank("1000001", d.FORM_COLUMNS) is None
    rows = {k: "".join(str(v) for v in c) for k, c in _table3().items()}
    result = d.decode_table3(rows)
    assert not result.ambiguous
    assert result.rows["granted"].unique


@pytest.mark.parametrize("seed", range(3))
def test_a_blank_table_three_total_is_never_read_as_a_number_silently(seed: int) -> None:
    """Every row of a consistent table in turn with its 总计 blank, printed spaced: the
    row's cells come back as printed, or the row says it is unsure; a blank 总计 is never
    a sure number."""
    rng = random.Random(seed)
    base = _table3()
    keys = [k for k, v in base.items() if v[6]]
    for key in rng.sample(keys, len(keys)):
        rows = {k: list(v) for k, v in base.items()}
        rows[key][6] = None
        result = d.decode_table3({k: _spaced(v) for k, v in rows.items()})
        got = result.rows[key]
        assert got.cells == tuple(rows[key]) or not got.unique, key
        assert got.cells[6] is None or not got.unique, key
