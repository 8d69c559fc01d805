"""The outbox: deliver pending notices by e-mail, or set them aside to print; print them.

Routing (one rule, ``route``): a notice goes by e-mail when the applicant chose e-mail or
online delivery and gave an address; otherwise (post, collection in person, no address)
it is printed and sent or handed over on paper. Each delivery attempt writes one event on
the case (``notice_sent``, ``notice_failed``, ``notice_to_print``, ``notices_printed``)
through ``services.record``, so the history shows every notice's fate.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from gongkai.organs import rules as organ_rules

from . import querysets, services
from .errors import Conflict
from .letters import status_url
from .models import Application, DeliveryMethod, Notice
from .service_sheets import sheets_for
from .workflow import Event

EMAIL = "email"
PRINT = "print"
SKIPPED = "skipped"
CHUNK = 200
"""Notices read and sent per batch (memory stays flat however many wait)."""
STALE = timedelta(minutes=15)
"""A notice left 发送中 this long belongs to a sender that stopped; another may take it."""
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
    skipped: int = 0
    """Taken by another sender running at the same time."""
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
    """The notice as an e-mail: its text, then how to find the case again. The reply
    (答复告知书) goes with its PDF, and with the files provided up to ``ATTACH_LIMIT``."""
    from . import documents

    case = notice.application
    body = notice.body
    attachments: list[tuple[str, bytes, str]] = []
    if notice.kind == Event.DELIVER:
        attachments.append(
            (
                f"{notice.title}-{case.number}.pdf",
                documents.pdf(documents.of_notice(notice)),
                "application/pdf",
            )
        )
        provided = querysets.reply_files(case)
        if sum(f.size for f in provided) <= ATTACH_LIMIT:
            from .files import read

            for f in provided:
                attachments.append((f.name, read(f.path), f.content_type))
        elif provided:
            body += "\n\n所附文件较大，未随邮件发送，请在下述查询页面查看本申请并下载。"
    url = status_url()
    page = url if url.startswith("http") else "本机关网站“查询申请办理进度”页面"
    body += (
        f"\n\n查询办理进度：请访问{page}，凭申请编号{case.number}和查询码查看本申请、"
        "下载通知书及所附文件。"
    )
    message = EmailMessage(
        subject=f"{notice.title}（{case.organ.name}，申请编号{case.number}）",
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[case.email],
    )
    for name, content, content_type in attachments:
        message.attach(name, content, content_type)
    return message


def send_now(notice: Notice) -> None:
    """E-mail ``notice`` now, inside the caller's transaction (the 送达 of a reply by
    e-mail, ``delivery.deliver``): the backend's error is raised for the caller to roll
    back; once the server accepted it the notice is 已发送 to the case's address, with its
    ``notice_sent`` record."""
    case = notice.application
    address = case.email
    _message(notice).send(fail_silently=False)
    Notice.objects.filter(pk=notice.pk).update(
        status=Notice.Status.SENT, status_at=timezone.now(), sent_to=address, error=""
    )
    notice.status = Notice.Status.SENT
    services.record(
        case, "notice_sent", None, notice.title, data={"notice": notice.pk, "sent_to": address}
    )


def _finish(notice: Notice, status: str, kind: str, reason: str, **extra: str) -> None:
    with transaction.atomic():
        claimed = Notice.objects.filter(pk=notice.pk, status=notice.status).update(
            status=status, status_at=timezone.now(), **extra
        )
        if claimed:
            _record(notice.application, kind, reason, {"notice": notice.pk, **extra})
    notice.status = status


def _claimable(statuses: Sequence[str]) -> Q:
    """Notices a sender may take: in ``statuses``, or left 发送中 by a sender that stopped
    (a crash) more than ``STALE`` ago."""
    stale = timezone.now() - STALE
    return Q(status__in=statuses) | Q(status=Notice.Status.SENDING, status_at__lt=stale)


def claim(notice: Notice, statuses: Sequence[str] | None = None) -> bool:
    """Take ``notice`` for this sender (one conditional UPDATE: of two senders, one wins)."""
    taken = Notice.objects.filter(
        _claimable(statuses or [Notice.Status.PENDING, Notice.Status.FAILED]), pk=notice.pk
    ).update(status=Notice.Status.SENDING, status_at=timezone.now())
    if taken:
        notice.status = Notice.Status.SENDING
    return bool(taken)


def deliver(
    notice: Notice, *, connection: Any = None, statuses: Sequence[str] | None = None
) -> str:
    """Deliver one pending (or failed) notice once; returns its new status, or ``SKIPPED``
    when another sender has (or had) it. ``connection`` is an open e-mail connection to
    reuse (one per batch)."""
    if not claim(notice, statuses):
        return SKIPPED
    if route(notice) == PRINT:
        _finish(notice, Notice.Status.TO_PRINT, "notice_to_print", notice.title)
        return Notice.Status.TO_PRINT
    address = notice.application.email
    try:
        message = _message(notice)
        if connection is not None:
            message.connection = connection
        message.send(fail_silently=False)
    except Exception as exc:  # any backend error is recorded, never raised
        if connection is not None:
            connection.close()  # the next message opens a fresh one
        error = f"{type(exc).__name__}: {exc}"[:2000]
        _finish(
            notice, Notice.Status.FAILED, "notice_failed", f"{notice.title}：{error}", error=error
        )
        return Notice.Status.FAILED
    _finish(notice, Notice.Status.SENT, "notice_sent", notice.title, sent_to=address, error="")
    return Notice.Status.SENT


def deliver_pending(
    *, retry_failed: bool = False, limit: int | None = None, chunk: int = CHUNK
) -> Summary:
    """Every pending notice (and failed ones with ``retry_failed``), oldest first, read in
    chunks of ``chunk`` and sent over one e-mail connection. Each notice is claimed before
    it is sent, so senders running at the same time never send one twice."""
    statuses = [Notice.Status.PENDING] + ([Notice.Status.FAILED] if retry_failed else [])
    summary = Summary()
    after = 0
    done = 0
    connection = get_connection(fail_silently=False)
    try:
        while limit is None or done < limit:
            size = chunk if limit is None else min(chunk, limit - done)
            ids = list(
                Notice.objects.filter(_claimable(statuses), pk__gt=after)
                .order_by("id")
                .values_list("id", flat=True)[:size]
            )
            if not ids:
                break
            after = ids[-1]
            batch = Notice.objects.filter(pk__in=ids).select_related("application__organ")
            for notice in batch.order_by("id"):
                status = deliver(notice, connection=connection, statuses=statuses)
                done += 1
                if status == Notice.Status.SENT:
                    summary.sent += 1
                elif status == Notice.Status.FAILED:
                    summary.failed += 1
                    summary.errors.append(
                        f"{notice.application.number}：{notice.title}：{notice.error}"
                    )
                elif status == Notice.Status.TO_PRINT:
                    summary.to_print += 1
                else:
                    summary.skipped += 1
    finally:
        connection.close()
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
    """The notices as issued, each on its own pages; a reply served on paper followed by
    its 送达回证 (and, by post, the address sheet)."""
    from . import documents

    pages: list[Any] = []
    for notice in notices:
        pages.append(documents.of_notice(notice))
        pages.extend(sheets_for(notice))
    return documents.pdf(pages)
