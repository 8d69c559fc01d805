"""HTML pages: clutter dropped, lines in reading order, merged cells expanded."""

from __future__ import annotations

import quopri

from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.document import Grid, Line
from gongkai.annual.parse.reader import read_document
from tests.annual.parse.test_fixture_reports import differences, expected_for
from tests.conftest import FIXTURES

PAGE = FIXTURES / "documents" / "report_page.html"


def test_page_with_clutter_keeps_only_the_report_text() -> None:
    document = read_document(PAGE)
    assert document.kind == "html"
    assert document.diagnostics == []
    assert [line.text for line in document.lines()] == [
        "测试市测试局2024年政府信息公开工作年度报告",
        "一、总体情况",
        "2024年，本局共收到政府信息公开申请1234件。",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
    ]
    assert document.lines()[0].number == 17  # the line of the <h1> in the page source


def test_rowspan_and_colspan_are_expanded_into_the_real_grid() -> None:
    (grid,) = read_document(PAGE).grids()
    assert len(grid.rows) == 4
    assert all(len(row) == 15 for row in grid.rows)
    assert grid.rows[0] == ("行政复议",) * 5 + ("行政诉讼",) * 10
    assert grid.merged[0] == (False,) + (True,) * 4 + (False,) + (True,) * 9
    assert grid.rows[1][:6] == (
        "结果维持",
        "结果纠正",
        "其他结果",
        "尚未审结",
        "总计",
        "未经复议直接起诉",
    )
    # the rowspan=2 header cells repeat in the third row, marked as merged
    assert grid.rows[2][:5] == ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
    assert grid.merged[2][:6] == (True, True, True, True, True, False)
    # full-width digit, em dash and a no-break space as printed
    assert grid.rows[3][:5] == ("1", "0", "-", "", "1")
    assert grid.number == 21


def test_layout_table_is_a_container_not_a_grid() -> None:
    html = (
        "<html><body><table><tr><td><p>一、总体情况</p>"
        "<table><tr><td>规章</td><td>0</td></tr></table></td></tr></table></body></html>"
    )
    document = read_document(html.encode(), "layout.html")
    assert document.lines() == [Line("一、总体情况", 1)]
    assert [grid.rows for grid in document.grids()] == [(("规章", "0"),)]


def test_gbk_page_with_declared_charset_and_traditional_text() -> None:
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>'
        "<body><p>收到和处理政府信息公开申请情况</p></body></html>"
    )
    document = read_document(html.encode("gb18030"), "gbk.html")
    assert [line.text for line in document.lines()] == ["收到和处理政府信息公开申请情况"]
    assert document.diagnostics[0]["code"] == "ENCODING"

    big5 = (
        '<html><head><meta charset="big5"></head><body><p>嘉興市數據局政府信息公開工作年度報告</p>'
        "<table><tr><td>總計</td><td>3</td></tr><tr><td>結轉下年度繼續辦理</td><td>0</td></tr>"
        "</table></body></html>"
    )
    document = read_document(big5.encode("big5"), "big5.html")
    assert [line.text for line in document.lines()] == ["嘉兴市数据局政府信息公开工作年度报告"]
    assert document.grids()[0].rows == (("总计", "3"), ("结转下年度继续办理", "0"))
    assert [d["code"] for d in document.diagnostics] == ["ENCODING", "TRADITIONAL"]


def test_short_rows_are_padded_and_cell_breaks_joined() -> None:
    html = "<table><tr><td>商业<br>企业</td><td>科研<br/>机构</td><td>x</td></tr><tr><td>1</td></tr></table>"
    (grid,) = read_document(html.encode(), "short.html").grids()
    assert grid == Grid(
        rows=(("商业企业", "科研机构", "x"), ("1", "", "")),
        merged=((False, False, False), (False, False, False)),
        number=1,
    )


def test_page_without_a_report_reads_as_its_text() -> None:
    """Whether a page holds a report is the recognizer's call; the reader keeps the text."""
    html = "<html><body><nav>首页</nav><p>欢迎访问</p><script>x()</script></body></html>"
    document = read_document(html.encode(), "home.html")
    assert [line.text for line in document.lines()] == ["欢迎访问"]
    assert document.grids() == []


