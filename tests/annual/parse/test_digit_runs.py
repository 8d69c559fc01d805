"""Digit runs decoded by the form's arithmetic: the examples of issue 13 and properties
over any consistent table flattened to runs (with and without random spaces)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.annual import schema as s
from gongkai.annual.parse import digit_runs as d

ROWS = s.TABLE3_ROW_KEYS


def test_a_row_with_its_total_is_decoded_by_its_own_sum() -> None:
    found = d.decode_groups("361200039", 7)
    assert found.cells == (36, 1, 2, 0, 0, 0, 39) and found.unique


def test_spaces_are_boundaries_where_the_run_keeps_them() -> None:
    assert d.forced("30 0 0 0 03", 7) == (3, 0, 0, 0, 0, 0, 3)
    assert d.forced("000000 0", 7) == (0,) * 7
    assert d.forced("12 3", 3) == (1, 2, 3)
    assert d.forced("123", 2) is None  # 1/23 or 12/3


def test_table_four_as_one_run() -> None:
    found = d.decode_table4("10012000001225019")
    assert found.cells == (1, 0, 0, 1, 2, 0, 0, 0, 0, 0, 12, 2, 5, 0, 19)
    assert found.unique


def test_a_run_with_no_consistent_split_and_no_forced_one_stays_blank() -> None:
    found = d.decode_groups("9999999", 3)
    assert found.cells == (None, None, None) and not found.unique
    assert "不满足勾稽关系" in found.reason


def test_a_forced_split_is_kept_even_when_its_total_is_wrong() -> None:
    found = d.decode_groups("1115", 4)
    assert found.cells == (1, 1, 1, 5)
    assert "照录" in found.reason


def test_fewer_digits_than_cells_stays_blank() -> None:
    """Six zeros for seven cells: one is blank, which one is unknown."""
    found = d.decode_groups("000000", 7)
    assert found.cells == (None,) * 7 and not found.unique and "空白" in found.reason
    assert d.decode_groups("12", 7).cells == (None,) * 7  # 1 + … ≠ 2: no reading


def test_document_rows_and_amounts() -> None:
    assert d.decode_documents("4119386").cells == (41, 19, 386)
    assert d.decode_documents("0 0 0").cells == (0, 0, 0)
    assert d.decode_amount("2310.5073") == Decimal("2310.5073")
    assert d.decode_amount("") is None


def _flatten(cells: tuple[int, ...], spaces: list[bool]) -> str:
    out = ""
    for i, v in enumerate(cells):
        out += str(v)
        if i < len(cells) - 1 and spaces[i % len(spaces)]:
            out += " "
    return out


def tables() -> st.SearchStrategy[dict[str, tuple[int, ...]]]:
    """Table 三 as real reports fill it (see ``_realistic``), drawn by hypothesis."""
    return st.randoms(use_true_random=False).map(lambda rng: _realistic(rng))


@settings(max_examples=150, deadline=None)
@given(tables(), st.lists(st.booleans(), min_size=1, max_size=6))
def test_a_flattened_table_three_reads_back_or_says_it_is_ambiguous(
    table: dict[str, tuple[int, ...]], spaces: list[bool]
) -> None:
    runs = {k: _flatten(v, spaces) for k, v in table.items()}
    result = d.decode_table3(runs)
    _assert_read_back_or_said(result, table)


def _assert_read_back_or_said(result: d.Table3Result, table: dict[str, tuple[int, ...]]) -> None:
    """Each row read back as printed, or said ambiguous with the printed cells among its
    alternatives (or the alternatives cut at three)."""
    for key, truth in table.items():
        got = result.rows[key]
        if got.unique:
            assert got.cells == truth, key
        else:
            assert got.reason, key
            assert truth == got.cells or truth in got.alternatives or len(got.alternatives) == 3


@settings(max_examples=100, deadline=None)
@given(tables())
def test_fully_spaced_runs_read_back_exactly(table: dict[str, tuple[int, ...]]) -> None:
    runs = {k: " ".join(str(v) for v in cells) for k, cells in table.items()}
    result = d.decode_table3(runs)
    assert {k: r.cells for k, r in result.rows.items()} == table
    assert all(r.unique for r in result.rows.values())


@settings(max_examples=100, deadline=None)
@given(
    tables(),
    st.permutations(range(s.TABLE3_WIDTH)),
    st.lists(st.booleans(), min_size=1, max_size=6),
)
def test_a_table_three_printed_in_any_column_order_reads_back_in_the_forms(
    table: dict[str, tuple[int, ...]], order: list[int], spaces: list[bool]
) -> None:
    """总计 first, 自然人 last, the organisations shuffled: told the order printed, the
    decoder reads each number into its form column, or says the row is ambiguous."""
    runs = {k: _flatten(tuple(v[i] for i in order), spaces) for k, v in table.items()}
    result = d.decode_table3(runs, columns=tuple(order))
    _assert_read_back_or_said(result, table)


def test_a_short_run_printed_total_first_has_its_blank_cells_placed_by_the_identities() -> None:
    """``14122`` under 总计, 自然人, 商业企业…: 14, 12 and 2 printed, four cells blank; the
    other rows say the 2 is the 商业企业's."""
    runs = dict.fromkeys(ROWS, "0000000")
    runs["received"] = "14122"
    runs["granted"] = runs["handled_total"] = "141220000"
    result = d.decode_table3(runs, columns=(6, 0, 1, 2, 3, 4, 5))
    got = result.rows["received"]
    assert got.cells == (12, 2, None, None, None, None, 14) and got.unique
    assert result.rows["granted"].cells == (12, 2, 0, 0, 0, 0, 14)


