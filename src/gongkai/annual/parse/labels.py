"""Recognising the form's labels in a cell, from the variants in ``annual.schema``.

A cell is folded (``schema.normalize_label``, ``其它`` read as the form's ``其他``) and its
printed numbering (``三、``, ``(二)``, ``1.``) is set aside. Each variant then either has to be *contained* in the
cell, or, when it is a generic word of two characters or fewer (``其他``, ``总计``,
``规章``), has to be the whole cell. The longest matching variant wins, so
``(六)其他处理`` is the group, not the row ``3.其他``; but a cell holding a merged block
label and, beside it, a row label (``(三)不予公开 1.属于国家秘密``) is the row, and so is a
cell numbered as an item that opens with a generic row word (``3.其他处理``). A cell no
variant is in as printed is matched by the longest variant of five characters or more
that it holds with up to two characters typed between the variant's
(``1、信访、举报、投诉类申请``, ``本机关不掌握相关的政府信息``); failing that, by the row
whose variant of five characters or more the whole cell is but for a few characters
dropped, swapped or written otherwise (``本机关不掌握该政府信息``, ``属于三类内部信息``,
``本机关不掌握相关政府信``), when no other label is about as near. The characters OCR reads
for 未 and 已 (``尚末审结``, ``己获取``) are read as those. A character the text does not
say (``�``: a glyph pdfminer printed as ``(cid:5571)``) stands for the one character of a
label printed around it (``属于国家�密``), when only one label can be meant.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .. import schema as s
from .cells import Kind, Value, read_value

_NUMBERING_RE = re.compile(
    r"^(?:[一二三四五六七八九十]+[、.,:]|\([一二三四五六七八九十\d]+\)|(?:\d+|[lI])[.、)]|[①②③④⑤⑥⑦⑧⑨])"
)
"""A label's printed numbering: ``三、`` ``(二)`` ``1.`` (``l.`` ``I.``: OCR's 1) ``①``."""
_ITEM_RE = re.compile(r"^(?:\d+|[lI])[.、)](?!\()")
"""An item's number (``3.``), as table 三 numbers the rows inside a group, not before a
group's own (``1.(六)其他处理``)."""
_LATIN_TAIL_RE = re.compile(r"(?<=[^\x00-\x7f])[A-Za-z]{2,}[A-Za-z0-9 .,'&()/-]*$")
"""Latin words after a label's Chinese (``规章Rules``, the ``<br>`` and spaces folded
away): a bilingual page's translation."""
MAX_LABEL_LENGTH = 80
"""A cell longer than this (or holding a full stop) is narrative, never a label."""
GENERIC_LENGTH = 2
_BLOCK_KINDS = frozenset({"group", "block"})
"""Labels over several rows (table 三's groups, table 二's blocks)."""
MAX_CACHE = 20000
_OCR_MISREAD = str.maketrans("末己巳", "未已已")
"""Characters OCR reads for a label's own (``尚末审结``, ``末经复议直接起诉``,
``重新出具己获取信息``): no label of the form holds 末, 己 or 巳."""


@dataclass(frozen=True, slots=True)
class Label:
    """What a cell was recognised as: ``kind`` (row, group, column, block, header) and key."""

    kind: str
    key: str
    score: int
    generic: bool
    near: bool = False
    """Matched only with a few characters of the cell edited (``LabelSet._near``): the
    tables say so (``LABEL_NEAR``)."""


def strip_numbering(folded: str) -> str:
    for _ in range(3):
        match = _NUMBERING_RE.match(folded)
        if not match:
            break
        folded = folded[match.end() :]
    return folded


