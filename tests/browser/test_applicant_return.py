"""The applicant never loses the case: a reload files nothing twice, a closed browser finds
the case again by number and 查询码, and a 补正 answered online restarts the clock.

Set ``GONGKAI_SCREENSHOTS=<dir>`` to keep the screenshots (else they go to ``tmp_path``)."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from gongkai.applications import services
from gongkai.applications.models import Application, ReplyFile
from gongkai.applications.workflow import Event, State
from gongkai.organs.models import Organ
from tests.applications.factories import APPLICANT

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
RECEIVED = date(2025, 6, 16)  # a Monday
SENT = date(2025, 6, 20)  # the Friday the applicant answers the 补正 online
RESTARTED_DUE = "2025-07-18"  # 20 working days from 20 June
TEXT = "所需文件为《示范区2024年老旧小区改造项目立项批复》，文号示发改〔2024〕12号，时间范围为2024年全年。"


def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("GONGKAI_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def fits_the_screen(page: Any) -> None:
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"page scrolls sideways: {widths}"


def test_reload_files_nothing_twice_and_a_closed_browser_finds_the_case_again(
    site: Any, browser: Any, live_server: Any, frozen_today: date, tmp_path: Path
) -> None:
    site.goto("/apply/")
    site.get_by_label("受理机关").select_option(label="示范区发展和改革局")
    site.get_by_label("姓名或名称").fill(APPLICANT["applicant_name"])
    site.get_by_label("身份证明号码").fill(APPLICANT["id_number"])
    site.get_by_label("联系电话").fill(APPLICANT["phone"])
    site.get_by_label("所需政府信息的名称、文号或者便于查询的其他特征性描述").fill(
        APPLICANT["information"]
    )
    site.get_by_role("button", name="提交申请").click()
    site.wait_for_url("**/apply/done/")
    number = site.locator("#number").inner_text()
    code = site.locator("#code").inner_text()
    assert re.fullmatch(r"FGJ-\d{4}-\d{5}", number) and re.fullmatch(
        r"[A-Z2-7]{4}-[A-Z2-7]{4}", code
    )

    # (a) F5 on the confirmation: the same confirmation, still one case.
    site.reload()
    assert site.locator("#number").inner_text() == number
    assert Application.objects.count() == 1

    # (b) The browser is closed; another one finds the case by number and 查询码.
    site.context.close()
    context = browser.new_context(base_url=live_server.url, locale="zh-CN", viewport=PHONE)
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        assert page.goto(f"/apply/{number}/").status == 404  # nothing remembered
        page.goto("/apply/status/")
        page.get_by_label("申请编号").fill(number.lower())
        page.get_by_label("查询码", exact=True).fill(code.lower())
        fits_the_screen(page)
        page.screenshot(path=str(shots(tmp_path) / "applicant-status.png"), full_page=True)
        page.get_by_role("button", name="查询").click()
        page.wait_for_url(f"**/apply/{number}/")
        assert page.locator("h1").inner_text() == f"申请 {number} 办理进度"
        assert page.locator("#state").inner_text() == "待确认（网上申请）"
        assert Application.objects.count() == 1
    finally:
        context.close()


def test_a_correction_answered_online_restarts_the_clock(
    site: Any, travel: Callable[[date], None], tmp_path: Path
) -> None:
    travel(RECEIVED)
    organ = Organ.objects.get(slug="fgj")
    officer = get_user_model().objects.get(username="fgj_officer")
    case, token = services.submit_online(organ, {**APPLICANT})
    services.apply(case, Event.CONFIRM, officer, data={"receipt_basis": "confirmed"})
    services.apply(
        case,
        Event.REQUEST_CORRECTION,
        officer,
        "申请内容不明确",
        data={"points": ["请写明所需文件的标题或文号", "请说明所需信息的时间范围"]},
    )
    travel(SENT)

    site.set_viewport_size(PHONE)
    sent: list[tuple[str, str]] = []  # every request's URL and Referer from here on
    site.on("request", lambda r: sent.append((r.url, r.headers.get("referer", ""))))
    site.goto(f"/apply/{case.number}/?token={token}")
    assert site.url.endswith(f"/apply/{case.number}/")  # the token exchanged for a cookie
    section = site.locator("#correction")
    assert section.locator("#correction-by").inner_text() == "2025-07-07前"
    assert section.locator("#correction-points li").all_inner_texts() == [
        "请写明所需文件的标题或文号",
        "请说明所需信息的时间范围",
    ]
    fits_the_screen(site)
    site.get_by_label("补正内容").fill(TEXT)
    site.get_by_label("补正材料（可不上传）").set_input_files(
        {"name": "立项批复线索.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%\n"}
    )
    fits_the_screen(site)
    site.screenshot(path=str(shots(tmp_path) / "applicant-correction-form.png"), full_page=True)
    site.get_by_role("button", name="提交补正材料").click()  # CSRF accepts its Origin
    site.wait_for_url(f"**/apply/{case.number}/")
    assert [url for url, referer in sent if token in url + referer] == [sent[0][0]]

    main = site.locator("main")
    assert "已收到您的补正材料（附1个文件），收到日期2025-06-20" in main.inner_text()
    assert site.locator("#state").inner_text() == "办理中"
    rows = site.locator("table.data tbody tr").all_inner_texts()
    assert "2025-06-20\t收到补正材料" in rows
    assert RESTARTED_DUE in site.locator("#correction-due").inner_text()
    assert site.locator("#due").inner_text() == RESTARTED_DUE
    assert site.locator("#correction-form").count() == 0
    site.screenshot(path=str(shots(tmp_path) / "applicant-correction-sent.png"), full_page=True)
    fits_the_screen(site)

    case.refresh_from_db()
    assert (case.state, case.due_on.isoformat()) == (State.PROCESSING, RESTARTED_DUE)
    assert [f.name for f in ReplyFile.objects.filter(application=case)] == ["立项批复线索.pdf"]
