"""The catalogue columns' periods: the default table, overridden for all organs or one."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from gongkai.disclosure import workflow
from gongkai.supervision import inspect
from gongkai.supervision.models import ColumnPeriod
from gongkai_demo.factories.disclosure import Team, make_item

pytestmark = pytest.mark.django_db


def _columns(organs: list[Any], on: date) -> set[tuple[int, str, str]]:
    return {
        (f.organ_id, f.rule, f.key)
        for f in inspect.findings(organs, on)
        if f.rule.startswith("CATALOG.")
    }


def test_defaults_and_overrides(organ_tree: dict[str, Any], frozen_today: date) -> None:
    a, b = organ_tree["a"], organ_tree["b"]
    team = Team.for_organ(a)
    make_item(
        team, state=workflow.PUBLISHED, on=frozen_today, title="职能", category="organisation"
    )
    make_item(
        team,
        state=workflow.PUBLISHED,
        on=frozen_today - timedelta(days=100),
        title="规划",
        category="planning",
    )
    assert _columns([a, b], frozen_today) == {
        (a.pk, "CATALOG.EMPTY", "column:budget"),
        (b.pk, "CATALOG.EMPTY", "column:budget"),
        (b.pk, "CATALOG.EMPTY", "column:organisation"),
    }
    ColumnPeriod.objects.create(category="budget", required=False, days=None)  # all organs
    ColumnPeriod.objects.create(organ=a, category="planning", required=True, days=90)
    assert _columns([a, b], frozen_today) == {
        (a.pk, "CATALOG.STALE", "column:planning"),
        (b.pk, "CATALOG.EMPTY", "column:organisation"),
    }
