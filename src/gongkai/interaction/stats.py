"""Counts of an organ's messages in a year, for its annual report's section 一."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, F, Q

from gongkai.organs.models import Organ

from . import workflow
from .models import Message


@dataclass(frozen=True)
class Counts:
    received: int
    replied: int
    on_time: int
    published: int
    transferred: int
    converted: int


def counts(organ: Organ, year: int) -> Counts:
    """Messages received by ``organ`` in ``year`` (by the day received) and what became
    of them; on time: replied not later than the reply period's last day."""
    row = Message.objects.filter(organ=organ, received_on__year=year).aggregate(
        received=Count("id"),
        replied=Count("id", filter=Q(state=workflow.REPLIED)),
        on_time=Count(
            "id",
            filter=Q(state=workflow.REPLIED, due_on__isnull=False, replied_on__lte=F("due_on")),
        ),
        published=Count("id", filter=Q(public=True)),
        transferred=Count("id", filter=Q(state=workflow.TRANSFERRED)),
        converted=Count("id", filter=Q(state=workflow.CONVERTED)),
    )
    return Counts(**{k: int(v or 0) for k, v in row.items()})


def sentence(c: Counts) -> str:
    """本年度通过网站“网民留言”栏目收到留言N条…; empty when there were none."""
    if not c.received:
        return ""
    parts = [f"本年度通过网站“网民留言”栏目收到留言{c.received}条，答复{c.replied}条"]
    if c.replied:
        parts.append(f"其中按期答复{c.on_time}条")
    if c.transferred:
        parts.append(f"转其他机关办理{c.transferred}条")
    if c.converted:
        parts.append(f"转为政府信息公开申请办理{c.converted}条")
    if c.published:
        parts.append(f"经留言人同意在“留言选登”中公开{c.published}条")
    return "，".join(parts) + "。"


def year_sentence(organ: Organ, year: int) -> str:
    """Everything of 政民互动 for section 一 in one or two sentences (empty: none)."""
    from . import consulting

    return sentence(counts(organ, year)) + consulting.sentence(consulting.counts(organ, year))