def test_columns_that_are_no_order_of_the_forms_are_refused() -> None:
    with pytest.raises(ValueError):
        d.decode_table3({"received": "0000000"}, columns=(6, 0, 1, 2, 3, 4, 4))


@settings(max_examples=300, deadline=None)
@given(
    st.text("0123456789 ", min_size=1, max_size=20),
    st.sampled_from([(7, 1), (5, 1), (5, 3), (3, 2)]),
    st.integers(-1, 6),
)
def test_adds_up_says_whether_summed_splits_reads_the_run(
    run: str, shape: tuple[int, int], total: int
) -> None:
    size, groups = shape
    found = next(d.summed_splits(run, size, groups, total=total), None)
    assert d.adds_up(run, size, groups, total=total) == (found is not None)


def test_unspaced_tables_are_read_right_by_the_rule() -> None:
    """Quality on a fixed corpus of 200 realistic tables flattened without any space:
    every cell the decoder calls unique is right, and the rule gets 99.5% of all cells."""
    rng = random.Random(20261205)
    right = total = 0
    for _ in range(200):
        table = _realistic(rng)
        runs = {k: "".join(str(v) for v in cells) for k, cells in table.items()}
        result = d.decode_table3(runs)
        for key, truth in table.items():
            got = result.rows[key]
            assert not got.unique or got.cells == truth
            right += sum(a == b for a, b in zip(got.cells, truth, strict=True))
            total += len(truth)
    assert right / total >= 0.995, right / total


def _realistic(rng: random.Random) -> dict[str, tuple[int, ...]]:
    def rare() -> int:
        return 0 if rng.random() < 0.85 else rng.randint(1, 12)

    rows: dict[str, tuple[int, ...]] = {}
    sums = [0] * 6
    for row in s.TABLE3_OUTCOME_ROWS:
        parts = [rng.randint(0, 80) if rng.random() < 0.5 else 0, *(rare() for _ in range(5))]
        rows[row.key] = (*parts, sum(parts))
        sums = [a + b for a, b in zip(sums, parts, strict=True)]
    forward = [rng.randint(0, 5), *(rare() for _ in range(5))]
    over = [rng.randint(0, h + f) for h, f in zip(sums, forward, strict=True)]
    received = [h + f - o for h, f, o in zip(sums, forward, over, strict=True)]
    for key, parts in (
        ("handled_total", sums),
        ("carried_forward", forward),
        ("carried_over", over),
        ("received", received),
    ):
        rows[key] = (*parts, sum(parts))
    return rows


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(st.integers(0, 30), min_size=4, max_size=4), min_size=3, max_size=3))
def test_table_four_runs_read_back_or_say_so(groups: list[list[int]]) -> None:
    cells = tuple(v for g in groups for v in (*g, sum(g)))
    found = d.decode_table4("".join(str(v) for v in cells))
    if found.unique:
        assert found.cells == cells
    else:
        assert found.reason


