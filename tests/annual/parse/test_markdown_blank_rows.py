"""A Markdown table row printed entirely blank, as PDF-to-Markdown converters print a row
of the form left empty (``| 行政强制 | | | |``): between its outer pipes it has as many
cells as the row needs, so each of them is a blank, read as null (``CELL_BLANK``), never
0, and the row is not lost (it was ``ROW_TOO_FEW``). A piped row with fewer cells than
the row needs lost a pipe somewhere and stays unread.

The report is written here by hand in the national form, with numbers chosen for it.
"""

from __future__ import annotations

from typing import Any

from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import parse_bytes
from tests.annual.parse.test_fixture_reports import differences

PUBLICATION = "| 3.要求提供公开出版物 | | | | | | | |"

REPORT = f"""# 样例市北湖区司法局2024年政府信息公开工作年度报告

## 一、总体情况

2024年，区司法局坚持以公开为常态、不公开为例外，做好政府信息公开工作。

## 二、主动公开政府信息情况

| 第二十条第（一）项 | | | |
|---|---|---|---|
| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
| 规章 | | | |
| 行政规范性文件 | 1 | 0 | 6 |
| 第二十条第（五）项 | | | |
| 信息内容 | 本年处理决定数量 | | |
| 行政许可 | 88 | | |
| 第二十条第（六）项 | | | |
| 信息内容 | 本年处理决定数量 | | |
| 行政处罚 | 12 | | |
| 行政强制 | | | |
| 第二十条第（八）项 | | | |
| 信息内容 | 本年收费金额（单位：万元） | | |
| 行政事业性收费 | 0 | | |

## 三、收到和处理政府信息公开申请情况

| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 | | | | | | |
|---|---|---|---|---|---|---|---|
| | 自然人 | 法人或其他组织 | | | | | 总计 |
| | | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |
| 一、本年新收政府信息公开申请数量 | 15 | 3 | 0 | 0 | 1 | 0 | 19 |
| 二、上年结转政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
| 三、本年度办理结果 | | | | | | | |
| （一）予以公开 | 6 | 1 | 0 | 0 | 0 | 0 | 7 |
| （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 2 | 0 | 0 | 0 | 1 | 0 | 3 |
| （三）不予公开 | | | | | | | |
| 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 3.危及“三安全一稳定” | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 4.保护第三方合法权益 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
| 5.属于三类内部事务信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 6.属于四类过程性信息 | 1 | 1 | 0 | 0 | 0 | 0 | 2 |
| 7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 8.属于行政查询事项 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| （四）无法提供 | | | | | | | |
| 1.本机关不掌握相关政府信息 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |
| 2.没有现成信息需要另行制作 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 3.补正后申请内容仍不明确 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| （五）不予处理 | | | | | | | |
| 1.信访举报投诉类申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
| 2.重复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
{PUBLICATION}
| 4.无正当理由大量反复申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 5.要求行政机关确认或重新出具已获取信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| （六）其他处理 | | | | | | | |
| 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
| 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| （七）总计 | 15 | 3 | 0 | 0 | 1 | 0 | 19 |
| 四、结转下年度继续办理 | | | | | | | |

## 四、政府信息公开行政复议、行政诉讼情况

| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
| | | | | | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |
| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |
| 0 | 0 | 1 | 0 | 1 | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 |

## 五、存在的主要问题及改进情况

政策解读的形式还不够丰富，下一步将增加图解解读。

## 六、其他需要报告的事项

本年度未收取信息处理费。

样例市北湖区司法局
"""

BLANK = [None] * 7
EXPECTED: dict[str, Any] = {
    "organ": "样例市北湖区司法局",
    "year": 2024,
    "format": "2021",
    "table2": {
        "regulations": {"made": None, "repealed": None, "in_force": None},
        "normative_documents": {"made": 1, "repealed": 0, "in_force": 6},
        "licensing": 88,
        "punishment": 12,
        "coercion": None,
        "fees": 0,
    },
    "table3": {
        "received": [15, 3, 0, 0, 1, 0, 19],
        "carried_over": [1, 0, 0, 0, 0, 0, 1],
        "granted": [6, 1, 0, 0, 0, 0, 7],
        "partially_granted": [2, 0, 0, 0, 1, 0, 3],
        "withheld.state_secret": [0] * 7,
        "withheld.prohibited_by_law": [0] * 7,
        "withheld.security_stability": [0] * 7,
        "withheld.third_party_rights": [1, 0, 0, 0, 0, 0, 1],
        "withheld.internal_affairs": [0] * 7,
        "withheld.process_information": [1, 1, 0, 0, 0, 0, 2],
        "withheld.enforcement_files": [0] * 7,
        "withheld.query_matters": [0] * 7,
        "unavailable.not_held": [3, 1, 0, 0, 0, 0, 4],
        "unavailable.needs_creation": [0] * 7,
        "unavailable.still_unclear": [0] * 7,
        "not_processed.petition": [1, 0, 0, 0, 0, 0, 1],
        "not_processed.repeated": [0] * 7,
        "not_processed.publication": BLANK,
        "not_processed.excessive": [0] * 7,
        "not_processed.confirmation": [0] * 7,
        "other.no_correction": [1, 0, 0, 0, 0, 0, 1],
        "other.fee_unpaid": [0] * 7,
        "other.other": [0] * 7,
        "handled_total": [15, 3, 0, 0, 1, 0, 19],
        "carried_forward": BLANK,
    },
    "table4": {
        "reconsideration": {"upheld": 0, "corrected": 0, "other": 1, "pending": 0, "total": 1},
        "litigation_direct": {"upheld": 1, "corrected": 0, "other": 0, "pending": 0, "total": 1},
        "litigation_after_reconsideration": {
            "upheld": 0,
            "corrected": 0,
            "other": 0,
            "pending": 0,
            "total": 0,
        },
    },
}
BLANK_ROWS = {
    "table2.regulations": 3,
    "table2.coercion": 1,
    "table3.not_processed.publication": 7,
    "table3.carried_forward": 7,
}
"""Each row printed blank, with how many blank cells it has."""


