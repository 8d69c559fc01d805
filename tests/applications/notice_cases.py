"""Every notice an applicant can receive, issued through the services (for the notice tests)."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from gongkai.applications import repeats, services
from gongkai.applications.models import Application, Notice
from gongkai.applications.workflow import Event, State
from gongkai_demo.simulate import REPLY_REASONS

from .factories import APPLICANT, DATA, PATHS, REASONS, Staff, as_system, make_case

ISSUED_ON = date(2025, 6, 16)
LAPSED_ON = date(2025, 8, 1)
"""After the 补正 (7 July) and payment (14 July) deadlines of notices sent on ISSUED_ON."""

SETTINGS = {
    "notice_number_pattern": "测试发改〔{年}〕依申请第{号}号",
    "reconsideration_body": "测试区人民政府",
    "court": "测试区人民法院",
    "office_name": "测试区发展和改革局政府信息公开办公室",
    "office_address": "测试市测试路8号",
    "office_postcode": "100001",
    "office_phone": "010-12345678",
    "office_email": "gongkai@fgj.example.gov.cn",
}
BASE_URL = "https://gongkai.example.gov.cn"
NUMBER = r"测试发改〔\d{4}〕依申请第\d+号"

PDF = b"%PDF-1.4\n% test\n"


def configured(staff: Staff | None = None, **settings: str) -> Staff:
    """Staff of an organ with every notice setting filled in (``settings`` override)."""
    staff = staff or Staff()
    for name, value in {**SETTINGS, **settings}.items():
        setattr(staff.organ, name, value)
    staff.organ.save()
    return staff


def upload(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF)


def delivered(
    staff: Staff,
    answer: str,
    *,
    files: Sequence[Any] = (),
    titles: Sequence[str] = (),
    received_on: date = ISSUED_ON,
) -> Application:
    """A case answered with ``answer`` (the demo's real reason) and delivered."""
    case = make_case(staff, received_on=received_on, on=ISSUED_ON)
    data: dict[str, Any] = {"answer": answer}
    if titles:
        data["file_titles"] = list(titles)
    services.apply(
        case,
        Event.DRAFT_REPLY,
        staff.officer,
        REPLY_REASONS.get(answer, ""),
        data=data,
        files=list(files),
    )
    for event, who in PATHS[State.CLOSED][1:]:
        services.apply(
            case, event, getattr(staff, who), REASONS.get(event, ""), data=DATA.get(event)
        )
    return case


def _confirm(staff: Staff, travel: Callable[[date], None]) -> Application:
    case, _ = services.submit_online(staff.organ, {**APPLICANT})
    services.apply(case, Event.CONFIRM, staff.officer, data={"receipt_basis": "confirmed"})
    return case


def _extension(staff: Staff, travel: Callable[[date], None]) -> Application:
    case = make_case(staff, State.EXTENSION_PENDING)
    services.apply(case, Event.APPROVE_EXTENSION, staff.head, "同意延期")
    return case


def _lapse(state: State, event: Event) -> Callable[[Staff, Callable[[date], None]], Application]:
    def issue(staff: Staff, travel: Callable[[date], None]) -> Application:
        case = make_case(staff, state)
        travel(LAPSED_ON)
        as_system(case, event, LAPSED_ON)
        return case

    return issue


def _merge(staff: Staff, travel: Callable[[date], None]) -> Application:
    first, _ = services.submit_online(staff.organ, {**APPLICANT})
    second, _ = services.submit_online(staff.organ, {**APPLICANT})
    repeats.merge(second, first.number, staff.officer)
    return second


ISSUE: dict[Event, Callable[[Staff, Callable[[date], None]], Application]] = {
    Event.CONFIRM: _confirm,
    Event.REQUEST_CORRECTION: lambda staff, travel: make_case(staff, State.CORRECTION),
    Event.APPROVE_EXTENSION: _extension,
    Event.SEND_FEE_NOTICE: lambda staff, travel: make_case(staff, State.FEE_PENDING),
    Event.DELIVER: lambda staff, travel: delivered(staff, "granted"),
    Event.CORRECTION_LAPSED: _lapse(State.CORRECTION, Event.CORRECTION_LAPSED),
    Event.FEE_LAPSED: _lapse(State.FEE_PENDING, Event.FEE_LAPSED),
    Event.MERGE: _merge,
}
"""How each notifying event is reached (on ISSUED_ON; the lapses on LAPSED_ON)."""

APPEALABLE = {Event.DELIVER, Event.CORRECTION_LAPSED, Event.FEE_LAPSED}
"""The notices that decide against the applicant and so end with the remedies."""


def issue(kind: Event, staff: Staff, travel: Callable[[date], None]) -> Notice:
    travel(ISSUED_ON)
    case = ISSUE[kind](staff, travel)
    return Notice.objects.select_related("event", "application__organ").get(
        application=case, kind=kind
    )


def docx_text(content: bytes) -> list[str]:
    from docx import Document

    return [p.text for p in Document(io.BytesIO(content)).paragraphs if p.text]


def pdf_text(content: bytes) -> str:
    """The PDF's text with its line breaks removed (paragraphs are wrapped on the page)."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(content)) as opened:
        return "".join(page.extract_text() or "" for page in opened.pages).replace("\n", "")
