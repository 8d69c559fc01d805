"""Tables 二 and 三 in shapes organs print beside the form's: the fee in 元, table 二 as
项目 | 数量 lines or one header row of items over one row of numbers, table 三 on its side
in a grid, with columns of last year or a comparison after 总计, with rows of the organ's
own: each read into the form's cells, and said."""

from __future__ import annotations

from typing import Any

from gongkai.annual.parse import parse_bytes

_TABLE3_ROWS: list[tuple[str, list[int]]] = [
    ("一、本年新收政府信息公开申请数量", [5, 2, 0, 0, 1, 0, 8]),
    ("二、上年结转政府信息公开申请数量", [1, 0, 0, 0, 0, 0, 1]),
    ("（一）予以公开", [3, 1, 0, 0, 0, 0, 4]),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", [1, 0, 0, 0, 0, 0, 1]),
    ("1.属于国家秘密", [0] * 7),
    ("2.其他法律行政法规禁止公开", [0] * 7),
    ("3.危及“三安全一稳定”", [0] * 7),
    ("4.保护第三方合法权益", [0] * 7),
    ("5.属于三类内部事务信息", [0] * 7),
    ("6.属于四类过程性信息", [0] * 7),
    ("7.属于行政执法案卷", [0] * 7),
    ("8.属于行政查询事项", [0] * 7),
    ("1.本机关不掌握相关政府信息", [1, 1, 0, 0, 0, 0, 2]),
    ("2.没有现成信息需要另行制作", [0] * 7),
    ("3.补正后申请内容仍不明确", [0] * 7),
    ("1.信访举报投诉类申请", [0] * 7),
    ("2.重复申请", [0] * 7),
    ("3.要求提供公开出版物", [0] * 7),
    ("4.无正当理由大量反复申请", [0] * 7),
    ("5.要求行政机关确认或重新出具已获取信息", [0] * 7),
    ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", [0] * 7),
    ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", [0] * 7),
    ("3.其他", [0] * 7),
    ("（七）总计", [5, 1, 0, 0, 1, 0, 7]),
    ("四、结转下年度继续办理", [1, 1, 0, 0, 0, 0, 2]),
]
_COLUMNS3 = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
_TABLE2_FORM = """<table border="1">
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>行政规范性文件</td><td>2</td><td>0</td><td>9</td></tr>
<tr><td colspan="4">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="3">31</td></tr>
<tr><td colspan="4">第二十条第（六）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政处罚</td><td colspan="3">7</td></tr>
<tr><td>行政强制</td><td colspan="3">1</td></tr>
<tr><td colspan="4">第二十条第（八）项</td></tr>
<tr><td>信息内容</td><td colspan="3">{fee_header}</td></tr>
<tr><td>行政事业性收费</td><td colspan="3">{fee}</td></tr>
</table>"""
_TABLE4 = """<table border="1">
<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td>
<td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td>
<td colspan="5">复议后起诉</td></tr>
<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>
<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>
<tr><td>1</td><td>0</td><td>0</td><td>0</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td>
<td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
</table>"""
_FORM_FEE_HEADER = "本年收费金额（单位：万元）"
_BAD = frozenset(
    {
        "ROW_NOT_FOUND",
        "TABLE_NOT_FOUND",
        "SECTION_NOT_FOUND",
        "INTERNAL_ERROR",
        "ROW_INFERRED",
        "ROW_TOO_FEW",
        "ROW_TOO_MANY",
        "VALUES_UNASSIGNED",
        "ROW_DUPLICATE",
    }
)


def _row(*cells: object) -> str:
    return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


def _table3_form() -> str:
    header = _row("项目", *_COLUMNS3)
    body = "".join(_row(label, *numbers) for label, numbers in _TABLE3_ROWS)
    return f"<table border='1'>{header}{body}</table>"


def _table2_form(fee_header: str = _FORM_FEE_HEADER, fee: str = "0.5") -> str:
    return _TABLE2_FORM.format(fee_header=fee_header, fee=fee)


