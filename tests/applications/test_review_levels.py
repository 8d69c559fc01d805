"""初审, 复审 and 终审 of one reply are done by three different people, none the drafter:
refused by the service, the API and the case page, which says who may do the next level."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from gongkai.accounts.models import ApiToken
from gongkai.applications import services
from gongkai.applications.errors import GuardFailed
from gongkai.applications.workflow import Event, State
from gongkai.organs.models import Membership

from .factories import Staff, make_case, make_user

pytestmark = pytest.mark.django_db


def test_a_head_who_passed_the_second_review_cannot_sign_off(frozen_today) -> None:  # type: ignore[no-untyped-def]
    staff = Staff()
    case = make_case(staff, State.REVIEW_SECOND)
    services.apply(case, Event.APPROVE_SECOND, staff.head)
    with pytest.raises(GuardFailed, match="您已完成本轮复审，请由其他审核人办理终审"):
        services.apply(case, Event.SIGN_OFF, staff.head)
    other_head = make_user(staff.organ, "head")
    services.apply(case, Event.SIGN_OFF, other_head)
    assert case.state == State.APPROVED


def test_returned_for_revision_the_round_starts_over(frozen_today) -> None:  # type: ignore[no-untyped-def]
    staff = Staff()
    case = make_case(staff, State.REVIEW_SECOND)
    services.apply(case, Event.RETURN_FOR_REVISION, staff.reviewer2, "理由需补充")
    services.apply(case, Event.DRAFT_REPLY, staff.officer, "现予提供", data={"answer": "granted"})
    services.apply(case, Event.APPROVE_FIRST, staff.reviewer2)  # 复审 last round, 初审 now
    services.apply(case, Event.APPROVE_SECOND, staff.reviewer)
    assert case.state == State.REVIEW_FINAL


def test_the_api_refuses_the_same_reviewer_twice(client: Client, frozen_today) -> None:  # type: ignore[no-untyped-def]
    staff = Staff()
    case = make_case(staff, State.REVIEW_SECOND)
    token = ApiToken.objects.issue(staff.reviewer, "测试")[1]
    r = client.post(
        f"/api/applications/{case.number}/actions/approve_second",
        {"version": case.version, "reason": "", "data": {}},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert r.status_code == 409
    assert r.json()["code"] == "guard_failed"
    assert "同一人不能担任两级审核" in r.json()["detail"]
    case.refresh_from_db()
    assert case.state == State.REVIEW_SECOND


def test_the_case_page_says_who_may_do_the_next_level(client: Client, frozen_today) -> None:  # type: ignore[no-untyped-def]
    staff = Staff()
    staff.reviewer.first_name = "李明"
    staff.reviewer.save()
    case = make_case(staff, State.REVIEW_SECOND)
    Membership.objects.create(user=staff.officer, organ=staff.organ, role="reviewer")
    client.force_login(staff.reviewer)
    page = client.get(f"/office/applications/{case.number}/").content.decode()
    assert "初审：李明" in page
    assert "复审须由本机关其他审核人或机构负责人办理" in page
    response = client.post(
        f"/office/applications/{case.number}/actions/approve_second/",
        {"version": case.version},
        follow=True,
    )
    assert "同一人不能担任两级审核" in response.content.decode()
    case.refresh_from_db()
    assert case.state == State.REVIEW_SECOND
    assert date(2025, 6, 16) == services.today()
