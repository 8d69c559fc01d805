"""The calendar pages of the back office."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from gongkai.organs import rules

from .models import CalendarChange, CalendarOverride, YearNotice
from .status import calendar_status


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    """Every staff member may read the calendar; administrators get the edit links."""
    context = {
        "calendar": calendar_status(timezone.localdate()),
        "notices": YearNotice.objects.all(),
        "overrides": CalendarOverride.objects.select_related("notice").order_by("-date")[:200],
        "changes": CalendarChange.objects.select_related("by")[:50],
        "can_edit": rules.can_edit_calendar(request.user),
    }
    return render(request, "workcalendar/overview.html", context)
