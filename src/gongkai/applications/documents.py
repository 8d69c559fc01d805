"""A notice to the applicant as a document, and its three renderings: text, DOCX and PDF.

Every notice (受理告知, 补正申请告知书, 延长答复期限告知书, 收费通知书, 答复告知书, 终止处理告知,
申请合并处理告知书) has the same parts: title, 文号, the case number, the addressee (once),
the body paragraphs, the attachments (only when there are some), the office's contact
details, the 落款 (the organ's full name) and the date. ``letters`` writes the words;
this module lays them out. A notice keeps its document as issued (``Notice.document``,
``as_json``), so its text, DOCX and PDF are always the notice that was sent.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar, Final

SCHEMA: Final = "notice-document/1"


def cn_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


@dataclass(frozen=True)
class Document:
    kind: ClassVar[str] = "letter"
    """How ``letter.html`` lays the page out (the 送达回证 and the envelope have their own)."""
    title: str
    organ: str
    """The issuing organ's full name (the heading and the 落款)."""
    case_number: str
    salutation: str
    """The addressee, once: ``张三：``."""
    body: tuple[str, ...]
    """The paragraphs after the salutation (each printed indented)."""
    number: str = ""
    """The 文号; empty until the notice is issued (a draft prints no number line)."""
    attachments: tuple[str, ...] = ()
    """The attachments' titles; none: no 附件 block."""
    contact: str = ""
    dated: date | None = None
    """The date of the 落款; None for a draft not yet issued (no date line)."""

    @property
    def signed(self) -> str:
        return self.organ

    @property
    def date_line(self) -> str:
        return cn_date(self.dated) if self.dated else ""

    @property
    def attachment_lines(self) -> tuple[str, ...]:
        """``附件：`` and the numbered titles (nothing when there are no attachments)."""
        if not self.attachments:
            return ()
        return ("附件：", *(f"{i}. {title}" for i, title in enumerate(self.attachments, 1)))

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """Everything between the number and the signature, in order."""
        lines = (self.salutation, *self.body, *self.attachment_lines)
        return (*lines, self.contact) if self.contact else lines

    def text(self) -> str:
        """The plain text (the notice's ``body``, the e-mail): title, 文号, salutation,
        paragraphs indented with two full-width spaces, attachments, 落款 and date."""
        lines = [self.title]
        if self.number:
            lines.append(self.number)
        lines.append(self.salutation)
        lines.extend(f"　　{p}" for p in self.body)
        lines.extend(f"　　{p}" for p in self.attachment_lines)
        if self.contact:
            lines.append(f"　　{self.contact}")
        lines.append(self.signed)
        if self.dated:
            lines.append(self.date_line)
        return "\n".join(lines)

    def as_json(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "title": self.title,
            "number": self.number,
            "organ": self.organ,
            "case_number": self.case_number,
            "salutation": self.salutation,
            "body": list(self.body),
            "attachments": list(self.attachments),
            "contact": self.contact,
            "signed": self.signed,
            "date": self.dated.isoformat() if self.dated else "",
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Document:
        day = str(data.get("date") or "")
        return cls(
            title=str(data["title"]),
            organ=str(data["organ"]),
            case_number=str(data.get("case_number", "")),
            salutation=str(data.get("salutation", "")),
            body=tuple(str(p) for p in data.get("body", ())),
            number=str(data.get("number", "")),
            attachments=tuple(str(a) for a in data.get("attachments", ())),
            contact=str(data.get("contact", "")),
            dated=date.fromisoformat(day) if day else None,
        )


def of_notice(notice: Any) -> Document:
    """The notice as issued; a notice stored before documents were kept is laid out from
    its text (title and 落款 lines dropped, the rest as paragraphs)."""
    if notice.document:
        return Document.from_json(notice.document)
    case = notice.application
    lines = [line.strip() for line in notice.body.splitlines() if line.strip()]
    if lines and lines[0] == notice.title:
        lines = lines[1:]
    organ = case.organ.name
    dated = None
    if len(lines) >= 2 and lines[-2] == organ:
        lines = lines[:-2]
        dated = notice.event.on
    salutation = lines[0] if lines and lines[0].endswith("：") else ""
    return Document(
        title=notice.title,
        organ=organ,
        case_number=case.number,
        salutation=salutation,
        body=tuple(lines[1:] if salutation else lines),
        number=notice.document_number,
        dated=dated or notice.event.on,
    )


# ---------------------------------------------------------------------------- DOCX


def docx(document: Document) -> bytes:
    """A4, GB/T 9704 margins; 宋体 title, 仿宋 body at 三号 (16 pt), first lines indented."""
    from docx import Document as Docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = Docx()
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

    add(document.organ, align=WD_ALIGN_PARAGRAPH.CENTER, size=18)
    add(document.title, align=WD_ALIGN_PARAGRAPH.CENTER, size=22)
    if document.number:
        add(document.number, align=WD_ALIGN_PARAGRAPH.CENTER)
    add(f"申请编号：{document.case_number}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    add(document.salutation)
    for text in (*document.body, *document.attachment_lines):
        add(text, indent=True)
    if document.contact:
        add(document.contact, indent=True)
    add("")
    add(document.signed, align=WD_ALIGN_PARAGRAPH.RIGHT)
    if document.dated:
        add(document.date_line, align=WD_ALIGN_PARAGRAPH.RIGHT)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


# ---------------------------------------------------------------------------- HTML and PDF


def html(documents: Iterable[Any]) -> str:
    """One HTML page holding the documents (and any 送达回证 or envelope sheet: see
    ``delivery``), each starting on a new page when printed."""
    from django.template.loader import render_to_string

    out: str = render_to_string("applications/letter.html", {"documents": list(documents)})
    return out


def pdf(documents: Document | Sequence[Any]) -> bytes:
    from weasyprint import HTML

    docs = [documents] if isinstance(documents, Document) else list(documents)
    out: bytes = HTML(string=html(docs)).write_pdf()
    return out


CONTENT_TYPES: Final = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def render(document: Document, fmt: str) -> bytes:
    """``fmt`` is ``pdf`` or ``docx`` (``CONTENT_TYPES``)."""
    return docx(document) if fmt == "docx" else pdf(document)