def test_a_zero_is_never_read_as_two_cells() -> None:
    from gongkai.annual.parse.digit_runs import splits

    assert list(splits("0", 2)) == []
    assert list(splits("05", 2)) == [(0, 5)]


def _small_table() -> dict[str, tuple[int, ...]]:
    """A consistent table 三: (一)予以公开 9+2, (四)1 3+1, the rest zero; 1 carried over."""
    rows: dict[str, tuple[int, ...]] = {k: (0,) * 7 for k in ROWS}
    rows["granted"] = (9, 2, 0, 0, 0, 0, 11)
    rows["unavailable.not_held"] = (3, 1, 0, 0, 0, 0, 4)
    rows["handled_total"] = (12, 3, 0, 0, 0, 0, 15)
    rows["carried_over"] = (1, 0, 0, 0, 0, 0, 1)
    rows["received"] = (11, 3, 0, 0, 0, 0, 14)
    return rows


def test_a_misprinted_total_is_kept_where_the_columns_fix_the_split() -> None:
    """「92000012」 adds up under no split (9+2 printed as 12); the other rows and the column
    identities leave one split: its cells as printed, the wrong total kept for the checker."""
    runs = {k: "".join(map(str, v)) for k, v in _small_table().items()}
    runs["granted"] = "92000012"
    got = d.decode_table3(runs).rows["granted"]
    assert got.cells == (9, 2, 0, 0, 0, 0, 12)
    alone = d.decode_table3({"granted": "92000012"}).rows["granted"]
    assert alone.cells == (None,) * 7 and not alone.unique


def test_runs_of_zeros_with_blank_cells_stay_blank_but_keep_the_identities() -> None:
    """A row printed 「000000」 (a blank cell) stays blank, yet adds nothing to any column:
    the identities still choose 1 + 12 over 11 + 2 in another row."""
    table = _small_table()
    table["granted"] = (1, 12, 0, 0, 0, 0, 13)
    table["handled_total"] = (4, 13, 0, 0, 0, 0, 17)
    table["received"] = (3, 13, 0, 0, 0, 0, 16)
    runs = {k: "".join(map(str, v)) for k, v in table.items()}
    runs["withheld.state_secret"] = "000000"
    runs["other.fee_unpaid"] = "0 0 0 0 0"
    result = d.decode_table3(runs)
    assert result.rows["granted"].cells == (1, 12, 0, 0, 0, 0, 13)
    assert result.rows["withheld.state_secret"].cells == (None,) * 7
    assert result.rows["other.fee_unpaid"].cells == (None,) * 7


def test_a_space_inside_a_number_is_ignored_only_with_the_columns_and_said() -> None:
    table = _small_table()
    table["granted"] = (104, 2, 0, 0, 0, 0, 106)
    table["handled_total"] = (107, 3, 0, 0, 0, 0, 110)
    table["received"] = (106, 3, 0, 0, 0, 0, 109)
    runs = {k: "".join(map(str, v)) for k, v in table.items()}
    runs["granted"] = "10 420000 106"
    got = d.decode_table3(runs).rows["granted"]
    assert got.cells == (104, 2, 0, 0, 0, 0, 106)
    assert not got.unique and "空格" in got.reason


def test_a_short_run_with_numbers_is_read_by_the_identities_not_switching_them_off() -> None:
    """「9211」: (一)予以公开 printed 9, 2 and its total 11 with the four blank cells left out.
    The row alone could put 9 and 2 in any two columns; the other rows and the column
    identities put them under 自然人 and 商业企业 — and another row's split (1 + 12 or
    11 + 2) is still decided by the identities."""
    table = _small_table()
    table["unavailable.not_held"] = (1, 12, 0, 0, 0, 0, 13)
    table["handled_total"] = (10, 14, 0, 0, 0, 0, 24)
    table["received"] = (9, 14, 0, 0, 0, 0, 23)
    runs = {k: "".join(map(str, v)) for k, v in table.items()}
    runs["granted"] = "9211"
    result = d.decode_table3(runs)
    assert result.rows["granted"].cells == (9, 2, None, None, None, None, 11)
    assert result.rows["granted"].unique
    assert result.rows["unavailable.not_held"].cells == (1, 12, 0, 0, 0, 0, 13)
    alone = d.decode_table3({"granted": "9211"}).rows["granted"]
    assert alone.cells == (None,) * 7 and not alone.unique


