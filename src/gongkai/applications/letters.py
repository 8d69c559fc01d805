"""The words of every notice to the applicant and of the reply letter (答复告知书).

One builder per notice type (``BUILDERS``, keyed by the event that issues it) writes the
body paragraphs; ``notice_document`` puts them in the one document layout of
``documents`` (title, 文号, addressee once, body, attachments, contact, 落款 and date). The
decision paragraph and the legal basis of a reply come from the answer chosen
(``answers``); every notice that decides against the applicant (the reply, a lapse) ends
with the remedies, naming the 复议机关 and the court from the organ's settings.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any, Final

from django.utils import timezone

from . import answers
from .documents import Document, cn_date
from .periods import ANSWER_DAYS
from .querysets import reply_files
from .workflow import EVENT_LABELS, Event

if TYPE_CHECKING:
    from .models import Application, CaseEvent, Notice

REGULATION: Final = answers.REGULATION
LETTER_TITLE: Final = "政府信息公开申请答复告知书"
LAPSE_ANSWERS: Final = {
    Event.CORRECTION_LAPSED: "no_correction",
    Event.FEE_LAPSED: "fee_unpaid",
}
"""The lapses end the application with a fixed answer; its notice states it."""


def remedies(organ: Any, subject: str = "本答复") -> str:
    """救济途径: the 复议机关 and the court from the organ's settings, and the periods
    (60 days, 行政复议法第二十条; six months, 行政诉讼法第四十六条)."""
    body = getattr(organ, "reconsideration_body", "").strip()
    court = getattr(organ, "court", "").strip()
    to_body = f"向{body}" if body else "依法向有管辖权的行政复议机关"
    to_court = f"向{court}" if court else "依法向有管辖权的人民法院"
    return (
        f"如对{subject}不服，可以自收到本告知书之日起60日内{to_body}申请行政复议，"
        f"或者自收到本告知书之日起6个月内{to_court}提起行政诉讼。"
    )


def submitted_on(case: Application) -> date:
    """The day the application was filed (online: the day it was sent)."""
    day: date = timezone.localtime(case.created_at).date()
    return day


def _application(case: Application) -> str:
    """The application as every notice names it, with its number."""
    if case.received_on is None:
        return f"您于{cn_date(submitted_on(case))}提交的政府信息公开申请（申请编号{case.number}）"
    return (
        f"本机关于{cn_date(case.received_on)}收到您提出的政府信息公开申请（申请编号{case.number}）"
    )


def status_url() -> str:
    """Where the applicant follows the case by number and 查询码 (absolute when the site's
    address is configured: ``GONGKAI_BASE_URL``)."""
    from django.urls import reverse

    from gongkai.workcalendar.reminders import base_url

    return f"{base_url()}{reverse('applications_public:status')}"


# ---------------------------------------------------------------------------- bodies


def _confirm(case: Application, source: CaseEvent) -> tuple[str, ...]:
    return (
        f"您于{cn_date(submitted_on(case))}通过网上渠道提交的政府信息公开申请"
        f"（申请编号{case.number}），本机关已于{cn_date(source.on)}确认收到。根据{REGULATION}"
        "第三十一条第（三）项的规定，以双方确认之日为收到申请之日，答复期限自该日起计算。",
        _answer_period(case),
    )


CN_NUMERALS: Final = "一二三四五六七八九十"


def correction_channels(case: Application) -> tuple[str, ...]:
    """How the correction may be sent: online always; by post and by e-mail when the
    organ has set the address or the mailbox (a channel without its setting is left out)."""
    organ = case.organ
    url = status_url()
    # A bare path is no use on paper: without the site's address, name the page only.
    where = f"（{url}）" if url.startswith("http") else ""
    ways = [
        f"网上提交：在本机关网站“查询申请办理进度”页面{where}凭申请编号{case.number}和查询码"
        "查看本申请，在线提交补正材料"
    ]
    address = organ.office_address.strip()
    if address:
        postcode = organ.office_postcode.strip()
        to = f"，{organ.office_name.strip()}收" if organ.office_name.strip() else ""
        code = f"（邮政编码{postcode}）" if postcode else ""
        ways.append(f"邮寄：寄至{address}{code}{to}，请在信封上注明申请编号{case.number}")
    if organ.office_email.strip():
        ways.append(
            f"电子邮件：发送至{organ.office_email.strip()}，邮件主题请注明申请编号{case.number}"
        )
    last = len(ways) - 1
    return tuple(
        f"（{CN_NUMERALS[i]}）{way}{'。' if i == last else '；'}" for i, way in enumerate(ways)
    )


def _correction(case: Application, source: CaseEvent) -> tuple[str, ...]:
    data: dict[str, Any] = source.data
    if data.get("reply_by_provisional"):
        by = f"自本通知发出之日起{data.get('reply_workdays', 15)}个工作日内"
    else:
        by = f"于{cn_date(date.fromisoformat(data['reply_by']))}前"
    points = [str(p) for p in data.get("points", [])]
    return (
        f"{_application(case)}。经审查，申请内容不够明确。根据{REGULATION}第三十条的规定，"
        f"请{by}一并补正以下事项：",
        *(f"{i}. {p}" for i, p in enumerate(points, 1)),
        f"补正材料请{by}通过以下任一方式提交：",
        *correction_channels(case),
        "答复期限自本机关收到补正后的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，"
        "本机关不再处理该政府信息公开申请。",
    )


def _extension(case: Application, source: CaseEvent) -> tuple[str, ...]:
    workdays = int(source.data.get("workdays", 0))
    if case.due_provisional or case.due_on is None:
        total = services_answer_days() + workdays
        until = f"即自收到申请之日起{total}个工作日内作出答复（依法不计算在内的期间除外）"
    else:
        until = f"延长后的答复期限为{cn_date(case.due_on)}"
    return (
        f"{_application(case)}。因{_extension_reason(case, source)}，"
        f"经政府信息公开工作机构负责人同意，答复期限延长{workdays}个工作日，{until}"
        f"（{REGULATION}第三十三条第二款）。",
    )


def _fee(case: Application, source: CaseEvent) -> tuple[str, ...]:
    data: dict[str, Any] = source.data
    if data.get("pay_by_provisional"):
        by = "自本通知发出之日起20个工作日内"
    else:
        by = f"于{cn_date(date.fromisoformat(data['pay_by']))}前"
    return (
        f"{_application(case)}。根据{REGULATION}第四十二条和《政府信息公开信息处理费管理办法》"
        f"的规定，本申请需收取信息处理费。计算：{data.get('computation')}。",
        f"请{by}缴纳；逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。",
    )


def _lapse(case: Application, source: CaseEvent) -> tuple[str, ...]:
    a = answers.answer(LAPSE_ANSWERS[Event(source.action)])
    return (
        f"{_application(case)}。{a.decision_text(source.reason)}",
        f"本告知的法律依据：{a.basis}。",
        remedies(case.organ, "本告知"),
    )


def _merge(case: Application, source: CaseEvent) -> tuple[str, ...]:
    into = str(source.data.get("into", ""))
    reason = source.reason.strip() or (
        f"与您提交的申请{into}内容相同，已合并至申请{into}一并办理，本申请不再另行处理。"
    )
    return (f"{_application(case)}{reason}",)


def _other(case: Application, source: CaseEvent) -> tuple[str, ...]:
    """A notifying event without its own wording: what was done, and why."""
    try:
        done = EVENT_LABELS[Event(source.action)]
    except ValueError:
        done = source.action
    reason = source.reason.strip().rstrip("。")
    return (
        f"{_application(case)}，本机关已于{cn_date(source.on)}{done}"
        + (f"：{reason}。" if reason else "。"),
    )


BUILDERS: Final[dict[str, Callable[[Application, CaseEvent], tuple[str, ...]]]] = {
    Event.CONFIRM: _confirm,
    Event.REQUEST_CORRECTION: _correction,
    Event.APPROVE_EXTENSION: _extension,
    Event.SEND_FEE_NOTICE: _fee,
    Event.CORRECTION_LAPSED: _lapse,
    Event.FEE_LAPSED: _lapse,
    Event.MERGE: _merge,
}
"""The body of each notice type (the reply, ``Event.DELIVER``, is ``reply_letter``)."""


def notice_document(case: Application, source: CaseEvent, title: str, number: str = "") -> Document:
    """The notice issued for ``source``, numbered ``number`` and dated ``source.on``."""
    if source.action == Event.DELIVER:
        return reply_letter(case, source.on, number=number, title=title)
    body = BUILDERS.get(source.action, _other)(case, source)
    return Document(
        title=title,
        organ=case.organ.name,
        case_number=case.number,
        salutation=f"{case.applicant_name}：",
        body=body,
        number=number,
        contact=_contact(case),
        dated=source.on,
    )


def services_answer_days() -> int:
    return ANSWER_DAYS


def _extension_reason(case: Application, approval: CaseEvent) -> str:
    """Why the period is extended: the officer's reason from the request, never the
    head's approval comment (which stays internal)."""
    request = (
        case.events.filter(action=Event.REQUEST_EXTENSION, seq__lt=approval.seq)
        .order_by("-seq")
        .first()
    )
    reason = request.reason.strip().rstrip("。") if request is not None else ""
    return reason or "需要调取、查找的信息较多，在法定期限内难以答复"


