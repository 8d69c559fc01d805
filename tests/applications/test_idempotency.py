"""``Idempotency-Key`` on ``POST /api/applications``: a retried submission files one case."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from gongkai.applications.models import Application, IntakeKey

from .factories import APPLICANT, Staff

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_today")]


@pytest.fixture(autouse=True)
def _clear_rate_limit() -> None:
    cache.clear()


def post(client: Client, body: dict[str, str], key: str = "") -> object:
    headers = {"HTTP_IDEMPOTENCY_KEY": key} if key else {}
    return client.post("/api/applications", body, content_type="application/json", **headers)


def test_the_same_key_and_request_file_one_application(client: Client) -> None:
    body = {**APPLICANT, "organ": Staff().organ.slug}
    first = post(client, body, "retry-0001")
    again = post(client, body, "retry-0001")
    assert first.status_code == again.status_code == 201  # type: ignore[attr-defined]
    assert first.json() == again.json()  # type: ignore[attr-defined]
    assert Application.objects.count() == 1
    other = post(client, body, "retry-0002")
    assert other.json()["number"] != first.json()["number"]  # type: ignore[attr-defined]
    assert Application.objects.count() == 2
    assert not IntakeKey.objects.filter(key_digest="retry-0001").exists()  # stored as a digest


def test_a_key_reused_for_another_request_is_refused_and_stores_nothing(client: Client) -> None:
    body = {**APPLICANT, "organ": Staff().organ.slug}
    post(client, body, "k")
    changed = post(client, {**body, "information": "另一份文件"}, "k")
    assert changed.status_code == 422  # type: ignore[attr-defined]
    assert changed.json() | {"errors": None} == {  # type: ignore[attr-defined]
        "detail": "该 Idempotency-Key 已用于另一份申请，请为新的申请使用新的键",
        "code": "idempotency_key_reused",
        "errors": None,
    }
    assert Application.objects.count() == 1


def test_an_expired_key_files_a_new_application(client: Client) -> None:
    body = {**APPLICANT, "organ": Staff().organ.slug}
    post(client, body, "old")
    IntakeKey.objects.update(created_at=timezone.now() - timedelta(hours=25))
    assert post(client, body, "old").status_code == 201  # type: ignore[attr-defined]
    assert Application.objects.count() == 2


def test_an_overlong_key_is_refused(client: Client) -> None:
    body = {**APPLICANT, "organ": Staff().organ.slug}
    r = post(client, body, "x" * 201)
    assert r.status_code == 422 and r.json()["code"] == "idempotency_key"  # type: ignore[attr-defined]
    assert Application.objects.count() == 0


def test_without_a_key_every_submission_is_a_new_application(client: Client) -> None:
    body = {**APPLICANT, "organ": Staff().organ.slug}
    post(client, body)
    post(client, body)
    assert Application.objects.count() == 2
