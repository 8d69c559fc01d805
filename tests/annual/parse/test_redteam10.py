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


PENDING: dict[str, str] = {}
"""What each fixture the reader does not yet read whole is read wrong today, and the rule."""


@pytest.mark.parametrize("name", pending_params(PENDING))
def test_pending_fixture_reads_whole(name: str) -> None:
    TEAM.assert_reads_whole(name)


def test_every_pending_fixture_is_listed_and_every_fixture_has_values() -> None:
    TEAM.assert_listed(PENDING, at_least=37)
