"""网民留言 walked in a real browser: a citizen writes on a phone and keeps the link; the
officer finds the overdue message on the start page and drafts a reply; a reviewer approves
it into 留言选登 (name masked, contact never shown); the officer transfers another message
and turns a third into a disclosure application, and the citizen follows each.

Set ``GONGKAI_SCREENSHOTS=<dir>`` to keep the screenshots (else they go to ``tmp_path``)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from gongkai.accounts.validators import DEMO_PASSWORD
from gongkai.interaction import services
from gongkai.interaction.models import Message
from gongkai.organs.models import Organ
from tests.browser.test_login import log_in
from tests.browser.test_public_form import PHONE, no_sideways_scroll, shots

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_out(page: Any) -> None:
    page.context.clear_cookies()


def test_a_message_from_the_form_to_the_masked_public_list(
    site: Any, frozen_today: Any, travel: Any, tmp_path: Path
) -> None:
    folder = shots(tmp_path)
    site.set_viewport_size(PHONE)
    site.goto("/messages/write/")
    no_sideways_scroll(site)
    site.get_by_label("留言机关").select_option(label="示范区发展和改革局")
    site.get_by_label("咨询").check()
    site.get_by_label("标题").fill("停车场收费标准在哪里查询")
    site.get_by_label("留言内容").fill(
        "请问区里公共停车场的收费标准在哪里可以查到？我的电话13912345678，方便时回电。"
    )
    site.get_by_label("姓名：").fill("张三丰")
    site.get_by_label("联系方式：").fill("13912345678")
    site.get_by_label("同意本机关在“留言选登”中公开", exact=False).check()
    site.get_by_role("button", name="提交留言").click()
    site.get_by_role("heading", name="留言已提交").wait_for()
    site.screenshot(path=str(folder / "message-done-phone.png"), full_page=True)
    number = site.locator("#message-number").inner_text()
    link = site.locator("#follow-link").get_attribute("href")
    message = Message.objects.get(number=number)
    assert message.due_on == services.due_date(message.organ, frozen_today)
    assert site.get_by_text(f"{message.due_on.year}年{message.due_on.month}月").count()

    # six working days later the officer sees it overdue on the start page
    travel(services.casework.current_calendar().add_workdays(frozen_today, 6))
    site.set_viewport_size({"width": 1280, "height": 900})
    log_in(site, "fgj_officer", DEMO_PASSWORD)
    section = site.locator("section", has_text="待答复的网民留言")
    expect(section.get_by_text(number)).to_have_count(1)
    expect(section.get_by_text("已逾期").first).to_be_visible()
    section.get_by_role("link", name=number).click()
    expect(site.locator("#overdue")).to_have_text("已超期")
    site.get_by_label("答复内容").fill(
        "您好！区公共停车场收费标准已在区政府门户网站“政府信息公开—价格收费”栏目公开，"
        "也可拨打区发改局价格科电话咨询。感谢您的留言！"
    )
    site.get_by_role("button", name="保存并提交审核").click()
    expect(site.locator("#message-state")).to_have_text("待审核")
    site.screenshot(path=str(folder / "message-office-submitted.png"), full_page=True)
    log_out(site)

    log_in(site, "fgj_reviewer", DEMO_PASSWORD)
    site.locator("section", has_text="待审核的留言答复").get_by_role("link", name=number).click()
    site.get_by_label("同时在“留言选登”中公开", exact=False).check()
    site.get_by_role("button", name="审核通过并答复").click()
    expect(site.locator("#message-state")).to_have_text("已答复")
    log_out(site)

    # the citizen reads the reply through the kept link
    site.goto(link)
    expect(site.locator("#message-state")).to_have_text("已答复")
    assert "价格收费" in site.locator("#reply-text").inner_text()

    # the public list: masked name, no contact, the number in the text blotted out
    site.goto("/messages/")
    row = site.locator("tr", has_text="停车场收费标准在哪里查询")
    expect(row.get_by_text("张**")).to_have_count(1)
    row.get_by_role("link").click()
    page_text = site.locator("main").inner_text()
    assert "13912345678" not in page_text and "张三丰" not in page_text
    assert "***" in page_text
    site.screenshot(path=str(folder / "message-shown.png"), full_page=True)


def test_transfer_and_conversion_are_told_to_the_citizen(
    site: Any, frozen_today: Any, tmp_path: Path
) -> None:
    folder = shots(tmp_path)
    fgj = Organ.objects.get(slug="fgj")
    school, school_token = services.submit(
        fgj,
        {"kind": "consult", "subject": "学校课后服务收费", "body": "课后服务怎么收费？"},
    )
    wanted, wanted_token = services.submit(
        fgj,
        {
            "kind": "other",
            "subject": "获取区物价调查报告",
            "body": "申请获取2025年区物价调查报告全文。",
            "name": "李四",
            "contact": "lisi@example.com",
        },
        received_on=frozen_today - timedelta(days=3),
    )
    log_in(site, "fgj_officer", DEMO_PASSWORD)
    site.goto(f"/office/messages/{school.number}/")
    site.get_by_text("不属于本机关职责：转办").click()
    site.get_by_label("转至机关").select_option(label="示范区教育局")
    site.get_by_label("转办理由").fill("中小学课后服务由区教育局负责")
    site.get_by_role("button", name="转办", exact=True).click()
    expect(site.locator("#message-state")).to_have_text("已转办")

    site.goto(f"/office/messages/{wanted.number}/")
    site.get_by_text("转为政府信息公开申请").first.click()
    assert site.get_by_label("申请人姓名或名称").input_value() == "李四"
    site.get_by_label("身份证明号码").fill("110101199003070011")
    site.get_by_label("转为申请的理由").fill("所问是获取本机关制作的调查报告")
    site.get_by_role("button", name="转为申请").click()
    expect(site.locator("#message-state")).to_have_text("已转为政府信息公开申请")
    log_out(site)

    site.goto(f"/messages/{school.number}/?token={school_token}")
    assert "示范区教育局" in site.locator("#moved").inner_text()
    site.locator("#moved").get_by_role("link").click()
    expect(site.get_by_text("由示范区发展和改革局转来")).to_have_count(1)

    site.goto(f"/messages/{wanted.number}/?token={wanted_token}")
    converted = site.locator("#converted")
    wanted.refresh_from_db()
    assert wanted.application is not None
    assert wanted.application.received_on == frozen_today - timedelta(days=3)
    assert wanted.application.number in converted.inner_text()
    converted.get_by_role("link").click()
    site.get_by_text(wanted.application.number).first.wait_for()
    site.screenshot(path=str(folder / "message-converted-application.png"), full_page=True)
