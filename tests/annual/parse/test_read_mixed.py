"""Text with HTML tables inside (a converter's Markdown): lines stay lines, tables grids."""

from __future__ import annotations

from gongkai.annual.parse.document import Grid, Line
from gongkai.annual.parse.read_mixed import is_text_with_tables
from gongkai.annual.parse.reader import read_document

MARKDOWN = (
    "# 样例县统计局2025年政府信息公开工作年度报告\n"
    "\n"
    "# 一、总体情况\n"
    "全年主动公开信息120条。\n"
    "# 二、主动公开政府信息情况\n"
    "<html><body><table><tr><td>规章</td><td>0</td><td>1</td><td>2</td></tr>\n"
    "<tr><td>行政规范性文件</td><td>3</td><td>0</td><td>9</td></tr></table></body></html>\n"
    "\n"
    "# 三、收到和处理政府信息公开申请情况\n"
    "<table><tr><td>外层<table><tr><td>内层</td></tr></table></td><td>5</td></tr></table>\n"
    "说明：本表无数据变化。\n"
)


def test_lines_between_tables_stay_lines_and_each_table_is_a_grid() -> None:
    document = read_document(MARKDOWN.encode(), "converted.md")
    lines = [(b.number, b.text) for b in document.blocks if isinstance(b, Line)]
    assert lines[:4] == [
        (1, "样例县统计局2025年政府信息公开工作年度报告"),
        (3, "一、总体情况"),
        (4, "全年主动公开信息120条。"),
        (5, "二、主动公开政府信息情况"),
    ]
    assert (9, "三、收到和处理政府信息公开申请情况") in lines
    assert lines[-1] == (11, "说明：本表无数据变化。")
    grids = [b for b in document.blocks if isinstance(b, Grid)]
    assert grids[0].rows == (("规章", "0", "1", "2"), ("行政规范性文件", "3", "0", "9"))
    assert grids[0].number == 6
    # the nested table is read with the one around it (a layout table: its cells as lines)
    assert len(grids) == 1 and [t for _, t in lines[5:8]] == ["外层", "内层", "5"]


def test_a_web_page_after_a_crawlers_header_lines_is_still_a_page() -> None:
    page = (
        "标题:样例局2025年政府信息公开工作年度报告\n发布机构:样例局\n原文链接:http://x\n"
        "<html><body><div class='nav'>首页</div><p>正文</p>"
        "<table><tr><td>规章</td><td>1</td></tr></table></body></html>"
    )
    assert not is_text_with_tables(page)
    assert not is_text_with_tables("<html><body><table></table></body></html>")
    assert not is_text_with_tables("一行\n二行\n三行\n没有表格<br>\n")


def test_an_unclosed_table_runs_to_the_end() -> None:
    text = "标题\n第一部分\n第二部分\n<table><tr><td>行政许可</td><td>7</td></tr>"
    assert is_text_with_tables(text)
    document = read_document(text.encode(), "cut.md")
    assert [b.rows for b in document.blocks if isinstance(b, Grid)] == [(("行政许可", "7"),)]