class LabelSet:
    """The labels of one table, indexed for matching many cells quickly.

    Each contained variant is filed under its *rarest character* (the one fewest
    variants of the set share): a variant can only be inside a cell that holds that
    character, so a cell is compared with the few variants filed under its own
    characters instead of with all of them. Results are cached per cell text.
    """

    def __init__(self, entries: list[tuple[str, str, str]], *, levels: bool = False) -> None:
        """``entries``: (variant as printed or folded, kind, key); ``levels``: a cell of
        header levels joined by ``.``, ``/`` or ``_`` names the column of its last level
        (``joined_levels``)."""
        contained: list[tuple[str, str, str]] = []
        exact: dict[str, list[tuple[str, str]]] = {}
        for variant, kind, key in entries:
            folded = s.normalize_label(variant)
            if len(folded) <= GENERIC_LENGTH:
                exact.setdefault(folded, []).append((kind, key))
            else:
                contained.append((folded, kind, key))
        contained.sort(key=lambda e: -len(e[0]))
        self._contained = tuple(contained)
        self._exact = exact
        self._index = _index(self._contained)
        self._near_entries = _near_entries(self._contained)
        self._near_by_size = _by_size(self._near_entries)
        self._leading_by_start = _by_start(self._near_entries)
        self._levels = levels
        self._cache: dict[str, tuple[Label, ...]] = {}
        self.classified: dict[str, tuple[Value, tuple[Label, ...]]] = {}
        """``classify``'s answers by cell text: a caller going over hundreds of cells
        looks here first, and calls ``classify`` only for a text not seen yet."""

    def match(self, cell: str) -> tuple[Label, ...]:
        """Every label the cell can be, best first (longest variant). Cached per text."""
        found = self._cache.get(cell)
        if found is None:
            if len(self._cache) > MAX_CACHE:
                self._cache.clear()
            found = self._cache[cell] = tuple(self._match(cell))
        return found

    def classify(self, cell: str) -> tuple[Value, tuple[Label, ...]]:
        """The cell's value (``cells.read_value``) and, for text, its labels. Cached."""
        found = self.classified.get(cell)
        if found is None:
            if len(self.classified) > MAX_CACHE:
                self.classified.clear()
            value = read_value(cell)
            labels = self.match(cell) if value.kind is Kind.TEXT else ()
            found = self.classified[cell] = (value, labels)
        return found

    def _match(self, cell: str) -> list[Label]:
        if len(cell) > 2 * MAX_LABEL_LENGTH:
            return []
        folded = s.normalize_label(cell)
        if not folded or len(folded) > MAX_LABEL_LENGTH or "。" in folded:
            return []
        if "它" in folded:
            folded = folded.replace("其它", "其他")
        if "末" in folded or "己" in folded or "巳" in folded:
            folded = folded.translate(_OCR_MISREAD)
        if UNKNOWN in folded:
            folded = _filled(self._contained, folded)
        if self._levels and _LEVEL_SEPARATOR_RE.search(folded):
            joined = self._joined_levels(folded)
            if joined:
                return joined
        candidates = self._candidates(folded)
        out = _longest(candidates, folded)
        if out and out[0].kind in _BLOCK_KINDS:
            variant = next(v for v, _, _ in candidates if v in folded and len(v) == out[0].score)
            at = folded.index(variant)
            rest = f"{folded[:at]}\0{folded[at + len(variant) :]}"
            rows = _longest([c for c in candidates if c[1] == "row"], rest)
            if not rows:  # a generic row label after the block label: (六)其他处理 3.其他
                tail = _unmarked(strip_numbering(folded[at + len(variant) :]))
                exact = self._exact.get(tail, ())
                rows = [Label(kind, key, len(tail), True) for kind, key in exact if kind == "row"]
                if not rows:
                    rows = _loosely([c for c in candidates if c[1] == "row"], tail)
                if not rows and len(tail) < len(folded):
                    # levels joined into one cell (三、本年度办理结果-(六)其他处理-3.其他,
                    # a spreadsheet's export): the rest is a block's label and its row's
                    rows = [lb for lb in self._match(tail) if lb.kind == "row"]
                if not rows:
                    rows = [lb for lb in self._near(tail) if lb.kind == "row"]
            if not rows and _ITEM_RE.match(folded):
                rows = self._row_opening(strip_numbering(folded))
            if rows:
                return rows  # a merged block label and a row label in one cell: the row
        if out:
            return out
        bare = strip_numbering(folded)
        for kind, key in self._exact.get(bare, ()) or self._exact.get(folded, ()):
            out.append(Label(kind, key, len(bare), True))
        if not out and bare[-1:].isascii() and bare[-1:].isalpha():
            out = self._before_latin(bare)
        if not out:
            out = _loosely(candidates, folded)
        if not out:
            out = self._near(bare)
        return out

    def _before_latin(self, bare: str) -> list[Label]:
        """A generic label followed by its translation (``规章<br>Rules``, ``总计 Total``:
        a bilingual page): the label, when the Chinese before the Latin words is exactly
        it. A longer label is found inside the cell as it is; a generic one must be the
        whole cell, so the translation is set aside first."""
        chinese = _LATIN_TAIL_RE.sub("", bare)
        if chinese == bare:
            return []
        return [Label(kind, key, len(chinese), True) for kind, key in self._exact.get(chinese, ())]

    def _joined_levels(self, folded: str) -> list[Label]:
        """A header cell of header levels joined by ``.``, ``/`` or ``_`` (how docling and
        pandas flatten a header of several rows: ``申请人情况.法人或其他组织.商业企业``): the
        column its last level names, when every level before it is a header word over
        columns (``申请人情况``, ``法人或其他组织``) or that column again; none otherwise."""
        levels = [level for level in _LEVEL_SEPARATOR_RE.split(folded) if level]
        if len(levels) < _LEAST_LEVELS:
            return []
        last = [lb for lb in self._match(levels[-1]) if lb.kind == "column"]
        if len(last) != 1:
            return []
        for level in levels[:-1]:
            above = self._match(level)
            if not above or not all(
                (lb.kind == "header" and lb.key in _HEADERS_OVER_COLUMNS) or lb == last[0]
                for lb in above
            ):
                return []
        column = last[0]
        return [Label(column.kind, column.key, column.score, False)]

    def _row_opening(self, bare: str) -> list[Label]:
        """A generic row label a cell numbered as an item opens with (``3.其他处理``: the
        row ``其他`` of its group, worded as the group is; a group is never numbered
        ``3.``)."""
        for word, labels in self._exact.items():
            if bare.startswith(word):
                rows = [Label(kind, key, len(word), True) for kind, key in labels if kind == "row"]
                if rows:
                    return rows
        return []

    def _near(self, bare: str) -> list[Label]:
        """The row a cell no variant is in, as printed or loosely, is printed
        with a few characters dropped, swapped or typed otherwise (``本机关不掌握该政府信息``,
        ``本机关不掌握相关政府信``, ``属于三类内部信息``): the one whose variant of
        ``NEAR_MIN`` characters or more is within ``near_limit`` edits of the whole cell
        (its numbering, a dash before it and pauses aside), when every other label's
        variants are ``NEAR_MARGIN`` edits farther. None when two labels are about as near.
        A cell no variant is near as a whole may open with one (``_near_leading``). The
        label is ``near`` when characters were edited (not only pauses set aside)."""
        cell = _unpaused(_unmarked(bare))
        size = len(cell)
        if size < len(self._near_by_size) and self._near_by_size[size]:
            best, distance = self._nearest_whole(cell)
            if best is not None:
                return self._clear_of_others(cell, best, distance)
        return self._near_leading(cell)

    def _nearest_whole(self, cell: str) -> tuple[NearEntry | None, int]:
        """The variant within its ``near_limit`` edits of the whole cell, the nearest."""
        chars = frozenset(cell)
        best: NearEntry | None = None
        distance = 0
        for entry in self._near_by_size[len(cell)]:
            if len(entry.chars - chars) > entry.limit:
                continue
            found = edit_distance(cell, entry.variant, entry.limit)
            if found <= entry.limit and (best is None or found < distance):
                best, distance = entry, found
        return best, distance

    def _clear_of_others(self, cell: str, best: NearEntry, distance: int) -> list[Label]:
        """``best``'s label, when no other label's variant is within ``distance`` and
        ``NEAR_MARGIN`` edits of the whole cell; none otherwise."""
        size = len(cell)
        chars = frozenset(cell)
        reach = distance + NEAR_MARGIN - 1
        for other in self._near_entries:
            if (other.kind, other.key) == (best.kind, best.key):
                continue
            if abs(len(other.variant) - size) > reach or len(other.chars - chars) > reach:
                continue
            if edit_distance(cell, other.variant, reach) <= reach:
                return []  # another label is about as near
        return [Label(best.kind, best.key, len(best.variant), False, distance > 0)]

    def _near_leading(self, cell: str) -> list[Label]:
        """The row whose variant of ``LEADING_MIN`` characters or more a cell opens with but
        for ``LEADING_LIMIT`` character dropped, swapped or typed otherwise, the rest of the
        cell whatever it is: a long label printed whole with a typo in its first words
        (``申请人无正当理由逾期不补、行政机关不再处理其政府信息公开申请``, whose variant is
        its first words), or a label and its numbers left one cell (``部分公又(区分处理的,…)
        0 0 0``). Only when every other label's variants, read the same way, are
        ``NEAR_MARGIN`` edits farther, or beyond the edits they would be matched with
        themselves (a word of four characters two edits from the cell's first ones is no
        other row meant): a typo between two rows (``上年新收政府信息公开申请数量``) is none."""
        if len(cell) < LEADING_MIN - LEADING_LIMIT:
            return []
        heads: dict[int, frozenset[str]] = {}
        best: NearEntry | None = None
        distance = 0
        for entry in self._opening_with(cell):
            found = _leading_distance(entry, cell, LEADING_LIMIT, heads)
            if found <= LEADING_LIMIT and (best is None or found < distance):
                best, distance = entry, found
        if best is None:
            return []
        reach = distance + NEAR_MARGIN - 1
        for other in self._near_entries:
            if (other.kind, other.key) == (best.kind, best.key):
                continue
            limit = min(reach, other.limit)
            if _leading_distance(other, cell, limit, heads) <= limit:
                return []  # another label is about as near the cell's first words
        return [Label(best.kind, best.key, len(best.variant), False, distance > 0)]

    def _opening_with(self, cell: str) -> list[NearEntry]:
        """The entries ``_near_leading`` may match ``cell`` to (``_by_start``), each once."""
        found: list[NearEntry] = []
        for char in cell[: LEADING_LIMIT + 1]:
            for entry in self._leading_by_start.get(char, ()):
                if entry not in found:
                    found.append(entry)
        return found

    def _candidates(self, folded: str) -> list[tuple[str, str, str]]:
        """The contained variants that may be in ``folded``, in the order of
        ``_contained`` (longest first)."""
        positions: set[int] = set()
        index = self._index
        for char in set(folded):
            filed = index.get(char)
            if filed:
                positions.update(filed)
        contained = self._contained
        return [contained[i] for i in sorted(positions)]


