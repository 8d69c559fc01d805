"""The demo's casework: every date computed by the calendar, no deadline on a rest day."""

from __future__ import annotations

import datetime
from datetime import date
from zoneinfo import ZoneInfo

import pytest
import time_machine

from gongkai.applications import projection, services
from gongkai.applications.models import Application, CaseEvent
from gongkai_demo import applications as demo
from gongkai_demo.organs import load_demo as load_organs

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "today",
    [date(2026, 12, 4), date(2026, 12, 31), date(2026, 2, 24), date(2027, 10, 8)],
    ids=str,
)
def test_demo_cases_have_computed_dates_on_working_days(today: date) -> None:
    moment = datetime.datetime(
        today.year, today.month, today.day, 10, tzinfo=ZoneInfo("Asia/Shanghai")
    )
    with time_machine.travel(moment, tick=True):
        load_organs()
        demo.load_demo()
        calendar = services.current_calendar()
        cases = list(Application.objects.all())
        assert len(cases) >= demo.PAST_CASES
        open_cases = [c for c in cases if c.due_on is not None]
        assert open_cases, "the demo should leave some cases open in the queue"
        for case in cases:
            for name in ("due_on", "half_on", "target_on"):
                day = getattr(case, name)
                assert day is None or calendar.is_workday(day), (case.number, name, day)
            stored = {k: getattr(case, k) for k in projection.replay(case).as_fields()}
            assert projection.replay(case).as_fields() == stored, case.number
        for event in CaseEvent.objects.exclude(action__in=["submit_online", "notice"]):
            assert event.role == "public" or calendar.is_workday(event.on), (event.action, event.on)
            for key in ("reply_by", "pay_by"):
                if event.data.get(key):
                    assert calendar.is_workday(date.fromisoformat(event.data[key])), event.data
        assert not CaseEvent.objects.filter(action="calendar").exists()
