"""How a start page says a date: “已逾期3个工作日”, “今日到期”, “还有2个工作日”."""

from __future__ import annotations

from datetime import date, timedelta

from gongkai.deadlines import DeadlineError, WorkCalendar

SHORT = 40
"""Characters of a request or a title shown on a line."""


def short(text: str, limit: int = SHORT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def working_days_ahead(calendar: WorkCalendar, on: date, n: int) -> date:
    """The ``n``-th working day after ``on``; a week per five days when the calendar
    cannot say (a year without data), so the page still shows what is near."""
    try:
        return calendar.add_workdays(on, n)
    except DeadlineError:
        return on + timedelta(days=n * 7 // 5)


def _workdays(calendar: WorkCalendar, after: date, until: date) -> int | None:
    try:
        return calendar.count_workdays(after, until)
    except DeadlineError:
        return None


def due_note(due: date, on: date, calendar: WorkCalendar, *, what: str = "") -> tuple[str, str]:
    """The badge for a deadline ``due`` seen on ``on``, and its tone.

    ``what`` names the period (“补正期限”); the badge then says that period has ended
    rather than that something is overdue.
    """
    if due < on:
        days = _workdays(calendar, due, on)
        counted = f"{days}个工作日" if days else f"{(on - due).days}天"
        if what:
            return f"{what}已于{due.isoformat()}届满", "overdue"
        return f"已逾期{counted}", "overdue"
    if due == on:
        return (f"{what}今日届满" if what else "今日到期"), "today"
    days = _workdays(calendar, on, due)
    left = f"还有{days}个工作日" if days is not None else f"还有{(due - on).days}天"
    return (
        f"{what}{due.isoformat()}届满，{left}" if what else f"{left}（{due.isoformat()}）",
        "soon",
    )


def calendar_days_note(deadline: date, on: date) -> tuple[str, str]:
    """The badge for a deadline counted in calendar days (the annual report's 31 January)."""
    if deadline < on:
        return f"已超过法定期限{(on - deadline).days}天", "overdue"
    if deadline == on:
        return "今日为法定期限", "today"
    return f"距法定期限还有{(deadline - on).days}天", "soon"
