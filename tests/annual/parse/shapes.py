"""Write a report as plain text in each flattened shape the seeds show.

``table_rows(report)`` lays the three tables out as the national form prints them (row
labels with their group labels in front, header rows, blank padding); each shape then
turns those rows into lines: ``pipes`` (one row per line, ``|`` between cells),
``tabs``, ``cells`` (one cell per line between lines holding only ``|``),
``traditional`` (pipes, converted to traditional characters) and ``shifted`` (tabs, with
the rows of （六） after the first one and （七）总计 starting in column 0, like seed 004).
Null cells are written as ``-`` (a placeholder the parser must read back as null).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache
from typing import Protocol

from gongkai.annual import schema as s
from gongkai.annual.model import AnnualReport

Rows = list[list[str]]


def number(value: int | Decimal | None) -> str:
    return "-" if value is None else str(value)


def table2_rows(report: AnnualReport) -> Rows:
    rows: Rows = []
    for block in s.TABLE2_BLOCKS:
        rows.append([block.heading, "", "", ""])
        rows.append([s.TABLE2_CONTENT_HEADER, *(c.label for c in block.columns)])
        for row in block.rows:
            if len(block.columns) > 1:
                counts = getattr(report.table2, row.key)
                values = [getattr(counts, c.key) for c in block.columns]
            else:
                values = [getattr(report.table2, row.key)]
            rows.append([row.label, *(number(v) for v in values)])
    return rows


def table3_rows(report: AnnualReport, *, shifted: bool = False) -> Rows:
    rows: Rows = [
        [s.TABLE3_IDENTITY_NOTE, "", s.TABLE3_APPLICANT_HEADER],
        [
            "",
            "",
            s.TABLE3_COLUMNS[0].label,
            s.TABLE3_ORGANISATION_HEADER,
            s.TABLE3_COLUMNS[6].label,
        ],
        ["", "", "", *(c.label for c in s.TABLE3_COLUMNS[1:6])],
    ]
    groups = {g.key: g.label for g in s.TABLE3_GROUPS}
    seen_groups: set[str] = set()
    for row in s.TABLE3_ROWS:
        values = [number(v) for v in report.table3.row(row.key)]
        lead: list[str] = []
        if row.key == "granted":
            lead = [s.TABLE3_RESULTS_GROUP.label, row.label]
        elif row.group and row.group not in seen_groups:
            seen_groups.add(row.group)
            lead = ["", groups[row.group], row.label]
        elif row.group:
            lead = [row.label] if shifted and row.group == "other" else ["", "", row.label]
        elif row.is_outcome:
            lead = ["", row.label]
        elif row.key == "handled_total" and shifted:
            lead = [row.label]
        else:
            lead = [row.label, ""]
        rows.append([*lead, *values])
    return rows


def table4_rows(report: AnnualReport) -> Rows:
    columns = [c.label for c in s.TABLE4_COLUMNS]
    groups = s.TABLE4_GROUPS
    values = [
        number(getattr(report.table4.group(g.key), c.key)) for g in groups for c in s.TABLE4_COLUMNS
    ]
    return [
        [groups[0].label, "", "", "", "", s.TABLE4_LITIGATION_HEADER],
        [*columns, groups[1].label, "", "", "", "", groups[2].label],
        ["", "", "", "", "", *columns, *columns],
        values,
    ]


def report_text(
    report: AnnualReport, write: Callable[[Rows], list[str]], *, shifted: bool = False
) -> str:
    title = f"{report.organ}{report.year}年度政府信息公开工作年度报告"
    narrative = {
        "1": f"{report.year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。",
        "5": "存在的问题是公开内容不够全面，下一步将加以改进。",
        "6": "本年度未收取信息处理费。",
    }
    tables = {
        "2": table2_rows(report),
        "3": table3_rows(report, shifted=shifted),
        "4": table4_rows(report),
    }
    lines = [title]
    for section in s.SECTIONS:
        lines.append(section.heading)
        if section.key in tables:
            lines.extend(write(tables[section.key]))
        else:
            lines.append(narrative[section.key])
    lines.append(
        f"本报告中所列数据的统计期限自{report.year}年1月1日起至{report.year}年12月31日止。"
    )
    return "\n".join(lines) + "\n"


def pipes(rows: Rows) -> list[str]:
    return [" | ".join(row) + " |" for row in rows]


def tabs(rows: Rows) -> list[str]:
    return ["\t".join(row) for row in rows]


def cells(rows: Rows) -> list[str]:
    out: list[str] = []
    for row in rows:
        out.append("|")
        out.extend(f"{cell} |" for cell in row if cell)
        out.append("||")
    return out


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


@lru_cache(maxsize=1)
def _s2t() -> _Converter:
    import opencc

    converter: _Converter = opencc.OpenCC("s2t")
    return converter


SHAPES: dict[str, Callable[[AnnualReport], str]] = {
    "pipes": lambda r: report_text(r, pipes),
    "tabs": lambda r: report_text(r, tabs),
    "cells": lambda r: report_text(r, cells),
    "traditional": lambda r: _s2t().convert(report_text(r, pipes)),
    "shifted": lambda r: report_text(r, tabs, shifted=True),
}


def glued(rows: Rows, spaces: Callable[[], bool] = lambda: False) -> list[str]:
    """A crawler's ``get_text()``: each row's words run together, then its numbers as one
    run of digits, a space between two numbers only where ``spaces()`` says so."""
    out: list[str] = []
    for row in rows:
        words = "".join(c for c in row if c and not _is_number(c))
        numbers = [c for c in row if c and _is_number(c)]
        run = ""
        for i, value in enumerate(numbers):
            run += value
            if i < len(numbers) - 1 and spaces():
                run += " "
        out.append(words + run)
    return out


def blanks_printed_as_nothing(rows: Rows) -> Rows:
    """The rows with each null cell (``-``) printed as nothing, as a crawler's text of a
    table with empty cells has it: in a glued row, a blank cell adds no digit."""
    return [["" if cell == "-" else cell for cell in row] for row in rows]


def _is_number(cell: str) -> bool:
    return cell.replace(".", "", 1).isdigit()
