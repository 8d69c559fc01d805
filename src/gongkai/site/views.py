"""The back-office shell (home page per role, organ page) and the error pages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from gongkai.organs import rules
from gongkai.organs.forms import OrganForm
from gongkai.organs.models import Membership, Organ
from gongkai.organs.querysets import visible_organs
from gongkai.organs.roles import Role
from gongkai.workcalendar.status import calendar_status


def _people(organ: Organ) -> list[Membership]:
    return list(
        Membership.objects.filter(organ=organ, user__is_active=True)
        .select_related("user")
        .order_by("role", "user__username")
    )


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """The home page: what the user's roles let them see, one section per role."""
    user = request.user
    memberships = list(
        Membership.objects.filter(user=user).select_related("organ").order_by("organ_id", "role")
    )
    own_organs: dict[int, dict[str, object]] = {}
    supervised: list[Organ] = []
    administered: list[Organ] = []
    for membership in memberships:
        organ = membership.organ
        if membership.role == Role.SUPERVISOR:
            supervised.append(organ)
        elif membership.role == Role.ADMIN:
            administered.append(organ)
        else:
            entry = own_organs.setdefault(organ.pk, {"organ": organ, "roles": []})
            entry["roles"].append(membership.get_role_display())  # type: ignore[attr-defined]
    for entry in own_organs.values():
        entry["people"] = _people(entry["organ"])  # type: ignore[arg-type]
    overseen = (
        visible_organs(user).exclude(pk__in=[m.organ_id for m in memberships]).order_by("name")
        if supervised or administered
        else Organ.objects.none()
    )
    context = {
        "own_organs": list(own_organs.values()),
        "supervised": supervised,
        "administered": administered,
        "overseen": list(overseen),
        "can_edit_calendar": rules.can_edit_calendar(user),
        "calendar": calendar_status(timezone.localdate()),
        "no_role": not memberships and not user.is_superuser,
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


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "500.html", status=500)
