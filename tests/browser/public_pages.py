"""Every public page, and the applicant's own pages, as URLs drawn from the loaded demo.

Used by the accessibility and phone-width walk (``test_public_pages.py``) and handy for
looking at them by hand against a running demo.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import axe_playwright_python

AXE_JS = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SERIOUS = {"serious", "critical"}


def public_urls() -> list[str]:
    """The public pages of the demo: one of each kind, with the data that fills it."""
    from gongkai.disclosure import workflow
    from gongkai.disclosure.models import Item
    from gongkai.interaction import workflow as message_flow
    from gongkai.interaction.models import Consultation, Message
    from gongkai.reports.models import AnnualReportDraft, Status

    urls = [
        "/",
        "/guide/",
        "/guide/fgj/",
        "/catalog/",
        "/catalog/fgj/",
        "/catalog/fgj/?category=budget",
        "/search/",
        "/search/?q=垃圾分类",
        "/search/?q=不存在的词xyz",
        "/apply/",
        "/apply/status/",
        "/messages/",
        "/messages/write/",
        "/messages/status/",
        "/messages/ask/",
        "/messages/ask/?q=低保标准是多少",
        "/messages/consultations/",
        "/reports/",
    ]
    published = Item.objects.filter(state=workflow.PUBLISHED)
    interpreted = published.filter(interpretations__isnull=False).first()
    for item in (interpreted, published.filter(doc_number="").first()):
        if item is not None:
            urls.append(f"/items/{item.pk}/")
    consultation = Consultation.objects.filter(published_at__isnull=False).first()
    if consultation is not None:
        urls.append(f"/messages/consultations/{consultation.pk}/")
    shown = Message.objects.filter(public=True, state=message_flow.REPLIED).first()
    if shown is not None:
        urls.append(f"/messages/shown/{shown.number}/")
    report = AnnualReportDraft.objects.filter(status=Status.PUBLISHED).first()
    if report is not None:
        urls += [f"/reports/{report.organ.slug}/", f"/reports/{report.organ.slug}/{report.year}/"]
    return urls


LOOKUP_LINE = re.compile(r"([A-Z]+-\d{4}-\d{5})\s+查询码\s+([A-Z]{4}-[A-Z]{4})")


def applicant_lookups(lines: list[str]) -> list[tuple[str, str]]:
    """(申请编号, 查询码) pairs the applications demo printed."""
    return [m.groups() for line in lines for m in [LOOKUP_LINE.search(line)] if m]  # type: ignore[misc]


def axe_violations(page: Any) -> list[str]:
    """Serious and critical WCAG 2.1 A/AA violations axe-core finds on the page."""
    if not page.evaluate("typeof window.axe === 'object'"):
        # Evaluated by the test driver, not injected: the page's CSP forbids inline script.
        page.evaluate("() => { " + AXE_JS + "\n}")
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(
            n["target"][0] if isinstance(n["target"][0], str) else str(n["target"])
            for n in v["nodes"][:3]
        )
        for v in result["violations"]
        if v["impact"] in SERIOUS
    ]


def sideways_overflow(page: Any) -> int:
    """How many pixels the page scrolls sideways (0: none)."""
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    return max(0, int(widths[0]) - int(widths[1]))


CUT_OFF_JS = """() => {
  const W = document.documentElement.clientWidth;
  const scrolls = e => { for (let a = e.parentElement; a; a = a.parentElement) {
    const o = getComputedStyle(a).overflowX; if (o === 'auto' || o === 'scroll') return true; }
    return false; };
  const out = [];
  for (const e of document.querySelectorAll('main *, header *, nav *, footer *')) {
    const r = e.getBoundingClientRect();
    if (r.width && r.right > W + 1 && !scrolls(e)) out.push(e.tagName.toLowerCase() +
      (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : ''));
  }
  return out.slice(0, 5);
}"""


def cut_off(page: Any) -> list[str]:
    """Elements that reach past the right edge of the screen outside any scrolling box:
    either the page scrolls sideways or they are clipped (e.g. a hidden 成文日期)."""
    return list(page.evaluate(CUT_OFF_JS))
