"""The public pages: published annual reports by organ and year, and their files."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import cache_control

from gongkai.annual import AnnualReport
from gongkai.annual.render import render_html, report_css
from gongkai.organs.models import Organ

from ..models import AnnualReportDraft, FileFormat, Status
from .downloads import DOWNLOADS, file_name, file_response


def _published() -> QuerySet[AnnualReportDraft]:
    return AnnualReportDraft.objects.filter(status=Status.PUBLISHED).select_related("organ")


def index(request: HttpRequest) -> HttpResponse:
    """Every organ with published reports, newest year first."""
    drafts = _published().filter(organ__is_active=True).order_by("organ__name", "-year")
    by_organ: dict[int, list[AnnualReportDraft]] = {}
    for d in drafts:
        by_organ.setdefault(d.organ_id, []).append(d)
    organs = [{"organ": ds[0].organ, "drafts": ds} for ds in by_organ.values()]
    return render(request, "reports/public_index.html", {"organs": organs})


def organ_reports(request: HttpRequest, slug: str) -> HttpResponse:
    organ = get_object_or_404(Organ, slug=slug, is_active=True)
    drafts = list(_published().filter(organ=organ).order_by("-year"))
    return render(request, "reports/public_organ.html", {"organ": organ, "drafts": drafts})


def _draft(slug: str, year: int) -> AnnualReportDraft:
    draft = _published().filter(organ__slug=slug, organ__is_active=True, year=year).first()
    if draft is None:
        raise Http404("该机关尚未在本平台发布这一年度的年度报告")
    return draft


def report_page(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    draft = _draft(slug, year)
    report = AnnualReport.from_dict(draft.snapshot)
    return render(
        request,
        "reports/public_report.html",
        {
            "organ": draft.organ,
            "draft": draft,
            "report_html": render_html(report, standalone=False, id_prefix="pub"),
            "downloads": [(fmt, FileFormat(fmt).label) for fmt in DOWNLOADS],
        },
    )


def report_file(request: HttpRequest, slug: str, year: int, fmt: str) -> HttpResponse:
    draft = _draft(slug, year)
    if fmt not in DOWNLOADS:
        raise Http404("不支持这种格式")
    row = draft.files.filter(fmt=fmt).first()
    if row is None:
        raise Http404("没有这种格式的文件")
    return file_response(bytes(row.content), fmt, file_name(draft.organ.name, year, fmt))


@cache_control(max_age=3600, public=True)
def css(request: HttpRequest) -> HttpResponse:
    """The report's own style sheet (``annual.render.report_css``), for embedded reports."""
    return HttpResponse(report_css(), content_type="text/css; charset=utf-8")
