"""The applicant reads every notice as a document on a phone: wrapped, nothing cut off."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model

from gongkai.applications import services
from gongkai.applications.workflow import Event
from gongkai.organs.models import Organ
from tests.applications.factories import APPLICANT

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

POINTS = [
    "请写明所需文件的标题、文号或者能够确定该文件的其他特征性描述（如制发机关、成文年份、涉及的具体项目名称）",
    "请说明所需信息的时间范围",
]


def test_the_correction_notice_wraps_on_a_390px_phone(site: Any, frozen_today: Any) -> None:
    organ = Organ.objects.get(slug="fgj")
    officer = get_user_model().objects.get(username="fgj_officer")
    case, token = services.submit_online(organ, {**APPLICANT})
    services.apply(case, Event.CONFIRM, officer, data={"receipt_basis": "confirmed"})
    services.apply(
        case, Event.REQUEST_CORRECTION, officer, "申请内容不明确", data={"points": POINTS}
    )
    site.set_viewport_size({"width": 390, "height": 844})
    site.goto(f"/apply/{case.number}/?token={token}")
    text = site.locator("main").inner_text()
    assert "请于2025年7月7日前一并补正以下事项" in text  # the whole sentence, with its date
    assert POINTS[0] in text.replace("\n", "")
    widths = site.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"page scrolls sideways: {widths}"
    notices = site.locator("main article")
    assert notices.count() >= 2  # 受理告知 and 补正申请告知书
    for notice in notices.all():
        # nothing of a notice is hidden in a box that scrolls sideways
        assert notice.evaluate(
            "e => [...e.querySelectorAll('*')].every(c => c.scrollWidth <= c.clientWidth + 1)"
        )
