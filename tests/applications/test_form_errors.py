"""Every field of the public form, the staff registration form and the action forms rejects
bad input with its exact Chinese message, and nothing is stored half-way."""

from __future__ import annotations

from datetime import date
from html import unescape
from typing import Any

import pytest
from django.test import Client

from gongkai.applications import services
from gongkai.applications.models import Appeal, Application, CaseEvent, NumberSequence
from gongkai.applications.workflow import State
from gongkai.organs.uscc import check_digit

from .factories import APPLICANT, Staff, credit_code, make_case

pytestmark = pytest.mark.django_db

TODAY = date(2025, 9, 26)
USCC = credit_code(4242)
WRONG_USCC = USCC[:17] + next(c for c in "0123456789" if c != USCC[17])
ORGANISATION = {"applicant_type": "commercial", "id_type": "uscc", "id_number": USCC}


@pytest.fixture(autouse=True)
def _today(travel: Any) -> None:
    travel(TODAY)


def page_text(response: Any) -> str:
    return unescape(response.content.decode())


APPLICANT_CASES: list[tuple[str, dict[str, Any], str]] = [
    ("organ empty", {"organ": ""}, "此项为必填项"),
    ("organ unknown", {"organ": "999999"}, "请选择受理机关"),
    ("type unknown", {"applicant_type": "alien"}, "请从列表中选择：“alien”不是可选项"),
    ("name empty", {"applicant_name": ""}, "此项为必填项"),
    ("name too long", {"applicant_name": "张" * 201}, "不能超过200个字（已输入201个）"),
    ("id type unknown", {"id_type": "card"}, "请从列表中选择：“card”不是可选项"),
    ("id empty", {"id_number": ""}, "此项为必填项"),
    ("id too long", {"id_number": "1" * 41}, "不能超过40个字（已输入41个）"),
    ("id length", {"id_number": "1101051949"}, "居民身份证号码应为18位，输入的是10位"),
    (
        "id shape",
        {"id_number": "01010519491231002X"},
        "居民身份证号码应为17位数字加1位数字或X，且首位不能为0",
    ),
    (
        "id birth date",
        {"id_number": "110105194902300021"},
        "居民身份证号码中的出生日期“19490230”不是有效日期",
    ),
    (
        "id check digit",
        {"id_number": "110105194912310021"},
        "居民身份证号码校验位不正确：最后一位应为“X”，输入的是“1”",
    ),
    (
        "person with a USCC",
        {"id_type": "uscc", "id_number": USCC},
        "自然人应提供居民身份证、护照或其他有效身份证件",
    ),
    (
        "organisation with an ID card",
        {"applicant_type": "commercial"},
        "法人或其他组织应提供统一社会信用代码",
    ),
    (
        "USCC check digit",
        {**ORGANISATION, "id_number": WRONG_USCC},
        f"校验码（第18位）应为“{check_digit(USCC[:17])}”，读到“{WRONG_USCC[17]}”，请核对代码是否抄错",
    ),
    ("USCC length", {**ORGANISATION, "id_number": "9135"}, "统一社会信用代码应为18位，读到4位"),
    ("phone", {"phone": "12ab"}, "联系电话应为7至20位数字（可含 +、-）"),
    ("phone too long", {"phone": "1" * 21}, "联系电话应为7至20位数字（可含 +、-）"),
    ("e-mail", {"email": "zhangsan@"}, "请填写有效的电子邮箱地址"),
    ("e-mail too long", {"email": "a" * 250 + "@example.cn"}, "电子邮箱地址不能超过254个字符"),
    ("address too long", {"address": "路" * 301}, "不能超过300个字（已输入301个）"),
    ("postcode", {"postcode": "10000"}, "邮政编码应为6位数字"),
    ("information empty", {"information": ""}, "此项为必填项"),
    ("information short", {"information": "文件"}, "请具体描述所需的政府信息（至少4个字）"),
    ("information too long", {"information": "文" * 4001}, "描述不能超过4000字"),
    ("document number", {"document_number": "号" * 101}, "不能超过100个字（已输入101个）"),
    ("provision form", {"provision_form": "fax"}, "请从列表中选择：“fax”不是可选项"),
    ("delivery method", {"delivery_method": "pigeon"}, "请从列表中选择：“pigeon”不是可选项"),
    (
        "no contact",
        {"phone": "", "email": "", "address": "", "delivery_method": "collect"},
        "请至少填写一种联系方式（电话、电子邮箱或通信地址）",
    ),
    (
        "e-mail delivery without e-mail",
        {"email": "", "delivery_method": "email"},
        "选择以电子邮件获取的，请填写电子邮箱",
    ),
    (
        "post without address",
        {"address": "", "delivery_method": "post"},
        "选择邮寄的，请填写通信地址",
    ),
]


