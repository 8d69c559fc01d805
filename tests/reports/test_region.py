"""The supervising office's view of its region (issue 12): summed tables, the organs ×
years matrix and its Excel export, the check of a government's report against its
departments, and the charts — on a factory region of three levels."""

from __future__ import annotations

import io
import json
import re
from datetime import date
from types import SimpleNamespace
from typing import Any

import pytest
from django.test import Client
from openpyxl import load_workbook

from gongkai.annual import AnnualReport
from gongkai.annual import schema as s
from gongkai.applications import stats
from gongkai.reports import region, services

from .conftest import make_ready

pytestmark = pytest.mark.django_db
YEAR = 2025


@pytest.fixture
def world(today: Any) -> SimpleNamespace:
    """office → bureaus a, b → two offices under each; simulated casework in every organ."""
    from gongkai_demo.factories.organs import OrganFactory, member
    from gongkai_demo.simulate import simulate

    office = OrganFactory(name="测试区人民政府", short_name="区政府", slug="gov")
    a = OrganFactory(parent=office, name="测试区甲局", short_name="甲局", slug="a")
    b = OrganFactory(parent=office, name="测试区乙局", short_name="乙局", slug="b")
    leaves = [
        OrganFactory(
            parent=parent,
            name=f"{parent.name}第{i}所",
            short_name=f"{parent.slug}{i}所",
            slug=f"{parent.slug}{i}",
        )
        for parent in (a, b)
        for i in (1, 2)
    ]
    organs = [office, a, b, *leaves]
    for n, organ in enumerate(organs):
        simulate([organ], 6 + n, first=date(2025, 1, 2), last=date(2025, 12, 20),
                 until=date(2026, 1, 10), seed=100 + n, appeal_rate=0.3)  # fmt: skip
    return SimpleNamespace(
        office=office,
        a=a,
        b=b,
        leaves=leaves,
        organs=organs,
        supervisor=member(office, "supervisor"),
        officer=member(a, "officer"),
        head=member(a, "head"),
        leaf_officer=member(leaves[0], "officer"),
        leaf_head=member(leaves[0], "head"),
    )


def _cellwise(reports: list[AnnualReport]) -> dict[str, object]:
    out: dict[str, object] = {}
    for key in s.all_cell_keys():
        values = [r.cell(key) for r in reports if r.cell(key) is not None]
        out[key] = sum(values) if values else None  # type: ignore[arg-type]
    return out


def test_the_sums_equal_the_sum_of_the_childrens_computed_tables(world: Any) -> None:
    computed = [stats.report(o.name, {o.pk}, YEAR) for o in world.organs]
    total = region.summed(
        "合计", YEAR, (c.report for c in region.contributions(world.organs, YEAR))
    )
    assert dict(total.report.cells()) == _cellwise(computed)
    assert total.organs == 7
    received = total.report.table3.get("received", "total")
    assert received == sum(r.table3.get("received", "total") or 0 for r in computed) > 0
    # the direct level is the office and its two bureaus only
    direct = region.organs_of(world.office, "direct")
    assert [o.slug for o in direct] == ["gov", "a", "b"]
    assert [o.slug for o in region.organs_of(world.office, "all", world.a)] == ["a", "a1", "a2"]


def test_a_published_report_counts_as_published_and_blank_stays_blank(world: Any) -> None:
    draft = make_ready(services.open_draft(world.a, YEAR, world.officer), world.officer)
    services.publish(draft, world.head, on=date(2026, 1, 20))
    found = {c.organ.slug: c.source for c in region.contributions(world.organs, YEAR)}
    assert found["a"] == region.PUBLISHED and found["b"] == region.COMPUTED
    total = region.summed(
        "合计", YEAR, (c.report for c in region.contributions(world.organs, YEAR))
    )
    # table 二's entered figures: only organ a entered them (0), the others left them blank
    assert total.report.table2.licensing == 0
    assert total.blanks["table2.licensing"] == 6
    nobody = region.summed("合计", YEAR, [AnnualReport(organ="x", year=YEAR)])
    assert nobody.report.table2.licensing is None


