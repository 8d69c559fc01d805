"""The reply letter (答复告知书) as DOCX or PDF, for the organ's staff.

Once delivered, the letter is the delivered notice as issued (its 文号 and date); before,
a draft from the current reply, without 文号 or date (both are given on delivery).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from .. import documents, rules, services
from ..letters import delivered_letter, reply_letter
from .common import get_case


@login_required
def letter(request: HttpRequest, number: str, fmt: str) -> HttpResponse:
    case = get_case(request, number)
    if fmt not in documents.CONTENT_TYPES:
        raise Http404("仅支持 docx 或 pdf")
    if not rules.can_see_personal_data(request.user, case):
        raise PermissionDenied("答复书载有申请人个人信息，仅本机关工作人员可以下载")
    if not case.answer:
        raise Http404("尚未选择答复类型，无法生成答复书")
    services.log_personal_data_view(case, request.user, f"letter_{fmt}")
    doc = delivered_letter(case) or reply_letter(case)
    response = HttpResponse(documents.render(doc, fmt), content_type=documents.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{case.number}.{fmt}"'
    return response
