"""The six sections of the narrative: all present, in order, none blank.

Runs only when the report carries its text (``report.sections`` is not ``None``). Order
is the order of the mapping as given: a parser inserts sections in document order, while
loading ``annual-report/1`` JSON puts them in form order.
"""

from __future__ import annotations

from typing import Final

from .. import schema as s
from ..findings import Finding, Severity
from ..model import AnnualReport
from .base import Check, Context, emit, joined, rule

_HEADINGS: Final = joined(f"“{sec.heading}”" for sec in s.SECTIONS)
_RANK: Final = {sec.key: i for i, sec in enumerate(s.SECTIONS)}

MISSING = rule(
    "SEC.W001",
    Severity.WARNING,
    "六个部分齐全",
    f"年度报告正文应有国家格式规定的六个部分：{_HEADINGS}。"
    "第二、三、四部分可以只有表格：报告有该部分的表格（表二、表三、表四有数字）时，不要求另有文字。",
)
ORDER = rule(
    "SEC.W002",
    Severity.WARNING,
    "六个部分的顺序",
    "六个部分应按一至六的顺序排列（按文档中出现的顺序判断）。",
)
BLANK = rule(
    "SEC.W003",
    Severity.WARNING,
    "每个部分都有内容",
    "某部分只有标题、没有正文时报告；第二、三、四部分有其表格时不报告。",
)
_TABLE_OF_SECTION: Final = {"2": "table2", "3": "table3", "4": "table4"}
"""Sections 二、三、四 of the national form consist of tables 二、三、四."""


def has_table(report: AnnualReport, key: str) -> bool:
    """Whether the section ``key`` is one of the form's table sections and its table has
    a number (the section is then complete without any text)."""
    table = _TABLE_OF_SECTION.get(key)
    if table is None:
        return False
    return any(v is not None for k, v in report.cells() if k.startswith(table + "."))


RULES = (MISSING, ORDER, BLANK)


def check_sections(report: AnnualReport, ctx: Context, out: list[Finding]) -> None:
    sections = report.sections
    if sections is None:
        return
    missing = [
        sec for sec in s.SECTIONS if sec.key not in sections and not has_table(report, sec.key)
    ]
    if missing:
        emit(
            out,
            MISSING,
            f"缺少第{joined(sec.numeral for sec in missing)}部分"
            f"（{joined(f'“{sec.heading}”' for sec in missing)}）。",
            data={"sections": [sec.key for sec in missing]},
        )
    order = [key for key in sections if key in _RANK]
    if order != sorted(order, key=_RANK.__getitem__):
        printed = joined(s.SECTION_BY_KEY[k].numeral for k in order)
        emit(
            out, ORDER, f"六个部分的顺序为{printed}，应按一至六的顺序排列。", data={"order": order}
        )
    for sec in s.SECTIONS:
        text = sections.get(sec.key)
        if text is not None and not text.strip() and not has_table(report, sec.key):
            emit(
                out,
                BLANK,
                f"第{sec.numeral}部分“{sec.title}”只有标题，没有内容。",
                data={"section": sec.key},
            )


CHECKS: tuple[Check, ...] = (check_sections,)
