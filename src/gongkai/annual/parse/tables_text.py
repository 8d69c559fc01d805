"""Tables flattened into plain text: how one line falls apart into cells.

Published reports copied to text keep their table cells separated by ``|`` or tabs,
by runs of spaces (PDF text layers), or one cell per line (then the line is one cell).
A label followed by numbers separated by single spaces (``规章 0 0 0``) is split too.
In a ``|``-ruled row, a rule OCR read as a lone ``l`` or ``I`` (``| 0 l 0 |``) parts cells.
A dot leader between a label and its numbers (``规章......0   0   0``) parts cells too.
Tables exported as CSV are split at their commas (``split_csv``), but only where the
document shows a block of such lines (``rows``): a line alone is never taken for one.
Which row a number belongs to is decided later, by the labels (``tables``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from .cells import NUMBER_PATTERN
from .normalize import is_page_number

_SEPARATOR_RE = re.compile(r"[|\t\uff5c]")
"""Cells' separators: ``|``, the full-width ``｜`` OCR tools print for it, and tabs."""
_SPACES_RE = re.compile(r" {2,}|\u3000+")
_VALUE = rf"(?:{NUMBER_PATTERN}[*＊※①-⑩]?|[-‐‑‒–—―－/／]|无|nan|NaN|None)"
_RULE_LETTER_RE = re.compile(rf"(?<=\S) [lI] (?={_VALUE}(?:\s|$))")
"""A vertical rule of a bordered table that OCR read as the letter l or I, a space on each
side, after a label or a number and before a number (``0 l 0``, ``予以公开 I 12``): in a
ruled row it parts two cells as ``|`` does. An l or I touching digits (``1l``) or alone
in its cell stays for ``read_value`` (the digit 1, noted)."""
_VALUE_RE = re.compile(rf"^{_VALUE}$")
_TRAILING_VALUES_RE = re.compile(rf"^(?:(.*?\S)\s+)?({_VALUE}(?:\s+{_VALUE})*)$")
_MAX_LABEL = 60
_SPACED_THOUSANDS_RE = re.compile(r"^\d{1,3}(?: \d{3})+$")
"""A cell of a ruled table whose digits are grouped by spaces: one number."""
_PAGE_FIRST = frozenset("-‐‑‒–—―－第共Pp")
"""How a page number printed in a cell starts (``- 4 -``, ``第 4 页 共 9 页``)."""
_PANDAS_BLANKS: Final = frozenset(("nan", "NaN", "None", "<NA>"))
"""How pandas prints a blank cell (``frames``)."""
_UNNAMED_RE: Final = re.compile(r"^Unnamed: \d+$")
"""pandas' name for a column whose header cell was blank (``Unnamed: 3``), printed in
the header of ``DataFrame.to_markdown``: a blank cell (and no ``0``, ``3`` of the table)."""


def split_cells(text: str) -> tuple[str, ...]:
    """The cells of one line, blanks kept (``"a | | 3"`` → ``("a", "", "3")``): those of
    ``split_line``."""
    return split_line(text)[0]


def split_line(text: str) -> tuple[tuple[str, ...], bool]:
    """The cells of one line, blanks kept, and whether the line may be a row of a table
    printed by pandas (``frames``): a Markdown row with a cell ``nan`` (``NaN``, ``None``,
    ``<NA>``), or whose first cell is ``0`` and second a word (``| 0 | 行政许可 |``, the first
    row under a frame's index; not table 四's ``| 0 | 1 | 0 |``).

    Short lines are cached, each with its answer: table lines (``0 |``, ``|||``, row
    labels) come back in every report, narrative paragraphs do not."""
    if len(text) <= _MAX_CACHED:
        return _split_cached(text)
    return _split(text)


_MAX_CACHED = 120


@lru_cache(maxsize=16384)
def _split_cached(text: str) -> tuple[tuple[str, ...], bool]:
    return _split(text)


_LEADER_RE: Final = re.compile(
    rf"(?<=\S)\s*(?:\.{{3,}}|…+|⋯+|[·・]{{3,}}|．{{3,}}|。{{3,}})\s*(?={_VALUE}(?:\s|$))"
)
"""A dot leader between a row's label and its numbers (``规章..........0   0   0``,
``行政许可……46``): three dots or more (or ellipses) before a cell's value, never a decimal
point, so a separator as a tab is."""


def _has_leader(text: str) -> bool:
    """Whether ``text`` holds one of the rarer leaders (``・・``, ``。。。``, ``⋯``): asked
    only after the common ones (``...``, ``…``, ``··``, ``．．``), tested inline since most
    lines have none."""
    return "・・" in text or "。。。" in text or "⋯" in text