@pytest.mark.parametrize(
    ("change", "message"),
    [c[1:] for c in APPLICANT_CASES],
    ids=[c[0] for c in APPLICANT_CASES],
)
def test_public_form_field_errors(client: Client, change: dict[str, Any], message: str) -> None:
    staff = Staff()
    r = client.post("/apply/", {**APPLICANT, "organ": staff.organ.pk, **change})
    assert r.status_code == 200
    assert message in page_text(r)
    assert not Application.objects.exists() and not NumberSequence.objects.exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [c[1:] for c in APPLICANT_CASES if c[0] != "organ unknown"],
    ids=[c[0] for c in APPLICANT_CASES if c[0] != "organ unknown"],
)
def test_public_api_field_errors(client: Client, change: dict[str, Any], message: str) -> None:
    staff = Staff()
    body = {**APPLICANT, "organ": staff.organ.slug, **change}
    r = client.post("/api/applications", body, content_type="application/json")
    assert r.status_code == 400
    found = [m for messages in r.json()["errors"].values() for m in messages]
    assert message in found
    assert not Application.objects.exists()


REGISTER_CASES: list[tuple[str, dict[str, Any], str]] = [
    ("channel empty", {"channel": ""}, "此项为必填项"),
    ("channel online", {"channel": "online"}, "请从列表中选择：“online”不是可选项"),
    ("received empty", {"received_on": ""}, "此项为必填项"),
    ("received impossible", {"received_on": "2025-02-30"}, "请填写有效日期，如2025-03-01"),
    ("received garbled", {"received_on": "昨天"}, "请填写有效日期，如2025-03-01"),
    (
        "received in the future",
        {"received_on": "2025-09-27"},
        "收到申请日期2025-09-27不能晚于今天（2025-09-26）",
    ),
    ("basis unknown", {"receipt_basis": "guess"}, "请从列表中选择：“guess”不是可选项"),
    (
        "id check digit",
        {"id_number": "110105194912310021"},
        "居民身份证号码校验位不正确：最后一位应为“X”，输入的是“1”",
    ),
    (
        "USCC check digit",
        {**ORGANISATION, "id_number": WRONG_USCC},
        f"校验码（第18位）应为“{check_digit(USCC[:17])}”，读到“{WRONG_USCC[17]}”，请核对代码是否抄错",
    ),
    ("phone", {"phone": "电话"}, "联系电话应为7至20位数字（可含 +、-）"),
    ("e-mail", {"email": "@example.cn"}, "请填写有效的电子邮箱地址"),
    ("name empty", {"applicant_name": " "}, "此项为必填项"),
]


@pytest.mark.parametrize(
    ("change", "message"),
    [c[1:] for c in REGISTER_CASES],
    ids=[c[0] for c in REGISTER_CASES],
)
def test_registration_field_errors(client: Client, change: dict[str, Any], message: str) -> None:
    staff = Staff()
    client.force_login(staff.officer)
    body = {**APPLICANT, "organ": staff.organ.pk, "channel": "letter", "received_on": "2025-09-26"}
    r = client.post("/office/applications/register/", {**body, **change})
    assert r.status_code == 200
    assert message in page_text(r)
    assert not Application.objects.exists() and not NumberSequence.objects.exists()


ACTION_CASES: list[tuple[str, str, dict[str, Any], str]] = [
    (
        "version missing",
        "withdraw",
        {"version": "", "reason": "撤回"},
        "页面缺少版本号，请刷新后重试",
    ),
    (
        "extension over 20 days",
        "request_extension",
        {"workdays": "21", "reason": "需调档"},
        "延长的工作日数：延长期限最长不得超过20个工作日",
    ),
    (
        "extension of 0 days",
        "request_extension",
        {"workdays": "0", "reason": "需调档"},
        "延长的工作日数：延长期限至少1个工作日",
    ),
    (
        "extension not a number",
        "request_extension",
        {"workdays": "二十", "reason": "需调档"},
        "延长的工作日数：请填写整数",
    ),
    (
        "extension without reason",
        "request_extension",
        {"workdays": "10"},
        "“申请延期答复”需要填写理由或说明",
    ),
    (
        "fee units negative",
        "send_fee_notice",
        {"method": "per_page", "units": "-5"},
        "计费数量（件或页）：计费数量不能为负数",
    ),
    (
        "fee earlier negative",
        "send_fee_notice",
        {"method": "per_item", "units": "3", "earlier": "-1"},
        "本月此前已申请件数：本月此前已申请件数不能为负数",
    ),
    (
        "fee units missing",
        "send_fee_notice",
        {"method": "per_page"},
        "请填写计费数量",
    ),
    (
        "fee method unknown",
        "send_fee_notice",
        {"method": "per_kilo", "units": "3"},
        "收费方式：请选择按件计收或按量计收",
    ),
    (
        "correction without points",
        "request_correction",
        {"reason": "不明确"},
        "补正通知应一次性列明需要补正的全部事项，至少一项",
    ),
    (
        "correction date impossible",
        "request_correction",
        {"reason": "不明确", "points": "年份", "reply_by": "2025-10-32"},
        "补正期限（不填则为15个工作日）：请填写有效日期，如2025-03-01",
    ),
    (
        "correction date in the past",
        "request_correction",
        {"reason": "不明确", "points": "年份", "reply_by": "2025-09-25"},
        "补正期限应晚于通知日期2025-09-26",
    ),
    (
        "consulted party unknown",
        "open_consultation",
        {"reason": "涉及第三方", "party": "neighbour"},
        "征求意见对象：请选择第三方或其他行政机关",
    ),
    (
        "consulted party too long",
        "open_consultation",
        {"reason": "涉及第三方", "party": "third_party", "name": "公" * 201},
        "征求意见对象名称：不能超过200个字（已输入201个）",
    ),
    (
        "answer unknown",
        "draft_reply",
        {"answer": "maybe"},
        "答复类型：请从列表中选择答复类型",
    ),
    ("answer missing", "draft_reply", {}, "请选择答复类型"),
    ("reason too long", "withdraw", {"reason": "撤" * 4001}, "不能超过4000个字（已输入4001个）"),
]


