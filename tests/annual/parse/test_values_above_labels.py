"""Tables whose rows print their numbers on the line above their label, as some PDF text
extractions lay them out: read the usual way every label would take the next row's
numbers, silently. The whole table must alternate (a line of numbers, then a label, the
first line before the first label, no number after the last) for the numbers to pair
with the label below; anything else is read as before."""

from __future__ import annotations

import re

from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import parse_bytes
from tests.annual.parse.builders import report_text
from tests.annual.parse.test_fixture_reports import expected_for

NAME = "pdf_table3_across_pages_header_repeated"
_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")


def _report() -> AnnualReport:
    return AnnualReport.from_dict(expected_for(NAME))


def _numbers_above(text: str, *, labels: tuple[str, ...] = ()) -> str:
    """Every table row ``label | n | … |`` (or those starting with ``labels``) printed as
    a line of its numbers, then a line of its label."""
    out: list[str] = []
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip(" |").split("|")]
        numbers = [c for c in cells if _NUMBER.match(c)]
        words = [c for c in cells if c and not _NUMBER.match(c)]
        if numbers and words and (not labels or words[0].startswith(labels)):
            out += [" ".join(numbers), " ".join(words)]
        else:
            out.append(line)
    return "\n".join(out) + "\n"


def _codes(report: AnnualReport) -> list[str]:
    return [str(d["code"]) for d in report.diagnostics or ()]


def test_every_row_numbers_above_its_label_pairs_with_the_label_below() -> None:
    report = _report()
    got = parse_bytes(_numbers_above(report_text(report)).encode("utf-8"), "上数下标签.txt")
    assert dict(got.table3.rows) == dict(report.table3.rows)
    assert got.table2 == report.table2
    assert got.confidence["table3"] == 1.0
    assert _codes(got).count("VALUES_ABOVE_LABELS") == 2  # tables 二 and 三


def test_a_table_printed_the_usual_way_is_read_as_before() -> None:
    report = _report()
    got = parse_bytes(report_text(report).encode("utf-8"), "常规.txt")
    assert dict(got.table3.rows) == dict(report.table3.rows)
    assert "VALUES_ABOVE_LABELS" not in _codes(got)


def test_the_first_rows_printed_above_their_labels_pair_upwards_the_rest_as_usual() -> None:
    """Only 一 and 二 of table 三 print their numbers above their labels; the rest beside
    them: the two pair upwards (一 used to take 二's numbers silently), the rest as usual."""
    report = _report()
    text = _numbers_above(report_text(report), labels=("一、", "二、"))
    got = parse_bytes(text.encode("utf-8"), "部分上数.txt")
    assert dict(got.table3.rows) == dict(report.table3.rows)
    assert _codes(got).count("VALUES_ABOVE_LABELS") == 1


def test_numbers_whose_label_was_lost_are_not_paired_upwards() -> None:
    """Table 三's row 二 lost its label, its numbers on a line of their own, and the next
    row's numbers printed above it as well: the missing row comes first (its numbers
    may be the lost row's), so nothing pairs upwards."""
    report = _report()
    text = report_text(report)
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("二、上年结转"))
    lines[at] = " ".join(str(v) for v in report.table3.row("carried_over"))
    got = parse_bytes(("\n".join(lines) + "\n").encode("utf-8"), "丢标签.txt")
    assert "VALUES_ABOVE_LABELS" not in _codes(got)
    assert dict(got.table3.rows) == dict(report.table3.rows)


def _labels_then_numbers(text: str) -> str:
    """Table 三 printed as all its row labels, one a line, then all its lines of numbers."""
    lines = text.splitlines()
    rows = [i for i, line in enumerate(lines) if line.startswith(_TABLE3_STARTS)]
    labels, numbers = [], []
    for i in range(rows[0], rows[-1] + 1):
        cells = [c.strip() for c in lines[i].strip(" |").split("|")]
        labels.append(" ".join(c for c in cells if c and not _NUMBER.match(c)))
        numbers.append(" ".join(c for c in cells if _NUMBER.match(c)))
    return "\n".join([*lines[: rows[0]], *labels, *numbers, *lines[rows[-1] + 1 :]]) + "\n"


_TABLE3_STARTS = ("一、本年新收", "二、上年结转", "三、本年度", "（", "1.", "2.", "3.", "4.")
_TABLE3_STARTS += ("5.", "6.", "7.", "8.", "四、结转")


def test_a_block_of_labels_then_as_many_lines_of_numbers_pair_in_order() -> None:
    report = _report()
    got = parse_bytes(_labels_then_numbers(report_text(report)).encode("utf-8"), "文本框.txt")
    assert dict(got.table3.rows) == dict(report.table3.rows)
    assert "LABELS_THEN_VALUES" in _codes(got)


def test_a_block_of_labels_with_a_line_of_numbers_missing_pairs_nothing() -> None:
    report = _report()
    lines = _labels_then_numbers(report_text(report)).splitlines()
    part4 = next(i for i, line in enumerate(lines) if line.startswith("四、政府信息公开"))
    del lines[part4 - 1]  # 四、结转下年度继续办理's numbers lost
    got = parse_bytes(("\n".join(lines) + "\n").encode("utf-8"), "文本框缺行.txt")
    assert "LABELS_THEN_VALUES" not in _codes(got)
    assert got.table3.row("received") != report.table3.row("carried_over")
    assert got.confidence["table3"] < 1.0
