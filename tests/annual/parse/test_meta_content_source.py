"""The organ a portal page records only in its CMS's ``<meta name="ContentSource">``.

Government sites' CMSs (TRS, Hanweb…) put an article's source in the page's head beside
its ``ArticleTitle`` and the site's ``SiteName``. When the title, the opening text and the
signature name no organ, the ContentSource names it, read as less than certain
(``ORGAN_FROM_PUBLISHER``, as a crawler's ``发布机构：`` line is); ``SiteName`` names the
portal's owner and is never read as the organ.
"""

from __future__ import annotations

from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.document import Line
from gongkai.annual.parse.reader import read_document

_BODY = """<p>一、总体情况</p>
<p>2024年，我局认真落实《中华人民共和国政府信息公开条例》，做好各项公开工作。</p>
<p>二、主动公开政府信息情况</p>
<p>本年制发规范性文件3件。</p>
<p>五、存在的主要问题及改进情况</p>
<p>公开质量还需提高。</p>
"""


def _page(head: str, title: str = "2024年政府信息公开工作年度报告", signed: str = "") -> bytes:
    page = (
        f'<!DOCTYPE html><html><head><meta charset="utf-8">{head}'
        "<title>2024年政府信息公开工作年度报告</title></head><body>"
        f'<div class="article"><h1>{title}</h1>'
        '<div class="info">发布时间：2025-01-20 来源：本站</div>'
        f'<div class="content">{_BODY}{signed}'
        '<p style="text-align:right">2025年1月24日</p></div></div>'
        '<div class="footer">主办单位：样例市人民政府办公室</div></body></html>'
    )
    return page.encode("utf-8")


def _read(page: bytes) -> AnnualReport:
    return parse_bytes(page, "年报.html")


def _codes(report: AnnualReport) -> list[str]:
    return [str(d["code"]) for d in report.diagnostics or ()]


def _from_publisher(report: AnnualReport) -> list[dict[str, object]]:
    return [d for d in report.diagnostics or () if d["code"] == "ORGAN_FROM_PUBLISHER"]


SOURCE = '<meta name="ContentSource" content="样例市教育局">'
SITE = '<meta name="SiteName" content="样例市人民政府">'


def test_content_source_names_the_organ_when_nothing_else_does_and_it_is_said() -> None:
    report = _read(_page(SOURCE + SITE))
    assert report.organ == "样例市教育局"
    assert report.year == 2024
    notes = _from_publisher(report)
    assert len(notes) == 1
    assert notes[0]["field"] == "ContentSource"
    assert "网页元数据" in str(notes[0]["message"])
    assert "ORGAN_NOT_FOUND" not in _codes(report)


def test_content_source_is_ignored_when_the_title_names_the_organ() -> None:
    report = _read(_page(SOURCE, title="样例县财政局2024年政府信息公开工作年度报告"))
    assert report.organ == "样例县财政局"
    assert not _from_publisher(report)


def test_content_source_is_ignored_when_the_report_is_signed() -> None:
    signed = '<p style="text-align:right">样例市交通运输局</p>'
    report = _read(_page(SOURCE, signed=signed))
    assert report.organ == "样例市交通运输局"
    assert not _from_publisher(report)


def test_site_name_is_never_the_organ() -> None:
    report = _read(_page(SITE + '<meta name="ColumnName" content="年度报告">'))
    assert report.organ is None
    assert "ORGAN_NOT_FOUND" in _codes(report)


def test_a_content_source_naming_a_website_or_this_site_is_not_an_organ() -> None:
    for source in ("样例市人民政府网站", "本网", "样例日报"):
        report = _read(_page(f'<meta name="ContentSource" content="{source}">'))
        assert report.organ is None, source
        assert not _from_publisher(report)


def test_the_meta_is_read_in_any_attribute_order_quoting_and_case() -> None:
    for meta in (
        "<meta content='样例市教育局' name='ContentSource'>",
        '<META NAME="contentsource" CONTENT="样例市教育局" />',
        '<meta name=ContentSource content="样例市&#25945;育局">',
    ):
        assert _read(_page(meta)).organ == "样例市教育局", meta


def test_the_content_source_is_a_field_line_first_and_the_title_stays_the_title() -> None:
    page = _page(SOURCE, title="2024年样例市教育局政府信息<br>公开工作年度报告")
    lines = [b.text for b in read_document(page, "年报.html").blocks if isinstance(b, Line)]
    assert lines[0] == "ContentSource：样例市教育局"
    report = _read(page)
    assert report.title == "2024年样例市教育局政府信息公开工作年度报告"
    assert report.organ == "样例市教育局"
    assert not _from_publisher(report)  # the title names it


def test_a_generic_title_wrapped_over_two_lines_is_not_joined_to_the_field_line() -> None:
    report = _read(_page(SOURCE, title="2024年政府信息公开<br>工作年度报告"))
    assert report.title == "2024年政府信息公开工作年度报告"
    assert report.organ == "样例市教育局"
    assert _from_publisher(report)


def test_a_page_without_the_meta_has_no_such_line() -> None:
    page = _page(SITE)
    lines = [b.text for b in read_document(page, "年报.html").blocks if isinstance(b, Line)]
    assert not any("ContentSource" in line for line in lines)
