"""Errors of the deadlines library.

    DeadlineError              base of every error deadlines raises on purpose
     ├── CalendarNotCovered    a date lies in a year whose holiday notice is not entered
     ├── CalendarDataError     a year table, notice or override is malformed
     └── ClockError            a case's events cannot happen in that order or form

The library never guesses: a year without an entered notice is an error the user can act
on (enter the notice), not a silently assumed Monday-to-Friday week. Every message is in
Chinese and names what was expected and what was found.
"""

from __future__ import annotations


class DeadlineError(Exception):
    """Base of every error this library raises on purpose."""


class CalendarNotCovered(DeadlineError):
    """A computation needs a year for which no holiday notice has been entered."""

    def __init__(self, year: int, covered: tuple[int, ...] = ()) -> None:
        self.year = year
        self.covered = covered
        super().__init__(
            f"{year}年的节假日安排尚未录入：请在“工作日历”中录入国务院办公厅关于{year}年"
            "部分节假日安排的通知，系统不会猜测"
        )


class CalendarDataError(DeadlineError):
    """A year table, a notice or an override cannot be used."""

    def __init__(self, message: str, *, where: str = "") -> None:
        self.where = where
        self.detail = message
        super().__init__(f"{where}：{message}" if where else message)


class ClockError(DeadlineError):
    """A case's events are inconsistent (e.g. a pause that ends before it starts)."""

    def __init__(self, message: str, *, event: str = "") -> None:
        self.event = event
        self.detail = message
        super().__init__(f"{event}：{message}" if event else message)
