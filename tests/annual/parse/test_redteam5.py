"""A fifth red team's hand-made fixtures (``tests/fixtures/redteam5``): crawled text, converters'
Markdown and portal HTML in shapes the other fixtures do not show.

Here are the notes each fixture must (or must not) give, and the pending list (how the
fixtures are kept and compared: ``tests/annual/parse/redteam.py``).
"""

from __future__ import annotations

import pytest

from gongkai.annual.check import check
from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import parse_bytes
from tests.annual.parse.redteam import BAD_CODES, WARNED_ROWS, RedTeam, codes, pending_params
from tests.annual.parse.test_fixture_reports import differences
from tests.conftest import FIXTURES

TEAM = RedTeam(FIXTURES / "redteam5")


def _blank_rows(report: AnnualReport) -> list[str | None]:
    return [d.get("row") for d in report.diagnostics or () if d["code"] == "CELL_BLANK"]


PENDING: dict[str, str] = {}
"""Every fixture now reads whole; a new shape the reader cannot yet read is listed here."""


@pytest.mark.parametrize(
    "name",
    pending_params(PENDING),
)
def test_pending_fixture_reads_whole(name: str) -> None:
    TEAM.assert_reads_whole(name)


def test_every_pending_fixture_is_listed_and_every_fixture_has_values() -> None:
    TEAM.assert_listed(PENDING, at_least=25)


def test_html_nbsp_cells_are_blank_with_a_note_never_zero() -> None:
    report = TEAM.read("html-rowspan-colspan-headers-nbsp-blank-rows")
    blank = ["withheld.state_secret", "withheld.enforcement_files", "other.fee_unpaid"]
    assert sorted(r for r in _blank_rows(report) if r) == sorted(f"table3.{k}" for k in blank)
    for key in blank:
        assert report.table3.row(key) == (None,) * 7


def test_markdown_blank_total_under_a_page_footer_row_is_null_with_a_note() -> None:
    report = TEAM.read("md-footer-dash-page-number-row-inside-table3-blank-total-cell")
    assert _blank_rows(report) == ["table3.not_processed.publication"]
    assert report.table3.row("not_processed.publication") == (1, 0, 0, 0, 0, 0, None)
    assert not set(codes(report)) & WARNED_ROWS  # the “— 4 —” row is no row


def test_markdown_table4_in_three_tables_keeps_its_blank_total_blank() -> None:
    report = TEAM.read("md-table4-three-tables-litigation-word-between-direct-total-empty")
    assert report.to_dict()["table4"]["litigation_direct"]["total"] is None
    assert "CELL_BLANK" in codes(report)


@pytest.mark.parametrize(
    "name",
    [
        "crawled-row-per-line-blank-outcome-rows-printed-as-slashes",
        "crawled-one-line-runs-slashes-for-blank-rows-and-table2-cells",
    ],
)
def test_slashes_for_blank_rows_are_null_not_zero_and_no_row_is_short(name: str) -> None:
    report = TEAM.read(name)
    assert report.table3.row("withheld.state_secret") == (None,) * 7
    assert report.table3.row("granted")[0] not in (None, 0)
    assert not set(codes(report)) & WARNED_ROWS


def test_dashes_for_the_two_litigation_groups_are_null() -> None:
    report = TEAM.read("crawled-row-per-line-dashes-for-blank-rows-and-litigation-groups")
    table4 = report.to_dict()["table4"]
    assert set(table4["litigation_direct"].values()) == {None}
    assert table4["reconsideration"]["total"] == 1


def test_totals_misprinted_by_the_report_are_read_as_printed_and_the_checks_say_so() -> None:
    report = TEAM.read("crawled-row-per-line-own-totals-misprinted-granted-and-reconsideration")
    assert report.table3.row("granted") == (4, 1, 0, 0, 0, 0, 6)
    findings = {(f.code, c) for f in check(report) for c in f.cells}
    assert any(code == "T3.E003" and "granted" in cell for code, cell in findings)
    assert any(code == "T4.E001" and "reconsideration" in cell for code, cell in findings)


def test_organ_only_in_the_crawler_header_is_taken_and_said() -> None:
    report = TEAM.read("crawled-organ-only-in-publisher-header-line-no-signature-organ")
    assert report.organ == "样例市气象局"
    assert "ORGAN_FROM_PUBLISHER" in codes(report)


@pytest.mark.parametrize(
    ("name", "organ"),
    [
        ("crawled-organ-only-in-signature-generic-title", "样例县自然资源局"),
        (
            "crawled-organ-full-name-in-title-short-name-in-body-and-signature",
            "样例市科学技术委员会",
        ),
        ("crawled-district-government-city-in-title-signed-by-its-office", "样例市东湖区人民政府"),
        (
            "crawled-title-guanyu-qingkuang-de-baogao-organ-in-preamble-sentence",
            "样例县人民政府办公室",
        ),
    ],
)
def test_organ_is_found_without_a_warning(name: str, organ: str) -> None:
    report = TEAM.read(name)
    assert report.organ == organ
    assert not {"ORGAN_NOT_FOUND", "ORGAN_SPELLING"} & set(codes(report))


