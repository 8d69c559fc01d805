"""A 总计 column printed first under header words the reader does not know: the rows'
own sums (总计 = the sum of the others) say where it is, table 三 and table 四 alike."""

from __future__ import annotations

from typing import Any

from gongkai.annual import schema as s
from gongkai.annual.parse import parse_bytes

_TABLE2 = """**二、主动公开政府信息情况**

| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
| --- | --- | --- | --- |
| 规章 | 0 | 0 | 0 |
| 行政规范性文件 | 3 | 0 | 12 |
| 信息内容 | 本年处理决定数量 |  |  |
| 行政许可 | 46 |  |  |
| 行政处罚 | 2 |  |  |
| 行政强制 | 0 |  |  |
| 信息内容 | 本年收费金额（单位：万元） |  |  |
| 行政事业性收费 | 0 |  |  |
"""

_HEAD3 = "|  |  |  | {} |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"


def _rows() -> dict[str, list[int]]:
    """A table 三 that adds up, every row in the national order (six applicants, 总计)."""
    rows = {row.key: [0] * 7 for row in s.TABLE3_ROWS}
    rows["received"] = [27, 2, 0, 1, 0, 3, 33]
    rows["carried_over"] = [1, 0, 0, 0, 0, 0, 1]
    rows["granted"] = [11, 1, 0, 1, 0, 1, 14]
    rows["partially_granted"] = [3, 0, 0, 0, 0, 0, 3]
    rows["unavailable.not_held"] = [8, 1, 0, 0, 0, 2, 11]
    rows["not_processed.petition"] = [4, 0, 0, 0, 0, 0, 4]
    rows["handled_total"] = [26, 2, 0, 1, 0, 3, 32]
    rows["carried_forward"] = [2, 0, 0, 0, 0, 0, 2]
    return rows


def _table3(header: list[str], rows: dict[str, list[int]], total_first: bool) -> str:
    lines = ["**三、收到和处理政府信息公开申请情况**", "", _HEAD3.format(" | ".join(header))]
    for row in s.TABLE3_ROWS:
        numbers = rows[row.key]
        printed = [numbers[-1], *numbers[:-1]] if total_first else numbers
        group = row.full_label[: -len(row.label)] if row.full_label != row.label else ""
        cells = [group or row.label, row.label if group else "", ""]
        lines.append("| " + " | ".join([*cells, *map(str, printed)]) + " |")
    return "\n".join(lines) + "\n"


def _table4(header: list[str], groups: list[list[int]]) -> str:
    numbers = [n for group in groups for n in group]
    return (
        "**四、政府信息公开行政复议、行政诉讼情况**\n\n"
        "| 行政复议 |  |  |  |  | 行政诉讼 |  |  |  |  |  |  |  |  |  |\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
        "|  |  |  |  |  | 未经复议直接起诉 |  |  |  |  | 复议后起诉 |  |  |  |  |\n"
        f"| {' | '.join(header * 3)} |\n"
        f"| {' | '.join(map(str, numbers))} |\n"
    )


_WORDED3 = ["申请总数", "公民个人", "工商企业", "科研单位", "公益团体", "律师事务所", "其他组织"]
_NATIONAL3 = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
_WORDED4 = ["总数", "维持原决定", "被纠正", "其他情形", "未结案"]
_NATIONAL4 = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
_TABLE4_NATIONAL = [[2, 0, 1, 1, 4], [1, 0, 0, 1, 2], [0, 1, 0, 0, 1]]


def _report(table3: str, table4: str) -> Any:
    text = (
        "**青禾市临川区教育局2025年政府信息公开工作年度报告**\n\n"
        "**一、总体情况**\n\n全年主动公开各类信息126条。\n\n"
        f"{_TABLE2}\n{table3}\n{table4}\n"
        "**五、存在的主要问题及改进情况**\n\n无。\n\n**六、其他需要报告的事项**\n\n无。\n"
    )
    return parse_bytes(text.encode("utf-8"), "报告.md")


def _codes(report: Any, table: str) -> list[tuple[str, str]]:
    return [
        (str(d["code"]), str(d["severity"]))
        for d in report.diagnostics or ()
        if ("表三" if table == "table3" else "表四") in str(d["message"])
    ]


def _table4_of(report: Any) -> list[list[int]]:
    table4 = report.to_dict()["table4"]
    return [[table4[g.key][c] for c in s.TABLE4_COLUMN_KEYS] for g in s.TABLE4_GROUPS]


def test_table3_total_first_under_unknown_words_is_read_by_the_rows_sums() -> None:
    rows = _rows()
    report = _report(_table3(_WORDED3, rows, True), _table4(_NATIONAL4, _TABLE4_NATIONAL))
    table3 = report.to_dict()["table3"]
    assert {key: table3[key] for key in rows} == rows
    said = [d for d in report.diagnostics or () if d["code"] == "COLUMNS_REORDERED"]
    assert len(said) == 1
    assert said[0]["severity"] == "info"
    assert "加总" in str(said[0]["message"])


def test_table3_in_the_national_order_under_unknown_words_stays_as_printed() -> None:
    rows = _rows()
    header = [*_WORDED3[1:], "申请总数"]
    report = _report(_table3(header, rows, False), _table4(_NATIONAL4, _TABLE4_NATIONAL))
    table3 = report.to_dict()["table3"]
    assert {key: table3[key] for key in rows} == rows
    assert ("COLUMNS_REORDERED", "info") not in _codes(report, "table3")


def test_one_misprinted_row_that_looks_shifted_is_no_misplacement() -> None:
    """A single row whose first cell happens to be the sum of the rest, among rows that
    add up in the national order, is the report's misprint: never moved."""
    rows = _rows()
    rows["withheld.state_secret"] = [4, 1, 1, 1, 1, 0, 0]
    report = _report(_table3(_NATIONAL3, rows, False), _table4(_NATIONAL4, _TABLE4_NATIONAL))
    table3 = report.to_dict()["table3"]
    assert table3["withheld.state_secret"] == [4, 1, 1, 1, 1, 0, 0]
    assert table3["received"] == rows["received"]
    assert ("COLUMNS_REORDERED", "info") not in _codes(report, "table3")


def test_table4_total_first_under_unknown_words_is_read_by_the_groups_sums() -> None:
    printed = [[g[-1], *g[:-1]] for g in _TABLE4_NATIONAL]
    report = _report(_table3(_NATIONAL3, _rows(), False), _table4(_WORDED4, printed))
    assert _table4_of(report) == _TABLE4_NATIONAL
    assert ("TABLE4_REORDERED", "info") in _codes(report, "table4")


def test_table4_headed_in_the_national_words_is_read_as_its_header_says() -> None:
    report = _report(_table3(_NATIONAL3, _rows(), False), _table4(_NATIONAL4, _TABLE4_NATIONAL))
    assert _table4_of(report) == _TABLE4_NATIONAL
    assert not [c for c, _ in _codes(report, "table4") if c == "TABLE4_REORDERED"]


def test_total_first_with_one_misprinted_row_is_still_read_total_first() -> None:
    """Every row but one holds its sum with the 总计 first: the one row off is the
    report's misprint, kept as printed in its moved place (the checks then report it)."""
    rows = _rows()
    rows["not_processed.petition"] = [4, 0, 0, 0, 0, 0, 5]  # 总计 misprinted 5 for 4
    report = _report(_table3(_WORDED3, rows, True), _table4(_NATIONAL4, _TABLE4_NATIONAL))
    table3 = report.to_dict()["table3"]
    assert {key: table3[key] for key in rows} == rows
    assert ("COLUMNS_REORDERED", "info") in _codes(report, "table3")
