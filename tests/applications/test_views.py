"""The pages: public form, registration, queue, case page and actions, letters, statistics."""

from __future__ import annotations

import io
import json
from datetime import date
from typing import Any

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client

from gongkai.applications.models import Application, CaseEvent, PersonalDataAccess
from gongkai.applications.workflow import State
from gongkai.organs.models import Membership

from .factories import APPLICANT, Staff, make_case, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_rate_limit() -> None:
    cache.clear()


def test_public_form_confirmation_shows_number_and_private_link(client: Client) -> None:
    staff = Staff()
    r = client.post("/apply/", {**APPLICANT, "organ": staff.organ.pk})
    assert r.status_code == 302 and r["Location"] == "/apply/done/"
    html = client.get("/apply/done/").content.decode()
    again = client.get("/apply/done/").content.decode()  # F5 on the confirmation
    case = Application.objects.get()  # one case, however often the page is reloaded
    assert case.number in html and "?token=" in html and again == html
    link = html.split('id="follow-link" href="')[1].split('"')[0]
    follow = client.get(link, follow=True)
    assert follow.redirect_chain == [(f"/apply/{case.number}/", 303)]
    assert follow.status_code == 200 and "待确认（网上申请）" in follow.content.decode()


def test_public_form_has_no_purpose_field_and_explains_errors(client: Client) -> None:
    staff = Staff()
    page = client.get("/apply/").content.decode()
    assert "用途" not in page.replace("无需说明申请用途", "")
    r = client.post(
        "/apply/",
        {
            **APPLICANT,
            "organ": staff.organ.pk,
            "id_number": "123",
            "phone": "",
            "email": "",
            "address": "",
            "delivery_method": "collect",
        },
    )
    html = r.content.decode()
    assert "居民身份证号码应为18位，输入的是3位" in html
    assert "请至少填写一种联系方式（电话、电子邮箱或通信地址）" in html
    assert Application.objects.count() == 0


def test_staff_registration_with_receipt_date_and_basis(client: Client, travel: Any) -> None:
    travel(date(2025, 9, 29))  # registered the next working day, a letter of Friday 26 September
    staff = Staff()
    client.force_login(staff.officer)
    r = client.post(
        "/office/applications/register/",
        {
            **APPLICANT,
            "organ": staff.organ.pk,
            "channel": "letter",
            "received_on": "2025-09-26",
            "receipt_basis": "",
        },
    )
    case = Application.objects.get()
    assert r.status_code == 302 and r["Location"].endswith(f"/{case.number}/")
    assert (case.state, case.received_on, case.receipt_basis) == (
        State.PROCESSING,
        date(2025, 9, 26),
        "signed_for",
    )
    assert case.due_on == date(2025, 10, 30)


def test_reviewer_cannot_register(client: Client) -> None:
    staff = Staff()
    client.force_login(staff.reviewer)
    assert client.get("/office/applications/register/").status_code == 403


def test_queue_sorted_by_due_date_with_flags(client: Client, travel: Any) -> None:
    staff = Staff()
    travel(date(2025, 3, 3))
    late = make_case(staff, received_on=date(2025, 1, 6))
    fresh = make_case(staff, received_on=date(2025, 3, 3))
    client.force_login(staff.officer)
    html = client.get("/office/applications/").content.decode()
    assert html.index(late.number) < html.index(fresh.number)
    assert "已逾期" in html
    stranger = Staff()
    client.force_login(stranger.officer)
    assert late.number not in client.get("/office/applications/").content.decode()


@pytest.mark.usefixtures("frozen_today")
def test_case_page_logs_personal_data_views_and_hides_them_from_supervisors(client: Client) -> None:
    staff = Staff()
    case = make_case(staff)
    client.force_login(staff.officer)
    assert (
        "11010519491231002X" in client.get(f"/office/applications/{case.number}/").content.decode()
    )
    assert PersonalDataAccess.objects.filter(application=case, user=staff.officer).count() == 1
    supervisor = make_user()
    parent = Staff().organ
    staff.organ.parent = parent
    staff.organ.save()
    Membership.objects.create(user=supervisor, organ=parent, role="supervisor")
    client.force_login(supervisor)
    html = client.get(f"/office/applications/{case.number}/").content.decode()
    assert "11010519491231002X" not in html and "个人信息仅本机关工作人员可见" in html
    assert PersonalDataAccess.objects.filter(user=supervisor).count() == 0


@pytest.mark.usefixtures("frozen_today")
def test_action_through_the_page_and_a_stale_form_gets_the_conflict_message(client: Client) -> None:
    staff = Staff()
    case = make_case(staff)
    client.force_login(staff.officer)
    url = f"/office/applications/{case.number}/actions/open_consultation/"
    r = client.post(
        url, {"version": case.version, "reason": "涉及第三方", "party": "third_party"}, follow=True
    )
    assert "已办理：征求第三方或其他机关意见" in r.content.decode()
    r = client.post(
        url.replace("open_consultation", "withdraw"),
        {"version": case.version, "reason": "撤回"},
        follow=True,
    )
    assert "已被他人更新" in r.content.decode()
    assert CaseEvent.objects.filter(application=case).count() == 2


