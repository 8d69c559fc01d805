"""Tables 三/四 from the events: a simulated year, a brute-force recount, the checker."""

from __future__ import annotations

import time
from collections import defaultdict
from datetime import date
from typing import NamedTuple

import pytest

from gongkai.annual import AnnualReport, schema
from gongkai.applications import stats
from gongkai.applications.models import Appeal, Application, CaseEvent
from gongkai_demo.simulate import simulate

from .factories import Staff, make_case, make_organ

pytestmark = pytest.mark.django_db

YEAR = 2025
CLOSING = {
    "correction_lapsed": "other.no_correction",
    "fee_lapsed": "other.fee_unpaid",
    "withdraw": "other.other",
}


class Row(NamedTuple):
    seq: int
    action: str
    on: date
    after: str
    data: dict[str, str]


def brute_force(organ_ids: set[int], year: int) -> dict[str, list[int]]:
    """Recount table 三 from the raw event rows, case by case, with no shared code."""
    from gongkai.applications.answers import ANSWER_BY_KEY

    column_of = dict(
        Application.objects.filter(organ_id__in=organ_ids).values_list("id", "applicant_type")
    )
    per_case: dict[int, list[CaseEvent]] = defaultdict(list)
    for e in CaseEvent.objects.filter(application_id__in=column_of).order_by(
        "application_id", "seq"
    ):
        per_case[e.application_id].append(e)
    columns = [c.key for c in schema.TABLE3_APPLICANT_COLUMNS]
    table = {k: [0] * 6 for k in schema.TABLE3_ROW_KEYS}
    start, end = date(year, 1, 1), date(year, 12, 31)
    for case_id, events in per_case.items():
        received = next((e.on for e in events if e.action in ("register", "confirm")), None)
        if received is None:
            continue
        closing = next((e for e in events if e.after in ("closed", "withdrawn")), None)
        closed = closing.on if closing else None
        outcome = None
        if closing is not None:
            if closing.action in CLOSING:
                outcome = CLOSING[closing.action]
            else:
                draft = [e for e in events if e.action == "draft_reply" and e.seq < closing.seq][-1]
                outcome = ANSWER_BY_KEY[draft.data["answer"]].table3_row
        col = columns.index(column_of[case_id])
        if start <= received <= end:
            table["received"][col] += 1
        if received < start and (closed is None or closed >= start):
            table["carried_over"][col] += 1
        if closed is not None and start <= closed <= end:
            table[outcome][col] += 1
            table["handled_total"][col] += 1
        if received <= end and (closed is None or closed > end):
            table["carried_forward"][col] += 1
    return {k: [*v, sum(v)] for k, v in table.items()}


def brute_force_table4(organ_ids: set[int], year: int) -> dict[str, dict[str, int]]:
    out = {g: dict.fromkeys(schema.TABLE4_COLUMN_KEYS, 0) for g in schema.TABLE4_GROUP_KEYS}
    for a in Appeal.objects.filter(application__organ_id__in=organ_ids):
        if a.lodged_on.year != year:
            continue
        decided = a.outcome and a.decided_on and a.decided_on.year <= year
        out[a.kind][a.outcome if decided else "pending"] += 1
        out[a.kind]["total"] += 1
    return out


def table_findings(data: dict[str, object]) -> list[str]:
    from gongkai.annual.check import check

    report = AnnualReport.from_dict(data)
    return [f"{f.code} {f.message}" for f in check(report) if f.code.startswith(("T3", "T4"))]


@pytest.mark.slow
def test_a_simulated_year_of_ten_thousand_applications() -> None:
    parent = make_organ("测试区政府办公室")
    organs = [make_organ(parent=parent) for _ in range(4)]
    started = time.perf_counter()
    simulate(
        [parent, *organs],
        10_000,
        first=date(2024, 7, 1),
        last=date(2025, 12, 31),
        until=date(2026, 3, 31),
    )
    assert Application.objects.count() == 10_000
    for subset in ({organs[0].pk}, parent.descendant_ids()):
        computed = stats.annual_stats(subset, YEAR)
        assert computed.table3 == brute_force(subset, YEAR)
        assert computed.table4 == brute_force_table4(subset, YEAR)
        assert table_findings(computed.to_report_dict("测试区")) == []
        assert computed.table3["carried_over"] == stats.table3(subset, YEAR - 1)["carried_forward"]
    whole = stats.table3(parent.descendant_ids(), YEAR)
    assert whole["handled_total"][6] > 1000 and whole["carried_over"][6] > 100
    assert all(whole[r.key][6] > 0 for r in schema.TABLE3_OUTCOME_ROWS)
    assert time.perf_counter() - started < 120


@pytest.mark.usefixtures("frozen_today")
def test_each_number_drills_down_to_its_cases() -> None:
    staff = Staff()
    from gongkai.applications.workflow import State

    closed = make_case(staff, State.CLOSED, answer="not_held", received_on=date(2025, 1, 6))
    open_case = make_case(staff, received_on=date(2025, 1, 6), applicant_type="commercial")
    ids = {staff.organ.pk}
    year = closed.closed_on.year
    table = stats.table3(ids, year)
    assert table["unavailable.not_held"] == [1, 0, 0, 0, 0, 0, 1]
    assert list(stats.cell_cases(ids, year, "unavailable.not_held", "natural_person")) == [closed]
    assert list(stats.cell_cases(ids, year, "carried_forward")) == [open_case]
    with pytest.raises(KeyError, match=r"表三没有“granted\.x”行"):
        stats.cell_cases(ids, year, "granted.x")
