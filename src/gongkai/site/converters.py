"""URL converters shared by the apps' URL patterns (registered in ``SiteConfig.ready``)."""

from __future__ import annotations

MIN_YEAR = 1900
MAX_YEAR = 2200
"""The years ``annual-report/1`` admits; a page for another year does not exist (404)."""


class YearConverter:
    regex = "[0-9]{4}"

    def to_python(self, value: str) -> int:
        year = int(value)
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise ValueError(value)  # no match: 404, never a date(0, 1, 1) deeper down
        return year

    def to_url(self, value: int) -> str:
        return f"{int(value):04d}"
