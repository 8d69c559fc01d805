"""The background worker: its schedules, its tasks, its page, and the worker process itself."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.core import mail
from django.test import Client

from gongkai.applications import services
from gongkai.applications.models import Notice
from gongkai.organs.models import Membership
from gongkai.site import jobs

from ..applications.factories import APPLICANT, Staff, make_user

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def test_every_job_is_scheduled_after_migrate() -> None:
    from django_q.models import Schedule

    assert sorted(Schedule.objects.values_list("name", flat=True)) == sorted(
        j.name for j in jobs.JOBS
    )
    Schedule.objects.filter(name=jobs.JOBS[0].name).update(func="gongkai.site.jobs.old")
    Schedule.objects.create(name="旧任务", func="gongkai.site.jobs.gone", repeats=-1)
    jobs.ensure_schedules()
    jobs.ensure_schedules()
    assert Schedule.objects.count() == len(jobs.JOBS)
    assert Schedule.objects.get(name=jobs.JOBS[0].name).func == jobs.JOBS[0].func


def test_daily_and_weekly_jobs_run_at_their_local_time() -> None:
    daily = next(j for j in jobs.JOBS if j.schedule_type == "D")
    weekly = next(j for j in jobs.JOBS if j.schedule_type == "W")
    # Thursday 4 December 2026, 23:00 UTC = Friday 5 December, 07:00 in Beijing
    now = datetime(2026, 12, 4, 23, 0, tzinfo=UTC)
    assert jobs.next_run(daily, now) == datetime(2026, 12, 5, 16, 15, tzinfo=UTC)
    assert jobs.next_run(weekly, now) == datetime(2026, 12, 7, 0, 0, tzinfo=UTC)  # Mon 08:00


def _pending_notice(staff: Staff) -> Notice:
    case, _ = services.submit_online(staff.organ, {**APPLICANT})
    services.apply(case, "confirm", staff.officer, data={"receipt_basis": "confirmed"})
    return case.notices.get()


def test_the_outbox_job_sends_and_the_retry_job_retries(frozen_today, settings) -> None:  # type: ignore[no-untyped-def]
    staff = Staff()
    notice = _pending_notice(staff)
    settings.EMAIL_BACKEND = "tests.site.broken_mail.Backend"
    assert jobs.send_outbox() == "已发送0件，发送失败1件，转为待打印0件"
    notice.refresh_from_db()
    assert notice.status == Notice.Status.FAILED and "邮件服务器拒绝" in notice.error
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert jobs.send_outbox().startswith("已发送0件")  # failed ones wait for the retry job
    assert jobs.retry_failed_notices() == "重试：已发送1件，仍失败0件"
    notice.refresh_from_db()
    assert notice.status == Notice.Status.SENT
    assert [m.to for m in mail.outbox] == [[APPLICANT["email"]]]


def test_the_jobs_page_is_for_administrators(client: Client) -> None:
    from django_q.models import OrmQ

    staff = Staff()
    client.force_login(staff.officer)
    assert client.get("/office/jobs/").status_code == 403
    admin = make_user(staff.organ, "admin")
    Membership.objects.filter(user=admin).update(role="admin")
    client.force_login(admin)
    page = client.get("/office/jobs/").content.decode()
    for job in jobs.JOBS:
        assert job.name in page
    assert "后台任务进程尚未完成过任务" in page
    response = client.post("/office/jobs/run/", {"name": jobs.JOBS[0].name}, follow=True)
    assert "已排队：发送通知（发件箱）" in response.content.decode()
    assert OrmQ.objects.count() == 1


@pytest.mark.slow
def test_the_worker_sends_a_notice_by_itself(tmp_path: Path) -> None:
    """``manage.py qcluster`` (as ``make run`` starts it) e-mails a pending notice with no
    command run by hand: its schedule takes the outbox within the minute."""
    db = tmp_path / "worker.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{db}",
        "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
        "DJANGO_SETTINGS_MODULE": "gongkai.config.settings",
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    setup = (
        "from datetime import date\n"
        "from tests.applications.factories import Staff, APPLICANT\n"
        "from gongkai.applications import services\n"
        "staff = Staff()\n"
        "case, _ = services.submit_online(staff.organ, {**APPLICANT})\n"
        "services.apply(case, 'confirm', staff.officer, data={'receipt_basis': 'confirmed'})\n"
    )
    subprocess.run([*manage, "shell", "-c", setup], env=env, check=True, cwd=ROOT)
    out = tmp_path / "worker.out"
    with out.open("wb") as sink:
        worker = subprocess.Popen(
            [*manage, "qcluster"], env=env, cwd=ROOT, stdout=sink, stderr=subprocess.STDOUT
        )
        try:
            status = ""
            deadline = time.monotonic() + 90
            while time.monotonic() < deadline and status != "sent":
                time.sleep(1)
                with sqlite3.connect(db) as conn:
                    status = conn.execute("select status from applications_notice").fetchone()[0]
        finally:
            worker.send_signal(signal.SIGINT)
            worker.wait(timeout=60)
    assert status == "sent"
    printed = out.read_text(errors="replace")
    assert "Subject:" in printed and APPLICANT["email"] in printed
