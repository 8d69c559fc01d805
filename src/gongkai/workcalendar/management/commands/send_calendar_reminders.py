"""``python manage.py send_calendar_reminders``: remind site administrators, once a week,
that next year's (or this year's) holiday notice has not been entered.

For cron, daily (a second run in the same week sends nothing)::

    30 8 * * *  cd /srv/gongkai && .venv/bin/python manage.py send_calendar_reminders
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from ... import reminders


class Command(BaseCommand):
    help = (
        "工作日历提醒：下一年（11月1日起）或本年的节假日安排尚未录入时，每周一次发电子邮件给"
        "全站管理员；同一周重复运行不会重复发送。"
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--today", help="按该日期判断（默认今天），格式 YYYY-MM-DD")
        parser.add_argument(
            "--base-url",
            help="邮件中链接的网站地址，如 https://gongkai.example.gov.cn"
            "（默认取 CSRF_TRUSTED_ORIGINS 的第一项）",
        )

    def handle(
        self, *args: Any, today: str | None = None, base_url: str | None = None, **options: Any
    ) -> None:
        on = _date(today) if today else timezone.localdate()
        result = reminders.remind(on, base=base_url)
        if result.status == reminders.SENT:
            self.stdout.write(
                self.style.SUCCESS(
                    f"已发送{result.year}年工作日历提醒给{len(result.recipients)}位管理员"
                )
            )
        elif result.status == reminders.ALREADY:
            self.stdout.write(
                f"本周已提醒，未重复发送（{result.year}年工作日历提醒，"
                f"{result.week_start:%Y-%m-%d}当周）"
            )
        elif result.status == reminders.NO_RECIPIENTS:
            self.stdout.write(
                self.style.WARNING(
                    f"{result.year}年的节假日安排尚未录入，但没有可提醒的管理员"
                    "（需为有效的全站管理员并填写电子邮箱），未发送"
                )
            )
        else:
            self.stdout.write("工作日历已覆盖，无需提醒")


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--today 应为 YYYY-MM-DD，读到“{value}”") from None
