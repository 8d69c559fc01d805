"""The year list and one year's workspace of an organ: computed tables, the six section
editors, 核查, downloads, 定稿 and 发布."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from gongkai.annual import schema as s
from gongkai.annual.render import render_html
from gongkai.organs import rules as organ_rules
from gongkai.organs.models import Organ
from gongkai.organs.querysets import case_organs
from gongkai.site.errors import returns_to

from .. import compute, rules, services
from ..models import AnnualReportDraft, Status
from .common import YEARS_SHOWN, draft_for, finding_rows, forbidden_by_role, organ_for


def _years(drafts: list[AnnualReportDraft]) -> list[int]:
    current = services.today().year
    years = {current - i for i in range(YEARS_SHOWN)} | {d.year for d in drafts}
    return sorted((y for y in years if y >= services.FIRST_YEAR), reverse=True)


@login_required
def index(request: HttpRequest) -> HttpResponse:
    """Every organ the user works for or supervises, with its reports by year."""
    organs = list(case_organs(request.user).order_by("parent_id", "pk"))
    rows = []
    for organ in organs:
        drafts = list(AnnualReportDraft.objects.filter(organ=organ))
        by_year = {d.year: d for d in drafts}
        rows.append({"organ": organ, "years": [(y, by_year.get(y)) for y in _years(drafts)]})
    offices = [
        o for o in organs if organ_rules.can_oversee(request.user, o) and o.children.exists()
    ]
    return render(
        request,
        "reports/index.html",
        {"rows": rows, "offices": offices, "last_year": services.today().year - 1},
    )


def _editable(request: HttpRequest, organ: Organ) -> bool:
    return rules.can_edit(request.user, organ)


@login_required
def workspace(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    organ = organ_for(request, slug)
    try:
        services.check_year(year)
    except services.ReportsError as exc:
        raise Http404(str(exc)) from None
    draft = draft_for(organ, year)
    report = compute.draft_report(draft) if draft is not None else compute.computed(organ, year)
    late = services.lateness(year, services.today())
    editors = []
    if draft is not None:
        for section in s.SECTIONS:
            editors.append({"section": section, "text": draft.sections.get(section.key, "")})
    can_edit = _editable(request, organ)
    return render(
        request,
        "reports/workspace.html",
        {
            "organ": organ,
            "year": year,
            "draft": draft,
            "report_html": render_html(report, standalone=False, id_prefix="ws"),
            "t3": {k: report.table3.get(k, "total") for k in s.TABLE3_ROW_KEYS},
            "editors": editors,
            "can_edit": can_edit and (draft is None or draft.status != Status.PUBLISHED),
            "can_finalize": rules.can_finalize(request.user, organ),
            "can_publish": rules.can_publish(request.user, organ),
            "late": late,
            "events": list(draft.events.order_by("at", "id")) if draft else [],
            "files": {f.fmt: f for f in draft.files.all()} if draft else {},
        },
    )


@login_required
def check_page(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    """核查: the checker's findings on the report as it would be published today."""
    organ = organ_for(request, slug)
    draft = draft_for(organ, year)
    if draft is None:
        raise Http404("尚未开始编写该年度报告")
    if draft.status == Status.PUBLISHED:
        found = finding_rows(draft.findings or [])
        last = None
    else:
        report = compute.draft_report(draft, published=services.today())
        result = compute.findings(report, organ)
        found = finding_rows(result)
        last = compute.last_year(organ, year)
    tally = compute.counts(found)
    return render(
        request,
        "reports/check.html",
        {
            "organ": organ,
            "year": year,
            "draft": draft,
            "findings": found,
            "tally": tally,
            "last_year": last,
            "late": services.lateness(year, services.today()),
            "can_publish": rules.can_publish(request.user, organ)
            and draft.status != Status.PUBLISHED,
        },
    )


@login_required
@require_POST
@returns_to("reports:workspace", "slug", "year")
@forbidden_by_role
def start(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    organ = organ_for(request, slug)
    services.open_draft(organ, year, request.user)
    return redirect("reports:workspace", organ.slug, year)


@login_required
@require_POST
@returns_to("reports:workspace", "slug", "year")
@forbidden_by_role
def save(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    organ = organ_for(request, slug)
    draft = draft_for(organ, year)
    if draft is None:
        raise Http404("尚未开始编写该年度报告")
    texts = {
        k: request.POST[f"section-{k}"] for k in s.SECTION_KEYS if f"section-{k}" in request.POST
    }
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = -1
    services.save_sections(draft, request.user, texts, version=version)
    messages.success(request, "正文已保存。")
    return redirect("reports:workspace", organ.slug, year)


@login_required
@require_POST
@returns_to("reports:workspace", "slug", "year")
@forbidden_by_role
def act(request: HttpRequest, slug: str, year: int, action: str) -> HttpResponse:
    """定稿, 退回修改, 按最新数字重写, 发布."""
    organ = organ_for(request, slug)
    draft = draft_for(organ, year)
    if draft is None:
        raise Http404("尚未开始编写该年度报告")
    try:
        if action == "finalize":
            services.finalize(draft, request.user)
            messages.success(request, "已定稿。")
        elif action == "reopen":
            services.reopen(draft, request.user, request.POST.get("reason", ""))
            messages.success(request, "已退回修改。")
        elif action == "refill":
            key = request.POST.get("section", "")
            services.refill_section(draft, request.user, key)
            messages.success(request, "已按最新数字重写该部分。")
        elif action == "publish":
            done = services.publish(draft, request.user)
            late = services.lateness(year, done.published_on or services.today())
            if late.late:
                messages.warning(request, f"已发布。{late.message()}，已记录为逾期发布。")
            else:
                messages.success(request, "已发布，公众网站已可查看。")
        else:
            raise Http404("没有这项操作")
    except services.PublishRefused as exc:
        messages.error(request, f"不能发布：核查发现{len(exc.findings)}个错误，请先改正。")
        return redirect("reports:check", organ.slug, year)
    return redirect("reports:workspace", organ.slug, year)
