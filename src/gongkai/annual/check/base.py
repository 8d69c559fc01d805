"""What every rule module shares: building findings and writing numbers into messages."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .. import schema as s
from ..deadline import Publisher
from ..findings import Finding, Rule, Severity
from ..model import AnnualReport


@dataclass(frozen=True)
class Context:
    """What a check knows besides the report.

    ``last_year`` is last year's report of the same organ, when known; ``publisher`` whose
    report it is (decides the deadline; ``None``: guess from the organ's name);
    ``publishing`` is true for a report about to be published from the platform, where
    the form's blanks and the text's contradictions block publication.
    """

    last_year: AnnualReport | None = None
    publisher: Publisher | None = None
    publishing: bool = False


Check = Callable[[AnnualReport, Context, list[Finding]], None]
"""A check reads a report (and its context) and appends findings."""

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
