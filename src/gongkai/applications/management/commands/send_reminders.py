"""``python manage.py send_reminders``: deadline reminders and the weekly digest; idempotent.

For cron, once a day after midnight::

    15 0 * * *  cd /srv/gongkai && .venv/bin/python manage.py send_reminders

Each officer gets at most one reminder e-mail per day (日提示: due today, overdue; 流程过半
提示: past half-way). On Mondays (or with ``--digest``) each organ's officers get the
weekly digest (周反馈), once per officer, organ and week. A reminder already sent for a
case today is recorded as a ``reminder`` event and is not sent again, and each digest sent
is recorded too, so running the command twice sends nothing new.

``send_outbox`` (every few minutes) delivers the notices to applicants; see its help.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from django.core.mail import send_mail
from django.core.management.base import BaseCommand

from gongkai.organs.models import Membership

from ... import querysets as q
from ... import services
from ...models import Application, CaseEvent, DigestSent


class Command(BaseCommand):
    help = "发送期限提醒（日提示、流程过半提示）和每周汇总（周反馈）；同一天重复运行不会重复发送。"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--date", help="按该日期计算（默认今天），如 2025-03-03")
        parser.add_argument("--digest", action="store_true", help="同时发送每周汇总")

    def handle(
        self, *args: Any, date: str | None = None, digest: bool = False, **options: Any
    ) -> None:
        on = _date(date) if date else services.today()
        sent = remind(on)
        self.stdout.write(f"{on.isoformat()}：发送期限提醒{sent}条")
        if digest or on.weekday() == 0:
            self.stdout.write(f"发送每周汇总{weekly_digest(on)}封")


def _date(value: str) -> date:
    from datetime import date as d

    return d.fromisoformat(value)


def remind(on: date) -> int:
    already = set(
        CaseEvent.objects.filter(kind="reminder", on=on).values_list("application_id", flat=True)
    )
    per_person: dict[str, list[str]] = defaultdict(list)
    cases = q.open_cases(Application.objects.select_related("organ", "assignee"))
    count = 0
    for case in cases.filter(due_on__isnull=False).exclude(pk__in=already):
        flag = q.flag(case, on)
        if not flag:
            continue
        recipients = _recipients(case)
        if not recipients:
            continue
        services.record(case, "reminder", None, flag, data={"to": recipients}, on=on)
        for address in recipients:
            mark = "（暂定）" if case.due_provisional else ""
            per_person[address].append(
                f"{case.number}：{flag}，法定期限{case.due_on.isoformat()}{mark}"
            )
        count += 1
    for address, lines in per_person.items():
        send_mail(
            f"政府信息公开申请期限提醒（{on.isoformat()}）",
            "\n".join(lines),
            None,
            [address],
        )
    return count


def _recipients(case: Application) -> list[str]:
    if case.assignee is not None and case.assignee.email:
        return [case.assignee.email]
    return list(
        Membership.objects.filter(organ=case.organ, role="officer")
        .exclude(user__email="")
        .values_list("user__email", flat=True)
    )


def weekly_digest(on: date) -> int:
    """Each officer's digest of each organ, at most once per week (Monday to Sunday)."""
    week = on - timedelta(days=on.weekday())
    done = set(DigestSent.objects.filter(week=week).values_list("user_id", "organ_id"))
    sent = 0
    for membership in Membership.objects.filter(role="officer").select_related("organ", "user"):
        if not membership.user.email or (membership.user_id, membership.organ_id) in done:
            continue
        cases = Application.objects.filter(organ=membership.organ)
        body = (
            f"{membership.organ.name}本周情况（截至{on.isoformat()}）：\n"
            f"办理中{q.open_cases(cases).count()}件，其中已逾期{q.overdue(cases, on).count()}件、"
            f"流程过半{q.past_half(cases, on).count()}件；"
            f"由您承办的{q.open_cases(cases).filter(assignee=membership.user).count()}件。"
        )
        send_mail(
            f"政府信息公开申请周反馈（{on.isoformat()}）", body, None, [membership.user.email]
        )
        DigestSent.objects.get_or_create(user=membership.user, organ=membership.organ, week=week)
        sent += 1
    return sent
