"""The calendar pages: every staff member reads, only administrators write."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from gongkai.accounts.models import ApiToken
from gongkai.organs.roles import Role
from gongkai.workcalendar.calendar import current_calendar
from gongkai.workcalendar.models import CalendarChange, YearNotice

pytestmark = pytest.mark.django_db

NOTICE_FORM = {
    "year": "2027",
    "title": "测试用2027年部分节假日安排",
    "document_number": "",
    "published_on": "2026-11-05",
    "holidays": "2027-01-01 元旦\n2027-02-06至2027-02-09 春节",
    "workdays": "2027-02-20 春节",
    "reason": "",
}


@pytest.mark.parametrize(
    ("role", "where", "status"),
    [
        (Role.ADMIN, "office", 200),
        (Role.ADMIN, "a", 403),
        (Role.SUPERVISOR, "office", 403),
        (Role.OFFICER, "a", 403),
    ],
)
def test_only_installation_admins_open_the_entry_forms(
    client: Client, organ_tree: dict[str, Any], make_member: Any, role: str, where: str, status: int
) -> None:
    client.force_login(make_member(organ_tree[where], role))
    assert client.get("/office/calendar/notices/new/").status_code == status
    assert client.get("/office/calendar/overrides/new/").status_code == status
    assert client.get("/office/calendar/").status_code == 200


def test_admin_enters_a_notice_through_the_form(
    client: Client, organ_tree: dict[str, Any], make_member: Any
) -> None:
    admin = make_member(organ_tree["office"], Role.ADMIN)
    client.force_login(admin)
    response = client.post("/office/calendar/notices/new/", NOTICE_FORM, follow=True)
    assert "已保存：录入2027年放假安排：《测试用2027年部分节假日安排》，放假5天，调休上班1天。" in (
        response.content.decode()
    )
    assert current_calendar().is_covered(2027)
    assert CalendarChange.objects.get().actor == admin
    edit = client.get("/office/calendar/notices/2027/").content.decode()
    assert "2027-02-06至2027-02-09 春节" in edit


def test_form_errors_name_the_line(
    client: Client, organ_tree: dict[str, Any], make_member: Any
) -> None:
    client.force_login(make_member(organ_tree["office"], Role.ADMIN))
    bad = {**NOTICE_FORM, "workdays": "2027-02-17 春节"}  # a Wednesday
    html = client.post("/office/calendar/notices/new/", bad).content.decode()
    assert "调休上班日应为星期六或星期日，读到 2027-02-17（星期三）" in html
    bad = {**NOTICE_FORM, "holidays": "元旦 2027-01-01"}
    html = client.post("/office/calendar/notices/new/", bad).content.decode()
    assert "放假日期 第1行：应为" in html
    assert not YearNotice.objects.exists()


def test_admin_adds_and_removes_a_local_festival(
    client: Client, organ_tree: dict[str, Any], make_member: Any
) -> None:
    client.force_login(make_member(organ_tree["office"], Role.ADMIN))
    form = {"date": "2026-04-20", "kind": "holiday", "name": "壮族三月三", "reason": "区政府通知"}
    client.post("/office/calendar/overrides/new/", form)
    page = client.get("/office/calendar/").content.decode()
    assert "壮族三月三" in page
    assert "/office/calendar/overrides/2026-04-20/remove/" in page
    client.post("/office/calendar/overrides/2026-04-20/remove/", {"reason": "录入有误"})
    assert [c.reason for c in CalendarChange.objects.order_by("id")] == ["区政府通知", "录入有误"]


def test_api_reports_status_provisional_days_and_refuses_uncomputable_days(
    client: Client, organ_tree: dict[str, Any], make_member: Any
) -> None:
    _, plain = ApiToken.objects.issue(make_member(organ_tree["a"], Role.OFFICER), "测试")
    headers = {"Authorization": f"Bearer {plain}"}
    status = client.get("/api/workcalendar/status", headers=headers).json()
    assert 2026 in status["covered_years"]
    day = client.get("/api/workcalendar/days/2026-10-01", headers=headers).json()
    assert day["is_workday"] is False
    assert day["kind"] == "holiday"
    assert day["provisional"] is False
    provisional = client.get("/api/workcalendar/days/2027-01-01", headers=headers).json()
    assert (provisional["is_workday"], provisional["provisional"]) == (False, True)
    assert "暂定" in provisional["description"]
    response = client.get("/api/workcalendar/days/2003-03-01", headers=headers)
    assert response.status_code == 409
    assert response.json()["detail"].startswith("2003年的节假日安排尚未录入")


def test_a_change_entered_through_the_form_moves_open_cases_and_says_why(
    client: Client,
    organ_tree: dict[str, Any],
    make_member: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    """End to end: the admin's form → services → calendar_changed → the applications app."""
    import datetime

    from gongkai.applications.models import CaseEvent
    from tests.applications.factories import Staff, make_case

    case = make_case(Staff(), received_on=datetime.date(2025, 3, 3))
    assert case.due_on == datetime.date(2025, 3, 31)
    client.force_login(make_member(organ_tree["office"], Role.ADMIN))
    form = {"date": "2025-03-12", "kind": "holiday", "name": "本地节日", "reason": "区政府通知"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/office/calendar/overrides/new/", form)
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.due_on == datetime.date(2025, 4, 1)
    event = CaseEvent.objects.filter(application=case, action="calendar").get()
    assert event.reason == "区政府通知"
    assert "区政府通知" in client.get("/office/calendar/").content.decode()
