"""The case page (issue 11): a short menu opens one form at a time; a refused form comes
back with everything typed; 确认收到 and 收到补正材料 take their date; 指定承办人 chooses
among the organ's officers; the officer's wording."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from gongkai.applications import services
from gongkai.applications.models import Application, CaseEvent
from gongkai.applications.workflow import State

from .factories import APPLICANT, Staff, make_case

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_today")]

TODAY = date(2025, 6, 16)


def page(client: Client, case: Application, query: str = "") -> str:
    r = client.get(f"/office/applications/{case.number}/{query}")
    assert r.status_code == 200
    return str(r.content.decode())


def forms(html: str) -> dict[str, bool]:
    """Each action form on the page → whether it is shown (not ``hidden``)."""
    found = re.findall(
        r'<form method="post" class="form action" id="act-([a-z_]+)"[^>]*?( hidden)?>', html
    )
    return {name: not hidden for name, hidden in found}


def form_html(html: str, action: str) -> str:
    return html.split(f'id="act-{action}"')[1].split("</form>")[0]


def menu(html: str) -> list[str]:
    return re.findall(r'data-action="([a-z_]+)"', html)


def test_the_menu_opens_only_the_chosen_form(client: Client) -> None:
    staff = Staff()
    case = make_case(staff)
    client.force_login(staff.officer)
    html = page(client, case)
    offered = menu(html)
    assert offered == [
        "request_correction",
        "open_consultation",
        "request_extension",
        "send_fee_notice",
        "draft_reply",
        "withdraw",
        "assign",
    ]
    assert forms(html) == dict.fromkeys(offered, False)  # nothing open: the menu alone
    assert 'href="?action=draft_reply#act-draft_reply"' in html
    chosen = forms(page(client, case, "?action=draft_reply"))
    assert chosen == {name: name == "draft_reply" for name in offered}
    assert forms(page(client, case, "?action=sign_off")) == dict.fromkeys(offered, False)


def test_a_single_action_is_open_at_once(client: Client) -> None:
    staff = Staff()
    case = make_case(staff, State.REVIEW_FINAL)
    client.force_login(staff.head)
    html = page(client, case)
    assert forms(html) == {"sign_off": False, "return_for_revision": False}
    online, _ = services.submit_online(staff.organ, dict(APPLICANT))
    client.force_login(staff.reviewer)
    assert forms(page(client, online)) == {}  # a reviewer has nothing to do here


def test_a_refused_file_keeps_the_answer_type_and_the_reason(client: Client) -> None:
    staff = Staff()
    case = make_case(staff)
    before = list(CaseEvent.objects.values_list("id", flat=True))
    client.force_login(staff.officer)
    reason = "第3页含有个人信息，已作遮盖处理。"
    r = client.post(
        f"/office/applications/{case.number}/actions/draft_reply/",
        {
            "version": case.version,
            "answer": "partially_granted",
            "reason": reason,
            "file_titles": "立项批复",
            "files": [SimpleUploadedFile("tool.exe", b"MZ\x90\x00")],
        },
    )
    assert r.status_code == 400
    html = r.content.decode()
    assert forms(html)["draft_reply"] and not forms(html)["withdraw"]
    form = form_html(html, "draft_reply")
    assert '<option value="partially_granted" selected>' in form
    assert f"{reason}</textarea>" in form and "立项批复</textarea>" in form
    assert "文件“tool.exe”的类型不允许" in form  # at its field
    assert list(CaseEvent.objects.values_list("id", flat=True)) == before


def test_a_reason_the_service_refuses_comes_back_with_the_form(client: Client) -> None:
    staff = Staff()
    case = make_case(staff)
    client.force_login(staff.officer)
    r = client.post(
        f"/office/applications/{case.number}/actions/draft_reply/",
        {"version": case.version, "answer": "withheld_third_party_rights", "reason": ""},
    )
    assert r.status_code == 400
    form = form_html(r.content.decode(), "draft_reply")
    assert '<option value="withheld_third_party_rights" selected>' in form
    assert "答复理由或说明" in form and 'class="errorlist nonfield"' in form
    assert Application.objects.get(pk=case.pk).state == State.PROCESSING


DATE_CASES = [
    ("confirm", "2025-06-17", "确认收到日期2025-06-17不能晚于今天（2025-06-16）"),
    (
        "confirm",
        "2025-06-11",
        "确认收到日期2025-06-11不能早于上一条办理记录（网上提交申请，2025-06-12）",
    ),
    ("correction_received", "2025-06-17", "收到补正材料日期2025-06-17不能晚于今天（2025-06-16）"),
    (
        "correction_received",
        "2025-06-12",
        "收到补正材料日期2025-06-12不能早于上一条办理记录（向申请人发出通知，2025-06-13）",
    ),
    ("confirm", "2025-6-1x", "请填写有效日期，如2025-03-01"),
]


def _waiting(staff: Staff, action: str, travel: Any) -> Application:
    """An online application sent on 12 June, or a letter asked for 补正 on 13 June."""
    if action == "confirm":
        travel(date(2025, 6, 12))
        case, _ = services.submit_online(staff.organ, dict(APPLICANT))
    else:
        travel(date(2025, 6, 13))
        case = make_case(staff, State.CORRECTION, received_on=date(2025, 6, 10))
    travel(TODAY)
    return case


@pytest.mark.parametrize(("action", "day", "message"), DATE_CASES)
def test_the_date_of_confirm_and_correction_received_is_checked(
    client: Client, travel: Any, action: str, day: str, message: str
) -> None:
    staff = Staff()
    case = _waiting(staff, action, travel)
    before = case.version
    client.force_login(staff.officer)
    r = client.post(
        f"/office/applications/{case.number}/actions/{action}/",
        {"version": case.version, "on": day},
    )
    assert r.status_code == 400
    form = form_html(r.content.decode(), action)
    assert message in form and f'value="{day}"' in form
    assert Application.objects.get(pk=case.pk).version == before


@pytest.mark.parametrize(
    ("action", "day", "state"),
    [
        ("confirm", date(2025, 6, 13), State.PROCESSING),
        ("correction_received", TODAY, State.PROCESSING),
    ],
)
def test_the_date_given_is_the_day_received(
    client: Client, travel: Any, action: str, day: date, state: State
) -> None:
    staff = Staff()
    case = _waiting(staff, action, travel)
    client.force_login(staff.officer)
    html = page(client, case, f"?action={action}")
    assert 'value="2025-06-16"' in form_html(html, action)  # today by default
    r = client.post(
        f"/office/applications/{case.number}/actions/{action}/",
        {"version": case.version, "on": day.isoformat()},
    )
    assert r.status_code == 302
    case.refresh_from_db()
    assert case.state == state
    assert case.events.order_by("seq").filter(action=action).get().on == day
    if action == "confirm":
        assert case.received_on == day


def test_the_assignee_is_chosen_among_the_organs_officers(client: Client) -> None:
    staff = Staff()
    staff.officer.first_name = "王专员"
    staff.officer.save()
    stranger = Staff()
    case = make_case(staff)
    client.force_login(staff.officer)
    form = form_html(page(client, case, "?action=assign"), "assign")
    options = re.findall(r'<option value="(\d*)"[^>]*>([^<]*)</option>', form)
    assert options == [  # by the name shown: the username for one without a name
        ("", "（请选择本机关公开专员）"),
        (str(staff.officer2.pk), staff.officer2.username),
        (str(staff.officer.pk), "王专员"),
    ]
    url = f"/office/applications/{case.number}/actions/assign/"
    for outsider in (staff.reviewer, staff.head, stranger.officer):
        r = client.post(url, {"version": case.version, "assignee": outsider.pk})
        assert r.status_code == 400
        assert "请从本机关公开专员中选择承办人" in form_html(r.content.decode(), "assign")
    r = client.post(url, {"version": case.version, "assignee": staff.officer2.pk}, follow=True)
    assert "已办理：指定承办人" in r.content.decode()
    case.refresh_from_db()
    assert case.assignee == staff.officer2
    assert case.events.order_by("seq").last().data == {"assignee": staff.officer2.username}
    client.force_login(staff.reviewer)
    assert "assign" not in menu(page(client, case))  # only officers assign


def test_the_officers_wording(client: Client) -> None:
    staff = Staff()
    case = make_case(staff)
    client.force_login(staff.officer)
    html = page(client, case)
    assert "以下是您的角色在当前状态下可以办理的事项" in html and "您的身份" not in html
    assert ">登记申请人撤回</a>" in html and "撤回申请</a>" not in html
    for note in ("可在配置中调整", "文号待核"):
        assert note not in html
    assert "日历依据（2025年）：《国务院办公厅关于2025年部分节假日安排的通知》" in html
    r = client.post(
        f"/office/applications/{case.number}/actions/withdraw/",
        {"version": case.version, "reason": "申请人来电撤回"},
        follow=True,
    )
    assert "已办理：登记申请人撤回" in r.content.decode()


def test_sign_off_asks_for_confirmation(client: Client) -> None:
    """终审签发 is a legal act: the form will not sign until the head confirms having
    read the reply (the browser asks for the box; the server refuses without it)."""
    staff = Staff()
    case = make_case(staff, State.REVIEW_FINAL, answer="granted")
    client.force_login(staff.head)
    html = page(client, case, "?action=sign_off")
    assert "我已审阅答复书全文，确认签发" in html
    refused = client.post(
        f"/office/applications/{case.number}/actions/sign_off/", {"version": case.version}
    ).content.decode()
    assert "签发前请勾选“我已审阅答复书全文，确认签发”" in refused
    case.refresh_from_db()
    assert case.state == State.REVIEW_FINAL
    client.post(
        f"/office/applications/{case.number}/actions/sign_off/",
        {"version": case.version, "signed": "on"},
    )
    case.refresh_from_db()
    assert case.state != State.REVIEW_FINAL
