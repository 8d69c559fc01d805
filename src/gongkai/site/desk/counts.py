"""Every section's count for every organ of a person, in one aggregate query per model."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from django.db.models import Count, Q

from gongkai.applications.models import Application, Notice
from gongkai.applications.outbox import to_print_filter
from gongkai.applications.workflow import State
from gongkai.disclosure import workflow as items
from gongkai.disclosure.models import Item
from gongkai.reports.models import AnnualReportDraft, ImportedReport

from . import queries as q
from .model import Context
from .names import IMPORTED, PUBLISHED

Counts = dict[int, dict[str, int]]


def _by_organ(rows: Any, key: str = "organ_id") -> Counts:
    return {row.pop(key): row for row in rows}


def cases(ctx: Context, officer_organs: Collection[int], review_organs: Collection[int]) -> Counts:
    """Per organ: the officer's and the reviewers' case counts (keys as the sections')."""
    organs = set(officer_organs) | set(review_organs)
    if not organs:
        return {}
    mine = q.mine_or_unassigned(ctx.user)
    officer = Q(organ_id__in=list(officer_organs))
    processing = Q(state=State.PROCESSING)
    returned = q.returned_for_revision()
    acted = q.acted_in_review_round(ctx.user)
    rows = (
        Application.objects.filter(organ_id__in=organs)
        .order_by()
        .values("organ_id")
        .annotate(
            awaiting=Count("pk", filter=officer & Q(state=State.AWAITING_CONFIRMATION)),
            deadlines=Count("pk", filter=officer & mine & q.near_deadline(ctx.soon)),
            returned=Count("pk", filter=officer & mine & processing & returned),
            to_draft=Count("pk", filter=officer & mine & processing & ~returned),
            to_deliver=Count("pk", filter=officer & mine & Q(state=State.APPROVED)),
            **{
                state.value: Count("pk", filter=Q(state=state) & ~acted)
                for state in (State.REVIEW_FIRST, State.REVIEW_SECOND, State.REVIEW_FINAL)
            },
            extensions=Count("pk", filter=Q(state=State.EXTENSION_PENDING)),
        )
    )
    return _by_organ(rows)


def notices(ctx: Context, officer_organs: Collection[int]) -> Counts:
    if not officer_organs:
        return {}
    rows = (
        Notice.objects.filter(application__organ_id__in=list(officer_organs))
        .filter(q.mine_or_unassigned(ctx.user, "application__"))
        .order_by()
        .values("application__organ_id")
        .annotate(
            notices=Count("pk", filter=to_print_filter() | Q(status=Notice.Status.FAILED)),
        )
    )
    return _by_organ(rows, "application__organ_id")


def disclosure(ctx: Context, organs: Collection[int]) -> Counts:
    if not organs:
        return {}
    acted = q.item_acted_in_round(ctx.user)
    draft = Q(state=items.DRAFT)
    rows = (
        Item.objects.filter(organ_id__in=list(organs))
        .order_by()
        .values("organ_id")
        .annotate(
            items=Count("pk", filter=draft),
            **{state: Count("pk", filter=Q(state=state) & ~acted) for state in items.REVIEW_STATES},
        )
    )
    return _by_organ(rows)


def reports(ctx: Context, organs: Collection[int]) -> dict[int, str]:
    """Each organ's state of the report due now: a draft's status, ``imported`` when a
    supervising office imported the report published elsewhere, absent when not begun."""
    if not organs:
        return {}
    found: dict[int, str] = {
        organ_id: IMPORTED
        for organ_id in ImportedReport.objects.filter(
            organ_id__in=list(organs), year=ctx.report_year
        ).values_list("organ_id", flat=True)
        if organ_id is not None
    }
    for organ_id, status in AnnualReportDraft.objects.filter(
        organ_id__in=list(organs), year=ctx.report_year
    ).values_list("organ_id", "status"):
        if status == PUBLISHED or organ_id not in found:
            found[organ_id] = status
    return found
