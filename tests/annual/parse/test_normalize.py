"""Normalisation of published report text before recognition."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.annual import schema as s
from gongkai.annual.parse.normalize import (
    is_page_number,
    is_vertical_piece,
    join_wrapped,
    looks_traditional,
    normalize_cell,
    normalize_cells,
    normalize_text,
    without_wrapped_pinyin,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # doubled and stray punctuation (seed 001 copied with an extra comma everywhere)
        ("情况,。2024年,,市数据局", "情况。2024年,市数据局"),
        ("三,、收到和处理", "三、收到和处理"),
        ("职能,、机构设置等信息,。", "职能、机构设置等信息。"),
        ("结束。。", "结束。"),
        (",开头的逗号", "开头的逗号"),
        # full-width digits, letters and brackets
        ("２０２４年（一）ＡＢｃ", "2024年(一)ABc"),
        ("第二十条第（一）项", "第二十条第(一)项"),
        # Kangxi radicals and compatibility ideographs from PDF text layers
        ("⼀、本年新收政府信息公开申请数量", "一、本年新收政府信息公开申请数量"),
        ("⼆、上年结转", "二、上年结转"),
        ("⻓期公开", "长期公开"),
        # thousands separators, and what is not one
        ("共受理1,234件", "共受理1234件"),
        ("金额12,345,678元", "金额12345678元"),
        ("2023,2024年", "2023,2024年"),
        ("1.5,3", "1.5,3"),
        # spaces
        ("自然人\u3000\u00a0|", "自然人  |"),
        ("行尾空格   ", "行尾空格"),
        ("零宽\u200b字符\ufeff", "零宽字符"),
        # tabs are cell separators and stay
        ("规章\t0\t0\t0", "规章\t0\t0\t0"),
    ],
)
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize_text(raw, simplify=False) == expected


def test_ruby_pinyin_after_characters_is_removed() -> None:
    raw = "嘉興市數(shù)據(jù)局 (一)主動(dòng)公開 (2021—2025年)"
    assert normalize_text(raw, simplify=False) == "嘉興市數據局 (一)主動公開 (2021—2025年)"


def test_ruby_pinyin_wrapped_onto_the_next_line_of_a_cell_is_removed() -> None:
    """A narrow PDF cell breaks ``總計(jì)`` after the character: the pinyin starts the
    next line, and the cell reads ``總計`` once its lines are joined."""
    assert normalize_cell("總計\n(jì)", simplify=False) == "總計"
    assert normalize_cell("本機關不掌握相關\n(guān)政府信息") == "本機關不掌握相關政府信息"
    assert normalize_text("(a)\n(b)", simplify=False) == "(a)\n(b)"


def test_ruby_pinyin_starting_a_line_read_on_its_own_is_removed() -> None:
    assert without_wrapped_pinyin("完善政府网", "(wǎng)站信息内容") == "站信息内容"
    assert without_wrapped_pinyin("完善政府网", "(一)主动公开") == "(一)主动公开"
    assert without_wrapped_pinyin("2025", "(wǎng)站") == "(wǎng)站"


def test_traditional_text_becomes_simplified() -> None:
    raw = "嘉興市數據局2024年度政府信息公開工作年度報告，收到和處理政府信息公開申請情況，總計"
    assert looks_traditional(raw)
    assert (
        normalize_text(raw)
        == "嘉兴市数据局2024年度政府信息公开工作年度报告，收到和处理政府信息公开申请情况，总计"
    )


def test_simplified_text_is_not_converted() -> None:
    raw = "本年新收政府信息公开申请数量，结转下年度继续办理"
    assert not looks_traditional(raw)
    assert normalize_text(raw) == raw


@pytest.mark.parametrize("row", s.TABLE3_ROWS, ids=lambda r: r.key)
def test_traditional_labels_come_back_as_the_schema_labels(row: s.Table3Row) -> None:
    """Every table-三 label survives a round trip through traditional script."""
    import opencc

    traditional = opencc.OpenCC("s2t").convert(row.label)
    assert normalize_text(traditional, simplify=True) == normalize_text(row.label, simplify=False)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("商业\n企业", "商业企业"),
        ("行\n政\n复\n议", "行政复议"),
        (" 0 ", "0"),
        ("—", "-"),
        ("——", "-"),
        ("－", "-"),
        ("/", "/"),
        ("无", "无"),
        ("", ""),
        ("1,234", "1234"),
        ("Page\ntwo", "Page two"),
        ("本年收费金额\n（单位：万元）", "本年收费金额(单位：万元)"),
    ],
)
def test_normalize_cell(raw: str, expected: str) -> None:
    assert normalize_cell(raw) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("- 3 -", True),
        ("— 12 —", True),
        ("第 3 页 共 9 页", True),
        ("第3页", True),
        ("共9页 第3页", True),
        ("3/9", True),
        ("Page 2 of 5", True),
        ("3", False),
        ("0 |", False),
        ("第二十条第(一)项", False),
        ("一、本年新收政府信息公开申请数量", False),
    ],
)
def test_is_page_number(line: str, expected: bool) -> None:
    assert is_page_number(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [("行", True), (" 政 ", True), ("0", False), ("行政", False), ("|", False)],
)
def test_is_vertical_piece(line: str, expected: bool) -> None:
    assert is_vertical_piece(line) is expected


def test_join_wrapped_spaces_only_between_latin_pieces() -> None:
    assert join_wrapped(["结果", "维持"]) == "结果维持"
    assert join_wrapped(["PDF", "text"]) == "PDF text"
    assert join_wrapped(["共", "12", "件"]) == "共12件"


@settings(max_examples=150)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\r\x0b\x0c\u2028\u2029")))
def test_normalize_keeps_line_count_and_is_idempotent(text: str) -> None:
    once = normalize_text(text, simplify=False)
    assert once.count("\n") == text.count("\n")
    assert normalize_text(once, simplify=False) == once


@settings(max_examples=150)
@given(
    st.lists(
        st.text(alphabet="0123456789,，。、()（）—- \n\t\x1f一二三行政複議數據(shù)⼀１"),
        max_size=8,
    )
)
def test_cells_normalised_together_equal_one_by_one(cells: list[str]) -> None:
    assert normalize_cells(cells) == [normalize_cell(c) for c in cells]


def test_every_character_folded_is_found_by_the_quick_check() -> None:
    """``normalize_text`` skips the character table's pass when a quick check (NFKC,
    then a search for each character NFKC keeps) finds none of its characters."""
    from gongkai.annual.parse.normalize import CHARACTER_TABLE, _has_foldable

    assert not _has_foldable("数据局2024年(一)公开, 本年新收。")
    for code in CHARACTER_TABLE:
        assert _has_foldable(f"数据{chr(code)}局"), hex(code)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("甲,，。", "甲。"),
        ("甲，,。", "甲。"),
        ("甲，,a", "甲,a"),
        ("甲,，a", "甲，a"),
        ("甲,，,乙", "甲,乙"),
        ("甲\n,，乙", "甲\n乙"),
        ("甲\x1f，乙", "甲\x1f乙"),
    ],
)
def test_commas_before_punctuation_go_one_kind_at_a_time(raw: str, expected: str) -> None:
    assert normalize_text(raw, simplify=False) == expected


def test_markdown_escapes_before_punctuation_are_dropped_but_an_escaped_pipe_stays() -> None:
    """html2text and pandoc write ``3\\.其他`` for ``3.其他``; ``\\|`` is a pipe inside a
    Markdown cell and must not become a cell's border."""
    assert normalize_text("3\\.其他 | 1\\* | a \\| b") == "3.其他 | 1* | a \\| b"
