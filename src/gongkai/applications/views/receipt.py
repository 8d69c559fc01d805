"""The printable receipt (回执) of an online application, as PDF.

Only the browser session that has just submitted may download it: the same session entry
(``public.SUBMITTED``) as the confirmation page, for the same ``public.PRIVATE_FOR``.
"""

from __future__ import annotations

import time
from datetime import date
from urllib.parse import quote

from django.http import Http404, HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache

from .. import lookup
from ..models import Application
from .public import PRIVATE_FOR, SUBMITTED

FILENAME = "回执.pdf"
ANSWER_WORKDAYS = 20
"""条例第三十三条: the answer within 20 working days of receipt."""


def just_submitted(request: HttpRequest) -> tuple[Application, str] | None:
    """The case this session submitted within ``PRIVATE_FOR`` seconds, and its token."""
    submitted = request.session.get(SUBMITTED) or {}
    if not isinstance(submitted, dict):
        return None
    if time.time() - float(submitted.get("at", 0)) > PRIVATE_FOR:
        return None
    token = str(submitted.get("token", ""))
    case = lookup.case_for_token(str(submitted.get("number", "")), token)
    return None if case is None else (case, token)


def submitted_on(case: Application) -> date:
    day: date = timezone.localtime(case.created_at).date()
    return day


def receipt_pdf(case: Application, code: str, status_url: str) -> bytes:
    from weasyprint import HTML

    html = render_to_string(
        "applications/receipt.html",
        {
            "case": case,
            "code": code,
            "submitted_on": submitted_on(case),
            "status_url": status_url,
            "workdays": ANSWER_WORKDAYS,
        },
    )
    pdf: bytes = HTML(string=html).write_pdf()
    return pdf


@never_cache
def download(request: HttpRequest) -> HttpResponse:
    """``回执.pdf`` of the application this session just submitted (404 for anyone else)."""
    found = just_submitted(request)
    if found is None:
        raise Http404("没有刚提交的申请：回执只能在提交申请后30分钟内、由提交申请的浏览器下载")
    case, token = found
    status_url = request.build_absolute_uri(reverse("applications_public:status"))
    body = receipt_pdf(case, lookup.lookup_code(token), status_url)
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = (
        f"attachment; filename=\"receipt-{case.number}.pdf\"; filename*=UTF-8''{quote(FILENAME)}"
    )
    response["Cache-Control"] = "private, no-store"
    return response
