"""Catalogue columns an organ must fill, and columns with an update period."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Final

from django.db.models import Max
from django.urls import reverse

from gongkai.disclosure import workflow
from gongkai.disclosure.categories import CATEGORY_BY_KEY
from gongkai.disclosure.models import Item
from gongkai.organs.models import Organ

from ..catalogue import Finding
from . import Context

REQUIRED: Final = ("organisation", "budget")
"""Columns every organ fills: 机关职能… (Art. 20 (二)) and 财政预算、决算 (Art. 20 (七))."""
PERIOD_DAYS: Final = {"budget": 400, "organisation": 730}
"""Longest gap between two items of a column (days): budgets and final accounts yearly
(with a month's grace), the organ's own particulars checked at least every two years."""


def columns(ctx: Context) -> Iterator[Finding]:
    latest = {
        (r["organ_id"], r["category"]): r["last"]
        for r in Item.objects.filter(
            organ_id__in=ctx.organ_ids, state__in=workflow.HEAD_STATES, category__in=REQUIRED
        )
        .values("organ_id", "category")
        .annotate(last=Max("published_on"))
    }
    for organ in Organ.objects.filter(pk__in=ctx.organ_ids).only("id", "slug", "name"):
        url = reverse("portal:organ_catalog", args=[organ.slug])
        for key in REQUIRED:
            label = CATEGORY_BY_KEY[key].label
            last = latest.get((organ.pk, key))
            if last is None:
                yield Finding(
                    organ.pk, "CATALOG.EMPTY", f"column:{key}", f"“{label}”栏目没有任何信息", url
                )
            elif last < ctx.on - timedelta(days=PERIOD_DAYS[key]):
                yield Finding(
                    organ.pk,
                    "CATALOG.STALE",
                    f"column:{key}",
                    f"“{label}”栏目最近一条信息发布于{last}，超过更新周期",
                    url,
                )
