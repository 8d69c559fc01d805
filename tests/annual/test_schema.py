"""annual.schema against what reads it: every key of the form has variants the parser
recognises as that key (its printed label included), and every section heading is found.

That every label is printed in the rendered HTML and DOCX is tested beside the renderers
(``test_render_html.py`` and ``test_render_docx.py``, both over ``form_labels()``).
"""

from __future__ import annotations

import pytest

from gongkai.annual import parse_bytes
from gongkai.annual import schema as s
from gongkai.annual.parse.labels import (
    GENERIC_LENGTH,
    LabelSet,
    table2_labels,
    table3_labels,
    table4_labels,
)


def _entries() -> list[tuple[str, LabelSet, str, str, tuple[str, ...]]]:
    """(table, parser label set, kind, key, printed label and variants) for every key."""
    t2, t3, t4 = table2_labels(), table3_labels(), table4_labels()
    out: list[tuple[str, LabelSet, str, str, tuple[str, ...]]] = []
    for block in s.TABLE2_BLOCKS:
        out.append(("表二", t2, "block", block.key, (block.heading, *block.variants)))
        out.extend(("表二", t2, "column", c.key, (c.label,)) for c in block.columns)
        out.extend(("表二", t2, "row", r.key, (r.label, *r.variants)) for r in block.rows)
    out.extend(("表三", t3, "row", r.key, (r.label, *r.variants)) for r in s.TABLE3_ROWS)
    for g in (s.TABLE3_RESULTS_GROUP, *s.TABLE3_GROUPS):
        out.append(("表三", t3, "group", g.key, (g.label, *g.variants)))
    out.extend(("表三", t3, "column", c.key, (c.label, *c.variants)) for c in s.TABLE3_COLUMNS)
    out.extend(("表四", t4, "group", g.key, (g.label, *g.variants)) for g in s.TABLE4_GROUPS)
    out.extend(("表四", t4, "column", c.key, (c.label, *c.variants)) for c in s.TABLE4_COLUMNS)
    return out


ENTRIES = _entries()


def test_every_json_key_of_the_tables_has_an_entry() -> None:
    keys = {(table, kind, key) for table, _, kind, key, _ in ENTRIES}
    assert {("表二", "row", k) for k in (*s.TABLE2_DOCUMENT_ROWS, *s.TABLE2_COUNT_ROWS)} <= keys
    assert ("表二", "row", s.TABLE2_FEES_ROW) in keys
    assert {("表三", "row", k) for k in s.TABLE3_ROW_KEYS} <= keys
    assert {("表三", "column", k) for k in s.TABLE3_COLUMN_KEYS} <= keys
    assert {("表四", "group", k) for k in s.TABLE4_GROUP_KEYS} <= keys
    assert {("表四", "column", k) for k in s.TABLE4_COLUMN_KEYS} <= keys


@pytest.mark.parametrize(
    ("table", "labels", "kind", "key", "variants"),
    ENTRIES,
    ids=[f"{table}-{kind}-{key}" for table, _, kind, key, _ in ENTRIES],
)
def test_every_key_has_a_parser_variant_read_as_that_key(
    table: str, labels: LabelSet, kind: str, key: str, variants: tuple[str, ...]
) -> None:
    """The printed label and every variant are read as the key; a long one as the best
    match, a generic one (``其他``, ``总计``) among the candidates its position decides."""
    assert len(variants) >= 1
    for variant in variants:
        found = [(label.kind, label.key) for label in labels.match(variant)]
        if len(s.normalize_label(variant)) > GENERIC_LENGTH:
            assert found[:1] == [(kind, key)], (variant, found)
        else:
            assert (kind, key) in found, (variant, found)


SECTION_VARIANTS = [(sec.key, v) for sec in s.SECTIONS for v in (sec.title, *sec.variants)]


@pytest.mark.parametrize(("key", "variant"), SECTION_VARIANTS)
def test_every_section_heading_variant_is_found_by_the_parser(key: str, variant: str) -> None:
    """The heading stands alone (no neighbouring headings), so the parser must know the
    variant itself: a numbered short row between two known headings is found anyway."""
    numeral = s.SECTION_BY_KEY[key].numeral
    text = f"测试市测试局2024年政府信息公开工作年度报告\n前言。\n{numeral}、{variant}\n正文。\n"
    report = parse_bytes(text.encode("utf-8"), "标题.txt")
    assert report.sections == {key: "正文。"}


def test_an_unknown_heading_standing_alone_is_not_a_section() -> None:
    """What makes the test above able to fail."""
    text = "测试市测试局2024年政府信息公开工作年度报告\n前言。\n五、工作亮点\n正文。\n"
    assert not parse_bytes(text.encode("utf-8"), "标题.txt").sections
