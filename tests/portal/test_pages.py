"""The public pages as a member of the public sees them (Django test client)."""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET

import pytest

from gongkai.disclosure import services, workflow
from gongkai_demo.factories.disclosure import PATH, make_item

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def published(team):  # type: ignore[no-untyped-def]
    return make_item(
        team,
        state=workflow.PUBLISHED,
        on=D(2024, 2, 2),
        title="吴兴区发改经信局2023年政府信息公开工作年度报告",
        written_on=D(2024, 1, 31),
        category="other",
        body="<p>2023年以来，我局在区委、区政府的坚强领导下，按照政务公开有关要求推进工作。</p>",
    )


def text_of(response) -> str:  # type: ignore[no-untyped-def]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_item_page_shows_the_seed_metadata_block_but_no_staff_names(client, published) -> None:
    page = text_of(client.get(f"/items/{published.pk}/"))
    for fact in (
        "索 引 号 11330524MB15359635/2024-00001",
        "成文日期 2024-01-31",
        "公开方式 主动公开",
        "公开时限 长期公开",
        "文件编号 无",
        "发布机构 区发改经信局",
        "有效性 有效",
    ):
        assert fact in page
    assert not any(name in page for name in ("初审", "赵朔", "王丹", "惠贇"))


def test_drafts_are_not_public(client, team) -> None:
    draft = make_item(team, state=workflow.FINAL_REVIEW)
    assert client.get(f"/items/{draft.pk}/").status_code == 404


def test_old_version_stays_viewable_and_points_to_the_current(client, team, published) -> None:
    v2 = services.apply(published, "revise", team.officer)
    services.update_item(v2, team.officer, title="年度报告（更正版）")
    for event, who in [
        ("submit", team.officer),
        ("approve_first", team.first),
        ("approve_second", team.second),
        ("approve_final", team.head),
    ]:
        v2 = services.apply(v2, event, who)
    old = text_of(client.get(f"/items/{published.pk}/"))
    assert "这是本信息的历史版本（第1版）" in old and "查看现行版本" in old
    new = text_of(client.get(f"/items/{v2.pk}/"))
    assert "历史版本 第1版" in new


def test_region_and_organ_catalogue_browse_by_category_and_year(client, team, published) -> None:
    make_item(
        team, state=workflow.PUBLISHED, title="2024年部门预算", category="budget", on=D(2024, 3, 1)
    )
    region = text_of(client.get("/catalog/"))
    assert "全区政府信息公开目录" in region and "区发改经信局 （2）" in region
    budget = text_of(client.get("/catalog/fgj/?category=budget"))
    listed = budget.rsplit("内容概述", 1)[1]  # the table, not the menus (which say 年度报告)
    assert "2024年部门预算" in listed and "工作年度报告" not in listed
    assert "（7）财政预算、决算信息" in budget
    assert "共 1 条" in budget
    assert "共 2 条" in text_of(client.get("/catalog/fgj/?year=2024"))


def test_guide_is_prefilled_from_the_organ_record(client, organ) -> None:
    page = text_of(client.get("/guide/fgj/"))
    assert "湖州市吴兴区发展和改革局政府信息公开指南" in page
    for fact in ("办公地址 湖州市吴兴区区府路1号", "联系电话 0572-2028001", "传真 0572-2028002"):
        assert fact in page
    assert "（7）财政预算、决算信息" in page  # the classification lists Article 20


def test_search_page_highlights_and_has_a_helpful_empty_state(client, published) -> None:
    found = client.get("/search/", {"q": "年度报告"}).content.decode()
    assert "找到 1 条" in found and "<mark>年度报告</mark>" in found
    empty = text_of(client.get("/search/", {"q": "量子纠缠", "year": "2024"}))
    assert "没有找到与“量子纠缠”相关的信息" in empty
    assert "取消筛选条件，在全部信息中搜索" in empty


