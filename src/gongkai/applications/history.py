"""Facts read from a case's history (its ``CaseEvent`` rows, or anything with the audit
vocabulary's ``action``, ``seq``, ``actor_id``, ``on`` and ``data``), in order."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Final, TypeVar

from .workflow import EVENT_LABELS, Event

E = TypeVar("E", bound=Any)

REVIEW_LEVELS: Final = {
    Event.APPROVE_FIRST: "初审",
    Event.APPROVE_SECOND: "复审",
    Event.SIGN_OFF: "终审",
}


def last(events: Iterable[E], *actions: str) -> E | None:
    """The latest event that is one of ``actions``."""
    found = None
    for e in events:
        if e.action in actions:
            found = e
    return found


def since_reopen(events: Sequence[E]) -> list[E]:
    """The events from the latest 重新办理 on (all of them when never reopened)."""
    reopened = last(events, Event.REOPEN)
    return list(events) if reopened is None else [e for e in events if e.seq >= reopened.seq]


def review_round(events: Iterable[Any]) -> dict[int, str]:
    """Who has acted on the reply under review: the drafter and each review level, by user
    id (the round starts at the latest 拟写答复; a reply returned for revision starts over)."""
    acted: dict[int, str] = {}
    for e in events:
        if e.action == Event.DRAFT_REPLY:
            acted = {e.actor_id: EVENT_LABELS[Event.DRAFT_REPLY]} if e.actor_id else {}
        elif e.action in REVIEW_LEVELS and e.actor_id:
            acted.setdefault(e.actor_id, REVIEW_LEVELS[Event(e.action)])
    return acted
