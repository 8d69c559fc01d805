"""Laying merged cells out on the real grid."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.annual.parse.document import Grid
from gongkai.annual.parse.grid import RawCell, expand

spans = st.tuples(st.integers(1, 3), st.integers(1, 3))


@settings(max_examples=150)
@given(st.lists(st.lists(spans, min_size=1, max_size=5), min_size=1, max_size=6))
def test_every_printed_cell_has_one_origin_and_rows_are_even(
    layout: list[list[tuple[int, int]]],
) -> None:
    rows = [
        [RawCell(f"c{r}x{i}", rowspan, colspan) for i, (rowspan, colspan) in enumerate(row)]
        for r, row in enumerate(layout)
    ]
    grid = expand(rows)
    assert len(grid.rows) == len(rows)
    assert len({len(row) for row in grid.rows}) == 1
    assert [len(m) for m in grid.merged] == [len(r) for r in grid.rows]
    origins = [
        text
        for row, flags in zip(grid.rows, grid.merged, strict=True)
        for text, merged in zip(row, flags, strict=True)
        if text and not merged
    ]
    assert sorted(origins) == sorted(cell.text for row in rows for cell in row)
    for row, flags in zip(grid.rows, grid.merged, strict=True):
        assert not any(merged and not text for text, merged in zip(row, flags, strict=True))


def test_rowspan_pushes_later_cells_right() -> None:
    rows = [
        [RawCell("三、本年度办理结果", rowspan=2), RawCell("(一)予以公开"), RawCell("3")],
        [RawCell("(二)部分公开"), RawCell("0")],
    ]
    assert expand(rows) == Grid(
        rows=(
            ("三、本年度办理结果", "(一)予以公开", "3"),
            ("三、本年度办理结果", "(二)部分公开", "0"),
        ),
        merged=((False, False, False), (True, False, False)),
    )


def test_absurd_spans_count_as_one() -> None:
    grid = expand([[RawCell("a", rowspan=9999, colspan=0), RawCell("b")]])
    assert grid.rows == (("a", "b"),)
