"""``/api/workcalendar/``: coverage status and single days of the working-day calendar."""

from __future__ import annotations

import datetime

from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Schema
from ninja.errors import HttpError

from gongkai.api.errors import ErrorOut
from gongkai.api.params import IsoDate
from gongkai.deadlines import CalendarNotCovered

from .calendar import current_calendar
from .status import calendar_status

router = Router()


class StatusOut(Schema):
    today: datetime.date
    covered_years: list[int]
    warnings: list[str]


class DayOut(Schema):
    date: datetime.date
    is_workday: bool
    kind: str
    provisional: bool
    description: str


@router.get("/status", response=StatusOut, summary="工作日历覆盖情况与提醒")
def status(request: HttpRequest) -> dict[str, object]:
    found = calendar_status(timezone.localdate())
    return {
        "today": found.today,
        "covered_years": list(found.covered_years),
        "warnings": list(found.warnings),
    }


@router.get(
    "/days/{day}",
    response={200: DayOut, 409: ErrorOut},
    summary="某一天是否为工作日（日历未覆盖该年时返回409）",
)
def day(request: HttpRequest, day: IsoDate) -> dict[str, object]:
    try:
        info = current_calendar().day(day)
    except CalendarNotCovered as exc:
        raise HttpError(409, str(exc)) from None
    return {
        "date": info.date,
        "is_workday": info.is_workday,
        "kind": str(info.kind),
        "provisional": info.provisional,
        "description": info.describe(),
    }
