"""Each notice and each reminder is e-mailed once, however many senders run at once:
a notice is claimed before it is sent, over one connection per batch; a reminder is
claimed per case, day and address; a case changed meanwhile never stops the run."""

from __future__ import annotations

import threading
from datetime import date, timedelta
from typing import Any

import pytest
from django.core import mail
from django.db import connection, connections
from django.utils import timezone

from gongkai.applications import outbox, reminders, services
from gongkai.applications.errors import Conflict
from gongkai.applications.models import Application, Notice, ReminderSent

from .factories import APPLICANT, Staff, make_case

ON_POSTGRES = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="并发测试需要 PostgreSQL（SQLite 整库串行写入，无法真正同时执行）；"
    "设置 DATABASE_URL=postgres://… 运行",
)


def _notices(staff: Staff, n: int) -> list[Notice]:
    out = []
    for _ in range(n):
        case, _ = services.submit_online(staff.organ, {**APPLICANT})
        services.apply(case, "confirm", staff.officer, data={"receipt_basis": "confirmed"})
        out.append(case.notices.get())
    return out


class CountingBackend:
    """locmem, counting the connections made (one backend instance per connection)."""

    made = 0

    def __new__(cls, *args: Any, **kwargs: Any) -> Any:
        from django.core.mail.backends.locmem import EmailBackend

        CountingBackend.made += 1
        return EmailBackend(*args, **kwargs)


@pytest.mark.django_db
def test_a_notice_claimed_by_another_sender_is_skipped(frozen_today: Any) -> None:
    staff = Staff()
    first, second = _notices(staff, 2)
    assert outbox.claim(first)  # another sender holds it
    summary = outbox.deliver_pending()
    assert (summary.sent, summary.skipped) == (1, 0)
    assert [m.subject for m in mail.outbox] == [
        f"{second.title}（{staff.organ.name}，申请编号{second.application.number}）"
    ]
    first.refresh_from_db()
    assert first.status == Notice.Status.SENDING
    # that sender stopped (a crash): after STALE the notice is taken again, once
    Notice.objects.filter(pk=first.pk).update(
        status_at=timezone.now() - outbox.STALE - timedelta(seconds=1)
    )
    assert outbox.deliver_pending().sent == 1
    assert outbox.deliver_pending().sent == 0
    assert len(mail.outbox) == 2


@pytest.mark.django_db
def test_one_connection_per_run_and_chunks(frozen_today: Any, settings: Any) -> None:
    settings.EMAIL_BACKEND = "tests.applications.test_sending_once.CountingBackend"
    CountingBackend.made = 0
    staff = Staff()
    _notices(staff, 7)
    summary = outbox.deliver_pending(chunk=3)
    assert summary.sent == 7
    assert CountingBackend.made == 1
    assert len(mail.outbox) == 7


@pytest.mark.django_db
def test_a_reminder_survives_a_case_changed_meanwhile(
    travel: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    staff = Staff()
    staff.officer.email = "officer@example.gov.cn"
    staff.officer.save()
    travel(date(2025, 3, 4))
    case = make_case(staff, received_on=date(2025, 1, 6))  # overdue
    real = services.record
    calls = {"n": 0}

    def busy_once(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 1:
            raise Conflict("申请已被他人更新")
        return real(*args, **kwargs)

    monkeypatch.setattr(services, "record", busy_once)
    sent = reminders.remind(date(2025, 3, 4))
    assert (sent.cases, sent.mails) == (1, 1)
    assert case.events.filter(action="reminder").count() == 1
    assert reminders.remind(date(2025, 3, 4)).mails == 0
    assert len([m for m in mail.outbox if "期限提醒" in m.subject]) == 1


@pytest.mark.django_db
def test_a_failed_reminder_is_retried_by_the_next_run(travel: Any, settings: Any) -> None:
    staff = Staff()
    staff.officer.email = "officer@example.gov.cn"
    staff.officer.save()
    travel(date(2025, 3, 4))
    make_case(staff, received_on=date(2025, 1, 6))
    settings.EMAIL_BACKEND = "tests.site.broken_mail.Backend"
    failed = reminders.remind(date(2025, 3, 4))
    assert failed.mails == 0 and failed.failed and not ReminderSent.objects.exists()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert reminders.remind(date(2025, 3, 4)).mails == 1
    assert ReminderSent.objects.get().sent_at is not None


def _at_once(work: Any, n: int = 2) -> list[Any]:
    start = threading.Barrier(n, timeout=30)
    results: list[Any] = []

    def run() -> None:
        try:
            start.wait()
            results.append(work())
        except Exception as exc:  # asserted by the caller
            results.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return results


@ON_POSTGRES
@pytest.mark.django_db(transaction=True)
def test_two_senders_at_once_send_each_notice_once(frozen_today: Any) -> None:
    staff = Staff()
    notices = _notices(staff, 60)
    results = _at_once(lambda: outbox.deliver_pending(chunk=7))
    assert all(isinstance(r, outbox.Summary) for r in results), results
    assert sum(r.sent for r in results) == 60
    assert len(mail.outbox) == 60
    assert sorted(m.subject for m in mail.outbox) == sorted(
        f"{n.title}（{staff.organ.name}，申请编号{n.application.number}）" for n in notices
    )
    assert set(Notice.objects.values_list("status", flat=True)) == {Notice.Status.SENT}


@ON_POSTGRES
@pytest.mark.django_db(transaction=True)
def test_two_reminder_runs_at_once_remind_each_case_once(travel: Any) -> None:
    staff = Staff()
    staff.officer.email = "officer@example.gov.cn"
    staff.officer.save()
    travel(date(2025, 3, 4))
    cases = [make_case(staff, received_on=date(2025, 1, 6)) for _ in range(20)]
    results = _at_once(lambda: reminders.remind(date(2025, 3, 4)))
    assert all(isinstance(r, reminders.Sent) for r in results), results
    assert sum(r.cases for r in results) == 20
    body = "\n".join(m.body for m in mail.outbox)
    for case in cases:
        assert body.count(case.number + "：") == 1
    assert ReminderSent.objects.filter(sent_at__isnull=False).count() == 20
    assert all(
        Application.objects.get(pk=c.pk).events.filter(action="reminder").count() == 1
        for c in cases
    )
