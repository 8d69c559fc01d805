"""A text that names every cell by its column after its row's label (``flat_tables``): the
文字版 a site publishes for screen readers writes each table row as a sentence,
``一、本年新收政府信息公开申请数量：自然人31，商业企业6，…，总计39。``. Each number goes to
the column it names, in whatever order the names come; a column the row does not name is a
blank cell (null, never 0)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gongkai.annual import schema as s
from gongkai.annual.model import AnnualReport, AppealCounts, DocumentCounts
from gongkai.annual.parse import parse_bytes
from gongkai.annual.parse.flat_tables import read_flat
from gongkai.annual.parse.normalize import normalize_text

TABLE3 = {
    "received": (58, 11, 2, 0, 3, 1, 75),
    "carried_over": (4, 1, 0, 0, 0, 0, 5),
    "granted": (27, 6, 1, 0, 1, 0, 35),
    "partially_granted": (5, 1, 0, 0, 0, 0, 6),
    "withheld.state_secret": (0, 0, 0, 0, 0, 0, 0),
    "withheld.prohibited_by_law": (1, 0, 0, 0, 0, 0, 1),
    "withheld.security_stability": (0, 0, 0, 0, 0, 0, 0),
    "withheld.third_party_rights": (2, 1, 0, 0, 0, 0, 3),
    "withheld.internal_affairs": (0, 0, 0, 0, 0, 0, 0),
    "withheld.process_information": (1, 0, 0, 0, 0, 0, 1),
    "withheld.enforcement_files": (0, 0, 0, 0, 0, 0, 0),
    "withheld.query_matters": (0, 0, 0, 0, 0, 0, 0),
    "unavailable.not_held": (12, 2, 1, 0, 1, 1, 17),
    "unavailable.needs_creation": (2, 0, 0, 0, 0, 0, 2),
    "unavailable.still_unclear": (1, 0, 0, 0, 0, 0, 1),
    "not_processed.petition": (3, 0, 0, 0, 0, 0, 3),
    "not_processed.repeated": (2, 1, 0, 0, 0, 0, 3),
    "not_processed.publication": (0, 0, 0, 0, 0, 0, 0),
    "not_processed.excessive": (0, 0, 0, 0, 0, 0, 0),
    "not_processed.confirmation": (1, 0, 0, 0, 0, 0, 1),
    "other.no_correction": (1, 0, 0, 0, 1, 0, 2),
    "other.fee_unpaid": (0, 0, 0, 0, 0, 0, 0),
    "other.other": (0, 0, 0, 0, 0, 0, 0),
    "handled_total": (56, 11, 2, 0, 3, 1, 73),
    "carried_forward": (6, 1, 0, 0, 0, 0, 7),
}
"""The numbers of the report below, as its author typed them."""

SCREEN_READER_TEXT = """样例县人力资源和社会保障局2024年政府信息公开工作年度报告（无障碍文字版）
说明：本文字版供读屏软件朗读，表格中的每一格均以“栏目名称加数字”的方式写出。
一、总体情况
2024年，本局认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进决策、执行、管理、服务、结果公开，全年收到政府信息公开申请75件。
二、主动公开政府信息情况
第二十条第（一）项。规章：本年制发件数0，本年废止件数0，现行有效件数3。行政规范性文件：本年制发件数4，本年废止件数2，现行有效件数31。
第二十条第（五）项。行政许可：本年处理决定数量1206。
第二十条第（六）项。行政处罚：本年处理决定数量45。行政强制：本年处理决定数量0。
第二十条第（八）项。行政事业性收费：本年收费金额（单位：万元）12.6。
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量：总计75，自然人58，商业企业11，科研机构2，社会公益组织0，法律服务机构3，其他1。
二、上年结转政府信息公开申请数量：总计5，自然人4，商业企业1，科研机构0，社会公益组织0，法律服务机构0，其他0。
三、本年度办理结果（一）予以公开：总计35，自然人27，商业企业6，科研机构1，社会公益组织0，法律服务机构1，其他0。
（二）部分公开（区分处理的，只计这一情形，不计其他情形）：总计6，自然人5，商业企业1，科研机构0，社会公益组织0，法律服务机构0，其他0。
（三）不予公开1.属于国家秘密：总计0，自然人0，商业企业0，科研机构0，社会公益组织0，法律服务机构0，其他0。
2.其他法律行政法规禁止公开：总计1，自然人1，商业企业0，科研机构0，社会公益组织0，法律服务机构0，其他0。
3.危及“三安全一稳定”：总计0，自然人0，商业企业0，科研机构0，社会公益组织0，法律服务机构0，其他0。
4.保护第三方合法权益：总计3，自然人2，商业企业1，科研机构0，社会公益组织0，法律服务机构0，其他0。
5.属于三类内部事务信息：总计0，自然人0，商业企业0，科研机构0，社会公益组织0，法律服务机构0，其他0。
6.属于四类过程性信息：总计1，自然人1，商业企业0，科研机构0，社会公益组织0，法律服务机构0，其他0。
7.属于行政执法案卷：总计0，自然人0，商业企业0，科研机构0，社会公益组织0，法律服务机构0，其他0。
8.属于行政查询事项：总计0，自然人0，商业企业0，科研机构0，社会公益组织0，法律服务机构0，其他0。
（四）无法提供1.本机关不掌握相关政府信息：总计17，自然人12，商业企业2，科研机构1，社会公益组织0，法律服务机构1，其他1。
2.没有现成信息需要另行制作：总计2，自然人2，商业企业0，科研机构0，社会公益组织0，法律服务机构0，其他0。
3.补正后申请内容仍不明确：总计1，自然人1，商业企业0，科研机构0，社会公益组织0，法律服务机构0，其他0。
（五）不予处理1.信访举报投诉类申请：总计3，自然人3，商业企业0，科研机构0，社会公益组织0，法律服务机构0，其他0。
2.重复申请：总计3，自然人2，商业企业1，科研机构0，社会公益组织0，法律服务机构0，其他0。
3.要求提供公开出版物：总计0，自然人0，商业企业0，科研机构0，社会公益组织0，法律服务机构0，其他0。
4.无正当理由大量反复申请：总计0，自然人0，商业企业0，科研机构0，社会公益组织0，法律服务机构0，其他0。
5.要求行政机关确认或重新出具已获取信息：总计1，自然人1，商业企业0，科研机构0，社会公益组织0，法律服务机构0，其他0。
（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请：总计2，自然人1，商业企业0，科研机构0，社会公益组织0，法律服务机构1，其他0。
2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请：总计0，自然人0，商业企业0，科研机构0，社会公益组织0，法律服务机构0，其他0。
3.其他：总计0，自然人0，商业企业0，科研机构0，社会公益组织0，法律服务机构0，其他0。
（七）总计：总计73，自然人56，商业企业11，科研机构2，社会公益组织0，法律服务机构3，其他1。
四、结转下年度继续办理：总计7，自然人6，商业企业1，科研机构0，社会公益组织0，法律服务机构0，其他0。
四、政府信息公开行政复议、行政诉讼情况
行政复议：总计3，结果维持1，结果纠正1，其他结果0，尚未审结1。
行政诉讼（复议后起诉）：总计1，结果维持0，结果纠正0，其他结果0，尚未审结1。
行政诉讼（未经复议直接起诉）：总计2，结果维持2，结果纠正0，其他结果0，尚未审结0。
五、存在的主要问题及改进情况
主动公开的深度和广度还需拓展。下一步将加强政策解读，提升公开质量。
六、其他需要报告的事项
本年度收取信息处理费0.2万元。
样例县人力资源和社会保障局
2025年1月15日
"""
"""A 文字版 written by hand: every cell named, 总计 named first in each row, table 四's
litigation groups in the other order (复议后起诉 first)."""


def parse(text: str) -> AnnualReport:
    return parse_bytes(text.encode("utf-8"), "文字版.txt")


def codes(report: AnnualReport) -> list[str]:
    return [str(d["code"]) for d in report.diagnostics or ()]


def test_every_cell_goes_to_the_column_it_names() -> None:
    report = parse(SCREEN_READER_TEXT)
    assert dict(report.table3.rows) == TABLE3
    assert report.table2.regulations == DocumentCounts(0, 0, 3)
    assert report.table2.normative_documents == DocumentCounts(4, 2, 31)
    assert (report.table2.licensing, report.table2.punishment, report.table2.coercion) == (
        1206,
        45,
        0,
    )
    assert report.table2.fees == Decimal("12.6")
    assert report.table4.reconsideration == AppealCounts(1, 1, 0, 1, 3)
    assert report.table4.litigation_direct == AppealCounts(2, 0, 0, 0, 2)
    assert report.table4.litigation_after_reconsideration == AppealCounts(0, 0, 0, 1, 1)
    assert report.confidence == {"table2": 1.0, "table3": 1.0, "table4": 1.0}
    assert not {"TABLE_NOT_FOUND", "UNDECODED_RUN", "ROW_NOT_FOUND"} & set(codes(report))


def _sentence(label: str, names: list[str], values: tuple[int, ...], style: str) -> str:
    """A row written as a screen reader's sentence in ``style``: ``comma`` (名称12，…。),
    ``colon`` (名称：12 名称：3, after a space), ``units`` (名称12件；…)."""
    if style == "colon":
        return label + " " + " ".join(f"{n}：{v}" for n, v in zip(names, values, strict=True))
    if style == "units":
        return (
            label + "：" + "；".join(f"{n}{v}件" for n, v in zip(names, values, strict=True)) + "。"
        )
    return label + "：" + "，".join(f"{n}{v}" for n, v in zip(names, values, strict=True)) + "。"


def _table3_text(style: str, names: list[str] | None = None) -> str:
    names = names or [c.label for c in s.TABLE3_COLUMNS]
    index = {c.label: i for i, c in enumerate(s.TABLE3_COLUMNS)}
    lines = ["三、收到和处理政府信息公开申请情况"]
    for row in s.TABLE3_ROWS:
        values = tuple(TABLE3[row.key][index[n]] for n in names)
        lines.append(_sentence(row.full_label, names, values, style))
    lines.append("四、政府信息公开行政复议、行政诉讼情况")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("style", ["comma", "colon", "units"])
def test_table3_is_read_by_names_whatever_the_punctuation(style: str) -> None:
    flat = read_flat(normalize_text(_table3_text(style)))
    assert flat.table3 is not None
    assert dict(flat.table3.rows) == TABLE3
    assert flat.confidence["table3"] == 1.0


def test_names_in_another_order_still_name_their_columns() -> None:
    names = ["其他", "法律服务机构", "社会公益组织", "科研机构", "商业企业", "自然人", "总计"]
    flat = read_flat(normalize_text(_table3_text("comma", names)))
    assert flat.table3 is not None
    assert dict(flat.table3.rows) == TABLE3


def test_a_column_a_row_does_not_name_is_blank_never_0() -> None:
    text = _table3_text("comma").replace(
        "（三）不予公开1.属于国家秘密：自然人0，商业企业0，科研机构0，",
        "（三）不予公开1.属于国家秘密：自然人0，商业企业0，",
    )
    assert text != _table3_text("comma")
    flat = read_flat(normalize_text(text))
    assert flat.table3 is not None
    assert flat.table3.row("withheld.state_secret") == (0, 0, None, 0, 0, 0, 0)
    (blank,) = [n for n in flat.diagnostics if n["code"] == "CELL_BLANK"]
    assert "“科研机构”" in str(blank["message"])
    assert blank["row"] == "table3.withheld.state_secret"


def test_a_placeholder_after_a_name_is_a_blank_cell() -> None:
    text = _table3_text("comma").replace("（七）总计：自然人56，", "（七）总计：自然人—，")
    flat = read_flat(normalize_text(text))
    assert flat.table3 is not None
    assert flat.table3.row("handled_total") == (None, 11, 2, 0, 3, 1, 73)


def test_a_row_not_written_is_said_and_the_others_are_read() -> None:
    text = "\n".join(
        line for line in _table3_text("comma").split("\n") if "3.要求提供公开出版物" not in line
    )
    flat = read_flat(normalize_text(text))
    assert flat.table3 is not None
    assert flat.table3.row("not_processed.publication") == (None,) * 7
    assert flat.table3.row("not_processed.excessive") == TABLE3["not_processed.excessive"]
    assert flat.confidence["table3"] == 24 / 25
    assert [n["row"] for n in flat.diagnostics if n["code"] == "ROW_NOT_FOUND"] == [
        "table3.not_processed.publication"
    ]


def test_the_narrative_naming_applicants_is_not_a_table() -> None:
    """A report whose narrative says ``自然人申请58件`` and whose table 三 is printed as
    usual is read as usual: no row is named cell by cell."""
    groups = {g.key: g.label for g in s.TABLE3_GROUPS}
    lines = ["本年度共收到申请75件，其中自然人58件、法人或其他组织17件。"]
    seen: set[str] = set()
    for row in s.TABLE3_ROWS:
        label = row.label
        if row.key == "granted":
            label = f"{s.TABLE3_RESULTS_GROUP.label} {label}"
        elif row.group and row.group not in seen:
            seen.add(row.group)
            label = f"{groups[row.group]} {label}"
        lines.append(f"{label} {' '.join(map(str, TABLE3[row.key]))}")
    text = "\n".join(lines)
    flat = read_flat(normalize_text(text))
    assert flat.table3 is not None
    assert dict(flat.table3.rows) == TABLE3
    assert "CELL_BLANK" not in [n["code"] for n in flat.diagnostics]


def test_table4_groups_are_those_named_before_their_cells() -> None:
    text = _table3_text("comma") + (
        "行政诉讼：未经复议直接起诉：结果维持2，结果纠正0，其他结果0，尚未审结0，总计2；"
        "复议后起诉：结果维持0，结果纠正0，其他结果0，尚未审结1，总计1。"
        "行政复议：结果维持1，结果纠正1，其他结果0，尚未审结1，总计3。\n"
    )
    flat = read_flat(normalize_text(text))
    assert flat.table4 is not None
    assert flat.table4.reconsideration == AppealCounts(1, 1, 0, 1, 3)
    assert flat.table4.litigation_direct == AppealCounts(2, 0, 0, 0, 2)
    assert flat.table4.litigation_after_reconsideration == AppealCounts(0, 0, 0, 1, 1)
    assert flat.confidence["table4"] == 1.0


def test_a_table4_group_not_named_is_left_blank_and_said() -> None:
    text = _table3_text("comma") + "行政复议：结果维持1，结果纠正1，其他结果0，尚未审结1，总计3。\n"
    flat = read_flat(normalize_text(text))
    assert flat.table4 is not None
    assert flat.table4.reconsideration == AppealCounts(1, 1, 0, 1, 3)
    assert flat.table4.litigation_direct == AppealCounts()
    assert flat.confidence["table4"] == 1 / 3
    assert {n["row"] for n in flat.diagnostics if n["code"] == "ROW_NOT_FOUND"} == {
        "table4.litigation_direct",
        "table4.litigation_after_reconsideration",
    }
