"""The officer's queue: open cases soonest due first, with 日提示 and 流程过半提示."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gongkai.core.requests import AuthenticatedHttpRequest
from gongkai.organs.models import Membership

from .. import outbox, repeats, services
from .. import querysets as q
from ..duplicates import SHOWN, probable_duplicates
from ..models import Notice

PER_PAGE = 50
RECALCULATED_DAYS = timedelta(days=7)
"""How long the queue marks a case whose dates the working calendar moved (期限已调整)."""
DUE_SOON_DAYS = 7
"""“7日内到期” on the supervisor's page (calendar days, today included)."""


def _others(request: HttpRequest, param: str) -> str:
    """The query string without ``param`` (pagination links keep the other filters)."""
    rest = request.GET.copy()
    rest.pop(param, None)
    return rest.urlencode()


def _page(request: HttpRequest, items: QuerySet[Any, Any], param: str) -> tuple[Page[Any], str]:
    return Paginator(items, PER_PAGE).get_page(request.GET.get(param)), _others(request, param)


@login_required
def queue(request: AuthenticatedHttpRequest) -> HttpResponse:
    on = services.today()
    cases = q.visible_to(request.user)
    if request.GET.get("mine"):
        cases = cases.filter(assignee=request.user)
    if request.GET.get("organ"):
        cases = cases.filter(organ__slug=request.GET["organ"])
    listed = q.queue(cases)
    due = request.GET.get("due", "")
    if due == "overdue":
        listed = q.overdue(listed, on)
    elif due == "soon":
        listed = listed.filter(due_on__gte=on, due_on__lte=on + timedelta(days=DUE_SOON_DAYS))
    page, page_query = _page(request, listed, "page")
    rows = [(case, q.flag(case, on)) for case in page]
    recalculated = q.recalculated_since([case.pk for case, _ in rows], on - RECALCULATED_DAYS)
    counts = {
        "open": q.open_cases(cases).count(),
        "overdue": q.overdue(cases, on).count(),
        "due_today": q.due_today(cases, on).count(),
    }
    awaiting, awaiting_query = _page(
        request,
        cases.filter(state="awaiting_confirmation").select_related("organ").order_by("id"),
        "apage",
    )
    duplicates = probable_duplicates(awaiting)
    awaiting_rows = [
        (
            case,
            [(o, repeats.option_for(case, o)) for o in duplicates.get(case.pk, [])[:SHOWN]],
            len(duplicates.get(case.pk, [])) > SHOWN,
        )
        for case in awaiting
    ]
    to_print, print_query = _page(
        request,
        Notice.objects.filter(outbox.to_print_filter(), application__in=cases)
        .values("application__number")
        .annotate(n=Count("id"))
        .order_by("application__number"),
        "ppage",
    )
    officers = (
        Membership.objects.filter(
            role="officer",
            user__is_active=True,
            organ__in=Membership.objects.filter(user=request.user, role="officer").values("organ"),
        )
        .select_related("user", "organ")
        .order_by("organ_id", "user__first_name", "user__username")
    )
    return render(
        request,
        "applications/queue.html",
        {
            "officers": officers,
            "rows": rows,
            "recalculated": recalculated,
            "page": page,
            "page_query": page_query,
            "counts": counts,
            "today": on,
            "awaiting": awaiting,
            "awaiting_rows": awaiting_rows,
            "awaiting_query": awaiting_query,
            "to_print": to_print,
            "print_query": print_query,
            "mine": bool(request.GET.get("mine")),
            "due": {"overdue": "已逾期", "soon": f"{DUE_SOON_DAYS}日内到期"}.get(due, ""),
        },
    )
