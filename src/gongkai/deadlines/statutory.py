"""Provisional days off for a year whose State Council notice has not been entered yet.

The law itself fixes the festivals: 《全国年节及纪念日放假办法》 as revised by 国务院令第795号
(in force 2025-01-01) gives all citizens 13 days off: 元旦 (1 January), 春节 (农历除夕 and
正月初一至初三), 清明节 (the day of the solar term), 劳动节 (1–2 May), 端午节 (五月初五),
中秋节 (八月十五) and 国庆节 (1–3 October). Its Article 6 makes a full-citizen holiday that
falls on a Saturday or Sunday up on a working day. What only the yearly notice decides — the
调休 swaps that join holidays into longer breaks — is left out, so a provisional year has
no weekend working days.

Lunar and solar-term dates come from ``lunar-python`` (MIT, pure Python, maintained). It was
picked after comparing it with ``holidays`` (its lunisolar helper is private API) and
``sxtwl`` (a C++ extension) against the shipped notices of 2008–2026: all three agree on
every 春节, 端午 and 中秋 date, and lunar-python's 清明 dates match too; ``lunardate`` was
excluded for its GPL licence. ``tests/deadlines/test_statutory.py`` keeps that comparison.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

from .notices import Day, YearNotice

STATUTE = "《全国年节及纪念日放假办法》（国务院令第795号修订，2025-01-01起施行）"
FIRST_YEAR = 2025  # the 13-day rule is in force from 2025 on; earlier years had other rules
LAST_YEAR = 2100


def _solar(lunar_year: int, month: int, day: int) -> date:
    from lunar_python import Lunar

    solar = Lunar.fromYmd(lunar_year, month, day).getSolar()
    return date(solar.getYear(), solar.getMonth(), solar.getDay())


def _qingming(year: int) -> date:
    from lunar_python import Lunar

    term = Lunar.fromYmd(year, 3, 1).getJieQiTable()["清明"]
    return date(term.getYear(), term.getMonth(), term.getDay())


def festival_days(year: int) -> list[tuple[str, list[date]]]:
    """The 13 statutory days of ``year``, grouped by festival, in calendar order."""
    new_year = _solar(year, 1, 1)
    festivals = [
        ("元旦", [date(year, 1, 1)]),
        ("春节", [new_year - timedelta(days=1), *(new_year + timedelta(days=i) for i in range(3))]),
        ("清明节", [_qingming(year)]),
        ("劳动节", [date(year, 5, 1), date(year, 5, 2)]),
        ("端午节", [_solar(year, 5, 5)]),
        ("中秋节", [_solar(year, 8, 15)]),
        ("国庆节", [date(year, 10, i) for i in (1, 2, 3)]),
    ]
    return sorted(festivals, key=lambda item: item[1][0])


def supports(year: int) -> bool:
    """Whether a provisional table can be computed for ``year``."""
    return FIRST_YEAR <= year <= LAST_YEAR


def source_text(year: int) -> str:
    return (
        f"暂定：《国务院办公厅关于{year}年部分节假日安排的通知》尚未录入，按{STATUTE}"
        "规定的全体公民放假日推算，节日适逢周末的在其后第一个工作日补休，不含调休上班日"
    )


@cache
def provisional_notice(year: int) -> YearNotice:
    """The days off the law fixes for ``year``, with Article 6's make-up days.

    A festival day on a Saturday or Sunday, or on a day another festival already takes
    (中秋 on 1 October), is made up on the first following day that is Monday to Friday and
    neither a statutory day nor already made up.
    """
    if not supports(year):
        raise ValueError(f"暂定日历只适用于{FIRST_YEAR}至{LAST_YEAR}年，读到 {year}")
    festivals = festival_days(year)
    statutory = {day for _, days in festivals for day in days}
    off: dict[date, str] = {}
    for name, days in festivals:
        owed = 0
        for day in days:
            if day in off or day.weekday() >= 5:
                owed += 1
            if day not in off:
                off[day] = name
        day = days[-1]
        while owed:
            day += timedelta(days=1)
            if day.weekday() < 5 and day not in off and day not in statutory:
                off[day] = f"{name}（补休）"
                owed -= 1
    return YearNotice.build(year, source_text(year), holidays=[Day(d, n) for d, n in off.items()])
