"""Lookups shared by the workspace pages: the organ fenced by the user's rights."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest

from gongkai.annual import Finding, Severity
from gongkai.organs.models import Organ
from gongkai.organs.querysets import case_organs

from ..models import AnnualReportDraft

YEARS_SHOWN = 4


def organ_for(request: HttpRequest, slug: str) -> Organ:
    """The organ if the user may read its reports; 404 otherwise (never reveal it exists)."""
    organ = case_organs(request.user).filter(slug=slug).first()
    if organ is None:
        raise Http404("未找到该机关，或无权查看")
    return organ


def draft_for(organ: Organ, year: int) -> AnnualReportDraft | None:
    return AnnualReportDraft.objects.filter(organ=organ, year=year).first()


def finding_rows(found: list[Finding] | list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Findings as the templates show them: Chinese severity label, code, message, hint."""
    rows = []
    for f in found:
        d = f.to_dict() if isinstance(f, Finding) else dict(f)
        severity = Severity(d["severity"])
        rows.append({**d, "label": severity.label, "css": f"sev-{severity.value}"})
    return rows
