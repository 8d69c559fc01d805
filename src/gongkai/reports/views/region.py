"""The region's view for a supervising office: organs × years, summed tables, the check
of a government's report against its departments, and charts."""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from gongkai.annual import AnnualReport, render_xlsx
from gongkai.organs.models import Organ

from .. import charts, region, services
from .downloads import file_response


@dataclass(frozen=True)
class Filter:
    level: str
    parent: Organ | None
    years: tuple[int, ...]

    def query(self) -> str:
        parts = [f"level={self.level}", f"from={self.years[0]}"]
        if self.parent is not None:
            parts.append(f"parent={self.parent.slug}")
        return "&".join(parts)


def read_filter(request: HttpRequest, office: Organ, year: int) -> Filter:
    """The page's filter from the query string; a bad value falls back to the default."""
    level = request.GET.get("level", "all")
    if level not in region.LEVELS:
        level = "all"
    parent = None
    slug = request.GET.get("parent", "")
    if slug:
        parent = Organ.objects.filter(slug=slug, pk__in=office.descendant_ids()).first()
    first = request.GET.get("from", "")
    start = int(first) if first.isdigit() else year - region.YEARS_IN_MATRIX + 1
    start = max(services.FIRST_YEAR, min(start, year))
    return Filter(level, parent, tuple(range(start, year + 1))[-10:])


def context(office: Organ, year: int, chosen: Filter) -> dict[str, Any]:
    today = services.today()
    organs = region.organs_of(office, chosen.level, chosen.parent)
    cells = region.matrix(organs, chosen.years, today)
    contributions = region.contributions(organs, year)
    direct = region.summed(
        f"{office.name}（本级和直属机关）",
        year,
        (c.report for c in region.contributions(region.organs_of(office, "direct"), year)),
    )
    everything = region.summed(
        f"{office.name}（全部下级机关）",
        year,
        (c.report for c in region.contributions(region.organs_of(office, "all"), year)),
    )
    return {
        "filter": chosen,
        "levels": region.LEVELS,
        "parents": [o for o in region.organs_of(office) if o.children.exists()],
        "matrix": [(o, [cells[(o.pk, y)] for y in chosen.years]) for o in organs],
        "contributions": contributions,
        "sums": [("direct", direct), ("all", everything)],
        "checks": region.parent_checks(office, year),
        "charts": _charts(office, year, contributions, chosen),
    }


def _rate(part: int | None, whole: int | None) -> float | None:
    if part is None or not whole:
        return None
    return part / whole


def _substantive(report: AnnualReport) -> float | None:
    t3 = report.table3
    granted, partly = t3.get("granted", "total"), t3.get("partially_granted", "total")
    handled = t3.get("handled_total", "total")
    if granted is None or partly is None:
        return None
    return _rate(granted + partly, handled)


def _corrected(report: AnnualReport) -> float | None:
    group = report.table4.reconsideration
    return _rate(group.corrected, group.total)


