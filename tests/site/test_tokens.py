"""Staff issue and revoke their own API tokens in the back office."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from gongkai.accounts.models import ApiToken
from gongkai.organs.roles import Role

pytestmark = pytest.mark.django_db


def test_issue_use_and_revoke_a_token(
    client: Client, organ_tree: dict[str, Any], make_member: Any
) -> None:
    user = make_member(organ_tree["a"], Role.OFFICER)
    client.force_login(user)
    html = client.post("/accounts/tokens/", {"name": "办公系统对接"}).content.decode()
    match = re.search(r'<code id="new-token">([^<]+)</code>', html)
    assert match is not None
    plain = match.group(1)
    token = ApiToken.objects.get(user=user)
    assert token.key != plain  # only the digest is stored
    api = Client()
    headers = {"Authorization": f"Bearer {plain}"}
    assert api.get("/api/organs/", headers=headers).status_code == 200
    client.post(f"/accounts/tokens/{token.pk}/revoke/")
    assert api.get("/api/organs/", headers=headers).status_code == 401
    assert "已吊销" in client.get("/accounts/tokens/").content.decode()


def test_nobody_revokes_another_users_token(
    client: Client, organ_tree: dict[str, Any], make_member: Any
) -> None:
    owner = make_member(organ_tree["a"], Role.OFFICER)
    token, _ = ApiToken.objects.issue(owner, "甲")
    client.force_login(make_member(organ_tree["a"], Role.HEAD))
    assert client.post(f"/accounts/tokens/{token.pk}/revoke/").status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_users_without_an_organ_get_no_tokens(client: Client) -> None:
    from gongkai_demo.factories.organs import UserFactory

    client.force_login(UserFactory())
    assert client.get("/accounts/tokens/").status_code == 403