def test_comments_and_hidden_text_in_a_cell_are_not_read() -> None:
    """A Word export wraps list numbers in ``<![if !supportLists]>`` (lxml reads the
    marker as a comment) and writes hidden text as ``display:none``: neither is printed."""
    html = (
        "<table><tr><td><p><![if !supportLists]><span style='mso-list:Ignore'>1.</span>"
        "<![endif]>属于国家秘密</p></td>"
        "<td><span style='display:none;mso-hide:all'>9</span><span>12</span></td>"
        "<td><!-- 7 --><b>3</b></td></tr></table>"
    )
    (grid,) = read_document(html.encode(), "word.html").grids()
    assert grid.rows == (("1.属于国家秘密", "12", "3"),)


def test_rows_and_cells_the_page_hides_are_left_out() -> None:
    html = (
        "<table><tr style='display: none'><td>二、上年结转政府信息公开申请数量</td><td>9</td></tr>"
        "<tr><td>a</td><td style='display:none'>9</td><td>b</td></tr><tr STYLE='DISPLAY:NONE'><td>x</td></tr>"
        "<tr><td>c</td><td>d</td></tr></table>"
    )
    (grid,) = read_document(html.encode(), "hidden.html").grids()
    assert grid.rows == (("a", "b"), ("c", "d"))


def test_a_page_that_hides_only_in_capitals_hides_too() -> None:
    """An old page writes its styles in capitals and nothing else hides on it."""
    html = (
        "<TABLE><TR><TD>a</TD><TD>b</TD></TR>"
        "<TR STYLE='DISPLAY: NONE'><TD>二、上年结转政府信息公开申请数量</TD><TD>9</TD></TR>"
        "<TR><TD>c</TD><TD STYLE='Display:None'>9</TD><TD>d</TD></TR></TABLE>"
    )
    (grid,) = read_document(html.encode(), "capitals.html").grids()
    assert grid.rows == (("a", "b"), ("c", "d"))


def test_one_column_table_is_a_frame_around_text() -> None:
    """Old CMS templates put the article body, paragraph by paragraph, in the one cell of
    a table: its paragraphs are lines (section headings among them), not one grid cell."""
    html = (
        "<table><tr><td><p>一、总体情况</p><p>本年度认真落实条例。</p></td></tr>"
        "<tr><td>（一）主动公开。</td></tr></table>"
        "<table><tr><td>规章</td><td>0</td></tr></table>"
    )
    document = read_document(html.encode(), "frame.html")
    assert [line.text for line in document.lines()] == [
        "一、总体情况",
        "本年度认真落实条例。",
        "(一)主动公开。",
    ]
    assert [grid.rows for grid in document.grids()] == [(("规章", "0"),)]


def test_word_list_number_is_followed_by_one_space() -> None:
    """Word prints a list number's tab as a run of ``&nbsp;``: it becomes one space, so
    the heading is one cell, not a number and a title in two columns."""
    html = (
        "<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]>"
        "<span style='font-family:宋体;mso-list:Ignore'>三、<span style='font:7.0pt'>"
        "&nbsp;&nbsp;&nbsp; </span></span><![endif]><span>收到和处理政府信息公开申请情况</span></p>"
    )
    document = read_document(html.encode(), "list.html")
    assert [line.text for line in document.lines()] == ["三、 收到和处理政府信息公开申请情况"]


def test_page_body_inside_a_form_is_read() -> None:
    """ASP.NET WebForms pages wrap the whole body in one ``<form>``; a search form's
    inputs and buttons still leave nothing."""
    html = (
        '<html><body><form id="aspnetForm" method="post"><input type="hidden" '
        'name="__VIEWSTATE" value="x"/><div class="searchbox"><input name="q"/>'
        "<button>搜索</button></div><p>一、总体情况</p>"
        "<table><tr><td>规章</td><td>0</td></tr></table></form></body></html>"
    )
    document = read_document(html.encode(), "show.aspx")
    assert [line.text for line in document.lines()] == ["一、总体情况"]
    assert [grid.rows for grid in document.grids()] == [(("规章", "0"),)]


