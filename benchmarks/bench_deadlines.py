"""Working-day arithmetic: WorkCalendar's bisect over precomputed ordinals against a naive loop.

Timed work: ``add_workdays(d, n)`` and ``count_workdays(a, b)`` of the shipped calendar
(O(log n) bisect over the sorted ordinals of all working days 2004–2026), and a full
``compute`` of a case with a pause and an extension.
Reference, in the same run: the day-by-day loop MuckRock's HolidayCalendar uses, stepping
one date at a time over the same calendar's day table (so both give the same answers,
which is asserted). The ratio is bisect time / loop time: lower is better. One line does
the same for dates that reach into provisional years (2027–2031, no notice entered).
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Result, best_of
from gongkai.deadlines import (
    ExtensionApproved,
    PauseEnded,
    PauseKind,
    PauseStarted,
    Received,
    WorkCalendar,
    compute,
)

CASES = 20_000


def _naive_add(is_workday: dict[date, bool], start: date, n: int) -> date:
    day = start
    while n:
        day += timedelta(days=1)
        if is_workday[day]:
            n -= 1
    return day


def _naive_count(is_workday: dict[date, bool], after: date, until: date) -> int:
    count, day = 0, after
    while day < until:
        day += timedelta(days=1)
        count += is_workday[day]
    return count


def main() -> list[Result]:
    calendar = WorkCalendar.from_shipped()
    first, last = date(2004, 1, 1), date(2026, 12, 31)
    table = {
        first + timedelta(days=i): calendar.is_workday(first + timedelta(days=i))
        for i in range((last - first).days + 1)
    }
    rng = random.Random(20240927)
    starts = [first + timedelta(days=rng.randrange(0, 8000)) for _ in range(CASES)]
    ns = [rng.choice((7, 15, 20, 40)) for _ in range(CASES)]
    ends = [s + timedelta(days=rng.randrange(0, 120)) for s in starts]

    fast_add = [calendar.add_workdays(s, n) for s, n in zip(starts, ns, strict=True)]
    assert fast_add == [_naive_add(table, s, n) for s, n in zip(starts, ns, strict=True)]
    fast_count = [calendar.count_workdays(a, b) for a, b in zip(starts, ends, strict=True)]
    assert fast_count == [_naive_count(table, a, b) for a, b in zip(starts, ends, strict=True)]

    pairs = list(zip(starts, ns, strict=True))
    spans = list(zip(starts, ends, strict=True))
    add_s = best_of(lambda: [calendar.add_workdays(s, n) for s, n in pairs])
    add_ref = best_of(lambda: [_naive_add(table, s, n) for s, n in pairs])
    count_s = best_of(lambda: [calendar.count_workdays(a, b) for a, b in spans])
    count_ref = best_of(lambda: [_naive_count(table, a, b) for a, b in spans])

    def case(received: date) -> list[object]:
        return [
            Received(received),
            PauseStarted(received + timedelta(days=5), PauseKind.THIRD_PARTY),
            PauseEnded(received + timedelta(days=19), PauseKind.THIRD_PARTY),
            ExtensionApproved(received + timedelta(days=20), 10),
        ]

    cases = [case(s) for s in starts[:2000]]
    compute_s = best_of(lambda: [compute(c, calendar) for c in cases], repeat=3)  # type: ignore[arg-type]
    build_s = best_of(WorkCalendar.from_shipped, repeat=3)

    # Across the year boundary into provisional years (no notice entered): the same bisect
    # once the years are laid out; the reference loops over the same calendar's days.
    calendar.count_workdays(date(2026, 1, 1), date(2031, 12, 31))  # lays out 2027–2031
    late = [date(2026, 12, 1) + timedelta(days=rng.randrange(0, 1800)) for _ in range(CASES)]
    horizon = date(2032, 3, 31)
    wide = {
        first + timedelta(days=i): calendar.is_workday(first + timedelta(days=i))
        for i in range((horizon - first).days + 1)
    }
    late_pairs = list(zip(late, ns, strict=True))
    assert [calendar.add_workdays(s, n) for s, n in late_pairs] == [
        _naive_add(wide, s, n) for s, n in late_pairs
    ]
    late_s = best_of(lambda: [calendar.add_workdays(s, n) for s, n in late_pairs])
    late_ref = best_of(lambda: [_naive_add(wide, s, n) for s, n in late_pairs])
    per = 1e6 / CASES
    return [
        Result("add_workdays（二分查找）", add_s * per, "µs/次", "逐日循环", add_ref * per),
        Result("count_workdays（二分查找）", count_s * per, "µs/次", "逐日循环", count_ref * per),
        Result(
            "add_workdays（跨入暂定年份 2027—2031）",
            late_s * per,
            "µs/次",
            "逐日循环",
            late_ref * per,
        ),
        Result(
            "compute（含暂停与延期、说明）",
            compute_s * 1e6 / len(cases),
            "µs/件",
            "add_workdays 逐日循环 ×1",
            add_ref * per,
        ),
        Result(
            "WorkCalendar.from_shipped()",
            build_s * 1000,
            "ms",
            "逐日循环 20000 次相加",
            add_ref * 1000,
        ),
    ]


if __name__ == "__main__":
    for result in main():
        print(result.line())
