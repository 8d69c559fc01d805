"""A long row label printed with one character dropped, swapped or typed otherwise.

Table 三's long labels (``（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府
信息公开申请``) are matched by a variant that is only their first words
(``申请人无正当理由逾期不补正``): a typo there left the cell no row, since the whole cell is
far from that short variant. The row is now the one whose variant the cell opens with but
for one character (its numbering, a group's label and a dash before it aside), the rest of
the cell whatever it is (the label's last words, the row's numbers on the same line), when
no other row's variant is about as near the cell's first words; the tables say so
(``LABEL_NEAR``). A typo that leaves the cell as near another row (a sibling sharing its
first or last words) is still no row: a row left blank, never another row's numbers.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from gongkai.annual import schema as s
from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.labels import edit_distance, table3_labels
from tests.annual.parse.shapes import Rows
from tests.annual.parse.test_fixture_reports import differences, expected_for
from tests.annual.parse.test_label_words import WARNED, _codes, _read, _report, _worded
from tests.conftest import FIXTURES

LONG_ROWS = [row for row in s.TABLE3_ROWS if len(row.short_label) >= 16]
"""部分公开（区分处理的…）, 要求行政机关确认或重新出具已获取信息, and （六）其他处理's rows
1 and 2: the labels a reader prints whole, each longer than its shortest variants."""


def _typed(label: str, how: str, at: int) -> str:
    """``label`` with the character at ``at`` dropped, swapped with the next, or typed as
    another."""
    if how == "drop":
        return label[:at] + label[at + 1 :]
    if how == "swap":
        return label[:at] + label[at + 1] + label[at] + label[at + 2 :]
    return label[:at] + "乙" + label[at + 1 :]


_PAUSES_RE = re.compile("[、,，]")


def _lost(row: s.Table3Row, printed: str) -> bool:
    """Whether ``printed`` holds none of the row's variants, even with its pauses set aside
    or a character or two typed between a variant's (``labels._loosely``): only a near
    match reads it."""
    folded = _PAUSES_RE.sub("", s.normalize_label(printed))
    return not any(
        re.search(".{0,2}".join(map(re.escape, _PAUSES_RE.sub("", s.normalize_label(v)))), folded)
        for v in row.variants
    )


def _typos(row: s.Table3Row) -> list[tuple[str, str]]:
    """The row's label with a typo of each kind, at the first and the last place where it
    leaves no variant of the row whole."""
    out = []
    start = len(row.label) - len(row.short_label)
    for how in ("drop", "swap", "replace"):
        lost = [
            printed
            for at in range(start, len(row.label) - 1)
            if _lost(row, printed := _typed(row.label, how, at))
        ]
        out.extend((row.key, printed) for printed in dict.fromkeys((lost[0], lost[-1])))
    return out


TYPOS = [typo for row in LONG_ROWS for typo in _typos(row)]
"""Each long row's label with a typo in the words its variants are made of."""


_NUMBER_RE = re.compile(r"(?:\d+(?:\.\d+)?|-)$")


def _rows_per_line(printed: dict[str, str]) -> Callable[[Rows], list[str]]:
    """Each table row one line: its labels run together (``（六）其他处理1.申请人…``), then
    its numbers a space apart, as a PDF's text prints a table whose lines are too long to
    split into cells; each form's label (a key of ``printed``) printed as its value."""

    def write(rows: Rows) -> list[str]:
        lines = []
        for row in rows:
            words = "".join(printed.get(c, c) for c in row if c and not _NUMBER_RE.match(c))
            numbers = [c for c in row if _NUMBER_RE.match(c)]
            lines.append(" ".join([words, *numbers]) if words else " ".join(numbers))
        return lines

    return write


