"""The 公开指南: reviewed within a year, with the organ's own contact details."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from django.urls import reverse

from gongkai.disclosure.models import Guide

from ..catalogue import Finding
from .context import Context

STALE_DAYS = 365


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def guides(ctx: Context) -> Iterator[Finding]:
    rows = Guide.objects.filter(organ_id__in=ctx.organ_ids).select_related("organ")
    for guide in rows:
        organ = guide.organ
        url = reverse("portal:guide", args=[organ.slug])
        updated = guide.updated_at.date()
        if updated < ctx.on - timedelta(days=STALE_DAYS):
            yield Finding(
                organ.pk, "GUIDE.STALE", "guide", f"公开指南最近更新于{updated}，超过一年", url
            )
        differing = []
        if organ.office_phone and _digits(guide.office_phone) != _digits(organ.office_phone):
            differing.append(
                f"联系电话（指南：{guide.office_phone or '空'}；登记：{organ.office_phone}）"
            )
        if organ.office_address and guide.office_address.strip() != organ.office_address.strip():
            differing.append(
                f"办公地址（指南：{guide.office_address or '空'}；登记：{organ.office_address}）"
            )
        if differing:
            yield Finding(
                organ.pk,
                "GUIDE.CONTACT",
                "guide",
                "公开指南的" + "、".join(d.split("（")[0] for d in differing) + "与机关登记不一致",
                url,
                "；".join(differing),
            )
