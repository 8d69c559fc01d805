"""Back-office pages of 主动公开: list, draft, review, attachments, table 二, guide.

Views read the request, call a service and render; every item query is fenced by
``case_organs`` (another organ's item is a 404).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai.annual import schema
from gongkai.annual.model import Table2
from gongkai.core.errors import returns_to
from gongkai.core.requests import AuthenticatedHttpRequest
from gongkai.organs import rules as organ_rules
from gongkai.organs.models import Membership, Organ
from gongkai.organs.querysets import case_organs
from gongkai.organs.roles import Role

from . import services, stats, workflow
from .content import check_size, render_body
from .forms import ActionForm, AttachmentForm, GuideForm, ItemForm, Table2EntryForm
from .guides import guide_for
from .models import Item, Table2Entry
from .rules import workflow_roles

MAX_PREVIEW_CHARS = 200_000


def _item(request: HttpRequest, pk: int) -> Item:
    return get_object_or_404(
        Item.objects.select_related("organ"), pk=pk, organ__in=case_organs(request.user)
    )


def _organ(request: HttpRequest, slug: str) -> Organ:
    return get_object_or_404(case_organs(request.user), slug=slug)


@login_required
def item_list(request: HttpRequest) -> HttpResponse:
    organs = list(case_organs(request.user).order_by("name"))
    items = Item.objects.filter(organ__in=organs).select_related("organ")
    state = request.GET.get("state", "")
    if state in workflow.STATE_LABELS:
        items = items.filter(state=state)
    waiting = [
        i
        for i in Item.objects.filter(organ__in=organs, state__in=workflow.REVIEW_STATES)
        .select_related("organ")
        .order_by("due_on", "id")
        if workflow.allowed_events(i.state, workflow_roles(request.user, i.organ))
    ]
    creatable = [o for o in organs if workflow.OFFICER in workflow_roles(request.user, o)]
    listed = list(items.order_by("-updated_at", "-id")[:200])
    calendar = services.calendar()
    for item in (*listed, *waiting):
        item._due_provisional = item.due_provisional_on(calendar)  # type: ignore[attr-defined]
    return render(
        request,
        "disclosure/list.html",
        {
            "items": listed,
            "waiting": waiting,
            "states": workflow.STATES,
            "state": state,
            "creatable": creatable,
            "today": timezone.localdate(),
        },
    )


def _with_preview(request: HttpRequest, form: ItemForm, **context: object) -> HttpResponse:
    preview = render_body(request.POST.get("body", "")).html
    return render(request, "disclosure/form.html", {"form": form, "preview": preview, **context})


@login_required
@require_POST
def body_preview(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The body as the public page will show it (rendered and sanitised as on saving);
    for staff who draft items."""
    if not Membership.objects.filter(user=request.user, role=Role.OFFICER).exists():
        raise PermissionDenied
    source = request.POST.get("body", "")[:MAX_PREVIEW_CHARS]
    response = HttpResponse(render_body(source).html, content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response


@login_required
def item_create(request: HttpRequest, slug: str) -> HttpResponse:
    organ = _organ(request, slug)
    if workflow.OFFICER not in workflow_roles(request.user, organ):
        raise PermissionDenied
    form = ItemForm(request.POST or None, initial={"publisher": organ.public_name}, organ=organ)
    if "preview" in request.POST:  # without script: the form again, with its preview
        return _with_preview(request, form, organ=organ, item=None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        body = data.pop("body")
        try:
            item, cleaned = services.create_item(organ, request.user, body=body, **data)
        except workflow.TransitionError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, "草稿已保存。" + cleaned.note)
            return redirect("disclosure:detail", pk=item.pk)
    return render(request, "disclosure/form.html", {"form": form, "organ": organ, "item": None})


@login_required
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk)
    form = ItemForm(request.POST or None, instance=Item.objects.get(pk=item.pk), organ=item.organ)
    if "preview" in request.POST:
        return _with_preview(request, form, organ=item.organ, item=item)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        body = data.pop("body")
        try:
            cleaned = services.update_item(item, request.user, body=body, **data)
        except workflow.TransitionError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, "已保存。" + cleaned.note)
            return redirect("disclosure:detail", pk=item.pk)
    return render(
        request, "disclosure/form.html", {"form": form, "organ": item.organ, "item": item}
    )


