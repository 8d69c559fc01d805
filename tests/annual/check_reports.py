"""Hand-built reports for the checker's tests: one sound report, and ways to break it."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from gongkai.annual import AnnualReport, AppealCounts, DocumentCounts, Table2, Table3, Table4
from gongkai.annual import schema as s

_ZERO = (0,) * s.TABLE3_WIDTH

SOUND_TABLE3 = {
    **{key: _ZERO for key in s.TABLE3_ROW_KEYS},
    "received": (5, 2, 0, 0, 0, 0, 7),
    "carried_over": (1, 0, 0, 0, 0, 0, 1),
    "granted": (3, 1, 0, 0, 0, 0, 4),
    "unavailable.not_held": (2, 0, 0, 0, 0, 0, 2),
    "not_processed.repeated": (0, 1, 0, 0, 0, 0, 1),
    "handled_total": (5, 2, 0, 0, 0, 0, 7),
    "carried_forward": (1, 0, 0, 0, 0, 0, 1),
}

SOUND_SECTIONS = {
    "1": (
        "（一）主动公开。2024年，我局坚持以公开为常态、不公开为例外，全年主动公开政府信息120条。\n"
        "（二）依申请公开。2024年，我局共收到政府信息公开申请7件，其中自然人申请5件、"
        "法人或其他组织申请2件；上年结转1件，结转下年度继续办理1件，均在法定期限内答复。"
    ),
    "2": "主动公开政府信息情况见下表。",
    "3": "收到和处理政府信息公开申请情况见下表。",
    "4": "本年度因政府信息公开申请行政复议2件，其中维持1件，尚未审结1件。",
    "5": (
        "2024年，我局政府信息公开工作取得一定成效，比2023年更加规范，但仍存在解读形式单一等问题。"
        "下一步，我局将按照《浙江省政务公开五年行动计划（2021—2025年）》要求改进工作。"
    ),
    "6": (
        "2024年，我局未收取政府信息公开信息处理费。"
        "本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。"
    ),
}


def sound_report(*, sections: bool = True) -> AnnualReport:
    """A 2024 report whose tables add up and whose text agrees with them: no findings."""
    return AnnualReport(
        organ="测试市数据局",
        year=2024,
        table2=Table2(
            regulations=DocumentCounts(0, 0, 0),
            normative_documents=DocumentCounts(2, 1, 5),
            licensing=12,
            punishment=3,
            coercion=0,
            fees=Decimal("0"),
        ),
        table3=Table3(SOUND_TABLE3),
        table4=Table4(
            reconsideration=AppealCounts(1, 0, 0, 1, 2),
            litigation_direct=AppealCounts(0, 0, 0, 0, 0),
            litigation_after_reconsideration=AppealCounts(0, 0, 0, 0, 0),
        ),
        sections=dict(SOUND_SECTIONS) if sections else None,
    )


def last_year_of(report: AnnualReport) -> AnnualReport:
    """A report of the year before that hands over exactly what ``report`` carries over."""
    assert report.year is not None
    rows = dict(report.table3.rows)
    rows["carried_forward"] = report.table3.row("carried_over")
    docs = {}
    for key in s.TABLE2_DOCUMENT_ROWS:
        now = getattr(report.table2, key)
        docs[key] = DocumentCounts(0, 0, now.in_force - now.made + now.repealed)
    return replace(
        report,
        year=report.year - 1,
        table3=Table3(rows),
        table2=replace(report.table2, **docs),
        sections=None,
    )


def with_section(report: AnnualReport, key: str, text: str) -> AnnualReport:
    sections = dict(report.sections or {})
    sections[key] = text
    return replace(report, sections=sections)


def narrative_for(report: AnnualReport) -> dict[str, str]:
    """Six sections whose numbers and years are the report's own, phrased as real reports are."""
    received = report.table3.row("received")
    total = s.TABLE3_TOTAL_COLUMN.index

    def t(row: str) -> int | None:
        return report.table3.row(row)[total]

    organisations = sum(v or 0 for v in received[1:total])
    year = report.year
    return {
        "1": (
            f"（一）主动公开。{year}年，我局全年主动公开政府信息120条，比{(year or 2024) - 1}年增加5%。\n"
            f"（二）依申请公开。{year}年，我局共收到政府信息公开申请{t('received')}件，"
            f"其中自然人申请{received[0]}件、法人或其他组织申请{organisations}件；"
            f"上年结转{t('carried_over')}件，全年办结{t('handled_total')}件，"
            f"结转下年度继续办理{t('carried_forward')}件。"
        ),
        "2": "主动公开政府信息情况见下表。",
        "3": "收到和处理政府信息公开申请情况见下表。",
        "4": "行政复议、行政诉讼情况见下表。",
        "5": f"{year}年，我局政府信息公开工作仍存在解读形式单一等问题。{(year or 2024) + 1}年，我局将加强培训。",
        "6": f"{year}年，我局未收取信息处理费。本报告统计期限自{year}年1月1日起至{year}年12月31日止。",
    }