def test_a_short_run_whose_own_total_is_wrong_is_solved_from_the_others() -> None:
    """「9212」 adds up under no reading (9 + 2 printed as 12, blank cells left out): the
    one unknown row is what the identities leave for it, kept where that matches its
    digits, its total as printed for the checker."""
    runs = {k: "".join(map(str, v)) for k, v in _small_table().items()}
    runs["granted"] = "9212"
    got = d.decode_table3(runs).rows["granted"]
    assert got.cells == (9, 2, None, None, None, None, 12)
    assert "勾稽关系推得" in got.reason


def test_a_row_printed_empty_is_blank_and_adds_nothing() -> None:
    runs = {k: "".join(map(str, v)) for k, v in _small_table().items()}
    runs["withheld.state_secret"] = ""
    result = d.decode_table3(runs)
    assert result.rows["withheld.state_secret"].cells == (None,) * 7
    assert result.rows["granted"].cells == (9, 2, 0, 0, 0, 0, 11)
    assert all(r.unique for r in result.rows.values())


def test_a_long_run_may_hold_blank_cells_too() -> None:
    """「5400054」 adds up under no split into seven cells (5 + 4 + 0 + 0 + 0 + 5 ≠ 4): it
    is 54 under 自然人, blank cells, zeros, and its total 54, as the column identities
    confirm. Which of the five cells are the blank ones and which printed 0 is unknown:
    they stay null, and the row says so (it is not read against its print as a misprinted
    total)."""
    table = _small_table()
    table["granted"] = (54, 0, 0, 0, 0, 0, 54)
    table["handled_total"] = (57, 1, 0, 0, 0, 0, 58)
    table["received"] = (56, 1, 0, 0, 0, 0, 57)
    runs = {k: "".join(map(str, v)) for k, v in table.items()}
    runs["granted"] = "5400054"
    for blanks_elsewhere in ("0000000", "00000"):
        runs["withheld.state_secret"] = blanks_elsewhere
        got = d.decode_table3(runs).rows["granted"]
        assert got.cells == (54, None, None, None, None, None, 54)
        assert not got.unique and "空白" in got.reason


@settings(max_examples=120, deadline=None)
@given(tables(), st.randoms(use_true_random=False), st.integers(1, 4))
def test_a_table_with_blank_cells_never_reads_a_number_wrong_without_saying_so(
    table: dict[str, tuple[int, ...]], rng: random.Random, rows_with_blanks: int
) -> None:
    """Any realistic table, some of its zero cells printed blank (they print nothing):
    a row read as unique holds exactly what was printed, a blank read as null; a row read
    otherwise says why."""
    printed: dict[str, tuple[int | None, ...]] = dict(table)
    for key in rng.sample(sorted(table), rows_with_blanks):
        zeros = [i for i, v in enumerate(table[key]) if v == 0]
        blank = set(rng.sample(zeros, rng.randint(0, len(zeros))))
        printed[key] = tuple(None if i in blank else v for i, v in enumerate(table[key]))
    runs = {k: "".join(str(v) for v in cells if v is not None) for k, cells in printed.items()}
    result = d.decode_table3(runs)
    for key, truth in printed.items():
        got = result.rows[key]
        if got.unique:
            assert got.cells == truth, (key, runs[key])
        else:
            assert got.reason, key
        # a cell read as a number where the row printed none is never silent
        assert got.unique is False or all(
            v is None for v, t in zip(got.cells, truth, strict=True) if t is None
        )


def test_table_four_with_blank_cells() -> None:
    """「330000000000」: 12 digits for 15 cells. Read with blanks, the first group is a 3
    and its total 3 (under which of its four columns is unknown), the ten zeros the other
    two groups: the total is kept, the cells the readings disagree on stay null."""
    found = d.decode_table4("33" + "0" * 10)
    assert found.cells[4] == 3 and not found.unique and found.alternatives
    assert found.cells[:4] == (None,) * 4
    # a full-width reading that adds up is kept, but in a report with blank cells it
    # says a reading with blanks adds up too
    sure = d.decode_table4("100010000000000")
    assert sure.unique and sure.cells[:5] == (1, 0, 0, 0, 1)
    unsure = d.decode_table4("100010000000000", blanks=True)
    assert unsure.cells == sure.cells and not unsure.unique and unsure.alternatives