LAYOUTS = {"pipes": _worded, "rows_per_line": _rows_per_line}


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize(("key", "printed"), TYPOS)
def test_a_long_label_with_a_typo_is_read_as_its_row_and_said(
    key: str, printed: str, layout: str
) -> None:
    report = _report()
    got = _read(report, LAYOUTS[layout]({s.TABLE3_ROW_BY_KEY[key].label: printed}))
    assert dict(got.table3.rows) == dict(report.table3.rows)
    assert not _codes(got) & WARNED
    (near,) = [d for d in got.diagnostics or () if d["code"] == "LABEL_NEAR"]
    assert near["severity"] == "info"
    assert f"读作“{s.TABLE3_ROW_BY_KEY[key].full_label}”" in near["message"]


FIXTURES_WITH_THE_ROW = [
    "reports/narrative_first_tables_in_appendix_fubiao",
    "reports/year_only_in_statistics_period",
    "reports/sections_numbered_in_roman_numerals_titles_typed_otherwise_tab_tables_no_guizhang_row",
    "redteam8/lex-md-title-zhengwu-gongkai-gongzuo-niandu-baogao-table3-results-group-banli-qingkuang",
]
"""Reports printing （六）其他处理's first row whole: beside its group in one cell of a
Markdown table, in a cell of its own, after a tab with the item numbered ``1、``."""
NO_CORRECTION = s.TABLE3_ROW_BY_KEY["other.no_correction"]


@pytest.mark.parametrize("name", FIXTURES_WITH_THE_ROW)
@pytest.mark.parametrize(
    "printed",
    [
        p[len(NO_CORRECTION.label) - len(NO_CORRECTION.short_label) :]
        for _, p in _typos(NO_CORRECTION)
    ],
)
def test_a_report_printing_the_long_label_with_a_typo_reads_as_printed_whole(
    name: str, printed: str
) -> None:
    path = FIXTURES / f"{name}.txt"
    text = path.read_text(encoding="utf-8")
    assert NO_CORRECTION.short_label in text
    got = parse_bytes(text.replace(NO_CORRECTION.short_label, printed).encode("utf-8"), path.name)
    assert differences(got, expected_for(path.name.removesuffix(".txt"))) == []
    (near,) = [d for d in got.diagnostics or () if d["code"] == "LABEL_NEAR"]
    assert f"读作“{NO_CORRECTION.full_label}”" in near["message"]


@pytest.mark.parametrize(
    ("cell", "key"),
    [
        (
            "(六)其他处理1.申请人无正当理由逾期补正、行政机关不再处理其政府信息公开申请",
            "other.no_correction",
        ),
        ("1.申请人无正当理由逾期不补、行政机关不再处理其政府信息公开申请", "other.no_correction"),
        (
            "2.申请人逾期未按收社通知要求缴纳费用，行政机关不再处理其政府信息公开申请",
            "other.fee_unpaid",
        ),
        (
            "（二）第分公开（区分处理的，只计这一情形，不计其他情形） 0 0 0 0 0 0 0",
            "partially_granted",
        ),
        ("3.要求提供公开出版  0  0  0  0  0  0  0", "not_processed.publication"),
        # a dash between the group's label and the row's
        ("（五）不予处理—⑸要求行政机关确认或重放出具已获取信息", "not_processed.confirmation"),
    ],
)
def test_a_cell_opening_with_a_row_label_a_character_off_is_that_row(cell: str, key: str) -> None:
    found = [lb for lb in table3_labels().match(cell) if lb.kind == "row"]
    assert [(lb.key, lb.near) for lb in found] == [(key, True)]


def test_a_generic_row_after_its_group_and_a_dash_is_the_row() -> None:
    """``（六）其他处理—⑶其他``: the row 3.其他 of its group, as without the dash."""
    found = table3_labels().match("（六）其他处理—⑶其他")
    assert [(lb.kind, lb.key, lb.near) for lb in found] == [("row", "other.other", False)]


