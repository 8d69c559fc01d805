"""Properties of the calendar arithmetic and the clock (Hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.deadlines import (
    ClockPolicy,
    PauseEnded,
    PauseKind,
    PauseStarted,
    Received,
    WorkCalendar,
    compute,
)
from tests.strategies import covered_dates

from .conftest import NaiveCalendar

CALENDAR = WorkCalendar.from_shipped()
NAIVE = NaiveCalendar()
policies = st.builds(ClockPolicy, start_day_excluded=st.booleans())


@settings(max_examples=150)
@given(covered_dates(), st.integers(min_value=0, max_value=60))
def test_count_inverts_add(start: date, n: int) -> None:
    assert CALENDAR.count_workdays(start, CALENDAR.add_workdays(start, n)) == n


@settings(max_examples=100)
@given(covered_dates(), st.integers(min_value=1, max_value=45))
def test_add_matches_a_naive_walk_over_the_holidays_package(start: date, n: int) -> None:
    assert CALENDAR.add_workdays(start, n) == NAIVE.add_workdays(start, n)


@settings(max_examples=150)
@given(covered_dates(), policies)
def test_due_is_always_a_working_day(received: date, policy: ClockPolicy) -> None:
    state = compute([Received(received)], CALENDAR, policy)
    assert state.due is not None and CALENDAR.is_workday(state.due)
    assert CALENDAR.is_workday(state.correction_deadline)


@settings(max_examples=150)
@given(covered_dates(), st.integers(min_value=0, max_value=20), policies)
def test_due_never_moves_earlier_when_receipt_moves_later(
    received: date, later_by: int, policy: ClockPolicy
) -> None:
    first = compute([Received(received)], CALENDAR, policy).due
    second = compute([Received(received + timedelta(days=later_by))], CALENDAR, policy).due
    assert first is not None and second is not None and second >= first


@settings(max_examples=150)
@given(
    covered_dates(),
    st.integers(min_value=0, max_value=27),
    st.integers(min_value=0, max_value=30),
    st.sampled_from(list(PauseKind)),
)
def test_a_pause_of_n_working_days_moves_the_due_date_by_n(
    received: date, start_offset: int, length: int, kind: PauseKind
) -> None:
    plain = compute([Received(received)], CALENDAR).due
    assert plain is not None
    start = received + timedelta(days=start_offset)
    end = start + timedelta(days=length)
    paused = compute(
        [Received(received), PauseStarted(start, kind), PauseEnded(end, kind)], CALENDAR
    ).due
    assert paused is not None
    n = CALENDAR.count_workdays(start, end)
    if start < plain:
        assert CALENDAR.count_workdays(plain, paused) == n
    else:
        assert paused == plain


@settings(max_examples=100)
@given(covered_dates(), st.integers(min_value=0, max_value=20))
def test_extension_adds_exactly_its_working_days(received: date, days: int) -> None:
    from gongkai.deadlines import ExtensionApproved

    events = [Received(received)]
    state = compute([*events, ExtensionApproved(received, days)] if days else events, CALENDAR)
    assert state.due is not None and state.final_due is not None
    assert CALENDAR.count_workdays(state.due, state.final_due) == days


@settings(max_examples=100)
@given(covered_dates(), st.integers(min_value=0, max_value=40))
def test_days_used_and_left_add_up_to_the_period(received: date, elapsed: int) -> None:
    today = received + timedelta(days=elapsed)
    state = compute([Received(received)], CALENDAR, today=today)
    assert state.workdays_used is not None and state.workdays_left is not None
    if not state.overdue:
        assert state.workdays_used + state.workdays_left == 20
    assert state.overdue == (state.due is not None and today > state.due)
