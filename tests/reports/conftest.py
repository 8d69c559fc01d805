"""An organ with its staff and a simulated caseload; the workspace's clock fixed."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import Any

import pytest

YEAR = 2025
TODAY = date(2026, 1, 20)
"""Before the deadline of the 2025 report (31 January 2026)."""


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Fix the workspace's today (``services.today``); call ``today.set(d)`` to move it."""
    from gongkai.reports import services

    state = SimpleNamespace(value=TODAY)
    monkeypatch.setattr(services, "today", lambda: state.value)
    state.set = lambda d: setattr(state, "value", d)
    return state


@pytest.fixture
def staff(organ_tree: dict[str, Any], make_member: Any, today: Any) -> SimpleNamespace:
    a, b, office = organ_tree["a"], organ_tree["b"], organ_tree["office"]
    return SimpleNamespace(
        organ=a,
        other_organ=b,
        office=office,
        officer=make_member(a, "officer", first_name="张专员"),
        reviewer=make_member(a, "reviewer", first_name="李审核"),
        head=make_member(a, "head", first_name="王负责"),
        supervisor=make_member(office, "supervisor", first_name="赵监督"),
        admin=make_member(office, "admin"),
        other_officer=make_member(b, "officer"),
    )


@pytest.fixture
def caseload(staff: SimpleNamespace) -> None:
    """30 simulated cases of organ a received in 2024–2025 (histories up to mid-January)."""
    from gongkai_demo.simulate import simulate

    simulate(
        [staff.organ],
        30,
        first=date(2024, 1, 2),
        last=date(2025, 12, 31),
        until=date(2026, 1, 15),
        seed=11,
        appeal_rate=0.15,
    )


def break_table2(organ: Any, actor: Any, year: int = YEAR) -> None:
    """Damage table 二's entered figures the way a bad data migration would (a negative
    fee amount written straight into the table), so the checker reports T2.E002."""
    from decimal import Decimal

    from gongkai.disclosure import services as disclosure
    from gongkai.disclosure.models import Table2Entry

    disclosure.set_table2_entry(organ, year, actor, source="测试导入", fees=Decimal("1.5"))
    Table2Entry.objects.filter(organ=organ, year=year).update(fees=Decimal("-1.5"))


def make_ready(draft: Any, actor: Any) -> Any:
    """What an officer does before publishing: enter table 二's four figures (0, with a
    source) and replace every 【请填写……】 prompt with a sentence. Returns the draft."""
    from gongkai.reports import compute, services

    figures = {c: services.Table2Input(0, "测试业务系统导出") for c in services.TABLE2_ENTERED}
    draft = services.enter_table2(draft, actor, figures, version=draft.version)
    texts = {}
    for key, text in draft.sections.items():
        lines = [
            "本机关依法做好该项工作。" if line.startswith(compute.PLACEHOLDER) else line
            for line in text.split("\n")
        ]
        texts[key] = "\n".join(lines)
    return services.save_sections(draft, actor, texts, version=draft.version)
