"""Last year's annual report: published, and by the statutory deadline."""

from __future__ import annotations

from collections.abc import Iterator

from django.urls import reverse

from gongkai.organs.models import Organ
from gongkai.reports.models import AnnualReportDraft, Status, deadline_for
from gongkai.reports.region import published_open

from ..catalogue import Finding
from .context import Context


def annual_reports(ctx: Context) -> Iterator[Finding]:
    year = ctx.on.year - 1
    published = {
        d.organ_id: d
        for d in AnnualReportDraft.objects.filter(
            organ_id__in=ctx.organ_ids, year=year, status=Status.PUBLISHED
        )
    }
    for organ in Organ.objects.filter(pk__in=ctx.organ_ids):
        due = deadline_for(organ, year)
        url = reverse("reports:workspace", args=[organ.slug, year])
        report = published.get(organ.pk)
        if report is None:
            if ctx.on > due:
                yield Finding(
                    organ.pk,
                    "REPORT.MISSING",
                    f"report:{year}",
                    f"{year}年度政府信息公开工作年度报告应于{due}前发布，至今未发布",
                    url,
                )
            continue
        if report.published_on is not None and report.published_on > due:
            yield Finding(
                organ.pk,
                "REPORT.LATE",
                f"report:{year}",
                f"{year}年度年度报告于{report.published_on}发布，晚于法定期限{due}",
                url,
            )
        left = published_open(report.findings)
        if left:
            yield Finding(
                organ.pk,
                "REPORT.FINDINGS",
                f"report:{year}",
                f"{year}年度年度报告发布时有{left}项核查问题未处理",
                url,
            )
