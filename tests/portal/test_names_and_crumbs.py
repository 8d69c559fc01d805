"""Organs by names a reader can tell apart, and where-am-I links on every public page."""

from __future__ import annotations

import datetime
import re

import pytest

from gongkai.disclosure import workflow
from gongkai_demo.factories.disclosure import Team, make_item

pytestmark = pytest.mark.django_db


def crumbs(page: str) -> str:
    found = re.search(r'<nav aria-label="位置" class="breadcrumbs">(.*?)</nav>', page, re.S)
    assert found, "no breadcrumbs"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", found.group(1))).strip()


def test_a_short_name_two_organs_share_gives_way_to_the_full_names(client, organ) -> None:
    from gongkai_demo.factories.organs import OrganFactory

    assert organ.public_name == "区发改经信局"
    twin = OrganFactory(name="另一区发展和改革局", short_name="区发改经信局", slug="fgj2")
    organ.refresh_from_db()
    assert organ.public_name == organ.name and twin.public_name == "另一区发展和改革局"
    sidebar = client.get("/catalog/").content.decode()
    assert "湖州市吴兴区发展和改革局</a>" in sidebar and "另一区发展和改革局</a>" in sidebar
    twin.short_name = "另区发改局"
    twin.save()
    assert organ.public_name == "区发改经信局"


def test_public_pages_say_where_the_reader_is(client, organ, team: Team) -> None:
    item = make_item(
        team,
        state=workflow.PUBLISHED,
        on=datetime.date(2024, 2, 2),
        title="示范通知",
        category="budget",
    )
    label = item.category_obj.label
    assert crumbs(client.get(f"/items/{item.pk}/").content.decode()) == (
        f"首页 › 公开目录 › {organ.name} › {label}"
    )
    assert crumbs(client.get("/catalog/").content.decode()) == "首页 › 公开目录"
    assert crumbs(client.get(f"/catalog/{organ.slug}/").content.decode()) == (
        f"首页 › 公开目录 › {organ.name}"
    )
    assert crumbs(client.get(f"/guide/{organ.slug}/").content.decode()) == (
        f"首页 › 公开指南 › {organ.name}"
    )
    assert crumbs(client.get("/search/?q=通知").content.decode()) == "首页 › 搜索"
    assert crumbs(client.get("/apply/status/").content.decode()) == "首页 › 查询申请"
    assert crumbs(client.get("/messages/write/").content.decode()) == "首页 › 网民留言 › 我要留言"
    assert 'class="breadcrumbs"' not in client.get("/").content.decode()


def test_an_item_page_offers_printing(client, team: Team) -> None:
    item = make_item(team, state=workflow.PUBLISHED, on=datetime.date(2024, 2, 2))
    page = client.get(f"/items/{item.pk}/").content.decode()
    assert "data-print hidden>打印本页</button>" in page and "portal/print.js" in page


def test_a_search_for_a_bare_function_word_says_so_and_points_onward(client, team: Team) -> None:
    make_item(team, state=workflow.PUBLISHED, on=datetime.date(2024, 2, 2), title="示范的通知")
    page = client.get("/search/?q=的").content.decode()
    assert "是很常见的字，单独搜索找不到有意义的结果" in page
    assert 'href="/catalog/"' in page and 'href="/apply/"' in page
    assert 'class="results"' not in page


def test_site_search_finds_shown_messages_and_consultations(client) -> None:
    from gongkai_demo.interaction import load_demo as load_interaction
    from gongkai_demo.organs import load_demo as load_organs

    load_organs()
    load_interaction()
    page = client.get("/search/", {"q": "停车场 收费"}).content.decode()
    assert "政民互动（1）" in page and "公共停车场收费管理办法（征求意见稿）" in page
    page = client.get("/search/", {"q": "图书馆开放时间"}).content.decode()
    assert "建议延长学校图书馆开放时间" in page and "留言选登" in page
    assert "政民互动" not in client.get("/search/", {"q": "火星基地"}).content.decode()