def test_a_document_row_in_a_report_with_blank_cells_says_it_may_hold_one() -> None:
    assert d.decode_documents("017").unique
    found = d.decode_documents("017", blanks=True)
    assert found.cells == (0, 1, 7) and not found.unique and "空白" in found.reason
    assert d.decode_documents("000", blanks=True).unique


def test_a_column_the_report_misprints_leaves_the_other_five_to_place_the_rows() -> None:
    """（七）总计 prints 自然人 one too many (its own row adds up): no combination satisfies
    the identities in every column, yet 商业企业's places 1 + 12 (not 11 + 2, which the
    rule alone would take) in 「1120000013」; every row is kept as printed, the wrong
    column left to the checker."""
    table = _small_table()
    table["unavailable.not_held"] = (1, 12, 0, 0, 0, 0, 13)
    table["handled_total"] = (11, 14, 0, 0, 0, 0, 25)  # the outcome rows add up to 10
    table["received"] = (10, 14, 0, 0, 0, 0, 24)
    runs = {k: "".join(map(str, v)) for k, v in table.items()}
    result = d.decode_table3(runs)
    assert result.rows["unavailable.not_held"].cells == (1, 12, 0, 0, 0, 0, 13)
    assert result.rows["handled_total"].cells == (11, 14, 0, 0, 0, 0, 25)
    assert result.rows["received"].cells == (10, 14, 0, 0, 0, 0, 24)
    alone = d.decode_table3({"unavailable.not_held": runs["unavailable.not_held"]})
    assert alone.rows["unavailable.not_held"].cells == (11, 2, 0, 0, 0, 0, 13)


def test_a_row_with_a_subtotal_column_is_read_without_it() -> None:
    """Eight numbers: 自然人, the five organisations and their 小计 (after or before them),
    总计 = 自然人 + 小计; the run of the seven form cells is what is left."""
    after, before = d.SUBTOTAL_AFTER, d.SUBTOTAL_BEFORE
    assert d.without_subtotal("3612000339", after) == "36 1 2 0 0 0 39"
    assert d.without_subtotal("3631200039", before) == "36 1 2 0 0 0 39"
    assert d.without_subtotal("00000000", after) == "0 0 0 0 0 0 0"
    assert d.without_subtotal("3612000339", before) is None  # 小计 ≠ the five's sum
    # several readings printing the same seven cells' digits: those, for the identities
    assert d.without_subtotal("5812013016 74", after) == "5812013074"


def test_a_total_row_printed_as_zeros_leaves_the_outcome_sums_to_place_the_rows() -> None:
    """（七）总计 printed 「0000000」: no column adds up to it, so the outcome rows' sums
    stand in for it (一 + 二 = sums + 四): 「1120000013」 is 1 + 12 as 商业企业's column
    says (the rule alone reads 11 + 2); the 总计 row stays as printed, for the checker."""
    table = _small_table()
    table["unavailable.not_held"] = (1, 12, 0, 0, 0, 0, 13)
    table["received"] = (9, 14, 0, 0, 0, 0, 23)
    runs = {k: "".join(map(str, v)) for k, v in table.items()}
    runs["handled_total"] = "0000000"
    result = d.decode_table3(runs)
    assert result.rows["unavailable.not_held"].cells == (1, 12, 0, 0, 0, 0, 13)
    assert result.rows["handled_total"].cells == (0,) * 7
    assert result.rows["received"].cells == (9, 14, 0, 0, 0, 0, 23)


def _received_and_forward(run: str) -> dict[str, str]:
    """A table 三 whose 一 and 四 rows print ``run`` (a misreading of one is then made
    good by the same misreading of the other: 一 + 二 = （七）+ 四 still holds), one
    application granted and one carried over, every other row zeros."""
    runs = {k: "0000000" for k in ROWS}
    runs.update(received=run, carried_forward=run)
    runs.update(granted="1000001", handled_total="1000001", carried_over="1000001")
    return runs


