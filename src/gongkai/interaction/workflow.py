"""How a citizen's message (网民留言) is handled, as one table.

A message arrives (``received``); the organ's 公开专员 drafts a reply, submits it, and a
reviewer (审核人 or the head, never the person who drafted it) approves it, which sends it
to the citizen, or sends it back with a comment. Instead of a reply, the officer may
transfer (转办) a message that belongs to another organ, or turn one that is really a
disclosure application into an application (转为依申请公开). ``TRANSITIONS`` is the only
place that says which change is allowed from which state and by which role.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

RECEIVED: Final = "received"
DRAFTED: Final = "drafted"
REVIEW: Final = "review"
REPLIED: Final = "replied"
TRANSFERRED: Final = "transferred"
CONVERTED: Final = "converted"

STATES: Final = (
    (RECEIVED, "待答复"),
    (DRAFTED, "答复草稿"),
    (REVIEW, "待审核"),
    (REPLIED, "已答复"),
    (TRANSFERRED, "已转办"),
    (CONVERTED, "已转为政府信息公开申请"),
)
STATE_LABELS: Final = dict(STATES)
INITIAL: Final = RECEIVED
OPEN_STATES: Final = frozenset({RECEIVED, DRAFTED, REVIEW})
"""States whose reply period is still running."""
END_STATES: Final = frozenset({REPLIED, TRANSFERRED, CONVERTED})

OFFICER: Final = "officer"
REVIEWER: Final = "reviewer"
ROLE_LABELS: Final = {OFFICER: "公开专员", REVIEWER: "审核人或机构负责人"}


@dataclass(frozen=True)
class Transition:
    event: str
    label: str
    sources: tuple[str, ...]
    target: str
    roles: tuple[str, ...]
    needs_comment: bool = False
    public: bool = False
    """Whether the citizen sees the event on the message's private page."""


TRANSITIONS: Final[tuple[Transition, ...]] = (
    Transition("draft", "保存答复草稿", (RECEIVED, DRAFTED), DRAFTED, (OFFICER,)),
    Transition("submit", "提交审核", (DRAFTED,), REVIEW, (OFFICER,)),
    Transition("approve", "审核通过并答复", (REVIEW,), REPLIED, (REVIEWER,), public=True),
    Transition("send_back", "退回修改", (REVIEW,), DRAFTED, (REVIEWER,), needs_comment=True),
    Transition(
        "transfer",
        "转办",
        (RECEIVED, DRAFTED),
        TRANSFERRED,
        (OFFICER,),
        needs_comment=True,
        public=True,
    ),
    Transition(
        "convert",
        "转为政府信息公开申请",
        (RECEIVED, DRAFTED),
        CONVERTED,
        (OFFICER,),
        needs_comment=True,
        public=True,
    ),
)
EVENTS: Final = {t.event: t for t in TRANSITIONS}
EVENT_LABELS: Final = {t.event: t.label for t in TRANSITIONS} | {
    "receive": "收到留言",
    "transferred_in": "收到转办的留言",
    "publish": "在留言选登中公开",
    "unpublish": "撤下选登",
}


class TransitionError(Exception):
    def __init__(self, message: str, *, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def find(state: str, event: str, roles: Iterable[str]) -> Transition:
    """The transition for ``event`` from ``state`` allowed to one of ``roles``."""
    transition = EVENTS.get(event)
    if transition is None:
        raise TransitionError(f"未知的操作“{event}”", code="unknown_event")
    if state not in transition.sources:
        raise TransitionError(
            f"状态为“{STATE_LABELS.get(state, state)}”的留言不能执行“{transition.label}”",
            code="wrong_state",
        )
    if not set(roles) & set(transition.roles):
        needed = "、".join(ROLE_LABELS[r] for r in transition.roles)
        raise TransitionError(f"“{transition.label}”需要{needed}办理", code="wrong_role")
    return transition


def allowed_events(state: str, roles: Iterable[str]) -> list[Transition]:
    held = set(roles)
    return [t for t in TRANSITIONS if state in t.sources and held & set(t.roles)]


def validate(transitions: tuple[Transition, ...] = TRANSITIONS) -> list[str]:
    """Problems with the table (empty when sound), in Chinese."""
    problems: list[str] = []
    seen: set[str] = set()
    for t in transitions:
        if t.event in seen:
            problems.append(f"操作“{t.event}”重复定义")
        seen.add(t.event)
        for state in (*t.sources, t.target):
            if state not in STATE_LABELS:
                problems.append(f"操作“{t.event}”引用了未知状态“{state}”")
        for source in t.sources:
            if source in END_STATES:
                problems.append(f"办结状态“{STATE_LABELS[source]}”不应有后续操作“{t.event}”")
        if not t.roles or any(r not in ROLE_LABELS for r in t.roles):
            problems.append(f"操作“{t.event}”的角色有误")
    reachable = {INITIAL}
    queue = deque([INITIAL])
    while queue:
        state = queue.popleft()
        for t in transitions:
            if state in t.sources and t.target not in reachable:
                reachable.add(t.target)
                queue.append(t.target)
    problems += [f"状态“{label}”无法到达" for s, label in STATES if s not in reachable]
    return problems
