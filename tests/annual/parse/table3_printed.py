"""A hand-made report whose table 三 tests print in other layouts (on its side, each cell
beside last year's): the numbers chosen by hand so that the form's sums hold, and the
report's text around the table (sections, tables 二 and 四) written once.

``THIS_YEAR`` and ``LAST_YEAR`` give each row's six applicant columns; ``row`` adds its
总计. In every column 一 + 二 = （七） + 四 and （七） is the sum of the outcome rows.
"""

from __future__ import annotations

from gongkai.annual import schema as s
from gongkai.annual.model import AnnualReport
from gongkai.annual.parse import parse_bytes

ORGAN = "示例市自然资源局"
YEAR = 2023

THIS_YEAR: dict[str, tuple[int, ...]] = {
    "received": (40, 8, 2, 0, 3, 1),
    "carried_over": (3, 1, 0, 0, 0, 0),
    "granted": (20, 5, 1, 0, 1, 0),
    "partially_granted": (3, 1, 0, 0, 0, 0),
    "withheld.state_secret": (0, 0, 0, 0, 0, 0),
    "withheld.prohibited_by_law": (1, 0, 0, 0, 0, 0),
    "withheld.security_stability": (0, 0, 0, 0, 0, 0),
    "withheld.third_party_rights": (2, 1, 0, 0, 0, 0),
    "withheld.internal_affairs": (0, 0, 0, 0, 0, 0),
    "withheld.process_information": (1, 0, 1, 0, 0, 0),
    "withheld.enforcement_files": (0, 0, 0, 0, 0, 0),
    "withheld.query_matters": (1, 0, 0, 0, 0, 0),
    "unavailable.not_held": (6, 1, 0, 0, 1, 0),
    "unavailable.needs_creation": (1, 0, 0, 0, 0, 0),
    "unavailable.still_unclear": (0, 0, 0, 0, 0, 0),
    "not_processed.petition": (1, 0, 0, 0, 0, 0),
    "not_processed.repeated": (1, 0, 0, 0, 0, 0),
    "not_processed.publication": (0, 0, 0, 0, 0, 0),
    "not_processed.excessive": (0, 0, 0, 0, 0, 0),
    "not_processed.confirmation": (0, 0, 0, 0, 0, 0),
    "other.no_correction": (1, 0, 0, 0, 0, 0),
    "other.fee_unpaid": (0, 0, 0, 0, 0, 0),
    "other.other": (0, 0, 0, 0, 0, 1),
    "handled_total": (38, 8, 2, 0, 2, 1),
    "carried_forward": (5, 1, 0, 0, 1, 0),
}

LAST_YEAR: dict[str, tuple[int, ...]] = {
    "received": (31, 6, 0, 1, 0, 2),
    "carried_over": (2, 0, 0, 0, 0, 0),
    "granted": (15, 4, 0, 1, 0, 1),
    "partially_granted": (2, 0, 0, 0, 0, 0),
    "withheld.state_secret": (0, 0, 0, 0, 0, 0),
    "withheld.prohibited_by_law": (0, 0, 0, 0, 0, 0),
    "withheld.security_stability": (0, 0, 0, 0, 0, 0),
    "withheld.third_party_rights": (1, 0, 0, 0, 0, 0),
    "withheld.internal_affairs": (0, 0, 0, 0, 0, 0),
    "withheld.process_information": (2, 0, 0, 0, 0, 0),
    "withheld.enforcement_files": (0, 0, 0, 0, 0, 0),
    "withheld.query_matters": (0, 0, 0, 0, 0, 0),
    "unavailable.not_held": (5, 1, 0, 0, 0, 1),
    "unavailable.needs_creation": (0, 0, 0, 0, 0, 0),
    "unavailable.still_unclear": (1, 0, 0, 0, 0, 0),
    "not_processed.petition": (0, 0, 0, 0, 0, 0),
    "not_processed.repeated": (1, 0, 0, 0, 0, 0),
    "not_processed.publication": (0, 0, 0, 0, 0, 0),
    "not_processed.excessive": (0, 0, 0, 0, 0, 0),
    "not_processed.confirmation": (0, 0, 0, 0, 0, 0),
    "other.no_correction": (0, 0, 0, 0, 0, 0),
    "other.fee_unpaid": (1, 0, 0, 0, 0, 0),
    "other.other": (0, 0, 0, 0, 0, 0),
    "handled_total": (28, 5, 0, 1, 0, 2),
    "carried_forward": (5, 1, 0, 0, 0, 0),
}

