"""Personal data: the organ's staff see the applicant's identity and contact (each view
logged), supervisors see the case without them (pages, letters and API), the applicant's
private link shows that one case only."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from gongkai.accounts.models import ApiToken
from gongkai.applications import services
from gongkai.applications.models import PersonalDataAccess
from gongkai.applications.workflow import State

from .factories import APPLICANT, Staff, make_case, make_organ, make_user

pytestmark = pytest.mark.django_db

PERSONAL = (
    APPLICANT["applicant_name"],
    APPLICANT["id_number"],
    APPLICANT["phone"],
    APPLICANT["email"],
    APPLICANT["address"],
)


@pytest.fixture
def world(frozen_today: Any) -> dict[str, Any]:
    parent = make_organ("测试区政府办公室")
    staff = Staff(make_organ(parent=parent))
    case = make_case(staff, State.CLOSED, answer="granted")
    supervisor = make_user(parent, "supervisor")
    return {"staff": staff, "case": case, "supervisor": supervisor}


def logged(case: Any, user: Any = None) -> list[str]:
    rows = PersonalDataAccess.objects.filter(application=case)
    rows = rows.filter(user=user) if user is not None else rows.filter(user__isnull=True)
    return sorted(rows.values_list("via", flat=True))


def shown(text: str) -> list[str]:
    return [p for p in PERSONAL if p in text]


def test_staff_see_personal_data_and_each_view_is_logged(
    client: Client, world: dict[str, Any]
) -> None:
    officer, case = world["staff"].officer, world["case"]
    client.force_login(officer)
    for _ in range(2):
        html = client.get(f"/office/applications/{case.number}/").content.decode()
        assert shown(html) == list(PERSONAL)
    assert client.get(f"/office/applications/{case.number}/letter.pdf").status_code == 200
    _, token = ApiToken.objects.issue(officer, "测试")
    r = client.get(f"/api/applications/{case.number}", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert r.json()["applicant_name"] == "张三"
    assert logged(case, officer) == ["api", "case_page", "case_page", "letter_pdf"]


def test_supervisors_see_the_case_without_personal_data(
    client: Client, world: dict[str, Any]
) -> None:
    supervisor, case = world["supervisor"], world["case"]
    client.force_login(supervisor)
    page = client.get(f"/office/applications/{case.number}/")
    html = page.content.decode()
    assert page.status_code == 200 and case.number in html
    assert shown(html) == [] and "个人信息仅本机关工作人员可见" in html
    assert "letter.pdf" not in html
    for fmt in ("pdf", "docx"):
        assert client.get(f"/office/applications/{case.number}/letter.{fmt}").status_code == 403
    queue = client.get(f"/office/applications/?organ={case.organ.slug}").content.decode()
    assert case.number not in queue  # closed: not in the queue …
    cell = client.get(
        f"/office/applications/stats/{case.organ.slug}/{case.closed_on.year}/granted/total/"
    ).content.decode()
    assert case.number in cell and shown(cell) == []  # … but reachable from the statistics
    _, token = ApiToken.objects.issue(supervisor, "测试")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    detail = client.get(f"/api/applications/{case.number}", **auth)
    assert detail.status_code == 200 and detail.json()["applicant_name"] is None
    assert shown(detail.content.decode()) == []
    listing = client.get("/api/applications", **auth)
    assert case.number in listing.content.decode() and shown(listing.content.decode()) == []
    assert not PersonalDataAccess.objects.filter(user=supervisor).exists()


def test_private_link_shows_only_its_own_case(client: Client, world: dict[str, Any]) -> None:
    staff = world["staff"]
    mine, my_token = services.submit_online(staff.organ, APPLICANT)
    other, other_token = services.submit_online(
        staff.organ, {**APPLICANT, "applicant_name": "李四", "information": "另一份文件的全文"}
    )
    page = client.get(f"/apply/{mine.number}/?token={my_token}", follow=True)
    html = page.content.decode()
    assert page.status_code == 200 and mine.number in html and "张三" in html
    assert other.number not in html and "李四" not in html
    client = Client()  # a stranger: none of the link's cookie
    for number, token in (
        (mine.number, "wrong"),
        (mine.number, ""),
        (mine.number, other_token),
        (other.number, my_token),
        ("NOPE-2025-00001", my_token),
    ):
        r = client.get(f"/apply/{number}/", {"token": token}, follow=True)
        assert r.status_code == 404 and r.redirect_chain == [], (number, token)
        assert "李四" not in r.content.decode() and "张三" not in r.content.decode()
        api = client.get(f"/api/applications/{number}", {"token": token})
        assert api.status_code == 404 and api.json()["code"] == "not_found"
    assert logged(mine) == ["applicant_link"]
    assert logged(other) == []
