"""Whether a line may be a row of a table printed by pandas is told with its cells, and
told again when the line comes back from the cache: a report printed by pandas reads the
same however many reports were read before it."""

from __future__ import annotations

import pytest

from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.tables_text import split_cells, split_line
from tests.conftest import FIXTURES

FRAMES = FIXTURES / "converted" / "markdown_pandas_frames_numbered_columns_index_nan_blanks.txt"


def _index_notes(report: AnnualReport) -> int:
    """How many tables had pandas' index column left out (not a 序号 column's note)."""
    return sum(
        1
        for d in report.diagnostics or ()
        if d["code"] == "ROW_NUMBERS_IGNORED" and "pandas" in str(d["message"])
    )


@pytest.mark.parametrize(
    ("line", "frame"),
    [
        ("| 0 | 行政许可 | 12 |", True),  # the first row under a frame's index
        ("| 行政处罚 | nan | nan |", True),  # a blank cell printed by pandas
        ("| 0 | 1 | 0 | 0 | 1 |", False),  # table 四's numbers
        ("| 1 | 行政许可 | 12 |", False),  # a 序号 column of the report's own
        ("行政处罚 nan nan", False),  # no Markdown row
        ("| 行政处罚 | nan | 1 |" + " " * 120, True),  # too long to be cached
    ],
)
def test_a_line_says_whether_it_may_be_a_frames_row_split_or_cached(line: str, frame: bool) -> None:
    first = split_line(line)
    again = split_line(line)
    assert first == again
    assert first[1] is frame
    assert first[0] == split_cells(line)


def test_a_report_printed_by_pandas_reads_the_same_when_its_lines_are_cached() -> None:
    data = FRAMES.read_bytes()
    first = parse_bytes(data, "frames.txt")
    assert _index_notes(first) == 3  # one a frame: its index column left out
    for _ in range(2):
        again = parse_bytes(data, "frames.txt")
        assert again.to_dict() == first.to_dict()
        assert _index_notes(again) == 3


def test_a_report_without_frames_read_after_one_drops_no_index() -> None:
    """A 序号 column counting from 1 is the report's own, whatever was read before."""
    parse_bytes(FRAMES.read_bytes(), "frames.txt")
    lines = [
        "| 序号 | 信息内容 | 本年制发件数 |",
        "| 1 | 规章 | 12 |",
        "| 2 | 行政规范性文件 | 3 |",
        "| 3 | 行政许可 | 4 |",
    ]
    plain = parse_bytes("\n".join(["二、主动公开政府信息情况", *lines]).encode(), "plain.txt")
    assert _index_notes(plain) == 0
