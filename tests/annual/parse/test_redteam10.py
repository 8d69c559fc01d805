"""A tenth red team's hand-made fixtures (``tests/fixtures/redteam10``): tables as CMSs,
spreadsheets, Word and WeChat's editor print them (every cell a ``<th>``, headers one
character a line, levels joined by hyphens, one flattened header row, transposed tables,
extra columns and rows of the organ's own: 上年同期, 同比, 备注, 其中 breakdowns, local
table 二 items, a 案件合计 column, a 合计 row), zero written in many ways, table 四 said
empty in words, part titles without their numbers, fees printed in 元.

How the fixtures are kept: ``tests/annual/parse/redteam.py``.
"""

from __future__ import annotations

import pytest

from tests.annual.parse.redteam import RedTeam, pending_params
from tests.conftest import FIXTURES

TEAM = RedTeam(FIXTURES / "redteam10")


PENDING: dict[str, str] = {
    "rt10-html-part-titles-bold-spans-without-chinese-numbers-yi-er-san": (
        "cells right but SECTION_NOT_FOUND ×6: a short line that is exactly one of the six "
        "part titles, in order, is that part's title without its 一、二、"
    ),
    "rt10-html-table2-extra-local-rows-xingzheng-queren-jiangli-jiancha-after-coercion": (
        "cells right but VALUES_UNASSIGNED ×3: a table 二 row naming an item of the organ's "
        "own (行政确认, 行政奖励, 行政检查) is set apart with a note, not a warning"
    ),
    "rt10-html-table2-fee-header-unit-changed-to-yuan-amount-printed-in-yuan": (
        "fees read 35600, silently: a fee printed under 元 (not 万元) is divided by 10,000 and said"
    ),
    "rt10-html-table2-item-and-value-two-columns-one-row-per-cell-xiangmu-shuliang": (
        "规章 and 行政规范性文件 read made only, silently: a label joining an item and a "
        "measure (规章本年废止件数) names one cell"
    ),
    "rt10-html-table2-one-header-row-of-ten-items-and-one-value-row-underneath": (
        "table 二 all null (ROW_TOO_FEW, ROW_TOO_MANY, ROW_NOT_PRINTED): a header row of "
        "item labels over one row of numbers pairs each label with the value below it"
    ),
    "rt10-html-table3-extra-last-year-same-period-and-year-on-year-percent-columns-after-total": (
        "table 三 all null (ROW_TOO_MANY ×25): columns whose header names last year or a "
        "comparison (上年同期, 同比增减) are set apart before a row's cells are counted"
    ),
    "rt10-html-table3-extra-qizhong-rows-received-by-channel-online-letter-in-person": (
        "cells right but VALUES_UNASSIGNED ×3: 其中 rows under row 一 (网上申请, 信函申请, "
        "当面申请) are a breakdown, set apart with a note"
    ),
    "rt10-html-table3-flattened-header-and-labels-levels-joined-by-hyphen-spreadsheet-export": (
        "3.其他 read [None×6, 3], silently: a label whose levels are joined by hyphens "
        "(三、本年度办理结果-（六）其他处理-3.其他) is split there, so the item's number "
        "is never a cell"
    ),
    "rt10-html-table3-transposed-applicant-types-as-rows-outcome-rows-as-columns-three-header-rows": (
        "table 三 all null (ROW_TOO_FEW, ROW_TOO_MANY, VALUES_UNASSIGNED): a grid whose "
        "header cells are the form's rows and whose rows are the applicant types is read "
        "transposed, as the text reader already does"
    ),
    "rt10-html-table4-every-cell-wu-under-a-sentence-saying-no-case-happened-table2-wu-left-null": (
        "table 四 all null, silently: 无 in table 四 under a sentence saying no 行政复议 or "
        "行政诉讼 happened is 0, said as PLACEHOLDER_AS_ZERO"
    ),
    "rt10-html-table4-one-row-per-group-litigation-rowspan-and-a-grand-total-heji-row-under": (
        "cells right but VALUES_UNASSIGNED: a 合计 row under the three groups that equals "
        "their sums is a check row, checked and set apart"
    ),
    "rt10-html-table4-sixteenth-column-anjian-heji-all-cases-total-after-the-fifteen": (
        "table 四 all null (UNDECODED_RUN): a 16th number that a header names 合计 or that "
        "equals the three groups' totals added is set apart"
    ),
    "rt10-html-table4-transposed-five-result-rows-three-group-columns-litigation-colspan-two": (
        "table 四 read in row order, wrong, with only AMBIGUOUS_RUN: a table 四 whose rows "
        "are the results and whose columns are the groups is read by columns"
    ),
    "rt10-html-table4-value-row-one-merged-cell-saying-no-case-happened-this-year": (
        "table 四 all null (ROW_NOT_FOUND): a value row that is one cell saying no case "
        "happened (未发生…案件) is 15 zeros, said"
    ),
    "rt10-md-table3-transposed-applicant-rows-twenty-five-outcome-columns-group-in-first-header-row": (
        "table 三 all null (ROW_TOO_FEW, VALUES_UNASSIGNED, ROW_TOO_MANY): a Markdown table "
        "whose header cells are the form's rows is read transposed"
    ),
}
"""What each fixture the reader does not yet read whole is read wrong today, and the rule."""


@pytest.mark.parametrize("name", pending_params(PENDING))
def test_pending_fixture_reads_whole(name: str) -> None:
    TEAM.assert_reads_whole(name)


def test_every_pending_fixture_is_listed_and_every_fixture_has_values() -> None:
    TEAM.assert_listed(PENDING, at_least=37)
