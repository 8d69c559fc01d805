"""Tables 三 and 四 from case facts: the rows of the year and the form's identities."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.applications.tally import (
    APPLICANT_COLUMNS,
    OUTCOME_ROWS,
    AppealFacts,
    CaseFacts,
    identities_hold,
    tally,
)


def col(result: dict[str, list[int]], row: str) -> list[int]:
    return result[row]


def test_one_case_per_row_of_the_year() -> None:
    cases = [
        CaseFacts(1, "natural_person", date(2025, 3, 1), date(2025, 3, 20), "granted"),
        CaseFacts(2, "commercial", date(2024, 12, 20), date(2025, 1, 15), "unavailable.not_held"),
        CaseFacts(3, "research", date(2025, 12, 20)),
        CaseFacts(4, "other", date(2024, 12, 1), date(2024, 12, 10), "granted"),
        CaseFacts(5, "legal_services", date(2026, 1, 2)),
        CaseFacts(6, "natural_person", None),
        CaseFacts(7, "social_welfare", date(2024, 11, 1), date(2026, 2, 1), "granted"),
    ]
    t = tally(2025, cases)
    assert t.table3["received"] == [1, 0, 1, 0, 0, 0, 2]
    assert t.table3["carried_over"] == [0, 1, 0, 1, 0, 0, 2]
    assert t.table3["granted"] == [1, 0, 0, 0, 0, 0, 1]
    assert t.table3["unavailable.not_held"] == [0, 1, 0, 0, 0, 0, 1]
    assert t.table3["handled_total"] == [1, 1, 0, 0, 0, 0, 2]
    assert t.table3["carried_forward"] == [0, 0, 1, 1, 0, 0, 2]
    assert t.cases["carried_forward.total"] == [3, 7]
    assert t.cases["granted.natural_person"] == [1]
    assert identities_hold(t.table3) == []


def test_appeals_of_the_year_by_outcome_at_year_end() -> None:
    appeals = [
        AppealFacts(1, 10, "reconsideration", date(2025, 2, 1), date(2025, 4, 1), "upheld"),
        AppealFacts(2, 11, "reconsideration", date(2025, 11, 1), date(2026, 1, 10), "corrected"),
        AppealFacts(3, 12, "litigation_direct", date(2025, 5, 1), date(2025, 9, 1), "other"),
        AppealFacts(4, 13, "litigation_after_reconsideration", date(2024, 5, 1)),
    ]
    t = tally(2025, [], appeals)
    assert t.table4["reconsideration"] == {
        "upheld": 1,
        "corrected": 0,
        "other": 0,
        "pending": 1,
        "total": 2,
    }
    assert t.table4["litigation_direct"]["other"] == 1
    assert t.table4["litigation_after_reconsideration"]["total"] == 0
    assert t.cases["reconsideration.pending"] == [11]


def test_a_closed_case_without_an_outcome_row_is_reported() -> None:
    with pytest.raises(ValueError, match="第9号案件已办结，但办理结果“None”不是表三的结果行"):
        tally(2025, [CaseFacts(9, "other", date(2025, 1, 5), date(2025, 1, 6))])


@st.composite
def case_facts(draw: st.DrawFn, ident: int) -> CaseFacts:
    received = draw(st.none() | st.dates(date(2023, 1, 1), date(2027, 12, 31)))
    closed = None
    outcome = None
    if received is not None and draw(st.booleans()):
        closed = received + timedelta(days=draw(st.integers(0, 500)))
        outcome = draw(st.sampled_from(OUTCOME_ROWS))
    return CaseFacts(ident, draw(st.sampled_from(APPLICANT_COLUMNS)), received, closed, outcome)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.integers(0, 10**6), max_size=40, unique=True).flatmap(
        lambda ids: st.tuples(*(case_facts(i) for i in ids))
    ),
    st.integers(2024, 2026),
)
def test_identities_hold_for_any_cases(cases: tuple[CaseFacts, ...], year: int) -> None:
    t = tally(year, cases)
    assert identities_hold(t.table3) == []
    last = tally(year - 1, cases)
    assert t.table3["carried_over"] == last.table3["carried_forward"]
