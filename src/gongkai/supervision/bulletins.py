"""通报: a supervising office's bulletin on its organs for a period, composed from the
period's figures, edited, issued once, and rendered as a 公文 (DOCX and PDF).

The figures use the same definitions as the statistics pages: applications received and
answered (closed) in the period, answered on time (the 申请台账's 是否逾期: the answer's
date against the statutory clock with its pauses and extensions), still open past the
due date at the period's end (the 办理统计 page's 逾期 when the period ends today);
items published in the period and how many after their due date (the 公开时效 page);
problems found and verified in the period; last year's annual report.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from gongkai.applications import services as casework
from gongkai.applications.ledger import late_answer_ids
from gongkai.applications.models import Application
from gongkai.applications.querysets import OPEN
from gongkai.applications.workflow import State
from gongkai.disclosure import workflow as items_workflow
from gongkai.disclosure.models import Item
from gongkai.organs.models import Organ, descendant_ids
from gongkai.reports.models import AnnualReportDraft, Status, deadline_for

from .models import Bulletin, Problem, ProblemState

SECTION_TITLES = (
    ("1", "一、总体情况"),
    ("2", "二、依申请公开办理情况"),
    ("3", "三、主动公开情况"),
    ("4", "四、问题整改情况"),
    ("5", "五、年度报告情况"),
    ("6", "六、下一步工作要求"),
)


class BulletinError(Exception):
    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass(frozen=True)
class OrganFigures:
    organ: str
    received: int
    closed: int
    on_time: int
    overdue: int
    published: int
    late: int
    problems_found: int
    problems_fixed: int
    report: str

    @property
    def on_time_rate(self) -> float | None:
        return None if not self.closed else self.on_time / self.closed

    @property
    def publish_rate(self) -> float | None:
        return None if not self.published else (self.published - self.late) / self.published


def organs_of(office: Organ) -> list[Organ]:
    """The organs a bulletin of ``office`` covers: every active organ below it."""
    ids = descendant_ids([office.pk]) - {office.pk}
    return list(Organ.objects.filter(pk__in=ids, is_active=True).order_by("name"))


def figures(office: Organ, start: date, end: date) -> list[OrganFigures]:
    organs = organs_of(office)
    ids = [o.pk for o in organs]
    cases = {
        r["organ_id"]: r
        for r in Application.objects.filter(organ_id__in=ids)
        .values("organ_id")
        .annotate(
            received=Count("pk", filter=Q(received_on__range=(start, end))),
            closed=Count("pk", filter=Q(state=State.CLOSED, closed_on__range=(start, end))),
            overdue=Count("pk", filter=Q(state__in=OPEN, due_on__lt=end, clock_paused=False)),
        )
    }
    answered = Application.objects.filter(
        organ_id__in=ids, state=State.CLOSED, closed_on__range=(start, end)
    )
    late = Counter(
        Application.objects.filter(
            pk__in=late_answer_ids(answered, casework.current_calendar())
        ).values_list("organ_id", flat=True)
    )
    published = {
        r["organ_id"]: r
        for r in Item.objects.filter(organ_id__in=ids, published_on__range=(start, end))
        .exclude(state=items_workflow.WITHDRAWN)
        .values("organ_id")
        .annotate(
            n=Count("pk"),
            late=Count("pk", filter=Q(due_on__isnull=False, published_on__gt=F("due_on"))),
        )
    }
    problems = {
        r["organ_id"]: r
        for r in Problem.objects.filter(organ_id__in=ids)
        .values("organ_id")
        .annotate(
            found=Count("pk", filter=Q(found_on__range=(start, end))),
            fixed=Count("pk", filter=Q(state=ProblemState.VERIFIED, closed_on__range=(start, end))),
        )
    }
    year = end.year - 1
    reports = {
        d.organ_id: d
        for d in AnnualReportDraft.objects.filter(
            organ_id__in=ids, year=year, status=Status.PUBLISHED
        )
    }
    out = []
    for organ in organs:
        c: Mapping[str, Any] = cases.get(organ.pk, {})
        p: Mapping[str, Any] = published.get(organ.pk, {})
        q: Mapping[str, Any] = problems.get(organ.pk, {})
        out.append(
            OrganFigures(
                organ=organ.name,
                received=int(c.get("received", 0)),
                closed=int(c.get("closed", 0)),
                on_time=int(c.get("closed", 0)) - late[organ.pk],
                overdue=int(c.get("overdue", 0)),
                published=int(p.get("n", 0)),
                late=int(p.get("late", 0)),
                problems_found=int(q.get("found", 0)),
                problems_fixed=int(q.get("fixed", 0)),
                report=_report_status(organ, year, reports.get(organ.pk), end),
            )
        )
    return out


def _report_status(organ: Organ, year: int, report: Any, end: date) -> str:
    due = deadline_for(organ, year)
    if report is None:
        return "逾期未发布" if end > due else "尚未发布"
    if report.published_on and report.published_on > due:
        return f"已发布（逾期{(report.published_on - due).days}天）"
    return "按期发布"


def ranking(rows: list[OrganFigures]) -> list[OrganFigures]:
    """Best first: fewest overdue applications, then the highest on-time rates (answers,
    then publications), then the fewest problems found; a rate with nothing to count
    ranks as full."""

    def key(r: OrganFigures) -> tuple[int, float, float, int, str]:
        return (
            r.overdue,
            -(1.0 if r.on_time_rate is None else r.on_time_rate),
            -(1.0 if r.publish_rate is None else r.publish_rate),
            r.problems_found,
            r.organ,
        )

    return sorted(rows, key=key)


def day(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def texts(office: Organ, start: date, end: date, rows: list[OrganFigures]) -> dict[str, str]:
    """The six sections pre-filled from the figures (the office edits them)."""
    total = {
        k: sum(getattr(r, k) for r in rows)
        for k in (
            "received",
            "closed",
            "on_time",
            "overdue",
            "published",
            "late",
            "problems_found",
            "problems_fixed",
        )
    }
    ranked = ranking(rows)
    period = f"{day(start)}至{day(end)}"
    on_time = _percent(total["on_time"] / total["closed"] if total["closed"] else None)
    publish = _percent(
        (total["published"] - total["late"]) / total["published"] if total["published"] else None
    )
    overdue = [r.organ for r in rows if r.overdue]
    late_reports = [r.organ for r in rows if r.report.startswith(("逾期", "已发布（逾期"))]
    return {
        "1": f"{period}，{office.name}对所属{len(rows)}个机关的政府信息公开工作进行了统计和巡查。"
        f"综合排名前三位的是：{'、'.join(r.organ for r in ranked[:3]) or '无'}。",
        "2": f"各机关共收到政府信息公开申请{total['received']}件，办结{total['closed']}件"
        + (
            f"，其中按期办结{total['on_time']}件，按期办结率{on_time}；"
            if total["closed"]
            else "；"
        )
        + (
            f"截至{end.month}月{end.day}日仍有{total['overdue']}件超过答复期限未办结，涉及{'、'.join(overdue)}。"
            if overdue
            else "截至期末没有超过答复期限未办结的申请。"
        ),
        "3": f"各机关共主动公开政府信息{total['published']}条"
        + (
            f"，其中超过公开期限发布{total['late']}条，按期发布率{publish}。"
            if total["published"]
            else "。"
        ),
        "4": f"巡查共发现问题{total['problems_found']}项，经复查确认已整改{total['problems_fixed']}项。",
        "5": (
            f"{end.year - 1}年度政府信息公开工作年度报告未按期发布的机关：{'、'.join(late_reports)}。"
            if late_reports
            else f"各机关{end.year - 1}年度政府信息公开工作年度报告均已按期发布。"
        ),
        "6": "请各机关对照本通报，逐项整改巡查发现的问题，按期答复政府信息公开申请，"
        "按期主动公开政府信息，并在整改期限内通过平台报告整改情况。",
    }


def compose(office: Organ, actor: Any, start: date, end: date, *, main_to: str = "") -> Bulletin:
    if end < start:
        raise BulletinError("截止日期不能早于开始日期")
    rows = figures(office, start, end)
    return Bulletin.objects.create(
        office=office,
        year=end.year,
        start=start,
        end=end,
        title=f"关于{day(start)}至{day(end)}政府信息公开工作情况的通报",
        main_to=main_to or f"{office.name}所属各机关",
        sections=texts(office, start, end, rows),
        figures=[{**asdict(r)} for r in ranking(rows)],
        created_by=actor,
    )


def edit(bulletin: Bulletin, sections: dict[str, str], title: str, main_to: str) -> Bulletin:
    if bulletin.issued_on is not None:
        raise BulletinError("通报已印发，不能再修改", 409)
    missing = [t for k, t in SECTION_TITLES if not sections.get(k, "").strip()]
    if missing:
        raise BulletinError(f"“{missing[0]}”不能为空")
    if not title.strip() or not main_to.strip():
        raise BulletinError("标题和主送机关不能为空")
    bulletin.sections = {k: sections[k].strip() for k, _ in SECTION_TITLES}
    bulletin.title, bulletin.main_to = title.strip(), main_to.strip()
    bulletin.save(update_fields=["sections", "title", "main_to"])
    return bulletin


def issue(bulletin: Bulletin, actor: Any) -> Bulletin:
    """Give the bulletin its number for the year (第N期) and the day; never again."""
    with transaction.atomic():
        locked = Bulletin.objects.select_for_update().get(pk=bulletin.pk)
        if locked.issued_on is not None:
            raise BulletinError("通报已印发", 409)
        last = (
            Bulletin.objects.filter(office=locked.office, year=locked.year)
            .exclude(number=None)
            .order_by("-number")
            .values_list("number", flat=True)
            .first()
        )
        locked.number = (last or 0) + 1
        locked.issued_on = timezone.localdate()
        locked.issued_by = actor
        locked.save(update_fields=["number", "issued_on", "issued_by"])
    return locked
