"""Tables a CMS printed as their own escaped markup (``&lt;table&gt;…``) are read as the
tables they describe, on a web page and in a crawler's text, and the report says so."""

from __future__ import annotations

import html

from gongkai.annual.parse import parse_bytes

_TABLE3_ROWS = (
    ("一、本年新收政府信息公开申请数量", (4, 1, 0, 0, 0, 0, 5)),
    ("二、上年结转政府信息公开申请数量", (0, 0, 0, 0, 0, 0, 0)),
    ("（一）予以公开", (3, 1, 0, 0, 0, 0, 4)),
    ("（七）总计", (3, 1, 0, 0, 0, 0, 4)),
    ("四、结转下年度继续办理", (1, 0, 0, 0, 0, 0, 1)),
)


def _table(rows: list[list[object]]) -> str:
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table border="1">{body}</table>'


def _escaped_report(join: str) -> str:
    header = [
        "项目",
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "总计",
    ]
    table2 = _table(
        [["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["行政规范性文件", 2, 1, 8]]
    )
    table3 = _table([header, *([label, *cells] for label, cells in _TABLE3_ROWS)])
    parts = [
        "青石县水利局2024年政府信息公开工作年度报告",
        "一、总体情况",
        "2024年，本局依法做好政府信息公开工作。",
        "二、主动公开政府信息情况",
        html.escape(table2),
        "三、收到和处理政府信息公开申请情况",
        html.escape(table3),
        "四、政府信息公开行政复议、行政诉讼情况",
        "本年度未发生政府信息公开行政复议、行政诉讼案件。",
        "五、存在的主要问题及改进情况",
        "无。",
        "六、其他需要报告的事项",
        "无。",
    ]
    return join.join(parts)


def _codes(report: object) -> list[str]:
    return [str(d["code"]) for d in report.diagnostics or ()]  # type: ignore[attr-defined]


def test_a_page_showing_its_tables_as_markup_text_is_read_as_those_tables() -> None:
    page = "<html><body><p>" + _escaped_report("</p><p>") + "</p></body></html>"
    report = parse_bytes(page.encode("utf-8"), "年报.html")
    data = report.to_dict()
    assert data["table2"]["normative_documents"] == {"made": 2, "repealed": 1, "in_force": 8}
    assert data["table3"]["received"] == [4, 1, 0, 0, 0, 0, 5]
    assert data["table3"]["carried_forward"] == [1, 0, 0, 0, 0, 0, 1]
    assert "TABLE_MARKUP_ESCAPED" in _codes(report)
    said = next(d for d in report.diagnostics or () if d["code"] == "TABLE_MARKUP_ESCAPED")
    assert said["severity"] == "info" and said["tables"] == 2


def test_a_crawled_text_holding_escaped_table_markup_reads_the_same() -> None:
    report = parse_bytes(_escaped_report("\n").encode("utf-8"), "抓取.txt")
    data = report.to_dict()
    assert data["organ"] == "青石县水利局"
    assert data["table3"]["received"] == [4, 1, 0, 0, 0, 0, 5]
    assert "TABLE_MARKUP_ESCAPED" in _codes(report)
    assert data["sections"]["1"].startswith("2024年")


def test_markup_named_in_prose_without_a_whole_table_is_left_as_text() -> None:
    text = _escaped_report("\n").replace(html.escape("</table>"), "", 1)
    text = text.replace(html.escape("</table>"), "")
    report = parse_bytes(text.encode("utf-8"), "抓取.txt")
    assert "TABLE_MARKUP_ESCAPED" not in _codes(report)
