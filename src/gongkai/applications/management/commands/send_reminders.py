"""``python manage.py send_reminders``: deadline reminders and the weekly digest; idempotent.

The background worker runs this every day at 0:15 (``gongkai.site.jobs``).

Each officer gets at most one reminder e-mail per day (日提示: due today, overdue; 流程过半
提示: past half-way). On Mondays (or with ``--digest``) each organ's officers get the
weekly digest (周反馈), once per officer, organ and week. Each reminder (case, day,
address) is claimed before it is sent (``applications.reminders``), so running the command twice,
or two at once, sends nothing twice; a failed e-mail is retried by the next run.

``send_outbox`` (every few minutes) delivers the notices to applicants; see its help.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand

from ... import services
from ...reminders import remind, weekly_digest


class Command(BaseCommand):
    help = "发送期限提醒（日提示、流程过半提示）和每周汇总（周反馈）；同一天重复运行或同时运行都不会重复发送。"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--date", help="按该日期计算（默认今天），如 2025-03-03")
        parser.add_argument("--digest", action="store_true", help="同时发送每周汇总")

    def handle(
        self, *args: Any, date: str | None = None, digest: bool = False, **options: Any
    ) -> None:
        on = _date(date) if date else services.today()
        sent = remind(on)
        self.stdout.write(f"{on.isoformat()}：发送期限提醒{sent.cases}条")
        for line in sent.failed:
            self.stderr.write(f"期限提醒发送失败（下次运行时重试）：{line}")
        if digest or on.weekday() == 0:
            digests = weekly_digest(on)
            self.stdout.write(f"发送每周汇总{digests.mails}封")
            for line in digests.failed:
                self.stderr.write(f"每周汇总发送失败（下次运行时重试）：{line}")


def _date(value: str) -> date:
    return date.fromisoformat(value)
