"""A document as the reader hands it to the recognizer: normalised text blocks and grids.

The *reader* (``parse/read*.py``) turns bytes of any supported format into a ``Document``:
paragraph lines in reading order and, where the format has real tables (HTML, DOCX, PDF
with ruling lines), grids with rowspan/colspan already expanded into the real cells. All
text is normalised (traditional → simplified, compatibility characters, full-width digits
and brackets, doubled punctuation) before it gets here.

The *recognizer* (``parse/recognize*.py``) turns a ``Document`` into an ``AnnualReport``
by finding the organ, year, sections and the three tables by their labels. For plain
text the tables arrive flattened inside ``Line`` blocks and the recognizer rebuilds them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["text", "html", "docx", "doc", "pdf"]


class Line:
    """One line (paragraph) of text; ``number`` is 1-based in the source where known.

    Compared by value and not to be changed. A plain class, not a frozen dataclass: a
    report has hundreds of lines, and compiled (``native``) a frozen dataclass is built by
    the ``__init__`` ``dataclasses`` writes in Python, ten times slower than this one.
    """

    __slots__ = ("number", "page", "text")

    def __init__(self, text: str, number: int | None = None, page: int | None = None) -> None:
        self.text = text
        self.number = number
        self.page = page

    def _key(self) -> tuple[str, int | None, int | None]:
        return (self.text, self.number, self.page)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Line) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Line(text={self.text!r}, number={self.number!r}, page={self.page!r})"


@dataclass(frozen=True)
class Grid:
    """A table with merged cells expanded: ``rows[i][j]`` is the text of the real cell
    (a merged cell's text repeated in every position it covers, ``merged`` marks those
    repeats so a reader can tell a repeat from a printed duplicate)."""

    rows: tuple[tuple[str, ...], ...]
    merged: tuple[tuple[bool, ...], ...] = ()
    number: int | None = None
    page: int | None = None
    even: bool = field(default=False, compare=False)
    """Known to have no merged cell and only evenly spaced cells
    (``normalize.evenly_spaced``): the reader that laid it out found them so
    (``grid.plain_grid``), and a reader of its rows need not look again. ``False`` says
    only that it is not known. Not compared: a grid equals the same grid not known even."""

    def cut(self, start: int, stop: int | None = None) -> Grid:
        """The grid of rows ``start`` to ``stop`` of this one (as ``rows[start:stop]``),
        still known even when this one is."""
        return Grid(
            self.rows[start:stop], self.merged[start:stop], self.number, self.page, self.even
        )


Block = Line | Grid


@dataclass
class Document:
    source: str
    kind: Kind
    blocks: list[Block] = field(default_factory=list)
    diagnostics: list[dict[str, object]] = field(default_factory=list)
    """Notes the reader made (encoding guessed, no text layer, truncated file …)."""
    pages: int | None = None
    furniture: Callable[[], list[str]] | None = field(default=None, compare=False, repr=False)
    """A web page's furniture that may name the organ, found when asked (it costs a search
    of the markup): ``当前位置：…``, ``主办单位：…``, ``网站名称：…`` lines."""

    def lines(self) -> list[Line]:
        return [b for b in self.blocks if isinstance(b, Line)]

    def grids(self) -> list[Grid]:
        return [b for b in self.blocks if isinstance(b, Grid)]
