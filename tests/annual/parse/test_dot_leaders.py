"""Dot leaders between a row's label and its numbers, as a table of contents prints them
(``规章..........0   0   0``, ``行政许可……46``): a run of three dots or more (or of
ellipses) is a separator, never a decimal point (``...9`` is the cell 9, not 0.9)."""

from __future__ import annotations

import pytest

from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.tables_text import split_cells
from tests.annual.parse.builders import report_text
from tests.annual.parse.test_batch import sample_report


@pytest.mark.parametrize(
    ("line", "cells"),
    [
        ("规章...............0   0   0", ("规章", "0", "0", "0")),
        (
            "一、本年新收政府信息公开申请数量...9   1   0",
            ("一、本年新收政府信息公开申请数量", "9", "1", "0"),
        ),
        ("行政许可……46", ("行政许可", "46")),
        ("（七）总计···8 1 0", ("（七）总计", "8", "1", "0")),
        ("行政事业性收费．．．．．0.35", ("行政事业性收费", "0.35")),
        ("行政处罚 ....... 12件", ("行政处罚", "12件")),
    ],
)
def test_a_leader_parts_the_label_from_its_numbers(line: str, cells: tuple[str, ...]) -> None:
    assert split_cells(line) == cells


@pytest.mark.parametrize("line", ["他指出……2023年以来", "详见附件...", "0.35", "a...b"])
def test_dots_before_no_value_stay_in_the_text(line: str) -> None:
    assert split_cells(line) == (line,)


def _with_leaders(text: str) -> str:
    """Each row of a label and numbers printed ``label......n   n   n``."""
    out = []
    for line in text.split("\n"):
        cells = [c.strip() for c in line.split("|")]
        while cells and not cells[-1]:
            cells.pop()
        if len(cells) > 1 and cells[0] and all(c.replace(".", "").isdigit() for c in cells[1:]):
            line = f"{cells[0]}{'.' * max(3, 40 - len(cells[0]))}{'   '.join(cells[1:])}"
        out.append(line)
    return "\n".join(out)


def test_a_report_printed_with_leaders_reads_every_row() -> None:
    report = sample_report()
    text = _with_leaders(report_text(report))
    assert "予以公开" in text and "..." in text
    read = parse_bytes(text.encode(), "leaders.txt")
    assert read.table3.row("granted") == report.table3.row("granted")
    assert read.table3.row("handled_total") == report.table3.row("handled_total")
    assert read.cell("table2.fees") == report.cell("table2.fees")
    codes = {d["code"] for d in read.diagnostics or ()}
    assert not codes & {"ROW_TOO_FEW", "VALUES_UNASSIGNED", "ROW_INFERRED"}
