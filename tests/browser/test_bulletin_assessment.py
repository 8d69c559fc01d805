"""通报 and 考核 in a real browser: the supervisor composes a bulletin whose figures equal the
公开时效 page, issues it and downloads the PDF; a 考核 round is self-assessed by an organ,
reviewed, scored and exported."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from gongkai.accounts.validators import DEMO_PASSWORD
from gongkai.disclosure import services as items
from gongkai.organs.models import Organ
from gongkai.supervision import assessment
from gongkai.supervision.models import AssessmentRound, Score
from tests.browser.test_login import log_in
from tests.browser.test_messages import log_out
from tests.browser.test_public_form import shots

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _publish(frozen_today: Any, title: str, written_days_ago: int) -> None:
    users = get_user_model().objects
    item, _ = items.create_item(
        Organ.objects.get(slug="fgj"),
        users.get(username="fgj_officer"),
        title=title,
        body="<p>正文</p>",
        written_on=frozen_today - timedelta(days=written_days_ago),
        category="other",
    )
    for event, who in (
        ("submit", "fgj_officer"),
        ("approve_first", "fgj_reviewer"),
        ("approve_second", "fgj_reviewer2"),
        ("approve_final", "fgj_head"),
    ):
        item = items.apply(item, event, users.get(username=who), on=frozen_today)


def test_bulletin_and_assessment(site: Any, frozen_today: Any, tmp_path: Path) -> None:
    folder = shots(tmp_path)
    _publish(frozen_today, "按期发布的通知", 0)
    _publish(frozen_today, "迟发的通知", 60)
    log_in(site, "zfb_supervisor", DEMO_PASSWORD)
    site.goto(f"/office/disclosure/timeliness/?year={frozen_today.year}")
    timeliness = site.locator("tr", has_text="示范区发展和改革局").first.inner_text()
    assert "2" in timeliness and "1" in timeliness
    site.goto("/office/supervision/bulletins/")
    site.get_by_label("统计起始日期").fill(f"{frozen_today.year}-01-01")
    site.get_by_label("统计截止日期").fill(frozen_today.isoformat())
    site.get_by_role("button", name="按统计数据起草通报").click()
    row = (
        site.locator("#bulletin-figures tr", has_text="示范区发展和改革局").inner_text().split("\t")
    )
    # 排名 机关 收到申请 办结 按期办结率 逾期未办结 主动公开 按期发布率 …
    assert row[6:8] == ["2", "50.0%"]
    site.get_by_role("button", name="印发").click()
    expect(site.get_by_text(f"〔{frozen_today.year}〕第1期").first).to_be_visible()
    with site.expect_download() as download:
        site.get_by_role("link", name="下载 PDF").click()
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF")
    site.screenshot(path=str(folder / "bulletin.png"), full_page=True)

    site.goto("/office/supervision/assessments/")
    site.get_by_label("考核年度").fill(str(frozen_today.year))
    site.get_by_role("button", name="新建考核（按默认指标）").click()
    site.get_by_role("button", name="开始机关自评").click()
    expect(site.locator("#assessment-state")).to_have_text("机关自评")
    log_out(site)

    r = AssessmentRound.objects.get()
    log_in(site, "fgj_officer", DEMO_PASSWORD)
    site.goto(f"/office/supervision/assessments/{r.pk}/organs/fgj/")
    form = site.locator("form", has=site.locator("input[name=value]")).first
    form.locator("input[name=value]").fill("7")
    form.locator("input[name=text]").fill("印发了工作要点")
    form.get_by_role("button", name="保存").click()
    expect(site.get_by_text("印发了工作要点")).to_have_count(1)
    log_out(site)

    for row_ in Score.objects.filter(round=r, self_score__isnull=True):
        assessment.self_assess(r, row_.organ, row_.indicator, "5", "自评材料")
    log_in(site, "zfb_supervisor", DEMO_PASSWORD)
    site.goto(f"/office/supervision/assessments/{r.pk}/")
    site.get_by_role("button", name="结束自评，开始复核").click()
    r.refresh_from_db()
    for row_ in Score.objects.filter(round=r, final_score__isnull=True):
        assessment.review(r, row_, str(row_.self_score), "")
    site.goto(f"/office/supervision/assessments/{r.pk}/")
    site.get_by_role("button", name="定分").click()
    expect(site.locator("#assessment-state")).to_have_text("已定分")
    expect(site.locator("svg").first).to_be_visible()
    with site.expect_download() as download:
        site.get_by_role("link", name="导出 XLSX").click()
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()))
    names = [line[1] for line in book.active.iter_rows(min_row=2, values_only=True)]
    assert "示范区发展和改革局" in names
    site.screenshot(path=str(folder / "assessment.png"), full_page=True)
