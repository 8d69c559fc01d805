"""``python manage.py annual_stats --organ CODE --year 2025``: tables 二/三/四 as JSON.

``CODE`` is the organ's 网址标识 (slug, e.g. ``fgj``) or its 统一社会信用代码, the same
code ``GET /api/organs/{code}/annual-stats/{year}`` takes.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from gongkai.organs.models import Organ

from ...querysets import organ_by_code
from ...stats import report_dict


class Command(BaseCommand):
    help = (
        "打印机关（含其下级机关）某年度的表二、表三、表四（annual-report/1 JSON）；"
        "表三、表四由办理记录计算，表二取自主动公开数据。"
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--organ", required=True, help="机关网址标识（如 fgj）或统一社会信用代码"
        )
        parser.add_argument("--year", required=True, type=int, help="年度，如 2025")
        parser.add_argument("--only", action="store_true", help="只统计该机关本身，不含下级机关")

    def handle(self, *args: Any, organ: str, year: int, only: bool, **options: Any) -> None:
        found = organ_by_code(organ)
        if found is None:
            known = "、".join(Organ.objects.order_by("slug").values_list("slug", flat=True)[:20])
            raise CommandError(
                f"没有网址标识或统一社会信用代码为“{organ}”的机关；已有的网址标识：{known}"
            )
        ids = {found.pk} if only else found.descendant_ids()
        data = report_dict(found.name, ids, year)
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=1))
