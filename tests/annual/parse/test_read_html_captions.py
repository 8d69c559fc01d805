"""A table's ``<caption>`` is read as a line before the table: a page that prints each
table's heading as its caption (``<table><caption>三、收到和处理政府信息公开申请情况</caption>``)
finds the same sections and reads the same cells as one that prints it above the table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from gongkai.annual.parse import parse_bytes, read_document
from gongkai.annual.parse.document import Grid
from tests.annual.parse.as_documents import as_html
from tests.annual.parse.mutators import title_key, title_lines
from tests.annual.parse.test_fixture_reports import differences, expected_for, fixture_text
from tests.annual.parse.test_fixtures_as_documents import TEXT_TABLES

_HEADING_BEFORE_TABLE_RE = re.compile(r"<p>([^<>]{1,80})</p><table>")


def headings_as_captions(page: str) -> tuple[str, int]:
    """``page`` with every table heading printed just above a table moved into it as
    the table's caption, and how many were moved."""
    moved = 0

    def caption(match: re.Match[str]) -> str:
        nonlocal moved
        if title_key(match.group(1)) is None:
            return match.group(0)
        moved += 1
        return f"<table><caption>{match.group(1)}</caption>"

    return _HEADING_BEFORE_TABLE_RE.sub(caption, page), moved


WITH_HEADINGS = [p for p in TEXT_TABLES if title_lines(fixture_text(p))]


@pytest.mark.parametrize("path", WITH_HEADINGS, ids=[p.stem for p in WITH_HEADINGS])
def test_headings_printed_as_captions_read_as_headings(path: Path) -> None:
    page = as_html(fixture_text(path)).decode("utf-8")
    captioned, moved = headings_as_captions(page)
    if not moved:
        pytest.skip("这份样例的表格标题不紧挨着表格")
    before = parse_bytes(page.encode(), f"{path.stem}.html")
    report = parse_bytes(captioned.encode(), f"{path.stem}.html")
    assert [d for d in differences(report, expected_for(path.stem)) if d.startswith("table")] == []
    assert report.sections is not None and before.sections is not None
    assert sorted(report.sections) == sorted(before.sections)
    assert sorted(d["code"] for d in report.diagnostics or ()) == sorted(
        d["code"] for d in before.diagnostics or ()
    )


def test_caption_is_a_line_before_its_grid_with_its_source_line() -> None:
    page = (
        "<html><body><p>正文。</p>\n"
        "<table>\n<caption>\n  四、政府信息公开<b>行政复议</b>、行政诉讼情况 </caption>\n"
        "<tr><td>甲</td><td>乙</td></tr><tr><td>1</td><td>2</td></tr></table>"
        "</body></html>"
    ).encode()
    blocks = read_document(page, "captioned.html").blocks
    texts = [(b.text, b.number) for b in blocks if not isinstance(b, Grid)]
    assert texts == [("正文。", 1), ("四、政府信息公开行政复议、行政诉讼情况", 3)]
    assert isinstance(blocks[-1], Grid)


def test_hidden_caption_is_not_read() -> None:
    page = (
        "<html><body><p>正文。</p><table><caption style='display:none'>隐藏的标题</caption>"
        "<tr><td>甲</td><td>乙</td></tr><tr><td>1</td><td>2</td></tr></table></body></html>"
    ).encode()
    blocks = read_document(page, "hidden.html").blocks
    assert [b.text for b in blocks if not isinstance(b, Grid)] == ["正文。"]
