"""The queue's 指定承办人 offers the organ's officers to choose from, never a typed name."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from .factories import Staff, make_case

pytestmark = pytest.mark.django_db


def test_the_queue_offers_only_the_organs_officers(client: Client, frozen_today: Any) -> None:
    staff, other = Staff(), Staff()
    staff.officer2.first_name = "刘洋"
    staff.officer2.save()
    case = make_case(staff)
    client.force_login(staff.officer)
    page = client.get("/office/applications/").content.decode()
    select = page.split('<select id="assignee" name="assignee">', 1)[1].split("</select>", 1)[0]
    assert f'value="{staff.officer2.username}">刘洋（{staff.organ.short_name}）' in select
    assert staff.reviewer.username not in select  # not an officer
    assert other.officer.username not in select  # another organ
    client.post(
        "/office/applications/assign/",
        {"numbers": [case.number], "assignee": staff.officer2.username},
    )
    case.refresh_from_db()
    assert case.assignee == staff.officer2


def test_a_supervisor_sees_no_bulk_buttons(client: Client, frozen_today: Any) -> None:
    """Assigning and printing are the organ's officers' work: no button that would refuse."""
    from gongkai.organs.models import Membership

    from .factories import make_organ, make_user

    office = make_organ("测试区政府办公室")
    staff = Staff(make_organ("测试区甲局", parent=office))
    make_case(staff)
    supervisor = make_user()
    Membership.objects.create(user=supervisor, organ=office, role="supervisor")
    client.force_login(supervisor)
    page = client.get("/office/applications/").content.decode()
    assert "为所选申请指定承办人" not in page
    assert "打印所选申请的待打印通知" not in page
