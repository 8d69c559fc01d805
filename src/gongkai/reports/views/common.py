"""Lookups shared by the workspace pages: the organ fenced by the user's rights."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse

from gongkai.annual import RULES, AnnualReport, Finding, Severity
from gongkai.annual import schema as s
from gongkai.applications.tally import APPLICANT_COLUMNS
from gongkai.organs.models import Organ
from gongkai.organs.querysets import case_organs

from .. import services
from ..models import AnnualReportDraft

YEARS_SHOWN = 4


def organ_for(request: HttpRequest, slug: str) -> Organ:
    """The organ if the user may read its reports; 404 otherwise (never reveal it exists)."""
    organ = case_organs(request.user).filter(slug=slug).first()
    if organ is None:
        raise Http404("未找到该机关，或无权查看")
    return organ


def forbidden_by_role(
    view: Callable[..., HttpResponse],
) -> Callable[..., HttpResponse]:
    """A role refusal (``services.NotAllowed``) is a 403 page here, not a message: the
    pages never offer these actions to such a user. Every other refusal is left to the
    error boundary (``gongkai.core.errors``): a message on the page the user came from."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except services.NotAllowed as exc:
            raise PermissionDenied(str(exc)) from None

    return wrapped


def draft_for(organ: Organ, year: int) -> AnnualReportDraft | None:
    return AnnualReportDraft.objects.filter(organ=organ, year=year).first()


def finding_link(organ: Organ, year: int, finding: dict[str, Any]) -> tuple[str, str]:
    """Where to fix what a finding is about, and the link's text: the section's editor
    for the text, the entry form for table 二's entered figures, the cases behind a
    number of table 三 or 四."""
    workspace = reverse("reports:workspace", args=[organ.slug, year])
    section = finding.get("section")
    if section in s.SECTION_BY_KEY:
        return f"{workspace}#section-{section}", f"修改第{s.SECTION_BY_KEY[section].numeral}部分"
    code = str(finding.get("code", ""))
    if code.startswith("WS."):
        return f"{workspace}#sections-form", "修改正文"
    cells = [str(c) for c in finding.get("cells") or []]
    if not cells:
        if code.startswith("RPT."):
            return f"{workspace}#status", "查看发布期限与状态"
        return f"{workspace}#preview-h", "查看报告"
    parts = cells[0].split(".")
    if parts[0] == "table2":
        if parts[1] in services.TABLE2_ENTERED:
            return f"{workspace}#t2-{parts[1]}", "填报表二"
        return f"{workspace}#preview-h", "查看表二"
    if parts[0] == "table3" and parts[-1] in (*APPLICANT_COLUMNS, "total"):
        row = ".".join(parts[1:-1])
        url = reverse("applications:stats_cell", args=[organ.slug, year, row, parts[-1]])
        return url, "查看该格的申请"
    if parts[0] == "table4":
        url = reverse("applications:stats_appeal_cell", args=[organ.slug, year, *parts[1:3]])
        return url, "查看该格的案件"
    return f"{workspace}#preview-h", "查看表格"


def table2_entries(organ: Organ, year: int, report: AnnualReport) -> list[dict[str, Any]]:
    """表二 (五)–(八) as the entry form shows them: value, source, who entered it and when."""
    from gongkai.disclosure.models import Table2Entry

    entry = Table2Entry.objects.filter(organ=organ, year=year).first()
    provenance = entry.provenance if entry else {}
    out = []
    for cell in services.TABLE2_ENTERED:
        row = s.table2_row(cell)
        block = s.table2_block_of(cell)
        value = report.cell(f"table2.{cell}")
        given = provenance.get(cell, {})
        at = given.get("at")
        out.append(
            {
                "cell": cell,
                "label": row.label,
                "block": block.heading,
                "column": block.columns[0].label,
                "value": "" if value is None else services._number(value),
                "source": given.get("source", entry.source if entry and value is not None else ""),
                "by": given.get("by", ""),
                "at": datetime.fromisoformat(at) if at else None,
                "step": "0.0001" if cell == "fees" else "1",
            }
        )
    return out


RULE_DESCRIPTIONS = {r.code: r.description for r in RULES}


def finding_rows(found: list[Finding] | list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Findings as the templates show them: Chinese severity label, code, message, and a
    suggestion (the finding's own hint, else what its rule asks for)."""
    rows = []
    for f in found:
        d = f.to_dict() if isinstance(f, Finding) else dict(f)
        if not d.get("hint"):
            d["hint"] = RULE_DESCRIPTIONS.get(str(d["code"]), "")
        severity = Severity(d["severity"])
        rows.append({**d, "label": severity.label, "css": f"sev-{severity.value}"})
    return rows
