"""The case page: facts, clock explanation, timeline, and the actions the user may take
(a menu opening one form at a time: ``case_actions``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from gongkai.core.errors import returns_to
from gongkai.deadlines import DeadlineError, provisional_warning

from .. import corrections, delivery, history, querysets, repeats, rules, services
from .. import files as reply_files
from ..clock import clock_state
from ..duplicates import probable_duplicates
from ..errors import DeliveryFailed, GuardFailed, InvalidDelivery, InvalidInput
from ..forms import AppealForm
from ..models import AppealOutcome, ReplyFile
from ..workflow import Event
from . import case_actions
from .common import get_case


@login_required
def detail(request: HttpRequest, number: str) -> HttpResponse:
    """The case page; ``?action=<event>`` opens that action's form."""
    case = get_case(request, number)
    return page(request, case, chosen=request.GET.get("action", ""))


def page(
    request: HttpRequest,
    case: Any,
    *,
    chosen: str = "",
    bound: case_actions.Bound | None = None,
    status: int = 200,
) -> HttpResponse:
    """The case page, with ``bound`` (a refused submission) shown again as it was typed."""
    personal = rules.can_see_personal_data(request.user, case)
    if personal:
        services.log_personal_data_view(case, request.user, "case_page")
    events = list(case.events.order_by("seq"))
    clock = None
    if case.received_on is not None and case.state not in ("closed", "withdrawn"):
        try:
            clock = clock_state(case, events)
        except DeadlineError as exc:  # a year the calendar cannot compute is shown, not hidden
            messages.warning(request, f"无法计算期限：{exc}")
    actions, chosen = case_actions.menu(request.user, case, events, chosen=chosen, bound=bound)
    can_deliver = any(a.value == Event.DELIVER for a in actions)
    review = _review_note(case, events)
    repeat_options = []
    if case.state == "awaiting_confirmation" and any(
        t.event is Event.MERGE for t in rules.actions_for(request.user, case)
    ):
        others = probable_duplicates([case]).get(case.pk, [])[:5]
        repeat_options = [(o, repeats.option_for(case, o)) for o in others]
    return render(
        request,
        "applications/detail.html",
        {
            "case": case,
            "half_provisional": clock is not None and clock.is_provisional(case.half_on),
            "target_provisional": clock is not None and clock.is_provisional(case.target_on),
            "provisional_note": provisional_warning(clock.provisional_years) if clock else "",
            "personal": personal,
            "events": events,
            "clock": clock,
            "actions": actions,
            "chosen": chosen,
            "delivery_failure": delivery.failure(case, events) if can_deliver else None,
            "today": services.today(),
            "repeat_options": repeat_options,
            "review_note": review,
            "appeal_form": AppealForm(),
            "appeals": case.appeals.all(),
            "notices": case.notices.all(),
            "files": querysets.reply_files(case) if personal else [],
            "applicant_files": querysets.applicant_files(case) if personal else [],
            "corrections": corrections.received(case) if personal else [],
            "can_appeal": rules.can_record_appeal(request.user, case),
        },
        status=status,
    )


NEXT_LEVEL = {"review_first": "初审", "review_second": "复审", "review_final": "终审"}


def _review_note(case: Any, events: list[Any]) -> str:
    """Who has acted on the reply in review, and who may do the next level."""
    level = NEXT_LEVEL.get(case.state)
    if level is None:
        return ""
    names = {e.actor_id: e.actor_name for e in events if e.actor_id}
    done = "；".join(
        f"{label}：{names.get(uid, '')}" for uid, label in history.review_round(events).items()
    )
    who = "机构负责人" if level == "终审" else "审核人或机构负责人"
    return f"本轮{done}。{level}须由本机关其他{who}办理（三级审核由三个不同的人完成，拟稿人不能审核）。"


def _errors(request: HttpRequest, form: Any) -> None:
    """Each invalid field as one message: “label：what is wrong”."""
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        messages.error(request, f"{label}：{'；'.join(errors)}" if label else "；".join(errors))


@login_required
@require_POST
@returns_to("applications:detail", "number")
def act(request: HttpRequest, number: str, action: str) -> HttpResponse:
    """One action of the menu. A refused field (a file, a date, a missing detail) shows
    the page again with everything typed and the error at its field (400); a change
    someone else made first, a state or a role that does not allow it is turned into a
    message on the case page by the error boundary (``gongkai.core.errors``)."""
    case = get_case(request, number)
    seen = str(request.POST.get("version", ""))
    if seen.isdigit() and int(seen) != case.version:  # changed since the page was loaded
        raise services.conflict(case, int(seen))
    events = list(case.events.order_by("seq"))
    form = case_actions.bound(request, case, action, events)
    if not form.is_valid():
        _errors(request, form)
        return page(request, case, bound=(action, form), status=400)
    try:
        case_actions.perform(request.user, case, action, form)
    except DeliveryFailed as exc:
        messages.error(request, exc.message)
        return redirect("applications:detail", number=number)
    except (InvalidInput, GuardFailed) as exc:
        fields = exc.errors if isinstance(exc, InvalidDelivery) else {}
        for name, message in fields.items():
            form.add_error(name if name in form.fields else None, message)
        if not fields:
            form.add_error(None, exc.message)
        messages.error(request, exc.message)
        case = get_case(request, number)
        return page(request, case, bound=(action, form), status=exc.status)
    messages.success(request, f"已办理：{case_actions.label(action)}")
    return redirect("applications:detail", number=number)


@login_required
@require_POST
@returns_to("applications:detail", "number")
def appeal(request: HttpRequest, number: str) -> HttpResponse:
    case = get_case(request, number)
    if not rules.can_record_appeal(request.user, case):
        raise PermissionDenied("无权记录行政复议、行政诉讼")
    form = AppealForm(request.POST)
    if form.is_valid():
        services.lodge_appeal(case, request.user, **form.cleaned_data)
        messages.success(request, "已记录行政复议或行政诉讼")
    else:
        _errors(request, form)
    return redirect("applications:detail", number=number)


@login_required
@require_POST
@returns_to("applications:detail", "number")
def decide_appeal(request: HttpRequest, number: str, appeal_id: int) -> HttpResponse:
    case = get_case(request, number)
    appeal = case.appeals.filter(pk=appeal_id).first()
    if appeal is None:
        raise PermissionDenied("无此记录")
    outcome = request.POST.get("outcome", "")
    if outcome not in AppealOutcome.values:
        messages.error(request, "请选择复议或诉讼结果：结果维持、结果纠正或其他结果")
        return redirect("applications:detail", number=number)
    try:
        decided_on = date.fromisoformat(request.POST.get("decided_on", ""))
    except ValueError:
        messages.error(request, "审结日期应为有效日期，如2025-03-01")
        return redirect("applications:detail", number=number)
    if decided_on > services.today():
        raise InvalidInput(f"审结日期{decided_on.isoformat()}不能晚于今天")
    services.decide_appeal(appeal, request.user, outcome=outcome, decided_on=decided_on)
    messages.success(request, "已记录结果")
    return redirect("applications:detail", number=number)


@login_required
def file(request: HttpRequest, number: str, file_id: int) -> FileResponse:
    """A file of the case (the reply's, the applicant's documents, a 补正's): the organ's
    own staff only (404 for anyone else)."""
    case = get_case(request, number)
    if not rules.can_see_personal_data(request.user, case):
        raise Http404("未找到该文件，或无权查看")
    row = ReplyFile.objects.filter(application=case, pk=file_id).first()
    if row is None:
        raise Http404("未找到该文件，或无权查看")
    return reply_files.response(row)
