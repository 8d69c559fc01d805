"""A bordered table read by OCR whose vertical rules come out as ``|``, ``l`` or ``I``
(``| 规章 | 0 | 0 l 0 |``): in a row whose cells are apart by ``|``, an l or I alone
between spaces, after a label or a number and before a number, is a rule between two
cells, not the digit 1. An l or I touching digits (``1l``) or filling a cell between
real rules (``| l |``) is still read as 1, and said (LETTER_L_AS_ONE)."""

from __future__ import annotations

import pytest

from gongkai.annual import schema as s
from gongkai.annual.parse.cells import NOTE_LETTER_L, Kind, read_value
from gongkai.annual.parse.tables_text import split_cells
from tests.annual.parse.table3_printed import (
    ORGAN,
    TABLE4,
    THIS_YEAR,
    WARNINGS,
    YEAR,
    codes,
    notes_of,
    parse,
    row,
)


@pytest.mark.parametrize(
    ("line", "cells"),
    [
        ("| 规章 | 0 | 0 l 0 |", ("", "规章", "0", "0", "0", "")),
        ("| 行政规范性文件 | 1 l 0 | 6 |", ("", "行政规范性文件", "1", "0", "6", "")),
        ("| 行政许可 I 325 |", ("", "行政许可", "325", "")),
        ("| 二、上年结转 | 1 l 0 | 0 I 0 |", ("", "二、上年结转", "1", "0", "0", "0", "")),
        ("｜ 行政处罚 I 14 ｜", ("", "行政处罚", "14", "")),
        ("| 1.属于国家秘密 I 0 | 0 l - |", ("", "1.属于国家秘密", "0", "0", "-", "")),
    ],
)
def test_a_lone_l_or_i_in_a_ruled_row_is_a_rule_between_cells(
    line: str, cells: tuple[str, ...]
) -> None:
    assert split_cells(line) == cells


@pytest.mark.parametrize(
    ("line", "cells"),
    [
        ("| 规章 | l | 0 |", ("", "规章", "l", "0", "")),  # the whole cell: a 1 misread
        ("| 规章 | 1l | l2 |", ("", "规章", "1l", "l2", "")),  # touching digits
        ("| 规章 | 0 | l 0 |", ("", "规章", "0", "l", "0", "")),  # nothing before it
        ("| 规章 | 0 l |", ("", "规章", "0 l", "")),  # no number after it
        ("| Class I | 3 |", ("", "Class I", "3", "")),  # a word's letter before a rule
    ],
)
def test_an_l_or_i_touching_digits_or_a_rule_stays_in_its_cell(
    line: str, cells: tuple[str, ...]
) -> None:
    assert split_cells(line) == cells


def test_an_l_between_numbers_without_a_ruled_row_is_left_as_before() -> None:
    assert split_cells("规章 0 l 0") == ("规章 0 l", "0")
    assert split_cells("规章  0  l  0") == ("规章", "0", "l", "0")


def test_an_l_that_stays_in_its_cell_is_the_digit_one_and_noted() -> None:
    for printed, number in (("l", 1), ("I", 1), ("1l", 11), ("l2", 12)):
        value = read_value(printed)
        assert (value.kind, value.number, value.note) == (Kind.NUMBER, number, NOTE_LETTER_L)


def _ruled(label: str, numbers: tuple[int, ...]) -> str:
    """``| label | a | b l c | d I e … |``: the rules cycle through ``|``, ``l`` and
    ``I`` as an OCR tool reads them, the first one after the label included."""
    rules = ("|", "l", "I")
    line = f"| {label}"
    for at, number in enumerate(numbers):
        line += f" {rules[at % 3]} {number}"
    return line + " |"


def _report(coercion: str = "5") -> str:
    table3 = "\n".join(_ruled(r.full_label, row(THIS_YEAR, r.key)) for r in s.TABLE3_ROWS)
    return f"""{ORGAN}{YEAR}年政府信息公开工作年度报告
一、总体情况
{YEAR}年，{ORGAN}认真贯彻落实《中华人民共和国政府信息公开条例》，做好政府信息公开工作。
二、主动公开政府信息情况
第二十条第（一）项
信息内容 本年制发件数 本年废止件数 现行有效件数
| 规章 | 0 | 0 l 0 |
| 行政规范性文件 | 4 I 2 | 21 |
第二十条第（五）项
信息内容 本年处理决定数量
| 行政许可 I 133 |
第二十条第（六）项
信息内容 本年处理决定数量
| 行政处罚 l 27 |
| 行政强制 | {coercion} |
第二十条第（八）项
信息内容 本年收费金额（单位：万元）
| 行政事业性收费 | 0 |
三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 申请人情况
自然人 法人或其他组织 总计
商业企业 科研机构 社会公益组织 法律服务机构 其他
{table3}
四、政府信息公开行政复议、行政诉讼情况
行政复议 行政诉讼
结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉
结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计
|  | 3 l 1 I 0 | 0 | 4 l 1 | 0 I 0 | 1 l 2 I 0 | 0 | 0 l 0 | 0 |
五、存在的主要问题及改进情况
依申请公开答复的规范性有待提高。下一步将加强业务培训。
六、其他需要报告的事项
本年度未收取信息处理费。
{ORGAN}
2024年1月20日
"""


def test_a_report_with_rules_read_as_l_and_i_reads_every_cell_as_printed() -> None:
    text = _report()
    assert " l " in text and " I " in text
    report = parse(text)
    assert report.to_dict()["table2"] == {
        "regulations": {"made": 0, "repealed": 0, "in_force": 0},
        "normative_documents": {"made": 4, "repealed": 2, "in_force": 21},
        "licensing": 133,
        "punishment": 27,
        "coercion": 5,
        "fees": 0,
    }
    for r in s.TABLE3_ROWS:
        assert report.table3.row(r.key) == row(THIS_YEAR, r.key), r.key
    assert report.to_dict()["table4"] == TABLE4
    assert report.confidence == {"table2": 1.0, "table3": 1.0, "table4": 1.0}
    assert "LETTER_L_AS_ONE" not in codes(report)
    assert not set(codes(report)) & WARNINGS


def test_an_l_alone_between_rules_is_read_as_one_with_its_note() -> None:
    report = parse(_report(coercion="l"))
    assert report.table2.coercion == 1
    said = notes_of(report, "LETTER_L_AS_ONE")
    assert len(said) == 1
    assert "表二" in str(said[0]["message"]) and said[0]["cells"] == ["l"]
    assert report.to_dict()["table4"] == TABLE4
