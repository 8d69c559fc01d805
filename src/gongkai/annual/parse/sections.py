"""The six section headings (一、总体情况 … 六、其他需要报告的事项) and their texts.

A heading is a short row that starts with the section's numeral (``一、`` ``一.``
``第一部分``) followed by one of the section's variants from ``schema.SECTIONS``, in
order. A section whose title is worded differently (``一、工作开展情况``) is still found
when a short row with the right numeral stands between its neighbours' headings and is
not a label of a table (table 三's rows are numbered 一 to 四 too).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .. import schema as s
from .cells import Kind, read_value
from .labels import table3_labels
from .rows import Row

NUMERALS = "一二三四五六"
_HEADING_RE = re.compile(r"^(?:第)?([一二三四五六])(?:部分)?(?:[、.,:]|\s)*")
_FIRST = frozenset(NUMERALS + "第")
MAX_HEADING = 40
MAX_LOOSE_TITLE = 20
_VARIANTS = {
    sec.key: tuple(sorted({s.normalize_label(v) for v in (sec.title, *sec.variants)}, key=len))[
        ::-1
    ]
    for sec in s.SECTIONS
}


_QUALIFIER_RE = re.compile(r"^(?:(?:19|20)\d\d年(?:度)?)?(?:本(?:机关|单位|局|委|办))?(?:的)?")
"""Words a report may put between a heading's numeral and its title: the year and the
organ (``一、2022年度政府信息公开工作总体情况``, ``五、本局存在的主要问题…``); the
words ``政府信息公开工作`` that may follow are in the variants' own reach (below)."""
_WORK_RE = re.compile(r"^(?:政府信息公开|政务公开)(?:工作)?(?:的)?")

_CACHED = 2 * MAX_HEADING
_fold = lru_cache(maxsize=4096)(s.normalize_label)
"""``normalize_label`` cached for short rows: headings come back in every report."""


def _candidate(row: Row) -> tuple[str, str] | None:
    """(numeral, folded rest) for a row that could be a heading."""
    head = row.text.lstrip()[:1]
    if not head or head not in _FIRST or len(row.filled) != 1:
        return None
    folded = _fold(row.text) if len(row.text) <= _CACHED else s.normalize_label(row.text)
    if len(folded) > MAX_HEADING or not folded or folded[0] not in NUMERALS + "第":
        return None
    match = _HEADING_RE.match(folded)
    if not match:
        return None
    return match.group(1), folded[match.end() :]


def find_headings(rows: Sequence[Row]) -> dict[str, int]:
    """Row index of each section heading found, keyed "1".."6"."""
    candidates = [
        (row.index, c)
        for row in rows
        if (row.text[:1] in _FIRST or row.text[:1].isspace()) and (c := _candidate(row)) is not None
    ]
    headings: dict[str, int] = {}
    after = -1
    for section in s.SECTIONS:
        for index, (numeral, rest) in candidates:
            if index <= after or numeral != section.numeral:
                continue
            bare = _QUALIFIER_RE.sub("", rest, count=1)
            variants = _VARIANTS[section.key]
            if any(rest.startswith(v) or bare.startswith(v) for v in variants) or any(
                _WORK_RE.sub("", bare, count=1).startswith(v) for v in variants
            ):
                headings[section.key] = index
                after = index
                break
    _loose_headings(rows, candidates, headings)
    return headings


def _loose_headings(
    rows: Sequence[Row], candidates: list[tuple[int, tuple[str, str]]], headings: dict[str, int]
) -> None:
    labels = table3_labels()
    for position, section in enumerate(s.SECTIONS):
        if section.key in headings:
            continue
        before = max(
            (headings[x.key] for x in s.SECTIONS[:position] if x.key in headings), default=-1
        )
        later = [headings[x.key] for x in s.SECTIONS[position + 1 :] if x.key in headings]
        if not later:
            continue  # never guess the last sections: the tables' own rows look alike
        until = min(later)
        for index, (numeral, rest) in candidates:
            if not before < index < until or numeral != section.numeral:
                continue
            if not rest or len(rest) > MAX_LOOSE_TITLE or any(ch.isdigit() for ch in rest):
                continue
            if labels.match(rows[index].text):
                continue
            headings[section.key] = index
            break


def section_texts(
    rows: Sequence[Row], headings: dict[str, int], table_rows: set[int]
) -> dict[str, str]:
    """The text under each heading found, without the rows the tables were read from:
    sections 二 to 四 are their tables, so their text is only what the document printed
    outside the table (often nothing)."""
    found = sorted((index, key) for key, index in headings.items())
    texts: dict[str, str] = {}
    for n, (index, key) in enumerate(found):
        end = found[n + 1][0] if n + 1 < len(found) else len(rows)
        lines: list[str] = []
        for row in rows[index + 1 : end]:
            if row.index not in table_rows and row.filled:
                lines.append(row.text)
        texts[key] = "\n".join(lines).strip()
    return texts


@lru_cache(maxsize=8192)
def _label_text(cells: tuple[str, ...]) -> str:
    """A table row's text cells (its labels) without its numbers. Cached: table rows
    come back in every report."""
    return " ".join(c for c in cells if c and read_value(c).kind is Kind.TEXT)
