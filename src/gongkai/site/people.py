"""人员与角色: an organ's administrator manages its people (views only; writes in organs.people)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from gongkai.organs import people, rules
from gongkai.organs.forms import AddPersonForm, NewPersonForm, RolesForm
from gongkai.organs.models import Organ, PeopleChange

from . import shown_once

CHANGES_SHOWN = 50


def _managed_organ(request: HttpRequest, slug: str) -> Organ:
    """The organ, 404 to those who may not see it, 403 to those who see it but don't manage it."""
    organ = get_object_or_404(Organ, slug=slug)
    if not rules.can_view_organ(request.user, organ):
        raise Http404("未找到该机关，或您无权查看。")
    if not rules.can_manage_people(request.user, organ):
        raise PermissionDenied("只有本机关（或上级机关）的系统管理员可以管理人员与角色。")
    return organ


def _member(organ: Organ, username: str) -> Any:
    person = get_user_model().objects.filter(username=username).first()
    if person is None or not people.roles_of(person, organ):
        raise Http404("本机关没有这个人员。")
    return person


@login_required
def people_list(request: HttpRequest, slug: str) -> HttpResponse:
    organ = _managed_organ(request, slug)
    context = {
        "organ": organ,
        "people": people.people_of(organ),
        "changes": PeopleChange.objects.filter(organ=organ).select_related("person", "actor")[
            :CHANGES_SHOWN
        ],
    }
    return render(request, "site/people.html", context)


@login_required
def person_add(request: HttpRequest, slug: str) -> HttpResponse:
    organ = _managed_organ(request, slug)
    form = AddPersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            change = people.add_person(
                organ=organ,
                person=form.cleaned_data["username"],
                roles=form.cleaned_data["roles"],
                by=request.user,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"已保存：{change.summary}。")
            return redirect("site:organ_people", slug=organ.slug)
    return render(request, "site/person_add.html", {"organ": organ, "form": form})


@login_required
def person_new(request: HttpRequest, slug: str) -> HttpResponse:
    organ = _managed_organ(request, slug)
    form = NewPersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user, password, change = people.create_person(
                organ=organ,
                username=data["username"],
                full_name=data["full_name"],
                email=data["email"],
                roles=data["roles"],
                by=request.user,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return _show_once(request, "created", organ, user, change.summary, password)
    return render(request, "site/person_new.html", {"organ": organ, "form": form})


def _show_once(
    request: HttpRequest, kind: str, organ: Organ, person: Any, summary: str, password: str
) -> HttpResponse:
    """Post/redirect/get: the password is shown on the next page, once (``shown_once``)."""
    username = person.get_username()
    cipher = shown_once.keep(
        request, kind=kind, organ=organ.slug, username=username, summary=summary, password=password
    )
    url = reverse("site:person_password_shown", args=[organ.slug, username])
    return redirect(f"{url}?c={cipher}")


@never_cache
@login_required
def person_password_shown(request: HttpRequest, slug: str, username: str) -> HttpResponse:
    organ = _managed_organ(request, slug)
    person = _member(organ, username)
    shown = shown_once.take(request, organ.slug, username, request.GET.get("c", ""))
    if shown is None:
        messages.info(
            request,
            "系统生成的密码只显示一次，已不能再次查看；如本人尚未收到，请在此重置密码。",
        )
        return redirect("site:person_edit", slug=organ.slug, username=username)
    template = (
        "site/person_created.html" if shown.kind == "created" else "site/person_password_reset.html"
    )
    context = {
        "organ": organ,
        "person": person,
        "password": shown.password,
        "change": {"summary": shown.summary},
    }
    return render(request, template, context)


@login_required
def person_edit(request: HttpRequest, slug: str, username: str) -> HttpResponse:
    organ = _managed_organ(request, slug)
    person = _member(organ, username)
    current = people.roles_of(person, organ)
    form = RolesForm(request.POST or None, initial={"roles": list(current)})
    if request.method == "POST" and form.is_valid():
        try:
            change = people.set_roles(
                organ=organ, person=person, roles=form.cleaned_data["roles"], by=request.user
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, f"已保存：{change.summary}。")
            return redirect("site:organ_people", slug=organ.slug)
    context = {
        "organ": organ,
        "person": person,
        "roles": people.Person(person, current).role_labels,
        "form": form,
        "changes": PeopleChange.objects.filter(organ=organ, person=person).select_related("actor")[
            :CHANGES_SHOWN
        ],
    }
    return render(request, "site/person_edit.html", context)


@login_required
@require_POST
def person_remove(request: HttpRequest, slug: str, username: str) -> HttpResponse:
    organ = _managed_organ(request, slug)
    person = _member(organ, username)
    try:
        change = people.remove_person(organ=organ, person=person, by=request.user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("site:person_edit", slug=organ.slug, username=username)
    messages.success(request, f"已保存：{change.summary}。")
    return redirect("site:organ_people", slug=organ.slug)


@login_required
@require_POST
def person_unlock(request: HttpRequest, slug: str, username: str) -> HttpResponse:
    organ = _managed_organ(request, slug)
    person = _member(organ, username)
    try:
        change = people.unlock_person(organ=organ, person=person, by=request.user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, f"已保存：{change.summary}。")
    return redirect("site:organ_people", slug=organ.slug)


@login_required
@require_POST
def person_reset_password(request: HttpRequest, slug: str, username: str) -> HttpResponse:
    organ = _managed_organ(request, slug)
    person = _member(organ, username)
    try:
        password, change = people.reset_password(organ=organ, person=person, by=request.user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("site:person_edit", slug=organ.slug, username=username)
    return _show_once(request, "reset", organ, person, change.summary, password)
