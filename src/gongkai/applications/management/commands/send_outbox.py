"""``python manage.py send_outbox``: deliver the notices waiting in the outbox; idempotent.

The background worker (``manage.py qcluster``; ``gongkai.site.jobs``) runs this every
minute; run by hand it is safe beside the worker: each notice is claimed before it is sent.

A pending notice is e-mailed (Django's e-mail backend; console by default) when the
applicant chose e-mail or online delivery and gave an address — 已发送, or 发送失败 with
the error — otherwise it is set aside as 待打印 for the bulk print on the queue page.
Each outcome is one event on the case. Only pending notices are taken (failed ones with
``--retry-failed``), and each is claimed first, so running the command twice, or two at
once, delivers nothing twice.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from ...outbox import deliver_pending


class Command(BaseCommand):
    help = "发送发件箱中待发送的通知：有电子邮箱的以电子邮件发送，邮寄或当面领取的转为待打印；重复运行不会重复发送。"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--retry-failed", action="store_true", help="同时重试发送失败的通知")
        parser.add_argument("--limit", type=int, default=None, help="本次最多处理的通知数")

    def handle(self, *args: Any, retry_failed: bool, limit: int | None, **options: Any) -> None:
        summary = deliver_pending(retry_failed=retry_failed, limit=limit)
        line = f"已发送{summary.sent}件，发送失败{summary.failed}件，转为待打印{summary.to_print}件"
        if summary.skipped:
            line += f"，另有{summary.skipped}件正由其他进程发送"
        self.stdout.write(line)
        for line in summary.errors:
            self.stderr.write(f"发送失败：{line}")
