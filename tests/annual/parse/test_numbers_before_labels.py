"""A PDF's text whose drawing order puts each table row's numbers before its label on
the same line (``9 4 0 0 1 0 14 （一）予以公开``): each label takes the numbers on its
own line, never the next line's, and the reader says how it paired them."""

from __future__ import annotations

from typing import Any

from gongkai.annual import schema as s
from gongkai.annual.parse import parse_bytes

_TABLE2 = [
    ("规章", [0, 0, 0]),
    ("行政规范性文件", [2, 0, 7]),
    ("行政许可", [452]),
    ("行政处罚", [17]),
    ("行政强制", [3]),
    ("行政事业性收费", [0]),
]
_TABLE2_HEADS = {
    "规章": "第二十条第（一）项\n本年制发件数 本年废止件数 现行有效件数 信息内容",
    "行政许可": "第二十条第（五）项\n本年处理决定数量 信息内容",
    "行政处罚": "第二十条第（六）项\n本年处理决定数量 信息内容",
    "行政事业性收费": "第二十条第（八）项\n本年收费金额（单位：万元） 信息内容",
}
_GROUPS = {
    "withheld.state_secret": "（三）不予公开",
    "unavailable.not_held": "（四）无法提供",
    "not_processed.petition": "（五）不予处理",
    "other.no_correction": "（六）其他处理",
}


def _table3_rows() -> dict[str, list[int]]:
    rows = {row.key: [0] * 7 for row in s.TABLE3_ROWS}
    rows["received"] = [19, 4, 0, 1, 0, 0, 24]
    rows["carried_over"] = [1, 0, 0, 0, 0, 0, 1]
    rows["granted"] = [10, 2, 0, 1, 0, 0, 13]
    rows["partially_granted"] = [1, 0, 0, 0, 0, 0, 1]
    rows["withheld.internal_affairs"] = [1, 0, 0, 0, 0, 0, 1]
    rows["unavailable.not_held"] = [4, 1, 0, 0, 0, 0, 5]
    rows["not_processed.petition"] = [2, 0, 0, 0, 0, 0, 2]
    rows["other.no_correction"] = [0, 1, 0, 0, 0, 0, 1]
    rows["handled_total"] = [18, 4, 0, 1, 0, 0, 23]
    rows["carried_forward"] = [2, 0, 0, 0, 0, 0, 2]
    return rows


def _line(label: str, numbers: list[int], numbers_first: bool) -> str:
    printed = " ".join(map(str, numbers))
    return f"{printed} {label}" if numbers_first else f"{label} {printed}"


def _report(numbers_first: bool) -> Any:
    lines = [
        "青禾市临川区教育局2025年政府信息公开工作年度报告",
        "一、总体情况",
        "全年主动公开各类信息126条。",
        "二、主动公开政府信息情况",
    ]
    for label, numbers in _TABLE2:
        if label in _TABLE2_HEADS:
            lines.append(_TABLE2_HEADS[label])
        lines.append(_line(label, numbers, numbers_first))
    lines += [
        "三、收到和处理政府信息公开申请情况",
        "申请人情况",
        "自然人 法人或其他组织 总计",
        "商业企业 科研机构 社会公益组织 法律服务机构 其他",
    ]
    rows = _table3_rows()
    for row in s.TABLE3_ROWS:
        if row.key == "granted":
            lines.append("三、本年度办理结果")
        if row.key in _GROUPS:
            lines.append(_GROUPS[row.key])
        lines.append(_line(row.label, rows[row.key], numbers_first))
    lines += [
        "四、政府信息公开行政复议、行政诉讼情况",
        "行政复议 行政诉讼",
        "未经复议直接起诉 复议后起诉",
        " ".join(["结果维持 结果纠正 其他结果 尚未审结 总计"] * 3),
        "1 0 0 0 1 1 0 0 0 1 0 0 0 0 0",
        "五、存在的主要问题及改进情况",
        "无。",
        "六、其他需要报告的事项",
        "无。",
    ]
    return parse_bytes("\n".join(lines).encode("utf-8"), "报告.txt")


def _table2_of(report: Any) -> list[list[int] | int]:
    table2 = report.to_dict()["table2"]
    out: list[list[int] | int] = []
    for key in ("regulations", "normative_documents"):
        out.append([table2[key][c] for c in ("made", "repealed", "in_force")])
    out += [table2[key] for key in ("licensing", "punishment", "coercion", "fees")]
    return out


def test_each_row_takes_the_numbers_printed_before_its_label_on_its_line() -> None:
    report = _report(numbers_first=True)
    assert _table2_of(report) == [
        numbers if len(numbers) > 1 else numbers[0] for _, numbers in _TABLE2
    ]
    assert report.to_dict()["table3"] == _table3_rows()
    said = [d for d in report.diagnostics or () if d["code"] == "VALUES_BEFORE_LABELS"]
    assert [t for t in ("表二各行", "表三各行") if any(t in str(d["message"]) for d in said)] == [
        "表二各行",
        "表三各行",
    ]
    assert all(d["severity"] == "info" for d in said)
    warned = [d for d in report.diagnostics or () if d["severity"] != "info"]
    assert warned == []


def test_rows_printed_label_first_are_read_as_before() -> None:
    report = _report(numbers_first=False)
    assert report.to_dict()["table3"] == _table3_rows()
    assert _table2_of(report)[2:] == [452, 17, 3, 0]
    assert not [d for d in report.diagnostics or () if d["code"] == "VALUES_BEFORE_LABELS"]