def _parsed(text: str) -> tuple[AnnualReport, list[dict[str, Any]]]:
    report = parse_bytes(text.encode("utf-8"), "转换.md")
    return report, list(report.diagnostics or ())


def test_rows_printed_blank_between_pipes_are_read_as_blanks() -> None:
    report, diagnostics = _parsed(REPORT)
    assert differences(report, EXPECTED) == []
    blanks = {d["row"]: d for d in diagnostics if d["code"] == "CELL_BLANK"}
    assert set(blanks) == set(BLANK_ROWS)
    for row, count in BLANK_ROWS.items():
        assert f"有{count}个空白单元格，按 null 处理" in blanks[row]["message"]
    assert {d["code"] for d in diagnostics} == {"CELL_BLANK"}
    assert report.confidence == {"table2": 1.0, "table3": 1.0, "table4": 1.0}


def test_a_piped_row_short_of_cells_stays_unread() -> None:
    """``| 3.要求提供公开出版物 | | | |``: three cells where the row has seven. Which
    pipes were lost, nothing says: the row is null and said, the other rows read."""
    report, diagnostics = _parsed(REPORT.replace(PUBLICATION, "| 3.要求提供公开出版物 | | | |"))
    table3 = report.to_dict()["table3"]
    assert table3["not_processed.publication"] == BLANK
    assert table3["not_processed.repeated"] == [0] * 7
    assert table3["handled_total"] == [15, 3, 0, 0, 1, 0, 19]
    short = [d for d in diagnostics if d.get("row") == "table3.not_processed.publication"]
    assert [d["code"] for d in short] == ["ROW_TOO_FEW"]


def test_a_label_alone_on_a_text_line_is_no_blank_row() -> None:
    """The same row as a line of plain text with no cells after its label: how many
    cells it had is not printed, so its blanks are not read (the row is said short)."""
    text = REPORT.replace(PUBLICATION, "3.要求提供公开出版物")
    report, diagnostics = _parsed(text)
    assert report.to_dict()["table3"]["not_processed.publication"] == BLANK
    codes = [d["code"] for d in diagnostics if d.get("row") == "table3.not_processed.publication"]
    assert codes == ["ROW_TOO_FEW"]


def test_a_piped_blank_row_under_a_line_of_numbers_without_a_label_stays_unread() -> None:
    """The row's numbers printed on a line of their own above its blank piped row (the
    label's line lost its cells to the line above): the numbers could be the row's, so
    its blanks are not read as null, and nothing is read as 0."""
    numbers = "| | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"
    report, diagnostics = _parsed(REPORT.replace(PUBLICATION, f"{numbers}\n{PUBLICATION}"))
    row = report.to_dict()["table3"]["not_processed.publication"]
    assert row in (BLANK, [0] * 7)
    blank = [d for d in diagnostics if d["code"] == "CELL_BLANK"]
    assert "table3.not_processed.publication" not in {d.get("row") for d in blank}


def test_a_blank_row_of_a_padded_table_reads_blank_whatever_its_width() -> None:
    """A converter pads each row to its table's width: ``| 行政强制 | | | |`` under
    ``| 行政处罚 | 12 | | |`` has three cells where its row has one; all blank, it is
    blank. A row of the width of no line near it is not read."""
    report, diagnostics = _parsed(REPORT)
    assert report.to_dict()["table2"]["coercion"] is None
    coercion = [d for d in diagnostics if d.get("row") == "table2.coercion"]
    assert [d["code"] for d in coercion] == ["CELL_BLANK"]
    odd = REPORT.replace("| 行政强制 | | | |", "| 行政强制 | | |")
    report, diagnostics = _parsed(odd)
    assert report.to_dict()["table2"]["coercion"] is None
    coercion = [d for d in diagnostics if d.get("row") == "table2.coercion"]
    assert [d["code"] for d in coercion] == ["ROW_TOO_FEW"]
