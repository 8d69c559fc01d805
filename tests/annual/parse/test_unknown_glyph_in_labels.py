"""Glyphs pdfminer cannot map, printed as ``(cid:N)``: each is one unknown character
(``normalize``), which a label printed around it fills when only one label can be meant
(``labels``)."""

from __future__ import annotations

from gongkai.annual.parse.labels import table2_labels, table3_labels, table4_labels
from gongkai.annual.parse.normalize import (
    UNKNOWN_CHARACTER,
    glyph_codes,
    normalize_cells,
    normalize_text,
)

U = UNKNOWN_CHARACTER


def _keys(cell: str, labels: str = "table3") -> set[tuple[str, str]]:
    found = {"table2": table2_labels, "table3": table3_labels, "table4": table4_labels}[labels]()
    return {(label.kind, label.key) for label in found.match(cell)}


def test_each_glyph_code_is_one_unknown_character() -> None:
    text = "2.属于国家(cid:5571)密 0 0\n（七）总(cid:1187) 27\n危及(cid:3)三安全一稳定(cid:4) 0"
    assert normalize_text(text) == f"2.属于国家{U}密 0 0\n(七)总{U} 27\n危及{U}三安全一稳定{U} 0"
    assert glyph_codes(text) == 4
    assert normalize_cells(["不再(cid:2245)理", "3"]) == [f"不再{U}理", "3"]


def test_a_text_without_glyph_codes_is_left_alone() -> None:
    text = "其他(cid 12)与 cid:3 都不是字形编码"
    assert normalize_text(text) == text
    assert glyph_codes(text) == 0


def test_a_glyph_code_never_becomes_a_number() -> None:
    assert not any(ch.isdigit() for ch in normalize_text("行政机关不再(cid:2245)理其申请"))


def test_an_unknown_character_inside_a_row_label_is_that_row() -> None:
    assert _keys(f"1.属于国家{U}密") == {("row", "withheld.state_secret")}
    assert _keys(f"3.补正后申请内容仍不{U}确") == {("row", "unavailable.still_unclear")}
    assert _keys(f"(七)总{U}") == {("row", "handled_total")}
    assert _keys(f"危及{U}三安全一稳定{U}") == {("row", "withheld.security_stability")}


def test_a_group_label_and_a_row_label_with_an_unknown_character_is_the_row() -> None:
    assert _keys(f"(三)不予公开1.属于国家{U}密") == {("row", "withheld.state_secret")}


def test_an_unknown_character_two_labels_would_fill_differently_stays_unknown() -> None:
    assert _keys(f"第二十条第({U})项", "table2") == set()
    assert _keys(f"结果{U}{U}", "table4") == set()


def test_too_many_unknown_characters_or_too_few_printed_ones_match_nothing() -> None:
    assert _keys(f"属于{U}{U}{U}密") == set()
    assert _keys(f"总{U}") == set()  # a two-character word: one printed character is too few
    assert _keys(f"{U}{U}公开") == set()


def test_a_label_printed_whole_beside_an_unknown_character_is_read_as_before() -> None:
    assert _keys(f"{U}结转下年度继续办理") == {("row", "carried_forward")}
    assert _keys(f"四、结转下年度继续办{U}") == {("row", "carried_forward")}
