"""API tokens end with the access they came from: a new password, a deactivated account,
or their expiry date."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from gongkai.accounts.models import ApiToken

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(make_member, organ_tree):  # type: ignore[no-untyped-def]
    from gongkai.organs.roles import Role

    return make_member(organ_tree["a"], Role.OFFICER)


def test_a_new_password_revokes_every_token(person) -> None:  # type: ignore[no-untyped-def]
    token, plain = ApiToken.objects.issue(person, "导出")
    assert ApiToken.objects.authenticate(plain) == token
    person.set_password("Another-Secret-93x")
    person.save()
    token.refresh_from_db()
    assert ApiToken.objects.authenticate(plain) is None
    assert token.revoked_at is not None and token.revoked_reason == "密码已修改"
    person.first_name = "改名"
    person.save()  # saving other fields revokes nothing new
    fresh, fresh_plain = ApiToken.objects.issue(person, "新")
    person.save()
    assert ApiToken.objects.authenticate(fresh_plain) == fresh


def test_deactivation_revokes_and_expiry_ends_a_token(person) -> None:  # type: ignore[no-untyped-def]
    token, plain = ApiToken.objects.issue(person, "导出")
    assert token.expires_at - timezone.now() > timedelta(days=179)
    with time_machine.travel(token.expires_at + timedelta(minutes=1)):
        assert ApiToken.objects.authenticate(plain) is None
    person.is_active = False
    person.save()
    token.refresh_from_db()
    assert token.revoked_reason == "账户已停用"


def test_the_tokens_page_shows_expiry_and_last_use(client, person) -> None:  # type: ignore[no-untyped-def]
    token, plain = ApiToken.objects.issue(person, "导出")
    ApiToken.objects.authenticate(plain)
    client.force_login(person)
    page = client.get("/accounts/tokens/").content.decode()
    assert token.expires_at.astimezone().strftime("%Y-%m-%d") in page
    assert "有效期180天" in page and "从未" not in page