def _longest(candidates: list[tuple[str, str, str]], folded: str) -> list[Label]:
    """The variants inside ``folded`` of the greatest length (``candidates`` are sorted
    longest first)."""
    out: list[Label] = []
    best = 0
    for variant, kind, key in candidates:
        if len(variant) < best:
            break
        if variant in folded:
            best = len(variant)
            out.append(Label(kind, key, best, False))
    return out


_LEVEL_SEPARATOR_RE = re.compile(r"[./_]")
"""How a converter joins the levels of a header printed over several rows into one cell."""
_LEAST_LEVELS = 2
_HEADERS_OVER_COLUMNS = frozenset(("applicant", "organisation"))
"""Table 三's header words printed over its columns (申请人情况, 法人或其他组织)."""


UNKNOWN = "\ufffd"
"""A character the text does not say (``normalize.UNKNOWN_CHARACTER``: a glyph pdfminer
could not map, ``属于国家(cid:5571)密``)."""
MAX_UNKNOWN = 2
"""Unknown characters a variant may have in a cell and still be matched."""
MIN_KNOWN = 3
"""Characters of a variant a cell has to print, besides its unknown ones."""


def _filled(contained: tuple[tuple[str, str, str], ...], folded: str) -> str:
    """``folded`` with each unknown character that one label explains written as that
    label's: a variant is printed there but for one or two unknown characters, with
    ``MIN_KNOWN`` or more of its own (``属于国家�密``, ``(七)总�``). An unknown character
    two labels would fill differently (``第二十条第(�)项``: 一, 五, 六 or 八) stays
    unknown; one they fill alike (a heading that is a block of both formats) is filled,
    as the cell would read printed whole. ``contained`` is sorted longest first: the
    longest variant of the one label fills it."""
    unknown = [i for i, char in enumerate(folded) if char == UNKNOWN]
    fills: dict[int, str] = {}
    chars_at: dict[int, set[str]] = {}
    labels: dict[int, set[tuple[str, str]]] = {}
    for variant, kind, key in contained:
        size = len(variant)
        if size < MIN_KNOWN + 1:
            continue
        starts = {
            start
            for at in unknown
            for start in range(max(0, at - size + 1), min(at, len(folded) - size) + 1)
        }
        for start in sorted(starts):
            if not _fits(variant, folded, start):
                continue
            for i in range(start, start + size):
                if folded[i] == UNKNOWN:
                    fills.setdefault(i, variant[i - start])
                    chars_at.setdefault(i, set()).add(variant[i - start])
                    labels.setdefault(i, set()).add((kind, key))
    if not fills:
        return folded
    chars = list(folded)
    for i, char in fills.items():
        if len(labels[i]) == 1 or len(chars_at[i]) == 1:
            chars[i] = char
    return "".join(chars)


