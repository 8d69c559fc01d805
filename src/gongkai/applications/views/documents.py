"""Notices as documents: each notice to the applicant as PDF (and DOCX for the staff).

- The organ's own staff download any notice of the case as PDF or DOCX (from the
  notices list on the case page; the PDF of a reply served on paper ends with its
  送达回证); supervisors, who see the case without the applicant's details, are refused,
  and staff of another organ do not see the case at all (404).
- The applicant, through the same access as the applicant page (the cookie the private
  link left, or a number found with its 查询码), downloads each notice as PDF, and after
  delivery the 答复告知书.

Every download is a view of personal data and is logged, like the reply letter's.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache

from .. import delivery, documents, rules, services
from ..documents import Document
from ..letters import LETTER_TITLE, delivered_letter
from ..models import Application, Notice
from .common import get_case
from .public import case_for_request, private_page

NOT_FOUND = "未找到该通知，请核对申请编号和查询链接"


def _notice_row(case: Application, notice_id: int) -> Notice:
    notice = case.notices.select_related("event", "application__organ").filter(pk=notice_id)
    found = notice.first()
    if found is None:
        raise Http404(NOT_FOUND)
    return found


def _notice(case: Application, notice_id: int) -> Document:
    return documents.of_notice(_notice_row(case, notice_id))


def _download(
    document: Document, fmt: str, filename: str, sheets: Sequence[Any] = ()
) -> HttpResponse:
    """``sheets`` (the 送达回证, the envelope) follow the document in a PDF."""
    content = (
        documents.pdf([document, *sheets])
        if sheets and fmt == "pdf"
        else documents.render(document, fmt)
    )
    response = HttpResponse(content, content_type=documents.CONTENT_TYPES[fmt])
    ascii_name = f"{document.case_number}.{fmt}"
    response["Content-Disposition"] = (
        f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}.{fmt}"
    )
    response["Cache-Control"] = "private, no-store"
    return response


def _filename(document: Document) -> str:
    return f"{document.title}-{document.case_number}"


@login_required
def staff_notice(request: HttpRequest, number: str, notice_id: int, fmt: str) -> HttpResponse:
    """One notice of the case as issued, for the organ's own staff."""
    case = get_case(request, number)
    if fmt not in documents.CONTENT_TYPES:
        raise Http404("仅支持 docx 或 pdf")
    if not rules.can_see_personal_data(request.user, case):
        raise PermissionDenied("通知载有申请人个人信息，仅本机关工作人员可以下载")
    notice = _notice_row(case, notice_id)
    document = documents.of_notice(notice)
    services.log_personal_data_view(case, request.user, f"notice_{fmt}")
    return _download(document, fmt, _filename(document), delivery.sheets_for(notice))


@never_cache
@private_page
def applicant_notice(request: HttpRequest, number: str, notice_id: int) -> HttpResponse:
    """One notice as PDF, for the applicant (404 without the link or the 查询码)."""
    case = case_for_request(request, number)
    if case is None:
        raise Http404(NOT_FOUND)
    document = _notice(case, notice_id)
    services.log_personal_data_view(case, None, "applicant_notice_pdf")
    return _download(document, "pdf", _filename(document))


@never_cache
@private_page
def applicant_reply(request: HttpRequest, number: str) -> HttpResponse:
    """The 答复告知书 as PDF once the reply is delivered (404 before, or without access)."""
    case = case_for_request(request, number)
    document = delivered_letter(case) if case is not None else None
    if case is None or document is None:
        raise Http404("未找到答复告知书：答复送达后可以下载，请核对申请编号和查询链接")
    services.log_personal_data_view(case, None, "applicant_reply_pdf")
    return _download(document, "pdf", f"{LETTER_TITLE}-{case.number}")