def _answer_period(case: Application) -> str:
    """The answer period as a letter states it: the date only when it is final (a date
    resting on a year whose holiday notice is not entered yet is never printed)."""
    period = f"本机关将自收到申请之日起20个工作日内作出答复（{REGULATION}第三十三条第二款）"
    if case.due_on is None or case.due_provisional:
        return period + "。"
    return f"{period}，即最迟于{cn_date(case.due_on)}答复。"


# ---------------------------------------------------------------------------- the reply


def reply_letter(
    case: Application, on: date | None = None, *, number: str = "", title: str = LETTER_TITLE
) -> Document:
    """The 答复告知书: issued (``number`` and ``on``, the day it is delivered) or, before
    delivery, a draft without 文号 and date."""
    a = answers.answer(case.answer or "other")
    attached = _attachments(case)
    requested = f"（文号：{case.document_number}）" if case.document_number.strip() else ""
    body = (
        f"{_application(case)}，您申请获取“{case.information.strip()}”{requested}。现答复如下：",
        a.decision_text(_reply_reason(case), attached=bool(attached)),
        f"本答复的法律依据：{a.basis}。",
        remedies(case.organ),
    )
    return Document(
        title=title,
        organ=case.organ.name,
        case_number=case.number,
        salutation=f"{case.applicant_name}：",
        body=body,
        number=number,
        attachments=attached,
        contact=_contact(case),
        dated=on,
    )


