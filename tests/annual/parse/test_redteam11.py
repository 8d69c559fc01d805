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


PENDING: dict[str, str] = {}
"""What each fixture the reader does not yet read whole is read wrong today, and the rule."""


@pytest.mark.parametrize("name", pending_params(PENDING))
def test_pending_fixture_reads_whole(name: str) -> None:
    TEAM.assert_reads_whole(name)


def test_every_pending_fixture_is_listed_and_every_fixture_has_values() -> None:
    TEAM.assert_listed(PENDING, at_least=35)
