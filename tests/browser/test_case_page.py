"""The case page in the browser (issue 11): the actions are a short menu that opens one
form; a refused file keeps the chosen answer type and the typed reason; without script
``?action=`` opens the form alone. On a desktop screen and on a 390 px phone.

Set ``GONGKAI_SCREENSHOTS=<dir>`` to keep the screenshots (else they go to ``tmp_path``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from gongkai.applications.models import Application
from gongkai_demo.applications import load_demo as load_cases

from .test_applications import as_user
from .test_desk import DESKTOP, PHONE, shots

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REASON = "第3页含有第三方的个人信息，已作遮盖处理，其余部分予以公开。"
EXE = {"name": "tool.exe", "mimeType": "application/octet-stream", "buffer": b"MZ\x90\x00\x03"}
REFUSED = "文件“tool.exe”的类型不允许"


@pytest.fixture
def processing(site: Any, frozen_today: date) -> Application:
    """A demo case of 区发改局 in 办理中."""
    load_cases()
    case = Application.objects.filter(organ__slug="fgj", state="processing").order_by("id").first()
    assert case is not None, "演示数据中应有办理中的申请"
    return case


def visible_forms(page: Any) -> list[str]:
    return [str(f.get_attribute("id")) for f in page.locator("form.action").all() if f.is_visible()]


def test_a_refused_file_keeps_the_answer_and_the_reason(
    site: Any, processing: Application, tmp_path: Path
) -> None:
    folder = shots(tmp_path)
    site.set_viewport_size(DESKTOP)
    as_user(site, "fgj_officer")
    site.goto(f"/office/applications/{processing.number}/")
    assert visible_forms(site) == []  # the menu alone
    closed = site.evaluate("document.documentElement.scrollHeight")
    site.screenshot(path=str(folder / "case-menu-desktop.png"), full_page=True)

    site.get_by_role("link", name="拟写答复并提交初审", exact=True).click()
    assert visible_forms(site) == ["act-draft_reply"]
    assert "?action=draft_reply" in site.url
    form = site.locator("#act-draft_reply")
    form.get_by_label("答复类型").select_option("partially_granted")
    form.get_by_label("答复理由或说明").fill(REASON)
    form.locator("input[type=file]").set_input_files(files=[EXE])
    form.get_by_role("button", name="拟写答复并提交初审").click()

    form = site.locator("#act-draft_reply")
    assert REFUSED in form.inner_text()
    assert REFUSED in site.locator(".messages").inner_text()
    assert visible_forms(site) == ["act-draft_reply"]
    assert form.get_by_label("答复类型").input_value() == "partially_granted"
    assert form.get_by_label("答复理由或说明").input_value() == REASON
    assert site.locator("#state").inner_text() == "办理中"
    site.screenshot(path=str(folder / "case-refused-file-desktop.png"), full_page=True)

    site.set_viewport_size(PHONE)
    site.goto(f"/office/applications/{processing.number}/?action=draft_reply")
    assert site.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    form = site.locator("#act-draft_reply")
    form.get_by_label("答复类型").select_option("partially_granted")
    form.get_by_label("答复理由或说明").fill(REASON)
    form.locator("input[type=file]").set_input_files(files=[EXE])
    form.get_by_role("button", name="拟写答复并提交初审").click()
    form = site.locator("#act-draft_reply")
    assert REFUSED in form.inner_text()
    assert form.get_by_label("答复类型").input_value() == "partially_granted"
    assert form.get_by_label("答复理由或说明").input_value() == REASON
    site.screenshot(path=str(folder / "case-refused-file-phone.png"), full_page=True)
    assert site.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    # Switching to another action hides the form at once; the page stays short.
    site.set_viewport_size(DESKTOP)
    site.get_by_role("link", name="登记申请人撤回", exact=True).click()
    assert visible_forms(site) == ["act-withdraw"]
    site.get_by_role("link", name="指定承办人", exact=True).click()
    assert visible_forms(site) == ["act-assign"]
    assert closed < 5468


def test_without_script_the_action_in_the_address_opens_its_form(
    site: Any, processing: Application, live_server: Any
) -> None:
    as_user(site, "fgj_officer")
    cookies = site.context.cookies()
    context = site.context.browser.new_context(base_url=live_server.url, java_script_enabled=False)
    context.add_cookies(cookies)
    page = context.new_page()
    try:
        page.goto(f"/office/applications/{processing.number}/")
        assert visible_forms(page) == []
        page.get_by_role("link", name="征求第三方或其他机关意见", exact=True).click()
        assert visible_forms(page) == ["act-open_consultation"]
        assert "?action=open_consultation" in page.url
    finally:
        context.close()