def _charts(
    office: Organ, year: int, contributions: list[region.Contribution], chosen: Filter
) -> list[dict[str, Any]]:
    labels = [c.organ.name for c in contributions]
    received = tuple(c.report.table3.get("received", "total") for c in contributions)
    carried = tuple(c.report.table3.get("carried_over", "total") for c in contributions)
    substantive = tuple(_substantive(c.report) for c in contributions)
    corrected = tuple(_corrected(c.report) for c in contributions)
    appeals = tuple(c.report.table4.reconsideration.total for c in contributions)
    trend_years = list(chosen.years)
    totals = [
        region.summed(office.name, y, (c.report for c in region.contributions(
            region.organs_of(office, chosen.level, chosen.parent), y))).report
        for y in trend_years
    ]  # fmt: skip
    trend_received = tuple(t.table3.get("received", "total") for t in totals)
    trend_rate = tuple(_substantive(t) for t in totals)
    out: list[dict[str, Any]] = [
        {
            "id": "chart-received",
            "title": f"{year}年各机关收到的申请",
            "svg": charts.bars(
                f"{year}年各机关收到的申请",
                "每个机关本年新收和上年结转的政府信息公开申请件数（表三总计列）",
                labels,
                [
                    charts.Series("本年新收", tuple(_f(v) for v in received)),
                    charts.Series("上年结转", tuple(_f(v) for v in carried)),
                ],
                chart_id="chart-received",
            ),
            "head": ("机关", "本年新收", "上年结转"),
            "rows": [
                (lb, _n(a), _n(b)) for lb, a, b in zip(labels, received, carried, strict=True)
            ],
        },
        {
            "id": "chart-substantive",
            "title": f"{year}年实质公开率",
            "svg": charts.bars(
                f"{year}年实质公开率",
                "（予以公开＋部分公开）÷ 办理结果总计；没有办结的机关记为“—”",
                labels,
                [charts.Series("实质公开率", substantive)],
                percent=True,
                chart_id="chart-substantive",
            ),
            "head": ("机关", "实质公开率"),
            "rows": [(lb, _p(v)) for lb, v in zip(labels, substantive, strict=True)],
        },
        {
            "id": "chart-corrected",
            "title": f"{year}年行政复议纠错率",
            "svg": charts.bars(
                f"{year}年行政复议纠错率",
                "行政复议“结果纠正”÷ 行政复议总计；没有复议的机关记为“—”",
                labels,
                [charts.Series("复议纠错率", corrected)],
                percent=True,
                chart_id="chart-corrected",
            ),
            "head": ("机关", "行政复议总计", "复议纠错率"),
            "rows": [
                (lb, _n(a), _p(v)) for lb, a, v in zip(labels, appeals, corrected, strict=True)
            ],
        },
        {
            "id": "chart-trend",
            "title": "历年收到的申请与实质公开率",
            "svg": charts.lines(
                "历年本年新收申请数",
                "所选机关合计的本年新收申请数，按年度",
                trend_years,
                [charts.Series("本年新收（合计）", tuple(_f(v) for v in trend_received))],
                chart_id="chart-trend",
            ),
            "head": ("年度", "本年新收（合计）", "实质公开率"),
            "rows": [
                (str(y), _n(a), _p(r))
                for y, a, r in zip(trend_years, trend_received, trend_rate, strict=True)
            ],
        },
    ]
    return out


def _f(value: int | None) -> float | None:
    return None if value is None else float(value)


def _n(value: int | None) -> str:
    return "—" if value is None else str(value)


def _p(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


# ---------------------------------------------------------------------------- downloads


def matrix_xlsx(office: Organ, year: int, chosen: Filter) -> HttpResponse:
    organs = region.organs_of(office, chosen.level, chosen.parent)
    cells = region.matrix(organs, chosen.years, services.today())
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "汇总"
    sheet.append(
        [f"{office.name}及所属机关年度报告汇总（{chosen.years[0]}—{chosen.years[-1]}年度）"]
    )
    sheet["A1"].font = Font(bold=True, size=14)
    head = ["机关"]
    for y in chosen.years:
        head += [f"{y}年度状态", f"{y}年度发布日期", f"{y}年度逾期天数", f"{y}年度待处理问题"]
    sheet.append(head)
    for organ in organs:
        line: list[Any] = [organ.name]
        for y in chosen.years:
            cell = cells[(organ.pk, y)]
            line += [cell.status, cell.published_on, cell.late_days, cell.open_findings]
        sheet.append(line)
    sheet.column_dimensions["A"].width = 30
    for row in sheet.iter_rows(min_row=2, max_row=2):
        for c in row:
            c.alignment = Alignment(wrap_text=True, vertical="center")
    out = BytesIO()
    book.save(out)
    name = f"{office.name}{year}年度报告汇总.xlsx"
    return file_response(out.getvalue(), "xlsx", name)


def sum_download(office: Organ, year: int, scope: str, fmt: str) -> HttpResponse:
    if scope not in ("direct", "all") or fmt not in ("json", "xlsx"):
        raise Http404("没有这种汇总文件")
    label = "本级和直属机关" if scope == "direct" else "全部下级机关"
    total = region.summed(
        f"{office.name}（{label}）",
        year,
        (c.report for c in region.contributions(region.organs_of(office, scope), year)),
    )
    name = f"{office.name}{year}年度汇总（{label}）.{fmt}"
    if fmt == "json":
        return file_response(total.report.to_json().encode("utf-8"), "json", name)
    return file_response(render_xlsx(total.report), "xlsx", name)
