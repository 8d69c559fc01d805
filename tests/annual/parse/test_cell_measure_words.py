"""Counts printed with a measure word after them (``12宗``, ``3个``, ``905项``, ``14人次``,
``2起``): the count is the number, whichever word the office uses for a case or a matter,
in a cell alone and in a table."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.cells import MEASURE_WORDS, Kind, read_value
from tests.annual.parse.builders import report_text
from tests.annual.parse.test_batch import sample_report


@pytest.mark.parametrize("word", MEASURE_WORDS)
def test_a_count_with_any_measure_word_is_the_count(word: str) -> None:
    value = read_value(f"12{word}")
    assert (value.kind, value.number, value.note) == (Kind.NUMBER, Decimal(12), None)


@pytest.mark.parametrize("cell", ["3宗", "三宗", "共5宗", "7起（其中复议后起诉2起）"])
def test_zong_and_qi_read_like_jian(cell: str) -> None:
    jian = read_value(cell.replace("宗", "件").replace("起", "件"))
    assert read_value(cell).number == jian.number is not None


@pytest.mark.parametrize("cell", ["宗", "12宗3", "第12宗"])
def test_a_measure_word_alone_or_inside_is_no_count(cell: str) -> None:
    assert read_value(cell).kind is Kind.TEXT


def test_table_four_counted_in_zong_reads_every_cell() -> None:
    """Table 四's cases counted in 宗 (``1宗``, ``0宗``), and a table 二 row in 宗."""
    report = sample_report().with_cell("table2.punishment", 12)
    lines = report_text(report).split("\n")
    values = next(i for i, line in enumerate(lines) if line.startswith("1 | 0 | 0 | 0 | 1 |"))
    lines[values] = " | ".join(f"{c.strip()}宗" for c in lines[values].split("|")[:-1]) + " |"
    punishment = next(i for i, line in enumerate(lines) if line.startswith("行政处罚 |"))
    lines[punishment] = "行政处罚 | 12宗 |"
    read = parse_bytes("\n".join(lines).encode(), "zong.txt")
    assert read.table4.group("reconsideration").upheld == 1
    assert read.table4.group("reconsideration").total == 1
    assert read.table4.group("litigation_direct").total == 0
    assert read.cell("table2.punishment") == 12
    codes = {d["code"] for d in read.diagnostics or ()}
    assert not codes & {"ROW_TOO_FEW", "UNDECODED_RUN", "VALUES_UNASSIGNED"}
