"""The 主管部门监督人员's start page for one supervised organ and every organ below it.

Counts only, never a case or an applicant: each organ's overdue and soon-due cases, its
items published late (or still unpublished past their 公开期限) this year, and the annual
report due now while it is not published.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from django.db.models import Count, F, Q
from django.urls import reverse

from gongkai.applications.models import Application
from gongkai.applications.querysets import OPEN
from gongkai.disclosure import workflow as items
from gongkai.disclosure.models import Item
from gongkai.organs.models import Organ, descendant_ids
from gongkai.reports.models import deadline_for

from . import counts
from .model import LIMIT, Block, Context, Line, Overview, Section
from .names import DRAFT, FINAL, IMPORTED, PUBLISHED
from .phrases import calendar_days_note

UNPUBLISHED = (items.DRAFT, *items.REVIEW_STATES)
REPORT_STATE: dict[str | None, str] = {
    None: "尚未开始编写",
    DRAFT: "草稿编写中",
    FINAL: "已定稿，尚未发布",
    PUBLISHED: "已发布",
    IMPORTED: "已发布（外部导入）",
}


def block(ctx: Context, office: Organ, *, several: bool) -> Block:
    organs = list(Organ.objects.filter(pk__in=descendant_ids([office.pk]), is_active=True))
    organs.sort(key=lambda o: (o.pk != office.pk, o.parent_id or 0, o.pk))
    ids = [o.pk for o in organs]
    on, soon = ctx.on, ctx.soon
    running = Q(state__in=OPEN, clock_paused=False, due_on__isnull=False)
    # Each row is the organ's id and its counts, all integers; the id is popped off.
    case_rows = cast(
        "Iterable[dict[str, int]]",
        Application.objects.filter(organ_id__in=ids)
        .order_by()
        .values("organ_id")
        .annotate(
            open=Count("pk", filter=Q(state__in=OPEN)),
            overdue=Count("pk", filter=running & Q(due_on__lt=on)),
            soon=Count("pk", filter=running & Q(due_on__gte=on, due_on__lte=soon)),
        ),
    )
    cases = {row.pop("organ_id"): row for row in case_rows}
    late_rows = cast(
        "Iterable[dict[str, int]]",
        Item.objects.filter(organ_id__in=ids, due_on__isnull=False)
        .order_by()
        .values("organ_id")
        .annotate(
            late=Count(
                "pk",
                filter=Q(published_on__year=on.year, published_on__gt=F("due_on"))
                & ~Q(state=items.WITHDRAWN),
            ),
            unpublished=Count("pk", filter=Q(state__in=UNPUBLISHED, due_on__lt=on)),
        ),
    )
    late = {row.pop("organ_id"): row for row in late_rows}
    reports = counts.reports(ctx, ids)
    none = {"open": 0, "overdue": 0, "soon": 0, "late": 0, "unpublished": 0}
    rows = [(o, {**none, **cases.get(o.pk, {}), **late.get(o.pk, {})}) for o in organs]
    sections = (
        _cases_section(ctx, rows),
        _late_section(ctx, rows),
        _reports_section(ctx, organs, reports),
    )
    year = ctx.report_year
    overview = Overview(
        "所监督的机关",
        ("机关", "办理中", "已逾期", "5个工作日内到期", f"{on.year}年迟发布", f"{year}年度报告"),
        tuple(
            (
                o.name,
                reverse("site:organ", args=[o.slug]),
                n["open"],
                n["overdue"],
                n["soon"],
                n["late"] + n["unpublished"],
                REPORT_STATE[reports.get(o.pk)],
            )
            for o, n in rows
        ),
    )
    return Block(
        f"supervisor-{office.pk}",
        "主管部门监督人员",
        f"{office.name}及所属机关" if several or len(organs) > 1 else office.name,
        sections,
        overview if ctx.lines else None,
        (
            ("办理统计", reverse("applications:supervise")),
            ("公开及时性", reverse("disclosure:timeliness")),
            ("年度报告", reverse("reports:index")),
        ),
    )


def _parts(*parts: tuple[str, int]) -> str:
    """The phrases whose count is not zero, joined."""
    return "，".join(text for text, n in parts if n)


def _cases_section(ctx: Context, rows: list[tuple[Organ, dict[str, int]]]) -> Section:
    found = [(o, n) for o, n in rows if n["overdue"] or n["soon"]]
    found.sort(key=lambda r: (-r[1]["overdue"], -r[1]["soon"]))
    queue = reverse("applications:queue")
    lines = []
    for organ, n in found[:LIMIT]:
        if n["overdue"]:
            url, note, tone = (
                f"{queue}?organ={organ.slug}&due=overdue",
                f"已逾期{n['overdue']}件",
                "overdue",
            )
        else:
            url, note, tone = f"{queue}?organ={organ.slug}", f"{n['soon']}件将到期", "soon"
        detail = _parts(
            (f"已逾期{n['overdue']}件", n["overdue"]), (f"5个工作日内到期{n['soon']}件", n["soon"])
        )
        lines.append(Line(url, organ.name, detail, note, tone))
    return Section(
        "cases",
        "有逾期或即将到期申请的机关",
        "所监督的机关没有已逾期或5个工作日内到期的申请。",
        tuple(lines) if ctx.lines else (),
        len(found),
        reverse("applications:supervise"),
    )


def _late_section(ctx: Context, rows: list[tuple[Organ, dict[str, int]]]) -> Section:
    found = [(o, n) for o, n in rows if n["late"] or n["unpublished"]]
    found.sort(key=lambda r: -(r[1]["late"] + r[1]["unpublished"]))
    year = ctx.on.year
    url = f"{reverse('disclosure:timeliness')}?year={year}"
    lines = [
        Line(
            url,
            organ.name,
            _parts(
                (f"{year}年迟发布{n['late']}条", n["late"]),
                (f"超过公开期限尚未发布{n['unpublished']}条", n["unpublished"]),
            ),
            f"{n['late'] + n['unpublished']}条",
            "overdue",
        )
        for organ, n in found[:LIMIT]
    ]
    return Section(
        "late_items",
        "主动公开信息迟发布的机关",
        f"所监督的机关{year}年没有迟发布或超过公开期限尚未发布的主动公开信息。",
        tuple(lines) if ctx.lines else (),
        len(found),
        url,
    )


def _reports_section(ctx: Context, organs: list[Organ], reports: dict[int, str]) -> Section:
    year = ctx.report_year
    done = (PUBLISHED, IMPORTED)
    found = [o for o in organs if reports.get(o.pk) not in done]
    lines = [
        Line(
            reverse("reports:workspace", args=[o.slug, year]),
            o.name,
            REPORT_STATE[reports.get(o.pk)],
            *calendar_days_note(deadline_for(o, year), ctx.on),
        )
        for o in found[:LIMIT]
    ]
    return Section(
        "reports",
        f"{year}年度报告尚未发布的机关",
        f"所监督的机关的{year}年度报告均已发布。",
        tuple(lines) if ctx.lines else (),
        len(found),
        reverse("reports:index"),
    )
