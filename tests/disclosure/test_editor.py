"""The body editor: what an officer types (Markdown, or HTML from before) becomes the
public page's paragraphs, lists, tables and links, sanitised on the server."""

from __future__ import annotations

import datetime

import pytest

from gongkai.disclosure import services, workflow
from gongkai.disclosure.content import render_body
from gongkai_demo.factories.disclosure import Team, make_item

pytestmark = pytest.mark.django_db

TYPED = """根据有关规定，现将有关事项通知如下。
本通知自发布之日起施行。

## 一、适用范围

- 城区居民
- 农村居民

| 类别 | 标准（元/月） |
| --- | --- |
| 城市 | 1206 |

详见[示范区政府网](https://www.example.gov.cn/a)。<script>alert(1)</script>
"""


def test_paragraphs_lists_tables_and_links_survive_and_scripts_do_not() -> None:
    html = render_body(TYPED).html
    assert (
        "<p>根据有关规定，现将有关事项通知如下。<br>" in html
        and "本通知自发布之日起施行。</p>" in html
    )
    assert "<h2>一、适用范围</h2>" in html
    assert "<li>城区居民</li>" in html and "<li>农村居民</li>" in html
    assert "<th>类别</th>" in html and "<td>1206</td>" in html
    assert (
        '<a href="https://www.example.gov.cn/a" rel="noopener noreferrer">示范区政府网</a>' in html
    )
    assert "<script" not in html and "alert" not in html
    assert render_body("# 大标题").html == "<h2>大标题</h2>"  # the page's h1 is the title
    assert render_body("<p>早期的<b>HTML</b>正文</p>").html == "<p>早期的<b>HTML</b>正文</p>"
    assert "javascript" not in render_body("[点我](javascript:alert(1))").html


def test_the_typed_text_is_kept_for_editing_and_the_page_shows_the_html(client, team: Team) -> None:
    item, _ = services.create_item(
        team.organ,
        team.officer,
        body=TYPED,
        title="示范通知",
        written_on=datetime.date(2025, 6, 1),
        category="other",
    )
    assert item.body_source == TYPED and "<h2>一、适用范围</h2>" in item.body
    assert "城区居民" in item.body_text and "##" not in item.body_text
    client.force_login(team.officer)
    form = client.get(f"/office/disclosure/items/{item.pk}/edit/").content.decode()
    assert "## 一、适用范围" in form and "&lt;h2&gt;" not in form
    published = make_item(team, state=workflow.PUBLISHED, body=TYPED)
    page = client.get(f"/items/{published.pk}/").content.decode()
    assert "<td>1206</td>" in page


def test_the_preview_renders_without_saving_for_officers_only(client, team: Team) -> None:
    client.force_login(team.officer)
    response = client.post("/office/disclosure/preview/", {"body": "- 一\n- 二"})
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    assert response.content.decode() == "<ul>\n<li>一</li>\n<li>二</li>\n</ul>"
    client.force_login(team.first)  # a reviewer drafts nothing
    assert client.post("/office/disclosure/preview/", {"body": "x"}).status_code == 403
    client.logout()
    assert client.post("/office/disclosure/preview/", {"body": "x"}).status_code == 302


def test_the_preview_button_works_without_script(client, team: Team) -> None:
    client.force_login(team.officer)
    organ = team.organ
    page = client.post(
        f"/office/disclosure/new/{organ.slug}/",
        {"title": "未保存", "body": "## 小标题", "preview": "1"},
    ).content.decode()
    assert "<h2>小标题</h2>" in page and "未保存" in page
    from gongkai.disclosure.models import Item

    assert not Item.objects.filter(title="未保存").exists()