def test_a_table_with_no_short_row_still_says_when_a_blank_cell_may_be_why_it_adds_up() -> None:
    """Regression (cause 1 of the blank-cell property test): 「551210234」 is 5, 5, 12,
    (blank), 10, 2, 34 — nine digits, so no row of the table is short — and also reads,
    every cell printed, as 5, 5, 1, 21, 0, 2, 34, which adds up too. That reading was
    taken as certain; both satisfy every identity, so the row must say it is unsure and
    never read a blank cell as a number."""
    printed = (5, 5, 12, None, 10, 2, 34)
    result = d.decode_table3(_received_and_forward("551210234"))
    assert result.ambiguous
    for key in ("received", "carried_forward"):
        row = result.rows[key]
        assert not row.unique and row.reason == d.RULE
        assert (5, 5, 12, 0, 10, 2, 34) in row.alternatives
        assert all(got in (None, want) for got, want in zip(row.cells, printed, strict=True))
    assert result.rows["granted"].unique and result.rows["granted"].cells == (1, 0, 0, 0, 0, 0, 1)


def test_a_fully_printed_table_whose_runs_read_no_other_way_stays_sure() -> None:
    """The check above does not touch a table none of whose runs reads with blank cells."""
    runs = {k: "".join(map(str, v)) for k, v in _small_table().items()}
    result = d.decode_table3(runs)
    assert not result.ambiguous and all(r.unique for r in result.rows.values())


@pytest.fixture
def few_blank_readings(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """``MAX_BLANK_READINGS`` lowered to 5 (the decoder's caches cleared around it)."""
    caches = (d._blank_readings, d._run_options, d._row_candidates, d._group_readings)
    for cache in caches:
        cache.cache_clear()
    monkeypatch.setattr(d, "MAX_BLANK_READINGS", 5)
    yield
    for cache in caches:
        cache.cache_clear()


@pytest.mark.usefixtures("few_blank_readings")
def test_a_row_whose_blank_readings_are_too_many_to_list_is_never_sure() -> None:
    """Regression (cause 2): a row whose readings with blank cells are more than the
    decoder lists offered only its split with every cell printed, and the identities
    then marked it certain. 「551210234」 has 6 such readings; with the limit at 5 it
    stands for a row with thousands. The table prints a blank cell elsewhere (「000000」)."""
    runs = _received_and_forward("551210234")
    runs["partly_granted"] = "000000"
    result = d.decode_table3(runs)
    for key in ("received", "carried_forward"):
        row = result.rows[key]
        assert not row.unique and row.reason == d.BLANK_UNLISTED_REASON
    assert result.rows["granted"].unique


@pytest.mark.usefixtures("few_blank_readings")
def test_a_table_with_no_short_row_is_unsure_of_a_row_with_too_many_blank_readings() -> None:
    result = d.decode_table3(_received_and_forward("551210234"))
    assert not result.rows["received"].unique
    assert result.rows["received"].reason == d.BLANK_UNLISTED_REASON


@pytest.mark.usefixtures("few_blank_readings")
def test_table_four_whose_blank_readings_are_too_many_to_list_is_never_sure() -> None:
    found = d.decode_table4("100010000000000", blanks=True)
    assert found.cells == (1, 0, 0, 0, 1, *(0,) * 10)
    assert not found.unique and found.reason == d.BLANK_UNLISTED_REASON


# ------------------------------------------------- table 四 with 总计 printed elsewhere


def _at(parts: list[int], total: int) -> tuple[int, ...]:
    """A group's four parts with their sum printed at ``total``."""
    return (*parts[:total], sum(parts), *parts[total:])


def _adds_up(cells: tuple[int, ...], total: int) -> bool:
    groups = [cells[i : i + 5] for i in range(0, len(cells), 5)]
    return all(g[total] == sum(g) - g[total] for g in groups)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.lists(st.integers(0, 12), min_size=4, max_size=4), min_size=1, max_size=2),
    st.integers(0, 4),
    st.lists(st.booleans(), min_size=10, max_size=10),
)
def test_groups_with_their_total_anywhere_split_as_every_split_that_adds_up(
    groups: list[list[int]], total: int, spaces: list[bool]
) -> None:
    """``summed_splits`` with ``total`` finds exactly the splits whose number at ``total``
    is the sum of the others (all splits, filtered, as the reference; small groups, so
    that the reference can list every split)."""
    cells = tuple(v for g in groups for v in _at(g, total))
    run = "".join(f"{v}{' ' if gap else ''}" for v, gap in zip(cells, spaces, strict=False))
    width = len(cells)
    reference = {c for c in d.splits(run, width) if _adds_up(c, total)}
    assert set(d.summed_splits(run, 5, len(groups), total=total)) == reference
    assert cells in reference


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.lists(st.integers(0, 30), min_size=4, max_size=4), min_size=3, max_size=3),
    st.integers(0, 3),
    st.booleans(),
)
def test_table_four_with_its_total_first_reads_back_or_says_so(
    groups: list[list[int]], total: int, blanks: bool
) -> None:
    cells = tuple(v for g in groups for v in _at(g, total))
    found = d.decode_table4("".join(str(v) for v in cells), total=total, blanks=blanks)
    if found.unique:
        assert found.cells == cells
    else:
        assert found.reason


