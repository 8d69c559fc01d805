"""HTML character references a crawler left undecoded in a plain text (``&#65288;七&#65289;
总计``, ``&ldquo;三安全一稳定&rdquo;``, ``&emsp;`` between cells): decoded as a browser shows
them, so a label printed so is the label; text that only looks like one (``R&D``) stays."""

from __future__ import annotations

import pytest

from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.read_text import strip_markdown
from tests.annual.parse.builders import report_text
from tests.annual.parse.test_batch import sample_report


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("&#65288;七&#65289;总计", "（七）总计"),
        ("&#xFF08;一&#xFF09;予以公开", "（一）予以公开"),
        ("危及&ldquo;三安全一稳定&rdquo;", "危及“三安全一稳定”"),
        ("&lt;&lt;条例&gt;&gt;", "<<条例>>"),
        ("行政许可&emsp;18", "行政许可\u200318"),
        ("第一行&#10;仍是第一行", "第一行 仍是第一行"),
    ],
)
def test_character_references_are_decoded(text: str, shown: str) -> None:
    assert strip_markdown(text) == shown


@pytest.mark.parametrize("text", ["R&D;投入", "A&B公司", "&bogus", "Q&A"])
def test_an_ampersand_that_starts_no_reference_stays(text: str) -> None:
    assert strip_markdown(text) == text


def _as_crawled(text: str) -> str:
    """Brackets as numeric references, cells parted by ``&nbsp;&nbsp;`` and ``&emsp;``."""
    text = text.replace("（", "&#65288;").replace("）", "&#65289;")
    text = text.replace("“", "&ldquo;").replace("”", "&rdquo;")
    return text.replace(" | ", "&emsp;&emsp;").replace(" |", "")


def test_a_crawled_text_with_references_reads_every_row() -> None:
    report = sample_report()
    text = _as_crawled(report_text(report))
    assert "&#65288;七&#65289;总计" in text
    read = parse_bytes(text.encode(), "crawled.txt")
    assert read.table3.row("handled_total") == report.table3.row("handled_total")
    assert read.table3.row("granted") == report.table3.row("granted")
    codes = {d["code"] for d in read.diagnostics or ()}
    assert not codes & {"ROW_INFERRED", "ROW_TOO_FEW", "VALUES_UNASSIGNED", "ROW_NOT_FOUND"}
