"""An applicant who gave a mobile number finds the case by number + last 4 of the ID document."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from gongkai.applications import lookup, services
from gongkai.applications.models import Application

from .factories import APPLICANT, Staff

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_today")]

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')
NOT_FOUND = "未找到该申请：请核对申请编号和证件号码后四位（仅限申请时填写了手机号码的申请）"


def submitted(**fields: str) -> Application:
    """An online application (APPLICANT's ID number ends in 002X, phone 13800000000)."""
    case, _ = services.submit_online(Staff().organ, {**APPLICANT, **fields})
    return case


@pytest.mark.parametrize(
    "phone",
    ["13800000000", "19912345678", "138 0000 0000", "138-0000-0000", "+86 138 0000 0000"],
)
def test_a_mobile_number_on_file_allows_the_id_tail(phone: str) -> None:
    case = submitted(phone=phone)
    for tail in ("002X", "002x", " 002X ", "００２Ｘ"):
        assert lookup.case_for_id_tail(case.number, tail) == case, tail
    assert lookup.case_for_id_tail(case.number.lower(), "002x") == case


@pytest.mark.parametrize(
    "phone", ["", "010-12345678", "12800000000", "1380000000", "138000000001", "电话未填"]
)
def test_without_a_mobile_number_the_tail_finds_nothing(phone: str) -> None:
    case = submitted(phone=phone)
    assert lookup.case_for_id_tail(case.number, "002X") is None
    assert lookup.has_mobile(phone) is False


@pytest.mark.parametrize("tail", ["", "002", "02X", "0002X", "1234", "X200", "002Y", "\x00" * 4])
def test_a_wrong_tail_finds_nothing(tail: str) -> None:
    case = submitted()
    assert lookup.case_for_id_tail(case.number, tail) is None


def test_a_passport_number_ends_in_letters_or_digits_alike() -> None:
    case = submitted(id_type="passport", id_number="E12345ab")
    assert lookup.case_for_id_tail(case.number, "45AB") == case
    assert lookup.case_for_id_tail("FGJ-2099-99999", "45AB") is None


def test_the_page_offers_both_ways_clearly_labelled(client: Client) -> None:
    page = client.get("/apply/status/").content.decode()
    assert "<legend>查询方式（任选一种）</legend>" in page
    assert 'name="way" value="code" id="way-code" checked> 凭查询码查询</label>' in page
    assert 'name="way" value="id_tail" id="way-id-tail"> 凭证件号码后四位查询</label>' in page
    assert '<label for="code">查询码</label>' in page
    assert '<label for="id_tail">证件号码后四位</label>' in page


def test_number_and_tail_open_the_case_in_this_browser(client: Client) -> None:
    case = submitted()
    assert client.get(f"/apply/{case.number}/").status_code == 404
    r = client.post("/apply/status/", {"number": case.number, "way": "id_tail", "id_tail": "002x"})
    assert r.status_code == 302 and r["Location"] == f"/apply/{case.number}/"
    page = client.get(r["Location"]).content.decode()
    assert "待确认（网上申请）" in page and "张三" in page


def test_only_the_tail_filled_in_is_used_whichever_way_is_ticked(client: Client) -> None:
    case = submitted()
    r = client.post("/apply/status/", {"number": case.number, "way": "code", "id_tail": "002X"})
    assert r.status_code == 302


def test_every_wrong_pair_gets_the_same_answer(client: Client) -> None:
    with_mobile = submitted()
    landline = submitted(phone="010-12345678")
    answers = set()
    for number, tail in (
        (with_mobile.number, "1234"),  # wrong tail
        (with_mobile.number, ""),  # no tail
        (landline.number, "002X"),  # right tail, no mobile number on file
        ("FGJ-2099-99999", "002X"),  # no such number
        ("", "002X"),
    ):
        r = Client().post("/apply/status/", {"number": number, "way": "id_tail", "id_tail": tail})
        body = CSRF.sub("", r.content.decode())
        answers.add((r.status_code, body.count(NOT_FOUND), body.replace(f'value="{number}"', "")))
    assert len(answers) == 1
    status, shown, _ = answers.pop()
    assert (status, shown) == (404, 1)


def test_the_tail_shares_the_lookup_rate_limit(client: Client) -> None:
    case = submitted()
    for i in range(10):
        client.post("/apply/status/", {"number": case.number, "code": "AAAA-AAAA"})
        client.post(
            "/apply/status/", {"number": case.number, "way": "id_tail", "id_tail": f"{i:04d}"}
        )
    r = client.post("/apply/status/", {"number": case.number, "way": "id_tail", "id_tail": "002X"})
    assert r.status_code == 429 and "查询过于频繁" in r.content.decode()
    assert client.get(f"/apply/{case.number}/").status_code == 404
