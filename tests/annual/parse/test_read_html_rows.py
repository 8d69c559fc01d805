"""HTML table rows written without their ``<tr>`` start tag: the parser leaves their cells
in the table (or its body) outside any row; each run of them is still read as a row."""

from __future__ import annotations

from gongkai.annual.parse.document import Grid
from gongkai.annual.parse.reader import read_document
from tests.conftest import FIXTURES

PAGE = FIXTURES / "documents" / "rows_without_start_tags.html"


def _grids(markup: str) -> list[tuple[tuple[str, ...], ...]]:
    page = f"<html><body><p>表格</p>{markup}</body></html>".encode()
    return [grid.rows for grid in read_document(page, "page.html").grids()]


def test_first_row_without_its_start_tag_is_read() -> None:
    rows = _grids("<table><td>a</td><td>b</td></tr><tr><td>1</td><td>2</td></tr></table>")
    assert rows == [(("a", "b"), ("1", "2"))]


def test_row_after_a_row_end_without_its_start_tag_is_its_own_row() -> None:
    rows = _grids("<table><tr><td>a</td><td>b</td></tr><td>1</td><td>2</td></tr></table>")
    assert rows == [(("a", "b"), ("1", "2"))]


def test_rows_without_start_tags_inside_a_table_body() -> None:
    rows = _grids(
        "<table><tbody><td>a</td><td>b</td></tr><tr><td>1</td><td>2</td></tr>"
        "<td>3</td><td>4</td></tr></tbody></table>"
    )
    assert rows == [(("a", "b"), ("1", "2"), ("3", "4"))]


def test_rows_written_whole_are_read_as_before() -> None:
    rows = _grids("<table><tr><td>a</td><td>b</td></tr><tr><td>1</td><td>2</td></tr></table>")
    assert rows == [(("a", "b"), ("1", "2"))]


def test_fixture_page_reads_every_row() -> None:
    grids = read_document(PAGE).grids()
    assert [grid.rows for grid in grids] == [
        (("结果维持", "结果纠正", "其他结果"), ("1", "2", "3"), ("4", "5", "6"), ("7", "8", "9")),
        (("本年新收", "10"), ("上年结转", "11")),
    ]
    assert all(isinstance(grid, Grid) for grid in grids)


def test_paragraph_spacing_is_collapsed_as_before() -> None:
    page = "<html><body><p>一、总体情况  \n 本局\t全年</p><p>二、 情况</p></body></html>".encode()
    lines = [line.text for line in read_document(page, "page.html").lines()]
    assert lines == ["一、总体情况 本局 全年", "二、 情况"]
