"""Published annual reports as the public site lists and finds them: their own category
of the 公开目录 and hits of the site search, beside the catalogue's items."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.urls import reverse

from gongkai.annual import schema as s
from gongkai.organs.models import Organ

from .models import AnnualReportDraft, Status

CATEGORY = "政府信息公开工作年度报告"
SYNONYMS = {"年报": "年度报告", "年度工作报告": "年度报告"}
MAX_HITS = 20


@dataclass(frozen=True)
class Listed:
    organ: Organ
    year: int
    title: str
    published_on: date | None
    url: str
    summary: str


def _listed(draft: AnnualReportDraft) -> Listed:
    snapshot = draft.snapshot or {}
    sections = snapshot.get("sections") or {}
    summary = " ".join(str(sections.get(k) or "") for k in s.SECTION_KEYS).strip()
    return Listed(
        organ=draft.organ,
        year=draft.year,
        title=f"{draft.organ.name}{draft.year}年政府信息公开工作年度报告",
        published_on=draft.published_on,
        url=reverse("reports_public:report", args=[draft.organ.slug, draft.year]),
        summary=summary[:200],
    )


def published(organ: Organ | None = None) -> list[Listed]:
    """Every published report (of ``organ`` when given), newest year first."""
    drafts = AnnualReportDraft.objects.filter(status=Status.PUBLISHED, organ__is_active=True)
    if organ is not None:
        drafts = drafts.filter(organ=organ)
    drafts = drafts.select_related("organ").order_by("-year", "organ_id")
    return [_listed(d) for d in drafts]


def _terms(query: str) -> list[str]:
    text = query
    for word, canonical in SYNONYMS.items():
        if canonical not in text:
            text = text.replace(word, canonical)
    return [t for t in text.split() if t]


def search(query: str) -> list[Listed]:
    """Published reports whose title (with the organ's short name) or text holds every
    term of ``query``; a report whose title holds the whole query comes first."""
    terms = _terms(query)
    if not terms:
        return []
    joined = "".join(terms)
    hits: list[tuple[int, Listed]] = []
    for listed in published():
        head = f"{listed.title}{listed.organ.short_name}{listed.year}年度"
        body = head + listed.summary
        if joined in head:
            hits.append((0, listed))
        elif all(term in head for term in terms):
            hits.append((1, listed))
        elif all(term in body for term in terms):
            hits.append((2, listed))
    hits.sort(key=lambda h: (h[0], -h[1].year, h[1].organ.pk))
    return [listed for _, listed in hits[:MAX_HITS]]
