"""A table pasted from a PDF into a CMS editor as one row: each cell holds a whole column,
its lines apart by ``<br>``. A row whose cells all hold the same number of lines (more
than one), the first labels and the others numbers, is that many rows; a header whose
cells are broken over lines (``结果<br>维持``) stays one row."""

from __future__ import annotations

from gongkai.annual import schema as s
from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.reader import read_document

RECEIVED = (5, 2, 0, 0, 1, 0, 8)
CARRIED = (1, 0, 0, 0, 0, 0, 1)
GRANTED = (3, 1, 0, 0, 1, 0, 5)
NOT_HELD = (2, 1, 0, 0, 0, 0, 3)
HANDLED = (5, 2, 0, 0, 1, 0, 8)
FORWARD = (1, 0, 0, 0, 0, 0, 1)
TABLE3 = {"received": RECEIVED, "carried_over": CARRIED, "granted": GRANTED}
TABLE3 |= {"unavailable.not_held": NOT_HELD, "handled_total": HANDLED}
TABLE3 |= {"carried_forward": FORWARD}
HEADER = (
    "<tr><td>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>"
    "<td colspan='7'>申请人情况</td></tr><tr><td></td><td>自然人</td><td>商业企业</td>"
    "<td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td><td>总计</td></tr>"
)
RESULTS = "<td>结果<br>维持</td><td>结果<br>纠正</td><td>其他<br>结果</td><td>尚未<br>审结</td>"
TABLE4 = (
    "<table><tr><td colspan='5'>行政复议</td><td colspan='10'>行政诉讼</td></tr>"
    f"<tr>{RESULTS.replace('<td>', '<td rowspan=2>')}<td rowspan=2>总计</td>"
    "<td colspan='5'>未经复议直接起诉</td><td colspan='5'>复议后起诉</td></tr>"
    f"<tr>{RESULTS}<td>总计</td>{RESULTS}<td>总计</td></tr><tr>"
    + "".join(f"<td>{v}</td>" for v in (2, 0, 1, 0, 3, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0))
    + "</tr></table>"
)
TABLE2_MORE = (
    "<tr><td>信息内容</td><td colspan=3>本年处理决定数量</td></tr>"
    "<tr><td>行政许可</td><td colspan=3>40</td></tr>"
    "<tr><td>信息内容</td><td colspan=3>本年处理决定数量</td></tr>"
    "<tr><td>行政处罚<br>行政强制</td><td colspan=3>7<br>0</td></tr>"
    "<tr><td>信息内容</td><td colspan=3>本年收费金额（单位：万元）</td></tr>"
    "<tr><td>行政事业性收费</td><td colspan=3>0</td></tr>"
)


def _values(key: str) -> tuple[int, ...]:
    return TABLE3.get(key, (0,) * 7)


def _one_row(values: dict[str, tuple[int, ...]] | None = None) -> str:
    """Table 三's 25 rows as one row: the labels in the first cell, each column's numbers
    in one cell, lines apart by ``<br>``."""
    found = values or {row.key: _values(row.key) for row in s.TABLE3_ROWS}
    labels = "<br>".join(row.label for row in s.TABLE3_ROWS)
    columns = [
        "<br>".join(str(found[row.key][column]) for row in s.TABLE3_ROWS) for column in range(7)
    ]
    return "<tr><td>" + labels + "</td>" + "".join(f"<td>{c}</td>" for c in columns) + "</tr>"


def _page(table3_rows: str, table4: str = TABLE4) -> bytes:
    return (
        "<html><body><h1>丁县审计局2024年政府信息公开工作年度报告</h1>"
        "<p>一、总体情况</p><p>2024年，本局依法做好政府信息公开工作。</p>"
        "<p>二、主动公开政府信息情况</p><table>"
        "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
        "<tr><td>规章<br>行政规范性文件</td><td>0<br>1</td><td>0<br>0</td><td>0<br>6</td></tr>"
        f"{TABLE2_MORE}</table><p>三、收到和处理政府信息公开申请情况</p>"
        f"<table>{HEADER}{table3_rows}</table>"
        f"<p>四、政府信息公开行政复议、行政诉讼情况</p>{table4}"
        "<p>五、存在的主要问题及改进情况</p><p>解读形式不够丰富。</p>"
        "<p>六、其他需要报告的事项</p><p>无。</p><p>丁县审计局</p><p>2025年1月20日</p>"
        "</body></html>"
    ).encode()


def _read(page: bytes) -> AnnualReport:
    return parse_bytes(page, "page.html")


def _codes(report: AnnualReport) -> set[str]:
    return {str(d["code"]) for d in report.diagnostics or ()}


def test_table3_pasted_as_one_row_reads_every_row() -> None:
    report = _read(_page(_one_row()))
    for row in s.TABLE3_ROWS:
        assert report.table3.row(row.key) == _values(row.key), row.key
    assert not _codes(report) & {"ROW_NOT_FOUND", "ROW_TOO_FEW", "TABLE_NOT_FOUND"}


def test_table2_rows_pasted_as_one_row_read_each() -> None:
    table2 = _read(_page(_one_row())).to_dict()["table2"]
    assert table2["regulations"] == {"made": 0, "repealed": 0, "in_force": 0}
    assert table2["normative_documents"] == {"made": 1, "repealed": 0, "in_force": 6}
    assert (table2["licensing"], table2["punishment"], table2["coercion"]) == (40, 7, 0)


def test_a_header_whose_cells_are_broken_over_two_lines_stays_one_row() -> None:
    report = _read(_page(_one_row()))
    assert report.to_dict()["table4"]["reconsideration"] == {
        "upheld": 2,
        "corrected": 0,
        "other": 1,
        "pending": 0,
        "total": 3,
    }
    assert report.to_dict()["table4"]["litigation_direct"]["corrected"] == 1
    page = b"<html><body><table><tr><td>a</td><td>b<br>c</td><td>d<br>e</td></tr></table>"
    [grid] = read_document(page + b"</body></html>", "page.html").grids()
    assert grid.rows == (("a", "b c", "d e"),)


def test_a_column_with_a_line_missing_is_not_read_into_the_wrong_rows() -> None:
    """A blank line dropped from one column leaves its cell a line short: the lines of
    that row no longer match across the columns, and none is put in another row's place."""
    rows = _one_row().replace("<td>1<br>", "<td>", 1)  # 商业企业 loses its first line
    report = _read(_page(rows))
    for row in s.TABLE3_ROWS:
        assert report.table3.row(row.key) in (_values(row.key), (None,) * 7), row.key


def test_grid_rows_come_from_the_lines_of_each_cell() -> None:
    page = (
        "<html><body><table><tr><td>行政许可<br>行政处罚<br>行政强制</td>"
        "<td>12<br>3<br>/</td></tr></table></body></html>"
    ).encode()
    [grid] = read_document(page, "page.html").grids()
    assert grid.rows == (("行政许可", "12"), ("行政处罚", "3"), ("行政强制", "/"))
