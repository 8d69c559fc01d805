"""Published-report text built from the schema, for reader and batch tests.

The layout is the common "copied off the web" one (pipes between cells, like seed 002),
so the tests do not depend on ``../shared``.
"""

from __future__ import annotations

from gongkai.annual import AnnualReport
from gongkai.annual import schema as s


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def report_text(report: AnnualReport, *, table3: bool = True) -> str:
    """The report as pipe-separated text with the six section headings."""
    lines = [f"{report.organ}{report.year}年政府信息公开工作年度报告"]
    for section in s.SECTIONS:
        lines.append(section.heading)
        lines.append(f"本机关{report.year}年{section.title}如下。")
        if section.key == "2":
            lines.extend(_table2(report))
        elif section.key == "3" and table3:
            lines.extend(_table3(report))
        elif section.key == "4":
            lines.extend(_table4(report))
    return "\n".join(lines) + "\n"


def _table2(report: AnnualReport) -> list[str]:
    lines: list[str] = []
    for block in s.TABLE2_BLOCKS:
        lines.append(f"{block.heading} | |||")
        lines.append(
            " | ".join([s.TABLE2_CONTENT_HEADER, *(c.label for c in block.columns)]) + " |"
        )
        for row in block.rows:
            if block.is_counted_by_column:
                values = [report.cell(s.cell_key("table2", row.key, c.key)) for c in block.columns]
            else:
                values = [report.cell(s.cell_key("table2", row.key))]
            lines.append(" | ".join([row.label, *map(_cell, values)]) + " |")
    return lines


def _table3(report: AnnualReport) -> list[str]:
    lines = [
        f"{s.TABLE3_IDENTITY_NOTE} | {s.TABLE3_APPLICANT_HEADER} | ||||||||",
        f"自然人 | {s.TABLE3_ORGANISATION_HEADER} | 总计 | |||||||",
        " | ".join(c.label for c in s.TABLE3_COLUMNS[1:6]) + " | |||||",
    ]
    groups_started: set[str] = set()
    for row in s.TABLE3_ROWS:
        prefix = []
        if row.key == "granted":
            prefix.append(s.TABLE3_RESULTS_GROUP.label)
        if row.group and row.group not in groups_started:
            groups_started.add(row.group)
            prefix.append(next(g.label for g in s.TABLE3_GROUPS if g.key == row.group))
        values = [_cell(v) for v in report.table3.row(row.key)]
        lines.append(" | ".join([*prefix, row.label, *values]) + " |")
    return lines


def _table4(report: AnnualReport) -> list[str]:
    header = " | ".join(c.label for c in s.TABLE4_COLUMNS)
    values = [
        _cell(getattr(report.table4.group(g.key), c.key))
        for g in s.TABLE4_GROUPS
        for c in s.TABLE4_COLUMNS
    ]
    return [
        f"行政复议 | {s.TABLE4_LITIGATION_HEADER} | |||||||||||||",
        f"{header} | 未经复议直接起诉 | 复议后起诉 | ||||||||",
        f"{header} | {header} | |||||",
        " | ".join(values) + " |",
    ]
