"""Log in as each demo role, get locked out after five wrong passwords, stay fenced in."""

from __future__ import annotations

from typing import Any

import pytest

from gongkai.accounts.validators import DEMO_PASSWORD

pytestmark = pytest.mark.browser


def log_in(page: Any, username: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()


@pytest.mark.parametrize(
    ("username", "expected"),
    [
        ("fgj_officer", "您的角色：公开专员"),
        ("fgj_reviewer", "您的角色：审核人"),
        ("jyj_head", "您的角色：机构负责人"),
        ("zfb_supervisor", "所监督的机关"),
        ("zfb_admin", "管理工作日历"),
        ("fgj_admin", "人员与角色：区发改局"),
    ],
)
def test_each_demo_role_lands_on_its_home_page(site: Any, username: str, expected: str) -> None:
    log_in(site, username, DEMO_PASSWORD)
    site.wait_for_url("**/office/")
    assert site.get_by_role("heading", name="工作台", level=1).is_visible()
    assert expected in site.locator("main").inner_text()


def test_keyboard_only_log_in(site: Any) -> None:
    site.goto("/accounts/login/")
    first = site.evaluate(
        "document.querySelector('a, button, input, select, textarea').textContent"
    )
    assert first == "跳到主要内容"  # the skip link is the first stop
    assert site.evaluate("document.activeElement.id") == "id_username"  # focus starts here
    site.keyboard.type("sjj_officer")
    site.keyboard.press("Tab")
    site.keyboard.type(DEMO_PASSWORD)
    site.keyboard.press("Enter")
    site.wait_for_url("**/office/")
    assert "示范区数据局" in site.locator("main").inner_text()


def test_five_wrong_passwords_lock_the_account(site: Any) -> None:
    for _ in range(4):
        log_in(site, "fgj_officer", "wrong-password")
        assert "用户名或密码不正确" in site.locator("main").inner_text()
    log_in(site, "fgj_officer", "wrong-password")
    assert "该账户已被暂时锁定" in site.locator("main").inner_text()
    log_in(site, "fgj_officer", DEMO_PASSWORD)  # even the right password is refused now
    assert "该账户已被暂时锁定" in site.locator("main").inner_text()
    log_in(site, "jyj_officer", DEMO_PASSWORD)  # other accounts are not affected
    site.wait_for_url("**/office/")


def test_officer_cannot_open_another_organs_pages_or_api(site: Any) -> None:
    log_in(site, "fgj_officer", DEMO_PASSWORD)
    site.wait_for_url("**/office/")
    own = site.goto("/office/organs/fgj/")
    assert own.status == 200
    other = site.goto("/office/organs/jyj/")
    assert other.status == 404
    assert "您要找的页面不存在，或您无权查看。" in site.locator("main").inner_text()
    api_own = site.request.get("/api/organs/fgj")
    assert api_own.status == 200
    api_other = site.request.get("/api/organs/jyj/people")
    assert api_other.status == 404
    assert api_other.json()["code"] == "not_found"


def test_api_docs_render(site: Any) -> None:
    site.goto("/api/docs")
    site.wait_for_selector(".swagger-ui .title")
    assert "公开（Gongkai）接口" in site.locator(".swagger-ui .title").inner_text()


def test_pages_break_no_content_security_policy_rule(site: Any) -> None:
    errors: list[str] = []
    site.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    log_in(site, "zfb_admin", DEMO_PASSWORD)
    site.wait_for_url("**/office/")
    for path in ("/office/", "/office/calendar/", "/office/organs/zfb/", "/", "/api/docs"):
        site.goto(path)
    site.wait_for_selector(".swagger-ui .title")
    assert errors == []


def test_organ_admin_creates_a_colleague_who_then_logs_in(site: Any) -> None:
    log_in(site, "fgj_admin", DEMO_PASSWORD)
    site.wait_for_url("**/office/")
    site.get_by_role("link", name="人员与角色：区发改局").click()
    site.get_by_role("link", name="新建账户").click()
    site.get_by_label("用户名").fill("fgj_newcomer")
    site.get_by_label("姓名").fill("钱新")
    site.get_by_label("公开专员").check()
    site.get_by_role("button", name="新建").click()
    main = site.locator("main").inner_text()
    assert "新建账户 钱新（fgj_newcomer），角色：公开专员" in main
    password = site.locator("#initial-password").inner_text()
    site.get_by_role("button", name="退出登录").click()
    log_in(site, "fgj_newcomer", password)
    site.wait_for_url("**/accounts/password/")  # the generated password must be replaced first
    assert "您正在使用系统生成的初始密码" in site.locator("main").inner_text()
    site.get_by_label("当前密码").fill(password)
    site.get_by_label("新密码", exact=True).fill("Qian-Xin-Own-2026")
    site.get_by_label("再次输入新密码").fill("Qian-Xin-Own-2026")
    site.get_by_role("button", name="修改密码").click()
    site.wait_for_url("**/office/")
    assert "密码已修改。" in site.locator("main").inner_text()
    assert "您的角色：公开专员" in site.locator("main").inner_text()
    assert "示范区发展和改革局" in site.locator("main").inner_text()


def test_another_organs_admin_cannot_manage_its_people(site: Any) -> None:
    log_in(site, "jyj_admin", DEMO_PASSWORD)
    site.wait_for_url("**/office/")
    assert site.goto("/office/organs/fgj/people/").status == 404
    assert site.goto("/office/organs/jyj/people/").status == 200
    site.get_by_role("button", name="退出登录").click()
    log_in(site, "jyj_officer", DEMO_PASSWORD)
    site.wait_for_url("**/office/")
    denied = site.goto("/office/organs/jyj/people/")
    assert denied.status == 403
    assert "您没有权限" in site.locator("main").inner_text()
