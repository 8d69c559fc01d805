"""A merged value cell printing one 0 or one placeholder for a block of cells (the five
法人 columns of every row, the eight 不予公开 rows, a 规章 row's three columns) gives it to
every cell it covers; a merged number other than 0, a label, and a 0 under one header
spanning its columns stay one cell."""

from __future__ import annotations

from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.grid import RawCell, expand

WARNED = {"ROW_TOO_FEW", "ROW_TOO_MANY", "ROW_INFERRED", "VALUES_UNASSIGNED", "UNDECODED_RUN"}

_TABLE3_LABELS = (
    ("一、本年新收政府信息公开申请数量", None),
    ("二、上年结转政府信息公开申请数量", None),
    ("（一）予以公开", None),
    ("（二）部分公开", None),
    *(
        ("（三）不予公开", item)
        for item in (
            "1.属于国家秘密",
            "2.其他法律行政法规禁止公开",
            "3.危及“三安全一稳定”",
            "4.保护第三方合法权益",
            "5.属于三类内部事务信息",
            "6.属于四类过程性信息",
            "7.属于行政执法案卷",
            "8.属于行政查询事项",
        )
    ),
    *(
        ("（四）无法提供", item)
        for item in (
            "1.本机关不掌握相关政府信息",
            "2.没有现成信息需要另行制作",
            "3.补正后申请内容仍不明确",
        )
    ),
    *(
        ("（五）不予处理", item)
        for item in (
            "1.信访举报投诉类申请",
            "2.重复申请",
            "3.要求提供公开出版物",
            "4.无正当理由大量反复申请",
            "5.要求行政机关确认或重新出具已获取信息",
        )
    ),
    *(
        ("（六）其他处理", item)
        for item in (
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "3.其他",
        )
    ),
    ("（七）总计", None),
    ("四、结转下年度继续办理", None),
)


def _cells(values: list[str]) -> str:
    return "".join(f"<td>{v}</td>" for v in values)


def _table3(rows: list[str]) -> str:
    """Table 三 whose row ``i`` prints ``rows[i]`` (its value cells' markup) after its
    labels, the labels of the form laid out on three columns."""
    out = [
        '<tr><td colspan="3" rowspan="3"></td><td colspan="7">申请人情况</td></tr>',
        '<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td>'
        '<td rowspan="2">总计</td></tr>',
        "<tr>" + _cells(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]) + "</tr>",
    ]
    for i, ((group, item), values) in enumerate(zip(_TABLE3_LABELS, rows, strict=True)):
        if i in (0, 1, 24):
            labels = f'<td colspan="3">{group}</td>'
        elif item is None:
            labels = ('<td rowspan="22">三、本年度办理结果</td>' if i == 2 else "") + (
                f'<td colspan="2">{group}</td>'
            )
        else:
            first = _TABLE3_LABELS[i - 1][0] != group
            span = sum(1 for g, _ in _TABLE3_LABELS if g == group)
            labels = (f'<td rowspan="{span}">{group}</td>' if first else "") + f"<td>{item}</td>"
        out.append(f"<tr>{labels}{values}</tr>")
    return '<table border="1">' + "".join(out) + "</table>"


_TABLE2_ROWS = (
    '<tr><td colspan="4">第二十条第（一）项</td></tr>'
    "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
    "{regulations}"
    "<tr><td>行政规范性文件</td><td>1</td><td>0</td><td>5</td></tr>"
    '<tr><td colspan="4">第二十条第（五）项</td></tr>'
    '<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>'
    '<tr><td>行政许可</td><td colspan="3">39</td></tr>'
    '<tr><td colspan="4">第二十条第（六）项</td></tr>'
    '<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>'
    '<tr><td>行政处罚</td><td colspan="3">0</td></tr>'
    '<tr><td>行政强制</td><td colspan="3">0</td></tr>'
    '<tr><td colspan="4">第二十条第（八）项</td></tr>'
    '<tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr>'
    '<tr><td>行政事业性收费</td><td colspan="3">0</td></tr>'
)
_PLAIN_ROW = _cells(["0"] * 7)
_TABLE4 = (
    '<table border="1"><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>'
    '<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td>'
    '<td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td>'
    '<td colspan="5">复议后起诉</td></tr><tr>'
    + _cells(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2)
    + "</tr><tr>"
    + _cells(["0"] * 15)
    + "</tr></table>"
)


