"""Test and demo helpers that build items through the services (never ``state=``).

team = Team.for_organ(organ)                  # officer, two reviewers, head
item = make_item(team, state="published", kind="normative", written_on=date(2024, 3, 1))
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from gongkai.disclosure import services, workflow
from gongkai.disclosure.models import Item
from gongkai.organs.models import Organ
from gongkai.organs.roles import Role

# The events that take a new draft to each state, and the team member who applies each.
PATH: dict[str, list[tuple[str, str]]] = {
    workflow.DRAFT: [],
    workflow.FIRST_REVIEW: [("submit", "officer")],
    workflow.SECOND_REVIEW: [("submit", "officer"), ("approve_first", "first")],
    workflow.FINAL_REVIEW: [
        ("submit", "officer"),
        ("approve_first", "first"),
        ("approve_second", "second"),
    ],
    workflow.PUBLISHED: [
        ("submit", "officer"),
        ("approve_first", "first"),
        ("approve_second", "second"),
        ("approve_final", "head"),
    ],
}


@dataclass
class Team:
    organ: Organ
    officer: Any
    first: Any
    second: Any
    head: Any

    @classmethod
    def for_organ(cls, organ: Organ, names: tuple[str, str, str, str] | None = None) -> Team:
        from gongkai_demo.factories.organs import member

        names = names or ("公开专员", "初审人", "复审人", "终审人")
        roles = (Role.OFFICER, Role.REVIEWER, Role.REVIEWER, Role.HEAD)
        people = [
            member(organ, role, first_name=name, last_name="")
            for role, name in zip(roles, names, strict=True)
        ]
        return cls(organ, *people)


def make_item(
    team: Team,
    *,
    state: str = workflow.DRAFT,
    on: datetime.date | None = None,
    body: str = "<p>正文</p>",
    **fields: Any,
) -> Item:
    """An item of ``team.organ`` brought to ``state`` by applying the real events.

    ``state`` may also be ``repealed`` or ``expired`` (published first, then ended on
    ``ended_on`` given in ``fields``, default ``on``).
    """
    ended_on = fields.pop("ended_on", None)
    fields.setdefault("title", "测试信息")
    fields.setdefault("written_on", on or datetime.date(2024, 3, 1))
    fields.setdefault("category", "rules")
    item, _ = services.create_item(team.organ, team.officer, body=body, on=on, **fields)
    path = PATH[workflow.PUBLISHED if state in (workflow.REPEALED, workflow.EXPIRED) else state]
    for event, who in path:
        item = services.apply(item, event, getattr(team, who), on=on)
    if state == workflow.REPEALED:
        item = services.apply(item, "repeal", team.head, "已被新文件替代", on=ended_on or on)
    elif state == workflow.EXPIRED:
        item = services.apply(item, "expire", team.head, "有效期届满", on=ended_on or on)
    return item