@login_required
def item_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk)
    roles = workflow_roles(request.user, item.organ)
    actions = workflow.allowed_events(item.state, roles)
    publishing = any(t.effect == "publish" for t in actions)
    return render(
        request,
        "disclosure/detail.html",
        {
            "item": item,
            "events": item.events.select_related("actor"),
            "actions": actions,
            "personal_data": services.personal_data_in(item) if publishing else [],
            "can_edit": item.state == workflow.DRAFT and workflow.OFFICER in roles,
            "attachment_form": AttachmentForm(),
            "reviews": reviews_of(item),
            "state_label": workflow.STATE_LABELS[item.state],
        },
    )


def reviews_of(item: Item) -> list[tuple[str, str, datetime.date]]:
    """(level, reviewer name, date) of the approvals that published this version."""
    approvals: list[tuple[str, str, datetime.date]] = []
    for event in item.events.order_by("at", "id"):
        if event.action == "send_back":
            approvals = []
        elif event.action.startswith("approve_"):
            approvals.append((workflow.REVIEW_LEVEL[event.before], event.actor_name, event.on))
    return approvals


@login_required
@require_POST
@returns_to("disclosure:detail", "pk")
def item_action(request: HttpRequest, pk: int) -> HttpResponse:
    """A refused change (``TransitionError``) becomes a message on the item's page through
    the error boundary (``gongkai.core.errors``)."""
    item = _item(request, pk)
    form = ActionForm(request.POST)
    if not form.is_valid():
        raise Http404
    event = form.cleaned_data["event"]
    result = services.apply(
        item,
        event,
        request.user,
        form.cleaned_data["comment"],
        confirm_personal_data=request.POST.get("confirm_personal_data") == "1",
    )
    messages.success(request, f"已{workflow.EVENTS[event].label}。")
    return redirect("disclosure:detail", pk=result.pk)


@login_required
@require_POST
@returns_to("disclosure:detail", "pk")
def attachment_add(request: HttpRequest, pk: int) -> HttpResponse:
    """A refused file (``UploadRefused``) or change (``TransitionError``) becomes a message
    on the item's page through the error boundary (``gongkai.core.errors``)."""
    item = _item(request, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "请选择要上传的文件。")
        return redirect("disclosure:detail", pk=item.pk)
    upload = form.cleaned_data["file"]
    check_size(upload.name, upload.size)  # before reading it into memory
    services.add_attachment(item, request.user, upload.name, upload.read())
    messages.success(request, f"附件“{upload.name}”已上传。")
    return redirect("disclosure:detail", pk=item.pk)


@login_required
def table2_view(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    organ = _organ(request, slug)
    entry = Table2Entry.objects.filter(organ=organ, year=year).first()
    form = Table2EntryForm(request.POST or None, instance=entry)
    if request.method == "POST":
        if not organ_rules.can_handle_cases(request.user, organ):
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.set_table2_entry(organ, year, request.user, **data)
            except workflow.TransitionError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, f"{year}年表二数据已保存。")
                return redirect("disclosure:table2", slug=slug, year=year)
    return render(
        request,
        "disclosure/table2.html",
        {
            "organ": organ,
            "year": year,
            "blocks": table2_rows(stats.table2(organ, year)),
            "form": form,
            "entry": entry,
        },
    )


def table2_rows(
    table: Table2,
) -> list[tuple[schema.Table2Block, list[tuple[str, list[tuple[str, Any]]]]]]:
    """Table 二 laid out as the national form's blocks, rows and cells (from the schema)."""
    out = []
    for block in schema.TABLE2_BLOCKS:
        rows = []
        for row in block.rows:
            value = getattr(table, row.key)
            if block.is_counted_by_column:
                cells = [(f"{row.key}.{c.key}", getattr(value, c.key)) for c in block.columns]
            else:
                cells = [(row.key, value)]
            rows.append((row.label, cells))
        out.append((block, rows))
    return out


@login_required
def timeliness_view(request: HttpRequest) -> HttpResponse:
    try:
        year = int(request.GET.get("year") or timezone.localdate().year)
    except ValueError:
        year = timezone.localdate().year
    organs = [o for o in case_organs(request.user).order_by("name")]
    return render(
        request,
        "disclosure/timeliness.html",
        {
            "rows": stats.timeliness(organs, year),
            "late": stats.late_items(organs, year),
            "year": year,
        },
    )


@login_required
def guide_edit(request: HttpRequest, slug: str) -> HttpResponse:
    organ = _organ(request, slug)
    if not (
        organ_rules.can_handle_cases(request.user, organ)
        or organ_rules.can_manage_people(request.user, organ)
    ):
        raise PermissionDenied
    guide = guide_for(organ)
    form = GuideForm(request.POST or None, instance=guide)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "公开指南已更新。")
        return redirect("portal:guide", slug=organ.slug)
    return render(request, "disclosure/guide_form.html", {"form": form, "organ": organ})
