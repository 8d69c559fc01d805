"""``Notes.child`` and ``Notes.adopt``: a reading tried on its own writes its diagnostics
apart, and they reach the document's only when that reading is kept."""

from __future__ import annotations

from gongkai.annual.parse.notes import Notes


def test_a_child_starts_empty_and_names_the_same_source() -> None:
    notes = Notes("某局2024年报.pdf")
    notes.add("CELL_BLANK", "info", "表四有一格空白")
    child = notes.child()
    assert child.items == []
    child.add("ROW_NOT_FOUND", "warning", "找不到“总计”一行")
    assert child.items[0]["message"] == "某局2024年报.pdf：找不到“总计”一行"
    assert [item["code"] for item in notes.items] == ["CELL_BLANK"]


def test_adopted_notes_follow_the_ones_already_there_and_a_dropped_child_leaves_none() -> None:
    notes = Notes("样本.txt")
    notes.add("TABLE_NOT_FOUND", "warning", "找不到表二")
    kept, dropped = notes.child(), notes.child()
    kept.add("TABLE4_ONE_CELL_A_ROW", "info", "表四每行印一格")
    kept.add("CELL_BLANK", "info", "一格空白")
    dropped.add("ROW_TOO_FEW", "warning", "数字太少")
    notes.adopt(kept)
    assert [item["code"] for item in notes.items] == [
        "TABLE_NOT_FOUND",
        "TABLE4_ONE_CELL_A_ROW",
        "CELL_BLANK",
    ]
