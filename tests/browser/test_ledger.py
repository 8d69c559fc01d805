"""依申请公开台账 in the browser: the demo officer (with the demo casework, received up to the
frozen today) filters, sorts and downloads the XLSX; the table scrolls inside its own box,
at desktop width and on a 390 px phone.

Set ``GONGKAI_SCREENSHOTS=<dir>`` to keep the screenshots (else they go to ``tmp_path``)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from gongkai.accounts.validators import DEMO_PASSWORD
from gongkai.applications.models import Application
from gongkai_demo.applications import load_demo as load_cases

from .test_login import log_in
from .test_public_form import PHONE, no_sideways_scroll, shots

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1280, "height": 900}


def column(page: Any, label: str) -> list[str]:
    """The texts of one column of the ledger, by its header."""
    headers = page.locator("#ledger thead th").all_inner_texts()
    index = next(i for i, h in enumerate(headers) if h.strip().startswith(label))
    return page.locator(f"#ledger tbody tr > :nth-child({index + 1})").all_inner_texts()


def test_the_officer_filters_sorts_and_downloads_the_ledger(
    frozen_today: date, site: Any, tmp_path: Path
) -> None:
    load_cases()
    folder = shots(tmp_path)
    site.set_viewport_size(DESKTOP)
    log_in(site, "fgj_officer", DEMO_PASSWORD)
    site.wait_for_url("**/office/")
    site.goto("/office/applications/")
    site.get_by_role("link", name="依申请公开台账（全部申请，含已办结）").click()
    site.wait_for_url("**/office/applications/ledger/")
    assert site.get_by_role("heading", name="依申请公开台账", level=1).is_visible()
    everything = Application.objects.filter(organ__slug="fgj").count()
    assert f"共 {everything} 件" in site.locator("#summary").inner_text()

    # Filter: closed cases received in 2024.
    site.get_by_label("状态").select_option(label="已办结")
    site.get_by_label("收到日期（起）").fill("2024-01-01")
    site.get_by_label("收到日期（止）").fill("2024-12-31")
    site.get_by_role("button", name="查询").click()
    site.wait_for_url("**state=closed**")
    expected = Application.objects.filter(
        organ__slug="fgj",
        state="closed",
        received_on__gte=date(2024, 1, 1),
        received_on__lte=date(2024, 12, 31),
    )
    count = expected.count()
    assert count > 1
    assert f"共 {count} 件（已筛选）" in site.locator("#summary").inner_text()
    assert set(column(site, "办理状态")) == {"已办结"}
    assert set(column(site, "申请编号")) == set(expected.values_list("number", flat=True))

    # Sort by 收到日期 (the default is newest first): oldest first, then newest; the filters stay.
    site.locator("#ledger thead").get_by_role("link", name="收到日期").click()
    site.wait_for_url("**sort=received**")
    received = column(site, "收到日期")
    assert received == sorted(received) and len(received) == count
    site.locator("#ledger thead").get_by_role("link", name="收到日期").click()
    site.wait_for_url("**sort=-received**")
    received = column(site, "收到日期")
    assert received == sorted(received, reverse=True)
    assert site.get_by_label("状态").input_value() == "closed"
    site.screenshot(path=str(folder / "ledger-desktop.png"), full_page=True)
    no_sideways_scroll(site)

    # Download the XLSX: the filtered rows in the page's order, with the applicant.
    with site.expect_download() as download:
        site.get_by_role("link", name="导出 Excel（XLSX）").click()
    assert download.value.suggested_filename == f"依申请公开台账-{frozen_today.isoformat()}.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()))
    rows = list(book["依申请公开台账"].iter_rows(values_only=True))
    assert rows[0][:6] == ("申请编号", "受理机关", "收到日期", "申请渠道", "申请人类型", "申请人")
    assert [r[0] for r in rows[1:]] == column(site, "申请编号")

    # A bad date in the address: the message beside its filter, no table.
    site.goto("/office/applications/ledger/?received_from=2025-02-30")
    beside = site.locator("#filter-received_from").inner_text()
    assert "应为实际存在的日期，格式如2025-03-01；读到“2025-02-30”" in beside
    assert site.locator("#ledger").count() == 0


def test_the_ledger_on_a_phone_scrolls_inside_its_box(
    frozen_today: date, site: Any, tmp_path: Path
) -> None:
    load_cases()
    folder = shots(tmp_path)
    site.set_viewport_size(PHONE)
    log_in(site, "fgj_officer", DEMO_PASSWORD)
    site.wait_for_url("**/office/")
    site.goto("/office/applications/ledger/")
    site.screenshot(path=str(folder / "ledger-phone.png"), full_page=True)
    no_sideways_scroll(site)
    wrap = site.locator(".ledger-wrap")
    scrolls = wrap.evaluate(
        "w => { const t = w.querySelector('table');"
        " return [w.scrollWidth > w.clientWidth || t.scrollWidth > t.clientWidth,"
        " w.getBoundingClientRect().right <= document.documentElement.clientWidth + 1]; }"
    )
    assert scrolls == [True, True]
    # Scrolled sideways, inside its box: the later columns come into view.
    wrap.scroll_into_view_if_needed()
    wrap.evaluate("w => { w.scrollLeft = 600; w.querySelector('table').scrollLeft = 600; }")
    site.screenshot(path=str(folder / "ledger-phone-scrolled.png"))
    no_sideways_scroll(site)