def _report(table2: str | None = None, table3: str | None = None) -> Any:
    html = (
        "<html><body><h1>白沙县农业农村局2025年政府信息公开工作年度报告</h1>"
        "<h2>一、总体情况</h2><p>全年主动公开信息120条。</p>"
        f"<h2>二、主动公开政府信息情况</h2>{table2 or _table2_form()}"
        f"<h2>三、收到和处理政府信息公开申请情况</h2>{table3 or _table3_form()}"
        f"<h2>四、政府信息公开行政复议、行政诉讼情况</h2>{_TABLE4}"
        "<h2>五、存在的主要问题及改进情况</h2><p>无。</p>"
        "<h2>六、其他需要报告的事项</h2><p>无。</p></body></html>"
    )
    return parse_bytes(html.encode("utf-8"), "报告.html")


def _codes(report: Any) -> list[str]:
    return [str(d["code"]) for d in report.diagnostics or ()]


def _table2(report: Any) -> dict[str, Any]:
    table2: dict[str, Any] = report.to_dict()["table2"]
    return table2


def _table3(report: Any) -> list[list[int | None]]:
    table3: dict[str, list[int | None]] = report.to_dict()["table3"]
    return list(table3.values())


def _form_table3() -> list[list[int]]:
    return [numbers for _, numbers in _TABLE3_ROWS]


# ------------------------------------------------------------------------ the fee in 元


def test_a_fee_under_a_header_in_yuan_is_put_in_wan_yuan_and_said() -> None:
    report = _report(_table2_form("本年收费金额（单位：元）", "35600"))
    assert str(_table2(report)["fees"]) == "3.56"
    assert "FEE_IN_YUAN" in _codes(report)


def test_a_fee_cell_printed_with_yuan_is_put_in_wan_yuan_and_said() -> None:
    report = _report(_table2_form(fee="1250元"))
    assert str(_table2(report)["fees"]) == "0.125"
    assert "FEE_IN_YUAN" in _codes(report)


def test_a_fee_in_wan_yuan_is_read_as_printed_without_a_note() -> None:
    report = _report(_table2_form(fee="3.56"))
    assert str(_table2(report)["fees"]) == "3.56"
    assert "FEE_IN_YUAN" not in _codes(report)


def test_a_blank_fee_under_a_header_in_yuan_stays_blank() -> None:
    report = _report(_table2_form("本年收费金额（单位：元）", ""))
    assert _table2(report)["fees"] is None
    assert "FEE_IN_YUAN" not in _codes(report)


# ------------------------------------------------- table 二 as 项目 | 数量, one cell a line

_ITEM_AND_VALUE = [
    ("规章本年制发件数", "1"),
    ("规章本年废止件数", "0"),
    ("规章现行有效件数", "4"),
    ("行政规范性文件本年制发件数", "2"),
    ("行政规范性文件本年废止件数", "1"),
    ("行政规范性文件现行有效件数", "14"),
    ("行政许可本年处理决定数量", "30"),
    ("行政处罚本年处理决定数量", "37"),
    ("行政强制本年处理决定数量", "0"),
    ("行政事业性收费本年收费金额（万元）", "0.8"),
]


def _item_and_value(lines: list[tuple[str, str]]) -> str:
    body = "".join(_row(label, number) for label, number in lines)
    return f"<table border='1'>{_row('项目', '数量')}{body}</table>"


def test_a_label_joining_item_and_measure_names_one_cell() -> None:
    report = _report(_item_and_value(_ITEM_AND_VALUE))
    table2 = _table2(report)
    assert table2["regulations"] == {"made": 1, "repealed": 0, "in_force": 4}
    assert table2["normative_documents"] == {"made": 2, "repealed": 1, "in_force": 14}
    assert [table2[k] for k in ("licensing", "punishment", "coercion")] == [30, 37, 0]
    assert str(table2["fees"]) == "0.8"
    assert "TABLE2_ONE_CELL_A_ROW" in _codes(report)
    assert not _BAD & set(_codes(report))


def test_item_and_measure_lines_in_another_order_fill_the_same_cells() -> None:
    report = _report(_item_and_value(list(reversed(_ITEM_AND_VALUE))))
    assert _table2(report)["regulations"] == {"made": 1, "repealed": 0, "in_force": 4}
    assert _table2(report)["licensing"] == 30


# ------------------------------------------------------------ table 三 on its side, a grid

