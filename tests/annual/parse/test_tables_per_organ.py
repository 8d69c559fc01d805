"""A joint report that prints each table once per organ, each copy under a sub-heading
naming its organ: the first organ's tables are read, the others set aside and said, never
read as duplicate rows."""

from __future__ import annotations

from gongkai.annual.parse import parse_bytes


def _table2(licensing: int) -> str:
    return (
        "<table border='1'><tr><td>信息内容</td><td>本年处理决定数量</td></tr>"
        f"<tr><td>行政许可</td><td>{licensing}</td></tr>"
        "<tr><td>行政处罚</td><td>3</td></tr></table>"
    )


def _report(second: str) -> bytes:
    html = (
        "<html><body><h1>青石县人民政府2024年政府信息公开工作年度报告</h1>"
        "<p>一、总体情况</p><p>本报告包括县人民政府和县人民政府办公室的情况。</p>"
        "<p>二、主动公开政府信息情况</p>"
        f"<p>（一）县人民政府</p>{_table2(120)}<p>{second}</p>{_table2(7)}"
        "<p>三、收到和处理政府信息公开申请情况</p><p>四、政府信息公开行政复议、行政诉讼情况</p>"
        "<p>五、存在的主要问题及改进情况</p><p>无。</p><p>六、其他需要报告的事项</p><p>无。</p>"
        "</body></html>"
    )
    return html.encode("utf-8")


def _codes(report: object) -> list[str]:
    return [str(d["code"]) for d in report.diagnostics or ()]  # type: ignore[attr-defined]


def test_the_first_organs_tables_are_read_and_the_others_said() -> None:
    report = parse_bytes(_report("（二）县人民政府办公室"), "联合.html")
    assert report.table2.licensing == 120
    codes = _codes(report)
    assert "ROW_DUPLICATE" not in codes
    said = [d for d in report.diagnostics or () if d["code"] == "TABLES_PER_ORGAN"]
    assert len(said) == 1 and said[0]["severity"] == "info"
    assert "县人民政府办公室" in str(said[0]["message"])


def test_a_second_sub_heading_naming_no_organ_is_no_second_copy() -> None:
    report = parse_bytes(_report("（二）依申请公开情况"), "联合.html")
    assert "TABLES_PER_ORGAN" not in _codes(report)
    assert "ROW_DUPLICATE" in _codes(report)
