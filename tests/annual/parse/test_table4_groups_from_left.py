"""A table 四 that prints only its first groups (行政复议, or 行政复议 and 未经复议直接起诉),
the later groups left blank, in crawled text where its numbers run on one line.

Five (or ten) numbers that add up as whole groups are read into the first groups in the
order printed, the later groups null (``CELL_BLANK``), never as sure: ``AMBIGUOUS_RUN``
lists the readings that put them in other groups, and table 四's confidence is below 1.
Numbers that do not add up are read as before.
"""

from __future__ import annotations

import pytest

from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import digit_runs as d
from gongkai.annual.parse import parse_bytes

_ROWS_3 = [
    ("一、本年新收政府信息公开申请数量", "5 1 0 0 0 0 6"),
    ("二、上年结转政府信息公开申请数量", "0 0 0 0 0 0 0"),
    ("三、本年度办理结果 （一）予以公开", "3 1 0 0 0 0 4"),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "0 0 0 0 0 0 0"),
    ("（三）不予公开 1.属于国家秘密", "0 0 0 0 0 0 0"),
    ("2.其他法律行政法规禁止公开", "0 0 0 0 0 0 0"),
    ("3.危及“三安全一稳定”", "0 0 0 0 0 0 0"),
    ("4.保护第三方合法权益", "0 0 0 0 0 0 0"),
    ("5.属于三类内部事务信息", "0 0 0 0 0 0 0"),
    ("6.属于四类过程性信息", "0 0 0 0 0 0 0"),
    ("7.属于行政执法案卷", "0 0 0 0 0 0 0"),
    ("8.属于行政查询事项", "0 0 0 0 0 0 0"),
    ("（四）无法提供 1.本机关不掌握相关政府信息", "2 0 0 0 0 0 2"),
    ("2.没有现成信息需要另行制作", "0 0 0 0 0 0 0"),
    ("3.补正后申请内容仍不明确", "0 0 0 0 0 0 0"),
    ("（五）不予处理 1.信访举报投诉类申请", "0 0 0 0 0 0 0"),
    ("2.重复申请", "0 0 0 0 0 0 0"),
    ("3.要求提供公开出版物", "0 0 0 0 0 0 0"),
    ("4.无正当理由大量反复申请", "0 0 0 0 0 0 0"),
    ("5.要求行政机关确认或重新出具已获取信息", "0 0 0 0 0 0 0"),
    (
        "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "0 0 0 0 0 0 0",
    ),
    (
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "0 0 0 0 0 0 0",
    ),
    ("3.其他", "0 0 0 0 0 0 0"),
    ("（七）总计", "5 1 0 0 0 0 6"),
    ("四、结转下年度继续办理", "0 0 0 0 0 0 0"),
]


def _report(table4_numbers: str) -> AnnualReport:
    lines = [
        "样例县审计局2024年政府信息公开工作年度报告",
        "一、总体情况",
        "2024年，我局认真落实《中华人民共和国政府信息公开条例》，做好政府信息公开工作。",
        "二、主动公开政府信息情况",
        "第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数",
        "规章 0 0 0",
        "行政规范性文件 2 0 8",
        "第二十条第（五）项 信息内容 本年处理决定数量",
        "行政许可 0",
        "第二十条第（六）项 信息内容 本年处理决定数量",
        "行政处罚 0",
        "行政强制 0",
        "第二十条第（八）项 信息内容 本年收费金额（单位：万元）",
        "行政事业性收费 0",
        "三、收到和处理政府信息公开申请情况",
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 申请人情况 "
        "自然人 法人或其他组织 总计 商业企业 科研机构 社会公益组织 法律服务机构 其他",
        *(f"{label} {numbers}" for label, numbers in _ROWS_3),
        "四、政府信息公开行政复议、行政诉讼情况",
        "行政复议 行政诉讼",
        "结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉",
        "结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计",
        table4_numbers,
        "五、存在的主要问题及改进情况",
        "主动公开的及时性还需提高。",
        "六、其他需要报告的事项",
        "本年度未收取信息处理费。",
        "样例县审计局",
        "2025年1月15日",
    ]
    return parse_bytes("\n".join(lines).encode("utf-8"), "年报.txt")


