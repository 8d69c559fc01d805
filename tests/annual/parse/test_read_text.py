"""Plain-text documents: encodings, lines, and the five real seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.annual import ParseError
from gongkai.annual.parse.document import Line
from gongkai.annual.parse.reader import UnreadableDocument, read_document
from tests.conftest import FIXTURES

DOCS = FIXTURES / "documents"


def texts(path_or_bytes: Path | bytes) -> list[str]:
    return [line.text for line in read_document(path_or_bytes, "样本.txt").lines()]


def test_gbk_text_is_decoded_and_normalised() -> None:
    document = read_document(DOCS / "report_gbk.txt")
    assert document.kind == "text"
    assert [line.text for line in document.lines()] == [
        "测试市测试局2024年政府信息公开工作年度报告",
        "一、总体情况",
        "2024年，本局共收到政府信息公开申请1234件。",
        "三、收到和处理政府信息公开申请情况",
        "一、本年新收政府信息公开申请数量\t5\t0\t0\t0\t0\t0\t5",
        "(七)总计\t5\t0\t0\t0\t0\t0\t5",
    ]
    # the page number "- 2 -" between two table rows is gone; numbering is the file's own
    assert [line.number for line in document.lines()] == [1, 2, 3, 4, 5, 7]
    assert document.diagnostics == [
        {
            "code": "ENCODING",
            "severity": "info",
            "message": f"{DOCS / 'report_gbk.txt'}：不是 UTF-8 编码，按 GB18030（GBK） 读取",
            "encoding": "GB18030（GBK）",
        }
    ]


def test_big5_text_is_decoded_and_simplified() -> None:
    document = read_document(DOCS / "report_big5.txt", "big5.txt")
    assert [line.text for line in document.lines()][:2] == [
        "测试市测试局2024年政府信息公开工作年度报告",
        "一、总体情况",
    ]
    assert (
        document.lines()[4].text == "一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |"
    )
    assert [d["code"] for d in document.diagnostics] == ["ENCODING", "TRADITIONAL"]
    assert document.diagnostics[0]["encoding"] == "Big5"


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("gb18030", b""),
    ],
)
def test_encodings_read_the_same_lines(encoding: str, prefix: bytes) -> None:
    text = "一、总体情况\n本年新收政府信息公开申请数量 8 件。\n"
    assert texts(prefix + text.encode(encoding)) == [
        "一、总体情况",
        "本年新收政府信息公开申请数量 8 件。",
    ]


def test_vertical_label_one_character_per_line_is_joined() -> None:
    data = "表四\n行\n政\n复\n议\n结果维持\n".encode()
    document = read_document(data, "竖排.txt")
    assert document.lines() == [Line("表四", 1), Line("行政复议", 2), Line("结果维持", 6)]


@pytest.mark.parametrize(
    ("data", "code", "message"),
    [
        (b"", "EMPTY_FILE", "空.txt 文件是空的，没有可读取的内容"),
        (b" \n\r\n\t ", "EMPTY_FILE", "空.txt 文件是空的，没有可读取的内容"),
        (
            bytes(range(256)) * 8,
            "BINARY_FILE",
            "空.txt 不是可读取的文档：内容既不是文本，也不是 HTML、DOCX 或 PDF（二进制文件）",
        ),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64,
            "DAMAGED",
            "空.txt 是旧版 Office 文件（.doc/.xls 等），但已损坏或不完整（可能下载时被截断），"
            "无法打开；请重新获取原文件",
        ),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"),
            "ENCRYPTED",
            "空.txt 文档设有打开密码（已加密），无法读取；请提供未加密的文件",
        ),
        (
            b"{\\rtf1\\ansi",
            "UNSUPPORTED_FORMAT",
            "空.txt 是 RTF 格式，无法直接读取；请另存为 DOCX、PDF 或纯文本后再解析",
        ),
    ],
)
def test_unreadable_bytes_raise_parse_error(data: bytes, code: str, message: str) -> None:
    with pytest.raises(ParseError) as caught:
        read_document(data, "空.txt")
    assert isinstance(caught.value, UnreadableDocument)
    assert caught.value.code == code
    assert str(caught.value) == message
    assert caught.value.diagnostic() == {"code": code, "severity": "error", "message": message}


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument, match="不存在") as caught:
        read_document(tmp_path / "没有.txt")
    assert caught.value.code == "FILE_NOT_FOUND"


def test_every_seed_reads(seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        document = read_document(path)
        assert document.kind == "text"
        lines = [line.text for line in document.lines()]
        assert any("收到和处理政府信息公开申请情况" in t for t in lines), path.name
        assert all(t.strip() for t in lines), path.name


def test_seed_001_traditional_comes_back_with_schema_labels(seeds_dir: Path) -> None:
    """001 is traditional, with ruby pinyin and doubled punctuation copied along."""
    lines = [line.text for line in read_document(seeds_dir / "001_011fde16aa22de90.txt").lines()]
    assert lines[0] == "嘉兴市数据局2024年度政府信息公开工作 年度报告"
    assert "三、收到和处理政府信息公开申请情况" in lines
    assert "一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 | ||" in lines
    assert (
        "(六)其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
        " | 0 | 0 | 0 | 0 | 0 | 0 | 0 | |"
    ) in lines
    assert not any("(shù)" in t or ",," in t or ",。" in t or ",、" in t for t in lines)


def test_seed_004_keeps_tabs_and_folds_brackets(seeds_dir: Path) -> None:
    lines = [line.text for line in read_document(seeds_dir / "004_68f00f12ba36a829.txt").lines()]
    assert "第二十条第(一)项\t\t\t" in lines
    assert "规章\t0\t0\t0" in lines