def test_search_escapes_what_was_typed(client, published) -> None:
    body = client.get("/search/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in body


def test_rss_and_atom_feeds_list_published_items(client, published) -> None:
    rss = ET.fromstring(client.get("/feeds/fgj/rss.xml").content)
    assert [i.findtext("title") for i in rss.iter("item")] == [published.title]
    atom = client.get("/feeds/fgj/atom.xml")
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert published.title in atom.content.decode()


def test_feeds_carry_repeals_and_drop_withdrawn_and_replaced_versions(client, team) -> None:
    old = make_item(team, state=workflow.PUBLISHED, on=D(2024, 3, 1), title="旧办法")
    gone = make_item(team, state=workflow.PUBLISHED, on=D(2024, 3, 2), title="误发通知")
    kept = make_item(team, state=workflow.PUBLISHED, on=D(2024, 3, 3), title="现行办法")
    services.apply(old, "repeal", team.head, "已被新办法替代", on=D(2024, 6, 30))
    services.apply(gone, "withdraw", team.head, "误发", on=D(2024, 3, 4))
    new = services.apply(kept, "revise", team.officer, on=D(2024, 4, 1))
    for event, who in PATH[workflow.PUBLISHED]:
        new = services.apply(new, event, getattr(team, who), on=D(2024, 4, 2))
    rss = ET.fromstring(client.get("/feeds/fgj/rss.xml").content)
    entries = [(i.findtext("title"), i.findtext("guid")) for i in rss.iter("item")]
    assert [t for t, _ in entries] == ["【已废止】旧办法", "现行办法"]
    assert entries[1][1].endswith("#v2")
    repealed = next(rss.iter("item")).findtext("description")
    assert repealed.startswith("本文件已于 2024-06-30 废止。")
    ns = {"a": "http://www.w3.org/2005/Atom"}
    atom = ET.fromstring(client.get("/feeds/fgj/atom.xml").content)
    updated = [e.findtext("a:updated", namespaces=ns) for e in atom.iterfind("a:entry", ns)]
    assert [u[:10] for u in updated] == ["2024-06-30", "2024-04-02"]


def test_numbering_goes_on_across_pages_and_facets_narrow_step_by_step(client, team) -> None:
    for n in range(12):
        make_item(
            team,
            state=workflow.PUBLISHED,
            on=D(2024, 3, 1 + n),
            title=f"河道保洁第{n + 1}号通告",
            category="budget" if n % 2 else "other",
        )
    page = client.get("/search/", {"q": "河道保洁", "page": "2"}).content.decode()
    assert '<ol class="results" start="11">' in page
    assert 'href="?q=%E6%B2%B3%E9%81%93%E4%BF%9D%E6%B4%81&amp;page=1">1</a>' in page
    assert 'aria-current="page" class="current">2</a>' in page
    catalogue = client.get("/catalog/fgj/", {"year": "2024"}).content.decode()
    assert 'href="?year=2024&amp;category=budget"' in catalogue
    narrowed = text_of(client.get("/catalog/fgj/", {"year": "2024", "category": "budget"}))
    assert "2024年 （7）财政预算、决算信息" in narrowed and "共 6 条" in narrowed


def sitemap_locs(client, path: str, tag: str) -> list[str]:  # type: ignore[no-untyped-def]
    response = client.get(path)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/xml")
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    return [u.findtext(f"{ns}loc") for u in ET.fromstring(response.content).iter(f"{ns}{tag}")]


def test_sitemap_is_an_index_of_files_listing_items_guides_and_catalogues(
    client, team, published, settings
) -> None:
    from gongkai.portal import sitemaps

    files = sitemap_locs(client, "/sitemap.xml", "sitemap")
    assert files == ["http://testserver/sitemap-pages.xml", "http://testserver/sitemap-items-1.xml"]
    pages = sitemap_locs(client, "/sitemap-pages.xml", "url")
    assert "http://testserver/guide/fgj/" in pages and "http://testserver/catalog/fgj/" in pages
    assert sitemap_locs(client, "/sitemap-items-1.xml", "url") == [
        f"http://testserver/items/{published.pk}/"
    ]
    assert client.get("/sitemap-items-2.xml").status_code == 404

    # A publication moves the catalogue's version: the cached files are made again, and
    # past PER_FILE items a second file appears.
    sitemaps.PER_FILE = 1
    try:
        second = make_item(team, state=workflow.PUBLISHED, on=D(2024, 3, 1), title="第二条")
        assert len(sitemap_locs(client, "/sitemap.xml", "sitemap")) == 3
        assert sitemap_locs(client, "/sitemap-items-2.xml", "url") == [
            f"http://testserver/items/{second.pk}/"
        ]
    finally:
        sitemaps.PER_FILE = 10_000


def test_attachment_is_served_as_a_download_with_its_type(client, team, tmp_path, settings) -> None:
    settings.VAR_DIR = tmp_path
    item = make_item(team)
    att = services.add_attachment(item, team.officer, "附件1.pdf", b"%PDF-1.7\n%test\n")
    for event, who in [
        ("submit", team.officer),
        ("approve_first", team.first),
        ("approve_second", team.second),
        ("approve_final", team.head),
    ]:
        item = services.apply(item, event, who)
    response = client.get(f"/items/{item.pk}/files/{att.pk}/")
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == b"%PDF-1.7\n%test\n"


def test_repeal_links_and_validity_show_on_both_items(client, team) -> None:
    old = make_item(team, state=workflow.PUBLISHED, kind="normative", title="旧办法")
    new = make_item(team, state=workflow.PUBLISHED, kind="normative", title="新办法", repeals=[old])
    old_page = text_of(client.get(f"/items/{old.pk}/"))
    assert "有效性 废止" in old_page and "已被废止，见： 新办法" in old_page
    assert "本文废止： 旧办法" in text_of(client.get(f"/items/{new.pk}/"))


def test_the_guide_has_every_section_a_guide_needs(client, organ) -> None:  # type: ignore[no-untyped-def]
    organ.reconsideration_body = "湖州市吴兴区人民政府"
    organ.court = "湖州市吴兴区人民法院"
    organ.save()
    page = text_of(client.get("/guide/fgj/"))
    for text in (
        "（一）主动公开",
        "20个工作日内予以公开（条例第二十六条）",
        "（二）依申请公开",
        "2.收到申请之日的确定",
        "3.补正",
        "7个工作日内一次性告知申请人",
        "5.收费",
        "四、监督和救济",
        "依法向湖州市吴兴区人民政府申请行政复议",
        "依法向湖州市吴兴区人民法院提起行政诉讼",
    ):
        assert text in page, text
    assert "一、主动公开：" not in page  # sub-items never numbered like the section headings
