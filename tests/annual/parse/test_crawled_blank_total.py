"""A row of table 三 printing its numbers apart (tabs, spaces) but one number short of
its seven cells, its 总计 left blank: the only split into seven cells breaks a printed
number (``14`` → ``1``, ``4``) and then the row does not add up. That is no reading "as
printed" (a blank cell prints nothing, and may be why a number is missing): the cells are
never given from that split without a word."""

from __future__ import annotations

from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.digit_runs import SPLIT_OR_BLANK_TOTAL_REASON, decode_table3
from tests.annual.parse.builders import report_text
from tests.annual.parse.test_fixture_reports import expected_for

NAME = "pdf_table3_across_pages_header_repeated"
PRINTED = "| 7 | 0 | 14 | 0 | 0 | 5 | 26 |"
TOTAL_BLANK = "| 7 | 0 | 14 | 0 | 0 | 5 |"


def _tabbed_text_with_the_total_left_out() -> str:
    text = report_text(AnnualReport.from_dict(expected_for(NAME)))
    assert text.count(PRINTED) == 1
    text = text.replace(PRINTED, TOTAL_BLANK)
    return text.replace(" | ", "\t").replace("| ", "").replace(" |", "")


def test_a_row_one_number_short_is_not_read_by_splitting_a_printed_number() -> None:
    report = parse_bytes(_tabbed_text_with_the_total_left_out().encode("utf-8"), "表三空总计.txt")
    row = report.table3.row("other.no_correction")
    assert row != (7, 0, 1, 4, 0, 0, 5)
    assert row in ((7, 0, 14, 0, 0, 5, None), (None,) * 7)
    named = [d for d in report.diagnostics or () if d.get("row") == "table3.other.no_correction"]
    assert named, "the row is said"
    assert report.confidence["table3"] < 1.0


def test_the_decoder_marks_such_a_split_unsure() -> None:
    decoded = decode_table3({"other.no_correction": "7 0 14 0 0 5"}).rows["other.no_correction"]
    assert decoded.cells == (7, 0, 1, 4, 0, 0, 5)  # the only split into seven cells
    assert not decoded.unique
    assert decoded.reason == SPLIT_OR_BLANK_TOTAL_REASON


def test_a_row_printed_whole_that_does_not_add_up_is_kept_as_printed() -> None:
    """Seven numbers printed apart: the page fixed the cells; its wrong total is the
    report's own error, for the checker to tell, and is not made unsure here."""
    decoded = decode_table3({"other.no_correction": "7 0 14 0 0 5 25"}).rows["other.no_correction"]
    assert decoded.cells == (7, 0, 14, 0, 0, 5, 25)
    assert decoded.unique
