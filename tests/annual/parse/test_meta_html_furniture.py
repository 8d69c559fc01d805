"""The organ an HTML page names only in the furniture ``read_html`` drops from its text.

A report titled ``2025年政府信息公开工作年度报告`` and signed ``本机关`` names no organ; the
page around it may: its breadcrumb (a ``breadcrumb``/``position``/``dqwz`` element, the
words ``当前位置：``), its footer's ``主办单位``, its site's name after the report's in
``<title>`` or its logo's ``alt``. ``read_html`` keeps those, and only those, as
``PageFurniture：…`` lines before the page's text, which the meta reader alone reads, last
(``ORGAN_FROM_PUBLISHER``). Never read as the organ: a ``承办单位`` or ``技术支持``
company, a site code or ICP number, a people's government's portal owner alone (it hosts
every department's reports); a breadcrumb's bureau wins over the portal's owner. The
report's body, sections and tables read as on the page without its furniture.
"""

from __future__ import annotations

from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.reader import read_document

TITLE = "2025年政府信息公开工作年度报告"
BODY = (
    "<p>一、总体情况</p><p>2025年，本机关认真落实《中华人民共和国政府信息公开条例》，做好公开工作。</p>"
    "<p>二、主动公开政府信息情况</p>"
    "<table><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
    "<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>"
    "<tr><td>行政规范性文件</td><td>3</td><td>1</td><td>12</td></tr></table>"
    "<p>五、存在的主要问题及改进情况</p><p>公开质量还需提高。</p>"
    "<p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p>"
    "<p style='text-align:right'>本机关</p><p style='text-align:right'>2026年1月20日</p>"
)


def _page(top: str = "", foot: str = "", title: str = TITLE, own: str = "本机关") -> bytes:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
        f"{top}<div class='article'><h1>{TITLE}</h1>"
        f"<div class='content'>{BODY.replace('本机关', own)}</div></div>{foot}</body></html>"
    ).encode()


def _read(page: bytes) -> AnnualReport:
    return parse_bytes(page, "年报.html")


def _organ_and_field(report: AnnualReport) -> tuple[str | None, object]:
    notes = [d for d in report.diagnostics or () if d["code"] == "ORGAN_FROM_PUBLISHER"]
    assert len(notes) <= 1
    return report.organ, notes[0].get("field") if notes else None


def _furniture_lines(page: bytes) -> list[str]:
    document = read_document(page, "年报.html")
    return document.furniture() if document.furniture is not None else []


CRUMB = (
    "<div class='breadcrumb'>当前位置：<a href='/'>首页</a> &gt; <a href='/bm'>部门频道</a>"
    " &gt; <a href='/czj'>样例县财政局</a> &gt; <span>年度报告</span></div>"
)


def test_a_breadcrumb_div_names_the_organ() -> None:
    report = _read(_page(top=CRUMB))
    assert _organ_and_field(report) == ("样例县财政局", "当前位置")
    assert report.year == 2025


def test_a_breadcrumb_drawn_as_list_items_or_said_in_words_names_the_organ() -> None:
    drawn = (
        "<ul class='crumbs'><li><a href='/'>首页</a></li><li><a>部门频道</a></li>"
        "<li><a>样例县财政局</a></li><li>年度报告</li></ul>"
    )
    worded = (
        "<div class='wz'>您现在的位置：<a href='/'>首页</a> » <a>样例县财政局</a> » "
        "<a>政府信息公开年报</a></div>"
    )
    by_id = "<div id='dqwz'><a href='/'>首页</a> / <a>样例县财政局</a> / 正文</div>"
    for top in (drawn, worded, by_id):
        assert _organ_and_field(_read(_page(top=top))) == ("样例县财政局", "当前位置"), top


def test_a_footers_host_names_the_organ_not_its_contractor_or_site_codes() -> None:
    footer = (
        "<footer><p>主办单位：样例市样例区财政局 承办单位：样例网络科技有限公司</p>"
        "<p>技术支持：样例信息技术有限公司 网站标识码：3612000031 赣ICP备12345678号</p></footer>"
    )
    assert _organ_and_field(_read(_page(foot=footer))) == ("样例市样例区财政局", "主办单位")


