"""The annual-report workspace in the browser: the officer writes section 五 and checks the
report, the head publishes it, the public reads it."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from gongkai.annual import schema as s
from gongkai.organs.models import Organ
from gongkai.reports import services

from .test_applications import as_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def follow_to_field(site: Any, link: str) -> None:
    """Follow a finding's link to the field it names and wait until the browser has put the
    focus there: it does so once the page has loaded, and typing into other fields before
    then sends the later keys into that field."""
    anchor = site.get_by_role("link", name=link).first
    href = anchor.get_attribute("href")
    anchor.click()
    site.wait_for_url("**" + href)
    expect(site.locator("#" + href.split("#", 1)[1])).to_be_focused()


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
    expect(site.locator("main")).to_contain_text("正文已保存。")
    site.get_by_role("link", name="核查", exact=True).click()
    findings = site.locator("#findings").inner_text()
    assert "CELL.E001" in findings and "WS.W001" in findings  # table 二 blank, prompts in 一、六
    assert site.get_by_role("link", name="发布…").count() == 0  # the officer cannot publish

    # the finding leads to the text, the officer writes it; then to table 二's form
    follow_to_field(site, "修改第一部分")
    site.get_by_label(s.SECTION_BY_KEY["1"].heading).fill("本年度依法推进政府信息公开工作。")
    site.get_by_label(s.SECTION_BY_KEY["6"].heading).fill("本年度未收取信息处理费。")
    site.get_by_role("button", name="保存正文").click()
    # wait for the save's answer: a click on 核查 before it would cancel the save
    expect(site.locator("main")).to_contain_text("正文已保存。")
    site.get_by_role("link", name="核查", exact=True).click()
    follow_to_field(site, "填报表二")
    for cell, value in (("licensing", "57"), ("punishment", "3"), ("coercion", "0"), ("fees", "0")):
        site.locator(f"#t2-{cell}").fill(value)
        site.locator(f"#t2-{cell}-source").fill("区政务服务平台导出")
    site.get_by_role("button", name="保存表二数字").click()
    expect(site.locator("main")).to_contain_text("表二数字已保存。")
    site.get_by_role("link", name="核查", exact=True).click()
    expect(site.locator("#findings caption")).to_contain_text("核查结果：")
    findings = site.locator("#findings").inner_text()
    assert findings.startswith("核查结果：错误0个"), findings

    as_user(site, "fgj_head")
    site.goto(workspace)
    site.get_by_role("link", name="发布…").click()
    assert "确认发布" in site.locator("h1").inner_text()
    # publishing renders the report's PDF, DOCX and XLSX before it answers: seconds on an
    # idle machine, more than the default 10 s on a loaded one
    site.get_by_role("button", name="确认发布").click(timeout=60_000)
    shown = site.locator("main").inner_text()
    assert "已发布" in shown
    late = services.lateness(Organ.objects.get(slug="fgj"), year, services.today())
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
