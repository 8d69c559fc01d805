"""Tables printed with box-drawing characters, as tabulate prints them from a notebook
(``simple_outline``: ``┌─┬─┐`` rules, cells between ``│``; also heavy ``┃``, double
``║`` and ``fancy_grid``'s ``╒═╤═╕``): a line that starts and ends with a border is a row
whose cells the borders separate, like a Markdown row between pipes, and a line of rule
characters alone is ignored, like Markdown's alignment row. A ``│`` in prose, not at
both ends of its line, changes nothing.

The report is written here by hand in the national form, with numbers chosen for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.normalize import box_rows, normalize_text
from tests.annual.parse.test_fixture_reports import differences


@dataclass(frozen=True)
class Style:
    """How one of tabulate's formats draws a table's borders."""

    name: str
    top: str  # left corner, line, junction, right corner
    middle: str
    bottom: str
    border: str  # the outer cell border
    inner: str  # the border between two cells


SIMPLE_OUTLINE = Style("simple_outline", "┌─┬┐", "├─┼┤", "└─┴┘", "│", "│")
STYLES = (
    SIMPLE_OUTLINE,
    Style("heavy_outline", "┏━┳┓", "┣━╋┫", "┗━┻┛", "┃", "┃"),
    Style("double_outline", "╔═╦╗", "╠═╬╣", "╚═╩╝", "║", "║"),
    Style("fancy_grid", "╒═╤╕", "╞═╪╡", "╘═╧╛", "│", "│"),
    Style("mixed_grid", "╔═╤╗", "╟─┼╢", "╚═╧╝", "║", "│"),
)


def _boxed(rows: list[list[str]], style: Style, header: int = 1) -> list[str]:
    """``rows`` drawn as ``style`` draws them: a rule above, one under the first
    ``header`` rows, one below; each column padded to its widest cell."""
    widths = [max(len(row[i]) for row in rows) + 2 for i in range(len(rows[0]))]

    def rule(chars: str) -> str:
        left, line, junction, right = chars
        return left + junction.join(line * w for w in widths) + right

    def row(cells: list[str]) -> str:
        padded = [f" {cell.ljust(w - 2)} " for cell, w in zip(cells, widths, strict=True)]
        return style.border + style.inner.join(padded) + style.border

    lines = [rule(style.top), *map(row, rows[:header])]
    if header:
        lines.append(rule(style.middle))
    return [*lines, *map(row, rows[header:]), rule(style.bottom)]


TABLE2 = [
    ["第二十条第（一）项", "", "", ""],
    ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
    ["规章", "0", "0", "0"],
    ["行政规范性文件", "2", "1", "9"],
    ["第二十条第（五）项", "", "", ""],
    ["信息内容", "本年处理决定数量", "", ""],
    ["行政许可", "312", "", ""],
    ["第二十条第（六）项", "", "", ""],
    ["信息内容", "本年处理决定数量", "", ""],
    ["行政处罚", "47", "", ""],
    ["行政强制", "5", "", ""],
    ["第二十条第（八）项", "", "", ""],
    ["信息内容", "本年收费金额（单位：万元）", "", ""],
    ["行政事业性收费", "0", "", ""],
]
ZEROS = ["0"] * 7
TABLE3 = [
    ["", "", "申请人情况", "", "", "", "", "", ""],
    ["", "", "自然人", "法人或其他组织", "", "", "", "", "总计"],
    ["", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""],
    ["", "一、本年新收政府信息公开申请数量", "8", "2", "0", "0", "1", "0", "11"],
    ["", "二、上年结转政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1"],
    ["三、本年度办理结果", "（一）予以公开", "4", "1", "0", "0", "1", "0", "6"],
    ["", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "1", *ZEROS[:5], "1"],
    ["（三）不予公开", "1.属于国家秘密", *ZEROS],
    ["", "2.其他法律行政法规禁止公开", *ZEROS],
    ["", "3.危及“三安全一稳定”", *ZEROS],
    ["", "4.保护第三方合法权益", "1", *ZEROS[:5], "1"],
    ["", "5.属于三类内部事务信息", *ZEROS],
    ["", "6.属于四类过程性信息", *ZEROS],
    ["", "7.属于行政执法案卷", *ZEROS],
    ["", "8.属于行政查询事项", *ZEROS],
    ["（四）无法提供", "1.本机关不掌握相关政府信息", "2", "1", "0", "0", "0", "0", "3"],
    ["", "2.没有现成信息需要另行制作", *ZEROS],
    ["", "3.补正后申请内容仍不明确", *ZEROS],
    ["（五）不予处理", "1.信访举报投诉类申请", *ZEROS],
    ["", "2.重复申请", *ZEROS],
    ["", "3.要求提供公开出版物", *ZEROS],
    ["", "4.无正当理由大量反复申请", *ZEROS],
    ["", "5.要求行政机关确认或重新出具已获取信息", *ZEROS],
    ["（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", *ZEROS],
    ["", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", *ZEROS],
    ["", "3.其他", *ZEROS],
    ["", "（七）总计", "8", "2", "0", "0", "1", "0", "11"],
    ["", "四、结转下年度继续办理", "1", "0", "0", "0", "0", "0", "1"],
]
REVIEW = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
TABLE4 = [
    ["行政复议", "", "", "", "", "行政诉讼", *[""] * 9],
    ["", "", "", "", "", "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""],
    [*REVIEW, *REVIEW, *REVIEW],
    ["1", "0", "0", "0", "1", "0", "1", "0", "0", "1", "0", "0", "0", "0", "0"],
]


def _report(style: Style, indent: str = "") -> str:
    def table(rows: list[list[str]], header: int) -> str:
        return "\n".join(indent + line for line in _boxed(rows, style, header))

    return f"""样例市南湖区水利局2023年政府信息公开工作年度报告