OUTCOMES = [row.key for row in s.TABLE3_OUTCOME_ROWS]


def row(table: dict[str, tuple[int, ...]], key: str) -> tuple[int, ...]:
    """The row's seven cells: its six applicant columns and their sum, the 总计."""
    six = table[key]
    return (*six, sum(six))


def check_sums(table: dict[str, tuple[int, ...]]) -> None:
    """The hand-chosen numbers hold the form's sums (a typo here would test nothing)."""
    for c in range(6):
        outcomes = sum(table[key][c] for key in OUTCOMES)
        assert outcomes == table["handled_total"][c]
        assert (
            table["received"][c] + table["carried_over"][c]
            == table["handled_total"][c] + table["carried_forward"][c]
        )


BEFORE = f"""{ORGAN}{YEAR}年政府信息公开工作年度报告
一、总体情况
{YEAR}年，{ORGAN}认真贯彻落实《中华人民共和国政府信息公开条例》，做好政府信息公开工作。
二、主动公开政府信息情况
第二十条第（一）项
信息内容 本年制发件数 本年废止件数 现行有效件数
规章 0 0 0
行政规范性文件 4 2 21
第二十条第（五）项
信息内容 本年处理决定数量
行政许可 133
第二十条第（六）项
信息内容 本年处理决定数量
行政处罚 27
行政强制 5
第二十条第（八）项
信息内容 本年收费金额（单位：万元）
行政事业性收费 0
三、收到和处理政府信息公开申请情况
"""

AFTER = """四、政府信息公开行政复议、行政诉讼情况
行政复议 行政诉讼
结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉
结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计
3 1 0 0 4 1 0 0 1 2 0 0 0 0 0
五、存在的主要问题及改进情况
依申请公开答复的规范性有待提高。下一步将加强业务培训。
六、其他需要报告的事项
本年度未收取信息处理费。
示例市自然资源局
2024年1月20日
"""

TABLE4 = {
    "reconsideration": {"upheld": 3, "corrected": 1, "other": 0, "pending": 0, "total": 4},
    "litigation_direct": {"upheld": 1, "corrected": 0, "other": 0, "pending": 1, "total": 2},
    "litigation_after_reconsideration": {
        "upheld": 0,
        "corrected": 0,
        "other": 0,
        "pending": 0,
        "total": 0,
    },
}


def report(table3_lines: list[str]) -> str:
    """The report's text with ``table3_lines`` as section 三's table."""
    return BEFORE + "\n".join(table3_lines) + "\n" + AFTER


def parse(text: str, name: str = "样例.txt") -> AnnualReport:
    return parse_bytes(text.encode("utf-8"), name)


def codes(report: AnnualReport) -> list[str]:
    return [str(d["code"]) for d in report.diagnostics or ()]


def notes_of(report: AnnualReport, code: str) -> list[dict[str, object]]:
    return [dict(d) for d in report.diagnostics or () if d["code"] == code]


WARNINGS = {
    "ROW_NOT_FOUND",
    "ROW_TOO_FEW",
    "ROW_TOO_MANY",
    "ROW_INFERRED",
    "VALUES_UNASSIGNED",
    "ROW_DUPLICATE",
    "CELL_AMBIGUOUS",
    "TABLE_NOT_FOUND",
    "SECTION_NOT_FOUND",
    "INTERNAL_ERROR",
}
"""Codes a table read whole never gives."""
