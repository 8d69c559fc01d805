"""The applicant downloads the 答复告知书 of a delivered case on the demo site as PDF."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from gongkai.applications import services
from gongkai.applications.models import Notice
from gongkai.applications.workflow import Event
from gongkai.organs.models import Organ
from tests.applications.factories import APPLICANT

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REVIEWS = (
    (Event.APPROVE_FIRST, "fgj_reviewer"),
    (Event.APPROVE_SECOND, "fgj_reviewer2"),
    (Event.SIGN_OFF, "fgj_head"),
)


def demo_user(username: str) -> Any:
    return get_user_model().objects.get(username=username)


def test_the_applicant_downloads_the_reply_letter(site: Any, frozen_today: Any) -> None:
    organ = Organ.objects.get(slug="fgj")
    officer = demo_user("fgj_officer")
    case, token = services.submit_online(organ, {**APPLICANT})
    services.apply(case, Event.CONFIRM, officer, data={"receipt_basis": "confirmed"})
    services.apply(
        case,
        Event.DRAFT_REPLY,
        officer,
        "所申请文件中的个人身份证号码属于个人隐私，已作删除处理。",
        data={"answer": "partially_granted"},
    )
    for event, username in REVIEWS:
        services.apply(case, event, demo_user(username))
    services.apply(case, Event.DELIVER, officer)
    issued = Notice.objects.get(application=case, kind=Event.DELIVER)

    site.set_viewport_size({"width": 390, "height": 844})
    site.goto(f"/apply/{case.number}/?token={token}")
    assert "政府信息公开申请答复告知书" in site.locator("main").inner_text()
    widths = site.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"page scrolls sideways: {widths}"
    with site.expect_download() as download:
        site.get_by_role("link", name="下载答复告知书（PDF）").click()
    content = Path(download.value.path()).read_bytes()
    assert content.startswith(b"%PDF-")
    import pdfplumber

    with pdfplumber.open(io.BytesIO(content)) as opened:
        text = "".join(page.extract_text() or "" for page in opened.pages).replace("\n", "")
    assert case.number in text
    assert issued.document_number in text and "第三十七条" in text
