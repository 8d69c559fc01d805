"""The report of a draft: computed tables 二/三/四 plus the draft's six section texts.

The tables come from ``gongkai.applications.stats.report`` for the organ itself (its own
cases and items, not those of the organs below it); ``last_year`` is the report the
checker compares with: last year's published report, or an imported one.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

from gongkai.annual import AnnualReport, Finding, Severity, check
from gongkai.annual import schema as s
from gongkai.applications import stats
from gongkai.organs.models import Organ

from .models import AnnualReportDraft, FindingDecision, ImportedReport, Status

PLACEHOLDER = "【请填写"
"""Skeleton prompts start with this; text still holding one gets ``WS.W001``."""

WS_PLACEHOLDER = "WS.W001"
WS_PLACEHOLDER_TITLE = "正文仍有待填写的提示"


def computed(organ: Organ, year: int) -> AnnualReport:
    """Tables 二/三/四 of ``organ``'s own work in ``year``."""
    return stats.report(organ.name, {organ.pk}, year)


def with_sections(
    report: AnnualReport, sections: Mapping[str, str], *, published: date | None = None
) -> AnnualReport:
    texts = {k: sections.get(k, "") for k in s.SECTION_KEYS}
    return replace(
        report,
        sections=texts,
        format=s.format_for_year(report.year) if report.year else None,
        published=published.isoformat() if published else None,
        notes=None,
    )


def draft_report(draft: AnnualReportDraft, *, published: date | None = None) -> AnnualReport:
    """The report as it would be published now (or the frozen one, once published)."""
    if draft.status == Status.PUBLISHED and draft.snapshot is not None:
        return AnnualReport.from_dict(draft.snapshot)
    return with_sections(computed(draft.organ, draft.year), draft.sections, published=published)


def last_year(organ: Organ, year: int) -> AnnualReport | None:
    """Last year's published report of ``organ`` (platform first, then an imported one)."""
    prior = AnnualReportDraft.objects.filter(
        organ=organ, year=year - 1, status=Status.PUBLISHED
    ).first()
    if prior is not None and prior.snapshot is not None:
        return AnnualReport.from_dict(prior.snapshot)
    imported = ImportedReport.objects.filter(organ=organ, year=year - 1).first()
    if imported is not None:
        return AnnualReport.from_dict(imported.data)
    return None


def placeholder_findings(report: AnnualReport, *, publishing: bool = False) -> list[Finding]:
    """``WS.W001`` for each section still holding a prompt; an error when publishing."""
    severity = Severity.ERROR if publishing else Severity.WARNING
    out = []
    for section in s.SECTIONS:
        text = (report.sections or {}).get(section.key, "")
        if PLACEHOLDER in text:
            out.append(
                Finding(
                    WS_PLACEHOLDER,
                    severity,
                    f"第{section.numeral}部分“{section.title}”仍有待填写的提示（{PLACEHOLDER}……】），"
                    "请填写实际情况或删除提示。",
                    hint="发布前逐项替换【】中的提示文字。",
                    data={"section": section.key},
                )
            )
    return out


def findings(report: AnnualReport, organ: Organ, *, publishing: bool = True) -> list[Finding]:
    """The checker's findings (with last year's report when there is one, and the organ's
    deadline) and the workspace's own (``WS.*``: prompts of the skeleton left in the text).

    ``publishing`` (the default for the workspace) checks the report as the platform would
    publish it: blank cells, empty sections, prompts left in and text contradicting the
    tables are errors.
    """
    assert report.year is not None
    found = check(
        report,
        last_year=last_year(organ, report.year),
        publisher=organ.publisher,
        publishing=publishing,
    )
    return found + placeholder_findings(report, publishing=publishing)


VOLATILE = frozenset({"late_days", "deadline"})
"""Finding details that change with the day of checking, not with the report."""


def fingerprint(finding: Finding, report: AnnualReport) -> str:
    """A finding's identity across re-checks: its rule, its cells with their values, and
    what it quotes (section, stated number); the message only for a finding that names
    nothing else."""
    cells = [[c, _value(report, c)] for c in finding.cells]
    basis = {k: v for k, v in finding.data.items() if k not in VOLATILE}
    key = {
        "code": finding.code,
        "cells": cells,
        "data": basis,
        "message": "" if cells or finding.data else finding.message,
    }
    text = json.dumps(key, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _value(report: AnnualReport, cell: str) -> str | None:
    try:
        value = report.cell(cell)
    except (KeyError, ValueError):
        return None
    return None if value is None else str(value)


@dataclass(frozen=True)
class Row:
    """A finding as the 核查 page shows it, with its decision when a reviewer made one."""

    finding: dict[str, object]
    fingerprint: str
    decision: FindingDecision | None

    @property
    def severity(self) -> Severity:
        return Severity(str(self.finding["severity"]))

    @property
    def is_open(self) -> bool:
        return self.decision is None or self.severity is not Severity.WARNING


def decided(
    found: Iterable[Finding], report: AnnualReport, decisions: Iterable[FindingDecision]
) -> list[Row]:
    """Each finding with the decision stored under its fingerprint (warnings only: an
    error must be corrected, a notice needs nothing)."""
    by_print = {d.fingerprint: d for d in decisions}
    rows = []
    for f in found:
        d: dict[str, object] = f.to_dict()
        if f.data.get("section"):
            d["section"] = f.data["section"]
        mark = fingerprint(f, report)
        decision = by_print.get(mark) if f.severity is Severity.WARNING else None
        rows.append(Row(d, mark, decision))
    return rows


def open_counts(rows: Iterable[Row]) -> dict[str, int]:
    """Errors, warnings not yet decided, and notices."""
    out = {sev.value: 0 for sev in Severity}
    for row in rows:
        if row.is_open:
            out[row.severity.value] += 1
    return out


def counts(found: list[Finding] | list[dict[str, object]]) -> dict[str, int]:
    """Number of errors, warnings and notices."""
    out = {sev.value: 0 for sev in Severity}
    for f in found:
        sev = f.severity.value if isinstance(f, Finding) else str(f["severity"])
        out[sev] += 1
    return out
