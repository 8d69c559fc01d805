"""The outbox: deliver pending notices by e-mail, or set them aside to print; print them.

Routing (one rule, ``route``): a notice goes by e-mail when the applicant chose e-mail or
online delivery and gave an address; otherwise (post, collection in person, no address)
it is printed and sent or handed over on paper. Each delivery attempt writes one event on
the case (``notice_sent``, ``notice_failed``, ``notice_to_print``, ``notices_printed``)
through ``services.record``, so the history shows every notice's fate.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from gongkai.organs import rules as organ_rules

from . import services
from .errors import Conflict
from .models import Application, DeliveryMethod, Notice
from .workflow import Event

EMAIL = "email"
PRINT = "print"
ATTACH_LIMIT = 10 * 1024 * 1024
"""Files provided with a reply are attached to its e-mail up to this total size."""


def route(notice: Notice) -> str:
    case = notice.application
    if case.email and notice.method in (DeliveryMethod.EMAIL, DeliveryMethod.ONLINE):
        return EMAIL
    return PRINT


@dataclass
class Summary:
    sent: int = 0
    failed: int = 0
    to_print: int = 0
    errors: list[str] = field(default_factory=list)


def _record(case: Application, kind: str, reason: str, data: dict[str, Any]) -> None:
    """An event on the case; re-read its version if someone acted meanwhile."""
    for _ in range(3):
        case.version = Application.objects.values_list("version", flat=True).get(pk=case.pk)
        try:
            services.record(case, kind, None, reason, data=data)
            return
        except Conflict:
            continue
    services.record(case, kind, None, reason, data=data)


def _message(notice: Notice) -> EmailMessage:
    case = notice.application
    message = EmailMessage(
        subject=f"{notice.title}（{case.organ.name}，申请编号{case.number}）",
        body=notice.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[case.email],
    )
    if notice.kind == Event.DELIVER:
        provided = services.reply_files(case)
        if sum(f.size for f in provided) <= ATTACH_LIMIT:
            from .files import absolute

            for f in provided:
                message.attach(f.name, absolute(f.path).read_bytes(), f.content_type)
        elif provided:
            message.body += "\n\n所附文件较大，请通过申请时获得的查询链接下载。"
    return message


def _finish(notice: Notice, status: str, kind: str, reason: str, **extra: str) -> None:
    with transaction.atomic():
        claimed = Notice.objects.filter(pk=notice.pk, status=notice.status).update(
            status=status, status_at=timezone.now(), **extra
        )
        if claimed:
            _record(notice.application, kind, reason, {"notice": notice.pk, **extra})


def deliver(notice: Notice) -> str:
    """Deliver one pending (or failed) notice; returns its new status."""
    if route(notice) == PRINT:
        _finish(notice, Notice.Status.TO_PRINT, "notice_to_print", notice.title)
        return Notice.Status.TO_PRINT
    address = notice.application.email
    try:
        _message(notice).send(fail_silently=False)
    except Exception as exc:  # any backend error is recorded, never raised
        error = f"{type(exc).__name__}: {exc}"[:2000]
        _finish(
            notice, Notice.Status.FAILED, "notice_failed", f"{notice.title}：{error}", error=error
        )
        return Notice.Status.FAILED
    _finish(notice, Notice.Status.SENT, "notice_sent", notice.title, sent_to=address, error="")
    return Notice.Status.SENT


def deliver_pending(*, retry_failed: bool = False, limit: int | None = None) -> Summary:
    """Every pending notice (and failed ones with ``retry_failed``), oldest first."""
    statuses = [Notice.Status.PENDING] + ([Notice.Status.FAILED] if retry_failed else [])
    notices = (
        Notice.objects.filter(status__in=statuses)
        .select_related("application__organ")
        .order_by("id")
    )
    summary = Summary()
    for notice in notices[:limit] if limit else notices:
        status = deliver(notice)
        if status == Notice.Status.SENT:
            summary.sent += 1
        elif status == Notice.Status.FAILED:
            summary.failed += 1
            summary.errors.append(f"{notice.application.number}：{notice.title}：{notice.error}")
        else:
            summary.to_print += 1
    return summary


# ---------------------------------------------------------------------------- printing


def printable(case: Application) -> list[Notice]:
    """The case's notices to print: set aside for paper, or still pending but bound for it."""
    out = []
    for notice in case.notices.order_by("id"):
        if notice.status == Notice.Status.TO_PRINT or (
            notice.status == Notice.Status.PENDING and route(notice) == PRINT
        ):
            out.append(notice)
    return out


def to_print_filter() -> Q:
    """Notices that ``printable`` takes, as a query (the same rule as ``route``)."""
    bound_for_paper = Q(method__in=[DeliveryMethod.POST, DeliveryMethod.COLLECT]) | Q(
        application__email=""
    )
    return Q(status=Notice.Status.TO_PRINT) | (Q(status=Notice.Status.PENDING) & bound_for_paper)


@dataclass
class Printed:
    pdf: bytes
    cases: list[str]
    refused: list[str]


def print_notices(cases: Iterable[Application], actor: Any) -> Printed:
    """One PDF with the notices to print of every case the actor may handle; each printed
    case gets one ``notices_printed`` event and its notices become 已打印. The PDF is made
    inside the same transaction: when it cannot be made, nothing is marked printed."""
    pages: list[Notice] = []
    done: list[str] = []
    refused: list[str] = []
    with transaction.atomic():
        for case in cases:
            if not organ_rules.can_handle_cases(actor, case.organ):
                refused.append(f"{case.number}：只有本机关公开专员可以打印通知")
                continue
            notices = printable(case)
            if not notices:
                refused.append(f"{case.number}：没有待打印的通知")
                continue
            ids = [n.pk for n in notices]
            Notice.objects.filter(pk__in=ids).update(
                status=Notice.Status.PRINTED, status_at=timezone.now()
            )
            case.version = Application.objects.values_list("version", flat=True).get(pk=case.pk)
            titles = "、".join(n.title for n in notices)
            services.record(case, "notices_printed", actor, titles, data={"notices": ids})
            pages.extend(notices)
            done.append(case.number)
        pdf = _pdf(pages) if pages else b""
    return Printed(pdf, done, refused)


def _pdf(notices: list[Notice]) -> bytes:
    from weasyprint import HTML

    html = render_to_string("applications/notices_print.html", {"notices": notices})
    out: bytes = HTML(string=html).write_pdf()
    return out
