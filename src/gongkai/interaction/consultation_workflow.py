"""意见征集 and 征集调查, as one table.

The officer drafts a consultation; a reviewer or the head publishes it while its period
has not ended. Between its start and end dates the public comments (a draft document or a
question) or fills in the questionnaire (a survey). The officer sorts the comments at any
time until the feedback is out, drafts the 反馈 once the period is over (every comment
marked adopted or not, checked with the draft's text), and a reviewer or the head publishes it: the end.

The state is not stored: ``consulting.state_of`` reads it from the consultation (published
or not, its feedback drafted or published). Whether the period runs is a guard, evaluated
by the engine on a ``Period`` (the day and the consultation's dates). Plain Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

from gongkai.workflow import Transition, Workflow

DRAFT: Final = "draft"
PUBLISHED: Final = "published"
FEEDBACK_DRAFTED: Final = "feedback_drafted"
CONCLUDED: Final = "concluded"

STATE_LABELS: Final = {
    DRAFT: "未发布",
    PUBLISHED: "已发布",
    FEEDBACK_DRAFTED: "反馈待发布",
    CONCLUDED: "已发布反馈",
}

PUBLISH: Final = "publish"
COMMENT: Final = "comment"
RESPOND: Final = "respond"
SORT: Final = "sort"
WRITE_FEEDBACK: Final = "write_feedback"
PUBLISH_FEEDBACK: Final = "publish_feedback"

EVENT_LABELS: Final = {
    PUBLISH: "发布征集",
    COMMENT: "提交意见",
    RESPOND: "提交答卷",
    SORT: "整理意见",
    WRITE_FEEDBACK: "起草反馈",
    PUBLISH_FEEDBACK: "发布反馈",
}

OFFICER: Final = "officer"
REVIEWER: Final = "reviewer"
PUBLIC: Final = "public"
ROLE_LABELS: Final = {OFFICER: "公开专员", REVIEWER: "审核人或机构负责人", PUBLIC: "公众"}

NOT_ENDED: Final = "not_ended"
RUNNING: Final = "running"
ENDED: Final = "ended"

GUARDS: Final = {
    NOT_ENDED: "截止日期未过",
    RUNNING: "在征集期内（开始日期至截止日期）",
    ENDED: "征集已截止",
}


@dataclass(frozen=True)
class Period:
    """What the guards read: the day and the consultation's dates."""

    today: date
    starts_on: date
    ends_on: date


def _not_ended(p: Period) -> bool:
    return p.today <= p.ends_on


def _running(p: Period) -> bool:
    return p.starts_on <= p.today <= p.ends_on


def _ended(p: Period) -> bool:
    return p.today > p.ends_on


WORKFLOW: Final = Workflow(
    name="意见征集与征集调查",
    states=STATE_LABELS,
    initial=DRAFT,
    terminal={CONCLUDED},
    events=EVENT_LABELS,
    roles=ROLE_LABELS,
    guards=GUARDS,
    checks={NOT_ENDED: _not_ended, RUNNING: _running, ENDED: _ended},
    transitions=(
        Transition((DRAFT,), PUBLISH, PUBLISHED, frozenset({REVIEWER}), NOT_ENDED),
        Transition((PUBLISHED,), COMMENT, None, frozenset({PUBLIC}), RUNNING),
        Transition((PUBLISHED,), RESPOND, None, frozenset({PUBLIC}), RUNNING),
        Transition((PUBLISHED, FEEDBACK_DRAFTED), SORT, None, frozenset({OFFICER})),
        Transition(
            (PUBLISHED, FEEDBACK_DRAFTED),
            WRITE_FEEDBACK,
            FEEDBACK_DRAFTED,
            frozenset({OFFICER}),
            ENDED,
        ),
        Transition((FEEDBACK_DRAFTED,), PUBLISH_FEEDBACK, CONCLUDED, frozenset({REVIEWER})),
    ),
    wrong_state="“{state}”的征集不能{event}",
    wrong_role="{event}须由本机关的{roles}办理",
)
