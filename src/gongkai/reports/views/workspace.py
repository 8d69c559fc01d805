"""The year list and one year's workspace of an organ: computed tables, the six section
editors, 核查, downloads, 定稿 and 发布."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from gongkai.annual import Severity
from gongkai.annual import schema as s
from gongkai.annual.render import render_html
from gongkai.annual.render._layout import report_title
from gongkai.core.errors import returns_to
from gongkai.organs import rules as organ_rules
from gongkai.organs.models import Organ
from gongkai.organs.querysets import case_organs

from .. import compute, rules, services
from ..models import AnnualReportDraft, Decision, Status
from .common import (
    YEARS_SHOWN,
    draft_for,
    finding_link,
    finding_rows,
    forbidden_by_role,
    organ_for,
    table2_entries,
)


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


def started(request: HttpRequest, slug: str, year: int) -> tuple[Organ, AnnualReportDraft]:
    """The organ (fenced by the user's rights) and its draft of ``year``; 404 before the
    report has been started."""
    organ = organ_for(request, slug)
    draft = draft_for(organ, year)
    if draft is None:
        raise Http404("尚未开始编写该年度报告")
    return organ, draft


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
    late = services.lateness(organ, year, services.today())
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
            "table2": table2_entries(organ, year, report),
            "files": {f.fmt: f for f in draft.files.all()} if draft else {},
        },
    )


@login_required
def check_page(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    """核查: the checker's findings on the report as it would be published today, each
    with a link to what it is about and, for warnings, the reviewer's decision."""
    organ, draft = started(request, slug, year)
    if draft.status == Status.PUBLISHED:
        found = finding_rows(draft.findings or [])
        tally = compute.counts(found)
        tally[Severity.WARNING.value] -= sum(1 for f in found if f.get("decision"))
        last = None
    else:
        report = compute.draft_report(draft, published=services.today())
        rows = compute.decided(compute.findings(report, organ), report, draft.decisions.all())
        found = [
            {
                **finding_rows([row.finding])[0],
                "fingerprint": row.fingerprint,
                "decision": row.decision,
                "link": finding_link(organ, year, row.finding),
            }
            for row in rows
        ]
        tally = compute.open_counts(rows)
        last = compute.last_year(organ, year)
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
            "late": services.lateness(organ, year, services.today()),
            "can_decide": rules.can_finalize(request.user, organ)
            and draft.status != Status.PUBLISHED,
            "decisions": Decision.choices,
            "can_publish": rules.can_publish(request.user, organ)
            and draft.status != Status.PUBLISHED,
        },
    )


@login_required
def confirm_publish(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    """One more page before 发布: what will happen, the date, lateness and what is open."""
    organ, draft = started(request, slug, year)
    if draft.status == Status.PUBLISHED:
        return redirect("reports:workspace", organ.slug, year)
    if not rules.can_publish(request.user, organ):
        raise PermissionDenied("只有本机关的审核人或机构负责人可以发布年度报告")
    day = services.today()
    report = compute.draft_report(draft, published=day)
    rows = compute.decided(compute.findings(report, organ), report, draft.decisions.all())
    return render(
        request,
        "reports/confirm_publish.html",
        {
            "organ": organ,
            "year": year,
            "draft": draft,
            "day": day,
            "tally": compute.open_counts(rows),
            "late": services.lateness(organ, year, day),
            "title": report_title(report),
            "too_early": day <= date(year, 12, 31),
        },
    )


@login_required
@require_POST
@returns_to("reports:check", "slug", "year")
@forbidden_by_role
def decide(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    """已核实 / 不采纳 on one warning of the 核查 page."""
    organ, draft = started(request, slug, year)
    found = services.decide(
        draft,
        request.user,
        request.POST.get("fingerprint", ""),
        request.POST.get("decision", ""),
        request.POST.get("reason", ""),
    )
    messages.success(request, f"已记录核查意见：[{found.code}] {found.get_decision_display()}。")
    return redirect(reverse("reports:check", args=[organ.slug, year]) + "#findings")


@login_required
@require_POST
@returns_to("reports:workspace", "slug", "year")
@forbidden_by_role
def table2(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    """表二 (五)–(八): each figure with its source."""
    organ, draft = started(request, slug, year)
    figures = {
        cell: services.Table2Input(
            services.parse_table2_value(cell, request.POST.get(f"t2-{cell}", "")),
            request.POST.get(f"t2-{cell}-source", ""),
        )
        for cell in services.TABLE2_ENTERED
        if f"t2-{cell}" in request.POST
    }
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = -1
    before = draft.version
    done = services.enter_table2(draft, request.user, figures, version=version)
    if done.version == before:
        messages.info(request, "表二数字没有变化。")
    else:
        messages.success(request, "表二数字已保存。")
    return redirect(reverse("reports:workspace", args=[organ.slug, year]) + "#table2-entry")


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
    organ, draft = started(request, slug, year)
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
    organ, draft = started(request, slug, year)
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
            late = services.lateness(organ, year, done.published_on or services.today())
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