def _table4(report: AnnualReport) -> dict[str, dict[str, int | None]]:
    table4: dict[str, dict[str, int | None]] = report.to_dict()["table4"]
    return table4


def _codes(report: AnnualReport) -> list[str]:
    return [str(d["code"]) for d in report.diagnostics or ()]


def _blank_rows(report: AnnualReport) -> list[object]:
    return [d.get("row") for d in report.diagnostics or () if d["code"] == "CELL_BLANK"]


GROUP = ("upheld", "corrected", "other", "pending", "total")


def _group(values: tuple[int | None, ...]) -> dict[str, int | None]:
    return dict(zip(GROUP, values, strict=True))


def test_only_reconsideration_printed_fills_it_and_leaves_litigation_null() -> None:
    report = _report("2 0 1 0 3")
    table4 = _table4(report)
    assert table4["reconsideration"] == _group((2, 0, 1, 0, 3))
    assert table4["litigation_direct"] == _group((None,) * 5)
    assert table4["litigation_after_reconsideration"] == _group((None,) * 5)
    assert report.confidence is not None and 0 < report.confidence["table4"] < 1
    assert "AMBIGUOUS_RUN" in _codes(report)
    assert _blank_rows(report) == [
        "table4.litigation_direct",
        "table4.litigation_after_reconsideration",
    ]
    ambiguous = next(d for d in report.diagnostics or () if d["code"] == "AMBIGUOUS_RUN")
    assert "从第一组起" in str(ambiguous["message"])
    alternatives = ambiguous["alternatives"]
    assert isinstance(alternatives, list)
    assert [0, 0, 0, 0, 0, 2, 0, 1, 0, 3, 0, 0, 0, 0, 0] in alternatives


def test_two_groups_printed_fill_the_first_two() -> None:
    report = _report("1 0 0 1 2 0 1 0 0 1")
    table4 = _table4(report)
    assert table4["reconsideration"] == _group((1, 0, 0, 1, 2))
    assert table4["litigation_direct"] == _group((0, 1, 0, 0, 1))
    assert table4["litigation_after_reconsideration"] == _group((None,) * 5)
    assert report.confidence is not None and report.confidence["table4"] < 1
    assert _blank_rows(report) == ["table4.litigation_after_reconsideration"]


def test_five_numbers_that_do_not_add_up_are_not_placed() -> None:
    report = _report("2 0 1 0 4")
    assert set(_table4(report)["reconsideration"].values()) == {None}
    assert "CELL_BLANK" not in _codes(report)


def test_all_fifteen_printed_is_read_as_before() -> None:
    report = _report("2 0 1 0 3 0 0 0 0 0 0 1 0 0 1")
    table4 = _table4(report)
    assert table4["reconsideration"] == _group((2, 0, 1, 0, 3))
    assert table4["litigation_after_reconsideration"] == _group((0, 1, 0, 0, 1))
    assert report.confidence is not None and report.confidence["table4"] == 1.0


@pytest.mark.parametrize(
    ("run", "cells"),
    [
        ("1 1 0 0 2", (1, 1, 0, 0, 2, *(None,) * 10)),
        ("12 0 0 0 12", (12, 0, 0, 0, 12, *(None,) * 10)),
        ("1 2 0 0 3 0 0 0 0 0", (1, 2, 0, 0, 3, 0, 0, 0, 0, 0, *(None,) * 5)),
    ],
)
def test_the_decoder_fills_whole_groups_from_the_left_never_sure(
    run: str, cells: tuple[int | None, ...]
) -> None:
    decoded = d.decode_table4(run)
    assert decoded.cells == cells
    assert not decoded.unique
    assert decoded.reason == d.GROUPS_FROM_LEFT_REASON


@pytest.mark.parametrize("run", ["1 1 0 0 3", "1 1 0 0 2 0 0", "1 1 0 0 2 0 0 1", "11002"])
def test_runs_not_filling_whole_groups_that_add_up_are_decoded_as_before(run: str) -> None:
    """Also digits run together (``11002``): how many numbers they print is unknown."""
    decoded = d.decode_table4(run)
    assert decoded.reason != d.GROUPS_FROM_LEFT_REASON
    assert decoded.cells[:5] == (None,) * 5
