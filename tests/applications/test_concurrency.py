"""Two officers acting on the same case at the same moment, on real PostgreSQL connections."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection, connections

from gongkai.applications import projection, services
from gongkai.applications.errors import Conflict
from gongkai.applications.models import Application, CaseEvent
from gongkai.applications.workflow import Event, State

from .factories import Staff, make_case

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="并发测试需要 PostgreSQL（SQLite 整库串行写入，无法真正同时执行）；"
        "设置 DATABASE_URL=postgres://… 运行",
    ),
]


def test_two_officers_at_once_one_wins_the_other_gets_the_conflict_message(
    monkeypatch: pytest.MonkeyPatch, frozen_today: Any
) -> None:
    staff = Staff()
    case = make_case(staff)
    events_before = CaseEvent.objects.filter(application=case).count()
    # Both threads read the case's events inside their transaction, then wait for each
    # other, so both write having seen the same version.
    both_read = threading.Barrier(2, timeout=20)
    real_events = services.case_events

    def events_then_wait(c: Application) -> list[CaseEvent]:
        rows = real_events(c)
        both_read.wait()
        return rows

    monkeypatch.setattr(services, "case_events", events_then_wait)
    attempts: list[tuple[Any, Event, str, dict[str, Any]]] = [
        (staff.officer, Event.OPEN_CONSULTATION, "涉及第三方", {"party": "third_party"}),
        (staff.officer2, Event.REQUEST_EXTENSION, "需调取档案", {"workdays": 10}),
    ]
    results: dict[str, Any] = {}

    def act(actor: Any, event: Event, reason: str, data: dict[str, Any]) -> None:
        try:
            mine = Application.objects.get(pk=case.pk)  # this thread's own read
            services.apply(mine, event, actor, reason, data=data)
            results[event] = "ok"
        except Exception as exc:  # collected and asserted below
            results[event] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=act, args=a) for a in attempts]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    monkeypatch.undo()

    winners = [e for e, r in results.items() if r == "ok"]
    losers = [r for r in results.values() if r != "ok"]
    assert len(winners) == 1 and len(losers) == 1, results
    assert isinstance(losers[0], Conflict)
    assert losers[0].message == (
        f"申请{case.number}已被他人更新（您看到的是第{case.version}版），本次操作未保存，请刷新后重试"
    )
    case.refresh_from_db()
    events = list(CaseEvent.objects.filter(application=case).order_by("seq"))
    assert len(events) == events_before + 1
    assert events[-1].action == winners[0]
    assert [e.seq for e in events] == list(range(1, len(events) + 1))
    expected = (
        State.CONSULTING if winners[0] == Event.OPEN_CONSULTATION else State.EXTENSION_PENDING
    )
    assert (case.state, case.version) == (expected, events[-1].seq)
    assert projection.replay(case).state == case.state


def test_numbers_are_never_handed_out_twice_under_concurrent_intake() -> None:
    staff = Staff()
    from .factories import APPLICANT

    numbers: list[str] = []
    errors: list[BaseException] = []
    start = threading.Barrier(4, timeout=20)

    def submit() -> None:
        try:
            start.wait()
            for _ in range(3):
                case, _ = services.submit_online(staff.organ, APPLICANT)
                numbers.append(case.number)
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert errors == []
    assert len(numbers) == len(set(numbers)) == 12
    serials = sorted(Application.objects.filter(organ=staff.organ).values_list("serial", flat=True))
    assert serials == list(range(1, 13))
