"""What a start page is made of: blocks (one per role and organ) of sections of lines.

Plain dataclasses, filled by the role modules (``officer``, ``review``, ``supervisor``,
``admin``) and drawn by ``site/home.html``. A section knows how many lines it has in all
(``total``) even when it shows only the first ``LIMIT``; ``todo`` is what the menu counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from gongkai.deadlines import WorkCalendar

LIMIT = 20
"""Lines shown per section; the rest are behind its “查看全部（N）” link."""


@dataclass(frozen=True)
class Line:
    """One thing to do, as a link to the page where it is done."""

    url: str
    label: str
    """What it is about: a case number, an item's title, an organ, a person."""
    detail: str = ""
    note: str = ""
    """A short badge: the deadline, the level, the state."""
    tone: str = ""
    """``overdue``, ``today``, ``soon`` or ``info`` (the badge's colour); empty: plain."""

    @property
    def badge(self) -> str:
        """The badge's CSS classes."""
        return f"badge {TONE_CLASSES.get(self.tone, '')}".strip()


TONE_CLASSES = {"overdue": "badge-overdue", "today": "badge-due-today", "soon": "badge-halfway"}


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    empty: str
    """Said when there is nothing to do here."""
    lines: tuple[Line, ...] = ()
    total: int = 0
    more_url: str = ""
    """Where every line can be seen (shown as “查看全部（N）” when some are left out)."""

    @property
    def more(self) -> bool:
        return bool(self.more_url) and self.total > len(self.lines)


@dataclass(frozen=True)
class Overview:
    """A table of counts (the supervisor's organs): no personal data, one row per organ."""

    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    """Each row: (organ name, organ url, *counts)."""


@dataclass(frozen=True)
class Block:
    """What one role asks of the person in one organ (or, for the calendar, site-wide)."""

    key: str
    role: str
    """The role's label, e.g. 公开专员 (or 审核人、机构负责人 when both are held)."""
    organ: str = ""
    sections: tuple[Section, ...] = ()
    overview: Overview | None = None
    links: tuple[tuple[str, str], ...] = ()
    """Pages this role often opens, as (label, url)."""

    @property
    def todo(self) -> int:
        return sum(s.total for s in self.sections)

    @property
    def ordered(self) -> tuple[Section, ...]:
        """Sections with something to do first (each group in its order of urgency)."""
        return tuple(s for s in self.sections if s.total) + tuple(
            s for s in self.sections if not s.total
        )


@dataclass(frozen=True)
class Desk:
    roles: tuple[tuple[str, str], ...]
    """(role label, organ name) for every role held, for “您的角色”."""
    blocks: tuple[Block, ...] = ()

    @property
    def todo(self) -> int:
        return sum(b.todo for b in self.blocks)


@dataclass
class Context:
    """Who is asking, on which day, with which calendar; ``lines=False`` counts only."""

    user: Any
    on: date
    calendar: WorkCalendar
    lines: bool = True
    soon: date = field(init=False)
    """The last day of “within 5 working days” (today's 5th working day after today)."""

    def __post_init__(self) -> None:
        from .phrases import working_days_ahead

        self.soon = working_days_ahead(self.calendar, self.on, SOON_WORKDAYS)

    @property
    def report_year(self) -> int:
        """The year whose annual report is due now (published by 31 January of this year)."""
        return self.on.year - 1


SOON_WORKDAYS = 5
