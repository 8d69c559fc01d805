"""The online applicant gets a receipt e-mail at once: number, 查询码 and the private link."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import Client

from gongkai.applications.models import Application, CaseEvent

from .factories import APPLICANT, Staff

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_today")]


@pytest.fixture(autouse=True)
def _clear_rate_limit() -> None:
    cache.clear()


def test_the_receipt_carries_the_number_code_and_link(client: Client, settings: Any) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    client.post("/apply/", {**APPLICANT, "organ": Staff().organ.pk})
    page = client.get("/apply/done/").content.decode()
    case = Application.objects.get()
    (message,) = mail.outbox
    assert message.to == ["zhangsan@example.cn"]
    assert message.subject == f"【政府信息公开申请】已收到您的网上申请（{case.number}）"
    code = page.split('id="code">')[1].split("<")[0]
    link = page.split('id="follow-link" href="')[1].split('"')[0]
    assert f"申请编号：{case.number}" in message.body and f"查询码：{code}" in message.body
    assert link in message.body and client.get(link, follow=True).status_code == 200
    assert "您于2025年6月16日通过网上渠道" in message.body
    assert "{" not in message.body and "None" not in message.body
    assert CaseEvent.objects.filter(application=case, action="receipt_sent").count() == 1


def test_a_mail_failure_is_recorded_and_the_application_stands(
    client: Client, settings: Any
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens there
    r = client.post("/apply/", {**APPLICANT, "organ": Staff().organ.pk})
    assert r.status_code == 302
    case = Application.objects.get()
    assert case.state == "awaiting_confirmation"
    assert CaseEvent.objects.filter(application=case, action="receipt_failed").count() == 1
    assert case.number in client.get("/apply/done/").content.decode()


def test_no_address_no_mail(client: Client, settings: Any) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    client.post(
        "/apply/",
        {**APPLICANT, "organ": Staff().organ.pk, "email": "", "delivery_method": "collect"},
    )
    assert Application.objects.count() == 1 and mail.outbox == []
