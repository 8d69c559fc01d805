"""Downloads of the notices: the organ's staff get each notice as PDF and DOCX from the case
page; the applicant, with the private link or a number found by 查询码, gets each notice and
after delivery the 答复告知书 as PDF; nobody else gets anything. Each download is logged."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from django.test import Client

from gongkai.applications import lookup, services
from gongkai.applications.models import Notice, PersonalDataAccess
from gongkai.applications.workflow import Event, State

from .factories import APPLICANT, PATHS, Staff, make_case, make_organ, make_user
from .notice_cases import ISSUED_ON, configured, docx_text, pdf_text

pytestmark = pytest.mark.django_db


def vias(case: Any) -> list[str]:
    return sorted(PersonalDataAccess.objects.filter(application=case).values_list("via", flat=True))


def online_case(staff: Staff, state: State) -> tuple[Any, str]:
    """An online application (so the test holds its private token) brought to ``state``."""
    case, token = services.submit_online(staff.organ, {**APPLICANT})
    services.apply(case, Event.CONFIRM, staff.officer, data={"receipt_basis": "confirmed"})
    from .factories import DATA, REASONS

    for event, who in PATHS[state]:
        data = dict(DATA.get(event, {}))
        services.apply(case, event, getattr(staff, who), REASONS.get(event, ""), data=data)
    case.refresh_from_db()
    return case, token


def test_staff_download_each_notice_from_the_case_page(
    client: Client, travel: Callable[[date], None]
) -> None:
    travel(ISSUED_ON)
    staff = configured()
    case = make_case(staff, State.CORRECTION)
    notice = Notice.objects.get(application=case)
    client.force_login(staff.officer)
    page = client.get(f"/office/applications/{case.number}/").content.decode()
    base = f"/office/applications/{case.number}/notices/{notice.pk}"
    assert f'href="{base}.pdf"' in page and f'href="{base}.docx"' in page
    assert notice.document_number in page
    pdf = client.get(f"{base}.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert "filename*=UTF-8''" in pdf["Content-Disposition"]
    assert notice.document_number in pdf_text(pdf.content)
    docx = client.get(f"{base}.docx")
    assert docx_text(docx.content)[:4] == [
        staff.organ.name,
        "补正申请告知书",
        notice.document_number,
        f"申请编号：{case.number}",
    ]
    assert client.get(f"{base}.txt").status_code == 404
    assert client.get(f"/office/applications/{case.number}/notices/999999.pdf").status_code == 404
    assert "notice_pdf" in vias(case) and "notice_docx" in vias(case)


def test_staff_of_another_organ_and_supervisors_get_nothing(
    client: Client, travel: Callable[[date], None]
) -> None:
    travel(ISSUED_ON)
    parent = make_organ("测试区政府办公室")
    staff = configured(Staff(make_organ(parent=parent)))
    case = make_case(staff, State.CORRECTION)
    notice = Notice.objects.get(application=case)
    url = f"/office/applications/{case.number}/notices/{notice.pk}.pdf"
    client.force_login(Staff().officer)
    assert client.get(url).status_code == 404
    client.force_login(make_user(parent, "supervisor"))
    assert client.get(url).status_code == 403
    page = client.get(f"/office/applications/{case.number}/").content.decode()
    assert "/notices/" not in page
    client.logout()
    assert client.get(url).status_code == 302  # to the login page


def test_the_applicant_downloads_notices_and_the_reply_with_the_link(
    client: Client, travel: Callable[[date], None]
) -> None:
    travel(ISSUED_ON)
    staff = configured()
    case, token = online_case(staff, State.APPROVED)
    reply = f"/apply/{case.number}/reply.pdf"
    early = client.get(f"{reply}?token={token}", follow=True)
    assert early.redirect_chain == [(reply, 303)]
    assert early.status_code == 404  # signed off, not delivered
    services.apply(case, Event.DELIVER, staff.officer)
    notices = list(Notice.objects.filter(application=case).order_by("id"))
    assert [n.kind for n in notices] == [Event.CONFIRM, Event.DELIVER]
    page = client.get(f"/apply/{case.number}/").content.decode()  # by the link's cookie
    stranger = Client()
    for notice in notices:
        url = f"/apply/{case.number}/notices/{notice.pk}.pdf"
        assert f'href="{url}"' in page
        response = client.get(url)
        assert response.status_code == 200 and response.content.startswith(b"%PDF-")
        assert notice.document_number in pdf_text(response.content)
        assert "no-store" in response["Cache-Control"]
        assert stranger.get(url).status_code == 404
        assert stranger.get(f"{url}?token=wrong").status_code == 404
    assert "下载答复告知书（PDF）" in page and token not in page
    letter = client.get(reply)
    assert letter.status_code == 200
    text = pdf_text(letter.content)
    assert case.number in text and notices[1].document_number in text
    assert stranger.get(reply).status_code == 404
    assert "applicant_notice_pdf" in vias(case) and "applicant_reply_pdf" in vias(case)


def test_the_applicant_cannot_reach_another_cases_notice(
    client: Client, travel: Callable[[date], None]
) -> None:
    travel(ISSUED_ON)
    staff = configured()
    mine, token = online_case(staff, State.PROCESSING)
    other, _ = online_case(staff, State.PROCESSING)
    theirs = Notice.objects.get(application=other)
    url = f"/apply/{mine.number}/notices/{theirs.pk}.pdf?token={token}"
    assert client.get(url, follow=True).status_code == 404
    other_link = f"/apply/{other.number}/notices/{theirs.pk}.pdf"
    assert client.get(other_link).status_code == 404  # my cookie is not the other case's


def test_a_number_found_with_its_code_opens_the_downloads(
    client: Client, travel: Callable[[date], None]
) -> None:
    travel(ISSUED_ON)
    staff = configured()
    case, token = online_case(staff, State.CLOSED)
    found = client.post(
        "/apply/status/", {"number": case.number, "code": lookup.lookup_code(token)}
    )
    assert found.status_code == 302
    response = client.get(f"/apply/{case.number}/reply.pdf")
    assert response.status_code == 200 and case.number in pdf_text(response.content)


def test_the_officers_letter_has_no_number_before_delivery_and_the_issued_one_after(
    client: Client, travel: Callable[[date], None]
) -> None:
    travel(ISSUED_ON)
    staff = configured()
    case = make_case(staff, State.APPROVED)
    client.force_login(staff.officer)
    url = f"/office/applications/{case.number}/letter.docx"
    draft = docx_text(client.get(url).content)
    assert not any("依申请第" in line for line in draft)
    assert draft[-1] == staff.organ.name  # no date line until it is delivered
    assert not any("年　　月　　日" in line for line in draft)
    travel(date(2025, 6, 18))
    case.refresh_from_db()
    services.apply(case, Event.DELIVER, staff.officer)
    notice = Notice.objects.get(application=case, kind=Event.DELIVER)
    client.force_login(staff.officer)  # a new day: the idle session has ended
    issued = docx_text(client.get(url).content)
    assert issued[2] == notice.document_number
    assert issued[-2:] == [staff.organ.name, "2025年6月18日"]
