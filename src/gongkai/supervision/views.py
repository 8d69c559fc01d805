"""监督检查: the problem list (filters, XLSX), one problem with its follow-up, starting an
inspection, and the rule catalogue.

A supervisor sees and acts on the organs they supervise; an organ's staff see their own
organ's problems and report them fixed. Every query is fenced by ``case_organs``.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any

from django.contrib import messages as flash
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from gongkai.core.errors import returns_to
from gongkai.organs import rules as organ_rules
from gongkai.organs.models import Membership, Organ, descendant_ids
from gongkai.organs.querysets import case_organs
from gongkai.organs.roles import Role

from . import inspect
from .catalogue import RULE_BY_CODE, RULES
from .models import Problem, ProblemState, Run

PER_PAGE = 50


def supervising_offices(user: Any) -> list[Organ]:
    """The organs where ``user`` holds the supervisor's role (the offices that issue
    bulletins and run assessments)."""
    ids = Membership.objects.filter(user=user, role=Role.SUPERVISOR).values_list(
        "organ_id", flat=True
    )
    return list(Organ.objects.filter(pk__in=list(ids)).order_by("name"))


def supervised(user: Any) -> list[Organ]:
    """The organs ``user`` supervises (held as supervisor there or above)."""
    ids = descendant_ids([o.pk for o in supervising_offices(user)])
    return list(Organ.objects.filter(pk__in=ids, is_active=True).order_by("name"))


def _filtered(request: HttpRequest) -> tuple[Any, dict[str, str]]:
    rows = Problem.objects.filter(organ__in=case_organs(request.user)).select_related(
        "organ", "assignee"
    )
    chosen = {k: request.GET.get(k, "") for k in ("organ", "rule", "state")}
    chosen["state"] = chosen["state"] or "active"
    if chosen["organ"]:
        rows = rows.filter(organ__slug=chosen["organ"])
    if chosen["rule"] in RULE_BY_CODE:
        rows = rows.filter(rule=chosen["rule"])
    if chosen["state"] == "active":
        rows = rows.filter(state__in=(ProblemState.OPEN, ProblemState.FIXED))
    elif chosen["state"] in ProblemState.values:
        rows = rows.filter(state=chosen["state"])
    return rows.order_by("deadline", "organ__name", "id"), chosen


@login_required
def problem_list(request: HttpRequest) -> HttpResponse:
    rows, chosen = _filtered(request)
    page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
    query = "&".join(f"{k}={v}" for k, v in chosen.items() if v)
    return render(
        request,
        "supervision/list.html",
        {
            "page": page,
            "chosen": chosen,
            "query": query,
            "organs": case_organs(request.user).order_by("name"),
            "rules": RULES,
            "states": ProblemState.choices,
            "supervised": supervised(request.user),
            "last_run": Run.objects.order_by("-id").first(),
            "rule_titles": {r.code: r.title for r in RULES},
        },
    )


@login_required
def export(request: HttpRequest) -> HttpResponse:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    rows, _ = _filtered(request)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "问题清单"
    head = [
        "机关",
        "规则",
        "问题",
        "级别",
        "依据",
        "证据",
        "发现日期",
        "整改期限",
        "状态",
        "整改负责人",
    ]
    sheet.append(head)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for p in rows:
        rule = RULE_BY_CODE.get(p.rule)
        sheet.append(
            [
                p.organ.name,
                p.rule,
                p.title,
                rule.severity if rule else "",
                rule.source if rule else "",
                p.excerpt,
                p.found_on,
                p.deadline,
                p.state_label,
                (p.assignee.get_full_name() or p.assignee.get_username()) if p.assignee else "",
            ]
        )
    for column, width in zip("ABCDEFGHIJ", (28, 14, 50, 6, 30, 30, 12, 12, 8, 10), strict=True):
        sheet.column_dimensions[column].width = width
    out = BytesIO()
    book.save(out)
    response = HttpResponse(
        out.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = content_disposition_header(True, "问题清单.xlsx")
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def run_now(request: HttpRequest) -> HttpResponse:
    organs = supervised(request.user)
    if not organs:
        raise PermissionDenied("只有主管部门的监督人员可以开展巡查")
    chosen = request.POST.get("organ", "")
    if chosen:
        organs = [o for o in organs if o.slug == chosen]
        if not organs:
            raise PermissionDenied("只能巡查所监督的机关")
    record = inspect.run(organs, actor=request.user)
    flash.success(
        request,
        f"巡查完成：检查{record.organs}个机关，发现问题{record.found}项，其中新问题{record.new}项、"
        f"再次出现{record.reopened}项，复查确认已整改{record.closed}项（用时{record.seconds:.1f}秒）。",
    )
    return redirect("supervision:list")


def _problem(request: HttpRequest, pk: int) -> Problem:
    return get_object_or_404(
        Problem.objects.select_related("organ", "assignee"),
        pk=pk,
        organ__in=case_organs(request.user),
    )


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    problem = _problem(request, pk)
    people = (
        get_user_model()
        .objects.filter(memberships__organ=problem.organ, is_active=True)
        .distinct()
        .order_by("username")
        if organ_rules.supervises(request.user, problem.organ)
        else []
    )
    return render(
        request,
        "supervision/detail.html",
        {
            "p": problem,
            "rule": RULE_BY_CODE.get(problem.rule),
            "events": problem.events.select_related("actor"),
            "supervisor": organ_rules.supervises(request.user, problem.organ),
            "staff": organ_rules.is_staff_of(request.user, problem.organ),
            "people": people,
        },
    )


@login_required
@require_POST
@returns_to("supervision:detail", "pk")
def act(request: HttpRequest, pk: int) -> HttpResponse:
    problem = _problem(request, pk)
    action = request.POST.get("action", "")
    user = request.user
    try:
        if action == "fixed":
            if not organ_rules.is_staff_of(user, problem.organ) and problem.assignee_id != user.pk:
                raise PermissionDenied("只有本机关工作人员可以报告整改情况")
            inspect.mark_fixed(problem, user, request.POST.get("note", ""))
            flash.success(request, "已报告整改，下次巡查复核。")
        elif action in ("reject", "assign"):
            if not organ_rules.supervises(user, problem.organ):
                raise PermissionDenied("只有主管部门的监督人员可以办理")
            if action == "reject":
                inspect.reject(problem, user, request.POST.get("note", ""))
                flash.success(request, "已不予采纳。")
            else:
                assignee = get_object_or_404(
                    get_user_model(),
                    pk=request.POST.get("assignee"),
                    memberships__organ=problem.organ,
                )
                inspect.assign(problem, user, assignee)
                flash.success(request, "已指定整改负责人。")
        else:
            flash.error(request, "未知的操作")
    except inspect.ProblemError as exc:
        flash.error(request, exc.message)
    return redirect("supervision:detail", pk=problem.pk)


@login_required
def rule_catalogue(request: HttpRequest) -> HttpResponse:
    return render(request, "supervision/rules.html", {"rules": RULES})
