"""The screenshots of the user manual (docs/manual/): each role's page on the demo data.

Every run checks that the pages render with the content the manual describes; only with
``GONGKAI_DOC_SHOTS=1`` are the pictures written to ``docs/images/`` (1280 px wide, the
visible screen only, reduced to a 256-colour palette so the repository stays small)."""

from __future__ import annotations

import io
import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from gongkai.applications.models import Application

from .test_applications import as_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images"
SCREEN = {"width": 1280, "height": 860}


def keep(page: Any, name: str) -> None:
    """Save the visible screen as ``docs/images/<name>.png`` when GONGKAI_DOC_SHOTS=1."""
    if os.environ.get("GONGKAI_DOC_SHOTS") != "1":
        return
    from PIL import Image

    raw = page.screenshot(full_page=False)
    image = Image.open(io.BytesIO(raw)).convert("RGB")
    small = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    IMAGES.mkdir(parents=True, exist_ok=True)
    small.save(IMAGES / f"{name}.png", optimize=True)


@pytest.fixture
def demo(site: Any, frozen_today: date) -> Any:
    """The whole demo, as ``make run`` loads it (casework, items, messages, inspection)."""
    call_command("load_demo", stdout=io.StringIO())
    site.set_viewport_size(SCREEN)
    return site


def main_text(page: Any) -> str:
    return str(page.locator("main").inner_text())


def test_manual_screenshots(demo: Any) -> None:
    page = demo

    # 公众网站
    page.goto("/")
    assert page.get_by_role("link", name="申请公开").first.is_visible()
    keep(page, "portal-home")

    # 公开专员：工作台和一件申请
    as_user(page, "fgj_officer")
    assert "您的角色：公开专员" in main_text(page)
    keep(page, "officer-desk")
    case = Application.objects.filter(organ__slug="fgj", state="processing").order_by("id").first()
    assert case is not None, "演示数据中应有办理中的申请"
    page.goto(f"/office/applications/{case.number}/")
    assert "法定答复期限" in main_text(page)
    keep(page, "officer-case")
    page.goto("/office/reports/")
    assert "年度报告" in main_text(page)
    keep(page, "officer-reports")

    # 审核人、机构负责人：工作台上的待审核事项
    as_user(page, "fgj_reviewer")
    assert "您的角色：审核人" in main_text(page)
    keep(page, "reviewer-desk")
    as_user(page, "fgj_head")
    assert "您的角色：机构负责人" in main_text(page)
    keep(page, "head-desk")

    # 主管部门监督人员：监督检查的问题清单
    as_user(page, "zfb_supervisor")
    page.goto("/office/supervision/")
    assert "监督检查" in main_text(page)
    keep(page, "supervisor-inspection")

    # 系统管理员：人员与角色
    as_user(page, "fgj_admin")
    page.goto("/office/organs/fgj/people/")
    assert "人员与角色" in main_text(page)
    keep(page, "admin-people")
