"""Plain text laid out in two columns, as a newspaper prints a page or a converter keeps a
two-column PDF: each line holds the left column's line, a wide gap, then the right
column's. Read line by line, part 一's title runs into the right column's words and the
part is not found; read as printed, the left column comes first, then the right.

A block of lines is taken for two columns only when at least ``MIN_LINES`` of them hold
words on both sides of one wide gap (``GAP`` spaces or more) that starts the right column
at the same display column (a Chinese character two), ``MIN_PROSE_LINES`` of them prose
on both sides, lines holding only one side between them; a table's row (numbers after
its label, several gaps) is never such a line.
"""

from __future__ import annotations

import re
from typing import Final

from .read_text import display_width

GAP: Final = 4
MIN_LINES: Final = 3
MIN_PROSE_LINES: Final = 2
_SPLIT_RE: Final = re.compile(r"^(\S.*?\S)( {4,})(\S.*?)\s*$")
_HINT_RE: Final = re.compile(r"[\u4e00-\u9fff，。、；）] {4,}[\u4e00-\u9fff（“]")
_CJK_RE: Final = re.compile(r"[\u4e00-\u9fff]")
_NUMBERS_END_RE: Final = re.compile(r"(?:\d+\s+){2,}\d+$")
_MIN_PROSE: Final = 4
"""Chinese characters each side must hold for a line to be prose on both sides."""


def may_hold_columns(text: str) -> bool:
    """A cheap look: prose on both sides of a wide gap somewhere."""
    return "    " in text and _HINT_RE.search(text) is not None


def _right_column(line: str) -> int | None:
    """The display column where the right column of a two-column line starts, or ``None``
    when the line is not prose on both sides of one wide gap."""
    m = _SPLIT_RE.match(line)
    if m is None:
        return None
    left, right = m.group(1), m.group(3)
    if "    " in right or "\t" in line or _NUMBERS_END_RE.search(right):
        return None
    if len(_CJK_RE.findall(left)) < _MIN_PROSE or len(_CJK_RE.findall(right)) < _MIN_PROSE:
        return None
    return display_width(left) + len(m.group(2))


def _side(line: str, column: int) -> tuple[str, str] | None:
    """``line`` as its left and right parts at ``column``, when it may belong to a block
    split there (one side blank, or the gap at the column)."""
    if not line.strip():
        return None
    indent = len(line) - len(line.lstrip(" "))
    if indent >= column - 1 and indent <= column + 1:  # only the right column
        return "", line.strip()
    m = _SPLIT_RE.match(line)
    if m is None or "\t" in line:
        return (line.strip(), "") if display_width(line.rstrip()) < column - 1 else None
    left, gap, right = m.group(1), m.group(2), m.group(3)
    if abs(display_width(left) + len(gap) - column) > 1 or "    " in right:
        return None
    if not _CJK_RE.search(right) or _NUMBERS_END_RE.search(right):
        return None  # (a table's row: its numbers after its label)
    return left, right


def unfold_columns(text: str) -> tuple[str, int]:
    """``text`` with each two-column block read left column first, and how many blocks."""
    lines = text.split("\n")
    out: list[str] = []
    blocks = 0
    i = 0
    while i < len(lines):
        column = _right_column(lines[i])
        if column is None:
            out.append(lines[i])
            i += 1
            continue
        sides: list[tuple[str, str]] = []
        prose = 0
        j = i
        while j < len(lines) and (side := _side(lines[j], column)) is not None:
            sides.append(side)
            prose += _right_column(lines[j]) is not None
            j += 1
        while sides and not sides[-1][1] and display_width(lines[j - 1]) < column - 1:
            # (after the right column's last line, not padded out to it: the page's width)
            sides.pop()
            j -= 1
        both = sum(1 for left, right in sides if left and right)
        if both < MIN_LINES or prose < MIN_PROSE_LINES:
            out.append(lines[i])
            i += 1
            continue
        out.extend(left for left, _ in sides if left)
        out.extend(right for _, right in sides if right)
        out.extend("" for _ in range(len(sides) - sum(bool(a) + bool(b) for a, b in sides)))
        blocks += 1
        i = j
    return "\n".join(out), blocks


def columns_note(blocks: int, source: str) -> dict[str, object]:
    return {
        "code": "TEXT_TWO_COLUMNS",
        "severity": "info",
        "message": f"{source}：有 {blocks} 段文字分左右两栏排印（每行左栏、空白、右栏），"
        "已按先左栏、后右栏的顺序读取",
        "blocks": blocks,
    }