_GROUPS3 = [
    ("（三）不予公开", 4, 12),
    ("（四）无法提供", 12, 15),
    ("（五）不予处理", 15, 20),
    ("（六）其他处理", 20, 23),
]


def _sideways_grid(labels: list[str], columns: list[list[int]]) -> str:
    """Table 三 on its side: two header rows (a group's cell over its items), then one row
    for each applicant column holding its 25 numbers, under the header cell of their row."""
    top = _row("申请人情况", *labels)
    body = "".join(_row(name, *numbers) for name, numbers in zip(_COLUMNS3, columns, strict=True))
    return f"<table border='1'>{top}{body}</table>"


def _columns_of(rows: list[list[int]]) -> list[list[int]]:
    return [list(column) for column in zip(*rows, strict=True)]


def test_table3_on_its_side_in_a_grid_is_read_by_its_header_cells() -> None:
    labels = [label for label, _ in _TABLE3_ROWS]
    report = _report(table3=_sideways_grid(labels, _columns_of(_form_table3())))
    assert _table3(report) == _form_table3()
    assert "TABLE3_TRANSPOSED" in _codes(report)
    assert not _BAD & set(_codes(report))


def test_table3_on_its_side_with_its_header_in_another_order_follows_the_header() -> None:
    rows = list(_TABLE3_ROWS)
    rows[0], rows[1] = rows[1], rows[0]  # 二 printed before 一
    rows[-1], rows[-2] = rows[-2], rows[-1]  # 四 before （七）总计
    labels = [label for label, _ in rows]
    columns = _columns_of([numbers for _, numbers in rows])
    report = _report(table3=_sideways_grid(labels, columns))
    assert _table3(report) == _form_table3()


def _wide_name_row(name: str, numbers: list[int]) -> str:
    return f'<tr><td colspan="2">{name}</td>' + "".join(f"<td>{n}</td>" for n in numbers) + "</tr>"


def test_table3_on_its_side_under_merged_group_cells_is_read_by_table_column() -> None:
    labels = [label for label, _ in _TABLE3_ROWS]
    top = '<tr><td rowspan="2" colspan="2">申请人情况</td>'
    top += "".join(f'<td rowspan="2">{label}</td>' for label in labels[:4])
    top += "".join(f'<td colspan="{end - start}">{group}</td>' for group, start, end in _GROUPS3)
    top += "".join(f'<td rowspan="2">{label}</td>' for label in labels[23:]) + "</tr>"
    items = _row(*labels[4:23])
    columns = _columns_of(_form_table3())
    body = _wide_name_row("自然人", columns[0])
    body += _row("法人或其他组织", _COLUMNS3[1], *columns[1]).replace(
        "<td>法人或其他组织", '<td rowspan="5">法人或其他组织'
    )
    for name, numbers in zip(_COLUMNS3[2:6], columns[2:6], strict=True):
        body += _row(name, *numbers)
    body += _wide_name_row("总计", columns[6])
    report = _report(table3=f"<table border='1'>{top}{items}{body}</table>")
    assert _table3(report) == _form_table3()
    assert "TABLE3_TRANSPOSED" in _codes(report)


def test_table3_on_its_side_whose_sums_fail_badly_is_not_read() -> None:
    labels = [label for label, _ in _TABLE3_ROWS]
    columns = _columns_of(_form_table3())
    columns[6] = [n + 3 for n in columns[6]]  # every 总计 off
    report = _report(table3=_sideways_grid(labels, columns))
    assert all(cell is None for row in _table3(report) for cell in row)
    assert "VALUES_UNASSIGNED" in _codes(report)


