"""The disclosure API, mounted at ``/api/disclosure/``.

Public (no authentication): ``GET search`` (the catalogue search, same order as the
site) and ``GET items/{id}`` (a published item's metadata). Staff:
``GET organs/{slug}/table2/{year}`` (table 二 in ``annual-report/1`` form).
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Router
from ninja.params.functions import Path, Query

from gongkai.annual.model import AnnualReport
from gongkai.organs.querysets import case_organs
from gongkai.site.converters import MAX_YEAR, MIN_YEAR

from . import stats, workflow
from .categories import CATEGORY_BY_KEY
from .models import Item
from .search import MAX_PAGE, Filters, search

YEAR = Path(..., ge=MIN_YEAR, le=MAX_YEAR, description="年度（1900–2200）")

router = Router()


def _item_dict(item: Item) -> dict[str, Any]:
    return {
        "id": item.pk,
        "index_number": item.index_number,
        "title": item.title,
        "organ": item.organ.name,
        "publisher": item.publisher,
        "doc_number": item.doc_number,
        "written_on": item.written_on.isoformat(),
        "published_on": item.published_on.isoformat() if item.published_on else None,
        "category": item.category,
        "category_label": CATEGORY_BY_KEY[item.category].label,
        "topic": item.topic,
        "validity": item.validity,
        "version": item.version,
        "url": reverse("portal:item", args=[item.pk]),
    }


@router.get("search", auth=None, summary="检索主动公开信息")
def search_items(
    request: HttpRequest,
    q: str = Query("", max_length=200, description="关键词"),
    organ: int | None = Query(None, ge=1, le=2**31 - 1, description="机关 id"),
    category: str = Query("", max_length=40),
    year: int | None = Query(None, ge=MIN_YEAR, le=MAX_YEAR, description="发布年份"),
    validity: str = Query("", max_length=4),
    order: str = Query("relevance", max_length=20),
    page: int = Query(1, ge=1, le=MAX_PAGE, description="页码（1–500）"),
) -> dict[str, Any]:
    results = search(
        q[:200],
        Filters(
            organ_ids=(organ,) if organ else (),
            category=category,
            year=year,
            validity=validity,
        ),
        order=order,
        page=page,
    )
    return {
        "total": results.total,
        "page": results.page,
        "pages": results.pages,
        "partial": results.partial,
        "items": [
            {**_item_dict(h.item), "score": h.score, "snippet_html": h.snippet_html}
            for h in results.hits
        ],
    }


@router.get("items/{item_id}", auth=None, summary="一条已公开信息的属性")
def item_detail(request: HttpRequest, item_id: int) -> dict[str, Any]:
    item = get_object_or_404(
        Item.objects.select_related("organ"), pk=item_id, state__in=workflow.PUBLIC_STATES
    )
    return _item_dict(item)


@router.get("organs/{slug}/table2/{year}", summary="机关某年度的表二")
def table2(request: HttpRequest, slug: str, year: int = YEAR) -> dict[str, Any]:
    organ = case_organs(request.user).filter(slug=slug).first()
    if organ is None:
        raise Http404
    report = AnnualReport(organ=organ.name, year=year, table2=stats.table2(organ, year))
    return {"organ": organ.name, "year": year, "table2": report.to_dict()["table2"]}