def _fits(variant: str, folded: str, start: int) -> bool:
    """Whether ``variant`` is printed in ``folded`` from ``start`` but for one to
    ``MAX_UNKNOWN`` unknown characters, with ``MIN_KNOWN`` or more of its own."""
    unknown = 0
    for i, char in enumerate(variant):
        printed = folded[start + i]
        if printed == UNKNOWN:
            unknown += 1
            if unknown > MAX_UNKNOWN:
                return False
        elif printed != char:
            return False
    return unknown > 0 and len(variant) - unknown >= MIN_KNOWN


LOOSE_MIN = 5
"""Characters a variant needs to be matched with words typed into it."""
LOOSE_EXTRA = 2
"""Characters a cell may add inside a variant and still be it: ``、`` between its words
(``信访、举报、投诉类申请``), a ``的`` (``不掌握相关的政府信息``)."""


def _loosely(candidates: list[tuple[str, str, str]], folded: str) -> list[Label]:
    """The longest variants (of ``LOOSE_MIN`` characters or more) inside ``folded`` with up
    to ``LOOSE_EXTRA`` characters typed between theirs: tried for a cell no variant is in
    as printed."""
    out: list[Label] = []
    best = 0
    for variant, kind, key in candidates:
        if len(variant) < max(best, LOOSE_MIN):
            break
        if _typed_into(variant, folded):
            best = len(variant)
            out.append(Label(kind, key, best, False))
    return out


