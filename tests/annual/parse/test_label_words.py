"""Row labels printed in other words than the national form's.

A label some organs print for a row (``予以全部公开``, ``逾期未补正``, ``行政执法卷宗``,
``行政事业收费``, ``直接向法院起诉``) is a variant in ``schema``, so every reader (the flat
reader of a page crawled onto one line too) finds it. A label printed with a character or
two dropped, swapped or written otherwise (``本机关不掌握该政府信息``, ``属于三类内部信息``, a
last character lost) is the row whose label it is nearest to, when no other row is about as
near. Either way the row is read by its label: its cells as printed, no row placed by
position (``ROW_INFERRED``) or left out (``ROW_NOT_FOUND``).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from gongkai.annual import schema as s
from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.labels import edit_distance, table2_labels, table3_labels, table4_labels
from tests.annual.parse.shapes import Rows, pipes, report_text

WARNED = {
    "ROW_INFERRED",
    "ROW_NOT_FOUND",
    "ROW_TOO_FEW",
    "ROW_TOO_MANY",
    "VALUES_UNASSIGNED",
    "ROW_DUPLICATE",
}


def _report() -> AnnualReport:
    """A report whose table 三 rows all differ (a row read for another shows) and add up."""
    width = s.TABLE3_WIDTH - 1
    rows: dict[str, list[int]] = {}
    for i, row in enumerate(s.TABLE3_OUTCOME_ROWS):
        cells = [i + 1, i % 3, 0, i % 2, 0, 0]
        rows[row.key] = [*cells, sum(cells)]
    handled = [sum(rows[r.key][c] for r in s.TABLE3_OUTCOME_ROWS) for c in range(width + 1)]
    carried_over = [2, 1, 0, 0, 0, 0, 3]
    carried_forward = [5, 0, 1, 0, 0, 0, 6]
    received = [h + f - o for h, f, o in zip(handled, carried_forward, carried_over, strict=True)]
    rows.update(
        received=received,
        carried_over=carried_over,
        handled_total=handled,
        carried_forward=carried_forward,
    )

    def group(upheld: int, corrected: int, other: int, pending: int) -> dict[str, int]:
        total = upheld + corrected + other + pending
        return {
            "upheld": upheld,
            "corrected": corrected,
            "other": other,
            "pending": pending,
            "total": total,
        }

    return AnnualReport.from_dict(
        {
            "schema": s.SCHEMA_ID,
            "organ": "青禾市临川区测试局",
            "year": 2025,
            "format": s.FORMAT_2021,
            "table2": {
                "regulations": {"made": 0, "repealed": 0, "in_force": 0},
                "normative_documents": {"made": 2, "repealed": 1, "in_force": 9},
                "licensing": 315,
                "punishment": 48,
                "coercion": 7,
                "fees": Decimal("1.25"),
            },
            "table3": {key: rows[key] for key in s.TABLE3_ROW_KEYS},
            "table4": {
                "reconsideration": group(2, 1, 0, 1),
                "litigation_direct": group(1, 0, 1, 0),
                "litigation_after_reconsideration": group(0, 1, 0, 2),
            },
        }
    )


def _worded(printed: dict[str, str]) -> Callable[[Rows], list[str]]:
    """``pipes`` with each cell printing a form's label (a key of ``printed``) printed as
    its value."""

    def write(rows: Rows) -> list[str]:
        return pipes([[printed.get(cell, cell) for cell in row] for row in rows])

    return write


def _one_line(printed: dict[str, str]) -> Callable[[Rows], list[str]]:
    """A crawler's text of a page: a table's cells on one line, a space apart."""

    def write(rows: Rows) -> list[str]:
        return [" ".join(printed.get(c, c) for row in rows for c in row if c)]

    return write


def _read(report: AnnualReport, write: Callable[[Rows], list[str]]) -> AnnualReport:
    text = report_text(report, write)
    return parse_bytes(text.encode("utf-8"), "年报.txt")


def _codes(report: AnnualReport) -> set[str]:
    return {str(d["code"]) for d in report.diagnostics or ()}


def _label(key: str) -> str:
    return s.TABLE3_ROW_BY_KEY[key].label


REWORDED = [
    # words other organs print for the row: variants in schema
    ("granted", "（一）予以全部公开"),
    ("partially_granted", "（二）部分予以公开（区分处理的，只计这一情形，不计其他情形）"),
    ("withheld.security_stability", "3.危及国家安全、公共安全、经济安全、社会稳定"),
    ("withheld.enforcement_files", "7.属于行政执法卷宗"),
    ("unavailable.not_held", "1.本机关不掌握该政府信息"),
    ("unavailable.needs_creation", "2.没有现成信息，需另行制作"),
    ("unavailable.needs_creation", "2.没有现成信息需要另外制作"),
    ("not_processed.repeated", "2.重复提出申请"),
    ("not_processed.excessive", "4.无正当理由大量重复申请"),
    ("other.no_correction", "1.申请人无正当理由逾期未补正、行政机关不再处理其政府信息公开申请"),
    ("handled_total", "（七）总数"),
]
TYPED = [
    # a character or two dropped, swapped or written otherwise: the nearest row
    ("received", "一、本年度收到政府信息公开申请数量"),
    ("carried_over", "二、上年转结政府信息公开申请数量"),
    ("withheld.prohibited_by_law", "2.其他法律法规禁止公开"),
    ("withheld.internal_affairs", "5.属于三类内部信息"),
    ("withheld.process_information", "6.属于四类过程信息"),
    ("withheld.query_matters", "8.属于行政查询"),
    ("unavailable.not_held", "1.本机关不掌握相关政府信"),
    ("unavailable.still_unclear", "3.补正后申请内容不明确"),
    ("not_processed.publication", "3.要求提供出版物"),
    ("not_processed.confirmation", "5.要求行政机关确认或重新出具已获得信息"),
    ("carried_forward", "四、转下年度继续办理"),
    ("carried_forward", "四、结转下年继续办理"),
]


@pytest.mark.parametrize(("key", "printed"), REWORDED + TYPED)
def test_a_row_worded_otherwise_is_read_by_its_label(key: str, printed: str) -> None:
    report = _report()
    got = _read(report, _worded({_label(key): printed}))
    assert dict(got.table3.rows) == dict(report.table3.rows)
    assert not _codes(got) & WARNED


@pytest.mark.parametrize(("key", "printed"), TYPED)
def test_a_label_read_as_its_nearest_row_is_said_with_the_row_it_was_read_as(
    key: str, printed: str
) -> None:
    got = _read(_report(), _worded({_label(key): printed}))
    (near,) = [d for d in got.diagnostics or () if d["code"] == "LABEL_NEAR"]
    assert near["severity"] == "info"
    (label,) = near["labels"]  # (with its group's heading when printed in the cell before)
    assert label.endswith(printed)
    assert f"“{label}”读作“{s.TABLE3_ROW_BY_KEY[key].full_label}”" in near["message"]


@pytest.mark.parametrize(("key", "printed"), REWORDED)
def test_a_variant_of_the_schema_is_no_label_read_as_another(key: str, printed: str) -> None:
    got = _read(_report(), _worded({_label(key): printed}))
    assert "LABEL_NEAR" not in _codes(got)


def test_rows_worded_otherwise_all_in_one_table() -> None:
    report = _report()
    printed = {_label(key): words for key, words in REWORDED + TYPED if key != "carried_forward"}
    got = _read(report, _worded(printed))
    assert dict(got.table3.rows) == dict(report.table3.rows)
    assert not _codes(got) & WARNED


@pytest.mark.parametrize(("key", "printed"), REWORDED)
def test_a_variant_reaches_the_reader_of_a_page_crawled_onto_one_line(
    key: str, printed: str
) -> None:
    report = _report()
    got = _read(report, _one_line({_label(key): printed}))
    assert dict(got.table3.rows) == dict(report.table3.rows)
    assert not _codes(got) & WARNED


@pytest.mark.parametrize(
    "names",
    [
        ("行政复议", "行政诉讼（直接向法院起诉）", "行政诉讼（经复议后向法院起诉）"),
        ("行政复议", "行政诉讼（直接向人民法院起诉）", "行政诉讼（经复议后向人民法院起诉）"),
    ],
)
def test_table2_and_table4_rows_worded_otherwise(names: tuple[str, str, str]) -> None:
    """``行政事业收费`` (without 性) is the fees row; table 四's groups printed one a line
    as ``行政诉讼（直接向法院起诉）`` and ``行政诉讼（经复议后向法院起诉）``."""
    report = _report()

    def write(rows: Rows) -> list[str]:
        if rows[0][0] == s.TABLE4_GROUPS[0].label:  # table 四: one line per group
            columns = " ".join(c.label for c in s.TABLE4_COLUMNS)
            lines = [f"项目 {columns}"]
            for name, group in zip(names, s.TABLE4_GROUPS, strict=True):
                counts = report.table4.group(group.key)
                values = " ".join(str(getattr(counts, c.key)) for c in s.TABLE4_COLUMNS)
                lines.append(f"{name} {values}")
            return lines
        return _worded({"行政事业性收费": "行政事业收费"})(rows)

    got = _read(report, write)
    assert got.table2 == report.table2
    assert got.table4 == report.table4
    assert not _codes(got) & WARNED


@pytest.mark.parametrize(
    ("cell", "key"),
    [
        ("1.本机关不掌握该政府信息", "unavailable.not_held"),
        ("(四)无法提供1.本机关不掌握相关政府信", "unavailable.not_held"),
        ("5.属于三类内部信息", "withheld.internal_affairs"),
        ("3.危及国家安全、公共安全、经济安全、社会稳定", "withheld.security_stability"),
        ("二、上年转结政府信息公开申请数量", "carried_over"),
        ("3.补正后申请内容不明确", "unavailable.still_unclear"),
    ],
)
def test_a_cell_a_few_edits_from_one_row_is_that_row(cell: str, key: str) -> None:
    assert [(lb.kind, lb.key) for lb in table3_labels().match(cell)] == [("row", key)]


def test_the_longer_label_wins_where_one_holds_another() -> None:
    """``大量重复申请`` holds ``重复申请``; ``部分予以公开`` holds ``予以公开``."""
    labels = table3_labels()
    assert [lb.key for lb in labels.match("4.无正当理由大量重复申请")] == [
        "not_processed.excessive"
    ]
    assert [lb.key for lb in labels.match("2.重复申请")] == ["not_processed.repeated"]
    assert [lb.key for lb in labels.match("(二)部分予以公开")] == ["partially_granted"]
    assert [lb.key for lb in labels.match("(一)予以公开")] == ["granted"]


@pytest.mark.parametrize(
    "cell",
    [
        # as near to 上年结转 as to 本年新收: which row is meant cannot be told
        "本年结转政府信息公开申请数量",
        # too many characters other than the label's
        "本机关并不实际掌握相关的政府信息",
        "本机关不掌握的信息已告知申请人",
        # column headers and words that are no row
        "申请人情况",
        "法人或其他组织",
        "政府信息公开申请",
        "本年处理决定数量",
        "行政复议",
    ],
)
def test_a_cell_no_one_row_is_clearly_nearest_is_no_row(cell: str) -> None:
    assert all(lb.kind != "row" for lb in table3_labels().match(cell)), cell


def test_table2_block_headings_are_never_matched_by_edits() -> None:
    """``第二十条第(五)项`` is one character from ``第二十条第(六)项``: block headings are
    matched as printed only."""
    assert [lb.key for lb in table2_labels().match("第二十条第(七)项")] == []
    assert [lb.key for lb in table2_labels().match("行政事业收费")] == ["fees"]
    assert [lb.key for lb in table4_labels().match("行政诉讼(直接向法院起诉)")] == [
        "litigation_direct"
    ]


@pytest.mark.parametrize(
    ("a", "b", "edits"),
    [
        ("本机关不掌握该政府信息", "本机关不掌握相关政府信息", 2),
        ("上年转结", "上年结转", 1),
        ("属于行政查询", "属于行政查询事项", 2),
        ("abc", "abc", 0),
        ("abcdef", "uvwxyz", 4),
    ],
)
def test_edit_distance(a: str, b: str, edits: int) -> None:
    """Characters dropped, added, changed or two swapped; ``limit + 1`` past the limit."""
    assert edit_distance(a, b, 3) == edits


def test_table2_column_headings_in_other_words_are_the_forms_columns() -> None:
    """``新制定 / 废止 / 现行有效``, ``处理决定数量（件）``, ``收费金额（万元）``: the form's
    columns, so table 二 is read (``处理决定数量`` is also a 2019 trial column, but alone
    it does not make the report one of that format)."""
    report = _report()
    printed = {
        "本年制发件数": "新制定",
        "本年废止件数": "废止",
        "现行有效件数": "现行有效",
        "本年处理决定数量": "处理决定数量（件）",
        "本年收费金额（单位：万元）": "收费金额（万元）",
    }
    got = _read(report, _worded(printed))
    assert got.format == s.FORMAT_2021
    assert got.table2 == report.table2
    assert not _codes(got) & (WARNED | {"TRIAL_FORMAT", "TRIAL_TABLE2"})


def test_a_trial_table2_with_its_decisions_column_is_still_the_trial_format() -> None:
    report = _report()

    def write(rows: Rows) -> list[str]:
        if rows[0][0] != s.TABLE2_BLOCKS[0].heading:
            return pipes(rows)
        lines: list[str] = []
        for _, heading, columns, labels in s.TRIAL_TABLE2_BLOCKS:
            lines.append(f"{heading} | | |")
            lines.append(" | ".join([s.TABLE2_CONTENT_HEADER, *columns]) + " |")
            lines.extend(" | ".join([label, *("1" for _ in columns)]) + " |" for label in labels)
        return lines

    got = _read(report, write)
    assert got.format == s.FORMAT_2019
    assert "TRIAL_TABLE2" in _codes(got)