一、总体情况
2023年，区水利局认真贯彻落实《中华人民共和国政府信息公开条例》，做好政府信息公开工作。

二、主动公开政府信息情况
{table(TABLE2, 1)}

三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）
{table(TABLE3, 3)}

四、政府信息公开行政复议、行政诉讼情况
{table(TABLE4, 3)}

五、存在的主要问题及改进情况
政策解读的形式还不够丰富，下一步将增加图解解读。
六、其他需要报告的事项
本年度未收取信息处理费。
样例市南湖区水利局
2024年1月20日
"""


ALL_ZERO = [0] * 7
EXPECTED: dict[str, Any] = {
    "organ": "样例市南湖区水利局",
    "year": 2023,
    "format": "2021",
    "table2": {
        "regulations": {"made": 0, "repealed": 0, "in_force": 0},
        "normative_documents": {"made": 2, "repealed": 1, "in_force": 9},
        "licensing": 312,
        "punishment": 47,
        "coercion": 5,
        "fees": 0,
    },
    "table3": {
        "received": [8, 2, 0, 0, 1, 0, 11],
        "carried_over": [1, 0, 0, 0, 0, 0, 1],
        "granted": [4, 1, 0, 0, 1, 0, 6],
        "partially_granted": [1, 0, 0, 0, 0, 0, 1],
        "withheld.state_secret": ALL_ZERO,
        "withheld.prohibited_by_law": ALL_ZERO,
        "withheld.security_stability": ALL_ZERO,
        "withheld.third_party_rights": [1, 0, 0, 0, 0, 0, 1],
        "withheld.internal_affairs": ALL_ZERO,
        "withheld.process_information": ALL_ZERO,
        "withheld.enforcement_files": ALL_ZERO,
        "withheld.query_matters": ALL_ZERO,
        "unavailable.not_held": [2, 1, 0, 0, 0, 0, 3],
        "unavailable.needs_creation": ALL_ZERO,
        "unavailable.still_unclear": ALL_ZERO,
        "not_processed.petition": ALL_ZERO,
        "not_processed.repeated": ALL_ZERO,
        "not_processed.publication": ALL_ZERO,
        "not_processed.excessive": ALL_ZERO,
        "not_processed.confirmation": ALL_ZERO,
        "other.no_correction": ALL_ZERO,
        "other.fee_unpaid": ALL_ZERO,
        "other.other": ALL_ZERO,
        "handled_total": [8, 2, 0, 0, 1, 0, 11],
        "carried_forward": [1, 0, 0, 0, 0, 0, 1],
    },
    "table4": {
        "reconsideration": {"upheld": 1, "corrected": 0, "other": 0, "pending": 0, "total": 1},
        "litigation_direct": {"upheld": 0, "corrected": 1, "other": 0, "pending": 0, "total": 1},
        "litigation_after_reconsideration": {
            "upheld": 0,
            "corrected": 0,
            "other": 0,
            "pending": 0,
            "total": 0,
        },
    },
}


def _parsed(text: str) -> AnnualReport:
    return parse_bytes(text.encode("utf-8"), "notebook.txt")


def _codes(report: AnnualReport) -> list[str]:
    return [str(d["code"]) for d in report.diagnostics or ()]


@pytest.mark.parametrize("style", STYLES, ids=lambda style: style.name)
def test_box_drawn_tables_read_whole(style: Style) -> None:
    report = _parsed(_report(style))
    assert differences(report, EXPECTED) == []
    assert _codes(report) == []


def test_indented_box_drawn_tables_read_whole() -> None:
    report = _parsed(_report(SIMPLE_OUTLINE, indent="    "))
    assert differences(report, EXPECTED) == []
    assert _codes(report) == []


def test_box_rows_are_markdown_rows_and_rules_blank_lines() -> None:
    text = "前言\n┌──┬───┐\n│ 规章 │ 0 │\n╟──┼───╢\n  ║ 行政许可 ║ 3 ║  \n└──┴───┘\n结语"
    assert box_rows(text).split("\n") == [
        "前言",
        "",
        "| 规章 | 0 |",
        "",
        "  | 行政许可 | 3 |  ",
        "",
        "结语",
    ]


PROSE_WITH_BARS = (
    "本机关│政务公开办公室负责年度报告的编制。",
    "│ 受理申请14件，均在法定期限内答复。",
    "信息公开指南见门户网站 │",
    "│",
)


@pytest.mark.parametrize("line", PROSE_WITH_BARS)
def test_a_bar_in_prose_changes_nothing(line: str) -> None:
    text = f"一、总体情况\n{line}\n──────\n二、主动公开政府信息情况"
    assert box_rows(text) == text
    assert normalize_text(text) == text


def test_a_report_with_bars_in_its_prose_reads_as_without_them() -> None:
    plain = _report(SIMPLE_OUTLINE)
    lines = "\n".join(PROSE_WITH_BARS[:3])
    barred = plain.replace(
        "五、存在的主要问题及改进情况\n", f"五、存在的主要问题及改进情况\n{lines}\n"
    )
    report = _parsed(barred)
    assert differences(report, EXPECTED) == []
    assert _codes(report) == []
