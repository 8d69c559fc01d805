"""考核 pages: the rounds, the scoring sheet, an organ's self-assessment and the
supervisor's review on one page per organ, the results with a bar chart and XLSX."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from gongkai.organs import rules as organ_rules
from gongkai.organs.models import Organ
from gongkai.reports import charts

from . import assessment
from .bulletins import organs_of
from .models import AssessmentRound, Indicator, Score
from .views import supervising_offices


def _round(request: HttpRequest, pk: int) -> tuple[AssessmentRound, bool]:
    r = get_object_or_404(AssessmentRound.objects.select_related("office"), pk=pk)
    office = r.office in supervising_offices(request.user)
    if not office and not any(
        organ_rules.is_staff_of(request.user, o) for o in organs_of(r.office)
    ):
        raise Http404("未找到该考核")
    return r, office


@login_required
def round_list(request: HttpRequest) -> HttpResponse:
    offices = supervising_offices(request.user)
    if request.method == "POST":
        office = get_object_or_404(Organ, slug=request.POST.get("office", ""))
        if office not in offices:
            raise PermissionDenied("只有主管部门的监督人员可以组织考核")
        try:
            year = int(request.POST.get("year", ""))
        except ValueError:
            flash.error(request, "请填写考核年度")
            return redirect("supervision:assessments")
        made = assessment.start(office, year)
        return redirect("supervision:assessment", pk=made.pk)
    rounds = [
        r
        for r in AssessmentRound.objects.select_related("office").order_by("-year", "-id")
        if r.office in offices
        or any(organ_rules.is_staff_of(request.user, o) for o in organs_of(r.office))
    ]
    return render(request, "supervision/assessments.html", {"rounds": rounds, "offices": offices})


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    r, office = _round(request, pk)
    results = assessment.totals(r) if r.state != AssessmentRound.DRAFT else []
    chart = ""
    if results:
        chart = charts.bars(
            "考核得分",
            f"{r.title}各机关得分",
            [t.organ.short_name for t in results],
            [charts.Series("得分", tuple(float(t.score) for t in results))],
            chart_id="assessment",
        )
    mine = [o for o in organs_of(r.office) if organ_rules.is_staff_of(request.user, o)]
    return render(
        request,
        "supervision/assessment.html",
        {
            "r": r,
            "office": office,
            "indicators": r.indicators.all(),
            "groups": Indicator.GROUPS,
            "measures": assessment.MEASURES,
            "results": results,
            "chart": mark_safe(chart),
            "organs": organs_of(r.office) if office else mine,
        },
    )


@login_required
@require_POST
def act(request: HttpRequest, pk: int) -> HttpResponse:
    r, office = _round(request, pk)
    if not office:
        raise PermissionDenied("只有组织考核的主管部门可以修改指标或推进考核")
    try:
        if request.POST.get("action") == "advance":
            assessment.advance(r)
            flash.success(request, f"考核已进入“{r.state_label}”阶段。")
        else:
            assessment.set_indicator(
                r,
                pk=int(request.POST["pk"]) if request.POST.get("pk") else None,
                group=request.POST.get("group", ""),
                name=request.POST.get("name", ""),
                points=request.POST.get("points", ""),
                measure=request.POST.get("measure", ""),
            )
            flash.success(request, "指标已保存。")
    except assessment.AssessmentError as exc:
        flash.error(request, exc.message)
    return redirect("supervision:assessment", pk=r.pk)


@login_required
def organ_sheet(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    r, office = _round(request, pk)
    organ = get_object_or_404(Organ, slug=slug)
    staff = organ_rules.is_staff_of(request.user, organ)
    if organ not in organs_of(r.office) or not (office or staff):
        raise Http404("未找到该机关的考核")
    if request.method == "POST":
        row = get_object_or_404(Score, round=r, organ=organ, pk=request.POST.get("score"))
        try:
            if r.state == AssessmentRound.SELF and staff:
                assessment.self_assess(
                    r,
                    organ,
                    row.indicator,
                    request.POST.get("value", ""),
                    request.POST.get("text", ""),
                )
            elif r.state == AssessmentRound.REVIEW and office:
                assessment.review(
                    r, row, request.POST.get("value", ""), request.POST.get("text", "")
                )
            else:
                raise PermissionDenied("当前阶段不能修改这一项")
            flash.success(request, "已保存。")
        except assessment.AssessmentError as exc:
            flash.error(request, exc.message)
        return redirect("supervision:assessment_organ", pk=r.pk, slug=organ.slug)
    rows = (
        Score.objects.filter(round=r, organ=organ)
        .select_related("indicator")
        .order_by("indicator__order")
    )
    return render(
        request,
        "supervision/assessment_organ.html",
        {
            "r": r,
            "organ": organ,
            "rows": rows,
            "self_open": r.state == AssessmentRound.SELF and staff,
            "review_open": r.state == AssessmentRound.REVIEW and office,
        },
    )


@login_required
def export(request: HttpRequest, pk: int) -> HttpResponse:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    r, _ = _round(request, pk)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "得分与排名"
    indicators = list(r.indicators.all())
    sheet.append(
        ["排名", "机关", "总分", *(f"{i.group}：{i.name}（{i.points}分）" for i in indicators)]
    )
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    scores: dict[tuple[int, int], Any] = {
        (s.organ_id, s.indicator_id): (s.final_score if s.final_score is not None else s.self_score)
        for s in r.scores.all()
    }
    for t in assessment.totals(r):
        sheet.append(
            [
                t.rank,
                t.organ.name,
                float(t.score),
                *(_num(scores.get((t.organ.pk, i.pk))) for i in indicators),
            ]
        )
    sheet.column_dimensions["B"].width = 30
    out = BytesIO()
    book.save(out)
    response = HttpResponse(
        out.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = content_disposition_header(True, f"{r.title}.xlsx")
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _num(value: Any) -> float | None:
    return None if value is None else float(value)
