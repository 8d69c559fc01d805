"""The demo casework and the demo region's published 2024 report; both idempotent."""

from __future__ import annotations

import pytest

from gongkai.applications.models import Application
from gongkai.reports.models import AnnualReportDraft, DraftEvent, Status
from gongkai_demo import applications as applications_demo
from gongkai_demo import reports as demo
from gongkai_demo.organs import load_demo as load_organs

pytestmark = pytest.mark.django_db


def test_demo_cases_and_report_load_once() -> None:
    load_organs()
    first = applications_demo.load_demo()
    count = Application.objects.count()
    waiting = len(applications_demo.WAITING_APPLICANTS)
    walked = len(applications_demo.WALKS) + 1  # one of them was submitted twice
    assert count == (
        applications_demo.PAST_CASES + applications_demo.RECENT_CASES + waiting + walked
    )
    assert first[0] == (
        f"依申请公开：已加载演示申请{count}件（2024–2025年及近期，区发改局、区教育局、区数据局；"
        f"其中{waiting}件今天提交的网上申请待确认收到）"
    )
    codes = first[1:]
    assert Application.objects.filter(state="awaiting_confirmation").count() >= waiting
    years = set(Application.objects.values_list("received_on__year", flat=True))
    assert {2024, 2025} <= years
    assert Application.objects.filter(closed_on__isnull=True).exists()  # the queue is not empty
    assert applications_demo.load_demo() == [f"依申请公开：演示申请已存在（{count}件）", *codes]
    assert Application.objects.count() == count

    assert demo.load_demo() == [
        "年度报告：示范区发展和改革局2024年度报告已发布（公众网站 /reports/fgj/2024/）"
    ]
    report = AnnualReportDraft.objects.get()
    assert (report.organ.slug, report.year, report.status) == ("fgj", 2024, Status.PUBLISHED)
    assert report.late_days == 0 and "【请填写" not in "".join(report.sections.values())
    events = DraftEvent.objects.count()
    assert demo.load_demo() == ["年度报告：示范区发展和改革局2024年度报告已发布"]
    assert DraftEvent.objects.count() == events
