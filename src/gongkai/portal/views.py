"""Public pages: everyone may read them; only published (or repealed/expired) items show."""

from __future__ import annotations

import re
from urllib.parse import urlencode

from django.db.models import Q, QuerySet
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from gongkai.disclosure import facet_counts, workflow
from gongkai.disclosure.categories import ARTICLE20, CATEGORY_BY_KEY, TOPIC_BY_KEY, TOPICS
from gongkai.disclosure.guides import guide_for
from gongkai.disclosure.models import Attachment, Item, SearchEntry
from gongkai.disclosure.search import MAX_PAGE, ORDERS, VALIDITIES, Filters, search
from gongkai.interaction import listing as interaction_listing
from gongkai.organs.models import Organ
from gongkai.reports import listing as report_listing


def _public_items() -> QuerySet[Item]:
    return Item.objects.filter(state__in=workflow.PUBLIC_STATES).select_related("organ")


def _int(value: str | None) -> int | None:
    """A small positive whole number from a query parameter, else None (ignored): an
    id or a year of twenty digits would overflow the database's integers."""
    if not value or not value.isdecimal() or len(value) > 9:
        return None
    return int(value)


def home(request: HttpRequest) -> HttpResponse:
    # The newest entries of the search index (ordered by an index on its date), of which
    # the current ones: the item table has no index that orders by publication.
    newest = SearchEntry.objects.filter(validity="有效").order_by("-published_on", "-item_id")
    ids = list(newest.values_list("item_id", flat=True)[:30])
    found = Item.objects.filter(pk__in=ids, state=workflow.PUBLISHED).select_related("organ")
    latest = sorted(found, key=lambda i: (i.published_on, i.pk), reverse=True)[:10]
    organs = Organ.objects.filter(is_active=True).order_by("name")
    return render(request, "portal/home.html", {"latest": latest, "organs": organs})


def guides(request: HttpRequest) -> HttpResponse:
    organs = Organ.objects.filter(is_active=True).order_by("name")
    return render(request, "portal/guides.html", {"organs": organs})


def guide(request: HttpRequest, slug: str) -> HttpResponse:
    organ = get_object_or_404(Organ, slug=slug, is_active=True)
    from gongkai.organs.rules import can_handle_cases, can_manage_people

    can_edit = can_handle_cases(request.user, organ) or can_manage_people(request.user, organ)
    return render(
        request,
        "portal/guide.html",
        {"organ": organ, "guide": guide_for(organ), "can_edit": can_edit},
    )


def _filters(request: HttpRequest, organ: Organ | None) -> Filters:
    category = request.GET.get("category", "")
    topic = request.GET.get("topic", "")
    validity = request.GET.get("validity", "")
    organ_id = organ.pk if organ else _int(request.GET.get("organ"))
    return Filters(
        organ_ids=(organ_id,) if organ_id else (),
        category=category if category in CATEGORY_BY_KEY else "",
        topic=topic if topic in TOPIC_BY_KEY else "",
        year=_int(request.GET.get("year")),
        validity=validity if validity in VALIDITIES else "",
    )


def _facets(filters: Filters) -> dict[str, object]:
    """Counts per category, topic and year (within the chosen organ) and per organ, from
    the kept summary (``disclosure.facet_counts``), not from the entries."""
    within = facet_counts.counts(
        **({"organ_id__in": filters.organ_ids} if filters.organ_ids else {})
    )
    categories = within.by("category")
    topics = within.by("topic")
    years = sorted(within.by("year").items(), reverse=True)
    organs = facet_counts.counts().by("organ_id")
    return {
        "categories": [(c, categories.get(c.key, 0)) for c in ARTICLE20],
        "topics": [(t, topics[t.key]) for t in TOPICS if topics.get(t.key)],
        "years": years,
        "organs": [
            (o, organs.get(o.pk, 0)) for o in Organ.objects.filter(is_active=True).order_by("name")
        ],
    }


def _page_links(request: HttpRequest, results) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Previous / next and a window of numbered pages (first, last, two either side)."""
    params = request.GET.copy()

    def href(page: int) -> str:
        params["page"] = str(page)
        return "?" + params.urlencode()

    links: dict[str, object] = {}
    if results.has_previous:
        links["previous"] = href(results.page - 1)
    if results.has_next:
        links["next"] = href(results.page + 1)
    last = min(results.pages, MAX_PAGE)
    shown = sorted({1, last, *range(max(1, results.page - 2), min(last, results.page + 2) + 1)})
    numbers: list[tuple[int, str]] = []
    for n in shown:
        if numbers and n > numbers[-1][0] + 1:
            numbers.append((0, ""))  # a gap
        numbers.append((n, href(n)))
    links["numbers"] = numbers if last > 1 else []
    return links


def _facet_links(request: HttpRequest) -> dict[str, str]:
    """Per facet, the current filters without it (and without the page), ready for
    the template to append the facet's value: browsing narrows step by step."""
    links = {}
    for name in ("category", "topic", "year"):
        params = request.GET.copy()
        for drop in (name, "page"):
            params.pop(drop, None)
        rest = params.urlencode()
        links[name] = f"?{rest}&{name}=" if rest else f"?{name}="
    return links


