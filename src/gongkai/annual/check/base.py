"""What every rule module shares: building findings and writing numbers into messages."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any

from .. import schema as s
from ..findings import Finding, Rule, Severity
from ..model import AnnualReport

Check = Callable[[AnnualReport, AnnualReport | None, list[Finding]], None]
"""A check reads a report (and last year's, when given) and appends findings."""

RECEIVED, CARRIED_OVER, HANDLED, FORWARD = (r for r in s.TABLE3_ROWS if not r.is_outcome)
"""The four rows of table 三 outside the 21 outcome rows, in form order:
一 本年新收, 二 上年结转, （七）总计, 四 结转下年度继续办理."""


def rule(code: str, severity: Severity, title: str, description: str) -> Rule:
    return Rule(code=code, severity=severity, title=title, description=description)


def emit(
    out: list[Finding],
    rule: Rule,
    message: str,
    cells: Sequence[str] = (),
    *,
    hint: str = "",
    data: dict[str, Any] | None = None,
) -> None:
    out.append(
        Finding(
            code=rule.code,
            severity=rule.severity,
            message=message,
            cells=tuple(cells),
            hint=hint,
            data=data or {},
        )
    )


def num(value: int | Decimal | None) -> str:
    """A number as a message prints it: ``3``, ``0.35``, or ``空白`` for a null cell."""
    if value is None:
        return "空白"
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return text
    return str(value)


def joined(names: Iterable[str]) -> str:
    return "、".join(names)


def quote(text: str, limit: int = 40) -> str:
    """A quotation of the document's own words, shortened to ``limit`` characters."""
    text = text.strip()
    return f"“{text if len(text) <= limit else text[:limit] + '…'}”"