def test_table_four_with_its_total_first() -> None:
    """「15120211100053101」 with 总计 first in each group: 15 = 12 + 0 + 2 + 1, 1 = 1 + 0 +
    0 + 0, 5 = 3 + 1 + 0 + 1; read with the total last, nothing adds up."""
    found = d.decode_table4("15120211100053101", total=0)
    assert found.unique
    assert found.cells == (15, 12, 0, 2, 1, 1, 1, 0, 0, 0, 5, 3, 1, 0, 1)
    assert d.decode_table4("15120211100053101").cells == (None,) * 15


def test_table_four_with_its_total_first_and_a_blank_cell() -> None:
    """「7511」: a group of four numbers for five cells, 总计 7 first. Which of 5, 1, 1 is
    beside the blank is unknown: the total is kept, the rest null, the readings listed."""
    found = d.decode_groups("7511", 5, total=0)
    assert found.cells == (7, None, None, None, None) and not found.unique
    assert set(found.alternatives) == {(7, 5, 1, 1, 0), (7, 5, 1, 0, 1), (7, 5, 0, 1, 1)}
    # a full-width reading that adds up (23 = 1 + 0 + 1 + 21), another holding one blank
    # cell that adds up too (23 = 10 + 12 + 1 + blank): kept, but not sure
    one = d.decode_groups("2310121", 5, total=0)
    assert one.cells == (23, 1, 0, 1, 21)
    assert not one.unique and one.reason == d.ONE_BLANK_POSSIBLE_REASON
    assert (23, 10, 12, 1, 0) in one.alternatives
    assert d.decode_groups("70511", 5, total=0).unique  # (no reading with a blank adds up)


# ---------------------------------------------------------------------------- two blanks in 四


def test_table_four_with_two_blank_cells_placed_by_the_totals_is_read_sure() -> None:
    """A table printing 总计 before 尚未审结 (``total=3``): 30 1 2 33 _ / 2 0 1 3 0 /
    12 2 5 19 _ printed 「30123320130122519」. No reading with fewer blank cells adds up;
    with two, one does, and each group's total printed after three parts puts its blank
    in 尚未审结: sure, the blanks null."""
    run = "30123320130122519"
    assert not list(d.summed_splits(run, 5, 3, total=3)) and d._one_blank(run, 5, 3, 3) == {}
    found = d.decode_table4(run, total=3)
    assert found.cells == (30, 1, 2, 33, None, 2, 0, 1, 3, 0, 12, 2, 5, 19, None)
    assert found.unique


def test_table_four_with_two_blank_cells_and_one_split_keeps_the_cells_it_places() -> None:
    """30 1 0 0 31 / 0 _ 0 _ 0 / 12 2 5 0 19 printed 「30100310001225019」 in a report with no
    other blank cell: no reading with every cell printed adds up, nor one with one blank
    cell; with two, one split does. The groups it places are read; the group holding the
    blanks (三 zeros, two of its five cells blank, which unknown) is null, never 0."""
    run = "30100310001225019"
    assert not list(d.summed_splits(run, 5, 3)) and d._one_blank(run, 5, 3) == {}
    found = d.decode_table4(run)
    assert found.cells == (30, 1, 0, 0, 31, *(None,) * 5, 12, 2, 5, 0, 19)
    assert not found.unique
    assert found.reason == d.BLANK_PLACES_REASON


