"""The start page (工作台) of each person: what their roles ask of them now.

    desk = build(user, on=date(2025, 6, 16), calendar=current_calendar())
    for block in desk.blocks:          # one per role and organ, roles in their usual order
        for section in block.sections: # most urgent first; each with an empty-state sentence
            section.lines, section.total, section.more_url

``todo_count(user)`` is the number the menu shows (待办 N): the same sections, counted
without reading their lines, once per request.
"""

from __future__ import annotations

from .build import build, todo_count
from .model import LIMIT, Block, Desk, Line, Overview, Section

__all__ = ["LIMIT", "Block", "Desk", "Line", "Overview", "Section", "build", "todo_count"]
