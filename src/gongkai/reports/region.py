"""The region of a supervising office: each organ's report of a year, their sums, the
organs × years matrix and the check of a government's report against its departments.

Which numbers an organ contributes (``contribution``): its published report as frozen
on the platform; else the report imported for it; else the tables the platform computes
from its records (marked as such). A sum cell is blank only when every contribution is
blank; the number of organs whose cell was blank is kept beside it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from gongkai.annual import AnnualReport, Severity
from gongkai.annual import schema as s
from gongkai.annual.model import T2Value
from gongkai.organs.models import Organ

from . import compute
from .models import AnnualReportDraft, ImportedReport, Status, deadline_for

PUBLISHED = "已发布"
IMPORTED = "外部导入"
COMPUTED = "平台计算（未发布）"
LEVELS = {"own": "本级", "direct": "本级和直属机关", "all": "全部下级机关"}
YEARS_IN_MATRIX = 5


@dataclass(frozen=True)
class Contribution:
    organ: Organ
    source: str
    report: AnnualReport


@dataclass(frozen=True)
class Sum:
    report: AnnualReport
    organs: int
    blanks: dict[str, int]
    """Cell key → organs whose cell was blank (only cells where some were)."""


def depth_under(office: Organ, organ: Organ, parents: dict[int, int | None]) -> int:
    """0 for the office, 1 for its direct children, and so on."""
    depth, current = 0, organ.pk
    while current != office.pk and current is not None:
        current = parents.get(current)  # type: ignore[assignment]
        depth += 1
    return depth


def organs_of(office: Organ, level: str = "all", parent: Organ | None = None) -> list[Organ]:
    """The office's organs at ``level`` (``own``, ``direct``, ``all``), optionally only
    those under ``parent``; ordered by depth, then as they were set up."""
    ids = office.descendant_ids()
    organs = list(Organ.objects.filter(pk__in=ids, is_active=True))
    parents = {o.pk: o.parent_id for o in organs}
    depths = {o.pk: depth_under(office, o, parents) for o in organs}
    limit = {"own": 0, "direct": 1}.get(level)
    chosen = [o for o in organs if limit is None or depths[o.pk] <= limit]
    if parent is not None:
        under = parent.descendant_ids()
        chosen = [o for o in chosen if o.pk in under]
    return sorted(chosen, key=lambda o: (depths[o.pk], o.pk))


def contributions(organs: Sequence[Organ], year: int) -> list[Contribution]:
    """Each organ's report of ``year`` (see the module docstring for which one)."""
    ids = [o.pk for o in organs]
    published = {
        d.organ_id: d
        for d in AnnualReportDraft.objects.filter(
            organ_id__in=ids, year=year, status=Status.PUBLISHED
        )
    }
    imported: dict[int, ImportedReport] = {}
    for row in ImportedReport.objects.filter(organ_id__in=ids, year=year).order_by("imported_at"):
        assert row.organ_id is not None
        imported[row.organ_id] = row
    out = []
    for organ in organs:
        draft = published.get(organ.pk)
        if draft is not None and draft.snapshot is not None:
            out.append(Contribution(organ, PUBLISHED, AnnualReport.from_dict(draft.snapshot)))
        elif organ.pk in imported:
            data = imported[organ.pk].data
            out.append(Contribution(organ, IMPORTED, AnnualReport.from_dict(data)))
        else:
            out.append(Contribution(organ, COMPUTED, compute.computed(organ, year)))
    return out


def _add(a: T2Value, b: T2Value) -> T2Value:
    if a is None:
        return b
    if b is None:
        return a
    if isinstance(a, Decimal) or isinstance(b, Decimal):
        return Decimal(a) + Decimal(b)
    return a + b


def summed(name: str, year: int, reports: Iterable[AnnualReport]) -> Sum:
    """The cell-by-cell sum of ``reports`` (blank only where all are blank)."""
    total = AnnualReport(organ=name, year=year)
    totals: dict[str, T2Value] = dict.fromkeys(s.all_cell_keys())
    blanks: dict[str, int] = {}
    count = 0
    for report in reports:
        count += 1
        for key, value in report.cells():
            if value is None:
                blanks[key] = blanks.get(key, 0) + 1
            totals[key] = _add(totals[key], value)
    for key, value in totals.items():
        total = total.with_cell(key, value)
    partial = {k: v for k, v in blanks.items() if v and totals[k] is not None}
    return Sum(total, count, partial)


@dataclass(frozen=True)
class Difference:
    cell: str
    printed: T2Value
    children: T2Value

    @property
    def label(self) -> str:
        return s.describe_cell(self.cell)


