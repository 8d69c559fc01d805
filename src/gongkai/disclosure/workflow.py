"""The review workflow of a proactively disclosed item, as one table.

An item is drafted by the organ's disclosure officer, reviewed three times (初审, 复审,
终审: the names shown to staff, never on the public page), and published. Any reviewer may send
it back with a comment. A published item may be revised (a new version, which goes
through the same review while the old one stays published and viewable), withdrawn,
repealed (废止) or marked expired (失效).

``TRANSITIONS`` is the only place that says which change is allowed from which state and
by which role; ``services.apply`` looks changes up here and writes an event row for each.
The engine (``gongkai.workflow``) checks the table at import; ``validate()`` adds this
workflow's own rules and runs at start-up (``apps.ready``) and in the tests.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from gongkai.workflow import TransitionError as TransitionError
from gongkai.workflow import Workflow

# --------------------------------------------------------------------------- states

DRAFT: Final = "draft"
FIRST_REVIEW: Final = "first_review"
SECOND_REVIEW: Final = "second_review"
FINAL_REVIEW: Final = "final_review"
PUBLISHED: Final = "published"
SUPERSEDED: Final = "superseded"
WITHDRAWN: Final = "withdrawn"
REPEALED: Final = "repealed"
EXPIRED: Final = "expired"

STATES: Final = (
    (DRAFT, "草稿"),
    (FIRST_REVIEW, "待初审"),
    (SECOND_REVIEW, "待复审"),
    (FINAL_REVIEW, "待终审"),
    (PUBLISHED, "已发布"),
    (SUPERSEDED, "已被新版本替代"),
    (WITHDRAWN, "已撤回"),
    (REPEALED, "已废止"),
    (EXPIRED, "已失效"),
)
STATE_LABELS: Final = dict(STATES)
INITIAL: Final = DRAFT
END_STATES: Final = frozenset({SUPERSEDED, WITHDRAWN, REPEALED, EXPIRED})
REVIEW_STATES: Final = (FIRST_REVIEW, SECOND_REVIEW, FINAL_REVIEW)
# States in which the public can see the item (repealed and expired items stay visible,
# marked 废止 / 失效; superseded versions are reachable from the current one).
PUBLIC_STATES: Final = frozenset({PUBLISHED, SUPERSEDED, REPEALED, EXPIRED})
# The one row of a document that counts (the current version once published).
HEAD_STATES: Final = frozenset({PUBLISHED, REPEALED, EXPIRED})

# 有效性 as printed on the item page, by state.
VALIDITY: Final = {PUBLISHED: "有效", SUPERSEDED: "有效", REPEALED: "废止", EXPIRED: "失效"}

# --------------------------------------------------------------------------- roles

OFFICER: Final = "officer"
FIRST_REVIEWER: Final = "first_reviewer"
SECOND_REVIEWER: Final = "second_reviewer"
FINAL_REVIEWER: Final = "final_reviewer"
SYSTEM: Final = "system"

ROLES: Final = (
    (OFFICER, "公开专员"),
    (FIRST_REVIEWER, "初审人"),
    (SECOND_REVIEWER, "复审人"),
    (FINAL_REVIEWER, "终审人"),
    (SYSTEM, "系统"),
)
ROLE_LABELS: Final = dict(ROLES)

# The review level each review state stands for, as printed on the published item.
REVIEW_LEVEL: Final = {FIRST_REVIEW: "初审", SECOND_REVIEW: "复审", FINAL_REVIEW: "终审"}

# --------------------------------------------------------------------------- events


@dataclass(frozen=True)
class Transition:
    """One allowed change: from any of ``sources`` by ``event`` to ``target``.

    ``target`` equal to the source (``None``) leaves the state as it is (``revise`` makes a
    new version and leaves the published one where it is). ``needs_comment``: the actor
    must say why. ``effect`` names what ``services`` does besides moving the state.
    """

    event: str
    label: str
    sources: tuple[str, ...]
    target: str | None
    roles: tuple[str, ...]
    needs_comment: bool = False
    effect: str = ""
    guard: str = ""

    @property
    def needs_reason(self) -> bool:
        return self.needs_comment

    @property
    def condition(self) -> str | None:
        return self.guard or None


EFFECT_LABELS: Final = {
    "publish": "发布：公开发布日期、生成页面并进入目录和检索",
    "new_version": "新建一个修订版本（草稿），现行版本继续有效",
    "supersede": "新版本发布后，旧版本标注为已被替代",
    "unpublish": "从公开页面撤下",
    "end_validity": "标注有效性（废止或失效），页面继续公开",
}

SEPARATE_REVIEWERS: Final = "separate_reviewers"
READY_TO_PUBLISH: Final = "ready_to_publish"
GUARD_LABELS: Final = {
    SEPARATE_REVIEWERS: "本轮三级审核由不同的人完成，提交人不审核自己提交的信息",
    READY_TO_PUBLISH: (
        "本轮三级审核由不同的人完成；正文或附件中的个人信息已由审核人核实可以公开并说明理由；"
        "需要解读的文件与解读同时或在其后发布"
    ),
}
"""The conditions; ``services`` binds their checks (``services.WORKFLOW``)."""

TRANSITIONS: Final[tuple[Transition, ...]] = (
    Transition("submit", "提交审核", (DRAFT,), FIRST_REVIEW, (OFFICER,)),
    Transition(
        "approve_first",
        "初审通过",
        (FIRST_REVIEW,),
        SECOND_REVIEW,
        (FIRST_REVIEWER,),
        guard=SEPARATE_REVIEWERS,
    ),
    Transition(
        "approve_second",
        "复审通过",
        (SECOND_REVIEW,),
        FINAL_REVIEW,
        (SECOND_REVIEWER,),
        guard=SEPARATE_REVIEWERS,
    ),
    Transition(
        "approve_final",
        "终审通过并发布",
        (FINAL_REVIEW,),
        PUBLISHED,
        (FINAL_REVIEWER,),
        effect="publish",
        guard=READY_TO_PUBLISH,
    ),
    Transition(
        "send_back",
        "退回修改",
        REVIEW_STATES,
        DRAFT,
        (FIRST_REVIEWER, SECOND_REVIEWER, FINAL_REVIEWER),
        needs_comment=True,
    ),
    Transition("revise", "修订（新版本）", (PUBLISHED,), None, (OFFICER,), effect="new_version"),
    Transition(
        "supersede", "被新版本替代", (PUBLISHED,), SUPERSEDED, (SYSTEM,), effect="supersede"
    ),
    Transition(
        "withdraw",
        "撤回",
        (DRAFT, FIRST_REVIEW, SECOND_REVIEW, FINAL_REVIEW, PUBLISHED),
        WITHDRAWN,
        (OFFICER, FINAL_REVIEWER),
        needs_comment=True,
        effect="unpublish",
    ),
    Transition(
        "repeal",
        "废止",
        (PUBLISHED,),
        REPEALED,
        (FINAL_REVIEWER,),
        needs_comment=True,
        effect="end_validity",
    ),
    Transition(
        "expire",
        "标注失效",
        (PUBLISHED,),
        EXPIRED,
        (OFFICER, FINAL_REVIEWER),
        needs_comment=True,
        effect="end_validity",
    ),
)

EVENTS: Final = {t.event: t for t in TRANSITIONS}
EVENT_LABELS: Final = {t.event: t.label for t in TRANSITIONS} | {"create": "创建草稿"}


def build(
    transitions: Iterable[Transition] = TRANSITIONS, *, check: bool = True
) -> Workflow[Transition]:
    return Workflow(
        name="主动公开信息的审核与发布",
        states=STATE_LABELS,
        initial=INITIAL,
        terminal=END_STATES,
        events={t.event: t.label for t in transitions},
        roles=ROLE_LABELS,
        transitions=transitions,
        guards=GUARD_LABELS,
        effects=EFFECT_LABELS,
        wrong_state="状态为“{state}”的信息不能执行“{event}”",
        wrong_role="“{event}”需要以下角色之一：{roles}；当前用户没有这些角色",
        validate=check,
    )


WORKFLOW: Final = build()


def find(state: str, event: str, roles: Iterable[str]) -> Transition:
    """The transition for ``event`` from ``state`` allowed to one of ``roles``.

    Raises ``TransitionError`` naming the state, the event and the roles otherwise.
    """
    return WORKFLOW.transition_for(state, event, roles)


def allowed_events(state: str, roles: Iterable[str]) -> list[Transition]:
    """The transitions a holder of ``roles`` may apply to an item in ``state``."""
    return [t for t in WORKFLOW.allowed(state, roles) if SYSTEM not in t.roles]


def target_of(transition: Transition, state: str) -> str:
    return state if transition.target is None else transition.target


def validate(transitions: tuple[Transition, ...] = TRANSITIONS) -> list[str]:
    """Problems with a transition table (empty when sound), in Chinese.

    The engine's (every state known and reachable from the initial state, end states
    without outgoing events, roles known, no event twice from one state), and this
    workflow's own: a transition that ends an item's life says why (``needs_comment``).
    """
    problems = build(transitions, check=False).problems()
    for t in transitions:
        if t.target in END_STATES and t.target != SUPERSEDED and not t.needs_comment:
            problems.append(f"操作“{t.event}”终止信息的效力，必须填写理由")
    return problems
