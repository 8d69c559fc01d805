"""The follow-up (整改) of a problem an inspection found, as one table.

An inspection opens a problem; the organ reports it fixed; the next inspection that no
longer finds it verifies it (复核), and one that finds it again reopens it (fixed or
verified alike). The supervisor may decide a finding does not apply (不予采纳, with a
reason): the one end. ``inspect`` changes a problem's state only through ``WORKFLOW``.

Plain Python (no Django), like every workflow table (``gongkai.workflow``).
"""

from __future__ import annotations

from typing import Final

from gongkai.workflow import Transition, Workflow

OPEN: Final = "open"
FIXED: Final = "fixed"
VERIFIED: Final = "verified"
REJECTED: Final = "rejected"

STATE_LABELS: Final = {OPEN: "待整改", FIXED: "已整改", VERIFIED: "已复核", REJECTED: "不予采纳"}

REOPENED: Final = "reopened"
FIXED_EVENT: Final = "fixed"
VERIFIED_EVENT: Final = "verified"
REJECTED_EVENT: Final = "rejected"

EVENT_LABELS: Final = {
    REOPENED: "复查时再次发现",
    FIXED_EVENT: "报告已整改",
    VERIFIED_EVENT: "复查未再发现，已复核",
    REJECTED_EVENT: "不予采纳",
}

ORGAN: Final = "organ"
SUPERVISOR: Final = "supervisor"
INSPECTION: Final = "inspection"
ROLE_LABELS: Final = {ORGAN: "被检查机关", SUPERVISOR: "监督人员", INSPECTION: "巡查（系统）"}

WORKFLOW: Final = Workflow(
    name="巡查问题的整改",
    states=STATE_LABELS,
    initial=OPEN,
    terminal={REJECTED},
    events=EVENT_LABELS,
    roles=ROLE_LABELS,
    transitions=(
        Transition((OPEN,), FIXED_EVENT, FIXED, frozenset({ORGAN}), needs_reason=True),
        Transition((OPEN, FIXED), VERIFIED_EVENT, VERIFIED, frozenset({INSPECTION})),
        Transition((FIXED, VERIFIED), REOPENED, OPEN, frozenset({INSPECTION})),
        Transition(
            (OPEN, FIXED), REJECTED_EVENT, REJECTED, frozenset({SUPERVISOR}), needs_reason=True
        ),
    ),
    wrong_state="状态为“{state}”的问题不能执行“{event}”",
)
