"""依申请公开台账: the page (filters, sortable columns, 50 a page) and its XLSX/CSV exports."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    QueryDict,
    StreamingHttpResponse,
)
from django.shortcuts import render
from django.utils.http import content_disposition_header

from gongkai.deadlines import WorkCalendar

from .. import ledger, ledger_export, services
from ..models import Application
from ..querysets import visible_to

log = logging.getLogger(__name__)

SORTABLE = {
    "number": "number",
    "organ": "organ",
    "received_on": "received",
    "state": "state",
    "assignee": "assignee",
    "answer": "answer",
    "answered_on": "answered",
}
"""Column key → sort key (``ledger.SORTS``)."""


@dataclass
class Query:
    access: ledger.Access
    form: ledger.LedgerFilters
    sort: str
    on: date
    calendar: WorkCalendar
    cases: QuerySet[Application] | None
    """The filtered, sorted cases; ``None`` while a filter is refused."""


def _query(request: HttpRequest) -> Query:
    access = ledger.access_of(request.user)
    cases = visible_to(request.user)
    form = ledger.LedgerFilters(
        request.GET, access=access, assignees=ledger.assignees(cases, access.organs)
    )
    on = services.today()
    calendar = services.current_calendar()
    sort = ledger.sort_param(request.GET.get("sort"))
    found = None
    if form.is_valid():
        found = ledger.sorted_by(
            ledger.filtered(cases, form.cleaned_data, access=access, on=on, calendar=calendar),
            sort,
        )
    return Query(access, form, sort, on, calendar, found)


def _without(params: QueryDict, *names: str) -> QueryDict:
    rest = params.copy()
    for name in names:
        rest.pop(name, None)
    return rest


def _headers(request: HttpRequest, query: Query) -> list[dict[str, Any]]:
    """Each column's label, and for the sortable ones the link that sorts by it (the
    current column toggles between ascending and descending) and its ``aria-sort``."""
    out = []
    for column in ledger.columns_for(query.access):
        header: dict[str, Any] = {"column": column, "href": None, "aria_sort": None}
        key = SORTABLE.get(column.key)
        if key is not None and (key != "organ" or len(query.access.organs) > 1):
            params = _without(request.GET, "page", "sort")
            current = query.sort.lstrip("-") == key
            descending = query.sort.startswith("-")
            params["sort"] = key if current and descending else f"-{key}" if current else key
            header["href"] = f"?{params.urlencode()}"
            if current:
                header["aria_sort"] = "descending" if descending else "ascending"
        out.append(header)
    return out


@login_required
def ledger_page(request: HttpRequest) -> HttpResponse:
    query = _query(request)
    page = None
    rows: list[ledger.LedgerRow] = []
    if query.cases is not None:
        page = Paginator(ledger.with_facts(query.cases), ledger.PER_PAGE).get_page(
            request.GET.get("page")
        )
        rows = ledger.rows_of(
            page.object_list, access=query.access, calendar=query.calendar, on=query.on
        )
        ledger.access_log(request.user, query.access, ledger.VIA["page"])(rows)
    columns = ledger.columns_for(query.access)
    filters = _without(request.GET, "page")
    return render(
        request,
        "applications/ledger.html",
        {
            "form": query.form,
            "page": page,
            "rows": [
                (row, list(zip(columns, map(_shown, row.cells(columns)), strict=True)))
                for row in rows
            ],
            "columns": columns,
            "sort": query.sort,
            "headers": _headers(request, query),
            "query": filters.urlencode(),
            "filtered": any(v for k, v in request.GET.items() if k not in ("page", "sort")),
            "personal": query.access.personal,
            "today": query.on,
        },
    )


def _shown(value: ledger.Cell) -> str | None:
    """A cell as the page prints it (``None`` stays ``None``: not shown to this user)."""
    if value is None or isinstance(value, str):
        return value
    return value.isoformat() if isinstance(value, date) else str(value)


@login_required
def export(request: HttpRequest, fmt: str) -> HttpResponse | StreamingHttpResponse:
    if fmt not in ledger_export.FORMATS:
        raise Http404("仅支持导出 xlsx 或 csv")
    query = _query(request)
    if query.cases is None:
        refused = ledger_page(request)
        refused.status_code = 400
        return refused
    columns = ledger.columns_for(query.access)
    chunks = ledger.chunked_rows(
        query.cases, access=query.access, calendar=query.calendar, on=query.on
    )
    record = ledger.access_log(request.user, query.access, ledger.VIA[fmt])
    name = ledger_export.filename(query.on, fmt)
    log.info(
        "依申请公开台账导出：用户%s，格式%s，条件%s，含申请人信息：%s",
        request.user.get_username(),
        fmt,
        _without(request.GET, "page").urlencode(),
        "是" if query.access.personal else "否",
    )
    if fmt == "csv":
        response = StreamingHttpResponse(
            ledger_export.csv_lines(chunks, columns, record),
            content_type=ledger_export.FORMATS["csv"],
        )
        response["Content-Disposition"] = content_disposition_header(True, name)
        return response
    return FileResponse(
        ledger_export.xlsx_file(chunks, columns, record),
        as_attachment=True,
        filename=name,
        content_type=ledger_export.FORMATS["xlsx"],
    )
