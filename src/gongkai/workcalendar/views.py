"""The calendar pages of the back office: everyone reads, administrators enter."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from gongkai.organs import rules

from . import months, services
from .calendar import current_calendar
from .forms import NoticeForm, OverrideForm, RemoveForm, initial_for_notice
from .models import CalendarChange, CalendarOverride, YearNotice
from .status import calendar_status


def _require_editor(request: HttpRequest) -> None:
    if not rules.can_edit_calendar(request.user):
        raise PermissionDenied("只有系统管理员可以修改工作日历。")


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    context = {
        "calendar": calendar_status(timezone.localdate()),
        "notices": YearNotice.objects.all(),
        "overrides": CalendarOverride.objects.filter(notice__isnull=True).order_by("-date")[:200],
        "changes": CalendarChange.objects.select_related("actor")[:50],
        "can_edit": rules.can_edit_calendar(request.user),
    }
    return render(request, "workcalendar/overview.html", context)


@login_required
def year_view(request: HttpRequest, year: int | None = None) -> HttpResponse:
    """The month view of one year (default: this year); every staff member may read it."""
    today = timezone.localdate()
    year = today.year if year is None else year
    cal = current_calendar()
    context: dict[str, object] = {
        "year": year,
        "can_edit": rules.can_edit_calendar(request.user),
        "span": months.computable_span(cal),
    }
    if not months.computable(cal, year):
        context["this_year"] = today.year if months.computable(cal, today.year) else None
        return render(request, "workcalendar/year.html", context, status=404)
    context.update(
        view=months.year_view(cal, year, today=today),
        previous=year - 1 if months.computable(cal, year - 1) else None,
        next=year + 1 if months.computable(cal, year + 1) else None,
        this_year=today.year if year != today.year and months.computable(cal, today.year) else None,
    )
    return render(request, "workcalendar/year.html", context)


@login_required
def notice_edit(request: HttpRequest, year: int | None = None) -> HttpResponse:
    _require_editor(request)
    notice = get_object_or_404(YearNotice, year=year) if year is not None else None
    if request.method == "POST":
        form = NoticeForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                change = services.enter_notice(
                    year=data["year"],
                    title=data["title"],
                    document_number=data["document_number"],
                    published_on=data["published_on"],
                    days=data["days"],
                    by=request.user,
                    reason=data["reason"],
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, f"已保存：{change.summary}。")
                return redirect("workcalendar:overview")
    elif notice is not None:
        days = [
            services.DayEntry(d.date, d.kind, d.name) for d in notice.overrides.order_by("date")
        ]
        form = NoticeForm(initial=initial_for_notice(notice, days))
    else:
        form = NoticeForm(initial={"year": timezone.localdate().year + 1})
    return render(request, "workcalendar/notice_form.html", {"form": form, "notice": notice})


@login_required
def override_new(request: HttpRequest) -> HttpResponse:
    _require_editor(request)
    form = OverrideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            change = services.set_override(
                date=data["date"],
                kind=data["kind"],
                name=data["name"],
                reason=data["reason"],
                by=request.user,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"已保存：{change.summary}。")
            return redirect("workcalendar:overview")
    return render(request, "workcalendar/override_form.html", {"form": form})


@login_required
def override_remove(request: HttpRequest, date: str) -> HttpResponse:
    _require_editor(request)
    try:
        day = datetime.date.fromisoformat(date)
    except ValueError:
        raise Http404 from None
    row = get_object_or_404(CalendarOverride, date=day, notice__isnull=True)
    form = RemoveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        change = services.remove_override(
            date=day, reason=form.cleaned_data["reason"], by=request.user
        )
        messages.success(request, f"已保存：{change.summary}。")
        return redirect("workcalendar:overview")
    return render(request, "workcalendar/override_remove.html", {"form": form, "row": row})