def test_reply_letter_docx_and_pdf(client: Client, travel: Any) -> None:
    travel(date(2025, 10, 9))
    staff = Staff()
    case = make_case(staff, State.CLOSED, received_on=date(2025, 9, 26), answer="partially_granted")
    client.force_login(staff.officer)
    docx = client.get(f"/office/applications/{case.number}/letter.docx")
    assert docx.status_code == 200
    from docx import Document

    document = Document(io.BytesIO(docx.content))
    lines = [p.text for p in document.paragraphs if p.text]
    assert lines == [
        staff.organ.name,
        "政府信息公开申请答复告知书",
        f"{staff.organ.short_name}〔2025〕依申请第1号",
        f"申请编号：{case.number}",
        "张三：",
        f"本机关于2025年9月26日收到您提出的政府信息公开申请（申请编号{case.number}），"
        "您申请获取“2024年本区老旧小区改造项目的立项批复文件”。现答复如下：",
        "经审查，您申请获取的信息中含有不应当公开的内容，但能够作区分处理，"
        "现向您提供可以公开的部分，不予公开部分的理由：现予提供",
        "本答复的法律依据：《中华人民共和国政府信息公开条例》第三十七条。",
        "如对本答复不服，可以自收到本告知书之日起60日内依法向有管辖权的行政复议机关申请行政复议，"
        "或者自收到本告知书之日起6个月内依法向有管辖权的人民法院提起行政诉讼。",
        staff.organ.name,
        "2025年10月9日",
    ]
    title = document.paragraphs[1].runs[0]
    assert title.bold and title.font.size.pt == 22
    assert document.paragraphs[5].paragraph_format.first_line_indent.pt == 32
    pdf = client.get(f"/office/applications/{case.number}/letter.pdf")
    assert pdf.content.startswith(b"%PDF")
    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf.content)) as opened:
        text = "".join(page.extract_text() for page in opened.pages).replace("\n", "")
    for line in lines:
        assert line in text, line


@pytest.mark.usefixtures("frozen_today")
def test_stats_page_drills_down(client: Client) -> None:
    staff = Staff()
    case = make_case(staff, State.CLOSED, answer="granted")
    client.force_login(staff.officer)
    year = case.closed_on.year
    html = client.get(f"/office/applications/stats/{staff.organ.slug}/{year}/").content.decode()
    assert "（一）予以公开" in html
    cell = client.get(f"/office/applications/stats/{staff.organ.slug}/{year}/granted/total/")
    assert case.number in cell.content.decode()


@pytest.mark.usefixtures("frozen_today")
def test_annual_stats_command_prints_json() -> None:
    staff = Staff()
    case = make_case(staff, State.CLOSED, answer="repeated")
    printed = []
    for code in (staff.organ.slug, staff.organ.credit_code):
        out = io.StringIO()
        call_command(
            "annual_stats", "--organ", code, "--year", str(case.closed_on.year), stdout=out
        )
        printed.append(json.loads(out.getvalue()))
    assert printed[0] == printed[1]
    data = printed[0]
    assert data["table3"]["not_processed.repeated"][6] == 1
    assert data["table2"]["regulations"] == {"made": 0, "repealed": 0, "in_force": 0}
    client = Client()
    client.force_login(staff.officer)
    api = client.get(f"/api/organs/{staff.organ.credit_code}/annual-stats/{case.closed_on.year}")
    assert api.json() == data
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="没有网址标识或统一社会信用代码为“nope”的机关"):
        call_command("annual_stats", "--organ", "nope", "--year", "2025")


def test_send_reminders_is_idempotent(travel: Any) -> None:
    staff = Staff()
    staff.officer.email = "officer@example.gov.cn"
    staff.officer.save()
    travel(date(2025, 3, 3))
    make_case(staff, received_on=date(2025, 1, 6))
    out = io.StringIO()
    call_command("send_reminders", "--date", "2025-03-04", stdout=out)
    call_command("send_reminders", "--date", "2025-03-04", stdout=out)
    assert out.getvalue().splitlines() == [
        "2025-03-04：发送期限提醒1条",
        "2025-03-04：发送期限提醒0条",
    ]
    assert len(mail.outbox) == 1 and "已逾期" in mail.outbox[0].body


def test_the_confirmation_without_a_submission_sends_back_to_the_form(client: Client) -> None:
    r = client.get("/apply/done/", follow=True)
    assert r.redirect_chain == [("/apply/", 302)]
    assert "没有刚提交的申请" in r.content.decode()