def _web_archive(page: bytes, charset: str) -> bytes:
    """``page`` saved as Word saves a "单个文件网页" (MHT): a MIME message whose HTML part
    is quoted-printable, with a preamble in the local encoding and a second part."""
    boundary = "----=_NextPart_01DA4B2C.5E7A1B40"
    head = (
        f'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="{boundary}"\r\n\r\n'
        "此文档为“单个文件网页”，也称为“Web 档案”文件。\r\n\r\n"
        f"--{boundary}\r\nContent-Location: file:///C:/D2B5A2F1/report.htm\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        f'Content-Type: text/html; charset="{charset}"\r\n\r\n'
    ).encode("gb18030")
    tail = (
        f"\r\n\r\n--{boundary}\r\nContent-Location: file:///C:/D2B5A2F1/report.files/filelist.xml"
        '\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Type: text/xml; charset="utf-8"'
        '\r\n\r\n<xml xmlns:o=3D"urn:schemas-microsoft-com:office:office"></xml>\r\n'
        f"--{boundary}--\r\n"
    ).encode("ascii")
    return head + quopri.encodestring(page).replace(b"\n", b"\r\n") + tail


def test_web_archive_of_a_word_export_reads_as_the_page() -> None:
    """Word's MHT (and the ``.doc`` many sites offer, which is one) holds the page
    quoted-printable inside a MIME message: read as the page it holds."""
    name = "word_export_gb2312_msonormal_vertical_label_ghost_rows"
    page = (FIXTURES / "documents" / f"{name}.html").read_bytes()
    report = parse_bytes(_web_archive(page, "gb2312"), f"{name}.doc")
    assert differences(report, expected_for(name)) == []
    document = read_document(_web_archive("<p>一、总体情况</p>".encode(), "utf-8"), "x.mht")
    assert [line.text for line in document.lines()] == ["一、总体情况"]


def test_content_block_named_like_a_menu_is_read_when_it_holds_the_tables() -> None:
    html = (
        "<div class='nav'><a>首页</a><a>政务公开</a></div>"
        "<div class='xxgk_nav_con'><p>三、收到和处理政府信息公开申请情况</p><table>"
        "<tr><td>一、本年新收政府信息公开申请数量</td><td>3</td></tr></table></div>"
        "<div class='footer'>版权所有</div>"
    )
    document = read_document(html.encode(), "nav.html")
    assert [line.text for line in document.lines()] == ["三、收到和处理政府信息公开申请情况"]
    assert len(document.grids()) == 1


def test_report_only_in_a_hidden_tab_is_read_and_said() -> None:
    """A 文字版 tab hidden behind a 全真版 (images) one holds the only copy of the tables:
    it is read, with a note; a hidden copy beside a shown one stays out."""
    table = "<table><tr><td>一、本年新收政府信息公开申请数量</td><td>3</td></tr></table>"
    hidden = (
        "<div id='tab1'><img src='p1.png'></div>"
        f"<div id='tab2' style='display:none'><p>三、收到和处理政府信息公开申请情况</p>{table}</div>"
    )
    document = read_document(hidden.encode(), "tabs.html")
    assert [line.text for line in document.lines()] == ["三、收到和处理政府信息公开申请情况"]
    assert len(document.grids()) == 1
    assert [d["code"] for d in document.diagnostics] == ["HIDDEN_TEXT"]

    shown = f"<div>{table}</div><div style='display:none'><p>打印版</p>{table}</div>"
    document = read_document(shown.encode(), "print.html")
    assert document.lines() == [] and len(document.grids()) == 1
    assert document.diagnostics == []


def test_report_only_in_markup_a_script_shows_is_read() -> None:
    table = "<table><tr><td>一、本年新收政府信息公开申请数量</td><td>3</td></tr></table>"
    for page in (
        f"<div id='app'></div><noscript><p>三、收到和处理政府信息公开申请情况</p>{table}</noscript>",
        f"<div id='app'></div><template><p>三、收到和处理政府信息公开申请情况</p>{table}</template>",
        "<div id='app'></div><textarea id='src' style='display:none'>&lt;p&gt;三、收到和处理"
        "政府信息公开申请情况&lt;/p&gt;&lt;table&gt;&lt;tr&gt;&lt;td&gt;一、本年新收政府信息公开"
        "申请数量&lt;/td&gt;&lt;td&gt;3&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</textarea>",
    ):
        document = read_document(page.encode(), "app.html")
        assert [line.text for line in document.lines()] == ["三、收到和处理政府信息公开申请情况"]
        assert [grid.rows for grid in document.grids()] == [
            (("一、本年新收政府信息公开申请数量", "3"),)
        ]
        assert [d["code"] for d in document.diagnostics] == ["HIDDEN_TEXT"]


