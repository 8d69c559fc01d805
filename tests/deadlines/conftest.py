"""Shared fixtures of the deadlines tests: the shipped calendar, and an independent oracle."""

from __future__ import annotations

from datetime import date, timedelta

import holidays
import pytest

from gongkai.deadlines import WorkCalendar


@pytest.fixture(scope="session")
def calendar() -> WorkCalendar:
    return WorkCalendar.from_shipped()


class NaiveCalendar:
    """The reference: the independent ``holidays`` package, stepped one day at a time."""

    def __init__(self) -> None:
        self._data = holidays.country_holidays("CN", years=range(2004, 2027))

    def is_workday(self, day: date) -> bool:
        return bool(self._data.is_working_day(day))

    def add_workdays(self, start: date, n: int) -> date:
        day = start
        while n:
            day += timedelta(days=1)
            if self.is_workday(day):
                n -= 1
        return day


@pytest.fixture(scope="session")
def naive() -> NaiveCalendar:
    return NaiveCalendar()
