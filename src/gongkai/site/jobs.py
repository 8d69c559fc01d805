"""Work that runs by itself: what the background worker does, and when.

The worker is django-q2's cluster (``manage.py qcluster``), with the database as its queue
(no Redis needed; the same on SQLite and PostgreSQL). Every schedule is listed here once;
``ensure_schedules`` keeps the database's schedule rows in step after every migrate, so a
new installation needs nothing but ``migrate`` and a running worker. Each task is a thin
call into the app that owns the work; the apps make the work safe to run twice or at once
(notices are claimed before they are sent, reminders and digests are claimed per day or
week), so a retry after a crash never sends anything twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from django.utils import timezone


@dataclass(frozen=True)
class Job:
    name: str
    """The schedule's name (Chinese: the admin page shows it)."""
    func: str
    schedule_type: str
    minutes: int | None = None
    at: time | None = None
    """Local time of day for daily and weekly jobs."""
    weekday: int | None = None
    """Weekly jobs: 0 = Monday."""


def send_outbox() -> str:
    from gongkai.applications.outbox import deliver_pending

    s = deliver_pending()
    return f"已发送{s.sent}件，发送失败{s.failed}件，转为待打印{s.to_print}件"


def retry_failed_notices() -> str:
    from gongkai.applications.outbox import deliver_pending

    s = deliver_pending(retry_failed=True)
    return f"重试：已发送{s.sent}件，仍失败{s.failed}件"


def send_reminders() -> str:
    """The day's deadline reminders, and on Mondays the weekly digest."""
    from gongkai.applications import services
    from gongkai.applications.reminders import remind, weekly_digest

    on = services.today()
    sent = remind(on)
    out = f"期限提醒{sent.cases}条（{sent.mails}封）"
    if on.weekday() == 0:
        digests = weekly_digest(on)
        out += f"；每周汇总{digests.mails}封"
        sent.failed.extend(digests.failed)
    if sent.failed:
        raise RuntimeError(out + "；发送失败：" + "；".join(sent.failed))
    return out


def send_calendar_reminders() -> str:
    from gongkai.workcalendar import reminders

    result = reminders.remind(timezone.localdate())
    return f"工作日历提醒：{result.status}"


def inspect_all() -> str:
    """The daily 巡查 of every active organ (problems found, reopened, verified)."""
    from gongkai.organs.models import Organ
    from gongkai.supervision import inspect

    record = inspect.run(Organ.objects.filter(is_active=True))
    return (
        f"巡查{record.organs}个机关：发现问题{record.found}项，新{record.new}项，"
        f"再次出现{record.reopened}项，复查关闭{record.closed}项"
    )


JOBS: tuple[Job, ...] = (
    Job("发送通知（发件箱）", "gongkai.site.jobs.send_outbox", "I", minutes=1),
    Job("重试发送失败的通知", "gongkai.site.jobs.retry_failed_notices", "H"),
    Job("期限提醒与每周汇总", "gongkai.site.jobs.send_reminders", "D", at=time(0, 15)),
    Job("每日巡查", "gongkai.site.jobs.inspect_all", "D", at=time(1, 0)),
    Job(
        "工作日历覆盖提醒",
        "gongkai.site.jobs.send_calendar_reminders",
        "W",
        at=time(8, 0),
        weekday=0,
    ),
)
"""Schedule types are django-q2's: I = every ``minutes``, H = hourly, D = daily, W = weekly."""


def next_run(job: Job, now: datetime) -> datetime:
    """The first run of ``job`` after ``now`` (aware), at its local time and weekday."""
    if job.at is None:
        return now
    local = timezone.localtime(now)
    first = local.replace(hour=job.at.hour, minute=job.at.minute, second=0, microsecond=0)
    if first <= local:
        first += timedelta(days=1)
    if job.weekday is not None:
        first += timedelta(days=(job.weekday - first.weekday()) % 7)
    return first


def ensure_schedules(**_: Any) -> None:
    """Create the missing schedules and bring changed ones in step (post_migrate)."""
    from django_q.models import Schedule

    now = timezone.now()
    known = {job.name for job in JOBS}
    for job in JOBS:
        row = Schedule.objects.filter(name=job.name).first()
        fields = {"func": job.func, "schedule_type": job.schedule_type, "minutes": job.minutes}
        if row is None:
            Schedule.objects.create(
                name=job.name, repeats=-1, next_run=next_run(job, now), **fields
            )
        elif any(getattr(row, k) != v for k, v in fields.items()):
            Schedule.objects.filter(pk=row.pk).update(**fields)
    Schedule.objects.filter(func__startswith="gongkai.site.jobs.").exclude(name__in=known).delete()
