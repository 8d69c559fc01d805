"""送达 as a record (issue 11): the method, the date and what each method needs; an e-mail
delivery counts only once the mail server accepted it; paper goes to print with its
送达回证. Service, case page, applicant page, print and API."""

from __future__ import annotations

import io
import re
from datetime import date
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from gongkai.applications import delivery, outbox, services
from gongkai.applications.errors import DeliveryFailed, InvalidDelivery
from gongkai.applications.models import Application, CaseEvent, Notice
from gongkai.applications.workflow import State

from .factories import APPLICANT, Staff, make_case
from .notice_cases import configured, pdf_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_today")]

TODAY = date(2025, 6, 16)
SIGNED = date(2025, 6, 10)
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"
BROKEN = "tests.site.broken_mail.Backend"
REFUSED = "ConnectionRefusedError: 邮件服务器拒绝连接"


@pytest.fixture(autouse=True)
def _mail(settings: Any) -> None:
    settings.EMAIL_BACKEND = LOCMEM


def signed(staff: Staff | None = None, **fields: Any) -> Application:
    """A reply signed off on ``SIGNED`` (received a week before), waiting to be served."""
    return make_case(
        staff or configured(), State.APPROVED, received_on=date(2025, 6, 3), on=SIGNED, **fields
    )


def receipt_rows(pdf: bytes) -> dict[str, str]:
    """The 送达回证's table read back from the PDF: label → value (blanks and wrapping
    removed)."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as opened:
        for page in opened.pages:
            if "送达回证" not in (page.extract_text() or ""):
                continue
            [table] = page.extract_tables()
            return {
                re.sub(r"\s", "", str(label)): re.sub(r"\s", "", str(value or ""))
                for label, value in table
            }
    raise AssertionError("PDF中没有送达回证")


def kinds(case: Application) -> list[str]:
    return list(case.events.order_by("seq").values_list("action", flat=True))


def fresh(case: Application) -> Application:
    return Application.objects.get(pk=case.pk)


# ---------------------------------------------------------------------------- e-mail


def test_an_email_accepted_by_the_server_is_delivered_with_its_date() -> None:
    staff = configured()
    case = signed(staff)
    row = delivery.deliver(case, staff.officer, method="email", note="按申请人要求发送")
    assert (row.action, row.on, row.reason) == ("deliver", TODAY, "按申请人要求发送")
    assert row.data == {"method": "email", "to": "zhangsan@example.cn"}
    notice = Notice.objects.get(application=case)
    assert (notice.status, notice.sent_to, notice.method) == (
        "sent",
        "zhangsan@example.cn",
        "email",
    )
    assert kinds(case)[-3:] == ["deliver", "notice", "notice_sent"]
    [message] = mail.outbox
    assert message.to == ["zhangsan@example.cn"]
    assert [a[0] for a in message.attachments] == [f"政府信息公开申请答复告知书-{case.number}.pdf"]
    stored = fresh(case)
    assert (stored.state, stored.closed_on) == (State.CLOSED, TODAY)
    assert case.version == stored.version  # the caller's object is current
    assert outbox.deliver_pending().sent == 0  # never sent a second time


def test_an_email_the_server_refuses_is_not_delivered_and_can_be_sent_again(
    settings: Any,
) -> None:
    staff = configured()
    case = signed(staff)
    before = kinds(case)
    settings.EMAIL_BACKEND = BROKEN
    with pytest.raises(DeliveryFailed) as refused:
        delivery.deliver(case, staff.officer, method="email")
    assert refused.value.message == (
        f"答复告知书的电子邮件未能发出（{REFUSED}），本次送达未记录，申请仍为已签发待送达。"
        "请检查邮箱地址或稍后重新发送，也可以改用其他送达方式。"
    )
    assert kinds(case) == [*before, "delivery_failed"]
    assert not Notice.objects.filter(application=case).exists()
    failed = case.events.get(action="delivery_failed")
    assert (failed.public, failed.label, failed.data["error"]) == (
        False,
        "答复电子邮件送达失败",
        REFUSED,
    )
    assert failed.reason == f"答复告知书发送至zhangsan@example.cn失败：{REFUSED}"
    assert fresh(case).state == State.APPROVED
    events = list(case.events.order_by("seq"))
    shown = delivery.failure(fresh(case), events)
    assert shown is not None and (shown.to, shown.error) == ("zhangsan@example.cn", REFUSED)

    settings.EMAIL_BACKEND = LOCMEM
    delivery.deliver(case, staff.officer, method="email")
    assert kinds(case)[-4:] == ["delivery_failed", "deliver", "notice", "notice_sent"]
    assert fresh(case).state == State.CLOSED
    assert Notice.objects.get(application=case).status == Notice.Status.SENT
    assert delivery.failure(fresh(case), list(case.events.order_by("seq"))) is None


def test_the_case_page_shows_the_failure_and_retries(client: Client, settings: Any) -> None:
    staff = configured()
    case = signed(staff)
    client.force_login(staff.officer)
    url = f"/office/applications/{case.number}/"
    settings.EMAIL_BACKEND = BROKEN
    r = client.post(
        f"{url}actions/deliver/",
        {"version": case.version, "method": "email", "on": "2025-06-16", "note": "第一次"},
        follow=True,
    )
    html = r.content.decode()
    assert "答复告知书的电子邮件未能发出" in html
    assert 'id="delivery-failure"' in html and "重新发送" in html and REFUSED in html
    assert fresh(case).state == State.APPROVED
    retry = html.split('id="delivery-failure"')[1].split("</form>")[0]
    assert 'name="method" value="email"' in retry and 'value="第一次"' in retry

    settings.EMAIL_BACKEND = LOCMEM
    version = fresh(case).version
    r = client.post(
        f"{url}actions/deliver/",
        {"version": version, "method": "email", "on": "2025-06-16", "note": "第一次"},
        follow=True,
    )
    html = r.content.decode()
    assert "已办理：送达答复" in html and 'id="delivery-failure"' not in html
    assert fresh(case).state == State.CLOSED
    assert "送达方式：电子邮件；发送至：zhangsan@example.cn" in html  # the timeline


def test_the_api_answers_502_when_the_server_refuses(client: Client, settings: Any) -> None:
    from .test_api import bearer

    staff = configured()
    case = signed(staff)
    settings.EMAIL_BACKEND = BROKEN
    r = client.post(
        f"/api/applications/{case.number}/actions/deliver",
        {"version": case.version, "data": {"method": "email"}},
        content_type="application/json",
        **bearer(staff.officer),
    )
    assert r.status_code == 502 and r.json()["code"] == "delivery_failed"
    assert fresh(case).state == State.APPROVED


# ---------------------------------------------------------------------------- the details

DETAIL_CASES: list[tuple[str, dict[str, Any], dict[str, Any], dict[str, str]]] = [
    (
        "post without tracking number",
        {},
        {"method": "post"},
        {"tracking": "以邮寄方式送达的，请填写快递或挂号单号"},
    ),
    (
        "post with a tracking number that is not one",
        {},
        {"method": "post", "tracking": "寄了"},
        {"tracking": "快递或挂号单号应为6至40位字母或数字（可含“-”），收到“寄了”"},
    ),
    (
        "collect without recipient",
        {},
        {"method": "collect"},
        {"recipient": "当面领取的，请填写签收人姓名"},
    ),
    (
        "other without description",
        {},
        {"method": "other"},
        {"note": "选择“其他”送达方式的，请在说明中写明如何送达（如传真、委托送达）"},
    ),
    (
        "email without an address",
        {"email": "", "delivery_method": "post"},
        {"method": "email"},
        {"method": "申请人没有留电子邮箱，不能以电子邮件送达；请选择其他送达方式"},
    ),
    (
        "unknown method",
        {},
        {"method": "pigeon"},
        {"method": "送达方式应为电子邮件、网上查看、邮寄、当面领取、其他之一，收到“pigeon”"},
    ),
    (
        "in the future",
        {},
        {"method": "collect", "recipient": "张三", "on": date(2025, 6, 17)},
        {"on": "送达日期2025-06-17不能晚于今天（2025-06-16）"},
    ),
    (
        "before the sign-off",
        {},
        {"method": "collect", "recipient": "张三", "on": date(2025, 6, 9)},
        {"on": "送达日期2025-06-09不能早于上一条办理记录（终审签发，2025-06-10）"},
    ),
    (
        "an e-mail on another day",
        {},
        {"method": "email", "on": SIGNED},
        {"on": "以电子邮件送达的，送达日期为邮件发出之日，即今天（2025-06-16）"},
    ),
    (
        "online on another day",
        {},
        {"method": "online", "on": SIGNED},
        {"on": "网上查看的，送达日期为答复在查询页面公布之日，即今天（2025-06-16）"},
    ),
]


@pytest.mark.parametrize(
    ("fields", "given", "errors"),
    [c[1:] for c in DETAIL_CASES],
    ids=[c[0] for c in DETAIL_CASES],
)
def test_each_refused_detail_names_its_field_and_nothing_is_stored(
    fields: dict[str, Any], given: dict[str, Any], errors: dict[str, str]
) -> None:
    staff = configured()
    case = signed(staff, **fields)
    before = kinds(case)
    with pytest.raises(InvalidDelivery) as refused:
        delivery.deliver(case, staff.officer, **given)
    assert refused.value.errors == errors
    assert kinds(case) == before and not Notice.objects.filter(application=case).exists()
    assert fresh(case).state == State.APPROVED


def test_post_without_tracking_number_is_refused_on_the_page_with_the_typed_values(
    client: Client,
) -> None:
    staff = configured()
    case = signed(staff)
    before = kinds(case)
    client.force_login(staff.officer)
    r = client.post(
        f"/office/applications/{case.number}/actions/deliver/",
        {"version": case.version, "method": "post", "on": "2025-06-12", "note": "挂号信"},
    )
    assert r.status_code == 400
    html = r.content.decode()
    form = html.split('id="act-deliver"')[1].split("</form>")[0]
    assert "以邮寄方式送达的，请填写快递或挂号单号" in form
    assert '<option value="post" selected>' in form and 'value="2025-06-12"' in form
    assert "挂号信</textarea>" in form
    assert kinds(case) == before and not Notice.objects.filter(application=case).exists()


def test_a_stale_page_is_a_conflict_before_the_details(client: Client) -> None:
    staff = configured()
    case = signed(staff)
    client.force_login(staff.officer)
    stale = case.version - 1
    r = client.post(
        f"/office/applications/{case.number}/actions/deliver/",
        {"version": stale, "method": "post"},
        follow=True,
    )
    assert f"已被他人更新（您看到的是第{stale}版）" in r.content.decode()
    with pytest.raises(Exception) as refused:
        case.version = stale
        delivery.deliver(case, staff.officer, method="post")
    assert getattr(refused.value, "code", "") == "conflict"


# ---------------------------------------------------------------------------- online, post, collect


def test_online_is_delivered_at_once_and_emailed_when_there_is_an_address() -> None:
    staff = configured()
    with_address = signed(staff, delivery_method="online")
    without = signed(staff, delivery_method="online", email="")
    for case in (with_address, without):
        delivery.deliver(case, staff.officer)
        assert fresh(case).state == State.CLOSED
        assert case.events.get(action="deliver").data == {"method": "online"}
    assert Notice.objects.get(application=with_address).status == Notice.Status.PENDING
    assert Notice.objects.get(application=without).status == Notice.Status.DELIVERED
    assert mail.outbox == []
    summary = outbox.deliver_pending()
    assert (summary.sent, summary.to_print) == (1, 0)  # the one with an address, by e-mail
    assert mail.outbox[0].to == ["zhangsan@example.cn"]


def test_post_goes_to_print_with_the_receipt_of_service_and_the_envelope() -> None:
    staff = configured()
    case = signed(staff, delivery_method="post")
    row = delivery.deliver(
        case, staff.officer, method="post", tracking=" xa 1234 5678 9cn", on=SIGNED
    )
    assert (row.on, row.data) == (SIGNED, {"method": "post", "tracking": "XA123456789CN"})
    notice = Notice.objects.get(application=case)
    assert (notice.method, outbox.route(notice)) == ("post", outbox.PRINT)
    printed = outbox.print_notices([case], staff.officer)
    text = pdf_text(printed.pdf)
    assert "政府信息公开申请答复告知书" in text and "送达回证" in text
    assert receipt_rows(printed.pdf) == {
        "受送达人": "张三",
        "送达文书": f"政府信息公开申请答复告知书（{notice.document_number}）",
        "申请编号": case.number,
        "送达方式": "邮寄（快递或挂号单号：XA123456789CN）",
        "送达地址": "测试市测试路1号（邮政编码100000）",
        "寄出日期": "2025年6月10日",
        "签收日期": "年月日",
        "签收人（签名）": "",
        "送达人": staff.officer.get_username(),
        "备注": "",
    }
    envelope = text.split("邮寄信封", 1)[1].replace(" ", "")
    for expected in (
        "100000",
        "测试市测试路1号",
        "张三收",
        f"申请编号：{case.number}",
        "快递或挂号单号：XA123456789CN",
        f"寄件人：{staff.organ.name}测试区发展和改革局政府信息公开办公室",
        "地址：测试市测试路8号",
        "邮政编码：100001",
    ):
        assert expected in envelope, expected
    assert "11010519491231002X" not in text


def test_collection_prints_the_receipt_with_the_recipient_and_the_staff_pdf_has_it(
    client: Client,
) -> None:
    staff = configured()
    case = signed(staff, delivery_method="collect")
    delivery.deliver(case, staff.officer, method="collect", recipient="李四（受托人）")
    notice = Notice.objects.get(application=case)
    client.force_login(staff.officer)
    pdf = client.get(f"/office/applications/{case.number}/notices/{notice.pk}.pdf").content
    rows = receipt_rows(pdf)
    assert (rows["送达方式"], rows["领取人"]) == ("当面领取", "李四（受托人）")
    assert (rows["送达地点"], rows["送达日期"]) == ("测试市测试路8号", "2025年6月16日")
    assert "邮寄信封" not in pdf_text(pdf)


def test_other_is_recorded_as_described_and_the_notice_is_served() -> None:
    staff = configured()
    case = signed(staff)
    row = delivery.deliver(case, staff.officer, method="other", note="经申请人同意以传真送达")
    assert (row.reason, row.data) == ("经申请人同意以传真送达", {"method": "other"})
    notice = Notice.objects.get(application=case)
    assert (notice.method, notice.status) == ("other", Notice.Status.DELIVERED)
    [receipt, *_] = delivery.sheets_for(notice)
    assert ("送达方式", "其他（经申请人同意以传真送达）") in receipt.rows


def test_the_timeline_and_the_applicant_page_show_how_it_was_served(client: Client) -> None:
    staff = configured()
    case, token = services.register(
        staff.organ,
        {**APPLICANT, "delivery_method": "post"},
        staff.officer,
        channel="letter",
        received_on=date(2025, 6, 3),
    )
    for event, who, data in (
        ("draft_reply", staff.officer, {"answer": "granted"}),
        ("approve_first", staff.reviewer, {}),
        ("approve_second", staff.reviewer2, {}),
        ("sign_off", staff.head, {}),
    ):
        services.apply(case, event, who, "现予提供", data=data, on=SIGNED)
    delivery.deliver(case, staff.officer, method="post", tracking="XA123456789CN")
    client.force_login(staff.officer)
    officer = client.get(f"/office/applications/{case.number}/").content.decode()
    timeline = officer.split('id="timeline"')[1]
    assert "送达方式：邮寄；快递或挂号单号：XA123456789CN" in timeline
    client.logout()
    page = client.get(f"/apply/{case.number}/?token={token}", follow=True).content.decode()
    assert "送达答复（送达方式：邮寄；快递或挂号单号：XA123456789CN）" in page
    assert "11010519491231002X" not in page


def test_apply_keeps_working_for_other_callers_with_the_applicants_method() -> None:
    staff = configured()
    case = make_case(staff, State.CLOSED, delivery_method="collect")
    deliver = case.events.get(action="deliver")
    assert deliver.data == {"method": "collect"}
    notice = Notice.objects.get(application=case)
    assert (notice.method, notice.status) == ("collect", Notice.Status.PENDING)


# ---------------------------------------------------------------------------- API


def test_the_api_delivers_with_the_documented_data_keys(client: Client) -> None:
    from .test_api import bearer

    staff = configured()
    case = signed(staff, delivery_method="post")
    url = f"/api/applications/{case.number}/actions/deliver"
    r = client.post(
        url,
        {"version": case.version, "data": {"method": "post"}},
        content_type="application/json",
        **bearer(staff.officer),
    )
    assert r.status_code == 400
    assert r.json() == {
        "detail": "快递或挂号单号：以邮寄方式送达的，请填写快递或挂号单号",
        "code": "invalid_input",
        "errors": {"tracking": ["以邮寄方式送达的，请填写快递或挂号单号"]},
    }
    r = client.post(
        url,
        {"version": case.version, "data": {"method": "post", "tracking_no": "1"}},
        content_type="application/json",
        **bearer(staff.officer),
    )
    assert r.status_code == 400 and list(r.json()["errors"]) == ["tracking_no"]
    r = client.post(
        url,
        {
            "version": case.version,
            "data": {"method": "post", "on": "2025-06-12", "tracking": "XA123456789CN"},
            "reason": "挂号信寄出",
        },
        content_type="application/json",
        **bearer(staff.officer),
    )
    assert r.status_code == 200, r.json()
    assert (r.json()["state"], r.json()["closed_on"]) == ("closed", "2025-06-12")
    assert r.json()["version"] == fresh(case).version
    row = CaseEvent.objects.get(application=case, action="deliver")
    assert (row.on, row.reason, row.data) == (
        date(2025, 6, 12),
        "挂号信寄出",
        {"method": "post", "tracking": "XA123456789CN"},
    )
