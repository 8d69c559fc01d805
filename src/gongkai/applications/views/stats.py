"""Tables 三/四 for an organ (with its subtree) and a year; each number links to its cases."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from gongkai.annual import schema
from gongkai.organs.querysets import case_organs

from .. import stats
from ..tally import APPLICANT_COLUMNS


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
    rows = [(r, result.table3[r.key]) for r in schema.TABLE3_ROWS]
    groups = [(g, result.table4[g.key]) for g in schema.TABLE4_GROUPS]
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
        },
    )


@login_required
def cell(request: HttpRequest, slug: str, year: int, row: str, column: str) -> HttpResponse:
    organ, ids = organ_scope(request, slug)
    if row not in schema.TABLE3_ROW_BY_KEY or column not in (*APPLICANT_COLUMNS, "total"):
        raise Http404("表三没有这一格")
    cases = stats.cell_cases(ids, year, row, column).select_related("organ")[:500]
    return render(
        request,
        "applications/cell.html",
        {
            "organ": organ,
            "year": year,
            "row": schema.TABLE3_ROW_BY_KEY[row],
            "column": schema.TABLE3_COLUMN_BY_KEY[column],
            "cases": cases,
        },
    )