@pytest.mark.parametrize(
    ("name", "year"),
    [
        ("crawled-row-per-line-year-in-chinese-numerals-title-and-signature", 2023),
        ("crawled-township-title-year-written-er-ling-er-si-nian-du", 2024),
        ("crawled-year-only-in-statistics-period-sentence", 2024),
        ("crawled-year-only-in-first-paragraph-title-without-year", 2024),
        ("crawled-related-links-to-other-years-reports-after-the-article", 2024),
        ("crawled-one-line-trial-format-2019-year-in-chinese-numerals", 2019),
    ],
)
def test_year_is_read_without_guessing_from_a_date(name: str, year: int) -> None:
    report = TEAM.read(name)
    assert report.year == year
    assert not {"YEAR_NOT_FOUND", "YEAR_FROM_DATE", "YEAR_CONFLICT"} & set(codes(report))


def test_table2_without_a_regulations_row_says_so_and_leaves_it_blank() -> None:
    report = TEAM.read("md-no-guizhang-row-guifanxing-wenjian-dun-numbering-xingzhengfa-fuyi")
    assert "ROW_NOT_PRINTED" in codes(report)
    assert report.to_dict()["table2"]["regulations"] == {
        "made": None,
        "repealed": None,
        "in_force": None,
    }


def test_notes_in_table2_cells_leave_the_number() -> None:
    report = TEAM.read("md-table2-cells-annotated-qizhong-xiuding-units-and-dates")
    table2 = report.to_dict()["table2"]
    assert table2["normative_documents"] == {"made": 22, "repealed": 3, "in_force": 140}
    assert (table2["licensing"], table2["fees"]) == (418, 1.2)


def test_thousands_separators_in_one_line_runs_are_one_number() -> None:
    report = TEAM.read("crawled-one-line-runs-with-thousands-separators-large-office")
    assert report.table3.row("received") == (1087, 23, 0, 0, 2, 1, 1113)
    assert report.to_dict()["table2"]["licensing"] == 4127


def test_full_width_comma_between_thousands_is_no_cell_boundary() -> None:
    report = TEAM.read("crawled-rows-per-line-full-width-comma-thousands-separators")
    assert report.table3.row("granted") == (602, 11, 0, 0, 1, 0, 614)
    assert not set(codes(report)) & WARNED_ROWS


def test_traditional_report_is_converted_and_said() -> None:
    report = TEAM.read("crawled-one-line-traditional-characters-cells-run-together")
    assert report.organ == "样例市体育局"
    assert "TRADITIONAL" in codes(report)


def test_a_cell_per_line_page_reads_whole() -> None:
    report = TEAM.read("crawled-every-cell-on-its-own-line-get-text-newline")
    assert not set(codes(report)) & (BAD_CODES | WARNED_ROWS)
    assert report.confidence == {"table2": 1.0, "table3": 1.0, "table4": 1.0}


def test_group_subtotal_rows_are_ignored_and_said() -> None:
    report = TEAM.read("md-table3-group-subtotal-rows-with-numbers")
    assert codes(report).count("SUBTOTAL_IGNORED") == 4
    assert report.table3.row("withheld.state_secret") == (0,) * 7


def test_government_report_is_the_government_not_its_office() -> None:
    report = TEAM.read("crawled-government-report-signed-by-its-general-office")
    assert report.organ == "样例市人民政府"


def test_wrapped_label_rows_of_converters_add_no_rows() -> None:
    for name in (
        "md-wrapped-label-second-line-as-its-own-empty-row",
        "html-wrapped-label-continuation-in-its-own-table-row",
    ):
        report = TEAM.read(name)
        assert not set(codes(report)) & WARNED_ROWS, name
        assert report.table3.row("withheld.prohibited_by_law") == (0,) * 7, name


@pytest.mark.parametrize(
    "name",
    [
        "crawled-rows-per-line-zero-cells-blank-natural-persons-only",
        "crawled-rows-per-line-zero-cells-blank-organisations-columns-used",
    ],
)
def test_zero_cells_printed_blank_are_null_never_zero(name: str) -> None:
    report = TEAM.read(name)
    granted = report.table3.row("granted")
    assert granted[2:6] == (None,) * 4
    assert report.table3.row("withheld.state_secret") == (None,) * 7
    assert report.table3.row("handled_total")[2] == 0  # a 0 printed stays 0


