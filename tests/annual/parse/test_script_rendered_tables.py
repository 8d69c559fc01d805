"""A page whose table 三 its script renders (a layui or element table widget): the page
prints only ``数据加载中……`` in the table, and its scripts hold the widget's columns
(``field`` and ``title``) and an array of row objects. The rows are read by the columns'
fields, and the page is said to show the table only through its script."""

from __future__ import annotations

import json

from gongkai.annual import schema as s
from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import parse_bytes

FIELDS = ["a", "b", "c", "n1", "n2", "n3", "n4", "n5", "n6", "t"]


def numbers(i: int) -> list[int]:
    own = [i % 5, 2, 0, 0, 1, 0]
    return [*own, sum(own)]


def page(loading: str = "数据加载中……", extra_field: bool = False) -> bytes:
    data = []
    for i, row in enumerate(s.TABLE3_ROWS):
        group = row.full_label[: len(row.full_label) - len(row.label)]
        item: dict[str, object] = {"a": "", "b": group, "c": row.label}
        # the numbers written in an order of their own: the fields say the columns
        item.update(dict(zip(reversed(FIELDS[3:]), reversed(numbers(i)), strict=True)))
        if extra_field:
            item["x"] = 1
        data.append(item)
    titles = ["项目", "", "", *(c.label for c in s.TABLE3_COLUMNS)]
    cols = ",".join(f'{{field:"{f}",title:"{t}"}}' for f, t in zip(FIELDS, titles, strict=True))
    return (
        "<html><body><h1>某某局2025年政府信息公开工作年度报告</h1>"
        "<h2>一、总体情况</h2><p>本局依法公开。</p>"
        "<h2>二、主动公开政府信息情况</h2>"
        "<h2>三、收到和处理政府信息公开申请情况</h2>"
        '<table><thead><tr><th colspan="3">项目</th><th colspan="7">申请人情况</th></tr></thead>'
        f'<tbody><tr><td colspan="10">{loading}</td></tr></tbody></table>'
        f"<script>var rows = {json.dumps(data, ensure_ascii=False)};\n"
        f"var cols = [{cols}];\n"
        "table.render({data: rows, cols: [cols]});</script>"
        "<h2>四、政府信息公开行政复议、行政诉讼情况</h2>"
        "<h2>五、存在的主要问题及改进情况</h2><p>无。</p>"
        "<h2>六、其他需要报告的事项</h2><p>无。</p></body></html>"
    ).encode()


def codes(report: AnnualReport) -> list[str]:
    return [str(d["code"]) for d in report.diagnostics or ()]


def test_rows_a_script_renders_are_read_by_their_columns_fields() -> None:
    report = parse_bytes(page(), "widget.html")
    for i, row in enumerate(s.TABLE3_ROWS):
        assert report.table3.row(row.key) == tuple(numbers(i)), row.key
    said = codes(report)
    assert "HIDDEN_TEXT" in said
    assert not set(said) & {"ROW_NOT_FOUND", "ROW_TOO_FEW", "VALUES_UNASSIGNED"}


def test_objects_with_fields_no_column_names_are_not_read() -> None:
    report = parse_bytes(page(extra_field=True), "fields.html")
    assert all(v is None for v in report.table3.row("received"))
    assert "HIDDEN_TEXT" not in codes(report)


def test_a_page_that_does_not_say_it_loads_is_read_as_it_shows() -> None:
    report = parse_bytes(page(loading="暂无数据"), "shown.html")
    assert "HIDDEN_TEXT" not in codes(report)
