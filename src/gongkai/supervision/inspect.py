"""One inspection: every check over some organs, then the problem list brought in step.

- a finding with no problem yet → a new problem (待整改), due the rule's number of working
  days after today;
- a finding whose problem was 已整改 or 已复核 → reopened (待整改 again, counted);
- an open or fixed problem of an inspected organ that no check finds any more → 已复核
  (the re-inspection found it fixed);
- a problem marked 不予采纳 stays so, whatever is found.

All in one transaction per run: a failing check leaves the list as it was.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from django.db import transaction

from gongkai.applications import services as casework
from gongkai.organs.models import Organ
from gongkai.workflow import TransitionError

from . import workflow as problems
from .catalogue import RULE_BY_CODE, Finding
from .checks import Context, all_checks
from .models import (
    OPEN_STATES,
    InspectionSettings,
    Problem,
    ProblemEvent,
    ProblemState,
    Run,
    SensitiveWord,
)

EXCERPT = 500


def findings(organs: Sequence[Organ], on: date, *, external_links: bool = False) -> list[Finding]:
    ctx = Context(
        organ_ids=[o.pk for o in organs],
        on=on,
        calendar=casework.current_calendar(),
        words=list(SensitiveWord.objects.values_list("word", flat=True)),
        external_links=external_links,
    )
    out: dict[tuple[int, str, str], Finding] = {}
    for check in all_checks():
        for finding in check(ctx):
            out.setdefault((finding.organ_id, finding.rule, finding.key), finding)
    return list(out.values())


def run(
    organs: Iterable[Organ],
    *,
    on: date | None = None,
    actor: Any = None,
    external_links: bool | None = None,
) -> Run:
    """Inspect ``organs`` on ``on`` (default today); external links only when the site's
    巡查设置 allow it (or ``external_links`` says so)."""
    on = on or casework.today()
    if external_links is None:
        switches = InspectionSettings.objects.first()
        external_links = bool(switches and switches.check_external_links)
    organs = list(organs)
    started = time.perf_counter()
    found = findings(organs, on, external_links=external_links)
    calendar = casework.current_calendar()
    who = actor if getattr(actor, "pk", None) else None
    with transaction.atomic():
        record = Run.objects.create(on=on, organs=len(organs), actor=who, found=len(found))
        existing = {
            (p.organ_id, p.rule, p.key): p
            for p in Problem.objects.select_for_update().filter(organ__in=organs)
        }
        seen: set[tuple[int, str, str]] = set()
        for f in found:
            ident = (f.organ_id, f.rule, f.key)
            seen.add(ident)
            problem = existing.get(ident)
            if problem is None:
                problem = Problem.objects.create(
                    organ_id=f.organ_id,
                    rule=f.rule,
                    key=f.key,
                    title=f.title[:300],
                    evidence_url=f.url[:500],
                    excerpt=f.excerpt[:EXCERPT],
                    found_on=on,
                    last_seen_on=on,
                    deadline=calendar.add_workdays(on, RULE_BY_CODE[f.rule].workdays),
                )
                ProblemEvent.objects.create(problem=problem, action="found", actor=who, on=on)
                record.new += 1
                continue
            problem.last_seen_on = on
            problem.title, problem.excerpt = f.title[:300], f.excerpt[:EXCERPT]
            if problem.state in (ProblemState.FIXED, ProblemState.VERIFIED):
                problem.state = problems.WORKFLOW.fire(
                    problem.state, problems.REOPENED, problems.INSPECTION
                )
                problem.reopened += 1
                problem.closed_on = None
                problem.deadline = calendar.add_workdays(on, RULE_BY_CODE[f.rule].workdays)
                ProblemEvent.objects.create(problem=problem, action="reopened", actor=who, on=on)
                record.reopened += 1
            problem.save()
        for ident, problem in existing.items():
            if ident not in seen and problem.state in OPEN_STATES:
                problem.state = problems.WORKFLOW.fire(
                    problem.state, problems.VERIFIED_EVENT, problems.INSPECTION
                )
                problem.closed_on = on
                problem.save(update_fields=["state", "closed_on"])
                ProblemEvent.objects.create(problem=problem, action="verified", actor=who, on=on)
                record.closed += 1
        record.seconds = round(time.perf_counter() - started, 3)
        record.save()
    return record


class ProblemError(Exception):
    def __init__(self, message: str, status: int = 409) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def mark_fixed(problem: Problem, actor: Any, note: str) -> Problem:
    """The organ says it fixed the problem; the next inspection verifies it."""
    try:
        state = problems.WORKFLOW.fire(problem.state, problems.FIXED_EVENT, problems.ORGAN)
    except TransitionError:
        raise ProblemError(f"状态为“{problem.state_label}”的问题不能报告已整改") from None
    if not note.strip():
        raise ProblemError("请说明整改情况", 400)
    problem.state = state
    problem.save(update_fields=["state"])
    ProblemEvent.objects.create(
        problem=problem, action="fixed", actor=actor, on=casework.today(), reason=note.strip()
    )
    return problem


def reject(problem: Problem, actor: Any, reason: str) -> Problem:
    """The supervisor decides the finding does not apply (with a reason)."""
    try:
        state = problems.WORKFLOW.fire(problem.state, problems.REJECTED_EVENT, problems.SUPERVISOR)
    except TransitionError:
        raise ProblemError(f"问题已{problem.state_label}") from None
    if not reason.strip():
        raise ProblemError("不予采纳须说明理由", 400)
    problem.state = state
    problem.closed_on = casework.today()
    problem.save(update_fields=["state", "closed_on"])
    ProblemEvent.objects.create(
        problem=problem, action="rejected", actor=actor, on=casework.today(), reason=reason.strip()
    )
    return problem


def assign(problem: Problem, actor: Any, assignee: Any) -> Problem:
    problem.assignee = assignee
    problem.save(update_fields=["assignee"])
    name = assignee.get_full_name() or assignee.get_username()
    ProblemEvent.objects.create(
        problem=problem, action="assigned", actor=actor, on=casework.today(), reason=name
    )
    return problem
