"""The annual-report API, mounted at ``/api/reports/``.

Public: ``GET /api/reports/{organ}/{year}`` — the published report (``annual-report/1``
JSON frozen at publication). Staff: ``GET /api/reports/{organ}/{year}/draft`` (the report
as it would be published today) and ``GET /api/reports/{organ}/{year}/draft/findings``
(the checker's findings). ``organ`` is the 网址标识 (slug) or the 统一社会信用代码.
An organ the caller may not see is 404 (never revealed).
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from ninja import Router
from ninja.params.functions import Path

from gongkai.api.errors import ErrorOut
from gongkai.applications.querysets import organ_by_code
from gongkai.organs.models import Organ
from gongkai.organs.querysets import case_organs
from gongkai.site.converters import MAX_YEAR, MIN_YEAR

from . import compute, services
from .models import AnnualReportDraft, Status
from .views.common import finding_rows

YEAR = Path(..., ge=MIN_YEAR, le=MAX_YEAR, description="年度（1900–2200）")

router = Router()


@router.get("/{organ}/{year}", auth=None, summary="已发布的年度报告（annual-report/1）")
def published(request: HttpRequest, organ: str, year: int = YEAR) -> dict[str, Any]:
    found = organ_by_code(organ, Organ.objects.filter(is_active=True))
    draft = (
        AnnualReportDraft.objects.filter(organ=found, year=year, status=Status.PUBLISHED).first()
        if found
        else None
    )
    if draft is None or draft.snapshot is None:
        raise Http404("该机关尚未在本平台发布这一年度的年度报告")
    data: dict[str, Any] = draft.snapshot
    return data


def _staff_draft(request: HttpRequest, organ: str, year: int) -> AnnualReportDraft:
    found = organ_by_code(organ, case_organs(request.user))
    if found is None:
        raise Http404("未找到该机关，或无权查看")
    draft = AnnualReportDraft.objects.filter(organ=found, year=year).first()
    if draft is None:
        raise Http404(f"{found.name}尚未开始编写{year}年度报告")
    return draft


@router.get(
    "/{organ}/{year}/draft",
    response={200: dict[str, Any], 409: ErrorOut},
    summary="年度报告草稿（按当前数字；工作日历未覆盖所需年份时返回409）",
)
def draft_report(request: HttpRequest, organ: str, year: int = YEAR) -> dict[str, Any]:
    draft = _staff_draft(request, organ, year)
    return compute.draft_report(draft).to_dict()


@router.get(
    "/{organ}/{year}/draft/findings",
    response={200: dict[str, Any], 409: ErrorOut},
    summary="年度报告草稿的核查结果（工作日历未覆盖所需年份时返回409）",
)
def draft_findings(request: HttpRequest, organ: str, year: int = YEAR) -> dict[str, Any]:
    draft = _staff_draft(request, organ, year)
    if draft.status == Status.PUBLISHED:
        rows: list[dict[str, Any]] = list(draft.findings or [])
        counts = compute.counts(rows)
        counts["warning"] -= sum(1 for r in rows if r.get("decision"))
    else:
        report = compute.draft_report(draft, published=services.today())
        found = compute.decided(
            compute.findings(report, draft.organ), report, draft.decisions.all()
        )
        rows = [{**services.stored_finding(row), "fingerprint": row.fingerprint} for row in found]
        counts = compute.open_counts(found)
    return {
        "organ": draft.organ.name,
        "year": draft.year,
        "status": draft.status,
        "status_label": draft.get_status_display(),
        "counts": counts,
        "findings": [
            {**r, "severity_label": f["label"]}
            for r, f in zip(rows, finding_rows(rows), strict=True)
        ],
    }
