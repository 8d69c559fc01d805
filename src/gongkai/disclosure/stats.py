"""Table 二 of the annual report, from the items and the entered counts.

规章 and 行政规范性文件 are items of those kinds. A document is counted by its current
version (the one row of its chain in a head state: published, repealed or expired):

- 本年制发件数: documents whose 成文日期 is in the year;
- 本年废止件数: documents repealed (废止) or expired (失效) in the year — both take a
  document out of force, so that 现行有效件数 = last year's + made − repealed holds;
- 现行有效件数: documents made by the end of the year and not ended by then.

Withdrawn items (publication retracted) are not counted. The licensing, punishment and
coercion counts and the fees come from ``Table2Entry`` (entered with their source); a
missing entry leaves those cells blank (``None``), never 0.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection
from decimal import Decimal
from typing import TypeVar

from django.db.models import Count, F, Q

from gongkai.annual.model import DocumentCounts, Table2
from gongkai.organs.models import Organ

from . import workflow
from .categories import KIND_TABLE2_ROW
from .models import Item, Table2Entry

T2 = TypeVar("T2", int, Decimal)


def _organ_ids(organs: Organ | Collection[int]) -> list[int]:
    return [organs.pk] if isinstance(organs, Organ) else list(organs)


def document_counts(organs: Organ | Collection[int], year: int) -> dict[str, DocumentCounts]:
    """Made / repealed / in force per counted kind, keyed by table 二 row key."""
    start = datetime.date(year, 1, 1)
    end = datetime.date(year, 12, 31)
    heads = Item.objects.filter(
        organ_id__in=_organ_ids(organs), state__in=workflow.HEAD_STATES, kind__in=KIND_TABLE2_ROW
    )
    ended = Q(state__in=(workflow.REPEALED, workflow.EXPIRED))
    rows = heads.values("kind").annotate(
        made=Count("pk", filter=Q(written_on__gte=start, written_on__lte=end)),
        repealed=Count("pk", filter=ended & Q(ended_on__gte=start, ended_on__lte=end)),
        in_force=Count(
            "pk",
            filter=Q(written_on__lte=end) & (~ended | Q(ended_on__gt=end)),
        ),
    )
    counts = {row: DocumentCounts(0, 0, 0) for row in KIND_TABLE2_ROW.values()}
    for row in rows:
        counts[KIND_TABLE2_ROW[row["kind"]]] = DocumentCounts(
            row["made"], row["repealed"], row["in_force"]
        )
    return counts


def _sum(values: list[T2 | None]) -> T2 | None:
    present = [v for v in values if v is not None]
    return sum(present[1:], present[0]) if present else None


def table2(organs: Organ | Collection[int], year: int) -> Table2:
    """Table 二 of an organ (or of several, e.g. a subtree) for ``year``.

    Entered cells of several organs are summed over the organs that entered them; a cell
    nobody entered stays ``None`` (blank), never 0.
    """
    ids = _organ_ids(organs)
    docs = document_counts(ids, year)
    entries = list(Table2Entry.objects.filter(organ_id__in=ids, year=year))
    return Table2(
        regulations=docs["regulations"],
        normative_documents=docs["normative_documents"],
        licensing=_sum([e.licensing for e in entries]),
        punishment=_sum([e.punishment for e in entries]),
        coercion=_sum([e.coercion for e in entries]),
        fees=_amount(_sum([e.fees for e in entries])),
    )


def _amount(value: Decimal | None) -> Decimal | None:
    """A fee amount as entered: the column's four stored places are not printed
    (``0.0000`` is 0, ``3.2500`` is 3.25)."""
    if value is None:
        return None
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def timeliness(organs: list[Organ], year: int) -> list[dict[str, object]]:
    """Per organ: items published in ``year``, how many late, and the on-time rate."""
    rows = (
        Item.objects.filter(organ__in=organs, published_on__year=year)
        .exclude(state=workflow.WITHDRAWN)
        .values("organ_id")
        .annotate(
            published=Count("pk"),
            late=Count("pk", filter=Q(due_on__isnull=False, published_on__gt=F("due_on"))),
        )
    )
    by_organ = {r["organ_id"]: r for r in rows}
    out = []
    for organ in organs:
        r = by_organ.get(organ.pk, {"published": 0, "late": 0})
        published, late = int(r["published"]), int(r["late"])
        rate = None if published == 0 else (published - late) * 100 / published
        out.append({"organ": organ, "published": published, "late": late, "rate": rate})
    return out


def late_items(organs: list[Organ], year: int) -> list[Item]:
    """Items published in ``year`` after their due date, the latest first."""
    return list(
        Item.objects.filter(organ__in=organs, published_on__year=year, due_on__isnull=False)
        .exclude(state=workflow.WITHDRAWN)
        .filter(published_on__gt=F("due_on"))
        .select_related("organ")
        .order_by("-published_on", "-id")[:200]
    )
