"""Every public page and the applicant's own pages, walked in a real browser at 390 px in
the standard and the 关怀模式 display: no serious WCAG 2.1 AA violation (axe-core), and
nothing pushed past the right edge of the screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.public_pages import (
    applicant_lookups,
    axe_violations,
    cut_off,
    public_urls,
    sideways_overflow,
)
from tests.browser.test_public_form import PHONE, shots

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DESKTOP = {"width": 1280, "height": 900}


def _load_whole_demo() -> list[str]:
    from gongkai_demo.management.commands.load_demo import app_demo_loaders

    lines: list[str] = []
    for _, loader in app_demo_loaders():
        lines += loader()
    return lines


def _open_case(page: Any, number: str, code: str) -> str:
    page.goto("/apply/status/")
    page.fill("#number", number)
    page.fill("#code", code)
    page.get_by_role("button", name="查询").click()
    page.wait_for_url(f"**/apply/{number}/**")
    return str(page.url).removeprefix(page.url.split("/apply/")[0])


def test_every_public_page_passes_axe_and_fits_a_phone_in_both_modes(
    site: Any, tmp_path: Path
) -> None:
    lines = _load_whole_demo()
    urls = public_urls()
    for kind in ("/items/", "/messages/consultations/", "/messages/shown/", "/reports/fgj/"):
        assert any(u.startswith(kind) and u != kind for u in urls), (kind, urls)
    lookups = applicant_lookups(lines)
    assert lookups, "the demo printed no 申请编号 with its 查询码"
    folder = shots(tmp_path)
    problems: list[str] = []
    for care in (False, True):
        site.goto(f"/display/?care={int(care)}&next=/")
        mode = "关怀模式" if care else "标准模式"
        applicant = [_open_case(site, number, code) for number, code in lookups[:2]]
        site.set_viewport_size(PHONE)
        for url in [*urls, *applicant]:
            response = site.goto(url)
            assert response is not None and response.status == 200, (url, mode)
            # axe at the narrow width, where wide boxes scroll (its other rules do not
            # depend on the width)
            for violation in axe_violations(site):
                problems.append(f"{mode} {url}: {violation}")
            over, clipped = sideways_overflow(site), cut_off(site)
            if over or clipped:
                problems.append(f"{mode} 390px {url}: 横向超出 {over}px {clipped}")
        site.screenshot(path=str(folder / f"public-{int(care)}-phone.png"), full_page=True)
        site.set_viewport_size(DESKTOP)
        site.goto(urls[-1])
        site.screenshot(path=str(folder / f"public-{int(care)}-desktop.png"), full_page=True)
    assert not problems, "\n".join(problems)
