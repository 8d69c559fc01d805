"""Catalogue columns an organ must fill, and columns with an update period."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Final

from django.db.models import Max, Q
from django.urls import reverse

from gongkai.disclosure import workflow
from gongkai.disclosure.categories import CATEGORY_BY_KEY
from gongkai.disclosure.models import Item
from gongkai.organs.models import Organ

from ..catalogue import Finding
from ..models import ColumnPeriod
from .context import Context

DEFAULTS: Final[dict[str, tuple[bool, int | None]]] = {
    "organisation": (True, 730),
    "budget": (True, 400),
}
"""Per column (Article 20 category): must it hold something, and the longest gap between
two items in days — 机关职能… (Art. 20 (二)) checked at least every two years, 财政预算、决算
(Art. 20 (七)) yearly with a month's grace. ``ColumnPeriod`` rows override it, for all
organs (no organ) or for one."""


def _periods(organ_ids: list[int]) -> dict[int, dict[str, tuple[bool, int | None]]]:
    site = dict(DEFAULTS)
    own: dict[int, dict[str, tuple[bool, int | None]]] = {}
    for row in ColumnPeriod.objects.filter(Q(organ__isnull=True) | Q(organ_id__in=organ_ids)):
        if row.organ_id is None:
            site[row.category] = (row.required, row.days)
        else:
            own.setdefault(row.organ_id, {})[row.category] = (row.required, row.days)
    return {pk: {**site, **own.get(pk, {})} for pk in organ_ids}


def columns(ctx: Context) -> Iterator[Finding]:
    periods = _periods(ctx.organ_ids)
    categories = {c for p in periods.values() for c in p}
    latest = {
        (r["organ_id"], r["category"]): r["last"]
        for r in Item.objects.filter(
            organ_id__in=ctx.organ_ids, state__in=workflow.HEAD_STATES, category__in=categories
        )
        .values("organ_id", "category")
        .annotate(last=Max("published_on"))
    }
    for organ in Organ.objects.filter(pk__in=ctx.organ_ids).only("id", "slug", "name"):
        url = reverse("portal:organ_catalog", args=[organ.slug])
        for key, (required, days) in sorted(periods[organ.pk].items()):
            label = CATEGORY_BY_KEY[key].label
            last = latest.get((organ.pk, key))
            if last is None:
                if required:
                    yield Finding(
                        organ.pk,
                        "CATALOG.EMPTY",
                        f"column:{key}",
                        f"“{label}”栏目没有任何信息",
                        url,
                    )
            elif days is not None and last < ctx.on - timedelta(days=days):
                yield Finding(
                    organ.pk,
                    "CATALOG.STALE",
                    f"column:{key}",
                    f"“{label}”栏目最近一条信息发布于{last}，超过{days}天的更新周期",
                    url,
                )
