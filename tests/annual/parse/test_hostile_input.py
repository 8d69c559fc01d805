"""Hostile and damaged input: every document either reads or raises one
``UnreadableDocument`` with a code, in bounded time and memory."""

from __future__ import annotations

import io
import time
import zipfile

import pytest

from gongkai.annual.parse import UnreadableDocument, parse_bytes
from gongkai.annual.parse.reader import read_bytes

DOCUMENT_XML = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body>{}</w:body></w:document>"
)


def docx(body_xml: str, *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", DOCUMENT_XML.format(body_xml))
    return out.getvalue()


def timed(data: bytes, name: str) -> tuple[float, str]:
    """CPU seconds the parse took (not wall time, which other load on the machine
    stretches) and its outcome."""
    started = time.process_time()
    try:
        parse_bytes(data, name)
        outcome = "read"
    except UnreadableDocument as exc:
        outcome = exc.code
    return time.process_time() - started, outcome


def test_long_runs_of_spaces_are_normalised_in_linear_time() -> None:
    text = ("一、总体情况" + " " * 100_000 + "x \n").encode()
    seconds, outcome = timed(text, "spaces.txt")
    assert outcome == "read" and seconds < 2
    html = b"<html><body><pre>" + b" " * 100_000 + b"x \n</pre></body></html>"
    assert timed(html, "pre.html")[0] < 2

    # a page title padded with spaces, read when the page shows no title of its own
    title = "<html><head><title>x" + " " * 50_000 + "y年度报告</title></head><body><p>正文</p>"
    seconds, outcome = timed(title.encode(), "title.html")
    assert outcome == "read" and seconds < 2


def test_huge_spans_are_clipped_to_the_table_and_budgeted() -> None:
    cells = '<td rowspan="200" colspan="200">1</td>' * 30
    page = f"<html><body><table>{'<tr>' + cells + '</tr>'}</table></body></html>".encode()
    seconds, outcome = timed(page, "spans.html")
    assert outcome == "read" and seconds < 2
    wide_row = "<tr>" + '<td colspan="60">1</td>' * 4 + "</tr>"
    rows = wide_row * 500
    seconds, outcome = timed(f"<table>{rows}</table>".encode(), "wide.html")
    assert outcome in ("read", "TOO_LARGE") and seconds < 5


@pytest.mark.parametrize(
    "page",
    [
        b'<table><tr><td colspan="' + b"9" * 4300 + b'">1</td></tr></table>',
        b'<html><head><meta charset="undefined"></head><body><p>\xe4\xb8\x80</p></body></html>',
        b"<html>" + b"<div>" * 100_000 + b"x",
    ],
    ids=["4300-digit colspan", "undefined charset", "100k nested divs"],
)
def test_odd_html_reads_or_is_refused_with_a_code(page: bytes) -> None:
    seconds, _ = timed(page, "odd.html")
    assert seconds < 10


def test_damaged_and_oversized_docx_get_one_error_with_a_code() -> None:
    good = docx("<w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p>")
    assert timed(good, "good.docx")[1] == "read"
    damaged = bytearray(good)
    middle = len(damaged) // 2
    damaged[middle : middle + 40] = b"\x00" * 40
    assert timed(bytes(damaged), "damaged.docx")[1] in ("DOCX_DAMAGED", "DAMAGED", "read")
    bomb = docx("<w:p><w:r><w:t>" + "一" * (12 * 1024 * 1024) + "</w:t></w:r></w:p>")
    assert len(bomb) < 1024 * 1024
    seconds, outcome = timed(bomb, "bomb.docx")
    assert outcome == "TOO_LARGE" and seconds < 5


def test_a_format_library_error_becomes_a_coded_parse_error(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from gongkai.annual.parse import read_docx

    def explode(data: bytes, source: str) -> None:
        raise NotImplementedError("compression type 99")

    monkeypatch.setattr(read_docx, "read_docx", explode)
    with pytest.raises(UnreadableDocument) as caught:
        read_bytes(docx("<w:p/>"), "报告.docx")
    assert caught.value.code == "DAMAGED" and "报告.docx" in str(caught.value)
    assert "NotImplementedError" in str(caught.value)