def test_companies_site_codes_and_icp_numbers_never_name_the_organ() -> None:
    footer = (
        "<div class='footer'><p>承办单位：样例网络科技有限公司</p>"
        "<p>技术支持：样例信息技术有限公司</p><p>网站标识码：3612000031 赣ICP备12345678号</p>"
        "<p>版权所有：样例网络科技有限公司</p></div>"
    )
    report = _read(_page(foot=footer))
    assert _organ_and_field(report) == (None, None)
    assert _furniture_lines(_page(foot=footer)) == []


def test_the_site_name_after_the_reports_in_the_page_title_names_the_organ() -> None:
    for title in (f"{TITLE} - 样例县财政局网站", f"{TITLE}_政府信息公开_样例县财政局"):
        report = _read(_page(title=title))
        assert _organ_and_field(report) == ("样例县财政局", "网站名称"), title


def test_the_header_logos_alt_names_the_organ() -> None:
    logo = "<header><a class='logo' href='/'><img src='/i/top.png' alt='样例县财政局'></a></header>"
    assert _organ_and_field(_read(_page(top=logo))) == ("样例县财政局", "网站名称")
    image = "<div id='head'><img class='logo' src='/i/top.png' alt='样例县财政局 政府信息公开专栏'></div>"
    assert _organ_and_field(_read(_page(top=image))) == ("样例县财政局", "网站名称")


def test_a_peoples_government_portal_alone_is_never_the_organ() -> None:
    footer = "<div class='footer'>主办单位：样例县人民政府办公室 网站标识码：3612000031</div>"
    for page in (
        _page(title=f"{TITLE}_样例县人民政府门户网站"),
        _page(foot=footer),
        _page(top="<div class='logo'><img src='/l.png' alt='样例县人民政府门户网站'></div>"),
    ):
        assert _organ_and_field(_read(page)) == (None, None)


def test_the_breadcrumbs_bureau_wins_over_the_portal_hosting_it() -> None:
    crumb = (
        "<div class='position'>当前位置：<a>首页</a> &gt; <a>部门频道</a> &gt; "
        "<a>医疗保障局</a> &gt; <a>年度报告</a></div>"
    )
    footer = "<footer>主办单位：样例县人民政府办公室 承办：样例县大数据中心</footer>"
    page = _page(top=crumb, foot=footer, title=f"{TITLE}_样例县人民政府门户网站")
    assert _organ_and_field(_read(page)) == ("样例县医疗保障局", "当前位置")


def test_furniture_the_reports_own_words_deny_is_passed_over() -> None:
    # a report saying 我局 is no 委员会's
    footer = "<footer>主办单位：样例县发展和改革委员会</footer>"
    assert _organ_and_field(_read(_page(foot=footer, own="我局"))) == (None, None)


def test_a_title_naming_the_organ_is_not_overruled_by_the_furniture() -> None:
    page = _page(top=CRUMB).replace(
        f"<h1>{TITLE}</h1>".encode(), f"<h1>样例县教育局{TITLE}</h1>".encode()
    )
    assert _organ_and_field(_read(page)) == ("样例县教育局", None)


def test_the_furniture_stays_out_of_the_reports_text_sections_and_tables() -> None:
    footer = "<footer>主办单位：样例市样例区财政局 网站标识码：3612000031</footer>"
    logo = "<header><img class='logo' src='/l.png' alt='样例县财政局'></header>"
    bare, dressed = _page(), _page(top=logo + CRUMB, foot=footer, title=f"{TITLE}_样例县财政局网站")
    plain, read = read_document(bare, "a.html"), read_document(dressed, "a.html")
    assert read.grids() == plain.grids()
    assert _furniture_lines(dressed) == [
        "当前位置：当前位置： > 首页 > 部门频道 > 样例县财政局 > 年度报告",
        "主办单位：主办单位：样例市样例区财政局 网站标识码：3612000031",
        "网站名称：样例县财政局网站",
        "网站名称：样例县财政局",
    ]
    assert [line.text for line in read.lines()] == [line.text for line in plain.lines()]
    before, after = _read(bare), _read(dressed)
    assert after.sections == before.sections
    assert after.table2 == before.table2 and after.table3 == before.table3
    assert after.title == before.title == TITLE
    assert all("主办单位" not in text for text in after.sections.values())


def test_a_sentence_saying_position_is_no_breadcrumb() -> None:
    # 位置 without a colon after it is the text's, not a breadcrumb's
    top = "<p>首页在网站显著位置<span>样例县财政局</span><a href='/'>链接</a></p>"
    assert _organ_and_field(_read(_page(top=top))) == (None, None)
