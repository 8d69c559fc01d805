"""监督检查 in a real browser: the supervisor runs an inspection and assigns a problem, the
organ's officer finds it on the start page and reports it fixed, and the next inspection
verifies it; the list exports to XLSX."""

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
from gongkai.disclosure.models import Item
from gongkai.organs.models import Organ
from gongkai.supervision.models import Problem
from tests.browser.test_login import log_in
from tests.browser.test_messages import log_out
from tests.browser.test_public_form import shots

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _publish_with_phone(frozen_today: Any) -> Item:
    fgj = Organ.objects.get(slug="fgj")
    users = get_user_model().objects
    item, _ = items.create_item(
        fgj,
        users.get(username="fgj_officer"),
        title="停车场收费公示",
        body="<p>咨询电话：13912345678</p>",
        written_on=frozen_today,
        category="fees",
    )
    for event, who in (
        ("submit", "fgj_officer"),
        ("approve_first", "fgj_reviewer"),
        ("approve_second", "fgj_reviewer2"),
        ("approve_final", "fgj_head"),
    ):
        confirmed = event == "approve_final"  # the head let the number through
        item = items.apply(
            item,
            event,
            users.get(username=who),
            "联系电话经本人同意公开" if confirmed else "",
            on=frozen_today,
            confirm_personal_data=confirmed,
        )
    return item


def test_inspect_assign_fix_and_verify(
    site: Any, frozen_today: Any, travel: Any, tmp_path: Path
) -> None:
    folder = shots(tmp_path)
    item = _publish_with_phone(frozen_today)
    log_in(site, "zfb_supervisor", DEMO_PASSWORD)
    site.goto("/office/supervision/")
    site.get_by_role("button", name="立即巡查所监督的机关").click()
    expect(site.get_by_text("巡查完成")).to_have_count(1)
    site.get_by_label("规则").select_option(value="PRIVACY.MOBILE")
    site.get_by_role("button", name="筛选").click()
    site.get_by_role("link", name="停车场收费公示", exact=False).click()
    expect(site.locator("#problem-state")).to_have_text("待整改")
    assert "13912345678" not in site.locator("main").inner_text()  # masked in the evidence
    officer = get_user_model().objects.get(username="fgj_officer")
    site.locator("#assignee").select_option(value=str(officer.pk))
    site.get_by_role("button", name="指定").click()
    site.screenshot(path=str(folder / "supervision-problem.png"), full_page=True)
    with site.expect_download() as download:
        site.goto("/office/supervision/")
        site.get_by_role("link", name="导出 XLSX").click()
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()))
    titles = [row[2] for row in book.active.iter_rows(min_row=2, values_only=True)]
    assert any("停车场收费公示" in str(t) for t in titles)
    log_out(site)

    log_in(site, "fgj_officer", DEMO_PASSWORD)
    section = site.locator("section", has_text="待整改的问题（监督检查）")
    section.get_by_text("停车场收费公示", exact=False).click()
    site.get_by_label("整改情况").fill("已删除正文中的个人手机号码")
    site.get_by_role("button", name="报告已整改").click()
    expect(site.locator("#problem-state")).to_have_text("已整改")
    Item.objects.filter(pk=item.pk).update(
        body="<p>咨询电话见公开指南</p>", body_text="咨询电话见公开指南"
    )
    log_out(site)

    travel(frozen_today + timedelta(days=1))
    log_in(site, "zfb_supervisor", DEMO_PASSWORD)
    site.goto("/office/supervision/")
    site.get_by_role("button", name="立即巡查所监督的机关").click()
    problem = Problem.objects.get(rule="PRIVACY.MOBILE", key=f"item:{item.pk}")
    site.goto(f"/office/supervision/{problem.pk}/")
    expect(site.locator("#problem-state")).to_have_text("已复核")
    assert "复查未再发现，已复核" in site.locator("main").inner_text()
