"""The life of an annual report draft, as one table: draft → final → published.

Any change of the text or of table 二 brings a final report back to draft; a reviewer
finalizes it, or sends it back; publishing freezes it for good. ``services`` sets a
draft's status only through ``WORKFLOW.fire``. The events are the ``EventKind`` values of
the ``DraftEvent`` rows that record them.

Plain Python (no Django), like every workflow table (``gongkai.workflow``).
"""

from __future__ import annotations

from typing import Final

from gongkai.workflow import Transition, Workflow

DRAFT: Final = "draft"
FINAL: Final = "final"
PUBLISHED: Final = "published"

STATE_LABELS: Final = {DRAFT: "草稿", FINAL: "已定稿", PUBLISHED: "已发布"}

EDITED: Final = "edited"
REFILLED: Final = "refilled"
TABLE2: Final = "table2"
DECIDED: Final = "decided"
FINALIZED: Final = "finalized"
REOPENED: Final = "reopened"
PUBLISHED_EVENT: Final = "published"

EVENT_LABELS: Final = {
    EDITED: "修改正文",
    REFILLED: "按最新数字重写",
    TABLE2: "填报表二",
    DECIDED: "核查意见",
    FINALIZED: "定稿",
    REOPENED: "退回修改",
    PUBLISHED_EVENT: "发布",
}

STAFF: Final = "staff"
REVIEWER: Final = "reviewer"
ROLE_LABELS: Final = {STAFF: "本机关工作人员", REVIEWER: "本机关的审核人或机构负责人"}

CHECKED: Final = "checked"
GUARD_LABELS: Final = {CHECKED: "该年度已结束，且核查没有错误"}

_OPEN = (DRAFT, FINAL)
_EDITORS = frozenset({STAFF, REVIEWER})

WORKFLOW: Final = Workflow(
    name="政府信息公开工作年度报告",
    states=STATE_LABELS,
    initial=DRAFT,
    terminal={PUBLISHED},
    events=EVENT_LABELS,
    roles=ROLE_LABELS,
    guards=GUARD_LABELS,
    transitions=(
        *(Transition(_OPEN, e, DRAFT, _EDITORS) for e in (EDITED, REFILLED, TABLE2)),
        Transition(_OPEN, DECIDED, None, frozenset({REVIEWER})),
        Transition((DRAFT,), FINALIZED, FINAL, frozenset({REVIEWER})),
        Transition((FINAL,), REOPENED, DRAFT, _EDITORS),
        Transition(_OPEN, PUBLISHED_EVENT, PUBLISHED, frozenset({REVIEWER}), CHECKED),
    ),
)
