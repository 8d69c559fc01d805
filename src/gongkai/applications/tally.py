"""Tables 三 and 四 of the annual report from the facts of each case; plain Python.

One case contributes through three facts derived from its events: the day it was received
(the clock's start, Art 31), the day it was first closed (answer delivered, lapse or
withdrawal) and the table-三 row of that closing. For year Y:

* received       — received in Y;
* carried_over   — received before Y and not closed before Y;
* an outcome row — first closed in Y with that outcome;
* carried_forward — received by the end of Y and not closed by then.

So ``received + carried_over = handled_total + carried_forward`` holds for every column by
construction. A reopened case keeps the row of its first closing (it was already counted;
re-counting it would break the identity of the year it is closed again); reports already
published therefore never change.

Table 四 counts the appeals lodged in Y, each under its outcome as of the end of Y
(尚未审结 when undecided then).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Final

from gongkai.annual import schema
from gongkai.annual.model import AnnualReport

APPLICANT_COLUMNS: Final = tuple(c.key for c in schema.TABLE3_APPLICANT_COLUMNS)
TOTAL: Final = schema.TABLE3_TOTAL_COLUMN.key
OUTCOME_ROWS: Final = tuple(r.key for r in schema.TABLE3_OUTCOME_ROWS)
APPEAL_OUTCOMES: Final = tuple(c.key for c in schema.TABLE4_PARTS)
PENDING: Final = "pending"


@dataclass(frozen=True)
class CaseFacts:
    id: int
    column: str
    """A key of ``schema.TABLE3_APPLICANT_COLUMNS``."""
    received: date | None
    closed: date | None = None
    outcome: str | None = None
    """A key of ``schema.TABLE3_OUTCOME_ROWS`` when closed."""


@dataclass(frozen=True)
class AppealFacts:
    id: int
    case_id: int
    kind: str
    """A key of ``schema.TABLE4_GROUPS``."""
    lodged: date
    decided: date | None = None
    outcome: str | None = None
    """upheld / corrected / other once decided."""


@dataclass
class Tally:
    year: int
    table3: dict[str, list[int]] = field(default_factory=dict)
    table4: dict[str, dict[str, int]] = field(default_factory=dict)
    cases: dict[str, list[int]] = field(default_factory=dict)
    """Drill-down: ``"row.column"`` (table 三) or ``"group.column"`` (table 四) → ids."""

    def to_report_dict(self, organ: str) -> dict[str, object]:
        """The ``annual-report/1`` JSON with tables 三 and 四 (table 二 left null)."""
        blank = AnnualReport(organ=organ, year=self.year).to_dict()
        return {
            "schema": schema.SCHEMA_ID,
            "organ": organ,
            "year": self.year,
            "table2": blank["table2"],
            "table3": {k: list(v) for k, v in self.table3.items()},
            "table4": {k: dict(v) for k, v in self.table4.items()},
        }


def _row_of(facts: CaseFacts, start: date, end: date) -> tuple[str, ...]:
    """The rows of table 三 this case falls in for the year [start, end]."""
    if facts.received is None or facts.received > end:
        return ()
    rows: list[str] = []
    closed = facts.closed
    if facts.received >= start:
        rows.append("received")
    elif closed is None or closed >= start:
        rows.append("carried_over")
    else:
        return ()
    if closed is not None and start <= closed <= end:
        if facts.outcome not in OUTCOME_ROWS:
            raise ValueError(
                f"第{facts.id}号案件已办结，但办理结果“{facts.outcome}”不是表三的结果行"
            )
        rows.extend((facts.outcome, "handled_total"))
    elif closed is None or closed > end:
        rows.append("carried_forward")
    return tuple(rows)


def tally(year: int, cases: Iterable[CaseFacts], appeals: Iterable[AppealFacts] = ()) -> Tally:
    start, end = date(year, 1, 1), date(year, 12, 31)
    width = len(APPLICANT_COLUMNS)
    index = {c: i for i, c in enumerate(APPLICANT_COLUMNS)}
    counts = {key: [0] * width for key in schema.TABLE3_ROW_KEYS}
    drill: dict[str, list[int]] = {}
    for facts in cases:
        column = index[facts.column]
        for row in _row_of(facts, start, end):
            counts[row][column] += 1
            drill.setdefault(f"{row}.{facts.column}", []).append(facts.id)
            drill.setdefault(f"{row}.{TOTAL}", []).append(facts.id)
    table3 = {key: [*parts, sum(parts)] for key, parts in counts.items()}

    table4 = {g: dict.fromkeys(schema.TABLE4_COLUMN_KEYS, 0) for g in schema.TABLE4_GROUP_KEYS}
    for appeal in appeals:
        if not start <= appeal.lodged <= end:
            continue
        decided = appeal.decided is not None and appeal.decided <= end and appeal.outcome
        column_key = appeal.outcome if decided and appeal.outcome else PENDING
        group = table4[appeal.kind]
        group[column_key] += 1
        group["total"] += 1
        drill.setdefault(f"{appeal.kind}.{column_key}", []).append(appeal.case_id)
        drill.setdefault(f"{appeal.kind}.total", []).append(appeal.case_id)
    return Tally(year, table3, table4, drill)


def identities_hold(table3: Mapping[str, list[int]]) -> list[str]:
    """The identities of the form that fail (empty when all hold); a cheap self-check."""
    failed = []
    for i, column in enumerate(schema.TABLE3_COLUMN_KEYS):
        left = table3["received"][i] + table3["carried_over"][i]
        right = table3["handled_total"][i] + table3["carried_forward"][i]
        if left != right:
            failed.append(f"“{column}”列：一+二={left}，三+四={right}")
        outcome_sum = sum(table3[r][i] for r in OUTCOME_ROWS)
        if outcome_sum != table3["handled_total"][i]:
            failed.append(f"“{column}”列：结果行之和{outcome_sum}≠总计{table3['handled_total'][i]}")
    return failed
