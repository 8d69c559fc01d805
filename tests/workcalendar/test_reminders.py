"""Site administrators are warned from 1 November: on their start page, and by e-mail weekly."""

from __future__ import annotations

import datetime
from io import StringIO
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client

from gongkai.workcalendar import reminders
from gongkai.workcalendar.models import CoverageReminder
from gongkai.workcalendar.reminders import send_coverage_reminders
from gongkai_demo.factories.organs import UserFactory
from tests.workcalendar.notices import enter_minimal_2027

pytestmark = pytest.mark.django_db

SHANGHAI = ZoneInfo("Asia/Shanghai")
SUBJECT = "【工作日历】2027年节假日安排尚未录入"
WARNING_START = "2027年的节假日安排尚未录入：国务院办公厅通常在11月至12月发布"


@pytest.fixture
def admins(db: None) -> list[Any]:
    """Two site administrators who get the e-mail, and four people who do not."""
    UserFactory(username="inactive", is_superuser=True, is_active=False)
    UserFactory(username="no_mail", is_superuser=True, email="")
    UserFactory(username="officer")  # active, with e-mail, but not a site administrator
    return [
        UserFactory(username="admin1", is_superuser=True, is_staff=True),
        UserFactory(username="admin2", is_superuser=True),
    ]


def _run(*args: str) -> str:
    out = StringIO()
    call_command("send_calendar_reminders", *args, stdout=out)
    return out.getvalue().strip()


# --- the start page ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "warned"),
    [
        (datetime.datetime(2026, 10, 31, 23, 0, tzinfo=SHANGHAI), False),
        (datetime.datetime(2026, 11, 1, 0, 30, tzinfo=SHANGHAI), True),
        (datetime.datetime(2026, 12, 20, 9, 0, tzinfo=SHANGHAI), True),
    ],
)
def test_site_admin_sees_the_warning_on_the_start_page_from_1_november(
    client: Client, admins: list[Any], moment: datetime.datetime, warned: bool
) -> None:
    with time_machine.travel(moment, tick=False):
        client.force_login(admins[0])
        response = client.get("/office/")
    assert response.status_code == 200
    html = response.content.decode()
    assert (WARNING_START in html) is warned
    assert ('<p class="warning" role="alert">' in html) is warned


def test_start_page_warning_disappears_once_the_notice_is_entered(
    client: Client, admins: list[Any]
) -> None:
    enter_minimal_2027()
    with time_machine.travel(datetime.datetime(2026, 11, 2, 9, tzinfo=SHANGHAI), tick=False):
        client.force_login(admins[0])
        html = client.get("/office/").content.decode()
    assert WARNING_START not in html


# --- the weekly e-mail -------------------------------------------------------------------


def test_nothing_is_sent_before_1_november(admins: list[Any]) -> None:
    assert send_coverage_reminders(datetime.date(2026, 10, 31)) == 0
    assert mail.outbox == []
    assert not CoverageReminder.objects.exists()


def test_one_mail_per_admin_per_week_until_the_notice_is_entered(admins: list[Any]) -> None:
    assert send_coverage_reminders(datetime.date(2026, 11, 1)) == 2  # a Sunday
    assert sorted(m.to[0] for m in mail.outbox) == [
        "admin1@example.gov.cn",
        "admin2@example.gov.cn",
    ]
    assert all(len(m.to) == 1 and m.subject == SUBJECT for m in mail.outbox)
    body = mail.outbox[0].body
    assert body.startswith(WARNING_START)
    assert "/office/calendar/notices/new/" in body
    assert "/office/calendar/year/2027/" in body
    reminder = CoverageReminder.objects.get()
    assert (reminder.year, reminder.week_start) == (2027, datetime.date(2026, 10, 26))
    assert reminder.recipients == ["admin1@example.gov.cn", "admin2@example.gov.cn"]

    # Monday: a new week.
    assert send_coverage_reminders(datetime.date(2026, 11, 2)) == 2
    # Same week again: nothing.
    assert send_coverage_reminders(datetime.date(2026, 11, 2)) == 0
    assert send_coverage_reminders(datetime.date(2026, 11, 8)) == 0
    assert len(mail.outbox) == 4
    # The next week.
    assert send_coverage_reminders(datetime.date(2026, 11, 9)) == 2
    assert len(mail.outbox) == 6

    enter_minimal_2027()
    assert send_coverage_reminders(datetime.date(2026, 11, 16)) == 0
    assert len(mail.outbox) == 6
    assert CoverageReminder.objects.count() == 3


