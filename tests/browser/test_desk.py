"""Each demo role logs in and finds its start page: its sections, each line a link to where
the work is done, the menu's 待办 count; on a desktop screen and on a 390 px phone.

Set ``GONGKAI_SCREENSHOTS=<dir>`` to keep the screenshots (else they go to ``tmp_path``)."""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from gongkai.applications import services
from gongkai.applications.workflow import Event, State
from gongkai.disclosure import workflow as item_workflow
from gongkai.organs.models import Organ
from gongkai_demo.applications import load_demo as load_cases
from gongkai_demo.factories.disclosure import Team, make_item
from tests.applications.factories import make_case

from .test_applications import as_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("GONGKAI_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def fgj_staff() -> SimpleNamespace:
    users = get_user_model().objects
    return SimpleNamespace(
        organ=Organ.objects.get(slug="fgj"),
        **{
            name: users.get(username=f"fgj_{name}")
            for name in ("officer", "reviewer", "reviewer2", "head")
        },
    )


@pytest.fixture
def work(site: Any, frozen_today: date) -> dict[str, str]:
    """The demo's casework, plus one case or item waiting for each role of 区发改局."""
    load_cases()
    staff = fgj_staff()
    overdue = make_case(staff, received_on=date(2025, 5, 6))
    first = make_case(staff, State.REVIEW_FIRST, received_on=date(2025, 6, 3))
    final = make_case(staff, State.REVIEW_FINAL, received_on=date(2025, 6, 4))
    extension = make_case(staff, State.EXTENSION_PENDING, received_on=date(2025, 6, 5))
    returned = make_case(staff, State.REVIEW_FIRST, received_on=date(2025, 6, 6))
    services.apply(returned, Event.RETURN_FOR_REVISION, staff.reviewer, "请补充法律依据")
    team = Team(staff.organ, staff.officer, staff.reviewer, staff.reviewer2, staff.head)
    make_item(team, state=item_workflow.FIRST_REVIEW, title="2025年部门预算公开")
    for _ in range(5):  # 周华 forgets the password
        Client().post("/accounts/login/", {"username": "jyj_reviewer2", "password": "wrong"})
    return {
        "overdue": overdue.number,
        "first": first.number,
        "final": final.number,
        "extension": extension.number,
        "returned": returned.number,
    }


def sections(page: Any) -> list[str]:
    return [re.sub(r"（\d+）$", "", h) for h in page.locator(".desk-section h3").all_inner_texts()]


def badge(page: Any) -> int:
    nav = page.get_by_role("navigation", name="主菜单").inner_text()
    found = re.search(r"待办 (\d+)", nav)
    return int(found.group(1)) if found else 0


def summary(page: Any) -> int:
    text = page.locator("#desk-summary").inner_text()
    found = re.search(r"共有待办 (\d+) 项", text)
    return int(found.group(1)) if found else 0


def line(page: Any, text: str) -> Any:
    return page.locator(".desk-lines a", has_text=text).first


def no_sideways_scroll(page: Any) -> None:
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], f"page scrolls sideways: {widths}"


ROLES = {
    "fgj_officer": (
        "您的角色：公开专员（示范区发展和改革局）",
        [
            "已逾期或5个工作日内到期的申请",
            "补正、缴费、征求意见期限将满或已满",
            "退回修改的答复",
            "已签发待送达的答复",
            "待确认的网上申请",
            "待拟写答复的申请",
            "待打印或发送失败的通知",
            "退回修改或待提交审核的主动公开信息",
            "待答复的网民留言",
            "待整改的问题（监督检查）",
            "2024年度报告",
        ],
        ["overdue", "returned"],
    ),
    "fgj_reviewer": (
        "您的角色：审核人（示范区发展和改革局）",
        [
            "待审核的答复（初审、复审）",
            "待审核的主动公开信息（初审、复审）",
            "待审核的留言答复",
            "2024年度报告",
        ],
        ["first"],
    ),
    "fgj_head": (
        "您的角色：机构负责人（示范区发展和改革局）",
        [
            "待审核的答复（初审、复审、终审）",
            "待批准的延期答复",
            "待审核的主动公开信息（终审）",
            "待审核的留言答复",
            "2024年度报告",
        ],
        ["first", "final", "extension"],
    ),
    "zfb_supervisor": (
        "您的角色：主管部门监督人员（示范区人民政府办公室）",
        ["有逾期或即将到期申请的机关", "主动公开信息迟发布的机关", "2024年度报告尚未发布的机关"],
        [],
    ),
    "zfb_admin": (
        "您的角色：系统管理员（示范区人民政府办公室）",
        ["工作日历", "未分配角色的账户", "被锁定的账户", "角色空缺和未分配角色的账户"],
        [],
    ),
}


@pytest.mark.parametrize("username", list(ROLES))
def test_each_role_finds_its_start_page(
    site: Any, work: dict[str, str], tmp_path: Path, username: str
) -> None:
    roles, expected_sections, numbers = ROLES[username]
    folder = shots(tmp_path)
    site.set_viewport_size(DESKTOP)
    as_user(site, username)
    assert site.get_by_role("heading", name="工作台", level=1).is_visible()
    assert site.locator("#desk-roles").inner_text() == roles
    assert sorted(sections(site)) == sorted(expected_sections)
    for name in numbers:
        assert line(site, work[name]).get_attribute("href") == (
            f"/office/applications/{work[name]}/"
        )
    assert badge(site) == summary(site)
    site.screenshot(path=str(folder / f"desk-{username}-desktop.png"), full_page=True)
    site.set_viewport_size(PHONE)
    no_sideways_scroll(site)
    site.screenshot(path=str(folder / f"desk-{username}-phone.png"), full_page=True)


def test_the_officer_goes_from_a_line_to_the_case_and_the_count_follows(
    site: Any, work: dict[str, str]
) -> None:
    as_user(site, "fgj_officer")
    before = badge(site)
    assert before > 0
    assert "已逾期" in site.locator(".desk-lines li", has_text=work["overdue"]).first.inner_text()
    line(site, work["returned"]).click()
    site.wait_for_url(f"**/office/applications/{work['returned']}/")
    assert badge(site) == before  # the menu counts on every page


def test_supervisor_and_admin_lines(site: Any, work: dict[str, str]) -> None:
    as_user(site, "zfb_supervisor")
    organ = site.locator("[id$='-cases'] .desk-lines li", has_text="示范区发展和改革局")
    assert "已逾期1件" in organ.inner_text()
    assert work["overdue"] not in site.locator("main").inner_text()  # counts, not cases
    assert site.get_by_role("table", name="所监督的机关").is_visible()
    as_user(site, "zfb_admin")
    locked = site.locator(".desk-lines li", has_text="jyj_reviewer2")
    assert "待解除锁定" in locked.inner_text()
    locked.get_by_role("link").click()
    site.wait_for_url("**/office/organs/jyj/people/")
    assert site.get_by_role("button", name="解除 jyj_reviewer2 的锁定").is_visible()
