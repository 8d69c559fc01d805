"""The reply letter (告知书) as DOCX or PDF."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from .. import rules, services
from ..letters import letter_docx, letter_pdf, reply_letter
from .common import get_case

TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


@login_required
def letter(request: HttpRequest, number: str, fmt: str) -> HttpResponse:
    case = get_case(request, number)
    if fmt not in TYPES:
        raise Http404("仅支持 docx 或 pdf")
    if not rules.can_see_personal_data(request.user, case):
        raise PermissionDenied("答复书载有申请人个人信息，仅本机关工作人员可以下载")
    if not case.answer:
        raise Http404("尚未选择答复类型，无法生成答复书")
    services.log_personal_data_view(case, request.user, f"letter_{fmt}")
    doc = reply_letter(case)
    body = letter_docx(doc) if fmt == "docx" else letter_pdf(doc)
    response = HttpResponse(body, content_type=TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{case.number}.{fmt}"'
    return response
