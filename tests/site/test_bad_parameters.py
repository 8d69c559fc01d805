"""Out-of-range and hostile parameters get a 4xx with a Chinese message, never a 500."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(make_member, organ_tree):  # type: ignore[no-untyped-def]
    from gongkai.organs.roles import Role

    return make_member(organ_tree["a"], Role.OFFICER)


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/apply/AB%00CD/", 400),
        ("/messages/AB%00C/", 400),
        ("/search/?q=%00", 400),
        ("/api/disclosure/search?q=%00", 400),
        ("/catalog/?year=99999999999999999999", 200),
        ("/search/?q=通知&organ=99999999999999999999", 200),
        ("/reports/a/0/", 404),
        ("/api/disclosure/search?organ=99999999999999999999", 422),
        ("/api/disclosure/search?page=-1", 422),
    ],
)
def test_public_urls(url: str, status: int) -> None:
    response = Client(raise_request_exception=False).get(url)
    assert response.status_code == status, url
    if status == 400:
        assert "不允许的字符" in response.content.decode()


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/applications?limit=-1", 422),
        ("/api/applications?limit=99999999999999999999", 422),
        ("/api/applications?offset=-5", 422),
        ("/api/disclosure/organs/a/table2/99999", 422),
        ("/api/disclosure/organs/a/table2/0", 422),
        ("/office/applications/stats/a/0/", 404),
        ("/office/disclosure/table2/a/99999/", 404),
        ("/office/applications/AB%00/", 400),
    ],
)
def test_staff_urls(officer, url: str, status: int) -> None:  # type: ignore[no-untyped-def]
    client = Client(raise_request_exception=False)
    client.force_login(officer)
    response = client.get(url)
    assert response.status_code == status, url
    if url.startswith("/api/"):
        assert response["Content-Type"].startswith("application/json")
