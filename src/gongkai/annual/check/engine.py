"""Run every rule over a report and sort what they find.

``check`` never raises and never stops at the first problem: each check appends its
findings to one list; a check that fails unexpectedly becomes a ``CHK.W001`` finding
naming it, and the others still run.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from ..deadline import Publisher
from ..findings import Finding, Rule, Severity
from ..model import AnnualReport
from . import (
    rules_cells,
    rules_crossyear,
    rules_narrative,
    rules_report,
    rules_sections,
    rules_table2,
    rules_table3,
    rules_table4,
    rules_text,
)
from .base import Check, Context, emit, rule

_MODULES: Final = (
    rules_report,
    rules_sections,
    rules_table2,
    rules_table3,
    rules_table4,
    rules_cells,
    rules_crossyear,
    rules_narrative,
    rules_text,
)
ORDER: Final = ("RPT", "SEC", "T2", "T3", "T4", "CELL", "YOY", "NARR", "TXT", "CHK")
"""Findings are sorted by this prefix order (the report, its sections, tables 二 三 四,
last year, the narrative, its text), then by code; findings of one code keep the order of the form."""
_RANK: Final = {prefix: i for i, prefix in enumerate(ORDER)}

BROKEN = rule(
    "CHK.W001",
    Severity.WARNING,
    "核查规则运行出错",
    "某组规则在这份报告上运行出错时报告，其余规则照常运行；请把报告文件提交给开发者。",
)

BLOCKING_WHEN_PUBLISHING: Final = frozenset(
    {"SEC.W001", "SEC.W003", "NARR.W001", "NARR.W002", "NARR.W003", "NARR.W004", "NARR.W005",
     "NARR.W007"}
)  # fmt: skip
"""Warnings that become errors for a report published from the platform: a missing or
empty section, and text that contradicts the tables."""
BLOCKING_HINT: Final = "从平台发布的报告，此项须改正后才能发布。"

RULES: Final[tuple[Rule, ...]] = (*(r for m in _MODULES for r in m.RULES), BROKEN)
CHECKS: Final[tuple[Check, ...]] = tuple(c for m in _MODULES for c in m.CHECKS)


def _key(finding: Finding) -> tuple[int, str]:
    return _RANK.get(finding.code.partition(".")[0], len(ORDER)), finding.code


def check(
    report: AnnualReport,
    *,
    last_year: AnnualReport | None = None,
    publisher: Publisher | None = None,
    publishing: bool = False,
) -> list[Finding]:
    """Every finding of every rule about ``report``.

    ``last_year`` enables the cross-year rules; ``publisher`` says whose report it is (else
    it is guessed from the organ's name); ``publishing`` checks a report about to be
    published from the platform: blank cells are errors and the warnings in
    ``BLOCKING_WHEN_PUBLISHING`` become errors.
    """
    ctx = Context(last_year=last_year, publisher=publisher, publishing=publishing)
    out: list[Finding] = []
    for run in CHECKS:
        try:
            run(report, ctx, out)
        except Exception as exc:  # a broken rule must not hide the others
            emit(
                out,
                BROKEN,
                f"核查规则 {run.__module__.rsplit('.', 1)[-1]}.{run.__name__} 运行出错："
                f"{type(exc).__name__}: {exc}",
            )
    if publishing:
        out = [_blocking(f) if f.code in BLOCKING_WHEN_PUBLISHING else f for f in out]
    if len(out) > 1:
        out.sort(key=_key)
    return out


def _blocking(finding: Finding) -> Finding:
    hint = f"{finding.hint} {BLOCKING_HINT}".strip()
    return replace(finding, severity=Severity.ERROR, hint=hint)