def test_the_matrix_shows_published_late_draft_and_missing(world: Any, today: Any) -> None:
    on_time = make_ready(services.open_draft(world.a, YEAR, world.officer), world.officer)
    services.publish(on_time, world.head, on=date(2026, 1, 20))
    leaf = world.leaves[0]
    late = make_ready(services.open_draft(leaf, YEAR, world.leaf_officer), world.leaf_officer)
    today.set(date(2026, 2, 10))
    services.publish(late, world.leaf_head, on=date(2026, 2, 9))
    from gongkai_demo.factories.organs import member

    services.open_draft(world.b, YEAR, member(world.b, "officer"))
    client = Client()
    client.force_login(world.supervisor)
    page = client.get(f"/office/reports/rollup/gov/{YEAR}/?from=2024").content.decode()
    rows = {
        slug: re.findall(r"<td[^>]*>(.*?)</td>", body, re.S)
        for slug, body in re.findall(r'<tr data-organ="([^"]+)-matrix">(.*?)</tr>', page, re.S)
    }
    assert set(rows) == {o.slug for o in world.organs}
    assert "已发布" in rows["a"][1] and "2026-01-20" in rows["a"][1]
    assert "逾期9天" in rows["a1"][1]
    assert "逾期未发布（草稿）" in rows["b"][1] and "待处理问题" in rows["b"][1]
    assert "逾期未发布" in rows["a2"][1]
    assert rows["a"][0].startswith('<span class="m-status">逾期未发布')  # 2024: nothing
    # the export holds the same cells
    book = load_workbook(
        io.BytesIO(client.get(f"/office/reports/rollup/gov/{YEAR}/matrix.xlsx?from=2024").content)
    )
    sheet = book.active
    table = {r[0]: r for r in sheet.iter_rows(min_row=3, values_only=True)}
    assert table["测试区甲局"][5] == "已发布" and table["测试区甲局第1所"][7] == 9
    assert table["测试区乙局"][5] == "逾期未发布（草稿）"


def test_a_governments_report_is_checked_against_its_departments(world: Any, today: Any) -> None:
    today.set(date(2026, 3, 21))
    world.office.report_publisher = "government"
    world.office.save()
    from gongkai_demo.factories.organs import member

    officer, head = member(world.office, "officer"), member(world.office, "head")
    draft = make_ready(services.open_draft(world.office, YEAR, officer), officer)
    services.publish(draft, head, on=date(2026, 3, 20))
    [check] = region.parent_checks(world.office, YEAR)
    assert check.children == 6 and check.differences
    assert check.message.startswith("测试区人民政府已发布的数字与所属6个机关之和不一致：")
    assert "表三“一、本年新收政府信息公开申请数量”行“自然人”列：报告为" in check.message
    client = Client()
    client.force_login(world.supervisor)
    page = client.get(f"/office/reports/rollup/gov/{YEAR}/").content.decode()
    assert "所属6个机关之和不一致" in page


def test_sum_downloads_are_reports(world: Any) -> None:
    client = Client()
    client.force_login(world.supervisor)
    body = client.get(f"/office/reports/rollup/gov/{YEAR}/sum-all.json")
    report = AnnualReport.from_dict(json.loads(body.content))
    computed = [stats.report(o.name, {o.pk}, YEAR) for o in world.organs]
    assert dict(report.cells()) == _cellwise(computed)
    xlsx = client.get(f"/office/reports/rollup/gov/{YEAR}/sum-direct.xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert client.get(f"/office/reports/rollup/gov/{YEAR}/sum-other.json").status_code == 404


def test_charts_are_svg_with_their_tables(world: Any) -> None:
    client = Client()
    client.force_login(world.supervisor)
    page = client.get(f"/office/reports/rollup/gov/{YEAR}/").content.decode()
    for chart in ("chart-received", "chart-substantive", "chart-corrected", "chart-trend"):
        figure = re.search(
            rf'<figure class="chart-figure" id="{chart}-figure">(.*?)</figure>', page, re.S
        )
        assert figure, chart
        assert '<svg xmlns="http://www.w3.org/2000/svg"' in figure.group(1)
        assert "<title" in figure.group(1) and "<table" in figure.group(1)
        assert "<script" not in figure.group(1) and "style=" not in figure.group(1)


def test_an_empty_region_and_strangers(world: Any) -> None:
    client = Client()
    client.force_login(world.supervisor)
    page = client.get(f"/office/reports/rollup/gov/{YEAR}/?level=own&parent=a").content.decode()
    assert "所选范围内没有机关。" in page and "没有数据。" in page
    stranger = Client()
    stranger.force_login(world.officer)
    assert stranger.get(f"/office/reports/rollup/gov/{YEAR}/").status_code in (403, 404)
    assert stranger.get(f"/office/reports/rollup/gov/{YEAR}/matrix.xlsx").status_code in (403, 404)
