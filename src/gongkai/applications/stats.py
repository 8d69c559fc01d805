"""Tables 三 and 四 for an organ (or a subtree) and a year, counted in the database;
``report`` adds table 二 from the disclosure app (``gongkai.disclosure.stats.table2``).

The rules are those of ``tally`` (which counts the same facts in Python, case by case);
here each row is one grouped query over the facts the events leave on the case row
(``received_on``, ``closed_on``, ``outcome``), so a year of 100,000 cases is counted in
milliseconds. ``cell_cases`` lists the cases behind one number.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date
from typing import Any

from django.apps import apps
from django.db.models import Count, Q, QuerySet

from gongkai.annual import schema
from gongkai.annual.model import AnnualReport, AppealCounts, Table2, Table3, Table4

from .models import Appeal, Application
from .tally import APPLICANT_COLUMNS, OUTCOME_ROWS, PENDING, TOTAL, Tally


def _bounds(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def row_filters(year: int) -> dict[str, Q]:
    """The cases of each non-outcome row, and of all outcome rows together."""
    start, end = _bounds(year)

    def open_at(day: date) -> Q:
        return Q(closed_on__isnull=True) | Q(closed_on__gt=day)

    return {
        "received": Q(received_on__gte=start, received_on__lte=end),
        "carried_over": Q(received_on__lt=start)
        & (Q(closed_on__isnull=True) | Q(closed_on__gte=start)),
        "handled": Q(received_on__isnull=False, closed_on__gte=start, closed_on__lte=end),
        "carried_forward": Q(received_on__lte=end) & open_at(end),
    }


def _cases(organ_ids: Collection[int]) -> QuerySet[Application]:
    return Application.objects.filter(organ_id__in=list(organ_ids))


def table3(organ_ids: Collection[int], year: int) -> dict[str, list[int]]:
    """One grouped query: every case that counts in the year at all, grouped by column and
    outcome, with one conditional count per row (one scan instead of one per row)."""
    index = {c: i for i, c in enumerate(APPLICANT_COLUMNS)}
    counts = {key: [0] * len(APPLICANT_COLUMNS) for key in schema.TABLE3_ROW_KEYS}
    filters = row_filters(year)
    start, end = _bounds(year)
    relevant = Q(received_on__lte=end) & (Q(closed_on__isnull=True) | Q(closed_on__gte=start))
    # The row counts are annotated by name from ``filters``, which the type checker
    # cannot see: each row is read as a plain mapping.
    grouped: QuerySet[Application, Mapping[str, Any]] = (
        _cases(organ_ids)
        .filter(relevant)
        .values("applicant_type", "outcome")
        .annotate(**{row: Count("id", filter=q) for row, q in filters.items()})
        .order_by()
    )
    for item in grouped:
        column = index[item["applicant_type"]]
        for row in ("received", "carried_over", "carried_forward"):
            counts[row][column] += item[row]
        if item["handled"]:
            counts[item["outcome"]][column] += item["handled"]
            counts["handled_total"][column] += item["handled"]
    return {key: [*parts, sum(parts)] for key, parts in counts.items()}


def table4(organ_ids: Collection[int], year: int) -> dict[str, dict[str, int]]:
    start, end = _bounds(year)
    out = {g: dict.fromkeys(schema.TABLE4_COLUMN_KEYS, 0) for g in schema.TABLE4_GROUP_KEYS}
    appeals = Appeal.objects.filter(
        application__organ_id__in=list(organ_ids), lodged_on__gte=start, lodged_on__lte=end
    )
    decided = Q(decided_on__lte=end) & ~Q(outcome="")
    for item in appeals.filter(decided).values("kind", "outcome").annotate(n=Count("id")):
        out[item["kind"]][item["outcome"]] += item["n"]
        out[item["kind"]]["total"] += item["n"]
    for pending in appeals.exclude(decided).values("kind").annotate(n=Count("id")):
        out[pending["kind"]][PENDING] += pending["n"]
        out[pending["kind"]]["total"] += pending["n"]
    return out


def annual_stats(organ_ids: Collection[int], year: int) -> Tally:
    return Tally(year, table3(organ_ids, year), table4(organ_ids, year))


TABLE2_MISSING_NOTE = "表二未计算：未安装主动公开应用（gongkai.disclosure），表二各项留空。"
TABLE2_NOTE = "表二由主动公开数据计算；表三、表四由依申请公开办理记录计算。"


def table2_for(organ_ids: Collection[int], year: int) -> Table2 | None:
    """Table 二 from the disclosure app when it is installed, else ``None``."""
    if not apps.is_installed("gongkai.disclosure"):
        return None
    try:
        from gongkai.disclosure.stats import table2
    except ImportError:
        return None
    return table2(list(organ_ids), year)


def report(organ_name: str, organ_ids: Collection[int], year: int) -> AnnualReport:
    """Tables 二, 三 and 四 of an organ (or subtree) for ``year`` as one report."""
    counted = annual_stats(organ_ids, year)
    t2 = table2_for(organ_ids, year)
    return AnnualReport(
        organ=organ_name,
        year=year,
        table2=t2 if t2 is not None else Table2(),
        table3=Table3({k: tuple(v) for k, v in counted.table3.items()}),
        table4=Table4(**{g: AppealCounts(**c) for g, c in counted.table4.items()}),
        notes=TABLE2_NOTE if t2 is not None else TABLE2_MISSING_NOTE,
    )


def report_dict(organ_name: str, organ_ids: Collection[int], year: int) -> dict[str, Any]:
    """``annual-report/1`` JSON with tables 二 (from the disclosure app), 三 and 四."""
    return report(organ_name, organ_ids, year).to_dict()


def cell_cases(
    organ_ids: Collection[int], year: int, row: str, column: str = TOTAL
) -> QuerySet[Application]:
    """The cases counted in one cell of table 三 (the drill-down)."""
    if row not in schema.TABLE3_ROW_BY_KEY:
        raise KeyError(f"表三没有“{row}”行")
    filters = row_filters(year)
    if row in OUTCOME_ROWS:
        q = filters["handled"] & Q(outcome=row)
    elif row == "handled_total":
        q = filters["handled"]
    else:
        q = filters[row]
    cases = _cases(organ_ids).filter(q)
    if column != TOTAL:
        if column not in APPLICANT_COLUMNS:
            raise KeyError(f"表三没有“{column}”列")
        cases = cases.filter(applicant_type=column)
    return cases.order_by("received_on", "id")


def appeal_cases(
    organ_ids: Collection[int], year: int, group: str, column: str
) -> QuerySet[Appeal]:
    """The appeals counted in one cell of table 四."""
    start, end = _bounds(year)
    appeals = Appeal.objects.filter(
        application__organ_id__in=list(organ_ids),
        lodged_on__gte=start,
        lodged_on__lte=end,
        kind=group,
    )
    decided = Q(decided_on__lte=end) & ~Q(outcome="")
    if column == PENDING:
        appeals = appeals.exclude(decided)
    elif column != "total":
        appeals = appeals.filter(decided, outcome=column)
    return appeals.select_related("application")
