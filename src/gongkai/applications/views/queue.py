"""The officer's queue: open cases soonest due first, with 日提示 and 流程过半提示."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .. import outbox, services
from .. import querysets as q
from ..models import Notice


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    on = services.today()
    cases = q.visible_to(request.user)
    if request.GET.get("mine"):
        cases = cases.filter(assignee=request.user)
    if request.GET.get("organ"):
        cases = cases.filter(organ__slug=request.GET["organ"])
    page = Paginator(q.queue(cases), 50).get_page(request.GET.get("page"))
    rows = [(case, q.flag(case, on)) for case in page]
    counts = {
        "open": q.open_cases(cases).count(),
        "overdue": q.overdue(cases, on).count(),
        "due_today": q.due_today(cases, on).count(),
    }
    awaiting = cases.filter(state="awaiting_confirmation").order_by("id")[:50]
    to_print = (
        Notice.objects.filter(outbox.to_print_filter(), application__in=cases)
        .values("application__number")
        .annotate(n=Count("id"))
        .order_by("application__number")[:100]
    )
    return render(
        request,
        "applications/queue.html",
        {
            "rows": rows,
            "page": page,
            "counts": counts,
            "today": on,
            "awaiting": awaiting,
            "to_print": to_print,
        },
    )
