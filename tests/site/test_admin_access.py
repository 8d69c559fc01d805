"""/admin/ for a signed-in person without 系统管理 rights: 无权访问 in the office shell."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from gongkai.organs.roles import Role

pytestmark = pytest.mark.django_db


def test_staff_without_admin_rights_get_403_not_a_second_login(
    organ_tree: dict[str, Any], make_member: Any
) -> None:
    client = Client()
    assert client.get("/admin/").status_code == 302  # not signed in: the admin's log-in
    client.force_login(make_member(organ_tree["a"], Role.ADMIN, username="organ-admin"))
    response = client.get("/admin/")
    assert response.status_code == 403
    page = response.content.decode()
    assert "无权访问" in page and "返回工作台" in page and 'name="password"' not in page