def _typed_into(variant: str, folded: str) -> bool:
    """Whether ``variant`` is in ``folded`` with at most ``LOOSE_EXTRA`` characters between
    its own."""
    start = folded.find(variant[0])
    while start != -1 and len(folded) - start >= len(variant):
        matched, extra = 1, 0
        for char in folded[start + 1 :]:
            if char == variant[matched]:
                matched += 1
                if matched == len(variant):
                    return True
            else:
                extra += 1
                if extra > LOOSE_EXTRA:
                    break
        start = folded.find(variant[0], start + 1)
    return False


NEAR_MIN = 5
"""Characters a row's variant needs to be matched with characters edited (``_near``)."""
NEAR_MARGIN = 2
"""Edits by which every other label has to be farther from a cell than the one matched."""
MAX_NEAR_CELL = 40
_NEAR_KINDS = frozenset({"row"})
"""Labels matched with characters edited: rows, never a header word or a group (table 四's
groups head columns, and a header cell wrapped in a narrow PDF column,
``未经复议直接起`` over ``诉``, is joined by the reader, not matched cut)."""
_NEAR_LEAST = 3
"""Characters a variant of another label needs to count against a near match."""
_PAUSES_RE = re.compile(r"[、,，;；]")
_LEADING_MARKS = "-—–―~:"
"""Marks printed between a group's label and its row's, folded (``—``, ``－``, ``：``)."""
LEADING_MIN = 8
"""Characters a row's variant needs to be matched near a cell's first words, the rest of
the cell aside (``_near_leading``)."""
LEADING_LIMIT = 1
"""Edits a variant may be printed with at the head of a cell and still be matched there:
one, as a typo or OCR makes (the whole cell near a variant may have ``near_limit``)."""


@dataclass(frozen=True, slots=True)
class NearEntry:
    """A variant as ``_near`` compares it (numbering and pauses aside), its characters, the
    edits it may be printed with, whether a cell may be matched to it, its kind and key."""

    variant: str
    chars: frozenset[str]
    limit: int
    accepted: bool
    kind: str
    key: str


def near_limit(size: int) -> int:
    """Edits a variant of ``size`` characters may be printed with and still be matched:
    one up to 7 characters, two up to 15, three from 16."""
    return 1 if size < 8 else 2 if size < 16 else 3


def _unmarked(bare: str) -> str:
    """``bare`` without the dash or colon a cell may print between a group's label and its
    row's (``(五)不予处理—(5)要求…``), and the row's numbering after it."""
    if bare and bare[0] in _LEADING_MARKS:
        return strip_numbering(bare.lstrip(_LEADING_MARKS))
    return bare


