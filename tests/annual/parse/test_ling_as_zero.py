"""〇 printed for the digit 0 in number cells (an OCR tool's, or typed: ``〇``, ``1〇``,
``2〇6``): read as 0 in every table and said, once for each table, with the cells."""

from __future__ import annotations

import json

import pytest

from gongkai.annual import schema as s
from gongkai.annual.parse.cells import NOTE_LING, Kind, read_value
from gongkai.annual.parse.flat_tables import ling_as_zero
from tests.annual.parse.table3_printed import (
    AFTER,
    BEFORE,
    THIS_YEAR,
    WARNINGS,
    codes,
    notes_of,
    parse,
    report,
    row,
)
from tests.annual.parse.test_fixture_reports import differences
from tests.conftest import FIXTURES

HEADER = [
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 申请人情况",
    "自然人 法人或其他组织 总计",
    "商业企业 科研机构 社会公益组织 法律服务机构 其他",
]


def _ling(text: str) -> str:
    return text.replace("0", "〇")


def _table3_lines() -> list[str]:
    rows = [f"{r.full_label} {' '.join(map(str, row(THIS_YEAR, r.key)))}" for r in s.TABLE3_ROWS]
    return [*HEADER, *rows]


def _with_ling_everywhere() -> str:
    """The report with every 0 of its table cells printed 〇 (行政强制 5 → 5, 133 stays)."""
    text = report(_table3_lines())
    start = text.index("第二十条第（一）项")
    end = text.index("五、存在的主要问题")
    tables = "\n".join(
        line if not line[-1:].isdigit() else _cells_in_ling(line)
        for line in text[start:end].split("\n")
    )
    return text[:start] + tables + text[end:]


def _cells_in_ling(line: str) -> str:
    words = line.split(" ")
    return " ".join(_ling(w) if w.isdigit() else w for w in words)


def test_ling_alone_or_among_digits_is_the_digit_zero_and_noted() -> None:
    for printed, number in (("〇", 0), ("1〇", 10), ("2〇6", 206), ("1〇〇", 100), ("4〇件", 40)):
        value = read_value(printed)
        assert (value.kind, value.number, value.note) == (Kind.NUMBER, number, NOTE_LING)


def test_ling_in_words_and_chinese_numerals_is_no_digit() -> None:
    assert read_value("二〇二三年").kind is Kind.TEXT
    assert read_value("〇〇").kind is Kind.TEXT  # (no ASCII digit beside them)
    assert (read_value("一百零五").number, read_value("一百零五").note) == (105, None)


def test_every_table_with_ling_for_zero_reads_as_printed_with_zero() -> None:
    plain = parse(report(_table3_lines()))
    got = parse(_with_ling_everywhere())
    assert "〇" in _with_ling_everywhere()
    assert got.to_dict()["table2"] == plain.to_dict()["table2"]
    assert got.to_dict()["table3"] == plain.to_dict()["table3"]
    assert got.to_dict()["table4"] == plain.to_dict()["table4"]
    assert got.confidence == plain.confidence == {"table2": 1.0, "table3": 1.0, "table4": 1.0}
    assert not set(codes(got)) & WARNINGS
    said = notes_of(got, "LETTER_O_AS_ZERO")
    assert [("表二" in str(d["message"]), "表三" in str(d["message"])) for d in said] == [
        (True, False),
        (False, True),
        (False, False),
    ]
    assert "表四" in str(said[2]["message"])
    assert all("“〇”按数字 0 读取" in str(d["message"]) for d in said)
    assert "〇" in said[1]["cells"]


def test_numbers_with_ling_inside_are_never_cut_at_it() -> None:
    text = BEFORE.replace("行政许可 133", "行政许可 2〇6").replace("行政处罚 27", "行政处罚 4〇")
    got = parse(text + "\n".join(_table3_lines()) + "\n" + AFTER)
    assert (got.table2.licensing, got.table2.punishment) == (206, 40)
    (said,) = notes_of(got, "LETTER_O_AS_ZERO")
    assert said["cells"] == ["2〇6", "4〇"]
    assert "表二有2个数字单元格" in str(said["message"])


def test_a_report_without_ling_says_nothing_of_it() -> None:
    assert "LETTER_O_AS_ZERO" not in codes(parse(report(_table3_lines())))


@pytest.mark.parametrize("name", ["crawled-one-line", "crawled-row-per-line"])
def test_ling_in_a_crawled_run_of_digits_is_the_digit_zero_and_noted(name: str) -> None:
    path = FIXTURES / "flat" / f"{name}.txt"
    text = path.read_text(encoding="utf-8")
    start = text.index("第二十条第（一）项")
    end = text.index("五、存在的主要问题")
    printed = text[:start] + _ling(text[start:end]) + text[end:]
    assert "〇〇〇" in printed
    got = parse(printed)
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))
    assert differences(got, expected) == []
    (said,) = notes_of(got, "LETTER_O_AS_ZERO")
    assert "“〇”按数字 0 读取" in str(said["message"])


def test_ling_in_a_year_beside_a_crawled_run_stays_a_year() -> None:
    assert ling_as_zero("二〇二〇年度申请数量36〇〇〇〇39二、上年") == (
        "二〇二〇年度申请数量36000039二、上年",
        4,
    )
    assert ling_as_zero("于二〇〇五年成立") == ("于二〇〇五年成立", 0)
    assert ling_as_zero("第〇号，〇加强") == ("第〇号，〇加强", 0)
