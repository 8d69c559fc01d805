"""后台任务: what the background worker does, when it last ran, and what failed (admins)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai.organs import rules

from .jobs import JOBS

FAILURES_SHOWN = 20
WORKER_SILENT_AFTER = 5 * 60
"""Seconds without a finished task after which the page warns that the worker may be down
(the outbox runs every minute)."""


@dataclass(frozen=True)
class Row:
    name: str
    next_run: datetime | None
    last_ok: datetime | None
    last_ok_result: str
    last_failed: datetime | None
    last_error: str


def _only_admins(request: HttpRequest) -> None:
    if not rules.is_admin(request.user):
        raise PermissionDenied("只有系统管理员可以查看后台任务")


@login_required
def jobs(request: HttpRequest) -> HttpResponse:
    from django_q.models import Failure, OrmQ, Schedule, Success

    _only_admins(request)
    schedules = {s.name: s for s in Schedule.objects.filter(name__in=[j.name for j in JOBS])}
    names = {j.func: j.name for j in JOBS}
    rows = []
    for job in JOBS:
        ok = Success.objects.filter(func=job.func).order_by("-stopped").first()
        bad = Failure.objects.filter(func=job.func).order_by("-stopped").first()
        s = schedules.get(job.name)
        rows.append(
            Row(
                job.name,
                s.next_run if s else None,
                ok.stopped if ok else None,
                str(ok.result or "") if ok else "",
                bad.stopped if bad else None,
                str(bad.result or "") if bad else "",
            )
        )
    last = Success.objects.order_by("-stopped").values_list("stopped", flat=True).first()
    silent = last is None or (timezone.now() - last).total_seconds() > WORKER_SILENT_AFTER
    return render(
        request,
        "site/jobs.html",
        {
            "rows": rows,
            "failures": [
                (names.get(f.func, f.func), f)
                for f in Failure.objects.order_by("-stopped")[:FAILURES_SHOWN]
            ],
            "queued": OrmQ.objects.count(),
            "last_finished": last,
            "silent": silent,
        },
    )


@login_required
@require_POST
def run_now(request: HttpRequest) -> HttpResponse:
    """Queue one job at once (the worker takes it within seconds)."""
    from django_q.tasks import async_task

    _only_admins(request)
    job = next((j for j in JOBS if j.name == request.POST.get("name", "")), None)
    if job is None:
        messages.error(request, "没有这项后台任务")
        return redirect("site:jobs")
    async_task(job.func, task_name=job.name)
    messages.success(request, f"已排队：{job.name}（后台任务进程将在几秒内执行）")
    return redirect("site:jobs")
