"""The supervisor's view: every visible organ's open, due-soon and overdue counts."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gongkai.organs.querysets import case_organs

from .. import services
from ..querysets import OPEN
from .queue import DUE_SOON_DAYS


@login_required
def supervise(request: HttpRequest) -> HttpResponse:
    on = services.today()
    soon = on + timedelta(days=DUE_SOON_DAYS)
    organs = (
        case_organs(request.user)
        .annotate(
            open=Count("applications", filter=Q(applications__state__in=OPEN)),
            overdue=Count(
                "applications",
                filter=Q(
                    applications__state__in=OPEN,
                    applications__due_on__lt=on,
                    applications__clock_paused=False,
                ),
            ),
            due_soon=Count(
                "applications",
                filter=Q(
                    applications__state__in=OPEN,
                    applications__due_on__gte=on,
                    applications__due_on__lte=soon,
                ),
            ),
        )
        .order_by("-overdue", "name")
    )
    return render(
        request, "applications/supervise.html", {"organs": organs, "today": on, "year": on.year}
    )
