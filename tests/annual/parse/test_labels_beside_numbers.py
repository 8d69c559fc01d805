"""Table 三 printed by a grid widget: its labels column a table of its own, its numbers a
second table beside it with as many rows. The two are one table, joined row by row."""

from __future__ import annotations

from gongkai.annual import schema as s
from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import parse_bytes


def numbers(i: int) -> tuple[int, ...]:
    own = (i + 2, i % 2, 0, 1, 0, 0)
    return (*own, sum(own))


def page(labels: list[str], with_blank: bool = False) -> bytes:
    """A report whose table 三's labels (``labels``, one a row) and numbers are two tables."""
    label_rows = "".join(f"<tr><td><div>{label}</div></td></tr>" for label in labels)
    number_rows = []
    for i, _ in enumerate(s.TABLE3_ROWS):
        printed = [str(n) for n in numbers(i)]
        if with_blank and i == 5:
            printed[2] = ""
        number_rows.append("<tr>" + "".join(f"<td>{n}</td>" for n in printed) + "</tr>")
    names = "".join(f"<th>{c.label}</th>" for c in s.TABLE3_COLUMNS)
    return (
        "<html><body><h1>某某局2025年政府信息公开工作年度报告</h1>"
        "<h2>一、总体情况</h2><p>本局依法公开。</p>"
        "<h2>二、主动公开政府信息情况</h2>"
        "<h2>三、收到和处理政府信息公开申请情况</h2>"
        '<div class="grid"><div class="fixed">'
        "<table><thead><tr><th>（本列数据的勾稽关系为：第一项加第二项之和）</th></tr></thead></table>"
        f"<table><tbody>{label_rows}</tbody></table></div>"
        '<div class="main">'
        f'<table><thead><tr><th colspan="7">申请人情况</th></tr><tr>{names}</tr></thead></table>'
        f"<table><tbody>{''.join(number_rows)}</tbody></table></div></div>"
        "<h2>四、政府信息公开行政复议、行政诉讼情况</h2>"
        "<h2>五、存在的主要问题及改进情况</h2><p>无。</p>"
        "<h2>六、其他需要报告的事项</h2><p>无。</p></body></html>"
    ).encode()


def codes(report: AnnualReport) -> list[str]:
    return [str(d["code"]) for d in report.diagnostics or ()]


BAD = {"ROW_TOO_FEW", "ROW_TOO_MANY", "ROW_INFERRED", "ROW_NOT_FOUND", "VALUES_UNASSIGNED"}


def test_a_labels_table_beside_a_numbers_table_is_read_as_one_table() -> None:
    labels = [row.full_label for row in s.TABLE3_ROWS]
    report = parse_bytes(page(labels), "widget.html")
    for i, row in enumerate(s.TABLE3_ROWS):
        assert report.table3.row(row.key) == numbers(i), row.key
    assert not set(codes(report)) & BAD


def test_labels_printing_their_groups_before_them_are_read_too() -> None:
    groups = {
        "withheld": "三、本年度办理结果 （三）不予公开 ",
        "other": "三、本年度办理结果 （六）其他处理 ",
    }
    labels = [groups.get(row.key.split(".")[0], "") + row.label for row in s.TABLE3_ROWS]
    report = parse_bytes(page(labels), "groups.html")
    for i, row in enumerate(s.TABLE3_ROWS):
        assert report.table3.row(row.key) == numbers(i), row.key
    assert not set(codes(report)) & BAD


def test_a_blank_number_cell_stays_blank_in_its_column() -> None:
    labels = [row.full_label for row in s.TABLE3_ROWS]
    report = parse_bytes(page(labels, with_blank=True), "blank.html")
    key = s.TABLE3_ROWS[5].key
    row: list[int | None] = list(numbers(5))
    row[2] = None
    assert report.table3.row(key) == tuple(row)
    assert "CELL_BLANK" in codes(report)


def test_one_label_too_many_joins_nothing() -> None:
    """Which label goes with which numbers is then not certain: no row is read from
    labels paired by a guess."""
    labels = [row.full_label for row in s.TABLE3_ROWS]
    labels.insert(3, "（一）予以公开")
    report = parse_bytes(page(labels), "more.html")
    for i, row in enumerate(s.TABLE3_ROWS):
        got = report.table3.row(row.key)
        assert got == numbers(i) or all(v is None for v in got), row.key
