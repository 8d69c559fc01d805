"""Browser tests: the three-level review with a send-back, and the public site.

Playwright drives Debian's chromium against pytest-django's live server, as
``tests/browser`` does; each person gets their own browser context (logged in by
session cookie, since logging in is tested elsewhere).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from gongkai.disclosure import workflow
from gongkai_demo.factories.disclosure import make_item

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def chromium(browser: Any) -> Any:
    return browser


@pytest.fixture
def open_as(live_server: Any, settings: Any, chromium: Any) -> Iterator[Any]:
    """``open_as(user)`` → a page whose browser is logged in as ``user`` (None: public)."""
    from django.test import Client

    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    contexts = []

    def open_as(user: Any) -> Any:
        context = chromium.new_context(base_url=live_server.url, locale="zh-CN")
        context.set_default_timeout(10_000)
        if user is not None:
            client = Client()
            client.force_login(user)
            context.add_cookies(
                [
                    {
                        "name": "sessionid",
                        "value": client.cookies["sessionid"].value,
                        "url": live_server.url,
                    }
                ]
            )
        contexts.append(context)
        return context.new_page()

    yield open_as
    for context in contexts:
        context.close()


def click_action(page: Any, label: str, comment: str = "") -> None:
    if comment:
        page.get_by_label(f"{label}的意见或理由（必填）").fill(comment)
    page.get_by_role("button", name=label, exact=True).click()
    page.wait_for_load_state()


def test_three_reviewers_a_send_back_and_publication(open_as, team) -> None:
    officer = open_as(team.officer)
    officer.goto("/office/disclosure/")
    officer.get_by_role("link", name=team.organ.short_name).click()
    officer.get_by_label("标题（必填）").fill("关于调整城区居民生活用水价格的通知")
    officer.get_by_label("成文日期（必填）").fill("2024-03-01")
    officer.get_by_label("公开类别（条例第二十条）（必填）").select_option("fees")
    officer.get_by_label("文件类型（必填）").select_option("normative")
    officer.get_by_label("正文").fill("<p>第一阶梯每立方米2.80元。</p>")
    officer.get_by_role("button", name="保存草稿").click()
    assert officer.locator("#state").inner_text() == "草稿"
    item_url = officer.url
    click_action(officer, "提交审核")
    assert officer.locator("#state").inner_text() == "待初审"

    first = open_as(team.first)
    first.goto(item_url)
    click_action(first, "初审通过")
    second = open_as(team.second)
    second.goto(item_url)
    click_action(second, "退回修改", "请补充听证会情况")
    assert second.locator("#state").inner_text() == "草稿"

    officer.goto(item_url)
    assert "请补充听证会情况" in officer.locator("table", has_text="办理记录").inner_text()
    click_action(officer, "提交审核")
    first.goto(item_url)
    click_action(first, "初审通过")
    second.goto(item_url)
    click_action(second, "复审通过")
    head = open_as(team.head)
    head.goto(item_url)
    click_action(head, "终审通过并发布")
    assert head.locator("#state").inner_text() == "已发布"

    head.get_by_role("link", name="查看公开页面").click()
    public = open_as(None)
    public.goto(head.url)
    assert "11330524MB15359635/" in public.locator("table.item-meta").inner_text()
    page = public.locator("main").inner_text()  # the review chain stays internal
    assert public.locator("#reviews").count() == 0
    assert not any(name in page for name in ("赵朔", "王丹", "惠贇"))


def test_public_searches_browses_and_reads(open_as, team) -> None:
    make_item(
        team,
        state=workflow.PUBLISHED,
        title="湖州市吴兴区生活垃圾分类管理办法",
        category="rules",
        kind="regulation",
        body="<p>生活垃圾分为可回收物、有害垃圾、易腐垃圾和其他垃圾四类。</p>",
    )
    make_item(team, state=workflow.PUBLISHED, title="2024年部门预算", category="budget")
    page = open_as(None)
    page.goto("/")
    page.get_by_label("搜索政府信息").fill("垃圾分類")  # traditional characters
    page.get_by_role("button", name="搜索").click()
    assert "找到 1 条" in page.locator("#summary").inner_text()
    assert page.locator("mark").first.inner_text() in ("垃圾", "垃圾分类", "分类")
    page.get_by_role("link", name="湖州市吴兴区生活垃圾分类管理办法").click()
    assert "可回收物" in page.locator("article").inner_text()

    page.goto("/search/?q=火星基地")
    assert "没有找到与“火星基地”相关的信息" in page.locator("#summary").inner_text()

    page.goto("/catalog/")
    page.get_by_role("link", name="（7）财政预算、决算信息").click()
    rows = page.locator("table.catalog-table tbody tr")
    assert rows.count() == 1 and "2024年部门预算" in rows.first.inner_text()
    page.get_by_role("link", name="公开指南").first.click()
    assert "政府信息公开指南" in page.locator("h1").inner_text()
