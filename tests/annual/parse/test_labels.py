"""Label matching: the indexed ``LabelSet.match`` finds exactly what comparing a cell
with every variant of the table finds, for every variant and for mixed, noisy cells."""

from __future__ import annotations

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
    if out:
        return [Label(kind, key, len(v), False) for v, kind, key in out]
    bare = strip_numbering(folded)
    exact = labels._exact.get(bare, []) or labels._exact.get(folded, [])
    return [Label(kind, key, len(bare), True) for kind, key in exact]


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