def test_this_year_missing_is_reminded_at_once(admins: list[Any]) -> None:
    assert send_coverage_reminders(datetime.date(2027, 3, 3)) == 2
    assert mail.outbox[0].subject == SUBJECT
    assert mail.outbox[0].body.startswith("本年度（2027年）的节假日安排尚未录入")


def test_a_concurrent_run_that_claimed_the_week_first_wins(
    admins: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process writes the week's row after our check: the constraint stops us."""
    found = reminders.recipients

    def racing() -> list[str]:
        CoverageReminder.objects.create(
            year=2027, week_start=datetime.date(2026, 11, 2), recipients=["other"]
        )
        return found()

    monkeypatch.setattr(reminders, "recipients", racing)
    result = reminders.remind(datetime.date(2026, 11, 4))
    assert result.status == reminders.ALREADY
    assert mail.outbox == []
    assert CoverageReminder.objects.get().recipients == ["other"]


def test_a_failed_sending_is_retried_next_run(
    admins: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> int:
        raise ConnectionRefusedError("SMTP down")

    monkeypatch.setattr(reminders, "send_mail", broken)
    with pytest.raises(ConnectionRefusedError):
        send_coverage_reminders(datetime.date(2026, 11, 4))
    assert not CoverageReminder.objects.exists()
    monkeypatch.undo()
    assert send_coverage_reminders(datetime.date(2026, 11, 4)) == 2


def test_links_use_the_site_address(admins: list[Any], settings: Any) -> None:
    settings.CSRF_TRUSTED_ORIGINS = ["https://gongkai.example.gov.cn"]
    send_coverage_reminders(datetime.date(2026, 11, 4))
    assert "https://gongkai.example.gov.cn/office/calendar/notices/new/" in mail.outbox[0].body
    assert reminders.base_url("https://other.example.gov.cn/") == "https://other.example.gov.cn"


# --- the command -------------------------------------------------------------------------


def test_command_reports_in_chinese(admins: list[Any]) -> None:
    assert _run("--today", "2026-10-20") == "工作日历已覆盖，无需提醒"
    assert _run("--today", "2026-11-04", "--base-url", "https://gk.example.gov.cn") == (
        "已发送2027年工作日历提醒给2位管理员"
    )
    assert "https://gk.example.gov.cn/office/calendar/notices/new/" in mail.outbox[0].body
    assert _run("--today", "2026-11-05").startswith("本周已提醒，未重复发送")
    assert len(mail.outbox) == 2


def test_command_without_recipients_says_so(db: None) -> None:
    UserFactory(username="no_mail", is_superuser=True, email="")
    assert "没有可提醒的管理员" in _run("--today", "2026-11-04")
    assert not CoverageReminder.objects.exists()


def test_command_defaults_to_today(admins: list[Any]) -> None:
    with time_machine.travel(datetime.datetime(2026, 11, 3, 8, tzinfo=SHANGHAI), tick=False):
        assert _run() == "已发送2027年工作日历提醒给2位管理员"
    assert CoverageReminder.objects.get().week_start == datetime.date(2026, 11, 2)


def test_command_refuses_a_bad_date(db: None) -> None:
    with pytest.raises(CommandError, match="--today 应为 YYYY-MM-DD"):
        _run("--today", "2026/11/04")