def test_table_four_with_two_blank_cells_placed_several_ways_keeps_what_they_agree_on() -> None:
    """12 _ _ 0 12 printed 「12 0 12」: the 12 and the 0 may stand in any two of the four
    columns; only the group's total is certain, and the readings are listed."""
    found = d.decode_table4("12012310041225019")
    assert found.cells == (None, None, None, None, 12, 3, 1, 0, 0, 4, 12, 2, 5, 0, 19)
    assert not found.unique
    assert (12, 0, 0, 0, 12, 3, 1, 0, 0, 4, 12, 2, 5, 0, 19) in found.alternatives
    assert found.reason == d.BLANK_GROUPS_REASON


def test_table_four_with_no_split_adding_up_even_with_blank_cells_stays_null() -> None:
    """The last total misprinted (18 for 19): no split adds up, with or without blank
    cells, and the run is not forced by its length: every cell null, and why."""
    found = d.decode_table4("30100310001225018")
    assert found.cells == (None,) * 15 and not found.unique and found.alternatives == ()
    assert "都不满足勾稽关系" in found.reason and "空白格" in found.reason


def test_a_long_run_with_too_many_splits_is_still_read_with_its_blank_cells() -> None:
    """1 30 12 46 89 / 1 _ 0 _ 1 / 30 5 30 46 111 printed 「1301246891013053046111」: more
    splits with every cell printed than are counted, none adding up. It used to be left
    null for that ("数字串过长"); the readings with blank cells place the first and last
    groups and the middle group's total."""
    found = d.decode_table4("1301246891013053046111")
    assert found.cells == (1, 30, 12, 46, 89, None, None, None, None, 1, 30, 5, 30, 46, 111)
    assert not found.unique and "过长" not in found.reason


@pytest.mark.parametrize("total", [-1, 0, 3])
def test_two_blank_cells_in_table_four_are_never_read_as_other_numbers_silently(
    total: int,
) -> None:
    """Every table 四 with two blank cells (zeros printed as nothing) whose run has no
    reading with fewer blank cells that adds up: read as printed, the blanks null, or
    unsure; a blank is never a sure 0. Groups with their total last, first or fourth."""
    rng = random.Random(20261206 + total)
    values = (0, 0, 0, 1, 2, 3, 5, 12, 30)
    at = 4 if total < 0 else total
    checked = sure = 0
    for _ in range(400):
        cells: list[int | None] = []
        for _ in range(3):
            parts = [rng.choice(values) for _ in range(4)]
            cells += [*parts[:at], sum(parts), *parts[at:]]
        zeros = [i for i, v in enumerate(cells) if v == 0]
        if len(zeros) < 2:
            continue
        for i in rng.sample(zeros, 2):
            cells[i] = None
        run = "".join(str(v) for v in cells if v is not None)
        if list(d.summed_splits(run, 5, 3, total=at)) or d._one_blank(run, 5, 3, total):
            continue  # a reading with fewer blank cells adds up: out of this rule's scope
        found = d.decode_table4(run, total=total)
        checked += 1
        if found.unique:  # the blanks' places are certain (a total printed before them)
            assert found.cells == tuple(cells), run
            sure += 1
        else:  # a blank never stands as a number without the run being unsure
            assert found.reason, run
    assert checked > 100
    assert checked > 100


def test_the_walk_over_a_plain_runs_digits_finds_what_the_memoised_search_finds() -> None:
    """``_PartsWalk`` (a run of ASCII digits and single spaces) and ``_PartsSearch`` (any
    run): the same readings in the same order, for runs printing numbers that add up (or,
    one in four, a total off by one)."""
    rng = random.Random(11)
    found = 0
    for _ in range(3000):
        numbers = [
            rng.choice((0, 0, 1, 2, 7, 10, 12, 45, 100, 305)) for _ in range(rng.randint(1, 6))
        ]
        text = "".join(f"{n}{rng.choice(('', '', ' '))}" for n in numbers).strip()
        total = sum(numbers) + (rng.random() < 0.25)
        walked = d._PartsWalk(text, d.MAX_DIGITS).find(len(text), len(numbers), total)
        assert walked == d._PartsSearch(text, d.MAX_DIGITS).go(0, len(numbers), total), text
        found += bool(walked)
    assert found > 1500
