"""The inspection's checks, one function per rule or group of rules (see ``catalogue``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from gongkai.deadlines import WorkCalendar

from ..catalogue import Finding


@dataclass
class Context:
    organ_ids: list[int]
    on: date
    calendar: WorkCalendar
    words: list[str] = field(default_factory=list)
    external_links: bool = False


Check = Callable[[Context], Iterable[Finding]]


def all_checks() -> list[Check]:
    from . import casework, catalog, guides, items, reports

    return [
        items.publishing,
        items.numbering,
        items.validity,
        items.links,
        items.personal_data,
        catalog.columns,
        guides.guides,
        reports.annual_reports,
        casework.applications,
        casework.reasons,
        casework.messages,
    ]
