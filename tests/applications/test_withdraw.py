"""The applicant withdraws through the private link: on the page and through the API."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client

from gongkai.applications import lookup, services, stats
from gongkai.applications.models import Application
from gongkai.applications.workflow import State

from .factories import APPLICANT, Staff, make_case

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_today")]


@pytest.fixture(autouse=True)
def _clear_rate_limit() -> None:
    cache.clear()


def with_token(case: Application) -> str:
    """Give a case brought to its state by the factories a private link of its own."""
    token = "applicant-private-token"
    Application.objects.filter(pk=case.pk).update(token_digest=lookup.digest(token))
    return token


def test_api_withdraw_writes_one_event_as_the_applicant(client: Client) -> None:
    staff = Staff()
    body = {**APPLICANT, "organ": staff.organ.slug}
    made = client.post("/api/applications", body, content_type="application/json").json()
    number, token = made["number"], made["token"]
    url = f"/api/applications/{number}/withdraw"

    wrong = client.post(f"{url}?token=wrong", {}, content_type="application/json")
    assert wrong.status_code == 404
    assert Application.objects.get(number=number).state == State.AWAITING_CONFIRMATION

    r = client.post(
        f"{url}?token={token}", {"reason": "已从别处取得"}, content_type="application/json"
    )
    assert r.status_code == 200
    assert (r.json()["state"], r.json()["state_label"]) == ("withdrawn", "已撤回")
    case = Application.objects.get(number=number)
    last = case.events.order_by("seq").last()
    assert (last.action, last.role, last.actor_name, last.reason) == (
        "withdraw",
        "applicant",
        "申请人",
        "已从别处取得",
    )
    assert case.events.filter(action="withdraw").count() == 1

    again = client.post(f"{url}/?token={token}", {}, content_type="application/json")
    assert again.status_code == 409
    assert (again.json()["detail"], again.json()["code"]) == (
        "当前状态“已撤回”下不能执行“撤回申请”",
        "not_allowed_in_state",
    )
    assert case.events.filter(action="withdraw").count() == 1
    # Never received (withdrawn before the organ confirmed it): not in table 三 at all.
    table3 = stats.annual_stats([staff.organ.pk], services.today().year).table3
    assert (table3["received"][-1], table3["handled_total"][-1]) == (0, 0)


def test_api_withdraw_without_reason_records_that_none_was_given(client: Client) -> None:
    case = make_case(Staff(), State.CONSULTING)
    token = with_token(case)
    r = client.post(
        f"/api/applications/{case.number}/withdraw?token={token}",
        {},
        content_type="application/json",
    )
    assert r.status_code == 200
    case.refresh_from_db()
    assert (case.state, case.outcome, case.due_on) == ("withdrawn", "other.other", None)
    assert case.events.order_by("seq").last().reason == "申请人撤回申请（未说明理由）"
    table3 = stats.annual_stats([case.organ_id], services.today().year).table3
    assert (table3["other.other"][-1], table3["handled_total"][-1]) == (1, 1)


def test_api_withdraw_refused_once_the_reply_is_signed_off(client: Client) -> None:
    case = make_case(Staff(), State.APPROVED)
    token = with_token(case)
    r = client.post(
        f"/api/applications/{case.number}/withdraw?token={token}",
        {"reason": "不需要了"},
        content_type="application/json",
    )
    assert r.status_code == 409
    assert r.json()["detail"] == "当前状态“已签发待送达”下不能执行“撤回申请”"
    case.refresh_from_db()
    assert case.state == State.APPROVED


def test_withdraw_on_the_applicants_page_after_confirmation(client: Client) -> None:
    case = make_case(Staff(), State.PROCESSING)
    token = with_token(case)
    follow = f"/apply/{case.number}/"
    page = client.get(f"{follow}?token={token}", follow=True).content.decode()
    assert "撤回申请" in page and f'action="/apply/{case.number}/withdraw/"' in page
    assert token not in page

    confirm = client.get(f"/apply/{case.number}/withdraw/").content.decode()  # by the cookie
    assert "撤回后，本机关将不再办理这件申请" in confirm
    assert f'action="/apply/{case.number}/withdraw/"' in confirm and token not in confirm
    assert Application.objects.get(pk=case.pk).state == State.PROCESSING  # GET changes nothing

    done = client.post(f"/apply/{case.number}/withdraw/", {"reason": "不再需要"}, follow=True)
    text = done.content.decode()
    assert done.redirect_chain == [(follow, 302)]
    assert f"申请{case.number}已撤回，本机关不再办理。" in text
    assert '<dd id="state">已撤回</dd>' in text
    assert f"/apply/{case.number}/withdraw/" not in text  # no button any more
    assert case.events.filter(action="withdraw", role="applicant", reason="不再需要").count() == 1

    late = client.post(f"/apply/{case.number}/withdraw/", {"reason": "再撤一次"})
    assert late.status_code == 409
    assert "当前状态“已撤回”下不能执行“撤回申请”" in late.content.decode()


@pytest.mark.parametrize("method", ["get", "post"])
def test_withdraw_page_needs_the_cases_own_token(client: Client, method: str) -> None:
    staff = Staff()
    case = make_case(staff, State.PROCESSING)
    other = make_case(staff, State.PROCESSING)
    with_token(other)
    r = getattr(client, method)(f"/apply/{case.number}/withdraw/?token=applicant-private-token")
    assert r.status_code == 404
    assert Application.objects.get(pk=case.pk).state == State.PROCESSING
