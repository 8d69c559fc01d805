"""Back-office pages of 网民留言: the list (most urgent first), one message with the actions
its state and the user's roles allow, files, and the organ's reply period.

Every query is fenced by ``case_organs``: another organ's message is a 404.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from gongkai.applications import files as file_rules
from gongkai.core.errors import returns_to
from gongkai.organs.models import Membership, Organ
from gongkai.organs.querysets import case_organs
from gongkai.organs.roles import Role

from .. import services, workflow
from ..forms import ConvertForm, ReplyForm, SettingsForm, TransferForm
from ..models import Message, ReplySettings

PER_PAGE = 30


def _message(request: HttpRequest, number: str) -> Message:
    return get_object_or_404(
        Message.objects.select_related("organ", "application", "drafted_by"),
        number=number,
        organ__in=case_organs(request.user),
    )


@login_required
def message_list(request: HttpRequest) -> HttpResponse:
    organs = list(case_organs(request.user).order_by("name"))
    rows = Message.objects.filter(organ__in=organs).select_related("organ")
    state = request.GET.get("state", "open")
    if state == "open":
        rows = rows.filter(state__in=workflow.OPEN_STATES)
    elif state in workflow.STATE_LABELS:
        rows = rows.filter(state=state)
    organ = request.GET.get("organ", "")
    if organ:
        rows = rows.filter(organ__slug=organ)
    page = Paginator(rows.order_by("due_on", "id"), PER_PAGE).get_page(request.GET.get("page"))
    settable = [o for o in organs if _may_set(request.user, o)]
    return render(
        request,
        "interaction/office_list.html",
        {
            "page": page,
            "states": workflow.STATES,
            "state": state,
            "organs": organs,
            "organ": organ,
            "today": services.today(),
            "settable": [(o, services.reply_workdays(o)) for o in settable],
        },
    )


def _may_set(user: Any, organ: Organ) -> bool:
    return Membership.objects.filter(
        user=user, organ=organ, role__in=[Role.HEAD, Role.ADMIN]
    ).exists()


@login_required
def detail(request: HttpRequest, number: str) -> HttpResponse:
    message = _message(request, number)
    return _detail(request, message)


def _detail(
    request: HttpRequest,
    message: Message,
    *,
    reply_form: ReplyForm | None = None,
    transfer_form: TransferForm | None = None,
    convert_form: ConvertForm | None = None,
    status: int = 200,
) -> HttpResponse:
    roles = services.roles_of(request.user, message.organ)
    allowed = {t.event for t in workflow.allowed_events(message.state, roles)}
    reviewer = workflow.REVIEWER in roles
    return render(
        request,
        "interaction/office_detail.html",
        {
            "message": message,
            "events": message.events.select_related("actor"),
            "files": message.files.all(),
            "allowed": allowed,
            "reply_form": reply_form or ReplyForm(initial={"reply": message.reply}),
            "transfer_form": transfer_form or TransferForm(prefix="transfer"),
            "convert_form": convert_form
            or ConvertForm(prefix="convert", initial=_applicant_guess(message)),
            "today": services.today(),
            "own_draft": message.drafted_by_id == request.user.pk,
            "can_publish": reviewer and message.state == workflow.REPLIED and message.publishable,
        },
        status=status,
    )


def _applicant_guess(message: Message) -> dict[str, str]:
    contact = message.contact.strip()
    return {
        "applicant_type": "natural_person",
        "applicant_name": message.name,
        "email": contact if "@" in contact else "",
        "phone": contact if contact and "@" not in contact else "",
    }


def _refused(request: HttpRequest, message: Message, exc: services.MessageError) -> HttpResponse:
    if exc.status == 403:
        raise PermissionDenied(exc.message)
    flash.error(request, exc.message)
    return _detail(request, message, status=exc.status)


@login_required
@require_POST
@returns_to("interaction:detail", "number")
def act(request: HttpRequest, number: str) -> HttpResponse:
    """One action on a message: ``draft``, ``submit``, ``approve``, ``send_back``,
    ``transfer``, ``convert``, ``publish`` or ``unpublish``."""
    message = _message(request, number)
    action = request.POST.get("action", "")
    user = request.user
    try:
        if action == "draft":
            form = ReplyForm(request.POST)
            if not form.is_valid():
                return _detail(request, message, reply_form=form, status=400)
            services.save_draft(message, user, form.cleaned_data["reply"])
            if request.POST.get("and_submit"):
                services.submit_reply(message, user)
                flash.success(request, "答复已提交审核。")
            else:
                flash.success(request, "答复草稿已保存。")
        elif action == "submit":
            services.submit_reply(message, user)
            flash.success(request, "答复已提交审核。")
        elif action == "approve":
            services.approve(message, user, publish=bool(request.POST.get("publish")))
            flash.success(request, "已审核通过，答复已发送给留言人。")
        elif action == "send_back":
            services.send_back(message, user, request.POST.get("note", ""))
            flash.success(request, "已退回起草人修改。")
        elif action == "transfer":
            tform = TransferForm(request.POST, prefix="transfer")
            if not tform.is_valid():
                return _detail(request, message, transfer_form=tform, status=400)
            d = tform.cleaned_data
            services.transfer(message, user, d["target"], d["note"])
            flash.success(request, f"已转{d['target'].name}办理。")
        elif action == "convert":
            cform = ConvertForm(request.POST, prefix="convert")
            if not cform.is_valid():
                return _detail(request, message, convert_form=cform, status=400)
            d = dict(cform.cleaned_data)
            note = d.pop("note")
            case = services.convert(message, user, services.Applicant(**d), note)
            flash.success(request, f"已转为政府信息公开申请{case.number}。")
        elif action in ("publish", "unpublish"):
            services.set_public(message, user, action == "publish", request.POST.get("note", ""))
            flash.success(
                request, "已在留言选登中公开。" if action == "publish" else "已撤下选登。"
            )
        else:
            raise Http404("未知的操作")
    except services.MessageError as exc:
        return _refused(request, message, exc)
    return redirect("interaction:detail", number=message.number)


@login_required
def file(request: HttpRequest, number: str, file_id: int) -> FileResponse:
    message = _message(request, number)
    row = get_object_or_404(message.files, pk=file_id)
    return file_rules.response(row)


@login_required
def reply_settings(request: HttpRequest, slug: str) -> HttpResponse:
    organ = get_object_or_404(case_organs(request.user), slug=slug)
    if not _may_set(request.user, organ):
        raise PermissionDenied("只有机构负责人或系统管理员可以设置留言答复期限")
    form = SettingsForm(
        request.POST if request.method == "POST" else None,
        initial={"workdays": services.reply_workdays(organ)},
    )
    if request.method == "POST" and form.is_valid():
        ReplySettings.objects.update_or_create(
            organ=organ, defaults={"workdays": form.cleaned_data["workdays"]}
        )
        flash.success(
            request,
            f"{organ.name}的留言答复期限已设为{form.cleaned_data['workdays']}个工作日"
            "（对此后收到的留言适用）。",
        )
        return redirect("interaction:list")
    return render(
        request,
        "interaction/settings.html",
        {"organ": organ, "form": form},
        status=400 if request.method == "POST" else 200,
    )
