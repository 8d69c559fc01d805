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


PENDING: dict[str, str] = {}
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


def test_last_years_cells_beside_this_years_are_left_out_and_said() -> None:
    """Fourteen numbers a row, a header naming 2023 and 2022 in turn: 2023's are read."""
    name = "crawled-table3-each-cell-this-year-then-last-year-fourteen-numbers-a-row"
    report = TEAM.read(name)
    assert differences(report, TEAM.values(name)) == []
    assert "LAST_YEAR_LEFT_OUT" in codes(report)
    assert not set(codes(report)) & (BAD_CODES | WARNED_ROWS)


def test_table3_on_its_side_is_read_by_column_and_said() -> None:
    name = "crawled-table3-transposed-one-line-per-applicant-column-twenty-five-numbers"
    report = TEAM.read(name)
    assert differences(report, TEAM.values(name)) == []
    assert "TABLE3_TRANSPOSED" in codes(report)
    assert report.confidence["table3"] == 1.0


def test_table4_on_its_side_is_read_by_group_and_said() -> None:
    name = "crawled-table4-transposed-one-line-per-result-three-groups-across"
    report = TEAM.read(name)
    assert differences(report, TEAM.values(name)) == []
    assert "TABLE4_ONE_CELL_A_ROW" in codes(report)


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