def test_frame_showing_inline_markup_is_read_where_it_stands() -> None:
    """An ``<iframe srcdoc>`` (a CMS sandboxing the editor's HTML) shows that markup; a
    frame that loads another file (``src``) shows nothing of this page."""
    inner = "<p>一、总体情况</p><table><tr><td>规章</td><td>3</td></tr></table>"
    escaped = inner.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    page = (
        f'<html><body><h1>标题</h1><iframe srcdoc="{escaped}"></iframe>'
        '<iframe src="/other.html">不支持框架</iframe><p>结尾</p></body></html>'
    )
    document = read_document(page.encode(), "frame.html")
    assert [b.text for b in document.blocks if isinstance(b, Line)] == [
        "标题",
        "一、总体情况",
        "结尾",
    ]
    assert [b.rows for b in document.grids()] == [(("规章", "3"),)]


def test_table_written_by_a_script_is_read_where_the_script_stands() -> None:
    """``document.write`` of string literals joined with ``+`` (escapes undone) that write
    table cells; a script writing anything else (a date) is not read."""
    page = (
        "<html><body><p>二、主动公开政府信息情况</p>"
        "<script>document.write(new Date().getFullYear()); var s = 'x';</script>"
        '<script type="text/javascript">\n'
        "document.write('<table><tr><td>\\u89c4\\u7ae0</td>'\n"
        "  + \"<td>12<\\/td></tr>\" + '<tr><td>行政许可</td><td>3</td><\\/tr><\\/table>');\n"
        "</script><p>三、收到和处理政府信息公开申请情况</p></body></html>"
    )
    document = read_document(page.encode(), "script.html")
    assert [b.text for b in document.blocks if isinstance(b, Line)] == [
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
    ]
    assert [b.rows for b in document.grids()] == [(("规章", "12"), ("行政许可", "3"))]


def test_cell_reads_a_text_field_value_and_leaves_out_footnote_marks() -> None:
    page = (
        "<table><tr><td>行政处罚<sup>注2</sup></td>"
        '<td><input type="text" readonly value="12"><sup>1</sup></td>'
        '<td><input value="3"><input type="button" value="打印"><input type="hidden" value="9"></td>'
        '<td><input type="text" value=""></td></tr></table>'
    )
    document = read_document(page.encode(), "form.html")
    assert [b.rows for b in document.grids()] == [(("行政处罚", "12", "3", ""),)]


def test_excel_export_zero_shown_as_a_dash_is_the_number_the_cell_keeps() -> None:
    """Excel's accounting format prints 0 as ``-``; the export keeps the value in
    ``x:num``. A dash with no value kept is a dash (a blank), never 0."""
    page = (
        "<table><tr><td>行政许可</td>"
        '<td class=xl67 x:num="0">&nbsp;&nbsp;&nbsp; - </td><td class=xl67 x:num="12">12</td>'
        '<td class=xl67 x:num="0.5">－</td><td class=xl66>-</td><td x:num>-</td>'
        '<td x:num="1386">1,386</td></tr></table>'
    )
    document = read_document(page.encode(), "excel.html")
    assert [b.rows for b in document.grids()] == [
        (("行政许可", "0", "12", "0.5", "-", "-", "1386"),)
    ]


def test_one_cell_table_boxing_a_cells_content_is_that_cells_text() -> None:
    """A figure an editor boxed in a table of one cell keeps its place in the grid (a
    blank cell beside it stays blank); a table laying out a real table is a container."""
    box = '<table width="100%"><tr><td><span>{}</span></td></tr></table>'
    page = (
        "<table><tr><td>规章</td>"
        f"<td>{box.format('3')}</td><td></td><td><div>{box.format('12')}</div></td></tr></table>"
        "<table><tr><td>标题</td><td><table><tr><td>行政许可</td><td>5</td></tr></table></td></tr>"
        "</table>"
        "<table><tr><td>说明</td><td>见下表" + box.format("7") + "</td></tr></table>"
    )
    document = read_document(page.encode(), "boxes.html")
    assert [b.rows for b in document.grids()] == [
        (("规章", "3", "", "12"),),
        (("行政许可", "5"),),
    ]
    assert [b.text for b in document.blocks if isinstance(b, Line)] == [
        "标题",
        "说明",
        "见下表",
        "7",
    ]