@pytest.mark.parametrize(
    "cell",
    [
        # 本→上: one edit from 本年新收…, two from 上年结转…: either row may be meant
        "二、上年新收政府信息公开申请数量 1 0 0 0 0 0 1",
        # 部分→不分: one edit from the group 不予公开 as from 部分公开
        "（二）不分公开（区分处理的，只计这一情形，不计其他情形） 0 1 0 0 0 0 1",
        # only the words （六）其他处理's rows 1 and 2 share, with a typo
        "（六）其他处理1.行政机关不再处理其政府信息公开申情",
        # two edits from 属于行政执法案卷 as from 属于行政查询事项
        "7.属于行政执法事项 0 0 0 0 0 0 0",
        # a sentence opening as a row's label does but for more than one character
        "本机关不掌握的信息已告知申请人",
        "本机关并不实际掌握相关的政府信息 0 0 0 0 0 0 0",
    ],
)
def test_a_cell_as_near_another_row_is_no_row(cell: str) -> None:
    assert all(lb.kind != "row" for lb in table3_labels().match(cell)), cell


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_typo_that_could_be_either_row_leaves_the_row_blank_never_the_others(
    layout: str,
) -> None:
    """上年结转 printed 上年新收: neither row read from it (the printed numbers may be
    either's); 本年新收 is still read from its own label."""
    report = _report()
    printed = {s.TABLE3_ROW_BY_KEY["carried_over"].label: "二、上年新收政府信息公开申请数量"}
    got = _read(report, LAYOUTS[layout](printed))
    assert got.table3.row("received") == report.table3.row("received")
    assert got.table3.row("carried_over") in (
        report.table3.row("carried_over"),  # placed by position, and said
        (None,) * s.TABLE3_WIDTH,
    )
    assert "LABEL_NEAR" not in _codes(got)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_an_ordinary_report_says_no_label_near(layout: str) -> None:
    report = _report()
    got = _read(report, LAYOUTS[layout]({}))
    assert dict(got.table3.rows) == dict(report.table3.rows)
    assert "LABEL_NEAR" not in _codes(got)


@pytest.mark.parametrize(
    ("variant", "text", "edits"),
    [
        ("申请人无正当理由逾期不补正", "申请人无正当理由逾期补正行政机关", 1),
        ("申请人无正当理由逾期不补正", "申请人无正当理由逾期不补正行政机关", 0),
        ("申请人无正当理由逾期不补正", "申请人无正当理由期逾不补正0000000", 1),
        ("属于行政执法案卷", "属于行政查询事项0000000", 3),
    ],
)
def test_edit_distance_to_a_leading_part(variant: str, text: str, edits: int) -> None:
    """The edits that make a variant into the nearest of the text's leading parts."""
    head = text[: len(variant) + 2]
    assert edit_distance(variant, head, 2, leading=True) == edits


def _every_typo(label: str, chars: str) -> set[str]:
    """``label`` with each character dropped, swapped with the next, or typed as one of
    ``chars``."""
    out = set()
    for at in range(len(label)):
        out.add(_typed(label, "drop", at))
        if at + 1 < len(label):
            out.add(_typed(label, "swap", at))
        out.update(label[:at] + char + label[at + 1 :] for char in chars)
    out.discard(label)
    return out


def _siblings_characters(row: s.Table3Row) -> str:
    """The characters of the labels of the rows beside ``row`` (its group's, or the rows
    in no group) that ``row``'s does not print: the ones a typo would have to type to
    make it a sibling."""
    siblings = [r for r in s.TABLE3_ROWS if r.group == row.group and r is not row]
    chars = {c for r in siblings for v in (r.label, *r.variants) for c in v}
    return "".join(sorted(chars - set(row.label)))


@pytest.mark.parametrize("row", s.TABLE3_ROWS, ids=[row.key for row in s.TABLE3_ROWS])
def test_no_one_character_typo_of_a_row_label_is_read_as_another_row(row: s.Table3Row) -> None:
    """Every typo of one character (a sibling's characters typed in place of one), with
    the row's numbers after it on the line (so that the cell is matched by its first words
    when its whole is near no variant): the row or no row, never another."""
    labels = table3_labels()
    for printed in _every_typo(row.label, _siblings_characters(row)):
        cell = f"{printed} 1 0 0 0 0 0 1"
        rows = {lb.key for lb in labels.match(cell) if lb.kind == "row"}
        assert rows <= {row.key}, cell
