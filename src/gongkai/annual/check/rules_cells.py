"""Every cell of tables 二–四 filled in, for a report published from the platform.

A report read from a published document may leave cells blank (the table rules then say
what they could not check); a report the platform publishes must not: the national form
requires a number in every cell, 0 where there was nothing.
"""

from __future__ import annotations

from .. import schema as s
from ..findings import Finding, Severity
from ..model import AnnualReport
from .base import Check, Context, emit, rule

SHOWN = 5
"""Blank cells named in the message; the finding's ``cells`` lists all of them."""

BLANK_CELL = rule(
    "CELL.E001",
    Severity.ERROR,
    "发布前每个单元格都有数字",
    "从平台发布的报告，表二、表三、表四的每个单元格都应填写数字（没有的填0）；"
    "空白单元格会导致报告不能发布。读取已发布的报告时不做此项核对。",
)

RULES = (BLANK_CELL,)


def check_cells(report: AnnualReport, ctx: Context, out: list[Finding]) -> None:
    if not ctx.publishing:
        return
    blank = [key for key, value in report.cells() if value is None]
    if not blank:
        return
    named = "、".join(s.describe_cell(key) for key in blank[:SHOWN])
    more = f"等{len(blank)}个单元格" if len(blank) > SHOWN else ""
    emit(
        out,
        BLANK_CELL,
        f"{named}{more}为空白，发布前应填写数字（没有的填0）。",
        blank,
        hint="表二第二十条第（五）、（六）、（八）项的数字请在年度报告页面“表二填报”中填写，并注明数据来源。",
    )


CHECKS: tuple[Check, ...] = (check_cells,)