def _leading_distance(
    entry: NearEntry, cell: str, limit: int, heads: dict[int, frozenset[str]]
) -> int:
    """The edits that make ``entry``'s variant into the nearest leading part of ``cell``
    (``edit_distance`` of the cell's first characters, ``limit + 1`` past ``limit``).
    ``heads`` keeps the characters of the cell's first ``n``, for the next entry of that
    length: a variant that lacks more than ``limit`` of its characters there is no nearer."""
    width = len(entry.variant) + limit
    head = cell[:width]
    chars = heads.get(width)
    if chars is None:
        chars = heads[width] = frozenset(head)
    if len(entry.chars - chars) > limit:
        return limit + 1
    return edit_distance(entry.variant, head, limit, leading=True)


def _unpaused(text: str) -> str:
    if "、" in text or "," in text or "，" in text or ";" in text or "；" in text:
        return _PAUSES_RE.sub("", text)
    return text


def _near_entries(contained: tuple[tuple[str, str, str], ...]) -> tuple[NearEntry, ...]:
    entries: dict[tuple[str, str, str], NearEntry] = {}
    for variant, kind, key in contained:
        bare = _unpaused(strip_numbering(variant))
        if len(bare) < _NEAR_LEAST or (bare, kind, key) in entries:
            continue
        accepted = kind in _NEAR_KINDS and len(bare) >= NEAR_MIN
        entries[(bare, kind, key)] = NearEntry(
            bare, frozenset(bare), near_limit(len(bare)), accepted, kind, key
        )
    return tuple(entries.values())


def _by_size(entries: tuple[NearEntry, ...]) -> tuple[tuple[NearEntry, ...], ...]:
    """For each cell length up to ``MAX_NEAR_CELL``, the entries a cell may be matched to
    (a variant within its ``near_limit`` of that length)."""
    return tuple(
        tuple(e for e in entries if e.accepted and abs(len(e.variant) - size) <= e.limit)
        for size in range(MAX_NEAR_CELL + 1)
    )


def _by_start(entries: tuple[NearEntry, ...]) -> dict[str, tuple[NearEntry, ...]]:
    """The entries ``_near_leading`` matches (rows' variants of ``LEADING_MIN`` characters
    or more) filed under each of their first ``LEADING_LIMIT + 1`` characters: within that
    many edits of a cell's leading part, one of them is among the cell's first
    ``LEADING_LIMIT + 1`` (the first character of the variant not edited away stands there),
    so a cell is compared only with the entries filed under those."""
    filed: dict[str, list[NearEntry]] = {}
    for entry in entries:
        if entry.accepted and len(entry.variant) >= LEADING_MIN:
            for char in dict.fromkeys(entry.variant[: LEADING_LIMIT + 1]):
                filed.setdefault(char, []).append(entry)
    return {char: tuple(found) for char, found in filed.items()}


def edit_distance(a: str, b: str, limit: int, *, leading: bool = False) -> int:
    """The edits (a character dropped, added or changed, two beside each other swapped)
    that make ``a`` into ``b`` (with ``leading``: into ``b``'s nearest leading part);
    ``limit + 1`` once it is sure to be more than ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before: list[int] = []
    above = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        least = i
        char = a[i - 1]
        for j in range(1, len(b) + 1):
            other = b[j - 1]
            cost = above[j - 1] + (char != other)
            cost = min(cost, above[j] + 1, row[j - 1] + 1)
            if i > 1 and j > 1 and char == b[j - 2] and a[i - 2] == other:
                cost = min(cost, before[j - 2] + 1)
            row[j] = cost
            least = min(least, cost)
        if least > limit:
            return limit + 1
        before, above = above, row
    return min(min(above) if leading else above[-1], limit + 1)


def _index(contained: tuple[tuple[str, str, str], ...]) -> dict[str, tuple[int, ...]]:
    """Each variant's position in ``contained``, filed under its rarest character."""
    frequency: Counter[str] = Counter()
    for variant, _, _ in contained:
        frequency.update(set(variant))
    index: dict[str, list[int]] = {}
    for i, (variant, _, _) in enumerate(contained):
        rarest = min(sorted(set(variant)), key=lambda ch: frequency[ch])
        index.setdefault(rarest, []).append(i)
    return {char: tuple(positions) for char, positions in index.items()}


TABLE2_COLUMN_WORDS: dict[str, tuple[str, ...]] = {
    "made": ("新制定", "本年制发", "制发件数"),
    "repealed": ("废止", "本年废止", "废止件数"),
    "in_force": ("现行有效",),
    "count": ("处理决定数量",),
    "amount": ("收费金额",),
}
"""Words reports print in table 二's column headings for the form's own (``新制定``,
``废止``, ``现行有效``; ``处理决定数量（件）``, ``收费金额（万元）``). ``处理决定数量`` is also
a column of the 2019 trial format's table 二, whose other columns (``上一年项目数量``,
``本年增/减``) still tell that format."""


