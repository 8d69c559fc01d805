"""The report of a draft: computed tables 二/三/四 plus the draft's six section texts.

The tables come from ``gongkai.applications.stats.report`` for the organ itself (its own
cases and items, not those of the organs below it); ``last_year`` is the report the
checker compares with: last year's published report, or an imported one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from gongkai.annual import AnnualReport, Finding, Severity, check
from gongkai.annual import schema as s
from gongkai.applications import stats
from gongkai.organs.models import Organ

from .models import AnnualReportDraft, ImportedReport, Status

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


def placeholder_findings(report: AnnualReport) -> list[Finding]:
    out = []
    for section in s.SECTIONS:
        text = (report.sections or {}).get(section.key, "")
        if PLACEHOLDER in text:
            out.append(
                Finding(
                    WS_PLACEHOLDER,
                    Severity.WARNING,
                    f"第{section.numeral}部分“{section.title}”仍有待填写的提示（{PLACEHOLDER}……】），"
                    "请填写实际情况或删除提示。",
                    hint="发布前逐项替换【】中的提示文字。",
                )
            )
    return out


def findings(report: AnnualReport, organ: Organ) -> list[Finding]:
    """The checker's findings (with last year's report when there is one) and the
    workspace's own (``WS.*``: prompts of the skeleton left in the text)."""
    assert report.year is not None
    return check(report, last_year=last_year(organ, report.year)) + placeholder_findings(report)


def counts(found: list[Finding] | list[dict[str, object]]) -> dict[str, int]:
    """Number of errors, warnings and notices."""
    out = {sev.value: 0 for sev in Severity}
    for f in found:
        sev = f.severity.value if isinstance(f, Finding) else str(f["severity"])
        out[sev] += 1
    return out
