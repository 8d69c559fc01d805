from __future__ import annotations

from django.apps import AppConfig

from gongkai.core.mounts import Mount


class ReportsConfig(AppConfig):
    name = "gongkai.reports"
    label = "reports"
    verbose_name = "年度报告"
    mounts = (
        Mount("office/reports/", "gongkai.reports.urls"),
        Mount("reports/", "gongkai.reports.public_urls"),
    )
