"""The format of a document from its content, and the encoding of its text."""

from __future__ import annotations

import pytest

from gongkai.annual.parse.detect import decode_text, detect_format

REPORT = "一、总体情况\n本年新收政府信息公开申请数量 8 件，结转下年度继续办理 0 件。\n"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "empty"),
        (b"  \r\n\t", "empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "pdf"),
        (b"\r\n%PDF-1.4\n", "pdf"),
        (b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml word/document.xml", "docx"),
        (b"PK\x03\x04\x14\x00\x00\x00data.csv", "zip"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "ole"),
        (bytes(range(256)) * 4, "binary"),
        (b"{\\rtf1\\ansi\\deff0 {\\fonttbl}", "rtf"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (REPORT.encode(), "text"),
        (REPORT.encode("gb18030"), "text"),
        (REPORT.encode("utf-16"), "text"),
        (b"<!DOCTYPE html><html><body>x</body></html>", "html"),
        ("<p>一、总体情况</p>".encode(), "html"),
        ("<table><tr><td>规章</td></tr></table>".encode("gb18030"), "html"),
        ("《中华人民共和国政府信息公开条例》 a < b".encode(), "text"),
    ],
)
def test_detect_format(data: bytes, expected: str) -> None:
    assert detect_format(data) == expected


@pytest.mark.parametrize(
    ("data", "encoding", "guessed"),
    [
        (REPORT.encode(), "utf-8", False),
        (b"\xef\xbb\xbf" + REPORT.encode(), "utf-8-sig", False),
        (REPORT.encode("utf-16"), "utf-16", False),
        (REPORT.encode("utf-16-le"), "utf-16-le", True),
        (REPORT.encode("gbk"), "gb18030", True),
        (
            "一、總體情況\n本年新收政府信息公開申請數量 8 件，結轉下年度繼續辦理".encode("big5"),
            "big5hkscs",
            True,
        ),
    ],
)
def test_decode_text_finds_the_encoding(data: bytes, encoding: str, guessed: bool) -> None:
    decoded = decode_text(data)
    assert decoded is not None
    assert (decoded.encoding, decoded.guessed) == (encoding, guessed)
    assert decoded.text.startswith("一、")


def test_declared_html_charset_wins() -> None:
    html = '<meta charset="gbk"><p>政府信息公开</p>'.encode("gbk")
    decoded = decode_text(html)
    assert decoded is not None
    assert decoded.encoding == "gb18030"
    assert "政府信息公开" in decoded.text


def test_binary_is_not_text() -> None:
    assert decode_text(bytes(range(256)) * 4) is None
