"""意见征集, their 反馈 and 留言选登 as the 公开目录 lists them (their own category beside
the catalogue's items): what was consulted, when, how many took part, and the feedback."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count
from django.urls import reverse

from gongkai.disclosure.search_text import normalize
from gongkai.organs.models import Organ

from . import consulting, privacy, workflow
from .models import Consultation, ConsultationKind, Message

CATEGORY = "政民互动"


@dataclass(frozen=True)
class Listed:
    title: str
    kind: str
    period: str
    status: str
    taken_part: str
    url: str
    feedback_on: date | None


def consultations(organ: Organ | None = None) -> list[Listed]:
    """Published consultations and surveys (of ``organ`` when given), newest first."""
    rows = Consultation.objects.filter(published_at__isnull=False, organ__is_active=True)
    if organ is not None:
        rows = rows.filter(organ=organ)
    rows = rows.select_related("organ").annotate(
        n=Count("comments", distinct=True), r=Count("responses", distinct=True)
    )
    out = []
    for c in rows.order_by("-starts_on", "-id"):
        feedback = getattr(c, "feedback", None)
        survey = c.kind == ConsultationKind.SURVEY
        out.append(
            Listed(
                title=c.title,
                kind=c.kind_label,
                period=f"{c.starts_on:%Y-%m-%d} 至 {c.ends_on:%Y-%m-%d}",
                status=consulting.status(c),
                taken_part=f"答卷{c.r}份" if survey else f"意见{c.n}条",
                url=reverse("interaction_public:consultation", args=[c.pk]),
                feedback_on=feedback.published_at.date()
                if feedback is not None and feedback.published_at
                else None,
            )
        )
    return out


def shown_messages(organ: Organ | None = None) -> int:
    """How many exchanges 留言选登 shows (of ``organ`` when given)."""
    rows = Message.objects.filter(public=True, state=workflow.REPLIED)
    return (rows.filter(organ=organ) if organ is not None else rows).count()


@dataclass(frozen=True)
class Hit:
    title: str
    kind: str
    day: date | None
    url: str


MAX_HITS = 5


def search(words: tuple[str, ...]) -> list[Hit]:
    """留言选登 and published 意见征集 holding every one of ``words`` (as the catalogue's
    search folds them) in their title or text: those whose title holds them first, then the
    newest; at most ``MAX_HITS``. The texts are few, so a plain containment test serves."""
    if not words:
        return []
    hits: list[tuple[int, Hit]] = []
    shown = Message.objects.filter(public=True, state=workflow.REPLIED, organ__is_active=True)
    for m in shown.order_by("-replied_on", "-id")[:2000]:
        head, rest = normalize(privacy.masked_text(m.subject)), normalize(m.body + m.reply)
        if all(w in head + rest for w in words):
            url = reverse("interaction_public:shown", args=[m.number])
            title = privacy.masked_text(m.subject)
            hits.append(
                (
                    0 if all(w in head for w in words) else 1,
                    Hit(title, "留言选登", m.replied_on, url),
                )
            )
    published = Consultation.objects.filter(published_at__isnull=False, organ__is_active=True)
    for c in published.order_by("-starts_on", "-id")[:2000]:
        head, rest = normalize(c.title), normalize(c.description)
        if all(w in head + rest for w in words):
            url = reverse("interaction_public:consultation", args=[c.pk])
            hits.append(
                (
                    0 if all(w in head for w in words) else 1,
                    Hit(c.title, c.kind_label, c.starts_on, url),
                )
            )
    hits.sort(key=lambda h: (h[0], -(h[1].day or date.min).toordinal()))
    return [hit for _, hit in hits[:MAX_HITS]]
