"""The back-office shell (home page per role, organ page) and the error pages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest, PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from gongkai.api import errors as api_errors
from gongkai.applications import services
from gongkai.organs import rules
from gongkai.organs.forms import OrganForm
from gongkai.organs.models import Membership, Organ
from gongkai.workcalendar.status import calendar_status

from .desk import build


def _people(organ: Organ) -> list[Membership]:
    return list(
        Membership.objects.filter(organ=organ, user__is_active=True)
        .select_related("user")
        .order_by("role", "user__username")
    )


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The start page: what each of the user's roles asks of them now (``site.desk``)."""
    today = services.today()
    desk = build(request.user, on=today)
    context = {
        "desk": desk,
        "today": today,
        "calendar": calendar_status(today),
        "no_role": not desk.roles and not request.user.is_superuser,
    }
    return render(request, "site/home.html", context)


@login_required
def organ_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """One organ's page: its disclosure office and its people (404 to those outside it)."""
    organ = get_object_or_404(Organ, slug=slug)
    if not rules.can_view_organ(request.user, organ):
        raise Http404("未找到该机关，或您无权查看。")
    context = {
        "organ": organ,
        "people": _people(organ),
        "children": list(organ.children.order_by("name")),
        "can_manage_people": rules.can_manage_people(request.user, organ),
        "calendar": calendar_status(timezone.localdate()),
    }
    return render(request, "site/organ.html", context)


@login_required
def organ_edit(request: HttpRequest, slug: str) -> HttpResponse:
    """An organ's administrator edits its names, code and disclosure-office details."""
    organ = get_object_or_404(Organ, slug=slug)
    if not rules.can_view_organ(request.user, organ):
        raise Http404("未找到该机关，或您无权查看。")
    if not rules.can_manage_people(request.user, organ):
        raise PermissionDenied("只有本机关的系统管理员可以修改机关信息。")
    form = OrganForm(request.POST or None, instance=organ)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "机关信息已保存。")
        return redirect("site:organ", slug=organ.slug)
    return render(request, "site/organ_form.html", {"organ": organ, "form": form})


def public_home(request: HttpRequest) -> HttpResponse:
    """Placeholder public home page until the portal app takes over ``/``."""
    organs = Organ.objects.filter(is_active=True).order_by("parent_id", "name")
    return render(request, "site/public_home.html", {"organs": organs})


def _api_error(request: HttpRequest, body: dict[str, str], status: int) -> HttpResponse | None:
    """Under ``/api/`` the error pages are the API's JSON (an unknown path, an error
    outside the API's own handlers), so an API client never gets HTML."""
    if not request.path.startswith("/api/"):
        return None
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    from django.views.defaults import bad_request as page

    # Django's page never reads the exception; it is None only when called directly.
    raised = exception if exception is not None else BadRequest()
    return _api_error(request, api_errors.BAD_REQUEST, 400) or page(request, raised)


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _api_error(request, api_errors.FORBIDDEN, 403) or render(request, "403.html", status=403)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _api_error(request, api_errors.NOT_FOUND, 404) or render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return _api_error(request, api_errors.SERVER_ERROR, 500) or render(
        request, "500.html", status=500
    )
