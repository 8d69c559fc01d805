"""Notices and the reply letter (告知书): text for the outbox, DOCX and PDF for printing.

The decision paragraph and the legal basis come from the answer chosen (``answers``); the
applicant's remedies are printed on every reply.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from . import answers
from .workflow import Event

if TYPE_CHECKING:
    from .models import Application, CaseEvent

REMEDIES = (
    "如对本答复不服，可以自收到本答复之日起60日内依法申请行政复议，"
    "或者自收到本答复之日起6个月内依法向人民法院提起行政诉讼。"
)


def _cn_date(day: date | None) -> str:
    if day is None:
        return "（未定）"
    return f"{day.year}年{day.month}月{day.day}日"


def notice_body(case: Application, source: CaseEvent, title: str) -> str:
    """The text of a notice queued in the outbox for ``source``."""
    head = f"{case.applicant_name}：\n    您于{_cn_date(case.received_on)}提出的政府信息公开申请（编号{case.number}）"
    kind = source.kind
    data: dict[str, Any] = source.data
    if kind == Event.CONFIRM:
        body = f"已于{_cn_date(source.on)}确认收到，答复期限自该日起计算。"
    elif kind == Event.REQUEST_CORRECTION:
        points = "\n".join(f"    {i}. {p}" for i, p in enumerate(data.get("points", []), 1))
        body = (
            "内容不够明确，根据《中华人民共和国政府信息公开条例》第三十条的规定，"
            f"请于{_cn_date(date.fromisoformat(data['reply_by']))}前一并补正以下事项：\n{points}\n"
            "    答复期限自本机关收到补正后的申请之日起计算。无正当理由逾期不补正的，视为放弃申请。"
        )
    elif kind == Event.APPROVE_EXTENSION:
        body = (
            f"因{source.reason or '情况复杂'}，经政府信息公开工作机构负责人同意，"
            f"答复期限延长{data.get('workdays')}个工作日，延长后的答复期限为{_cn_date(case.due_on)}"
            "（《中华人民共和国政府信息公开条例》第三十三条第二款）。"
        )
    elif kind == Event.SEND_FEE_NOTICE:
        body = (
            "需收取信息处理费。依据：《政府信息公开信息处理费管理办法》；"
            f"计算：{data.get('computation')}。请于{_cn_date(date.fromisoformat(data['pay_by']))}前缴纳；"
            "逾期未缴纳的，视为放弃申请，本机关不再处理。"
        )
    elif kind == Event.DELIVER:
        letter = reply_letter(case, source.on)
        body = "\n".join(letter.paragraphs)
    else:
        a = answers.answer(case.answer) if case.answer else None
        body = a.decision_text(source.reason) if a else source.reason
    return f"{title}\n{head}{body}"


@dataclass(frozen=True)
class Letter:
    title: str
    organ: str
    number: str
    paragraphs: tuple[str, ...]
    basis: str
    signed: str
    dated: str


def reply_letter(case: Application, on: date | None = None) -> Letter:
    a = answers.answer(case.answer or "other")
    reason = _reply_reason(case)
    paragraphs = (
        f"{case.applicant_name}：",
        f"本机关于{_cn_date(case.received_on)}收到您提出的政府信息公开申请（编号{case.number}），"
        f"申请获取：{case.information}",
        a.decision_text(reason),
        f"依据：{a.basis}。",
        REMEDIES,
        *_attachments(case),
    )
    return Letter(
        title="政府信息公开申请答复书",
        organ=case.organ.name,
        number=case.number,
        paragraphs=paragraphs,
        basis=a.basis,
        signed=case.organ.name,
        dated=_cn_date(on or case.closed_on),
    )


def _attachments(case: Application) -> tuple[str, ...]:
    """附件 lines naming the files provided with the reply (none: no lines)."""
    from .services import reply_files

    names = [f.name for f in reply_files(case)]
    if not names:
        return ()
    return ("附件：", *(f"{i}. {name}" for i, name in enumerate(names, 1)))


def _reply_reason(case: Application) -> str:
    draft = case.events.filter(kind=Event.DRAFT_REPLY).order_by("-seq").first()
    return draft.reason if draft else ""


def letter_docx(letter: Letter) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = Document()
    heading = doc.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.add_run(letter.organ).bold = True
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run(letter.title).bold = True
    number = doc.add_paragraph(f"编号：{letter.number}")
    number.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for text in letter.paragraphs:
        doc.add_paragraph(text)
    for text in (letter.signed, letter.dated):
        p = doc.add_paragraph(text)
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def letter_html(letter: Letter) -> str:
    from django.template.loader import render_to_string

    return render_to_string("applications/letter.html", {"letter": letter})


def letter_pdf(letter: Letter) -> bytes:
    from weasyprint import HTML

    pdf: bytes = HTML(string=letter_html(letter)).write_pdf()
    return pdf
