"""An eleventh red team's hand-made fixtures (``tests/fixtures/redteam11``): tables as CSS
grids of ``<div>``s, digits broken by ``<br>``, 栏次 rows of column numbers, merged cells
holding one 0 for a block, counts with measure words (宗, 项, 个), table 四 told in
sentences, a joint report printing each organ's tables, escaped table markup, dot leaders,
ASCII grids with a 行次 column, two-column newspaper layouts, HTML entities left in crawled
text, Word's table-to-text with commas, an organ named only in the seal's alt text.

How the fixtures are kept: ``tests/annual/parse/redteam.py``.
"""

from __future__ import annotations

import pytest

from tests.annual.parse.redteam import RedTeam, pending_params
from tests.conftest import FIXTURES

TEAM = RedTeam(FIXTURES / "redteam11")


PENDING: dict[str, str] = {
    "rt11-html-bilingual-page-labels-chinese-then-english-after-br-in-tables-two-and-three": (
        "规章 row ROW_INFERRED (its label reads 规章Rules): Latin text after a label whose "
        "Chinese part is the label exactly is to be set aside"
    ),
    "rt11-html-counts-with-units-ge-xiang-zong-in-table2-renci-in-table3-zong-in-table4": (
        "12宗 and every N宗 of table 四 null: a count cell may end in any measure word"
    ),
    "rt11-html-generic-title-organ-named-only-in-the-seal-image-alt-text-under-the-report": (
        "organ null, no note: the seal image's alt text after the report names the organ"
    ),
    "rt11-html-statistical-column-number-row-jia-yi-bing-1-to-7-under-table3-header-1-to-15-under-table4": (
        "table 四 null, table 三 VALUES_UNASSIGNED: a header row of consecutive numbers 1..N "
        "(after 甲/乙/丙) is a 栏次 row, not values"
    ),
    "rt11-html-table2-blocks-in-reverse-order-eight-six-five-one-guizhang-row-one-merged-slash-cell": (
        "规章 ROW_TOO_FEW: one merged / over a row's value cells is every cell's placeholder"
    ),
    "rt11-html-table3-five-legal-person-zero-cells-merged-into-one-colspan-five-0-in-every-row": (
        "every row null: a merged value cell holding 0 gives 0 to every cell it covers"
    ),
    "rt11-html-table3-folded-in-two-halves-side-by-side-rows-one-to-thirteen-left-rest-right-sixteen-columns": (
        "table 三 null with only COLUMNS_REORDERED: a header repeating its columns twice is "
        "two halves side by side"
    ),
    "rt11-html-table3-withheld-block-all-zero-one-merged-cell-eight-rows-by-seven-columns-holding-0": (
        "the eight （三） rows null: a merged value cell holding 0 gives 0 to every cell it covers"
    ),
    "rt11-html-table4-only-reconsideration-as-a-table-both-litigation-groups-as-sentences-with-every-result": (
        "both litigation groups null: part 四's sentences naming a group and its results"
    ),
    "rt11-txt-ascii-plus-minus-grid-tables-with-hangci-row-number-column-one-to-twenty-five-after-labels": (
        "table 四 null (ROW_TOO_MANY): the 行次 column is set aside in table 四 too"
    ),
    "rt11-txt-crawled-text-html-entities-left-undecoded-nbsp-between-cells-ldquo-and-numeric-brackets-in-labels": (
        "（七）总计 ROW_INFERRED: HTML entities left in a text are decoded"
    ),
    "rt11-txt-dot-leaders-between-every-row-label-and-its-numbers-group-labels-on-own-lines": (
        "rows null: dot leaders between a label and its numbers are a separator, not a decimal point"
    ),
    "rt11-txt-word-convert-table-to-text-comma-separated-labels-keep-their-own-commas-unquoted": (
        "rows with a comma in their label null: the known label is matched before the commas split"
    ),
}
"""What each fixture the reader does not yet read whole is read wrong today, and the rule."""


@pytest.mark.parametrize("name", pending_params(PENDING))
def test_pending_fixture_reads_whole(name: str) -> None:
    TEAM.assert_reads_whole(name)


def test_every_pending_fixture_is_listed_and_every_fixture_has_values() -> None:
    TEAM.assert_listed(PENDING, at_least=35)
