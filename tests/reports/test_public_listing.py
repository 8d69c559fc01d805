"""Published annual reports in the public 公开目录 (their own category) and in search."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from django.test import Client

from gongkai.reports import services

from .conftest import YEAR, make_ready

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(staff: Any) -> Any:
    draft = make_ready(services.open_draft(staff.organ, YEAR, staff.officer), staff.officer)
    return services.publish(draft, staff.head, on=date(2026, 1, 20))


def _annual_rows(html: str) -> list[str]:
    table = re.search(
        r'<table class="data annual-table reflow" id="annual-reports">(.*?)</table>', html, re.S
    )
    assert table, "the catalogue lists annual reports as their own category"
    return re.findall(r'<a href="([^"]+)">([^<]+)</a>', table.group(1))


def test_the_catalogue_lists_published_reports_as_their_own_category(
    staff: Any, published: Any
) -> None:
    public = Client()
    title = f"{staff.organ.name}{YEAR}年政府信息公开工作年度报告"
    url = f"/reports/{staff.organ.slug}/{YEAR}/"
    assert (url, title) in _annual_rows(public.get("/catalog/").content.decode())
    own = public.get(f"/catalog/{staff.organ.slug}/").content.decode()
    assert (url, title) in _annual_rows(own)
    assert "政府信息公开工作年度报告</a>（1）" in own
    other = public.get(f"/catalog/{staff.other_organ.slug}/").content.decode()
    assert _annual_rows(other) == [] and "暂无已发布的年度报告。" in other


def test_an_unpublished_report_is_not_listed(staff: Any) -> None:
    services.open_draft(staff.organ, YEAR, staff.officer)
    assert _annual_rows(Client().get("/catalog/").content.decode()) == []


@pytest.mark.parametrize(
    "query",
    [
        f"{YEAR}年政府信息公开工作年度报告",
        "甲局 年报",
        "政府信息公开工作年度报告",
        f"测试区甲局{YEAR}",
    ],
)
def test_search_finds_the_report_first(staff: Any, published: Any, query: str) -> None:
    html = Client().get("/search/", {"q": query}).content.decode()
    hits = re.search(r'<ol id="annual-hits">(.*?)</ol>', html, re.S)
    assert hits, query
    first = re.search(r'<a href="([^"]+)">', hits.group(1))
    assert first and first.group(1) == f"/reports/{staff.organ.slug}/{YEAR}/"


def test_a_query_about_something_else_finds_no_report(staff: Any, published: Any) -> None:
    html = Client().get("/search/", {"q": "不存在的词xyz"}).content.decode()
    assert 'id="annual-hits"' not in html
