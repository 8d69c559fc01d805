"""Two officers on one case: whoever acts on a page loaded before the other's change gets
"已被他人更新……请刷新后重试" (409, code ``conflict``), before any state check."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from gongkai.accounts.models import ApiToken
from gongkai.applications import services
from gongkai.applications.errors import Conflict
from gongkai.applications.models import Application, CaseEvent
from gongkai.applications.workflow import Event, State

from .factories import Staff, make_case

pytestmark = pytest.mark.django_db


def test_the_service_says_conflict_before_the_state_check(frozen_today: Any) -> None:
    staff = Staff()
    case = make_case(staff)
    seen = Application.objects.get(pk=case.pk)
    services.apply(case, Event.DRAFT_REPLY, staff.officer, "现予提供", data={"answer": "granted"})
    # the stale page still offers 征求意见, which 初审中 no longer allows
    with pytest.raises(Conflict, match="已被他人更新（您看到的是第1版）"):
        services.apply(
            seen,
            Event.OPEN_CONSULTATION,
            staff.officer2,
            "涉及第三方",
            data={"party": "third_party"},
        )
    assert Application.objects.get(pk=case.pk).state == State.REVIEW_FIRST


def test_the_api_answers_409_conflict_for_a_stale_version(
    client: Client, frozen_today: Any
) -> None:
    staff = Staff()
    case = make_case(staff)
    seen = case.version
    services.apply(case, Event.DRAFT_REPLY, staff.officer, "现予提供", data={"answer": "granted"})
    events = CaseEvent.objects.count()
    token = ApiToken.objects.issue(staff.officer2, "测试")[1]
    r = client.post(
        f"/api/applications/{case.number}/actions/request_extension",
        {"version": seen, "reason": "需调档", "data": {"workdays": 5}},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert r.status_code == 409
    assert r.json()["code"] == "conflict"
    assert r.json()["detail"].endswith("本次操作未保存，请刷新后重试")
    assert CaseEvent.objects.count() == events
