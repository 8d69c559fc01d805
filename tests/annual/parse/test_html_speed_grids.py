"""A page's tables read without looking at their cells twice (issue 13, speed).

``read_html`` finds whether a table's cells are evenly spaced when it finishes them;
``plain_grid`` marks such a grid (``Grid.even``), and ``grid_rows`` then passes its rows
on without joining every cell (padding included) to look again. The mark must never
change what is read: these tests compare the marked grid's rows with the same grid read
the long way.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.annual.parse.detect import decode_text
from gongkai.annual.parse.document import Grid
from gongkai.annual.parse.grid import plain_grid
from gongkai.annual.parse.normalize import (
    evenly_spaced,
    finish_cells,
    finish_cells_spaced,
    normalize_texts,
)
from gongkai.annual.parse.read_html import read_html
from gongkai.annual.parse.tables_grid import grid_rows

_PIECES = st.sampled_from(
    ["本年新收", "12", "0", "-", "—", "－", " ", "  ", "\t", "\n", "\u2005", "\u3000", "\xa0", "a"]
)
_CELL = st.lists(_PIECES, max_size=4).map("".join)


def _unmarked(grid: Grid) -> Grid:
    """The same grid not known even: read the long way."""
    return Grid(rows=grid.rows, merged=grid.merged, number=grid.number, page=grid.page)


@settings(max_examples=200)
@given(st.lists(st.lists(_CELL, min_size=1, max_size=5), min_size=1, max_size=6))
def test_a_marked_grid_reads_as_the_same_grid_unmarked(table: list[list[str]]) -> None:
    texts = normalize_texts([cell for row in table for cell in row])
    flat, even = finish_cells_spaced(texts)
    assert flat == finish_cells(texts)
    assert even == evenly_spaced("\0".join(flat))
    grid = plain_grid(flat, [len(row) for row in table], even=even)
    assert grid == plain_grid(flat, [len(row) for row in table])
    assert grid.even == even
    assert not _unmarked(grid).even
    assert grid_rows(grid) == grid_rows(_unmarked(grid))


def _page(*cells: str) -> bytes:
    row = "".join(f"<td>{cell}</td>" for cell in cells)
    return (
        "<html><head><meta charset='utf-8'></head><body><p>本机关2024年度报告</p>"
        f"<table><tr><td>项目</td><td>件数</td><td>备注</td></tr><tr>{row}</tr>"
        "<tr><td>总计</td></tr></table></body></html>"
    ).encode()


def _grid(page: bytes) -> Grid:
    document = read_html(decode_text(page), "t.html")
    (grid,) = document.grids()
    return grid


def test_a_usual_table_is_passed_on_as_laid_out() -> None:
    grid = _grid(_page("本年新收", "7", "无"))
    assert grid.even
    rows, columns = grid_rows(grid)
    assert rows == (("项目", "件数", "备注"), ("本年新收", "7", "无"), ("总计", "", ""))
    assert columns == (None, None, None)


def test_a_cell_with_an_odd_space_is_still_folded() -> None:
    # a four-per-em space (U+2005) is left by normalising: the row reader folds it
    grid = _grid(_page("本年\u2005新收", "7", "无"))
    assert not grid.even
    rows, _ = grid_rows(grid)
    assert rows[1] == ("本年 新收", "7", "无")


def test_rows_cut_from_a_marked_grid_stay_known_and_a_changed_row_does_not() -> None:
    grid = plain_grid(["项目", "件数", "本年新收", "7"], [2, 2], even=True)
    assert grid.cut(0, 1).even
    assert grid.cut(0, 1) == Grid(grid.rows[:1], grid.merged[:1])
    assert grid.cut(1).rows == (("本年新收", "7"),)
    changed = Grid(
        rows=(*grid.rows[:-1], ("本年新收 ", "7")),
        merged=(*grid.merged[:-1], (False, False)),
    )
    assert not changed.even
    assert grid_rows(changed)[0][-1] == ("本年新收", "7")
