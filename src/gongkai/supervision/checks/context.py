"""What every check is given: the organs, the day, the calendar and the options."""

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