def test_header_and_footer_of_a_section_are_its_own_not_the_pages() -> None:
    page = (
        "<body><header>某市人民政府门户网站</header><div><section><header><h1>"
        "某区司法局2024年政府信息公开工作年度报告</h1></header><p>正文</p>"
        "<footer><p>某区司法局</p></footer></section></div><footer>网站主办</footer></body>"
    )
    document = read_document(page.encode(), "section.html")
    assert [b.text for b in document.lines()] == [
        "某区司法局2024年政府信息公开工作年度报告",
        "正文",
        "某区司法局",
    ]


def test_page_showing_no_title_before_its_tables_is_named_by_its_own_title() -> None:
    """The title shown as an image: the report's title from ``<meta name="ArticleTitle">``
    (else ``<title>``, without the site's name) is read as the first line; a page that
    shows its title does not get it twice."""
    body = "<body><img src='t.png'><p>一、总体情况</p><table><tr><td>规章</td><td>1</td></tr></table></body>"
    head = "<head><title>某市人民政府 - 某市某局2024年政府信息公开工作年度报告</title>{}</head>"
    meta = '<meta name="ArticleTitle" content="某市某局2024年政府信息公开工作年度报告">'
    for extra in ("", meta):
        document = read_document(f"<html>{head.format(extra)}{body}</html>".encode(), "t.html")
        assert [b.text for b in document.lines()] == [
            "某市某局2024年政府信息公开工作年度报告",
            "一、总体情况",
        ]
    shown = body.replace("<img src='t.png'>", "<h1>某市某局2024年政府信息公开工作年度报告</h1>")
    document = read_document(f"<html>{head.format(meta)}{shown}</html>".encode(), "t.html")
    assert [b.text for b in document.lines()] == [
        "某市某局2024年政府信息公开工作年度报告",
        "一、总体情况",
    ]
    generic = "<html><head><title>政务公开_某市人民政府</title></head>" + body + "</html>"
    document = read_document(generic.encode(), "t.html")
    assert [b.text for b in document.lines()] == ["一、总体情况"]


def test_report_held_as_a_scripts_data_is_read_when_the_page_shows_none() -> None:
    """A page saved before its script rendered it: the markup in a JSON string (Chinese
    as ``\\uXXXX``, ``<\\/``) is read, its keys and other fields are not; a page that
    shows its report does not read its scripts' data."""
    state = (
        '{"title": "\\u67d0\\u5c40", "content": "<p>\\u4e00\\u3001\\u603b\\u4f53\\u60c5\\u51b5'
        '<\\/p><table><tr><td>\\u672c\\u5e74\\u65b0\\u6536</td><td>3<\\/td><\\/tr><\\/table>"}'
    )
    page = (
        f'<html><body><div id="app"></div><script>window.__STATE__={state};</script></body></html>'
    )
    document = read_document(page.encode(), "state.html")
    assert [b.text for b in document.lines()] == ["一、总体情况"]
    assert [b.rows for b in document.grids()] == [(("本年新收", "3"),)]
    assert [d["code"] for d in document.diagnostics] == ["HIDDEN_TEXT"]
    shown = page.replace(
        '<div id="app"></div>', "<table><tr><td>本年新收</td><td>5</td></tr></table>"
    )
    document = read_document(shown.encode(), "state.html")
    assert [b.rows for b in document.grids()] == [(("本年新收", "5"),)]
    assert document.lines() == []


def test_rows_of_a_table_with_boxed_cells_inside_a_stray_form_are_read() -> None:
    page = (
        "<table><tr><td>规章</td><td><table><tr><td>1</td></tr></table></td></tr>"
        "<form><tr><td>行政许可</td><td>2</td></tr></form></table>"
    )
    document = read_document(page.encode(), "form.html")
    assert [b.rows for b in document.grids()] == [(("规章", "1"), ("行政许可", "2"))]
