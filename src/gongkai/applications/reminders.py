"""Deadline reminders (日提示, 流程过半提示) and the weekly digest (周反馈), each sent once.

Whatever else runs at the same time (a second sender, officers acting on the cases):

- a reminder about a case to an address on a day is *claimed* first (a ``ReminderSent``
  row, unique per case, day and address), then e-mailed, then marked sent; a failed e-mail
  gives its claims back so the next run retries them;
- the digest of an officer, organ and week is claimed the same way (``DigestSent``);
- the ``reminder`` event on the case's timeline is written after the e-mail, re-reading
  the case's version when an officer changed it meanwhile, so a busy case never stops the
  run.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.utils import timezone

from gongkai.organs.models import Membership

from . import querysets as q
from . import services
from .errors import Conflict
from .models import Application, DigestSent, ReminderSent

log = logging.getLogger(__name__)

CHUNK = 500


@dataclass
class Sent:
    cases: int = 0
    mails: int = 0
    failed: list[str] = field(default_factory=list)


def _claim(case: Application, on: date, address: str, flag: str) -> ReminderSent | None:
    try:
        with transaction.atomic():
            return ReminderSent.objects.create(application=case, on=on, address=address, flag=flag)
    except IntegrityError:
        return None  # claimed by another run (sent, or being sent)


def _recipients(case: Application, officers: dict[int, list[str]]) -> list[str]:
    if case.assignee is not None and case.assignee.email:
        return [case.assignee.email]
    return officers.get(case.organ_id, [])


def _officers() -> dict[int, list[str]]:
    """Each organ's officers' addresses (one query)."""
    found: dict[int, list[str]] = defaultdict(list)
    rows = (
        Membership.objects.filter(role="officer")
        .exclude(user__email="")
        .values_list("organ_id", "user__email")
    )
    for organ_id, email in rows:
        found[organ_id].append(email)
    return found


def _timeline(case_id: int, flag: str, to: list[str], on: date) -> None:
    """The ``reminder`` event on the case (after the e-mail; retried on a concurrent change)."""
    for _ in range(5):
        case = Application.objects.select_related("organ").get(pk=case_id)
        try:
            services.record(case, "reminder", None, flag, data={"to": to}, on=on)
            return
        except Conflict:
            continue
    log.warning("期限提醒已发送，但未能写入办理记录：%s", case_id)


def remind(on: date) -> Sent:
    """Claim, e-mail (one message per person, one connection) and record the day's reminders."""
    officers = _officers()
    per_person: dict[str, list[tuple[ReminderSent, Application]]] = defaultdict(list)
    cases = q.open_cases(Application.objects.select_related("organ", "assignee")).filter(
        due_on__isnull=False
    )
    for case in cases.order_by("id").iterator(chunk_size=CHUNK):
        flag = q.flag(case, on)
        if not flag:
            continue
        for address in _recipients(case, officers):
            claimed = _claim(case, on, address, flag)
            if claimed is not None:
                per_person[address].append((claimed, case))
    result = Sent()
    reminded: dict[int, tuple[str, list[str]]] = {}
    with get_connection(fail_silently=False) as connection:
        for address, items in per_person.items():
            lines = [
                f"{case.number}：{claim.flag}，法定期限{case.due_on.isoformat()}"
                + ("（暂定）" if case.due_provisional else "")
                for claim, case in items
                if case.due_on is not None
            ]
            message = EmailMessage(
                f"政府信息公开申请期限提醒（{on.isoformat()}）",
                "\n".join(lines),
                None,
                [address],
                connection=connection,
            )
            ids = [claim.pk for claim, _ in items]
            try:
                message.send(fail_silently=False)
            except Exception as exc:  # the claims go back: the next run retries them
                ReminderSent.objects.filter(pk__in=ids).delete()
                connection.close()
                result.failed.append(f"{address}：{type(exc).__name__}: {exc}")
                continue
            ReminderSent.objects.filter(pk__in=ids).update(sent_at=timezone.now())
            result.mails += 1
            for claim, case in items:
                reminded.setdefault(case.pk, (claim.flag, []))[1].append(address)
    for case_id, (flag, to) in reminded.items():
        _timeline(case_id, flag, to, on)
    result.cases = len(reminded)
    return result


def weekly_digest(on: date) -> Sent:
    """Each officer's digest of each organ, at most once per week (Monday to Sunday)."""
    week = on - timedelta(days=on.weekday())
    result = Sent()
    memberships = Membership.objects.filter(role="officer").select_related("organ", "user")
    with get_connection(fail_silently=False) as connection:
        for membership in memberships.exclude(user__email=""):
            try:
                with transaction.atomic():
                    claim = DigestSent.objects.create(
                        user=membership.user, organ=membership.organ, week=week
                    )
            except IntegrityError:
                continue
            message = EmailMessage(
                f"政府信息公开申请周反馈（{on.isoformat()}）",
                _digest(membership, on),
                None,
                [membership.user.email],
                connection=connection,
            )
            try:
                message.send(fail_silently=False)
            except Exception as exc:
                claim.delete()
                connection.close()
                result.failed.append(f"{membership.user.email}：{type(exc).__name__}: {exc}")
                continue
            result.mails += 1
    return result


def _digest(membership: Any, on: date) -> str:
    cases = Application.objects.filter(organ=membership.organ)
    return (
        f"{membership.organ.name}本周情况（截至{on.isoformat()}）：\n"
        f"办理中{q.open_cases(cases).count()}件，其中已逾期{q.overdue(cases, on).count()}件、"
        f"流程过半{q.past_half(cases, on).count()}件；"
        f"由您承办的{q.open_cases(cases).filter(assignee=membership.user).count()}件。"
    )
