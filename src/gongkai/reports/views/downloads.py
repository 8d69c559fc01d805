"""Downloads: DOCX, PDF, XLSX and JSON of a report.

A published report is served from the files stored at publication (never re-rendered);
a draft is rendered on the fly from today's numbers and texts.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.http import content_disposition_header

from gongkai.annual import AnnualReport, render_docx, render_pdf, render_xlsx
from gongkai.annual.render import render_html

from .. import compute
from ..models import CONTENT_TYPES, AnnualReportDraft, FileFormat, PublishedFile
from .common import draft_for, organ_for

DOWNLOADS = (FileFormat.DOCX, FileFormat.PDF, FileFormat.XLSX, FileFormat.JSON)


def file_name(draft_or_organ_name: str, year: int, fmt: str, *, draft: bool = False) -> str:
    suffix = "（草稿）" if draft else ""
    return f"{draft_or_organ_name}{year}年政府信息公开工作年度报告{suffix}.{fmt}"


def file_response(content: bytes, fmt: str, name: str, *, attachment: bool = True) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPES[FileFormat(fmt)])
    disposition = content_disposition_header(attachment, name)
    if disposition is not None:  # None only for an inline response without a file name
        response["Content-Disposition"] = disposition
    response["X-Content-Type-Options"] = "nosniff"
    return response


def stored(draft: AnnualReportDraft, fmt: str) -> HttpResponse:
    row = PublishedFile.objects.filter(draft=draft, fmt=fmt).first()
    if row is None:
        raise Http404("没有这种格式的文件")
    return file_response(bytes(row.content), fmt, file_name(draft.organ.name, draft.year, fmt))


@login_required
def download(request: HttpRequest, slug: str, year: int, fmt: str) -> HttpResponse:
    organ = organ_for(request, slug)
    if fmt not in DOWNLOADS:
        raise Http404("不支持这种格式")
    draft = draft_for(organ, year)
    if draft is not None and draft.is_published:
        return stored(draft, fmt)
    report = compute.draft_report(draft) if draft is not None else compute.computed(organ, year)
    renderers: dict[FileFormat, Callable[[AnnualReport], bytes]] = {
        FileFormat.DOCX: render_docx,
        FileFormat.PDF: render_pdf,
        FileFormat.XLSX: render_xlsx,
        FileFormat.JSON: lambda r: r.to_json().encode("utf-8"),
        FileFormat.HTML: lambda r: render_html(r).encode("utf-8"),
    }
    content = renderers[FileFormat(fmt)](report)
    return file_response(content, fmt, file_name(organ.name, year, fmt, draft=True))
