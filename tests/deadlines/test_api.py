"""The public API of ``gongkai.deadlines`` is exactly its ``__all__``."""

from __future__ import annotations

import ast
import inspect
from datetime import date
from pathlib import Path

import gongkai.deadlines as deadlines
from gongkai.deadlines import (
    ClockPolicy,
    PauseKind,
    PauseStarted,
    Received,
    WorkCalendar,
    compute,
    consultation_reply_due,
    event_from_dict,
    event_to_dict,
    proactive_disclosure_due,
)


def test_all_matches_the_public_names() -> None:
    public = {n for n in vars(deadlines) if not n.startswith("_")}
    modules = {n for n in public if inspect.ismodule(getattr(deadlines, n))}
    assert sorted(deadlines.__all__) == deadlines.__all__
    assert set(deadlines.__all__) == public - modules


def test_no_django_no_system_clock() -> None:
    for path in Path(deadlines.__file__).parent.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        imported = {
            node.module or ""
            for node in ast.walk(ast.parse(text))
            if isinstance(node, ast.ImportFrom)
        } | {
            alias.name
            for node in ast.walk(ast.parse(text))
            if isinstance(node, ast.Import)
            for alias in node.names
        }
        assert not any(name.startswith(("django", "gongkai.annual")) for name in imported), path
        assert "date.today(" not in text and "datetime.now(" not in text, path


def test_events_round_trip_through_dicts() -> None:
    events = [Received(date(2024, 9, 27)), PauseStarted(date(2024, 10, 8), PauseKind.OTHER_ORGAN)]
    as_dicts = [event_to_dict(e) for e in events]
    assert as_dicts[1] == {"type": "pause_started", "date": "2024-10-08", "kind": "other_organ"}
    assert [event_from_dict(d) for d in as_dicts] == events


def test_state_serialises() -> None:
    state = compute([Received(date(2024, 9, 27))], WorkCalendar.from_shipped(), ClockPolicy())
    data = state.to_dict()
    assert data["due"] == "2024-10-30" and data["final_due"] == "2024-10-30"
    assert data["phase"] == "running" and data["explanation"] == list(state.explanation)


def test_other_periods_use_the_same_calendar() -> None:
    calendar = WorkCalendar.from_shipped()
    assert proactive_disclosure_due(date(2025, 9, 26), calendar) == date(2025, 10, 30)  # Art. 26
    assert consultation_reply_due(date(2024, 9, 30), calendar) == date(2024, 10, 25)  # 15 wd
