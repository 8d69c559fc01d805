"""Keyboard use and labels on the main back-office pages (parsed HTML, no browser).

Each page: Chinese ``<html lang>``, a skip link that is the first focusable element and
points at ``<main id="main">``, every visible form control named by a ``<label>`` (``for``
or wrapping) or ``aria-label``/``aria-labelledby``, every data table with a caption and
column headers with ``scope``. The stylesheet draws a visible focus outline.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from django.test import Client

from gongkai_demo.organs import load_demo

pytestmark = pytest.mark.django_db

SITE_CSS = (
    Path(__file__).resolve().parents[2] / "src/gongkai/site/static/gongkai/site.css"
).read_text(encoding="utf-8")

# (who, page): the main back-office pages, as the role that works on them sees them.
PAGES = [
    (None, "/accounts/login/"),
    ("fgj_officer", "/office/"),
    ("zfb_supervisor", "/office/"),
    ("zfb_admin", "/office/"),
    ("fgj_officer", "/office/organs/fgj/"),
    ("fgj_admin", "/office/organs/fgj/edit/"),
    ("fgj_admin", "/office/organs/fgj/people/"),
    ("fgj_admin", "/office/organs/fgj/people/add/"),
    ("fgj_admin", "/office/organs/fgj/people/new/"),
    ("fgj_admin", "/office/organs/fgj/people/fgj_officer/"),
    ("fgj_officer", "/office/calendar/"),
    ("zfb_admin", "/office/calendar/notices/new/"),
    ("zfb_admin", "/office/calendar/overrides/new/"),
    ("fgj_officer", "/accounts/tokens/"),
    ("fgj_officer", "/office/applications/"),
    ("fgj_officer", "/office/applications/register/"),
    ("zfb_supervisor", "/office/applications/supervise/"),
    ("fgj_officer", "/office/disclosure/"),
    ("fgj_officer", "/office/disclosure/new/fgj/"),
    ("fgj_officer", "/office/reports/"),
]
FOCUSABLE = "//a[@href] | //button | //input[not(@type='hidden')] | //select | //textarea"
UNLABELLED_TYPES = {"hidden", "submit", "button", "reset", "image"}


@pytest.fixture
def demo() -> None:
    load_demo()  # passwords hashed fast: see tests/site/conftest.py


def _page(client: Client, django_user_model: Any, who: str | None, url: str) -> Any:
    if who is not None:
        client.force_login(django_user_model.objects.get(username=who))
    response = client.get(url)
    assert response.status_code == 200, f"{who} {url} → {response.status_code}"
    return lxml.html.fromstring(response.content.decode())


def _has_label(doc: Any, control: Any) -> bool:
    if control.get("aria-label", "").strip() or control.get("aria-labelledby"):
        return True
    if any(a.tag == "label" for a in control.iterancestors()):
        return True
    ident = control.get("id")
    if not ident:
        return False
    labels = doc.xpath("//label[@for=$id]", id=ident)
    return any(label.text_content().strip() for label in labels)


@pytest.mark.parametrize(("who", "url"), PAGES)
def test_page_is_keyboard_usable_and_labelled(
    client: Client, django_user_model: Any, demo: Any, who: str | None, url: str
) -> None:
    doc = _page(client, django_user_model, who, url)
    assert doc.get("lang") == "zh-Hans"
    first = doc.xpath(FOCUSABLE)[0]
    assert (first.get("class"), first.get("href"), first.text_content()) == (
        "skip-link",
        "#main",
        "跳到主要内容",
    )
    assert doc.xpath("//main[@id='main']")
    controls = doc.xpath("//input | //select | //textarea")
    unlabelled = [
        lxml.html.tostring(c, encoding="unicode")[:120]
        for c in controls
        if c.get("type", "text") not in UNLABELLED_TYPES and not _has_label(doc, c)
    ]
    assert unlabelled == [], f"{url}：这些表单控件没有标签"
    for table in doc.xpath("//table[contains(concat(' ', @class, ' '), ' data ')]"):
        assert table.xpath("caption"), f"{url}：数据表格缺少 <caption>"
        for th in table.xpath("thead//th"):
            assert th.get("scope") in ("col", "colgroup"), f"{url}：表头缺少 scope"
    assert not doc.xpath("//*[@tabindex > 0]"), f"{url}：正数 tabindex 会打乱键盘顺序"


def _rules(css: str) -> list[tuple[str, str]]:
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    return [(m[0].strip(), m[1]) for m in re.findall(r"([^{}]+)\{([^{}]*)\}", css)]


def test_focus_is_visible_and_the_skip_link_appears_on_focus() -> None:
    rules = _rules(SITE_CSS)
    focus_rings = [
        sel for sel, body in rules if ":focus" in sel and re.search(r"outline:\s*[1-9]", body)
    ]
    assert focus_rings, "样式表应为键盘焦点画出清晰的轮廓"
    removed = [
        sel
        for sel, body in rules
        if re.search(r"outline:\s*(none|0)\b", body) and not sel.startswith("main")
    ]
    assert removed == [], "不得去掉交互元素的焦点轮廓"
    assert any(".skip-link:focus" in sel for sel, _ in rules)
