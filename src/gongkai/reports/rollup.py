"""The supervisor's roll-up: every organ under an office, with its report's status for a year."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gongkai.annual import Severity
from gongkai.organs.models import Organ

from . import compute
from .models import AnnualReportDraft, ImportedReport, Status, deadline_for

NOT_STARTED = "未开始"
OVERDUE = "逾期未发布"
SOURCE_PLATFORM = "本平台"
SOURCE_IMPORTED = "外部导入"


@dataclass(frozen=True)
class Row:
    organ: Organ
    status: str
    source: str
    published_on: date | None
    on_time: bool | None
    errors: int | None
    warnings: int | None
    draft: AnnualReportDraft | None
    imported: ImportedReport | None


def _published_on(imported: ImportedReport) -> date | None:
    text = imported.data.get("published") if isinstance(imported.data, dict) else None
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def organs_under(office: Organ) -> list[Organ]:
    ids = office.descendant_ids()
    organs = list(Organ.objects.filter(pk__in=ids, is_active=True))
    return sorted(organs, key=lambda o: (o.pk != office.pk, o.name))


def rows(office: Organ, year: int, today: date) -> list[Row]:
    organs = organs_under(office)
    ids = [o.pk for o in organs]
    drafts = {d.organ_id: d for d in AnnualReportDraft.objects.filter(organ_id__in=ids, year=year)}
    imported: dict[int, ImportedReport] = {}
    for row in ImportedReport.objects.filter(organ_id__in=ids, year=year).order_by(
        "imported_at", "id"
    ):
        assert row.organ_id is not None
        imported[row.organ_id] = row  # the latest import wins
    out = []
    for organ in organs:
        deadline = deadline_for(organ, year)
        draft = drafts.get(organ.pk)
        ext = imported.get(organ.pk)
        if draft is not None and draft.status == Status.PUBLISHED:
            tally = compute.counts(draft.findings or [])
            tally[Severity.WARNING.value] -= sum(
                1 for f in draft.findings or [] if f.get("decision")
            )
            out.append(
                Row(organ, Status.PUBLISHED.label, SOURCE_PLATFORM, draft.published_on,
                    draft.late_days == 0, tally[Severity.ERROR.value],
                    tally[Severity.WARNING.value], draft, ext)
            )  # fmt: skip
        elif ext is not None:
            on = _published_on(ext)
            out.append(
                Row(organ, Status.PUBLISHED.label, SOURCE_IMPORTED, on,
                    None if on is None else on <= deadline, ext.errors, ext.warnings, draft, ext)
            )  # fmt: skip
        elif draft is not None:
            report = compute.draft_report(draft, published=today)
            found = compute.findings(report, organ)
            tally = compute.open_counts(compute.decided(found, report, draft.decisions.all()))
            status = draft.get_status_display()
            if today > deadline:
                status = f"{OVERDUE}（{status}）"
            out.append(
                Row(organ, status, SOURCE_PLATFORM, None, None, tally[Severity.ERROR.value],
                    tally[Severity.WARNING.value], draft, None)
            )  # fmt: skip
        else:
            status = OVERDUE if today > deadline else NOT_STARTED
            out.append(Row(organ, status, "", None, None, None, None, None, None))
    return out


def imports_of(office: Organ, year: int) -> list[ImportedReport]:
    """The office's imports of ``year``, and those whose organ or year is still unknown."""
    from django.db.models import Q

    rows = ImportedReport.objects.filter(office=office).filter(
        Q(year=year) | Q(year__isnull=True) | Q(organ__isnull=True)
    )
    return list(rows.select_related("organ").order_by("-imported_at", "-id")[:200])