def test_table3_on_its_side_in_markdown_with_group_and_name_joined_by_a_hyphen() -> None:
    labels = [label for label, _ in _TABLE3_ROWS]
    names = ["自然人", *(f"法人或其他组织-{name}" for name in _COLUMNS3[1:6]), "总计"]
    columns = _columns_of(_form_table3())
    lines = [
        "| 申请人情况 | " + " | ".join(labels) + " |",
        "|" + "---|" * (len(labels) + 1),
        *(
            f"| {name} | " + " | ".join(map(str, numbers)) + " |"
            for name, numbers in zip(names, columns, strict=True)
        ),
    ]
    table4 = "| 行政复议 |\n|---|\n| " + " | ".join(["0"] * 15) + " |"
    text = "\n".join(
        [
            "# 白沙县农业农村局2025年政府信息公开工作年度报告",
            "## 一、总体情况",
            "全年主动公开信息120条。",
            "## 二、主动公开政府信息情况",
            "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
            "|---|---|---|---|",
            "| 规章 | 0 | 0 | 0 |",
            "| 行政规范性文件 | 2 | 0 | 9 |",
            "## 三、收到和处理政府信息公开申请情况",
            "",
            *lines,
            "",
            "## 四、政府信息公开行政复议、行政诉讼情况",
            table4,
            "## 五、存在的主要问题及改进情况",
            "无。",
            "## 六、其他需要报告的事项",
            "无。",
        ]
    )
    report = parse_bytes(text.encode("utf-8"), "报告.md")
    assert _table3(report) == _form_table3()
    assert "TABLE3_TRANSPOSED" in _codes(report)


# ------------------------------------------- table 三 with columns of the organ's own after 总计


def _table3_with(heads: list[str], extra: list[list[str]]) -> str:
    header = _row("项目", *_COLUMNS3, *heads)
    body = "".join(
        _row(label, *numbers, *more)
        for (label, numbers), more in zip(_TABLE3_ROWS, extra, strict=True)
    )
    return f"<table border='1'>{header}{body}</table>"


def test_last_year_and_year_on_year_columns_after_the_total_are_set_apart_and_said() -> None:
    extra = [
        [str(numbers[-1] + 2), "-12.5%" if i % 2 else "持平"]
        for i, (_, numbers) in enumerate(_TABLE3_ROWS)
    ]
    report = _report(table3=_table3_with(["上年同期", "同比增减"], extra))
    assert _table3(report) == _form_table3()
    assert "LAST_YEAR_LEFT_OUT" in _codes(report)
    assert not _BAD & set(_codes(report))


def test_a_share_column_of_numbers_is_set_apart_with_its_own_note() -> None:
    extra = [[str(numbers[-1])] for _, numbers in _TABLE3_ROWS]
    report = _report(table3=_table3_with(["占比"], extra))
    assert _table3(report) == _form_table3()
    assert "EXTRA_COLUMNS_LEFT_OUT" in _codes(report)


def test_a_signed_difference_column_is_never_read_into_a_form_cell() -> None:
    extra = [["+3"] for _ in _TABLE3_ROWS]
    report = _report(table3=_table3_with(["增减"], extra))
    assert _table3(report) == _form_table3()
    assert "ROW_TOO_MANY" not in _codes(report)


def test_an_eighth_number_without_a_comparison_header_is_still_too_many() -> None:
    extra = [["9"] for _ in _TABLE3_ROWS]
    report = _report(table3=_table3_with(["合计"], extra))
    assert "ROW_TOO_MANY" in _codes(report)


# ------------------------------------ table 二 as one header row of items over one of numbers

_SHORT_HEADS = [
    "规章制发",
    "规章废止",
    "规章现行有效",
    "行政规范性文件制发",
    "行政规范性文件废止",
    "行政规范性文件现行有效",
    "行政许可决定",
    "行政处罚决定",
    "行政强制决定",
    "行政事业性收费（万元）",
]
_SHORT_VALUES = ["1", "0", "4", "3", "1", "12", "1460", "212", "18", "0.6"]


def test_a_header_row_of_items_over_one_row_of_numbers_pairs_them_by_column() -> None:
    table = f"<table border='1'>{_row(*_SHORT_HEADS)}{_row(*_SHORT_VALUES)}</table>"
    report = _report(table)
    table2 = _table2(report)
    assert table2["regulations"] == {"made": 1, "repealed": 0, "in_force": 4}
    assert table2["normative_documents"] == {"made": 3, "repealed": 1, "in_force": 12}
    assert [table2[k] for k in ("licensing", "punishment", "coercion")] == [1460, 212, 18]
    assert str(table2["fees"]) == "0.6"
    assert "TABLE2_ONE_CELL_A_ROW" in _codes(report)
    assert not _BAD & set(_codes(report))