@pytest.mark.parametrize(
    ("action", "fields", "message"),
    [c[1:] for c in ACTION_CASES],
    ids=[c[0] for c in ACTION_CASES],
)
def test_action_field_errors(
    client: Client, action: str, fields: dict[str, Any], message: str
) -> None:
    staff = Staff()
    case = make_case(staff, received_on=TODAY)
    before = list(CaseEvent.objects.values_list("id", flat=True))
    client.force_login(staff.officer)
    r = client.post(
        f"/office/applications/{case.number}/actions/{action}/",
        {"version": case.version, **fields},
        follow=True,
    )
    assert message in page_text(r)
    assert list(CaseEvent.objects.values_list("id", flat=True)) == before
    case.refresh_from_db()
    assert (case.state, case.version) == (State.PROCESSING, len(before))


APPEAL_CASES: list[tuple[str, dict[str, Any], str]] = [
    ("kind empty", {"kind": ""}, "类型：此项为必填项"),
    ("kind unknown", {"kind": "petition"}, "类型：请从列表中选择：“petition”不是可选项"),
    ("lodged empty", {"lodged_on": ""}, "提起日期：此项为必填项"),
    ("lodged impossible", {"lodged_on": "2025-09-31"}, "提起日期：请填写有效日期，如2025-03-01"),
    (
        "lodged in the future",
        {"lodged_on": "2025-09-27"},
        "提起日期：提起日期2025-09-27不能晚于今天",
    ),
    (
        "lodged before receipt",
        {"lodged_on": "2025-09-01"},
        "提起日期2025-09-01早于收到申请日期2025-09-26",
    ),
    ("body too long", {"body": "院" * 201}, "复议机关或法院：不能超过200个字（已输入201个）"),
]


@pytest.mark.parametrize(
    ("change", "message"), [c[1:] for c in APPEAL_CASES], ids=[c[0] for c in APPEAL_CASES]
)
def test_appeal_field_errors(client: Client, change: dict[str, Any], message: str) -> None:
    staff = Staff()
    case = make_case(staff, State.CLOSED, received_on=TODAY)
    events = CaseEvent.objects.count()
    client.force_login(staff.officer)
    body = {"kind": "reconsideration", "lodged_on": "2025-09-26", "body": "示范区人民政府"}
    r = client.post(f"/office/applications/{case.number}/appeals/", {**body, **change}, follow=True)
    assert message in page_text(r)
    assert not Appeal.objects.exists() and CaseEvent.objects.count() == events


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"outcome": "won", "decided_on": "2025-09-26"},
            "请选择复议或诉讼结果：结果维持、结果纠正或其他结果",
        ),
        ({"outcome": "upheld", "decided_on": "2025-02-29"}, "审结日期应为有效日期，如2025-03-01"),
        ({"outcome": "upheld", "decided_on": ""}, "审结日期应为有效日期，如2025-03-01"),
        ({"outcome": "upheld", "decided_on": "2025-09-27"}, "审结日期2025-09-27不能晚于今天"),
        (
            {"outcome": "upheld", "decided_on": "2025-09-25"},
            "审结日期2025-09-25早于提起日期2025-09-26",
        ),
    ],
    ids=["outcome unknown", "impossible date", "no date", "future", "before lodging"],
)
def test_appeal_decision_errors(client: Client, fields: dict[str, str], message: str) -> None:
    staff = Staff()
    case = make_case(staff, State.CLOSED, received_on=TODAY)
    appeal = services.lodge_appeal(
        case, staff.officer, kind="reconsideration", lodged_on=TODAY, body=""
    )
    events = CaseEvent.objects.count()
    client.force_login(staff.officer)
    r = client.post(f"/office/applications/{case.number}/appeals/{appeal.pk}/", fields, follow=True)
    assert message in page_text(r)
    appeal.refresh_from_db()
    assert (appeal.outcome, appeal.decided_on) == ("", None)
    assert CaseEvent.objects.count() == events
