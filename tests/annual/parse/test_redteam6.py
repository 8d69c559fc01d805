"""A sixth red team's hand-made fixtures (``tests/fixtures/redteam6``): documents converted from
DOCX by pandoc (grid, simple and multiline tables) and reStructuredText, html2text and CSV
copies, pdfminer text with ``(cid:N)`` glyph codes, Word and CMS pages (digits split over
inline elements, vertical group labels, hidden cells, one table a row), tables printed on their
side or beside last year's figures, and titles in other forms.

Here are the notes each fixture must (or must not) give, and the pending list (how the
fixtures are kept and compared: ``tests/annual/parse/redteam.py``).
"""

from __future__ import annotations

import pytest

from tests.annual.parse.redteam import BAD_CODES, WARNED_ROWS, RedTeam, codes, pending_params
from tests.annual.parse.test_fixture_reports import differences
from tests.conftest import FIXTURES

TEAM = RedTeam(FIXTURES / "redteam6")


PENDING: dict[str, str] = {
    "crawled-table3-each-cell-this-year-then-last-year-fourteen-numbers-a-row": (
        "表三 prints each cell as this year's then last year's number (a header line "
        "“2023年 2022年” repeated seven times): every row has 14 numbers and is left blank "
        "(ROW_TOO_MANY on all 25 rows). Rule (tables.py, table 三 reading): when a header row "
        "under the applicant columns names two years alternating and every row has twice "
        "the form's width, keep the cells under the report's year and say so (a note naming "
        "the other year's columns as left out)."
    ),
    "crawled-table3-transposed-one-line-per-applicant-column-twenty-five-numbers": (
        "表三 printed on its side: one line of the 25 row labels, then seven lines each "
        "naming an applicant column (自然人 … 总计) followed by 25 numbers. Today the seven "
        "lines are VALUES_UNASSIGNED and every row ROW_NOT_FOUND. Rule (recognize.py / "
        "tables.py, table 三): when the lines inside table 三 start with the seven column "
        "names in order and each holds exactly 25 numbers, read them as columns (number i "
        "of line j is row i's cell j), check the form's identities, and say it was read "
        "transposed (as TABLE4_ONE_CELL_A_ROW says so for table 四)."
    ),
}
"""What each fixture the reader does not yet read whole is read wrong today, and the rule."""


@pytest.mark.parametrize(
    "name",
    pending_params(PENDING),
)
def test_pending_fixture_reads_whole(name: str) -> None:
    TEAM.assert_reads_whole(name)


def test_every_pending_fixture_is_listed_and_every_fixture_has_values() -> None:
    TEAM.assert_listed(PENDING, at_least=20)


def test_fee_with_thousands_separator_and_unit_in_its_cell_is_one_number() -> None:
    report = TEAM.read("md-large-office-thousands-separators-fee-with-wanyuan-in-cell")
    assert report.to_dict()["table2"]["fees"] == 1234.56
    assert report.to_dict()["table2"]["licensing"] == 1287


def test_hidden_cells_of_a_word_export_are_not_read_as_numbers() -> None:
    report = TEAM.read("html-word-export-hidden-display-none-serial-cell-after-each-table3-label")
    assert report.table3.row("received") == (28, 5, 0, 0, 1, 1, 35)
    assert report.table3.row("carried_forward") == (2, 0, 0, 0, 0, 0, 2)
    assert not set(codes(report)) & WARNED_ROWS


@pytest.mark.parametrize(
    "name",
    [
        "html-multi-digit-numbers-split-over-font-and-span-inside-p",
        "html-full-width-digits-with-jian-after-every-table3-and-table4-cell",
    ],
)
def test_digits_split_over_inline_elements_or_full_width_with_units_read_whole(name: str) -> None:
    report = TEAM.read(name)
    assert differences(report, TEAM.values(name)) == []
    assert report.confidence == {"table2": 1.0, "table3": 1.0, "table4": 1.0}


def test_last_years_cells_beside_this_years_are_never_read_as_this_years() -> None:
    """Fourteen numbers a row: until the year columns are told apart, rows stay blank."""
    report = TEAM.read("crawled-table3-each-cell-this-year-then-last-year-fourteen-numbers-a-row")
    expected = TEAM.values(
        "crawled-table3-each-cell-this-year-then-last-year-fourteen-numbers-a-row"
    )
    for key, row in expected["table3"].items():
        assert report.table3.row(key) in (tuple(row), (None,) * 7)
    assert "ROW_TOO_MANY" in codes(report) or differences(report, expected) == []


@pytest.mark.parametrize(
    "name",
    [
        "crawled-table3-transposed-one-line-per-applicant-column-twenty-five-numbers",
        "crawled-table4-transposed-one-line-per-result-three-groups-across",
    ],
)
def test_a_table_on_its_side_is_blank_and_said_or_read_right_never_misplaced(name: str) -> None:
    report = TEAM.read(name)
    expected = TEAM.values(name)
    got = report.to_dict()
    for table in ("table3", "table4"):
        for key, value in expected[table].items():
            blank = [None] * 7 if table == "table3" else dict.fromkeys(value)
            assert got[table][key] in (value, blank)
    assert set(codes(report)) & (BAD_CODES | WARNED_ROWS) or differences(report, expected) == []


@pytest.mark.parametrize(
    ("name", "organ", "year"),
    [
        (
            "crawled-organ-on-line-above-title-title-only-year-and-gongzuo-baogao",
            "样例市民政局",
            2023,
        ),
        (
            "crawled-township-title-chinese-numeral-year-in-lenticular-brackets-before-organ",
            "示范县白沙镇人民政府",
            2023,
        ),
    ],
)
def test_organ_and_year_from_titles_in_other_forms(name: str, organ: str, year: int) -> None:
    report = TEAM.read(name)
    assert (report.organ, report.year) == (organ, year)
    assert not {"ORGAN_NOT_FOUND", "ORGAN_SPELLING", "YEAR_NOT_FOUND"} & set(codes(report))


def test_glyphs_a_converter_could_not_map_are_said_once() -> None:
    report = TEAM.read("pdfminer-cid-glyph-codes-in-some-table3-labels-row-per-line")
    unmapped = [d for d in report.diagnostics or () if d["code"] == "GLYPHS_UNMAPPED"]
    assert len(unmapped) == 1 and unmapped[0]["severity"] == "info"