def catalog(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    organ = get_object_or_404(Organ, slug=slug, is_active=True) if slug else None
    filters = _filters(request, organ)
    results = search("", filters, order="date", page=_int(request.GET.get("page")) or 1)
    return render(
        request,
        "portal/catalog.html",
        {
            "organ": organ,
            "filters": filters,
            "results": results,
            "facets": _facets(filters),
            "links": _page_links(request, results),
            "facet_links": _facet_links(request),
            "annual_reports": report_listing.published(organ),
            "annual_category": report_listing.CATEGORY,
            "interaction_category": interaction_listing.CATEGORY,
            "consultations": interaction_listing.consultations(organ),
            "shown_messages": interaction_listing.shown_messages(organ),
            "category": CATEGORY_BY_KEY.get(filters.category),
            "topic": TOPIC_BY_KEY.get(filters.topic),
        },
    )


_BRACKETS = (("〔", "〕"), ("[", "]"), ("［", "］"), ("【", "】"), ("(", ")"), ("（", "）"))
_NUMBER_RE = re.compile(r"^[^\s]{4,60}$")


def _numbered(text: str) -> Item | None:
    """The current item whose 索引号 or 文号 is ``text`` (a 文号's year brackets written
    any of the usual ways), when exactly one item has it."""
    if not _NUMBER_RE.match(text) or not any(ch.isdigit() for ch in text):
        return None
    spellings = {text}
    for left, right in _BRACKETS:
        for other_left, other_right in _BRACKETS:
            spellings.add(text.replace(left, other_left).replace(right, other_right))
    found = list(
        _public_items()
        .filter(state__in=workflow.HEAD_STATES)
        .filter(Q(index_number__in=spellings) | Q(doc_number__in=spellings))[:2]
    )
    return found[0] if len(found) == 1 else None


def search_page(request: HttpRequest) -> HttpResponse:
    text = request.GET.get("q", "").strip()[:200]
    if text and not request.GET.get("page"):
        exact = _numbered(text)
        if exact is not None:  # a pasted 索引号 or 文号 opens the item itself
            return redirect("portal:item", pk=exact.pk)
    filters = _filters(request, None)
    order = request.GET.get("order", "relevance")
    results = (
        search(text, filters, order=order, page=_int(request.GET.get("page")) or 1)
        if text
        else None
    )
    return render(
        request,
        "portal/search.html",
        {
            "q": text,
            "results": results,
            "annual_hits": report_listing.search(text) if text else [],
            "interaction_hits": interaction_listing.search(results.query.words)
            if results and not results.too_common
            else [],
            "filters": filters,
            "orders": ORDERS,
            "validities": VALIDITIES,
            "categories": ARTICLE20,
            "organs": Organ.objects.filter(is_active=True).order_by("name"),
            "years": sorted(facet_counts.counts().by("year"), reverse=True),
            "links": _page_links(request, results) if results else {},
            "broader": urlencode({"q": text}) if text else "",
        },
    )


def item(request: HttpRequest, pk: int) -> HttpResponse:
    obj = get_object_or_404(_public_items(), pk=pk)
    versions = []
    cursor: Item | None = obj
    while cursor is not None and cursor.previous_id:
        cursor = Item.objects.get(pk=cursor.previous_id)
        versions.append(cursor)
    newer = obj.next_version_or_none()
    current = None
    if obj.state == workflow.SUPERSEDED:
        current = newer
        while current is not None and current.state == workflow.SUPERSEDED:
            current = current.next_version_or_none()
    public = workflow.PUBLIC_STATES
    return render(
        request,
        "portal/item.html",
        {
            "item": obj,
            "versions": [v for v in versions if v.state in public],
            "current": current if current is not None and current.state in public else None,
            "interpretations": obj.interpretations.filter(state__in=public),
            "interprets": obj.interprets
            if obj.interprets and obj.interprets.state in public
            else None,
            "amends": obj.amends.filter(state__in=public),
            "repeals": obj.repeals.filter(state__in=public),
            "repealed_by": obj.repealed_by.filter(state__in=public),
        },
    )


def attachment(request: HttpRequest, pk: int, attachment: int) -> FileResponse:
    obj = get_object_or_404(_public_items(), pk=pk)
    att = get_object_or_404(Attachment, pk=attachment, item=obj)
    response = FileResponse(
        att.file.open("rb"), as_attachment=True, filename=att.name, content_type=att.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