def _page(table3_rows: list[str], regulations: str | None = None) -> bytes:
    regulations = regulations or "<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>"
    table2 = '<table border="1">' + _TABLE2_ROWS.format(regulations=regulations) + "</table>"
    return (
        '<html><head><meta charset="utf-8"></head><body>'
        "<h1>临溪县民政局2025年政府信息公开工作年度报告</h1>"
        "<p>一、总体情况</p><p>2025年，临溪县民政局持续推进政务公开。</p>"
        f"<p>二、主动公开政府信息情况</p>{table2}"
        f"<p>三、收到和处理政府信息公开申请情况</p>{_table3(table3_rows)}"
        f"<p>四、政府信息公开行政复议、行政诉讼情况</p>{_TABLE4}"
        "<p>五、存在的主要问题及改进情况</p><p>无。</p>"
        "<p>六、其他需要报告的事项</p><p>无。</p><p>临溪县民政局</p>"
        "</body></html>"
    ).encode()


def _codes(report: AnnualReport) -> set[str]:
    return {str(d["code"]) for d in report.diagnostics or ()}


def _read(table3_rows: list[str], regulations: str | None = None) -> AnnualReport:
    return parse_bytes(_page(table3_rows, regulations), "merged.html")


def test_five_legal_person_columns_merged_into_one_0_in_every_row_read_as_five_zeros() -> None:
    rows = [f'<td>{n}</td><td colspan="5">0</td><td>{n}</td>' for n in [3] * 25]
    report = _read(rows)
    assert report.table3 is not None
    assert report.table3.row("received") == (3, 0, 0, 0, 0, 0, 3)
    assert report.table3.row("carried_forward") == (3, 0, 0, 0, 0, 0, 3)
    assert not _codes(report) & WARNED


def test_withheld_block_merged_into_one_0_over_eight_rows_and_seven_columns() -> None:
    rows = [_PLAIN_ROW] * 25
    rows[4] = '<td rowspan="8" colspan="7">0</td>'
    rows[5:12] = [""] * 7
    report = _read(rows)
    assert report.table3 is not None
    for key in ("withheld.state_secret", "withheld.query_matters", "unavailable.not_held"):
        assert report.table3.row(key) == (0,) * 7
    assert not _codes(report) & WARNED


def test_merged_number_other_than_0_is_not_copied_into_the_cells_it_covers() -> None:
    rows = [_PLAIN_ROW] * 25
    rows[0] = '<td>3</td><td colspan="5">2</td><td>5</td>'
    report = _read(rows)
    assert report.table3 is not None
    assert 2 not in report.table3.row("received")
    assert "ROW_TOO_FEW" in _codes(report)


def test_a_0_under_one_header_spanning_three_columns_stays_one_value() -> None:
    report = _read([_PLAIN_ROW] * 25)
    assert report.table2 is not None
    assert report.table2.punishment == 0
    assert report.table2.coercion == 0
    assert report.table2.licensing == 39
    assert "MERGED_CELL_REPEATED" not in _codes(report)


def test_one_merged_slash_over_a_rows_three_value_cells_is_each_cells_placeholder() -> None:
    report = _read([_PLAIN_ROW] * 25, '<tr><td>规章</td><td colspan="3">/</td></tr>')
    assert report.table2 is not None
    regulations = report.table2.regulations
    assert (regulations.made, regulations.repealed, regulations.in_force) == (None, None, None)
    assert report.table2.normative_documents.in_force == 5
    assert not _codes(report) & WARNED


def test_merged_slash_in_the_label_columns_stays_one_cell() -> None:
    grid = expand(
        [
            [RawCell("/", rowspan=2, colspan=2), RawCell("自然人"), RawCell("总计")],
            [RawCell("1"), RawCell("1")],
            [RawCell("一、本年新收"), RawCell("甲"), RawCell("0", colspan=2)],
        ]
    )
    assert grid.merged[0] == (False, True, False, False)
    assert grid.merged[1] == (True, True, False, False)
    # (a 0 under two headers of their own: each its 0)
    assert grid.merged[2] == (False, False, False, False)
