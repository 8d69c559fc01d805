"""The API: public intake and follow-up, staff actions refused with 403/409 in Chinese."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.test import Client

from gongkai.accounts.models import ApiToken
from gongkai.annual import AnnualReport
from gongkai.annual.check import check
from gongkai.applications import services, stats
from gongkai.applications.models import Application, PersonalDataAccess
from gongkai.applications.workflow import State
from gongkai.organs.uscc import check_digit

from .factories import APPLICANT, Staff, make_case

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_rate_limit() -> None:
    cache.clear()


def bearer(user) -> dict[str, str]:  # type: ignore[no-untyped-def]
    _, plain = ApiToken.objects.issue(user, "测试")
    return {"HTTP_AUTHORIZATION": f"Bearer {plain}"}


def test_public_intake_returns_number_and_private_token(client: Client) -> None:
    staff = Staff()
    body = {**APPLICANT, "organ": staff.organ.slug}
    r = client.post("/api/applications", body, content_type="application/json")
    assert r.status_code == 201, r.content
    data = r.json()
    assert data["state"] == "awaiting_confirmation"
    case = Application.objects.get(number=data["number"])
    assert case.received_on is None
    view = client.get(f"/api/applications/{data['number']}?token={data['token']}")
    assert view.status_code == 200
    assert view.json()["applicant_name"] == "张三"
    assert PersonalDataAccess.objects.filter(application=case, via="api_token").count() == 1
    assert client.get(f"/api/applications/{data['number']}?token=wrong").status_code == 404


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (
            "id_number",
            "110105194912310021",
            "居民身份证号码校验位不正确：最后一位应为“X”，输入的是“1”",
        ),
        ("information", "", "此项为必填项"),
        ("postcode", "12345", "邮政编码应为6位数字"),
        ("email", "not-an-email", "请填写有效的电子邮箱地址"),
        ("applicant_type", "alien", "请从列表中选择：“alien”不是可选项"),
    ],
)
def test_intake_rejects_bad_fields_in_chinese_and_stores_nothing(
    client: Client, field: str, value: str, message: str
) -> None:
    staff = Staff()
    body = {**APPLICANT, "organ": staff.organ.slug, field: value}
    r = client.post("/api/applications", body, content_type="application/json")
    assert r.status_code == 400
    assert r.json()["code"] == "invalid"
    assert message in r.json()["errors"][field]
    assert Application.objects.count() == 0


VALID_CODE = "91350100M000100Y43"
BAD_CODE = VALID_CODE[:17] + ("0" if VALID_CODE[-1] != "0" else "1")


def test_an_organisation_must_give_a_valid_credit_code(client: Client) -> None:
    staff = Staff()
    body = {
        **APPLICANT,
        "organ": staff.organ.slug,
        "applicant_type": "commercial",
        "id_type": "uscc",
        "id_number": BAD_CODE,
    }
    r = client.post("/api/applications", body, content_type="application/json")
    assert r.status_code == 400
    expected = check_digit(BAD_CODE[:17])
    assert r.json()["errors"]["id_number"] == [
        f"校验码（第18位）应为“{expected}”，读到“{BAD_CODE[-1]}”，请核对代码是否抄错"
    ]


def test_intake_is_rate_limited_per_address(client: Client) -> None:
    staff = Staff()
    body = {**APPLICANT, "organ": staff.organ.slug}
    codes = [
        client.post("/api/applications", body, content_type="application/json").status_code
        for _ in range(11)
    ]
    assert codes == [201] * 10 + [429]


@pytest.mark.usefixtures("frozen_today")
def test_actions_refused_by_role_or_state_with_chinese_messages(client: Client) -> None:
    staff = Staff()
    case = make_case(staff)
    url = f"/api/applications/{case.number}/actions/draft_reply"
    r = client.post(
        url,
        {"version": case.version, "data": {"answer": "granted"}},
        content_type="application/json",
        **bearer(staff.reviewer),
    )
    assert r.status_code == 403
    assert r.json() == {
        "detail": "当前状态“办理中”下，“拟写答复并提交初审”只能由公开专员办理；您的角色：审核人",
        "code": "role_not_allowed",
        "errors": None,
    }
    r = client.post(
        f"/api/applications/{case.number}/actions/sign_off",
        {"version": case.version},
        content_type="application/json",
        **bearer(staff.head),
    )
    assert (r.status_code, r.json()["detail"]) == (409, "当前状态“办理中”下不能执行“终审签发”")
    ok = client.post(
        url,
        {"version": case.version, "reason": "予以公开", "data": {"answer": "granted"}},
        content_type="application/json",
        **bearer(staff.officer),
    )
    assert ok.status_code == 200 and ok.json()["state"] == State.REVIEW_FIRST
    stale = client.post(
        url,
        {"version": case.version, "data": {"answer": "granted"}},
        content_type="application/json",
        **bearer(staff.officer),
    )
    assert stale.status_code == 409


@pytest.mark.usefixtures("frozen_today")
def test_other_organs_cases_are_not_found(client: Client) -> None:
    case = make_case(Staff())
    stranger = Staff()
    r = client.get(f"/api/applications/{case.number}", **bearer(stranger.officer))
    assert r.status_code == 404
    r = client.get("/api/applications", **bearer(stranger.officer))
    assert r.json() == []


@pytest.mark.parametrize("slash", ["", "/"])
@pytest.mark.usefixtures("frozen_today")
def test_every_path_answers_with_and_without_a_trailing_slash(client: Client, slash: str) -> None:
    staff = Staff()
    body = {**APPLICANT, "organ": staff.organ.slug}
    r = client.post(f"/api/applications{slash}", body, content_type="application/json")
    assert r.status_code == 201, r.content
    number, token = r.json()["number"], r.json()["token"]
    assert client.get(f"/api/applications/{number}{slash}?token={token}").status_code == 200
    officer = bearer(staff.officer)
    listed = client.get(f"/api/applications{slash}", **officer)
    assert [c["number"] for c in listed.json()] == [number]
    case = Application.objects.get(number=number)
    r = client.post(
        f"/api/applications/{number}/actions/confirm{slash}",
        {"version": case.version},
        content_type="application/json",
        **officer,
    )
    assert (r.status_code, r.json()["state"]) == (200, "processing")
    case.refresh_from_db()
    year = case.received_on.year  # the year it was received, not the UTC year of created_at
    r = client.get(f"/api/organs/{staff.organ.slug}/annual-stats/{year}{slash}", **officer)
    assert r.json()["table3"]["received"][6] == 1


def test_documented_paths_are_exactly_those_of_the_issue(client: Client) -> None:
    paths = set(client.get("/api/openapi.json").json()["paths"])
    assert {
        "/api/applications",
        "/api/applications/{number}",
        "/api/applications/{number}/actions/{action}",
        "/api/applications/{number}/withdraw",
        "/api/organs/{code}/annual-stats/{year}",
    } <= paths
    assert not any(p.endswith("/") and "applications" in p for p in paths)


@pytest.mark.usefixtures("frozen_today")
def test_list_filters_by_organ_code_state_and_assignee(client: Client) -> None:
    staff = Staff()
    first = make_case(staff)
    second = make_case(staff, State.REVIEW_FIRST)
    services.assign(first, staff.officer2, staff.officer)
    officer = bearer(staff.officer)

    def numbers(query: str) -> list[str]:
        return [c["number"] for c in client.get(f"/api/applications?{query}", **officer).json()]

    assert sorted(numbers(f"organ={staff.organ.credit_code}")) == sorted(
        [first.number, second.number]
    )
    assert numbers("state=review_first") == [second.number]
    assert numbers("organ=nope") == []
    mine = bearer(staff.officer2)
    assert [c["number"] for c in client.get("/api/applications?mine=1", **mine).json()] == [
        first.number
    ]


@pytest.mark.usefixtures("frozen_today")
def test_annual_stats_endpoint_returns_tables_two_three_and_four(client: Client) -> None:
    from gongkai.disclosure.models import Table2Entry

    staff = Staff()
    case = make_case(staff, State.CLOSED, answer="not_held")
    year = case.closed_on.year
    Table2Entry.objects.create(
        organ=staff.organ,
        year=year,
        licensing=12,
        fees=Decimal("1.5"),
        source="测试",
        updated_by=staff.officer,
    )
    for code in (staff.organ.slug, staff.organ.credit_code):
        r = client.get(f"/api/organs/{code}/annual-stats/{year}", **bearer(staff.officer))
        assert r.status_code == 200
        data = r.json()
        assert data["schema"] == "annual-report/1"
        assert data["table2"]["licensing"] == 12 and data["table2"]["punishment"] is None
        assert data["table2"]["regulations"] == {"made": 0, "repealed": 0, "in_force": 0}
        assert data["table3"]["unavailable.not_held"] == [1, 0, 0, 0, 0, 0, 1]
        assert data["table4"]["reconsideration"]["total"] == 0
        report = AnnualReport.from_dict(data)
        assert report.table2.fees == Decimal("1.5")
        assert [f.code for f in check(report) if f.code.startswith(("T3", "T4"))] == []
    assert (
        client.get(
            f"/api/organs/{staff.organ.slug}/annual-stats/{year}",
            **bearer(Staff().officer),
        ).status_code
        == 404
    )


def test_without_the_disclosure_app_table_two_is_null_with_a_note(
    monkeypatch: pytest.MonkeyPatch, frozen_today: date
) -> None:
    from django.apps import apps

    staff = Staff()
    make_case(staff, State.CLOSED)
    real = apps.is_installed
    monkeypatch.setattr(
        apps, "is_installed", lambda name: name != "gongkai.disclosure" and real(name)
    )
    data = stats.report_dict("测试局", {staff.organ.pk}, frozen_today.year)
    assert data["table2"]["licensing"] is None and data["table2"]["regulations"]["made"] is None
    assert data["notes"] == "表二未计算：未安装主动公开应用（gongkai.disclosure），表二各项留空。"
    assert data["table3"]["handled_total"][6] == 1
