"""A seventh red team's hand-made fixtures (``tests/fixtures/redteam7``): reports as they reach
a researcher by other ways than a web page or a PDF: pasted into an e-mail (hard-wrapped at a
fixed width, or forwarded with every line quoted), copied from a WeChat article, read by
Tesseract (spaces between characters) or another OCR (〇 for 0, table rules read as l and I),
copied from Excel (cells with line breaks quoted), converted by docling, Jina Reader or a
notebook (box-drawing tables), written out cell by cell for screen readers, kept as a
crawler's JSON record, and HTML made by pdf2htmlEX, pasted into a CMS as one table row or as
``<pre>`` text, or holding two years' reports in tab panes (or a crawled page with last year's
report after this year's), and table 三 headers in other words (dotted, short names, 合计
first, no 总计 column).

Here are the notes each fixture must (or must not) give, and the pending list (how the
fixtures are kept and compared: ``tests/annual/parse/redteam.py``).
"""

from __future__ import annotations

import pytest

from tests.annual.parse.redteam import BAD_CODES, WARNED_ROWS, RedTeam, codes, pending_params
from tests.annual.parse.test_fixture_reports import differences
from tests.conftest import FIXTURES

TEAM = RedTeam(FIXTURES / "redteam7")


PENDING: dict[str, str] = {}
"""What each fixture the reader does not yet read whole is read wrong today, and the rule."""


@pytest.mark.parametrize(
    "name",
    pending_params(PENDING),
)
def test_pending_fixture_reads_whole(name: str) -> None:
    TEAM.assert_reads_whole(name)


def test_every_pending_fixture_is_listed_and_every_fixture_has_values() -> None:
    TEAM.assert_listed(PENDING, at_least=16)


def test_a_total_cut_by_a_hard_wrap_is_never_read_as_its_first_digits() -> None:
    name = "email-body-hard-wrapped-at-35-characters-digit-runs-cut-across-lines"
    report = TEAM.read(name)
    assert report.table3.row("received") == (208, 46, 0, 1, 14, 4, 273)
    assert report.table3.row("granted") == (114, 26, 0, 1, 12, 3, 156)
    assert "HARD_WRAPPED" in codes(report)


def test_ling_circle_inside_a_number_is_never_dropped_with_the_digits_after_it() -> None:
    report = TEAM.read("ocr-text-zero-read-as-ling-circle-in-every-number-cell-ten-as-one-ling")
    assert (report.table2.licensing, report.table2.punishment) == (206, 40)
    assert "LETTER_O_AS_ZERO" in codes(report)


@pytest.mark.parametrize(
    ("name", "received"),
    [
        (
            "docling-markdown-dotted-headers-total-column-first-qita-before-falv-fuwu",
            (39, 3, 0, 1, 1, 4, 48),
        ),
        ("md-table3-header-short-column-names-heji-first-one-header-row", (13, 9, 1, 0, 0, 1, 24)),
    ],
)
def test_columns_a_header_puts_in_another_order_are_never_read_by_position(
    name: str, received: tuple[int, ...]
) -> None:
    report = TEAM.read(name)
    assert report.table3.row("received") == received
    assert "COLUMNS_REORDERED" in codes(report)


def test_a_total_column_not_printed_is_never_filled_in() -> None:
    name = "md-table3-printed-without-its-total-column-six-applicant-columns-only"
    report = TEAM.read(name)
    for key in TEAM.values(name)["table3"]:
        assert report.table3.row(key)[6] is None


def test_a_table_rule_read_as_a_letter_is_never_a_digit() -> None:
    name = "ocr-bordered-table-vertical-rules-read-as-pipe-or-letters-l-and-i-between-cells"
    report = TEAM.read(name)
    assert report.to_dict()["table2"]["regulations"] == {"made": 0, "repealed": 0, "in_force": 0}
    assert "LETTER_L_AS_ONE" not in codes(report)


def test_empty_cells_and_slash_in_an_excel_copy_are_never_read_as_zero() -> None:
    report = TEAM.read("excel-copy-tab-separated-cells-with-line-breaks-quoted-quotes-doubled")
    assert report.table2.fees is None
    assert report.table3.row("withheld.state_secret")[2] is None
    assert report.table3.row("not_processed.publication")[4] is None
    assert report.table2.licensing == 1207


def test_an_empty_cell_between_tabs_is_one_null_cell_with_its_note() -> None:
    report = TEAM.read("excel-copy-tab-separated-cells-with-line-breaks-quoted-quotes-doubled")
    assert report.table3.row("withheld.state_secret") == (0, 0, None, 0, 0, 0, 0)
    assert "CELL_BLANK" in codes(report)


def test_this_years_report_is_read_from_a_page_holding_last_years_in_a_tab() -> None:
    name = "html-two-years-reports-in-tab-panes-last-years-full-report-in-second-pane"
    report = TEAM.read(name)
    assert (report.organ, report.year) == ("示范县司法局", 2023)
    assert report.table3.row("received") == (7, 0, 0, 0, 1, 0, 8)
    assert not set(codes(report)) & (BAD_CODES | WARNED_ROWS)


@pytest.mark.parametrize(
    "name",
    [
        "html-two-years-reports-in-tab-panes-last-years-full-report-in-second-pane",
        "crawled-previous-article-expanded-last-years-whole-report-after-this-years",
    ],
)
def test_last_years_report_after_this_years_gives_no_year_conflict(name: str) -> None:
    assert "YEAR_CONFLICT" not in codes(TEAM.read(name))


@pytest.mark.parametrize(
    ("name", "organ", "year"),
    [
        (
            "jina-reader-markdown-organ-and-year-only-in-title-field-body-says-benju",
            "样例市审计局",
            2024,
        ),
        (
            "email-forwarded-every-line-quoted-with-angle-bracket-under-original-mail-header",
            "示范县自然资源局",
            2024,
        ),
        (
            "crawler-json-record-content-field-newlines-escaped-one-line",
            "示范县统计局",
            2023,
        ),
    ],
)
def test_organ_and_year_from_a_reader_or_mail_header(name: str, organ: str, year: int) -> None:
    report = TEAM.read(name)
    assert (report.organ, report.year) == (organ, year)
    assert not {"ORGAN_NOT_FOUND", "YEAR_NOT_FOUND", "YEAR_CONFLICT"} & set(codes(report))


@pytest.mark.parametrize(
    "name",
    [
        "tesseract-ocr-space-between-every-chinese-character-one-space-between-numbers",
        "web-copy-cells-apart-by-em-and-en-spaces-zero-width-spaces-inside-labels-and-numbers",
        "pdf2htmlex-page-absolute-text-lines-table-cells-apart-by-empty-spacer-spans",
    ],
)
def test_spaces_of_other_kinds_between_characters_and_cells_read_whole(name: str) -> None:
    report = TEAM.read(name)
    assert differences(report, TEAM.values(name)) == []
    assert report.confidence == {"table2": 1.0, "table3": 1.0, "table4": 1.0}


def test_emoji_before_part_titles_do_not_change_the_tables() -> None:
    name = "wechat-article-copy-emoji-before-part-titles-image-captions-follow-and-like-buttons"
    report = TEAM.read(name)
    assert differences(report, TEAM.values(name)) == []
    assert report.confidence == {"table2": 1.0, "table3": 1.0, "table4": 1.0}