def _ambiguous_blank_cells() -> bytes:
    """The report above with three organisations' applications whose numbers (each 1) fit
    the table's sums in three ways: 予以公开 “3 1 4”, 部分公开 “1 1”, 不掌握 “2 1 3”."""
    text = TEAM.path("crawled-rows-per-line-zero-cells-blank-organisations-columns-used").read_text(
        encoding="utf-8"
    )
    text = text.replace("申请数量 6 1 0 0 0 0 7", "申请数量 5 2 0 1 0 0 8")
    text = text.replace("（七）总计 6 1 0 0 0 0 7", "（七）总计 5 2 0 1 0 0 8")
    text = text.replace("不掌握相关政府信息 2 2", "不掌握相关政府信息 2 1 3")
    return text.encode("utf-8")


def test_an_ambiguous_row_shows_the_cells_its_readings_agree_on_and_lists_them_all() -> None:
    """Rows whose zero cells are blank and whose numbers fit the sums in several ways
    (予以公开 “3 1 4”: the 1 may be any of two organisations') show the cells every reading
    agrees on and leave the others null, never a blank cell as a number: the printed 1 is
    not dropped but listed, with the other readings, in the row's AMBIGUOUS_RUN. The
    checker counts the null cells as unchecked (a notice), not as a sum that fails."""
    report = parse_bytes(_ambiguous_blank_cells(), "样本.txt")
    assert report.confidence["table3"] < 1.0
    ambiguous = {d["row"]: d for d in report.diagnostics or () if d["code"] == "AMBIGUOUS_RUN"}
    assert report.table3.row("granted") == (3, None, None, None, None, None, 4)
    assert sorted(ambiguous["table3.granted"]["alternatives"]) == [
        [3, 0, 0, 1, 0, 0, 4],
        [3, 1, 0, 0, 0, 0, 4],
    ]
    for key in ("partially_granted", "unavailable.not_held"):
        assert len(ambiguous[f"table3.{key}"]["alternatives"]) == 2
    assert not [f for f in check(report) if f.severity.value == "error"]


def test_a_table3_with_numbers_above_its_labels_is_paired_upwards_and_says_so() -> None:
    """It used to be read shifted by one row, silently, at confidence 1.0."""
    name = "pdf-text-each-table3-number-line-printed-above-its-label"
    report = TEAM.read(name)
    assert differences(report, TEAM.values(name)) == []
    assert "VALUES_ABOVE_LABELS" in codes(report)


def test_a_place_character_the_title_mistypes_is_kept_as_printed_and_said() -> None:
    """Issue 13: an OCR confusion of a place-name character (沪 for 泸 in the title) is
    kept as printed, and flagged when the body or signature spells it otherwise."""
    report = TEAM.read("ocr-place-character-confused-in-title-body-and-signature-spell-it-right")
    assert report.organ == "沪州市江阳区司法局"
    spelled = [d for d in report.diagnostics or () if d["code"] == "ORGAN_SPELLING"]
    assert spelled and spelled[0]["spelling"] == "泸州市江阳区司法局"


def test_pandas_blanks_and_index_column_are_said_not_read_as_numbers() -> None:
    report = TEAM.read("md-pandas-to-markdown-index-column-unnamed-headers-nan-blanks")
    assert "ROW_NUMBERS_IGNORED" in codes(report)
    assert "table3.partially_granted" in _blank_rows(report)
    assert report.table3.row("partially_granted") == (1, None, None, None, None, None, 1)


def test_a_footnote_mark_after_a_number_is_dropped_silently() -> None:
    report = TEAM.read("html-table3-cell-with-footnote-asterisk-after-the-number")
    assert not set(codes(report)) & (BAD_CODES | WARNED_ROWS)
    assert report.confidence == {"table2": 1.0, "table3": 1.0, "table4": 1.0}


def test_the_organ_from_a_cms_content_source_meta_is_said_to_come_from_the_publisher() -> None:
    report = TEAM.read("html-generic-title-organ-only-in-meta-contentsource")
    assert report.organ == "样例市教育局"
    assert "ORGAN_FROM_PUBLISHER" in codes(report)


def test_table4_printing_only_its_first_group_is_read_from_the_left_and_said_unsure() -> None:
    report = TEAM.read("crawled-rows-per-line-table4-only-reconsideration-printed-litigation-blank")
    assert "AMBIGUOUS_RUN" in codes(report)
    assert report.confidence["table4"] < 1.0
    assert sorted(r for r in _blank_rows(report) if r) == [
        "table4.litigation_after_reconsideration",
        "table4.litigation_direct",
    ]


def test_labels_then_numbers_column_by_column_are_read_in_the_order_that_adds_up() -> None:
    report = TEAM.read("pdfminer-text-table3-labels-then-numbers-column-by-column")
    assert "LABELS_THEN_VALUES" in codes(report)
    assert report.confidence["table3"] == 1.0


def test_table4_printed_one_cell_a_row_is_read_cell_by_cell_and_said() -> None:
    report = TEAM.read("md-table4-transposed-one-row-per-cell-group-and-column-labels")
    assert "TABLE4_ONE_CELL_A_ROW" in codes(report)
    assert report.confidence["table4"] == 1.0
