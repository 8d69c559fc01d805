"""Cases across a year whose holiday notice is not entered yet: provisional, marked, then final.

Each test fixes "today" (time-machine, the ``travel`` fixture of tests/conftest.py) and builds
its cases at that date; the 2027 and 2028 notices used here are entered by the tests themselves
(their dates are invented for the test, only their effect on the computation matters).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.test import Client

from gongkai.applications import services
from gongkai.applications.models import Application, CaseEvent, Notice
from gongkai.applications.workflow import Event, State
from gongkai.workcalendar import services as calendar_services
from gongkai.workcalendar.models import DayKind
from gongkai.workcalendar.services import DayEntry
from tests.applications.factories import APPLICANT, Staff, make_case

pytestmark = pytest.mark.django_db


def enter_notice(year: int, days: list[tuple[str, str, str]], capture: Any) -> None:
    with capture(execute=True):
        calendar_services.enter_notice(
            year=year,
            title=f"国务院办公厅关于{year}年部分节假日安排的通知",
            document_number="",
            published_on=None,
            days=[DayEntry(date.fromisoformat(d), kind, name) for d, kind, name in days],
            by=None,
            reason=f"录入{year}年放假安排（测试）",
        )


NOTICE_2027 = [
    ("2027-01-01", DayKind.HOLIDAY, "元旦"),
    ("2027-01-02", DayKind.HOLIDAY, "元旦"),
    ("2027-01-03", DayKind.HOLIDAY, "元旦"),
    ("2027-01-04", DayKind.HOLIDAY, "元旦"),  # invented: one more day than the statute
]


def test_received_early_december_is_provisional_only_where_the_period_crosses_the_year(
    travel: Any, client: Client
) -> None:
    travel(date(2026, 12, 4))
    staff = Staff()
    case = make_case(staff, received_on=date(2026, 12, 4))
    # day 20 after Friday 2026-12-04 lies in 2027: 12-07 … 12-31 are 19 working days,
    # 2027-01-01 is a statutory day off, so day 20 is Monday 2027-01-04
    assert (case.due_on, case.due_provisional) == (date(2027, 1, 4), True)
    assert case.half_on == date(2026, 12, 18)
    client.force_login(staff.officer)
    page = client.get(f"/office/applications/{case.number}/").content.decode()
    assert '2027-01-04 <span class="badge badge-provisional">暂定</span>' in page
    assert "答复期限为暂定：2027年的节假日安排（国务院办公厅通知）尚未录入" in page
    assert "法定答复期限：2027-01-04（星期一）（暂定）（第20个工作日）。" in page
    assert "期限过半：2026-12-18（星期五）（第10个工作日）。" in page  # not provisional
    queue = client.get("/office/applications/").content.decode()
    assert "暂定</span>" in queue


def test_received_new_years_eve_then_the_notice_is_entered(
    travel: Any, client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    travel(date(2026, 12, 31))
    staff = Staff()
    case = make_case(staff, received_on=date(2026, 12, 31))
    assert (case.due_on, case.due_provisional) == (date(2027, 1, 29), True)

    client.force_login(staff.officer)
    api = client.get(f"/api/applications/{case.number}").json()
    assert (api["due_on"], api["provisional"]) == ("2027-01-29", True)

    travel(date(2027, 1, 5))
    enter_notice(2027, NOTICE_2027, django_capture_on_commit_callbacks)
    case.refresh_from_db()
    assert (case.due_on, case.due_provisional) == (date(2027, 2, 1), False)
    event = CaseEvent.objects.filter(application=case, action="calendar").get()
    assert event.data == {
        "due_before": "2027-01-29",
        "due_after": "2027-02-01",
        "provisional_before": True,
        "provisional_after": False,
    }
    assert event.reason.startswith("录入2027年放假安排")
    client.force_login(staff.officer)  # a new working day, a new session
    queue = client.get("/office/applications/").content.decode()
    assert "期限已调整" in queue and "badge-provisional" not in queue
    page = client.get(f"/office/applications/{case.number}/").content.decode()
    assert "暂定" not in page
    api = client.get(f"/api/applications/{case.number}").json()
    assert (api["due_on"], api["provisional"]) == ("2027-02-01", False)


def test_letters_never_print_a_provisional_date(travel: Any) -> None:
    travel(date(2026, 12, 28))
    staff = Staff()
    online, _ = services.submit_online(staff.organ, {**APPLICANT})
    services.apply(online, Event.CONFIRM, staff.officer, data={"receipt_basis": "confirmed"})
    online.refresh_from_db()
    assert online.due_provisional
    confirm = Notice.objects.get(application=online, kind=Event.CONFIRM)
    assert "本机关将自收到申请之日起20个工作日内作出答复" in confirm.body
    assert "2027年" not in confirm.body

    correction = make_case(staff, State.CORRECTION, received_on=date(2026, 12, 28))
    notice = Notice.objects.get(application=correction, kind=Event.REQUEST_CORRECTION)
    assert "请自本通知发出之日起15个工作日内一并补正以下事项" in notice.body
    assert "2027年" not in notice.body

    fee = make_case(staff, State.FEE_PENDING, received_on=date(2026, 12, 28))
    notice = Notice.objects.get(application=fee, kind=Event.SEND_FEE_NOTICE)
    assert "请自本通知发出之日起20个工作日内缴纳" in notice.body
    assert "2027年" not in notice.body

    extended = make_case(staff, State.EXTENSION_PENDING, received_on=date(2026, 12, 28))
    services.apply(extended, Event.APPROVE_EXTENSION, staff.head, "同意")
    notice = Notice.objects.get(application=extended, kind=Event.APPROVE_EXTENSION)
    assert "即自收到申请之日起40个工作日内作出答复（依法不计算在内的期间除外）" in notice.body
    assert "2027年" not in notice.body


def test_a_final_date_is_printed_in_the_acknowledgement(travel: Any) -> None:
    travel(date(2026, 11, 2))
    staff = Staff()
    online, _ = services.submit_online(staff.organ, {**APPLICANT})
    services.apply(online, Event.CONFIRM, staff.officer, data={"receipt_basis": "confirmed"})
    confirm = Notice.objects.get(application=online, kind=Event.CONFIRM)
    assert "即最迟于2026年11月30日答复" in confirm.body


def test_confirming_and_registering_in_december_through_the_pages(
    travel: Any, client: Client
) -> None:
    travel(date(2026, 12, 4))
    staff = Staff()
    client.force_login(staff.officer)
    online, _ = services.submit_online(staff.organ, {**APPLICANT})
    response = client.post(
        f"/office/applications/{online.number}/actions/confirm/",
        {"version": online.version, "receipt_basis": "confirmed"},
    )
    assert response.status_code == 302
    online.refresh_from_db()
    assert (online.state, online.received_on, online.due_provisional) == (
        State.PROCESSING,
        date(2026, 12, 4),
        True,
    )
    response = client.post(
        "/office/applications/register/",
        {
            **APPLICANT,
            "organ": staff.organ.pk,
            "channel": "in_person",
            "received_on": "2026-12-04",
            "receipt_basis": "",
        },
    )
    assert response.status_code == 302
    registered = Application.objects.exclude(pk=online.pk).get()
    assert (registered.due_on, registered.due_provisional) == (date(2027, 1, 4), True)


def test_leap_year_with_spring_festival_in_january(
    travel: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """2028 is a leap year whose 春节 (除夕 01-25 to 初三 01-28) falls in January."""
    travel(date(2027, 1, 4))
    enter_notice(2027, NOTICE_2027, django_capture_on_commit_callbacks)
    travel(date(2027, 12, 29))
    staff = Staff()
    case = make_case(staff, received_on=date(2027, 12, 29))
    # 12-30, 12-31 (2); 2028-01-01 Sat is 元旦, made up on Monday 01-03; 01-04 … 01-24 (17);
    # 01-25 … 01-28 春节 off; 01-31 (18), 02-01 (19), Wednesday 02-02 is day 20
    assert (case.due_on, case.due_provisional) == (date(2028, 2, 2), True)
    late = make_case(staff, received_on=date(2027, 12, 29))
    services.apply(
        late, Event.REQUEST_EXTENSION, staff.officer, "需调取档案", data={"workdays": 20}
    )
    services.apply(late, Event.APPROVE_EXTENSION, staff.head, "同意")
    late.refresh_from_db()
    # 20 more working days: 02-03 … 02-28 (18), the leap day 02-29 (19), 03-01 (20)
    assert late.due_on == date(2028, 3, 1) and late.due_provisional

    travel(date(2028, 1, 3))
    enter_notice(
        2028,
        [
            ("2028-01-01", DayKind.HOLIDAY, "元旦"),
            ("2028-01-24", DayKind.HOLIDAY, "春节"),  # invented: a day earlier
            ("2028-01-25", DayKind.HOLIDAY, "春节"),
            ("2028-01-26", DayKind.HOLIDAY, "春节"),
            ("2028-01-27", DayKind.HOLIDAY, "春节"),
            ("2028-01-28", DayKind.HOLIDAY, "春节"),
            ("2028-01-29", DayKind.WORKDAY, "春节"),
        ],
        django_capture_on_commit_callbacks,
    )
    case.refresh_from_db()
    # 01-03 is a working day now (17 days to 01-21), 01-24 … 01-28 are off, Saturday 01-29 is
    # worked (18), 01-31 (19), 02-01 is day 20
    assert (case.due_on, case.due_provisional) == (date(2028, 2, 1), False)
    assert CaseEvent.objects.filter(application=case, action="calendar").count() == 1


def test_a_provisional_correction_period_is_counted_on_the_calendar_of_the_day(
    travel: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """The 补正 notice stated "15 working days" in words; the lapse waits for the 15th working
    day as the entered notice counts it, not as the provisional calendar did."""
    from gongkai.applications.errors import GuardFailed
    from tests.applications.factories import as_system

    travel(date(2026, 12, 28))
    staff = Staff()
    case = make_case(staff, State.CORRECTION, received_on=date(2026, 12, 28))
    travel(date(2027, 1, 4))
    enter_notice(2027, NOTICE_2027, django_capture_on_commit_callbacks)  # 01-04 off as well
    travel(date(2027, 1, 21))
    case.refresh_from_db()
    # provisional: the 15th working day after 12-28 was 01-19; with 01-04 off it is 01-20
    with pytest.raises(GuardFailed, match="补正期限2027-01-20尚未届满"):
        as_system(case, Event.CORRECTION_LAPSED, date(2027, 1, 20))
    case.refresh_from_db()
    as_system(case, Event.CORRECTION_LAPSED, date(2027, 1, 21))
    case.refresh_from_db()
    assert case.state == State.CLOSED
