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


def remedies(organ: Any) -> str:
    """救济途径: the 复议机关 and the court from the organ's settings, and the periods
    (60 days, 行政复议法第二十条; six months, 行政诉讼法第四十六条)."""
    body = getattr(organ, "reconsideration_body", "").strip()
    court = getattr(organ, "court", "").strip()
    to_body = f"向{body}" if body else "依法向有管辖权的行政复议机关"
    to_court = f"向{court}" if court else "依法向有管辖权的人民法院"
    return (
        f"如对本答复不服，可以自收到本告知书之日起60日内{to_body}申请行政复议，"
        f"或者自收到本告知书之日起6个月内{to_court}提起行政诉讼。"
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
        body = f"已于{_cn_date(source.on)}确认收到，答复期限自该日起计算。{_answer_period(case)}"
    elif kind == Event.REQUEST_CORRECTION:
        points = "\n".join(f"    {i}. {p}" for i, p in enumerate(data.get("points", []), 1))
        if data.get("reply_by_provisional"):
            by = f"自本通知发出之日起{data.get('reply_workdays', 15)}个工作日内"
        else:
            by = f"于{_cn_date(date.fromisoformat(data['reply_by']))}前"
        body = (
            "内容不够明确，根据《中华人民共和国政府信息公开条例》第三十条的规定，"
            f"请{by}一并补正以下事项：\n{points}\n"
            "    答复期限自本机关收到补正后的申请之日起计算。无正当理由逾期不补正的，视为放弃申请。"
        )
    elif kind == Event.APPROVE_EXTENSION:
        if case.due_provisional:
            total = services_answer_days() + int(data.get("workdays", 0))
            until = f"即自收到申请之日起{total}个工作日内作出答复（依法不计算在内的期间除外）"
        else:
            until = f"延长后的答复期限为{_cn_date(case.due_on)}"
        body = (
            f"因{_extension_reason(case, source)}，经政府信息公开工作机构负责人同意，"
            f"答复期限延长{data.get('workdays')}个工作日，{until}"
            "（《中华人民共和国政府信息公开条例》第三十三条第二款）。"
        )
    elif kind == Event.SEND_FEE_NOTICE:
        if data.get("pay_by_provisional"):
            by = "自本通知发出之日起20个工作日内"
        else:
            by = f"于{_cn_date(date.fromisoformat(data['pay_by']))}前"
        body = (
            "需收取信息处理费。依据：《政府信息公开信息处理费管理办法》；"
            f"计算：{data.get('computation')}。请{by}缴纳；"
            "逾期未缴纳的，视为放弃申请，本机关不再处理。"
        )
    elif kind == Event.DELIVER:
        letter = reply_letter(case, source.on)
        return "\n".join((title, *letter.paragraphs, letter.signed, letter.dated))
    else:
        a = answers.answer(case.answer) if case.answer else None
        body = a.decision_text(source.reason) if a else source.reason
    # 落款: every notice is signed by the organ and dated the day it was made.
    return f"{title}\n{head}{body}\n{case.organ.name}\n{_cn_date(source.on)}"


def services_answer_days() -> int:
    from .services import ANSWER_DAYS

    return ANSWER_DAYS


def _extension_reason(case: Application, approval: CaseEvent) -> str:
    """Why the period is extended: the officer's reason from the request, never the
    head's approval comment (which stays internal)."""
    request = (
        case.events.filter(kind=Event.REQUEST_EXTENSION, seq__lt=approval.seq)
        .order_by("-seq")
        .first()
    )
    reason = request.reason.strip().rstrip("。") if request is not None else ""
    return reason or "需要调取、查找的信息较多，在法定期限内难以答复"


def _answer_period(case: Application) -> str:
    """The answer period as a letter states it: the date only when it is final (a date
    resting on a year whose holiday notice is not entered yet is never printed)."""
    period = "本机关将自收到申请之日起20个工作日内作出答复（《中华人民共和国政府信息公开条例》第三十三条第二款）"
    if case.due_on is None or case.due_provisional:
        return period + "。"
    return f"{period}，即最迟于{_cn_date(case.due_on)}答复。"


LETTER_TITLE = "政府信息公开申请答复告知书"


@dataclass(frozen=True)
class Letter:
    title: str
    organ: str
    number: str
    salutation: str
    body: tuple[str, ...]
    """The paragraphs after the salutation (indented): request, decision, basis, remedies."""
    attachments: tuple[str, ...]
    contact: str
    basis: str
    signed: str
    dated: str

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """Every paragraph between the number and the signature, in order (the notice text)."""
        lines = (self.salutation, *self.body, *self.attachments)
        return (*lines, self.contact) if self.contact else lines


def reply_letter(case: Application, on: date | None = None) -> Letter:
    a = answers.answer(case.answer or "other")
    reason = _reply_reason(case)
    document = f"（文号：{case.document_number}）" if case.document_number else ""
    day = on or case.closed_on
    body = (
        f"本机关于{_cn_date(case.received_on)}收到您提出的政府信息公开申请"
        f"（申请编号{case.number}），您申请获取“{case.information.strip()}”{document}。"
        "现答复如下：",
        a.decision_text(reason, attached=bool(_attachments(case))),
        f"本答复的法律依据：{a.basis}。",
        remedies(case.organ),
    )
    return Letter(
        title=LETTER_TITLE,
        organ=case.organ.name,
        number=case.number,
        salutation=f"{case.applicant_name}：",
        body=body,
        attachments=_attachments(case),
        contact=_contact(case),
        basis=a.basis,
        signed=case.organ.name,
        dated=_cn_date(day) if day else "年　　月　　日",
    )


def _contact(case: Application) -> str:
    """The disclosure office's contact details as the organ recorded them (may be empty)."""
    organ = case.organ
    parts = [
        f"{label}：{value}"
        for label, value in (
            ("联系机构", getattr(organ, "office_name", "")),
            ("地址", getattr(organ, "office_address", "")),
            ("联系电话", getattr(organ, "office_phone", "")),
        )
        if value
    ]
    return "；".join(parts) + "。" if parts else ""


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
    """A4, GB/T 9704 margins; 宋体 title, 仿宋 body at 三号 (16 pt), first lines indented."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(16)
    normal.font.name = "Times New Roman"
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋")
    normal.paragraph_format.line_spacing = Pt(28)
    normal.paragraph_format.space_after = Pt(0)

    def add(text: str, *, align: Any = None, indent: bool = False, size: int = 0) -> None:
        p = doc.add_paragraph()
        run = p.add_run(text)
        if size:
            run.bold = True
            run.font.size = Pt(size)
            run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
            p.paragraph_format.space_after = Pt(12)
        if align is not None:
            p.alignment = align
        if indent:
            p.paragraph_format.first_line_indent = Pt(32)

    add(letter.organ, align=WD_ALIGN_PARAGRAPH.CENTER, size=18)
    add(letter.title, align=WD_ALIGN_PARAGRAPH.CENTER, size=22)
    add(f"申请编号：{letter.number}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    add(letter.salutation)
    for text in letter.body:
        add(text, indent=True)
    for text in letter.attachments:
        add(text, indent=True)
    if letter.contact:
        add(letter.contact, indent=True)
    add("")
    for text in (letter.signed, letter.dated):
        add(text, align=WD_ALIGN_PARAGRAPH.RIGHT)
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
