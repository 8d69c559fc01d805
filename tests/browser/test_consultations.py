"""意见征集 walked in a real browser: the officer drafts, a reviewer publishes, a citizen
comments on a phone; after the period the officer sorts the comments and writes the 反馈,
the reviewer publishes it and the public page shows what was adopted, by theme."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from gongkai.accounts.validators import DEMO_PASSWORD
from gongkai.interaction.models import Consultation
from tests.browser.test_login import log_in
from tests.browser.test_messages import log_out
from tests.browser.test_public_form import PHONE, no_sideways_scroll, shots

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_consultation_from_draft_to_feedback(
    site: Any, frozen_today: Any, travel: Any, tmp_path: Path
) -> None:
    folder = shots(tmp_path)
    log_in(site, "fgj_officer", DEMO_PASSWORD)
    site.goto("/office/messages/consultations/")
    site.get_by_role("link", name="区发改局").click()
    site.get_by_label("类型").select_option(label="文件草案征求意见")
    site.get_by_label("标题").fill("《示范区共享单车停放管理办法（征求意见稿）》征求意见")
    site.get_by_label("征集说明").fill("现将征求意见稿向社会公开征求意见。")
    site.get_by_label("开始日期").fill(frozen_today.isoformat())
    site.get_by_label("截止日期").fill((frozen_today + timedelta(days=14)).isoformat())
    site.get_by_label("联系方式").fill("区发改局 0000-81000002")
    site.get_by_role("button", name="保存").click()
    expect(site.locator("#consultation-status")).to_have_text("未发布")
    pk = Consultation.objects.get(title__contains="共享单车").pk
    log_out(site)

    log_in(site, "fgj_reviewer", DEMO_PASSWORD)
    site.goto(f"/office/messages/consultations/{pk}/")
    site.get_by_role("button", name="发布征集").click()
    expect(site.locator("#consultation-status")).to_have_text("征集中")
    log_out(site)

    site.set_viewport_size(PHONE)
    site.goto("/messages/consultations/")
    site.get_by_role("link", name="共享单车", exact=False).click()
    no_sideways_scroll(site)
    site.get_by_label("您的意见").fill("建议在地铁站口增设停放点。")
    site.get_by_role("button", name="提交意见").click()
    expect(site.get_by_text("您的意见已提交")).to_have_count(1)
    site.screenshot(path=str(folder / "consultation-phone.png"), full_page=True)

    travel(frozen_today + timedelta(days=15))
    log_in(site, "fgj_officer", DEMO_PASSWORD)
    site.goto(f"/office/messages/consultations/{pk}/")
    expect(site.locator("#consultation-status")).to_have_text("已截止")
    # the officer sorts the comment on a phone: every column of the row is on screen
    no_sideways_scroll(site)
    theme = site.get_by_label("主题")
    box = theme.bounding_box()
    assert box is not None and box["x"] + box["width"] <= PHONE["width"]
    theme.fill("停放点位")
    site.locator("select[name=adopted]").select_option(label="采纳")
    site.get_by_role("button", name="保存", exact=True).click()
    site.screenshot(path=str(folder / "consultation-sorting-phone.png"), full_page=True)
    site.set_viewport_size({"width": 1280, "height": 900})
    site.get_by_label("反馈说明").fill("征集期间收到意见1条，已采纳，在地铁站口增设停放点。")
    site.get_by_role("button", name="保存反馈").click()
    log_out(site)

    log_in(site, "fgj_reviewer", DEMO_PASSWORD)
    site.goto(f"/office/messages/consultations/{pk}/")
    site.get_by_role("button", name="发布反馈").click()
    log_out(site)

    site.goto(f"/messages/consultations/{pk}/")
    feedback = site.locator("#feedback")
    assert "在地铁站口增设停放点" in feedback.inner_text()
    assert feedback.locator("tr", has_text="停放点位").inner_text().split() == [
        "停放点位",
        "1",
        "1",
        "0",
    ]
    site.screenshot(path=str(folder / "consultation-feedback.png"), full_page=True)
