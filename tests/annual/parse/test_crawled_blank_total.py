"""A row of table 三 printing its numbers apart (tabs, spaces) but one number short of
its seven cells, its 总计 left blank: the only split into seven cells breaks a printed
number (``14`` → ``1``, ``4``) and then the row does not add up. That is no reading "as
printed" (a blank cell prints nothing, and may be why a number is missing): the six
numbers printed are the six applicant cells and the 总计 is blank, which the table's
column identities confirm, and which the checker reports."""

from __future__ import annotations

from gongkai.annual.check import check
from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.digit_runs import (
    BLANK_TOTAL_ROW_REASON,
    SPLIT_OR_BLANK_TOTAL_REASON,
    decode_table3,
)
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


def test_a_row_one_number_short_is_read_with_its_total_blank() -> None:
    report = parse_bytes(_tabbed_text_with_the_total_left_out().encode("utf-8"), "表三空总计.txt")
    row = report.table3.row("other.no_correction")
    assert row == (7, 0, 14, 0, 0, 5, None)
    said = [f.message for f in check(report) if "逾期不补正" in f.message]
    assert said and "空白" in said[0], "the checker says the row's 总计 is blank"


def test_the_decoder_alone_reads_the_printed_numbers_and_a_blank_total_unsure() -> None:
    decoded = decode_table3({"other.no_correction": "7 0 14 0 0 5"}).rows["other.no_correction"]
    assert decoded.cells == (7, 0, 14, 0, 0, 5, None)
    assert not decoded.unique
    assert decoded.alternatives == ((7, 0, 1, 4, 0, 0, 5),)  # the split into seven cells
    assert decoded.reason == BLANK_TOTAL_ROW_REASON


def test_a_row_whose_numbers_are_not_printed_one_by_one_is_never_read_as_sure() -> None:
    """Four printed groups for seven cells: no reading keeps each printed number whole."""
    decoded = decode_table3({"other.no_correction": "7 0 14 005"}).rows["other.no_correction"]
    assert decoded.cells == (7, 0, 1, 4, 0, 0, 5)  # the only split into seven cells
    assert not decoded.unique
    assert decoded.reason == SPLIT_OR_BLANK_TOTAL_REASON


def test_a_row_printed_whole_that_does_not_add_up_is_kept_as_printed() -> None:
    """Seven numbers printed apart: the page fixed the cells; its wrong total is the
    report's own error, for the checker to tell, and is not made unsure here."""
    decoded = decode_table3({"other.no_correction": "7 0 14 0 0 5 25"}).rows["other.no_correction"]
    assert decoded.cells == (7, 0, 14, 0, 0, 5, 25)
    assert decoded.unique
