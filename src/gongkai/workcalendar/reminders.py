"""The weekly e-mail to site administrators while a year's holiday notice is missing.

From 1 November (or at once, when this year itself is missing) ``coverage_warning`` gives
the back office's warning; ``remind`` e-mails it to every active superuser with an e-mail
address, at most once per missing year and week (Monday to Sunday), until the notice is
entered. Each sending is a ``CoverageReminder`` row written in the same transaction as
the e-mails: a second run of the same week, even a concurrent one, finds the row (or
stops at its unique constraint) and sends nothing; a failed sending rolls the row back
so the next run tries again.

Run daily or weekly from cron (``manage.py send_calendar_reminders``).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import get_connection, send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse

from gongkai.deadlines import WorkCalendar, coverage_warning

from .calendar import current_calendar
from .models import CoverageReminder

SENT = "sent"
ALREADY = "already"
COVERED = "covered"
NO_RECIPIENTS = "no_recipients"


@dataclass(frozen=True)
class ReminderResult:
    status: str  # SENT, ALREADY, COVERED or NO_RECIPIENTS
    year: int | None = None
    week_start: datetime.date | None = None
    recipients: tuple[str, ...] = ()


def week_start(today: datetime.date) -> datetime.date:
    """The Monday of ``today``'s (ISO) week."""
    return today - datetime.timedelta(days=today.weekday())


def missing_year(today: datetime.date, cal: WorkCalendar) -> int | None:
    """The year the warning is about, or None when there is no warning."""
    if coverage_warning(today, cal) is None:
        return None
    return today.year if not cal.is_covered(today.year) else today.year + 1


def recipients() -> list[str]:
    """E-mail addresses of the active superusers, once each."""
    addresses = (
        get_user_model()
        .objects.filter(is_active=True, is_superuser=True)
        .exclude(email="")
        .order_by("pk")
        .values_list("email", flat=True)
    )
    seen: set[str] = set()
    found: list[str] = []
    for address in addresses:
        address = address.strip()
        if address and address.lower() not in seen:
            seen.add(address.lower())
            found.append(address)
    return found


def base_url(explicit: str | None = None) -> str:
    """Where the site is reached: ``explicit``, else ``GONGKAI_BASE_URL`` if set, else the
    first ``CSRF_TRUSTED_ORIGINS`` entry (the HTTPS origin of a deployment); may be empty."""
    for candidate in (
        explicit,
        getattr(settings, "GONGKAI_BASE_URL", ""),
        *getattr(settings, "CSRF_TRUSTED_ORIGINS", [])[:1],
    ):
        text = str(candidate or "").strip()
        if text:
            return text.rstrip("/")
    return ""


def message(year: int, warning: str, *, base: str = "") -> tuple[str, str]:
    """Subject and body of the reminder."""
    entry = f"{base}{reverse('workcalendar:notice_new')}"
    month_view = f"{base}{reverse('workcalendar:year', args=[year])}"
    where = "" if base else "（本系统中的地址）"
    subject = f"【工作日历】{year}年节假日安排尚未录入"
    body = (
        f"{warning}\n\n"
        f"录入放假安排通知{where}：{entry}\n"
        f"查看{year}年日历{where}：{month_view}\n\n"
        f"本提醒发给全站管理员，每周一次，直至{year}年的放假安排通知录入为止。"
    )
    return subject, body


def remind(today: datetime.date, *, base: str | None = None) -> ReminderResult:
    """Send this week's reminder if the calendar needs one and it has not been sent."""
    cal = current_calendar()
    warning = coverage_warning(today, cal)
    year = missing_year(today, cal)
    if warning is None or year is None:
        return ReminderResult(COVERED)
    week = week_start(today)
    if CoverageReminder.objects.filter(year=year, week_start=week).exists():
        return ReminderResult(ALREADY, year, week)
    to = recipients()
    if not to:
        return ReminderResult(NO_RECIPIENTS, year, week)
    subject, body = message(year, warning, base=base_url(base))
    try:
        with transaction.atomic():
            CoverageReminder.objects.create(year=year, week_start=week, recipients=to)
            connection = get_connection()
            for address in to:
                send_mail(subject, body, None, [address], connection=connection)
    except IntegrityError:
        return ReminderResult(ALREADY, year, week)
    return ReminderResult(SENT, year, week, tuple(to))


def send_coverage_reminders(today: datetime.date) -> int:
    """The number of administrators e-mailed (0 when nothing was due or already sent)."""
    return len(remind(today).recipients)
