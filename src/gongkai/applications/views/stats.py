"""Tables 三/四 for an organ (with its subtree) and a year; each number links to its cases."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from gongkai.annual import schema
from gongkai.organs.querysets import case_organs

from .. import stats
from ..tally import APPLICANT_COLUMNS

PER_PAGE = 100


def organ_scope(request: HttpRequest, slug: str) -> tuple[object, set[int]]:
    organ = case_organs(request.user).filter(slug=slug).first()
    if organ is None:
        raise Http404("未找到该机关，或无权查看")
    visible = set(case_organs(request.user).values_list("pk", flat=True))
    return organ, organ.descendant_ids() & visible


@login_required
def table(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    organ, ids = organ_scope(request, slug)
    result = stats.annual_stats(ids, year)
    columns = [c.key for c in schema.TABLE3_COLUMNS]
    rows = [(r, list(zip(columns, result.table3[r.key], strict=True))) for r in schema.TABLE3_ROWS]
    groups = [
        (g, [(c.key, result.table4[g.key][c.key]) for c in schema.TABLE4_COLUMNS])
        for g in schema.TABLE4_GROUPS
    ]
    return render(
        request,
        "applications/stats.html",
        {
            "organ": organ,
            "year": year,
            "rows": rows,
            "columns": schema.TABLE3_COLUMNS,
            "groups": groups,
            "t4columns": schema.TABLE4_COLUMNS,
            "subtree": len(ids) > 1,
        },
    )


@login_required
def cell(request: HttpRequest, slug: str, year: int, row: str, column: str) -> HttpResponse:
    organ, ids = organ_scope(request, slug)
    if row not in schema.TABLE3_ROW_BY_KEY or column not in (*APPLICANT_COLUMNS, "total"):
        raise Http404("表三没有这一格")
    cases = stats.cell_cases(ids, year, row, column).select_related("organ")
    page = Paginator(cases, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "applications/cell.html",
        {
            "organ": organ,
            "year": year,
            "title": f"表三 {schema.TABLE3_ROW_BY_KEY[row].full_label}"
            f"（{schema.TABLE3_COLUMN_BY_KEY[column].label}）",
            "page": page,
            "cases": page.object_list,
        },
    )


@login_required
def appeal_cell(
    request: HttpRequest, slug: str, year: int, group: str, column: str
) -> HttpResponse:
    organ, ids = organ_scope(request, slug)
    groups = {g.key: g for g in schema.TABLE4_GROUPS}
    labels = {c.key: c.label for c in schema.TABLE4_COLUMNS}
    if group not in groups or column not in labels:
        raise Http404("表四没有这一格")
    appeals = stats.appeal_cases(ids, year, group, column).select_related("application__organ")
    page = Paginator(appeals.order_by("lodged_on", "id"), PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "applications/cell.html",
        {
            "organ": organ,
            "year": year,
            "title": f"表四 {groups[group].label}（{labels[column]}）",
            "page": page,
            "appeals": page.object_list,
            "appeal_view": True,
        },
    )
