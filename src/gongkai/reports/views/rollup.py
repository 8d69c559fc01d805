"""The roll-up of a supervising office, and 导入外部年报."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from gongkai.annual import AnnualReport
from gongkai.annual.render import render_html
from gongkai.core.errors import returns_to
from gongkai.organs.models import Organ

from .. import import_jobs, imports, rollup, rules, services
from ..models import ImportedReport, ImportJob, deadlines
from . import region as region_view
from .common import finding_rows, forbidden_by_role, organ_for


def _office(request: HttpRequest, slug: str) -> Organ:
    office = organ_for(request, slug)
    if not rules.can_roll_up(request.user, office):
        raise PermissionDenied("只有主管部门监督人员可以查看汇总")
    return office


@login_required
def rollup_page(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    office = _office(request, slug)
    _known_year(year)
    today = services.today()
    return render(
        request,
        "reports/rollup.html",
        {
            **region_view.context(office, year, region_view.read_filter(request, office, year)),
            "office": office,
            "year": year,
            "deadlines": deadlines(year),
            "rows": rollup.rows(office, year, today),
            "imports": rollup.imports_of(office, year),
            "organs": rollup.organs_under(office),
            "matched_by": imports.MATCHED_BY,
            "max_files": imports.MAX_FILES,
            "max_mb": imports.MAX_BYTES // 1024 // 1024,
            "accepted": ",".join(imports.ACCEPTED),
            "import_jobs": ImportJob.objects.filter(office=office, year=year)[:5],
        },
    )


def _known_year(year: int) -> None:
    try:
        services.check_year(year)
    except services.ReportsError as exc:
        raise Http404(str(exc)) from None


@login_required
def matrix_xlsx(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    """The organs × years matrix as shown (same filter), as an Excel workbook."""
    office = _office(request, slug)
    _known_year(year)
    return region_view.matrix_xlsx(office, year, region_view.read_filter(request, office, year))


@login_required
def sum_download(request: HttpRequest, slug: str, year: int, scope: str, fmt: str) -> HttpResponse:
    """The region's summed tables as annual-report/1 JSON or XLSX."""
    office = _office(request, slug)
    _known_year(year)
    return region_view.sum_download(office, year, scope, fmt)


def _chosen_organ(request: HttpRequest, office: Organ) -> Organ | None:
    value = request.POST.get("organ", "")
    if not value:
        return None
    organ = Organ.objects.filter(pk=value if value.isdigit() else -1).first()
    if organ is None or organ.pk not in office.descendant_ids():
        raise services.InvalidInput("所选机关不在本主管部门监督范围内")
    return organ


def _chosen_year(request: HttpRequest) -> int | None:
    value = request.POST.get("year", "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise services.InvalidInput(f"年度应为四位数字，收到“{value}”")
    year = int(value)
    services.check_year(year)
    return year


@login_required
@require_POST
@returns_to("reports:rollup", "slug", "year")
@forbidden_by_role
def import_files(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    """A refusal (``ReportsError``) becomes a message on the roll-up page through the error
    boundary (``gongkai.core.errors``); files that cannot be read are listed as outcomes."""
    office = _office(request, slug)
    files = request.FILES.getlist("files")
    if not files:
        messages.error(request, "请选择要导入的年度报告文件（可一次选择多个）")
        return redirect("reports:rollup", office.slug, year)
    job = import_jobs.start(
        office,
        files,
        request.user,
        organ=_chosen_organ(request, office),
        year=year,
        chosen_year=_chosen_year(request),
    )
    messages.info(request, f"已收到{job.total}个文件，后台正在逐个读取和核查。")
    return redirect("reports:import_job", job.pk)


@login_required
def import_job_page(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress of one import (the page reloads itself until the job is finished),
    then each file's outcome."""
    job = ImportJob.objects.select_related("office").filter(pk=pk).first()
    if job is None or not rules.can_roll_up(request.user, job.office):
        raise Http404("未找到该导入任务，或无权查看")
    stored = sum(1 for o in job.outcomes if o["ok"])
    return render(
        request,
        "reports/import_job.html",
        {
            "job": job,
            "office": job.office,
            "stored": stored,
            "not_stored": job.done - stored,
            "percent": round(100 * job.done / job.total) if job.total else 100,
            "stalled": import_jobs.stalled(job),
        },
    )


def _imported(request: HttpRequest, pk: int) -> ImportedReport:
    row = ImportedReport.objects.select_related("office", "organ").filter(pk=pk).first()
    if row is None:
        raise Http404("未找到该导入记录")
    user: Any = request.user
    if rules.can_roll_up(user, row.office):
        return row
    if row.organ is not None and rules.can_view(user, row.organ):
        return row
    raise Http404("未找到该导入记录，或无权查看")


@login_required
def imported_page(request: HttpRequest, pk: int) -> HttpResponse:
    row = _imported(request, pk)
    report = AnnualReport.from_dict(row.data)
    return render(
        request,
        "reports/imported.html",
        {
            "row": row,
            "report_html": render_html(report, standalone=False, id_prefix="imp"),
            "findings": finding_rows(row.findings),
            "diagnostics": list(report.diagnostics or ()),
            "matched_by": imports.MATCHED_BY.get(row.matched_by, row.matched_by),
            "stated_organ": imports.stated_organ(row),
            "can_assign": rules.can_roll_up(request.user, row.office),
            "organs": rollup.organs_under(row.office),
        },
    )


@login_required
@require_POST
@returns_to("reports:imported", "pk")
@forbidden_by_role
def assign(request: HttpRequest, pk: int) -> HttpResponse:
    row = _imported(request, pk)
    organ = _chosen_organ(request, row.office)
    if organ is None:
        raise services.InvalidInput("请选择机关")
    services.assign_import(row, organ, request.user)
    messages.success(request, f"已归入“{organ.name}”。")
    return redirect("reports:imported", row.pk)
