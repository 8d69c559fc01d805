"""The menus mark exactly one item as the current section, with aria-current="page"."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from gongkai.core.nav import _section_of
from gongkai.organs.roles import Role

OFFICE_URLS = [
    "/office/",
    "/office/applications/",
    "/office/applications/supervise/",
    "/office/calendar/",
]


@pytest.mark.parametrize(
    ("path", "section"),
    [
        ("/office/", "/office/"),
        ("/office/organs/bureau-a/", "/office/"),
        ("/office/applications/", "/office/applications/"),
        ("/office/applications/FGJ-2026-00001/", "/office/applications/"),
        ("/office/applications/supervise/", "/office/applications/supervise/"),
        ("/office/calendar/overrides/new/", "/office/calendar/"),
        ("/office/calendarx/", "/office/"),
        ("/accounts/tokens/", None),
    ],
)
def test_the_longest_matching_section_wins(path: str, section: str | None) -> None:
    assert _section_of(path, OFFICE_URLS) == section


@pytest.mark.parametrize(
    ("path", "section"),
    [("/", "/"), ("/catalog/", "/catalog/"), ("/catalog/fgj/", "/catalog/"), ("/about/", None)],
)
def test_the_root_only_matches_itself(path: str, section: str | None) -> None:
    assert _section_of(path, ["/", "/catalog/"]) == section


def current_items(html: str, menu_label: str) -> list[str]:
    nav = re.search(rf'<nav class="main-nav" aria-label="{menu_label}">(.*?)</nav>', html, re.S)
    assert nav, f"没有找到“{menu_label}”"
    return re.findall(r'<a href="[^"]*" aria-current="page">([^<]*)</a>', nav.group(1))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "label"),
    [
        ("/office/", "工作台"),
        ("/office/organs/bureau-a/", "工作台"),
        ("/office/calendar/", "工作日历"),
    ],
)
def test_office_menu_marks_one_section(
    client: Client, organ_tree: dict[str, Any], make_member: Any, path: str, label: str
) -> None:
    client.force_login(make_member(organ_tree["a"], Role.OFFICER))
    html = client.get(path).content.decode()
    assert current_items(html, "主菜单") == [label]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "label"), [("/accounts/tokens/", "API 令牌"), ("/accounts/password/", "修改密码")]
)
def test_the_persons_own_pages_are_in_the_user_menu(
    client: Client, organ_tree: dict[str, Any], make_member: Any, path: str, label: str
) -> None:
    client.force_login(make_member(organ_tree["a"], Role.OFFICER))
    html = client.get(path).content.decode()
    assert current_items(html, "主菜单") == []
    menu = re.search(r'<nav class="user-menu" aria-label="我的账户">(.*?)</nav>', html, re.S)
    assert menu is not None
    assert re.findall(r'aria-current="page">([^<]*)</a>', menu.group(1)) == [label]
    assert "API 令牌" not in html.split('aria-label="主菜单"', 1)[1].split("</nav>", 1)[0]


@pytest.mark.django_db
def test_portal_home_is_current_only_on_the_home_page(
    client: Client, organ_tree: dict[str, Any]
) -> None:
    assert current_items(client.get("/").content.decode(), "网站导航") == ["首页"]
