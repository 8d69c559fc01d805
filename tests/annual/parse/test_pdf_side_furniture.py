"""A web page printed from a browser carries the site's floating side widget (分享 收藏
打印 纠错 返回 顶部) at the same place on every page; where one of its words falls on a
line of the report (五、存在的主要问题及改进情况 read as 五、存在的主要问题及改进情况 返回),
that part's heading was not found. Short words that stand alone at the same height on
most pages are page furniture: dropped, also from the end of a line they were joined to."""

from __future__ import annotations

import pytest

from gongkai.annual.parse.pdf_layout import TableBox
from gongkai.annual.parse.read_pdf import _drop_side_furniture, read_pdf

WIDGET = ("分享", "收藏", "打印", "纠错", "返回", "顶部")
HEADING = "五、存在的主要问题及改进情况"

Page = tuple[list[tuple[float, str | TableBox]], float]


def _widget_pages(heading_line: str, column_names: str) -> list[Page]:
    first = [(80.0, "一、总体情况"), *((300.0 + 12 * i, word) for i, word in enumerate(WIDGET))]
    first.append((400.0, "计"))
    second = [
        (80.0, column_names),
        *((300.0 + 12 * i, word) for i, word in enumerate(WIDGET) if word != "返回"),
        (345.7, heading_line),
    ]
    return [(first, 842.0), (second, 842.0)]


def test_a_widget_word_joined_to_a_heading_is_dropped_and_the_heading_kept() -> None:
    pages = _widget_pages(f"{HEADING}\t返回", "维持 纠正 结果 审结 计")
    _drop_side_furniture(pages)
    texts = [[item for _, item in items] for items, _ in pages]
    assert texts[0] == ["一、总体情况", "计"]
    assert HEADING in texts[1] and not set(WIDGET) & set(texts[1])


def test_a_table_header_word_at_a_widget_height_is_kept() -> None:
    # 计 alone on one page and the last of a row of column names on the other, at about
    # the same height: the names are short words, not a line of text a widget fell on
    pages = _widget_pages(HEADING, "维持 纠正 结果 审结 计")
    pages[1][0].append((396.0, "维持 纠正 结果 审结 计"))
    _drop_side_furniture(pages)
    assert "维持 纠正 结果 审结 计" in [item for _, item in pages[1][0]]
    assert "计" in [item for _, item in pages[0][0]]


def test_words_of_a_single_page_are_kept() -> None:
    pages = _widget_pages(HEADING, "")[:1]
    _drop_side_furniture(pages)
    assert [item for _, item in pages[0][0]][1:7] == list(WIDGET)


def _printed_with_widget() -> bytes:
    weasyprint = pytest.importorskip("weasyprint")
    widget = "".join(f"<div>{word}</div>" for word in WIDGET)
    html = f"""<html><head><style>@page {{ size: A4; margin: 20mm }}
body {{ font-size: 12pt; line-height: 18pt; margin: 0 }}
p, h2 {{ width: 70%; margin: 0; font-size: 12pt; font-weight: normal }}
.widget {{ position: fixed; right: 0; top: 0; width: 3em; font-size: 9pt; line-height: 18pt }}
</style></head><body><div class="widget">{widget}</div>
<p style="margin-bottom: 36pt">某县人民政府2023年政府信息公开工作年度报告</p>
<p>一、总体情况</p><p>本机关认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进政府信息公开。</p>
<p style="page-break-before: always">本机关依法答复各类申请，做到应公开尽公开。</p>
<h2>{HEADING}</h2><p>公开内容不够全面，下一步将加强业务培训。</p></body></html>"""
    return bytes(weasyprint.HTML(string=html).write_pdf())


@pytest.mark.slow
def test_a_printed_widget_beside_the_text_is_dropped_from_its_lines() -> None:
    # 收藏 and 打印 stand alone on page 1 (beside a blank space) and fall on the lines
    # of the heading and a sentence on page 2; 纠错 falls on a short heading on page 1
    lines = [line.text for line in read_pdf(_printed_with_widget(), "widget.pdf").lines()]
    assert HEADING in lines
    assert "一、总体情况" in lines
    assert not [text for text in lines if any(word in text for word in WIDGET[1:4])]
