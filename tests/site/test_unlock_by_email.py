"""A locked-out person unlocks their own account through a link sent to their e-mail."""

from __future__ import annotations

import re
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.utils import timezone

from gongkai.accounts import unlock
from gongkai.accounts.views import UNLOCK_SENT
from gongkai.organs.roles import Role
from gongkai_demo.factories.organs import TEST_PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(organ_tree: dict[str, Any], make_member: Any) -> Any:
    return make_member(
        organ_tree["a"], Role.OFFICER, username="officer_a", email="officer_a@example.cn"
    )


def log_in(password: str, client: Client | None = None) -> Any:
    return (client or Client()).post(
        "/accounts/login/", {"username": "officer_a", "password": password}
    )


def lock() -> str:
    for _ in range(5):
        log_in("wrong-password")
    locked = log_in(TEST_PASSWORD).content.decode()
    assert "该账户已被暂时锁定" in locked
    return locked


def test_the_locked_page_sends_a_link_that_unlocks_after_a_button(officer: Any) -> None:
    page = lock()
    assert "发送解锁链接到我的邮箱" in page and 'value="officer_a"' in page
    sent = Client().post("/accounts/unlock/", {"username": "officer_a"})
    assert UNLOCK_SENT in sent.content.decode()
    (message,) = mail.outbox
    assert message.to == ["officer_a@example.cn"]
    assert "因连续多次登录失败已被暂时锁定" in message.body
    link = re.search(r"https?://\S+/accounts/unlock/\S+/", message.body)
    assert link, message.body
    path = "/" + link.group(0).split("/", 3)[3]

    browser = Client()
    shown = browser.get(path)
    assert "解除账户“officer_a”因登录失败造成的锁定" in shown.content.decode()
    assert "该账户已被暂时锁定" in log_in(TEST_PASSWORD).content.decode()  # GET unlocks nothing
    done = browser.post(path, follow=True)
    assert "账户“officer_a”已解锁，请重新登录" in done.content.decode()
    assert log_in(TEST_PASSWORD).status_code == 302  # logged in


def test_the_answer_is_the_same_for_nobody_and_no_address(
    officer: Any, make_member: Any, organ_tree: dict[str, Any]
) -> None:
    make_member(organ_tree["a"], Role.OFFICER, username="no_mail", email="")
    for username in ("nobody_here", "no_mail"):
        answer = Client().post("/accounts/unlock/", {"username": username})
        assert answer.status_code == 200 and UNLOCK_SENT in answer.content.decode()
    assert mail.outbox == []


def test_a_tampered_or_old_link_unlocks_nothing(officer: Any) -> None:
    lock()
    token = unlock.link_token(officer)
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    assert Client().post(f"/accounts/unlock/{forged}/").status_code == 400
    with time_machine.travel(timezone.now() + timezone.timedelta(seconds=unlock.LINK_SECONDS + 60)):
        old = Client().post(f"/accounts/unlock/{token}/")
    assert old.status_code == 400
    assert "已超过1小时的有效期" in old.content.decode()
    assert "该账户已被暂时锁定" in log_in(TEST_PASSWORD).content.decode()


def test_unlock_mails_are_rate_limited_per_client(officer: Any) -> None:
    client = Client()
    for _ in range(5):
        assert client.post("/accounts/unlock/", {"username": "officer_a"}).status_code == 200
    refused = client.post("/accounts/unlock/", {"username": "officer_a"})
    assert refused.status_code == 429
    assert "每小时最多申请5次解锁邮件" in refused.content.decode()
    assert len(mail.outbox) == 5
