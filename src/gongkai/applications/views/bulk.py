"""Bulk actions: assign, print notices; one event per case, through the same rules."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from .. import outbox, services
from ..errors import CaseworkError
from ..querysets import visible_to


@login_required
@require_POST
def assign(request: HttpRequest) -> HttpResponse:
    numbers = request.POST.getlist("numbers")
    assignee = get_user_model().objects.filter(username=request.POST.get("assignee", "")).first()
    if assignee is None:
        messages.error(request, "请选择承办人（填写有效的用户名）")
        return redirect("applications:queue")
    done, refused = 0, []
    for case in visible_to(request.user).filter(number__in=numbers).select_related("organ"):
        try:
            services.assign(case, assignee, request.user)
            done += 1
        except CaseworkError as exc:
            refused.append(f"{case.number}：{exc.message}")
    messages.success(request, f"已指定承办人{done}件")
    for line in refused:
        messages.error(request, line)
    return redirect("applications:queue")


@login_required
@require_POST
def print_notices(request: HttpRequest) -> HttpResponse:
    """One PDF with the notices to print of the selected cases (refusals as messages)."""
    numbers = request.POST.getlist("numbers")
    if not numbers:
        messages.error(request, "请先勾选要打印通知的申请")
        return redirect("applications:queue")
    cases = visible_to(request.user).filter(number__in=numbers).select_related("organ")
    done = outbox.print_notices(cases.order_by("id"), request.user)
    for line in done.refused:
        messages.error(request, line)
    if not done.cases:
        return redirect("applications:queue")
    messages.success(request, f"已打印{len(done.cases)}件申请的通知")
    response = HttpResponse(done.pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="notices.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