def test_two_header_rows_each_over_its_numbers_are_read_alike() -> None:
    rows = (
        _row(*_SHORT_HEADS[:5])
        + _row(*_SHORT_VALUES[:5])
        + _row(*_SHORT_HEADS[5:])
        + _row(*_SHORT_VALUES[5:])
    )
    table2 = _table2(_report(f"<table border='1'>{rows}</table>"))
    assert table2["normative_documents"] == {"made": 3, "repealed": 1, "in_force": 12}
    assert table2["coercion"] == 18


def test_a_blank_under_an_item_header_is_never_read_as_zero() -> None:
    values = ["1", "0", "4", "3", "1", "", "1460", "212", "18", "0.6"]
    report = _report(f"<table border='1'>{_row(*_SHORT_HEADS)}{_row(*values)}</table>")
    assert _table2(report)["normative_documents"]["in_force"] is None
    assert "ROW_NOT_FOUND" in _codes(report)


# --------------------------------------------------------------- rows of the organ's own


def test_table2_items_of_the_organs_own_are_set_apart_with_an_info_note() -> None:
    own = _row("行政确认", "35") + _row("行政检查", "1126")
    table = _table2_form().replace("</table>", f"{own}</table>")
    report = _report(table)
    table2 = _table2(report)
    assert [table2[k] for k in ("licensing", "punishment", "coercion")] == [31, 7, 1]
    assert _codes(report).count("EXTRA_ROWS_LEFT_OUT") == 2
    assert not _BAD & set(_codes(report))
    extra = [d for d in report.diagnostics if d["code"] == "EXTRA_ROWS_LEFT_OUT"]
    assert all(d["severity"] == "info" for d in extra)


def test_an_own_item_after_coercion_never_fills_coercion_left_unprinted() -> None:
    table = _table2_form().replace("<tr><td>行政强制</td>", "<tr><td>行政裁决</td>")
    report = _report(table)
    assert _table2(report)["coercion"] is None
    assert "ROW_NOT_FOUND" in _codes(report)


def _with_breakdown(lines: list[str]) -> str:
    form = _table3_form()
    first = _row(*_TABLE3_ROWS[0][0:1], *_TABLE3_ROWS[0][1])
    return form.replace(first, first + "".join(lines))


def test_table3_rows_under_a_qizhong_cell_are_set_apart_not_read() -> None:
    lines = [
        _row("其中：网上申请", 3, 2, 0, 0, 1, 0, 6),
        _row("信函申请", 1, 0, 0, 0, 0, 0, 1),
        _row("当面申请", 1, 0, 0, 0, 0, 0, 1),
    ]
    report = _report(table3=_with_breakdown(lines))
    assert _table3(report) == _form_table3()
    assert _codes(report).count("EXTRA_ROWS_LEFT_OUT") == 3
    assert not _BAD & set(_codes(report))


def test_table3_rows_under_a_qizhong_line_of_its_own_are_set_apart_too() -> None:
    lines = [
        _row("其中："),
        _row("网上申请", 3, 2, 0, 0, 1, 0, 6),
        _row("当面申请", 2, 0, 0, 0, 0, 0, 2),
    ]
    report = _report(table3=_with_breakdown(lines))
    assert _table3(report) == _form_table3()
    assert _codes(report).count("EXTRA_ROWS_LEFT_OUT") == 2


def test_table3_numbers_without_a_label_and_no_qizhong_are_still_a_warning() -> None:
    lines = [_row("按渠道统计", 3, 2, 0, 0, 1, 0, 6)]
    report = _report(table3=_with_breakdown(lines))
    assert "VALUES_UNASSIGNED" in _codes(report)
    assert "EXTRA_ROWS_LEFT_OUT" not in _codes(report)


def test_numbers_after_a_qizhong_larger_than_its_row_are_not_a_breakdown() -> None:
    lines = [_row("其中：网上申请", 30, 2, 0, 0, 1, 0, 33)]  # more than row 一's 5 and 8
    report = _report(table3=_with_breakdown(lines))
    assert "EXTRA_ROWS_LEFT_OUT" not in _codes(report)
    assert "VALUES_UNASSIGNED" in _codes(report)
