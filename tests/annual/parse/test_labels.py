"""Label matching: the indexed ``LabelSet.match`` finds exactly what comparing a cell
with every variant of the table finds, for every variant and for mixed, noisy cells."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.annual import schema as s
from gongkai.annual.parse.labels import (
    GENERIC_LENGTH,
    MAX_LABEL_LENGTH,
    Label,
    LabelSet,
    strip_numbering,
    table2_labels,
    table3_labels,
    table4_labels,
)

SETS = {"表二": table2_labels, "表三": table3_labels, "表四": table4_labels}


def brute_force(labels: LabelSet, cell: str) -> list[Label]:
    """The matching rule as the module docstring states it, over every variant."""
    folded = s.normalize_label(cell)
    if len(cell) > 2 * MAX_LABEL_LENGTH or not folded:
        return []
    if len(folded) > MAX_LABEL_LENGTH or "。" in folded:
        return []
    folded = folded.replace("其它", "其他")
    out = longest(labels._contained, folded)
    if out and out[0][1] in ("group", "block"):
        at = folded.index(out[0][0])
        end = at + len(out[0][0])
        rest = folded[:at] + "\0" + folded[end:]
        rows = longest([v for v in labels._contained if v[1] == "row"], rest)
        if rows:
            return [Label(kind, key, len(v), False) for v, kind, key in rows]
        tail = strip_numbering(folded[end:])
        exact = [(kind, key) for kind, key in labels._exact.get(tail, []) if kind == "row"]
        if exact:
            return [Label(kind, key, len(tail), True) for kind, key in exact]
        loose = loosely([v for v in labels._contained if v[1] == "row"], tail)
        if loose:
            return loose
        if re.match(r"^(?:\d+|[lI])[.、)](?!\()", folded):
            bare = strip_numbering(folded)
            for word, found in labels._exact.items():
                opening = [(kind, key) for kind, key in found if kind == "row"]
                if bare.startswith(word) and opening:
                    return [Label(kind, key, len(word), True) for kind, key in opening]
    if out:
        return [Label(kind, key, len(v), False) for v, kind, key in out]
    bare = strip_numbering(folded)
    exact = labels._exact.get(bare, []) or labels._exact.get(folded, [])
    if exact:
        return [Label(kind, key, len(bare), True) for kind, key in exact]
    return loosely(list(labels._contained), folded)


def loosely(variants: list[tuple[str, str, str]], folded: str) -> list[Label]:
    """The longest variants of five characters or more that are in a stretch of
    ``folded`` at most two characters longer than they are, as a subsequence."""
    inside = [(v, kind, key) for v, kind, key in variants if len(v) >= 5 and in_window(v, folded)]
    if not inside:
        return []
    size = max(len(v) for v, _, _ in inside)
    return [Label(kind, key, size, False) for v, kind, key in inside if len(v) == size]


def in_window(variant: str, folded: str) -> bool:
    for start in range(len(folded)):
        for end in range(start + len(variant), min(len(folded), start + len(variant) + 2) + 1):
            chars = iter(folded[start:end])
            if all(ch in chars for ch in variant):
                return True
    return False


def longest(
    variants: tuple[tuple[str, str, str], ...] | list[tuple[str, str, str]], folded: str
) -> list[tuple[str, str, str]]:
    inside = [entry for entry in variants if entry[0] in folded]
    if not inside:
        return []
    size = max(len(v) for v, _, _ in inside)
    return [entry for entry in inside if len(entry[0]) == size]


def variants(labels: LabelSet) -> list[str]:
    return [v for v, _, _ in labels._contained] + list(labels._exact)


@pytest.mark.parametrize("table", sorted(SETS))
def test_every_variant_matches_as_brute_force_does(table: str) -> None:
    labels = SETS[table]()
    for variant in variants(labels):
        for cell in (variant, f"(三){variant}", f"{variant} 合计", f"1.{variant}"):
            assert list(labels.match(cell)) == brute_force(labels, cell), cell


def test_longest_variant_wins() -> None:
    labels = table3_labels()
    best = labels.match("(六)其他处理")[0]
    assert (best.kind, best.key) == ("group", s.TABLE3_GROUPS[-1].key)
    for cell in ("(三)不予公开 1.属于国家秘密", "不予公开属于国家秘密"):
        row = labels.match(cell)[0]
        assert (row.kind, row.key) == ("row", "withheld.state_secret")


def test_generic_word_counts_only_as_the_whole_cell() -> None:
    labels = table2_labels()
    generic = [v for v in labels._exact if len(v) <= GENERIC_LENGTH]
    assert generic
    word = generic[0]
    assert labels.match(word)
    assert all(not lb.generic for lb in labels.match(f"本年{word}情况说明"))


@st.composite
def noisy_cells(draw: st.DrawFn) -> tuple[str, str]:
    table = draw(st.sampled_from(sorted(SETS)))
    pool = variants(SETS[table]())
    parts = draw(st.lists(st.sampled_from(pool), min_size=0, max_size=3))
    noise = draw(st.lists(st.sampled_from(list("一二三()、.1 其他总计本年公开申请")), max_size=6))
    pieces = [*parts, "".join(noise)]
    order = draw(st.permutations(pieces))
    return table, "".join(order)


@settings(max_examples=200, deadline=None)
@given(case=noisy_cells())
def test_indexed_match_equals_brute_force(case: tuple[str, str]) -> None:
    table, cell = case
    labels = SETS[table]()
    assert list(labels.match(cell)) == brute_force(labels, cell)


@pytest.mark.parametrize("cell", ["l.其他", "I、其他", "l)其他"])
def test_ocr_letter_for_one_in_an_item_number_is_numbering(cell: str) -> None:
    """OCR reads the item number 1 as l or I: still numbering, so a generic row word
    after it is found as the whole cell."""
    assert strip_numbering(s.normalize_label(cell)) == "其他"
    assert ("row", "other.other") in [(lb.kind, lb.key) for lb in table3_labels().match(cell)]


@pytest.mark.parametrize(
    ("cell", "key"),
    [
        ("1、信访、举报、投诉类申请", "not_processed.petition"),
        ("(五)不予处理 1、信访、举报、投诉类申请", "not_processed.petition"),
        ("(四)无法提供 1.本机关不掌握相关的政府信息", "unavailable.not_held"),
        ("2、其他法律、行政法规禁止公开", "withheld.prohibited_by_law"),
        ("4、无正当理由大量、反复申请", "not_processed.excessive"),
        ("5、要求行政机关确认或者重新出具已获取的信息", "not_processed.confirmation"),
        ("四、结转下一年度继续办理", "carried_forward"),
    ],
)
def test_a_row_label_with_words_typed_into_it_is_the_row(cell: str, key: str) -> None:
    """An organ types a 、 between a label's words or a 的 into it: up to two characters
    inside a variant of five or more still make it that row."""
    assert [(lb.kind, lb.key) for lb in table3_labels().match(cell)] == [("row", key)]


def test_a_label_with_too_many_words_typed_into_it_is_no_label() -> None:
    assert table3_labels().match("本机关并不实际掌握相关的政府信息") == ()


def test_the_last_other_row_worded_as_its_group_is_the_row() -> None:
    """``3.其他处理``: numbered as an item of the group, so the row ``3.其他``; the group
    itself keeps its bracketed number (``(六)其他处理``, also after a list's ``1.``)."""
    labels = table3_labels()
    assert [(lb.kind, lb.key) for lb in labels.match("3.其他处理")] == [("row", "other.other")]
    assert [(lb.kind, lb.key) for lb in labels.match("(六)其他处理")] == [("group", "other")]
    assert [(lb.kind, lb.key) for lb in labels.match("1.(六)其他处理")] == [("group", "other")]


@pytest.mark.parametrize(
    ("cell", "kind", "key"),
    [
        ("其它", "column", "other"),
        ("(六)其它处理", "group", "other"),
        ("3.其它", "row", "other.other"),
    ],
)
def test_qita_written_with_the_other_ta_is_the_forms_qita(cell: str, kind: str, key: str) -> None:
    assert (kind, key) in [(lb.kind, lb.key) for lb in table3_labels().match(cell)]


@pytest.mark.parametrize(
    ("cell", "key"),
    [
        ("尚在审理", "pending"),
        ("正在审理", "pending"),
        ("尚未审结", "pending"),
        ("总数", "total"),
        ("合计", "total"),
        ("小计", "total"),
        ("其它结果", "other"),
        ("其它", "other"),
        ("维持", "upheld"),
        ("纠正", "corrected"),
    ],
)
def test_table4_column_words_reports_print_are_the_forms_columns(cell: str, key: str) -> None:
    assert [(lb.kind, lb.key) for lb in table4_labels().match(cell)] == [("column", key)]


def test_table3s_subtotal_column_is_no_total() -> None:
    """小计 names 总计 only in table 四's headings: table 三's 小计 is the subtotal of the
    organisations' columns, a column the national form does not have."""
    assert table3_labels().match("小计") == ()
