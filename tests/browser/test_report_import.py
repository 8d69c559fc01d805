"""Importing reports published elsewhere, in the browser: the supervising office uploads a
web page read by the markup scanner, watches the job finish, opens the record and files
it under one of its organs; on a phone the pages do not widen past the screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from gongkai.reports import import_jobs, services
from gongkai.reports.models import ImportedReport, ImportJob
from tests.conftest import FIXTURES

from .test_applications import as_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGE = FIXTURES / "documents" / "cms_page_article_rowspan_colspan.html"
STATED = "宁川市交通运输局"  # the fixture's organ: not one of the demo region's


def _fits(page: Any) -> bool:
    return bool(
        page.evaluate(
            "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
        )
    )


def _upload(site: Any, files: list[Path]) -> ImportJob:
    year = services.today().year - 1
    site.goto("/office/reports/")
    site.goto(f"/office/reports/rollup/zfb/{year}/")
    site.get_by_label("年度报告文件").set_input_files([str(f) for f in files])
    site.get_by_role("button", name="导入", exact=True).click()
    expect(site.locator("main")).to_contain_text("后台正在逐个读取和核查")
    job = ImportJob.objects.latest("pk")
    import_jobs.run(job.pk)  # what the background worker does
    site.reload()
    expect(site.locator("main")).to_contain_text("已完成")
    return job


@pytest.mark.parametrize("width", [1280, 390])
def test_supervisor_imports_a_web_page_and_files_it_under_an_organ(
    site: Any, settings: Any, tmp_path: Path, width: int
) -> None:
    settings.VAR_DIR = tmp_path
    site.set_viewport_size({"width": width, "height": 900})
    as_user(site, "zfb_supervisor")
    _upload(site, [PAGE])
    results = site.locator("main").inner_text()
    assert "共1个文件，导入1个，未导入0个。" in results
    assert f"报告所署“{STATED}”不在本单位所辖机关中，请在导入记录中指定" in results
    assert _fits(site)

    site.get_by_role("link", name=PAGE.name).click()
    facts = site.locator("dl.facts").inner_text()
    assert "未匹配" in facts and STATED in facts and "2024" in facts
    # the report as read: table 三's received row and table 四's first group
    expect(site.locator("#imp-table3")).to_contain_text("本年新收政府信息公开申请数量")
    assert _fits(site)

    row = ImportedReport.objects.get()
    assert row.data["table3"]["received"][-1] == 140
    site.get_by_label("归入机关").select_option(label="示范区发展和改革局")
    site.get_by_role("button", name="确定").click()
    expect(site.locator("main")).to_contain_text("已归入“示范区发展和改革局”。")
    assert "示范区发展和改革局（导入时指定）" in site.locator("dl.facts").inner_text()
