"""The shared shell's look: errors tied to their fields, the right shell for error pages,
nothing inline that the Content-Security-Policy would block."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

import gongkai.site
from gongkai.organs.roles import Role

pytestmark = pytest.mark.django_db

SITE = Path(gongkai.site.__file__).parent


def test_a_field_error_is_next_to_its_field_and_described_by_it(
    client: Client, organ_tree: dict[str, Any], make_member: Any
) -> None:
    organ = organ_tree["a"]
    client.force_login(make_member(organ, Role.ADMIN))
    form = {"name": organ.name, "short_name": organ.short_name, "credit_code": "123"}
    html = client.post("/office/organs/bureau-a/edit/", form).content.decode()
    field = re.search(r"<input[^>]*name=\"credit_code\"[^>]*>", html)
    assert field, html
    assert 'aria-invalid="true"' in field.group(0)
    assert 'aria-describedby="id_credit_code_error"' in field.group(0)
    error = re.search(
        r'<div class="errors" role="alert" id="id_credit_code_error">(.*?)</div>', html, re.S
    )
    assert error and "统一社会信用代码应为18位，读到3位" in error.group(1)
    assert html.index('id="id_credit_code_error"') < html.index('name="credit_code"')


@pytest.mark.parametrize(
    ("path", "menu"),
    [
        ("/no-such-page/", "网站导航"),
        ("/catalog/no/such/", "网站导航"),
        ("/office/organs/no-such-organ/", "主菜单"),
    ],
)
def test_a_missing_page_keeps_the_shell_of_where_it_was_asked(
    client: Client, organ_tree: dict[str, Any], make_member: Any, path: str, menu: str
) -> None:
    client.force_login(make_member(organ_tree["a"], Role.OFFICER))
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert f'aria-label="{menu}"' in html
    assert "您要找的页面不存在，或您无权查看。" in html


@pytest.mark.parametrize(
    "path", ["/", "/accounts/login/", "/office/", "/office/organs/bureau-a/", "/nope/"]
)
def test_shell_pages_have_no_inline_style_or_script(
    client: Client, organ_tree: dict[str, Any], make_member: Any, path: str
) -> None:
    if path.startswith("/office/"):
        client.force_login(make_member(organ_tree["a"], Role.ADMIN))
    html = client.get(path).content.decode()
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"<script(?![^>]*\ssrc=)[^>]*>", html)
    assert not re.search(r"\son[a-z]+=", html)
    assert '<a class="skip-link" href="#main">跳到主要内容</a>' in html
    assert '<main id="main"' in html


def test_every_class_of_the_shared_templates_is_styled() -> None:
    css = (SITE / "static/gongkai/site.css").read_text(encoding="utf-8")
    styled = set(re.findall(r"\.([a-z][a-z0-9-]*)", re.sub(r"/\*.*?\*/", "", css, flags=re.S)))
    used: set[str] = set()
    for template in (SITE / "templates").rglob("*.html"):
        for value in re.findall(r'class="([^"]*)"', template.read_text(encoding="utf-8")):
            used.update(word for word in re.sub(r"\{[%{].*?[%}]\}", " ", value).split())
    assert used - styled - {"office", "portal-header"} == set()
