"""How a citizen's message (网民留言) is handled, as one table.

A message arrives (``received``); the organ's 公开专员 drafts a reply, submits it, and a
reviewer (审核人 or the head, never the person who drafted it) approves it, which sends it
to the citizen, or sends it back with a comment. Instead of a reply, the officer may
transfer (转办) a message that belongs to another organ, or turn one that is really a
disclosure application into an application (转为依申请公开). ``TRANSITIONS`` is the only
place that says which change is allowed from which state and by which role.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from gongkai.workflow import TransitionError as TransitionError
from gongkai.workflow import Workflow

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

    @property
    def needs_reason(self) -> bool:
        return self.needs_comment

    @property
    def condition(self) -> None:
        return None

    @property
    def effect(self) -> None:
        return None


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


def build(
    transitions: Iterable[Transition] = TRANSITIONS, *, check: bool = True
) -> Workflow[Transition]:
    return Workflow(
        name="网民留言的办理",
        states=STATE_LABELS,
        initial=INITIAL,
        terminal=END_STATES,
        events={t.event: t.label for t in transitions},
        roles=ROLE_LABELS,
        transitions=transitions,
        wrong_state="状态为“{state}”的留言不能执行“{event}”",
        wrong_role="“{event}”需要{roles}办理",
        validate=check,
    )


WORKFLOW: Final = build()


def find(state: str, event: str, roles: Iterable[str]) -> Transition:
    """The transition for ``event`` from ``state`` allowed to one of ``roles``."""
    return WORKFLOW.transition_for(state, event, roles)


def allowed_events(state: str, roles: Iterable[str]) -> list[Transition]:
    return list(WORKFLOW.allowed(state, roles))


def validate(transitions: tuple[Transition, ...] = TRANSITIONS) -> list[str]:
    """Problems with the table (empty when sound), in Chinese."""
    return build(transitions, check=False).problems()