def _table2_entries() -> list[tuple[str, str, str]]:
    entries: list[tuple[str, str, str]] = []
    words = {w for ws in TABLE2_COLUMN_WORDS.values() for w in ws}
    for block in s.TABLE2_BLOCKS:
        entries.append((block.heading, "block", block.key))
        entries.extend((v, "block", block.key) for v in block.variants)
        entries.extend((c.label, "column", c.key) for c in block.columns)
        for c in block.columns:
            entries.extend((w, "column", c.key) for w in TABLE2_COLUMN_WORDS.get(c.key, ()))
        for row in block.rows:
            entries.extend((v, "row", row.key) for v in row.variants)
    entries.append((s.TABLE2_CONTENT_HEADER, "header", "content"))
    for key, heading, columns, rows in s.TRIAL_TABLE2_BLOCKS:
        entries.append((heading, "trial_block", key))
        entries.extend((c, "trial_column", key) for c in columns if c not in words)
        entries.extend((r, "trial_row", key) for r in rows if not _is_2021_row(r))
    return entries


def _is_2021_row(label: str) -> bool:
    return any(label in row.variants for block in s.TABLE2_BLOCKS for row in block.rows)


def _table3_entries() -> list[tuple[str, str, str]]:
    entries: list[tuple[str, str, str]] = []
    for row in s.TABLE3_ROWS:
        entries.extend((v, "row", row.key) for v in row.variants)
    group = s.TABLE3_RESULTS_GROUP
    entries.extend((v, "group", group.key) for v in group.variants)
    for g in s.TABLE3_GROUPS:
        entries.extend((v, "group", g.key) for v in g.variants)
    for c in s.TABLE3_COLUMNS:
        entries.extend((v, "column", c.key) for v in c.variants)
        entries.extend((v, "column", c.key) for v in TABLE3_COLUMN_WORDS.get(c.key, ()))
    entries.append((s.TABLE3_APPLICANT_HEADER, "header", "applicant"))
    entries.append((s.TABLE3_ORGANISATION_HEADER, "header", "organisation"))
    entries.extend((v, "header", "note") for v in s.TABLE3_NOTE_VARIANTS)
    return entries


TABLE3_COLUMN_WORDS: dict[str, tuple[str, ...]] = {
    "commercial": ("企业",),
    "research": ("科研",),
    "social_welfare": ("公益组织",),
    "legal_services": ("法律服务",),
}
"""Short names reports print in table 三's header for the form's applicant columns (合计,
for 总计, is a variant in ``schema``): each names one column only. Words that could name
two (``机构``: 科研机构 or 法律服务机构; ``组织``) are not among them."""


TABLE4_COLUMN_WORDS: dict[str, tuple[str, ...]] = {
    "pending": ("尚在审理", "正在审理"),
    "total": ("总数", "小计"),
}
"""Words reports print in table 四's column headings for the form's own, besides the
variants in ``schema`` (``其它结果`` is ``其他结果`` folded, ``维持`` a variant already):
read as the national columns."""


def table4_column_variants(column: s.Table4Column) -> tuple[str, ...]:
    """The words a table 四 column heading may print: the form's variants, then
    ``TABLE4_COLUMN_WORDS``."""
    return (*column.variants, *TABLE4_COLUMN_WORDS.get(column.key, ()))


def _table4_entries() -> list[tuple[str, str, str]]:
    entries: list[tuple[str, str, str]] = []
    for g in s.TABLE4_GROUPS:
        entries.extend((v, "group", g.key) for v in g.variants)
    for c in s.TABLE4_COLUMNS:
        entries.extend((v, "column", c.key) for v in table4_column_variants(c))
    entries.append((s.TABLE4_LITIGATION_HEADER, "header", "litigation"))
    return entries


@lru_cache(maxsize=1)
def table2_labels() -> LabelSet:
    return LabelSet(_table2_entries())


@lru_cache(maxsize=1)
def table3_labels() -> LabelSet:
    return LabelSet(_table3_entries(), levels=True)


@lru_cache(maxsize=1)
def table4_labels() -> LabelSet:
    return LabelSet(_table4_entries())
