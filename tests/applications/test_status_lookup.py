"""The applicant finds the case again by number and 查询码 when the private link is lost."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client

from gongkai.applications import lookup, services

from .factories import APPLICANT, Staff

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_today")]


@pytest.fixture(autouse=True)
def _clear_rate_limit() -> None:
    cache.clear()


def submit(client: Client) -> tuple[str, str]:
    """Apply through the form; the confirmation shows the number and the 查询码."""
    staff = Staff()
    client.post("/apply/", {**APPLICANT, "organ": staff.organ.pk})
    html = client.get("/apply/done/").content.decode()
    number = html.split('id="number">')[1].split("<")[0]
    code = html.split('id="code">')[1].split("<")[0]
    return number, code


def test_number_and_code_open_the_case_in_this_browser(client: Client) -> None:
    number, code = submit(client)
    assert len(code) == 9 and code[4] == "-"
    browser = Client()  # another browser: the link is lost
    assert browser.get(f"/apply/{number}/").status_code == 404
    r = browser.post("/apply/status/", {"number": number.lower(), "code": code.lower()})
    assert r.status_code == 302 and r["Location"] == f"/apply/{number}/"
    page = browser.get(r["Location"]).content.decode()
    assert "待确认（网上申请）" in page and "张三" in page
    assert browser.get(f"/apply/{number}/withdraw/").status_code == 200
    assert Client().get(f"/apply/{number}/withdraw/").status_code == 404


def test_every_wrong_pair_gets_the_same_answer(client: Client) -> None:
    number, code = submit(client)
    _, other_code = submit(Client())
    answers = []
    for pair in (
        (number, "AAAA-AAAA"),
        (number, other_code),
        ("FGJ-2099-99999", code),
        (number, ""),
    ):
        r = Client().post("/apply/status/", {"number": pair[0], "code": pair[1]})
        answers.append(
            (r.status_code, "未找到该申请：请核对申请编号和查询码" in r.content.decode())
        )
    assert answers == [(404, True)] * 4


def test_lookups_are_rate_limited_per_address(client: Client) -> None:
    number, code = submit(client)
    browser = Client()
    for _ in range(20):
        browser.post("/apply/status/", {"number": number, "code": "AAAA-AAAA"})
    r = browser.post("/apply/status/", {"number": number, "code": code})
    assert r.status_code == 429 and "查询过于频繁" in r.content.decode()


def test_registered_cases_have_a_code_too() -> None:
    staff = Staff()
    case, token = services.register(
        staff.organ, APPLICANT, staff.officer, channel="letter", received_on=services.today()
    )
    assert lookup.case_for_lookup(case.number, lookup.lookup_code(token)) == case
    assert lookup.case_for_lookup(case.number, "ABCD-EFGH") is None


def test_a_shared_computer_forgets_after_half_an_hour(client: Client) -> None:
    number, code = submit(client)
    found = client.post("/apply/status/", {"number": number, "code": code})
    assert found.status_code == 302
    assert "no-store" in client.get("/apply/done/")["Cache-Control"]
    assert "no-store" in client.get(f"/apply/{number}/")["Cache-Control"]
    with time_machine.travel(timedelta(minutes=31)):  # the same browser, half an hour later
        later = client.get("/apply/done/", follow=True)
        assert later.redirect_chain == [("/apply/", 302)]
        assert client.get(f"/apply/{number}/").status_code == 404
