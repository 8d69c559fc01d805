"""One step for a probable duplicate from the 待确认 list or the case page: merge or refuse."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from gongkai.core.errors import returns_to

from .. import repeats
from ..errors import InvalidInput
from .common import get_case


@login_required
@require_POST
@returns_to("applications:detail", "number")
def repeat(request: HttpRequest, number: str) -> HttpResponse:
    case = get_case(request, number)
    try:
        case.version = int(request.POST.get("version", ""))
    except ValueError:
        raise InvalidInput("页面已过期，请刷新后重试") from None
    action = request.POST.get("action", "")
    other = request.POST.get("other", "")
    if action == repeats.MERGE:
        repeats.merge(case, other, request.user)
        messages.success(request, f"申请{case.number}已合并至{other}，已通知申请人")
    elif action == repeats.REFUSE:
        repeats.refuse_repeated(case, other, request.user)
        messages.success(
            request, f"申请{case.number}已确认收到，并拟写“重复申请不予处理”答复，已提交初审"
        )
    else:
        raise InvalidInput("请选择“合并”或“不予处理（重复申请）”")
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(back, {request.get_host()}):
        return redirect(back)
    return redirect("applications:detail", number=case.number)
