"""The catalogue's facet counts, kept as a summary of the search index.

One ``FacetCount`` row per (organ, category, topic, year, validity) with the number of
``SearchEntry`` rows that have them. ``services`` calls ``add`` / ``remove`` in the same
transaction as it writes or deletes an entry (as for ``search_terms``), so the counts are
exact; the catalogue sums a few hundred rows where counting the entries grew with the
catalogue (five full scans, 245 ms at 100,000 items on PostgreSQL). Every change also
moves ``version()``, which keys the cached sitemap files. ``rebuild`` recomputes it all.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, F, Sum

from .models import FacetCount, SearchEntry

_VERSION_KEY = "disclosure:catalogue-version"
FIELDS = ("organ_id", "category", "topic", "year", "validity")


def _key(entry: SearchEntry) -> dict[str, object]:
    return {f: getattr(entry, f) for f in FIELDS}


def _change(entry: SearchEntry, step: int) -> None:
    key = _key(entry)
    FacetCount.objects.bulk_create([FacetCount(**key, items=0)], ignore_conflicts=True)
    FacetCount.objects.filter(**key).update(items=F("items") + step)
    # Now (so this transaction reads anew) and after commit (so no reader that rebuilt a
    # file from the data before the commit keeps it).
    _bump()
    transaction.on_commit(_bump)


def add(entry: SearchEntry) -> None:
    """Count a newly saved entry."""
    _change(entry, +1)


def remove(entries: Iterable[SearchEntry]) -> None:
    """Uncount entries about to be deleted."""
    for entry in entries:
        _change(entry, -1)


def counts(**filters: object) -> FacetCountQuery:
    """The summary rows matching ``filters`` (``organ_id__in``, ``category`` …)."""
    return FacetCountQuery(FacetCount.objects.filter(items__gt=0, **filters))


class FacetCountQuery:
    def __init__(self, rows) -> None:  # type: ignore[no-untyped-def]
        self.rows = rows

    def by(self, field: str) -> dict[object, int]:
        """Items per value of ``field``."""
        return {
            value: int(n)
            for value, n in self.rows.values_list(field).annotate(n=Sum("items")).order_by()
        }

    def total(self) -> int:
        return int(self.rows.aggregate(n=Sum("items"))["n"] or 0)


def version() -> int:
    """A number that changes whenever the searchable catalogue changes (per cache)."""
    value = cache.get(_VERSION_KEY)
    if value is None:
        cache.add(_VERSION_KEY, 1, None)
        value = cache.get(_VERSION_KEY, 1)
    return int(value)


def _bump() -> None:
    try:
        cache.incr(_VERSION_KEY)
    except ValueError:  # not cached yet (or evicted): any new value invalidates
        cache.set(_VERSION_KEY, 2, None)


@transaction.atomic
def rebuild() -> int:
    """Recount the summary from the entries; returns the number of rows."""
    FacetCount.objects.all().delete()
    rows = SearchEntry.objects.values(*FIELDS).annotate(n=Count("pk")).order_by()
    FacetCount.objects.bulk_create(
        [FacetCount(**{f: r[f] for f in FIELDS}, items=r["n"]) for r in rows], batch_size=2000
    )
    transaction.on_commit(_bump)
    return FacetCount.objects.count()
