"""The sitemap as an index of files (the protocol allows 50,000 URLs per file):
``/sitemap.xml`` lists ``/sitemap-pages.xml`` (home, guides, catalogues, reports) and one
``/sitemap-items-N.xml`` per ``PER_FILE`` public items in id order, so every item is
listed however many there are. Each file is cached under the catalogue's version
(``disclosure.facet_counts.version``), which every publication moves."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Final
from xml.sax.saxutils import escape

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse

from gongkai.disclosure import facet_counts
from gongkai.disclosure.models import SearchEntry
from gongkai.organs.models import Organ
from gongkai.reports import listing as report_listing

PER_FILE: Final = 10_000
SECONDS: Final = 3600
XML = "application/xml; charset=utf-8"
NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def _cached(request: HttpRequest, name: str, build) -> HttpResponse:  # type: ignore[no-untyped-def]
    base = f"{request.scheme}://{request.get_host()}"
    key = f"portal:sitemap:{facet_counts.version()}:{base}:{name}"
    body = cache.get(key)
    if body is None:
        body = build(base)
        cache.set(key, body, SECONDS)
    return HttpResponse(body, content_type=XML)


def _urlset(rows: Iterable[tuple[str, str]]) -> str:
    lines = [f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{NS}">']
    for loc, lastmod in rows:
        mod = f"<lastmod>{lastmod}</lastmod>" if lastmod else ""
        lines.append(f"<url><loc>{escape(loc)}</loc>{mod}</url>")
    lines.append("</urlset>\n")
    return "\n".join(lines)


def files() -> int:
    return max(1, math.ceil(facet_counts.counts().total() / PER_FILE))


def index(request: HttpRequest) -> HttpResponse:
    def build(base: str) -> str:
        names = [reverse("portal:sitemap_pages")]
        names += [reverse("portal:sitemap_items", args=[n]) for n in range(1, files() + 1)]
        entries = "\n".join(f"<sitemap><loc>{escape(base + n)}</loc></sitemap>" for n in names)
        return (
            f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="{NS}">\n'
            f"{entries}\n</sitemapindex>\n"
        )

    return _cached(request, "index", build)


def pages(request: HttpRequest) -> HttpResponse:
    def build(base: str) -> str:
        rows = [(base + reverse("site:public_home"), ""), (base + reverse("portal:catalog"), "")]
        rows.append((base + reverse("portal:guides"), ""))
        for slug in (
            Organ.objects.filter(is_active=True).order_by("slug").values_list("slug", flat=True)
        ):
            rows.append((base + reverse("portal:guide", args=[slug]), ""))
            rows.append((base + reverse("portal:organ_catalog", args=[slug]), ""))
        rows.append((base + reverse("reports_public:index"), ""))
        for report in report_listing.published(None):
            day = report.published_on.isoformat() if report.published_on else ""
            rows.append((base + report.url, day))
        return _urlset(rows)

    return _cached(request, "pages", build)


def items(request: HttpRequest, number: int) -> HttpResponse:
    if not 1 <= number <= files():
        raise Http404("没有这一页站点地图")

    def build(base: str) -> str:
        chosen = SearchEntry.objects.order_by("item_id").values_list("item_id", "published_on")[
            (number - 1) * PER_FILE : number * PER_FILE
        ]
        prefix = base + reverse("portal:item", args=[0]).removesuffix("0/")
        return _urlset((f"{prefix}{pk}/", day.isoformat()) for pk, day in chosen)

    return _cached(request, f"items-{number}", build)
