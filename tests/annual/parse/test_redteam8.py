"""An eighth red team's hand-made fixtures (``tests/fixtures/redteam8``): pages laid out by
CMSs, converters and phones (tables built from divs or as cards, a labels column beside a
numbers table, Word's HTML with a 序号 column, rows only in a script's data, tables one line
each with cells apart by bars, 、 or /, rows as sentences, numbers printed before their
labels, right-aligned text columns with blanks as spaces, a two-column page), and the words
reports print: row labels in other words or a few characters off the form's, header words
of their own with the total column first, organs of other kinds named only in the page's
furniture, years written otherwise.

All read whole (``test_fixture_reports`` compares them cell by cell); here are the notes the
rules they brought must give, and never a misplacement without one (how the fixtures are
kept: ``tests/annual/parse/redteam.py``).
"""

from __future__ import annotations

import pytest

from tests.annual.parse.redteam import BAD_CODES, WARNED_ROWS, RedTeam, codes, pending_params
from tests.conftest import FIXTURES

TEAM = RedTeam(FIXTURES / "redteam8")


PENDING: dict[str, str] = {}
"""What each fixture the reader does not yet read whole is read wrong today, and the rule."""


@pytest.mark.parametrize(
    "name",
    pending_params(PENDING),
)
def test_pending_fixture_reads_whole(name: str) -> None:
    TEAM.assert_reads_whole(name)


def test_every_pending_fixture_is_listed_and_every_fixture_has_values() -> None:
    TEAM.assert_listed(PENDING, at_least=60)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        (
            "lex-md-table3-total-column-first-worded-shenqing-zongshu-applicant-columns-"
            "gongmin-gongshang-qiye-keyan-danwei-gongyi-tuanti-lvshi-shiwusuo",
            "COLUMNS_REORDERED",
        ),
        (
            "lex-md-table4-total-column-first-worded-zongshu-columns-weichi-yuan-jueding-"
            "bei-jiuzheng-qita-qingxing-wei-jiean",
            "TABLE4_REORDERED",
        ),
        (
            "layout-pdf-text-drawing-order-numbers-before-their-label-on-each-table-row-line",
            "VALUES_BEFORE_LABELS",
        ),
    ],
)
def test_cells_placed_otherwise_than_by_position_are_said(name: str, code: str) -> None:
    """Read by position these tables were shifted by a column or a row with no note at all;
    read by the rows' own sums or their own lines, they say so."""
    report = TEAM.read(name)
    assert code in codes(report)
    assert not set(codes(report)) & (BAD_CODES | WARNED_ROWS)


@pytest.mark.parametrize(
    ("name", "field"),
    [
        (
            "lex-rows-per-line-generic-title-organ-only-in-footer-zhuban-danwei-short-name-"
            "with-full-name-in-brackets-year-from-period",
            "主办单位",
        ),
        (
            "lex-rows-per-line-organ-only-in-breadcrumb-department-channel-generic-title-"
            "signed-benju",
            "当前位置",
        ),
        (
            "lex-rows-per-line-organ-only-in-site-banner-wangzhan-zhuanlan-generic-title-"
            "signed-benjiguan",
            "网站名称",
        ),
    ],
)
def test_an_organ_named_only_in_the_pages_furniture_is_read_and_said(name: str, field: str) -> None:
    report = TEAM.read(name)
    assert report.organ == TEAM.values(name)["organ"]
    said = [d for d in report.diagnostics or () if d["code"] == "ORGAN_FROM_PUBLISHER"]
    assert [d.get("field") for d in said] == [field]


def test_labels_a_few_characters_off_the_forms_are_read_as_their_rows_and_said() -> None:
    name = (
        "lex-rows-per-line-table3-labels-shortened-sanlei-neibu-xinxi-xingzheng-chaxun-"
        "tigong-chubanwu-title-year-in-brackets-at-end"
    )
    report = TEAM.read(name)
    (near,) = [d for d in report.diagnostics or () if d["code"] == "LABEL_NEAR"]
    assert near["labels"] == ["5.属于三类内部信息", "8.属于行政查询", "3.要求提供出版物"]
    assert "“8.属于行政查询”读作“（三）不予公开8.属于行政查询事项”" in near["message"]
    assert not set(codes(report)) & (BAD_CODES | WARNED_ROWS)
