"""Tables 二 and 四 printed one cell a line (item | measure | value): each number is
put in the cell its line names, a dash in a column that does not apply is filler, and a
cell never named stays null and is said."""

from __future__ import annotations

from typing import Any

from gongkai.annual.parse import parse_bytes

_TABLE2 = [
    ("第二十条第（一）项", "规章", "本年制发件数", "0"),
    ("第二十条第（一）项", "规章", "本年废止件数", "0"),
    ("第二十条第（一）项", "规章", "现行有效件数", "1"),
    ("第二十条第（一）项", "行政规范性文件", "本年制发件数", "2"),
    ("第二十条第（一）项", "行政规范性文件", "本年废止件数", "0"),
    ("第二十条第（一）项", "行政规范性文件", "现行有效件数", "8"),
    ("第二十条第（五）项", "行政许可", "本年处理决定数量", "271"),
    ("第二十条第（六）项", "行政处罚", "本年处理决定数量", "45"),
    ("第二十条第（六）项", "行政强制", "本年处理决定数量", "1"),
    ("第二十条第（八）项", "行政事业性收费", "本年收费金额（单位：万元）", "0.5"),
]
_GROUPS = [
    ("行政复议", "—", [1, 0, 0, 1, 2]),
    ("行政诉讼", "未经复议直接起诉", [0, 0, 1, 0, 1]),
    ("行政诉讼", "复议后起诉", [0, 1, 0, 0, 1]),
]
_COLUMNS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
_TABLE3 = """<table border="1">
<tr><td colspan="3">项目</td><td>自然人</td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td>
<td>法律服务机构</td><td>其他</td><td>总计</td></tr>
<tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>3</td><td>0</td><td>0</td><td>0</td>
<td>0</td><td>0</td><td>3</td></tr>
</table>"""


def _row(*cells: object) -> str:
    return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def _report(table2: list[tuple[str, str, str, str]]) -> Any:
    rows2 = "".join(_row(*line) for line in table2)
    rows4 = "".join(
        _row(group, case, column, number)
        for group, case, numbers in _GROUPS
        for column, number in zip(_COLUMNS, numbers, strict=True)
    )
    html = (
        "<html><body><h1>白沙县农业农村局2025年政府信息公开工作年度报告</h1>"
        "<h2>一、总体情况</h2><p>全年主动公开信息120条。</p>"
        "<h2>二、主动公开政府信息情况</h2><table border='1'>"
        "<tr><th>条款</th><th>信息内容</th><th>统计指标</th><th>数值</th></tr>"
        f"{rows2}</table>"
        f"<h2>三、收到和处理政府信息公开申请情况</h2>{_TABLE3}"
        "<h2>四、政府信息公开行政复议、行政诉讼情况</h2><table border='1'>"
        "<tr><th>类别</th><th>情形</th><th>结果</th><th>件数</th></tr>"
        f"{rows4}</table>"
        "<h2>五、存在的主要问题及改进情况</h2><p>无。</p>"
        "<h2>六、其他需要报告的事项</h2><p>无。</p></body></html>"
    )
    return parse_bytes(html.encode("utf-8"), "报告.html")


def _codes(report: Any) -> set[str]:
    return {str(d["code"]) for d in report.diagnostics or ()}


def test_table2_one_cell_a_line_puts_each_number_in_the_cell_it_names() -> None:
    table2 = _report(_TABLE2).to_dict()["table2"]
    assert table2["regulations"] == {"made": 0, "repealed": 0, "in_force": 1}
    assert table2["normative_documents"] == {"made": 2, "repealed": 0, "in_force": 8}
    assert [table2[k] for k in ("licensing", "punishment", "coercion")] == [271, 45, 1]
    assert str(table2["fees"]) == "0.5"
    assert "TABLE2_ONE_CELL_A_ROW" in _codes(_report(_TABLE2))


def test_table2_one_cell_a_line_in_another_order_is_read_the_same() -> None:
    report = _report(list(reversed(_TABLE2)))
    table2 = report.to_dict()["table2"]
    assert table2["regulations"] == {"made": 0, "repealed": 0, "in_force": 1}
    assert table2["licensing"] == 271
    assert not [d for d in report.diagnostics or () if str(d.get("row", "")).startswith("table2")]


def test_a_cell_never_named_stays_null_and_is_said() -> None:
    report = _report([line for line in _TABLE2 if line[2] != "本年废止件数"])
    table2 = report.to_dict()["table2"]
    assert table2["normative_documents"] == {"made": 2, "repealed": None, "in_force": 8}
    said = [d for d in report.diagnostics or () if d["code"] == "ROW_NOT_FOUND"]
    assert said and said[0]["severity"] == "warning"


def test_table4_one_cell_a_line_with_a_dash_for_the_case_of_reconsideration() -> None:
    report = _report(_TABLE2)
    table4 = report.to_dict()["table4"]
    keys = ("reconsideration", "litigation_direct", "litigation_after_reconsideration")
    columns = ("upheld", "corrected", "other", "pending", "total")
    assert [[table4[g][c] for c in columns] for g in keys] == [n for _, _, n in _GROUPS]
    assert "TABLE4_ONE_CELL_A_ROW" in _codes(report)