@dataclass(frozen=True)
class ParentCheck:
    """A government's published report against the sum of the organs under it."""

    organ: Organ
    children: int
    differences: tuple[Difference, ...]

    @property
    def message(self) -> str:
        if not self.differences:
            return f"{self.organ.name}已发布的数字与所属{self.children}个机关之和一致。"
        named = "；".join(
            f"{d.label}：报告为{_shown(d.printed)}，下级之和为{_shown(d.children)}"
            for d in self.differences[:5]
        )
        more = f"等{len(self.differences)}处" if len(self.differences) > 5 else ""
        return (
            f"{self.organ.name}已发布的数字与所属{self.children}个机关之和不一致：{named}{more}。"
        )


def _shown(value: T2Value) -> str:
    return "空白" if value is None else str(value)


def parent_checks(office: Organ, year: int) -> list[ParentCheck]:
    """For each organ under ``office`` that publishes its government's report
    (``report_publisher == government``) and has published it, its figures against the
    sum of its descendants' (a notice per organ; cells blank on either side not compared)."""
    out = []
    organs = organs_of(office)
    for organ in organs:
        if organ.report_publisher != "government":
            continue
        own = [c for c in contributions([organ], year) if c.source != COMPUTED]
        below = [o for o in organs_of(organ) if o.pk != organ.pk]
        if not own or not below:
            continue
        children = summed(organ.name, year, (c.report for c in contributions(below, year)))
        diffs = tuple(
            Difference(key, value, children.report.cell(key))
            for key, value in own[0].report.cells()
            if value is not None
            and children.report.cell(key) is not None
            and value != children.report.cell(key)
        )
        out.append(ParentCheck(organ, len(below), diffs))
    return out


# ---------------------------------------------------------------------------- matrix


@dataclass(frozen=True)
class MatrixCell:
    status: str
    published_on: date | None
    late_days: int | None
    open_findings: int | None
    draft: AnnualReportDraft | None = None
    imported: ImportedReport | None = None

    @property
    def css(self) -> str:
        if self.status.startswith("逾期"):
            return "late"
        if self.late_days:
            return "published-late"
        if self.published_on is not None:
            return "published"
        return "open"


def open_findings(draft: AnnualReportDraft, today: date) -> int:
    """Errors and undecided warnings of a draft checked as it would be published today."""
    report = compute.draft_report(draft, published=today)
    rows = compute.decided(compute.findings(report, draft.organ), report, draft.decisions.all())
    tally = compute.open_counts(rows)
    return tally[Severity.ERROR.value] + tally[Severity.WARNING.value]


def published_open(findings: list[dict[str, object]] | None) -> int:
    """Errors and undecided warnings frozen with a published report."""
    rows = findings or []
    return sum(
        1
        for f in rows
        if f.get("severity") == Severity.ERROR.value
        or (f.get("severity") == Severity.WARNING.value and not f.get("decision"))
    )


def matrix(
    organs: Sequence[Organ], years: Sequence[int], today: date
) -> dict[tuple[int, int], MatrixCell]:
    """(organ id, year) → what the roll-up shows; two queries for the whole matrix."""
    ids = [o.pk for o in organs]
    drafts = {
        (d.organ_id, d.year): d
        for d in AnnualReportDraft.objects.filter(organ_id__in=ids, year__in=years)
    }
    imported: dict[tuple[int, int], ImportedReport] = {}
    for row in ImportedReport.objects.filter(organ_id__in=ids, year__in=years).order_by(
        "imported_at"
    ):
        assert row.organ_id is not None and row.year is not None
        imported[(row.organ_id, row.year)] = row
    out: dict[tuple[int, int], MatrixCell] = {}
    for organ in organs:
        for year in years:
            out[(organ.pk, year)] = _cell(organ, year, drafts, imported, today)
    return out


def _cell(
    organ: Organ,
    year: int,
    drafts: dict[tuple[int, int], AnnualReportDraft],
    imported: dict[tuple[int, int], ImportedReport],
    today: date,
) -> MatrixCell:
    draft = drafts.get((organ.pk, year))
    ext = imported.get((organ.pk, year))
    deadline = deadline_for(organ, year)
    if draft is not None and draft.status == Status.PUBLISHED:
        return MatrixCell(
            PUBLISHED,
            draft.published_on,
            draft.late_days,
            published_open(draft.findings),
            draft=draft,
        )
    if ext is not None:
        day = _imported_on(ext)
        late = max(0, (day - deadline).days) if day else None
        return MatrixCell(IMPORTED, day, late, ext.errors + ext.warnings, imported=ext)
    overdue = today > deadline
    if draft is not None:
        status = draft.get_status_display()
        late = (today - deadline).days if overdue else None
        status = f"逾期未发布（{status}）" if overdue else status
        return MatrixCell(status, None, late, open_findings(draft, today), draft=draft)
    if overdue:
        return MatrixCell("逾期未发布", None, (today - deadline).days, None)
    return MatrixCell("未开始", None, None, None)


def _imported_on(row: ImportedReport) -> date | None:
    text = row.data.get("published") if isinstance(row.data, dict) else None
    try:
        return date.fromisoformat(str(text)[:10]) if text else None
    except ValueError:
        return None