def _split(text: str) -> tuple[tuple[str, ...], bool]:
    if "..." in text or "…" in text or "··" in text or "．．" in text or _has_leader(text):
        text = _LEADER_RE.sub("\t", text)
    if "|" in text or "\t" in text or "\uff5c" in text:
        parts = _SEPARATOR_RE.split(text)
        if (" l " in text or " I " in text) and ("|" in text or "\uff5c" in text):
            parts = _split_rule_letters(parts)
    elif "  " in text or "\u3000" in text:
        parts = _SPACES_RE.split(text)
    else:
        parts = [text]
    cells: list[str] = []
    explicit = len(parts) > 1 and ("|" in text or "\uff5c" in text)  # ruled, not PDF columns
    frame = False
    for part in parts:
        cell = part.strip()
        if explicit and cell[:1] == "U" and _UNNAMED_RE.match(cell):
            cells.append("")
        elif explicit and cell[:1] in _PAGE_FIRST and is_page_number(cell):
            # a converter put the page's footer in a table row (``| - 4 - | | |``): it is
            # no cell of the table, and ``- 4 -`` would read as three values
            cells.append("")
        elif explicit and _SPACED_THOUSANDS_RE.match(cell):
            cells.append(cell.replace(" ", ""))  # ``| 1 204 |``: one number, grouped
        elif " " in cell and len(cell) <= _MAX_LABEL and "。" not in cell:
            cells.extend(_split_values(cell))
        else:
            cells.append(cell)
            if explicit and cell in _PANDAS_BLANKS:
                frame = True
    if (
        explicit
        and len(cells) > 3
        and cells[1] == "0"
        and not cells[0]
        and cells[2]
        and not _VALUE_RE.match(cells[2])
    ):
        frame = True  # ``| 0 | 行政许可 |``: the first row under a frame's index
    return tuple(cells), frame


def _split_rule_letters(parts: list[str]) -> list[str]:
    """``["", " 规章 ", " 0 l 0 ", ""]`` → ``["", " 规章 ", " 0", "0 ", ""]``: the parts
    of a ruled row cut again at the rules OCR read as l or I (``_RULE_LETTER_RE``)."""
    split: list[str] = []
    for part in parts:
        if " l " in part or " I " in part:
            split.extend(_RULE_LETTER_RE.split(part))
        else:
            split.append(part)
    return split


def _split_values(cell: str) -> list[str]:
    """``规章 0 0 0`` → ``["规章", "0", "0", "0"]``, ``47 219`` → ``["47", "219"]``;
    anything else stays one cell."""
    match = _TRAILING_VALUES_RE.match(cell)
    if not match:
        return [cell]
    label, values = match.group(1), match.group(2).split()
    if label is None:
        return values
    words = label.split()
    while words and _VALUE_RE.match(words[-1]):
        values.insert(0, words.pop())  # the lazy label took values: "47 219"
    if not words:
        return values
    label = " ".join(words)
    if label[-1].isdigit() or label.endswith((".", "、")):
        # "2023 年" cannot get here; "第 3" or "1." before numbers is not a label
        return [cell]
    return [label, *values]


CSV_MIN_COMMAS: Final = 3
"""How many commas outside quotation marks a line of a CSV table has at least."""
_GROUPED_TOKEN_RE: Final = re.compile(r"(?:^|\s)\d{1,3}(?:,\d{3})+(?:\.\d+)?(?=\s|$)")
"""A number with thousands separators standing between spaces (``规章 1,234 2,345 3,456``):
its commas are in the number, and the line is no CSV row."""
_GROUPED_CELL_RE: Final = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")


def split_csv(text: str) -> tuple[str, ...] | None:
    """The cells of ``text`` split at its commas outside double quotation marks (RFC 4180:
    ``"1,234"`` is one cell, ``""`` inside quotes is one ``"``) and outside brackets (a
    label's own: ``_brackets_closed``), stripped, blanks kept;
    ``None`` when the line cannot be a CSV row: a quotation mark left open or text after a
    closing one, a ``|`` or tab (another separator), or a number grouped by commas among
    spaces. Whether it is one is for its neighbours to say (``rows``)."""
    if "|" in text or "\t" in text or "\uff5c" in text or _GROUPED_TOKEN_RE.search(text):
        return None
    cells = text.split(",") if '"' not in text else _split_quoted(text)
    if cells is None:
        return None
    if "(" in text or "（" in text:
        cells = _brackets_closed(cells)
    return tuple([cell.strip() for cell in cells])


def _brackets_closed(cells: list[str]) -> list[str]:
    """``cells`` with the commas inside a bracket put back: a label's own commas, which
    Word's table-to-text leaves unquoted (``(二)部分公开(区分处理的,只计这一情形,不计其他
    情形)``), part no cells. A bracket that never closes was no label's: then ``cells``."""
    joined: list[str] = []
    open_brackets = 0
    for cell in cells:
        if open_brackets > 0:
            joined[-1] = f"{joined[-1]},{cell}"
        else:
            joined.append(cell)
        open_brackets += _bracket_balance(cell)
        if open_brackets < 0:
            open_brackets = 0
    return cells if open_brackets > 0 else joined


def _bracket_balance(cell: str) -> int:
    return cell.count("(") + cell.count("（") - cell.count(")") - cell.count("）")


def _split_quoted(text: str) -> list[str] | None:
    cells: list[str] = []
    start = 0
    end = len(text)
    while True:
        first = start
        while first < end and text[first] == " ":
            first += 1
        if first < end and text[first] == '"':
            parts: list[str] = []
            at = first + 1
            while True:
                quote = text.find('"', at)
                if quote < 0:
                    return None  # left open: no CSV row
                parts.append(text[at:quote])
                if text.startswith('"', quote + 1):
                    parts.append('"')
                    at = quote + 2
                    continue
                break
            after = quote + 1
            while after < end and text[after] == " ":
                after += 1
            cells.append("".join(parts))
            if after == end:
                return cells
            if text[after] != ",":
                return None
            start = after + 1
        else:
            comma = text.find(",", start)
            if comma < 0:
                cells.append(text[start:])
                return cells
            cells.append(text[start:comma])
            start = comma + 1


def is_value_cell(cell: str) -> bool:
    """Whether a cell holds a number or a placeholder for one (``0``, ``1,234``, ``-``)."""
    return bool(_VALUE_RE.match(cell) or _GROUPED_CELL_RE.match(cell))
