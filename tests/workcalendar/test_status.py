"""The back office warns from 1 November when next year's calendar is missing."""

from __future__ import annotations

import datetime

import pytest

from gongkai.workcalendar.status import calendar_status
from tests.workcalendar.notices import enter_minimal_2027

pytestmark = pytest.mark.django_db

NEXT_YEAR_MISSING = (
    "2027年的节假日安排尚未录入：国务院办公厅通常在11月至12月发布"
    "《国务院办公厅关于2027年部分节假日安排的通知》，发布后请在“工作日历”中录入。"
    "录入之前，涉及2027年的期限按法定节假日暂定计算（不含调休），并标为“暂定”，录入后自动重新计算。"
)


@pytest.mark.parametrize(
    ("today", "warnings"),
    [
        (datetime.date(2026, 10, 31), ()),
        (datetime.date(2026, 11, 1), (NEXT_YEAR_MISSING,)),
        (datetime.date(2026, 12, 31), (NEXT_YEAR_MISSING,)),
    ],
)
def test_warning_from_first_of_november(today: datetime.date, warnings: tuple[str, ...]) -> None:
    status = calendar_status(today)
    assert status.warnings == warnings
    assert status.covered_span.endswith("—2026年")


def test_this_year_missing_is_urgent() -> None:
    (warning,) = calendar_status(datetime.date(2027, 3, 1)).warnings
    assert warning.startswith("本年度（2027年）的节假日安排尚未录入")


def test_entering_next_year_silences_the_warning() -> None:
    enter_minimal_2027()
    assert calendar_status(datetime.date(2026, 11, 21)).warnings == ()
