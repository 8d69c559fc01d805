"""The weekly digest, the supervisor's page and due dates following calendar changes."""

from __future__ import annotations

import io
import re
from datetime import date
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client

from gongkai.applications import projection, services
from gongkai.applications.models import CaseEvent
from gongkai.applications.workflow import State
from gongkai.organs.models import Membership
from gongkai.workcalendar import services as calendar_services

from .factories import Staff, make_case, make_organ, make_user

pytestmark = pytest.mark.django_db

MONDAY = date(2025, 3, 3)


@pytest.fixture
def on_monday(travel: Any) -> date:
    travel(MONDAY)
    return MONDAY


def reminders(*args: str) -> list[str]:
    out = io.StringIO()
    call_command("send_reminders", *args, stdout=out)
    return out.getvalue().splitlines()


def test_weekly_digest_per_officer_once_a_week(on_monday: date) -> None:
    staff = Staff()
    staff.officer.email, staff.officer2.email = "a@example.gov.cn", "b@example.gov.cn"
    staff.officer.save()
    staff.officer2.save()
    make_case(staff, received_on=date(2025, 1, 6))  # overdue by 3 March
    fresh = make_case(staff, received_on=MONDAY)
    services.assign(fresh, staff.officer, staff.officer)
    make_case(staff, State.CLOSED, received_on=MONDAY)
    assert reminders("--date", "2025-03-03") == ["2025-03-03：发送期限提醒1条", "发送每周汇总2封"]
    digests = {m.to[0]: m for m in mail.outbox if m.subject.startswith("政府信息公开申请周反馈")}
    assert sorted(digests) == ["a@example.gov.cn", "b@example.gov.cn"]
    assert digests["a@example.gov.cn"].body == (
        f"{staff.organ.name}本周情况（截至2025-03-03）：\n"
        "办理中2件，其中已逾期1件、流程过半0件；由您承办的1件。"
    )
    assert digests["b@example.gov.cn"].body.endswith("由您承办的0件。")
    # Again the same week (Monday again, or any day with --digest): nothing new.
    assert reminders("--date", "2025-03-03")[1] == "发送每周汇总0封"
    assert reminders("--date", "2025-03-05", "--digest")[1] == "发送每周汇总0封"
    assert reminders("--date", "2025-03-10")[1] == "发送每周汇总2封"  # next week


def test_supervisor_sees_each_organ_below_with_counts(client: Client, on_monday: date) -> None:
    office = make_organ("测试区政府办公室")
    a, b = (
        Staff(make_organ("测试区甲局", parent=office)),
        Staff(make_organ("测试区乙局", parent=office)),
    )
    outside = Staff()
    make_case(a, received_on=date(2025, 1, 6))  # overdue
    make_case(a, received_on=date(2025, 2, 10))  # due within 7 days
    make_case(a, received_on=MONDAY)
    make_case(b, State.CLOSED, received_on=MONDAY)
    make_case(outside)
    supervisor = make_user()
    Membership.objects.create(user=supervisor, organ=office, role="supervisor")
    client.force_login(supervisor)
    html = client.get("/office/applications/supervise/").content.decode()
    table = html.split('id="supervise"')[1].split("</table>")[0]
    count = r"<td><a [^>]*>(\d+)</a></td>"
    rows = re.findall(rf"<tr><td>([^<]+)</td>{count}{count}{count}", table)
    assert rows == [  # 机关, 办理中, 7日内到期, 已逾期; most overdue first
        ("测试区甲局", "3", "1", "1"),
        ("测试区乙局", "0", "0", "0"),
        ("测试区政府办公室", "0", "0", "0"),
    ]
    assert outside.organ.name not in html
    links = re.findall(r'href="(/office/applications/\?organ=[^"]+)"', table.split("</tr>")[1])
    drills = [client.get(link.replace("&amp;", "&")).content.decode() for link in links]
    assert [d.count('name="numbers"') for d in drills] == [3, 1, 1]  # 办理中, 7日内到期, 已逾期
    assert "2025-02-10" in drills[1] and "2025-01-06" in drills[2]
    assert "已逾期（" in drills[2] and "没有" not in drills[2]
    client.force_login(a.officer)
    assert "测试区乙局" not in client.get("/office/applications/supervise/").content.decode()


def test_a_calendar_change_moves_open_cases_due_dates_with_a_reason(
    django_capture_on_commit_callbacks: Any, frozen_today: date
) -> None:
    staff = Staff()
    open_case = make_case(staff, received_on=date(2025, 3, 3))
    closed = make_case(staff, State.CLOSED, received_on=date(2025, 3, 3))
    before = open_case.due_on
    closed_events = CaseEvent.objects.filter(application=closed).count()
    with django_capture_on_commit_callbacks(execute=True):
        calendar_services.set_override(
            date=date(2025, 3, 12),
            kind="holiday",
            name="本地节日",
            reason="区政府通知：3月12日放假一天",
            by=None,
        )
    open_case.refresh_from_db()
    assert (before, open_case.due_on) == (date(2025, 3, 31), date(2025, 4, 1))
    event = CaseEvent.objects.filter(application=open_case).order_by("seq").last()
    assert (event.action, event.label, event.reason, event.public) == (
        "calendar",
        "工作日历调整，重新计算期限",
        "区政府通知：3月12日放假一天",
        False,
    )
    assert event.data == {
        "due_before": before.isoformat(),
        "due_after": open_case.due_on.isoformat(),
        "provisional_before": False,
        "provisional_after": False,
    }
    assert open_case.version == event.seq
    assert projection.replay(open_case).due_on == open_case.due_on
    assert CaseEvent.objects.filter(application=closed).count() == closed_events
    # A change that moves no date writes nothing.
    with django_capture_on_commit_callbacks(execute=True):
        calendar_services.set_override(
            date=date(2025, 3, 15), kind="holiday", name="周六", reason="重复录入", by=None
        )
    assert CaseEvent.objects.filter(application=open_case, action="calendar").count() == 1
