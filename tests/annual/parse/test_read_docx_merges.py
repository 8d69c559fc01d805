"""Word vertical merges (``w:vMerge``) that do not line up with the cells above them.

A continuation cell narrower or wider than the merged cell, one that starts inside it
(under a horizontal merge, ``w:gridSpan``), or one after a ``w:gridBefore`` the row
above does not have: Word draws each as part of the merged cell above it. The reader
matched a continuation only with a cell starting at the same grid column: it came out
blank, or the row's other cells moved a column left or right."""

from __future__ import annotations

import io
import zipfile

from gongkai.annual.parse.read_docx import read_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx(rows: list[str]) -> bytes:
    body = "<w:tbl>" + "".join(rows) + "</w:tbl>"
    xml = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}">'
        f"<w:body>{body}</w:body></w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", xml)
    return out.getvalue()


def _tc(text: str = "", span: int = 1, merge: str | None = None) -> str:
    properties = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    if merge == "restart":
        properties += '<w:vMerge w:val="restart"/>'
    elif merge == "continue":
        properties += "<w:vMerge/>"
    paragraph = f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" if text else "<w:p/>"
    return f"<w:tc><w:tcPr>{properties}</w:tcPr>{paragraph}</w:tc>"


def _tr(*cells: str, before: int = 0) -> str:
    properties = f'<w:gridBefore w:val="{before}"/>' if before else ""
    return f"<w:tr><w:trPr>{properties}</w:trPr>{''.join(cells)}</w:tr>"


def _grid(*rows: str) -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[bool, ...], ...]]:
    (grid,) = read_docx(_docx(list(rows)), "合并.docx").grids()
    return grid.rows, grid.merged


def test_a_continuation_starting_inside_a_horizontally_merged_cell_shows_its_text() -> None:
    rows, merged = _grid(
        _tr(_tc("复议"), _tc("行政复议", 2, "restart"), _tc("行政诉讼")),
        _tr(_tc("结果维持", 2), _tc(merge="continue"), _tc("3")),
    )
    assert rows == (
        ("复议", "行政复议", "行政复议", "行政诉讼"),
        ("结果维持", "结果维持", "行政复议", "3"),
    )
    assert merged[1] == (False, True, True, False)


def test_a_continuation_narrower_than_the_merged_cell_keeps_the_rows_other_cells_in_place() -> None:
    rows, merged = _grid(
        _tr(_tc("三、本年度办理结果", 3, "restart"), _tc("自然人"), _tc("总计")),
        _tr(_tc(span=2, merge="continue"), _tc("（一）予以公开"), _tc("17"), _tc("26")),
    )
    assert rows[1] == ("三、本年度办理结果", "三、本年度办理结果", "(一)予以公开", "17", "26")
    assert merged[1] == (True, True, False, False, False)


def test_a_continuation_wider_than_the_merged_cell_shows_each_cell_above_it() -> None:
    rows, _ = _grid(
        _tr(_tc("甲"), _tc("行政复议", 2, "restart"), _tc("总计")),
        _tr(_tc(span=3, merge="continue"), _tc("5")),
    )
    assert rows[1] == ("甲", "行政复议", "行政复议", "5")


def test_a_continuation_after_a_grid_before_the_row_above_has_not() -> None:
    rows, merged = _grid(
        _tr(_tc("三、本年度办理结果", 2, "restart"), _tc("（一）予以公开"), _tc("17")),
        _tr(_tc(merge="continue"), _tc("（二）部分公开"), _tc("6"), before=1),
        _tr(_tc(span=2, merge="continue"), _tc("（三）不予公开"), _tc("0")),
    )
    assert [row[1:] for row in rows] == [
        ("三、本年度办理结果", "(一)予以公开", "17"),
        ("三、本年度办理结果", "(二)部分公开", "6"),
        ("三、本年度办理结果", "(三)不予公开", "0"),
    ]
    assert [row[1] for row in merged] == [True, True, True]


def test_an_aligned_vertical_merge_reads_as_before() -> None:
    rows, merged = _grid(
        _tr(_tc("行政复议", 2, "restart"), _tc("行政诉讼", 2)),
        _tr(_tc(span=2, merge="continue"), _tc("直接起诉"), _tc("复议后起诉")),
        _tr(_tc("1"), _tc("2"), _tc("3"), _tc("4")),
    )
    assert rows == (
        ("行政复议", "行政复议", "行政诉讼", "行政诉讼"),
        ("行政复议", "行政复议", "直接起诉", "复议后起诉"),
        ("1", "2", "3", "4"),
    )
    assert merged == (
        (False, True, False, True),
        (True, True, False, False),
        (False, False, False, False),
    )


def test_a_continuation_in_the_first_row_is_a_blank_cell_of_its_own() -> None:
    rows, merged = _grid(_tr(_tc(merge="continue"), _tc("1")), _tr(_tc("a"), _tc("2")))
    assert rows == (("", "1"), ("a", "2"))
    assert merged == ((False, False), (False, False))
