"""The annual-report workspace in the browser: the officer writes section 五 and checks the
report, the head publishes it, the public reads it."""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.annual import schema as s
from gongkai.reports import services

from .test_applications import as_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_writes_and_checks_head_publishes_public_reads(site: Any) -> None:
    year = services.today().year - 1
    workspace = f"/office/reports/fgj/{year}/"
    as_user(site, "fgj_officer")
    site.goto("/office/reports/")
    site.get_by_role("link", name=f"打开{year}年度工作台").first.click()
    site.get_by_role("button", name=f"开始编写{year}年度报告").click()
    assert (
        "本年度共收到政府信息公开申请0件"
        in site.get_by_label(s.SECTION_BY_KEY["3"].heading).input_value()
    )
    problems = "本年度存在的主要问题是政策解读不够深入，下一步将丰富解读形式。"
    site.get_by_label(s.SECTION_BY_KEY["5"].heading).fill(problems)
    site.get_by_role("button", name="保存正文").click()
    assert "正文已保存。" in site.locator("main").inner_text()
    site.get_by_role("link", name="核查", exact=True).click()
    caption = site.locator("#findings caption").inner_text()
    assert caption.startswith("核查结果：错误0个")
    assert "WS.W001" in site.locator("#findings").inner_text()  # prompts left in 一 and 六
    assert site.get_by_role("button", name="发布").count() == 0  # the officer cannot publish

    as_user(site, "fgj_head")
    site.goto(workspace)
    site.get_by_role("button", name="发布").click()
    shown = site.locator("main").inner_text()
    assert "已发布" in shown
    late = services.lateness(year, services.today())
    if late.late:
        assert f"{late.message()}，已记录为逾期发布。" in shown
    assert "发布" in site.locator("#history").inner_text()

    site.context.clear_cookies()
    site.goto("/reports/")
    site.get_by_role("link", name=f"{year}年度报告").click()
    assert site.url.endswith(f"/reports/fgj/{year}/")
    body = site.locator("main").inner_text()
    title = "".join(site.locator("h1.gk-title").inner_text().split())
    assert title == f"示范区发展和改革局{year}年政府信息公开工作年度报告"
    assert problems in body
