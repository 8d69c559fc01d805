"""通报 pages: the list (an office's own, and the issued ones naming an organ), composing
from a period, editing, issuing, and the DOCX and PDF."""

from __future__ import annotations

from datetime import date

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from gongkai.core.errors import returns_to
from gongkai.core.requests import AuthenticatedHttpRequest
from gongkai.organs.models import Membership, Organ

from . import bulletins
from . import render as rendering
from .models import Bulletin
from .views import supervising_offices


def _visible(request: AuthenticatedHttpRequest) -> list[Bulletin]:
    offices = supervising_offices(request.user)
    own = list(Bulletin.objects.filter(office__in=offices).select_related("office"))
    mine = set(Membership.objects.filter(user=request.user).values_list("organ__name", flat=True))
    named = [
        b
        for b in Bulletin.objects.filter(issued_on__isnull=False)
        .exclude(office__in=offices)
        .select_related("office")
        if mine & {f["organ"] for f in b.figures}
    ]
    return sorted(
        {b.pk: b for b in own + named}.values(), key=lambda b: (-b.year, -(b.number or 0), -b.pk)
    )


def _bulletin(request: AuthenticatedHttpRequest, pk: int) -> Bulletin:
    found = next((b for b in _visible(request) if b.pk == pk), None)
    if found is None:
        raise Http404("未找到该通报")
    return found


def _may_edit(request: AuthenticatedHttpRequest, bulletin: Bulletin) -> bool:
    return bulletin.office in supervising_offices(request.user)


@login_required
def bulletin_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(
        request,
        "supervision/bulletins.html",
        {"bulletins": _visible(request), "offices": supervising_offices(request.user)},
    )


@login_required
@require_POST
def compose(request: AuthenticatedHttpRequest) -> HttpResponse:
    office = get_object_or_404(Organ, slug=request.POST.get("office", ""))
    if office not in supervising_offices(request.user):
        raise PermissionDenied("只有主管部门的监督人员可以起草通报")
    try:
        start = date.fromisoformat(request.POST.get("start", ""))
        end = date.fromisoformat(request.POST.get("end", ""))
    except ValueError:
        flash.error(request, "请填写有效的统计起止日期")
        return redirect("supervision:bulletins")
    try:
        made = bulletins.compose(office, request.user, start, end)
    except bulletins.BulletinError as exc:
        flash.error(request, exc.message)
        return redirect("supervision:bulletins")
    flash.success(request, "已按统计数据生成通报草稿，请核对修改后印发。")
    return redirect("supervision:bulletin", pk=made.pk)


@login_required
def detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    bulletin = _bulletin(request, pk)
    return render(
        request,
        "supervision/bulletin.html",
        {
            "b": bulletin,
            "sections": [(k, t, bulletin.sections.get(k, "")) for k, t in bulletins.SECTION_TITLES],
            "columns": ("排名", *(c[1] for c in rendering.COLUMNS)),
            "rows": rendering.rows(bulletin),
            "editable": _may_edit(request, bulletin) and bulletin.issued_on is None,
        },
    )


@login_required
@require_POST
@returns_to("supervision:bulletin", "pk")
def act(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    bulletin = _bulletin(request, pk)
    if not _may_edit(request, bulletin):
        raise PermissionDenied("只有印发机关的监督人员可以修改或印发通报")
    try:
        if request.POST.get("action") == "issue":
            bulletins.issue(bulletin, request.user)
            flash.success(request, "通报已印发。")
        else:
            sections = {
                k: request.POST.get(f"section-{k}", "") for k, _ in bulletins.SECTION_TITLES
            }
            bulletins.edit(
                bulletin, sections, request.POST.get("title", ""), request.POST.get("main_to", "")
            )
            flash.success(request, "通报已保存。")
    except bulletins.BulletinError as exc:
        flash.error(request, exc.message)
    return redirect("supervision:bulletin", pk=bulletin.pk)


@login_required
def download(request: AuthenticatedHttpRequest, pk: int, fmt: str) -> HttpResponse:
    bulletin = _bulletin(request, pk)
    if bulletin.issued_on is None:
        raise Http404("通报印发后才能下载")
    if fmt == "pdf":
        content, kind = rendering.pdf(bulletin), "application/pdf"
    else:
        content = rendering.docx(bulletin)
        kind = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    response = HttpResponse(content, content_type=kind)
    name = f"政府信息公开工作通报{bulletin.number_label}.{fmt}"
    response["Content-Disposition"] = content_disposition_header(True, name)
    response["X-Content-Type-Options"] = "nosniff"
    return response
