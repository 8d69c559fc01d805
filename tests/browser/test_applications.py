"""依申请公开 in the browser: a citizen applies, the organ answers through its three
reviews, the applicant reads the reply through the private link."""

from __future__ import annotations

import re
from typing import Any

import pytest

from gongkai.organs.demo import DEMO_PASSWORD

from .test_login import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def as_user(page: Any, username: str) -> None:
    page.context.clear_cookies()
    log_in(page, username, DEMO_PASSWORD)
    page.wait_for_url("**/office/")


def act(page: Any, number: str, button: str) -> None:
    page.goto(f"/office/applications/{number}/")
    page.get_by_role("button", name=button, exact=True).click()
    assert f"已办理：{button}" in page.locator("main").inner_text()


def test_citizen_applies_and_reads_the_reply_after_three_reviews(site: Any) -> None:
    # The citizen: a mistake first, then a valid application.
    site.goto("/apply/")
    site.get_by_label("受理机关").select_option(label="示范区发展和改革局")
    site.get_by_label("姓名或名称").fill("张三")
    site.get_by_label("身份证明号码").fill("123")
    site.get_by_label("电子邮箱").fill("zhangsan@example.cn")
    site.get_by_label("所需政府信息的名称、文号或者便于查询的其他特征性描述").fill(
        "2024年本区老旧小区改造项目的立项批复文件"
    )
    site.get_by_label("获取政府信息的方式").select_option(label="网上查看")
    site.get_by_role("button", name="提交申请").click()
    assert "居民身份证号码应为18位，输入的是3位" in site.locator("main").inner_text()
    site.get_by_label("身份证明号码").fill("11010519491231002X")
    site.get_by_role("button", name="提交申请").click()
    number = site.locator("#number").inner_text()
    assert re.fullmatch(r"FGJ-\d{4}-\d{5}", number)
    link = site.locator("#follow-link").get_attribute("href")
    assert "?token=" in link
    site.goto(link)
    assert site.locator("#state").inner_text() == "待确认（网上申请）"

    # The officer finds it in the queue, confirms it and drafts the answer 予以公开.
    as_user(site, "fgj_officer")
    site.goto("/office/applications/")
    site.get_by_role("link", name=number).first.click()
    site.get_by_role("button", name="确认收到网上申请").click()
    assert site.locator("#state").inner_text() == "办理中"
    site.get_by_label("答复类型").select_option(label="予以公开：提供该政府信息")
    site.get_by_label("理由或说明").fill("请查收附件。")
    site.get_by_role("button", name="拟写答复并提交初审").click()
    assert site.locator("#state").inner_text() == "初审中"

    # 初审 and 复审 by the reviewer, 终审 by the head, delivery by the officer.
    as_user(site, "fgj_reviewer")
    act(site, number, "初审通过")
    act(site, number, "复审通过")
    as_user(site, "fgj_head")
    act(site, number, "终审签发")
    as_user(site, "fgj_officer")
    act(site, number, "送达答复")
    assert site.locator("#state").inner_text() == "已办结"

    # The applicant's page shows the reply.
    site.context.clear_cookies()
    site.goto(link)
    main = site.locator("main").inner_text()
    assert site.locator("#state").inner_text() == "已办结"
    assert "政府信息公开申请答复书" in main
    assert "现予以提供" in main and "60日内依法申请行政复议" in main