def _contact(case: Application) -> str:
    """The disclosure office's contact details as the organ recorded them (may be empty)."""
    organ = case.organ
    parts = [
        f"{label}：{value.strip()}"
        for label, value in (
            ("联系机构", getattr(organ, "office_name", "")),
            ("地址", getattr(organ, "office_address", "")),
            ("联系电话", getattr(organ, "office_phone", "")),
        )
        if value and value.strip()
    ]
    return "；".join(parts) + "。" if parts else ""


def _attachments(case: Application) -> tuple[str, ...]:
    """The titles of the files provided with the reply (the file name when untitled)."""
    return tuple((f.title or f.name).strip() for f in reply_files(case))


def _reply_reason(case: Application) -> str:
    draft = case.events.filter(action=Event.DRAFT_REPLY).order_by("-seq").first()
    return draft.reason if draft else ""


def delivered_reply(case: Application) -> Notice | None:
    """The notice that delivered the current reply (None while it is not delivered, or
    when a reopened case has a new reply in the making)."""
    from .models import Notice

    notice: Notice | None = (
        Notice.objects.filter(application=case, kind=Event.DELIVER)
        .select_related("event")
        .order_by("-id")
        .first()
    )
    draft = case.events.filter(action=Event.DRAFT_REPLY).order_by("-seq").first()
    if notice is None or (draft is not None and draft.seq > notice.event.seq):
        return None
    return notice


def delivered_letter(case: Application) -> Document | None:
    """The 答复告知书 of the current reply once delivered: the notice as issued, or for a
    reply delivered without a stored notice (imported or simulated history) the letter
    dated the day of delivery; None before delivery."""
    from .documents import of_notice

    notice = delivered_reply(case)
    if notice is not None:
        return of_notice(notice)
    draft = case.events.filter(action=Event.DRAFT_REPLY).order_by("-seq").first()
    delivered = case.events.filter(action=Event.DELIVER).order_by("-seq").first()
    if draft is None or delivered is None or delivered.seq < draft.seq or not case.answer:
        return None
    return reply_letter(case, delivered.on)
