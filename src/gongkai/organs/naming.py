"""Which name the public pages print for an organ: its short name only where no other
active organ of the site shares it (two 区发改局 in one site would be ambiguous)."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.db.models import Count, QuerySet

_KEY = "organs:shared-short-names"
_SECONDS = 300


def shared_short_names(organs: QuerySet[Any]) -> frozenset[str]:
    """Short names that two or more active ``organs`` carry (cached; cleared on any
    change)."""
    cached: frozenset[str] | None = cache.get(_KEY)
    if cached is None:
        cached = frozenset(
            organs.filter(is_active=True)
            .values_list("short_name")
            .annotate(n=Count("pk"))
            .filter(n__gt=1)
            .values_list("short_name", flat=True)
        )
        cache.set(_KEY, cached, _SECONDS)
    return cached


def forget(**_: Any) -> None:
    """Signal receiver: an organ was saved or deleted."""
    cache.delete(_KEY)
