"""What one table cell holds: a number, a placeholder meaning "nothing printed", or text.

The national form's cells are counts (tables 三 and 四, most of 二) or an amount in 万元
(the fee row of table 二). Published reports also print ``-``, ``—``, ``/`` or ``无`` for
an empty cell, or leave it blank: all of those are read as ``None`` (JSON ``null``), since
0 means the document printed 0. A count written in Chinese numerals (``零``, ``十二``,
``三件``) is the number it names; 〇 alone or beside ASCII digits (``〇``, ``2〇6``: OCR's
0) is the digit 0, noted (``NOTE_LING``). A measure word after a count (``12件``, ``3宗``,
``14人次``: ``MEASURE_WORDS``) is dropped. A footnote mark right after a number
(``1204*``, ``56①``) is dropped, as a note in brackets after it is (``55（含自然失效29件）``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import Enum
from functools import lru_cache
from typing import Final

from ..schema import normalize_label


class Kind(Enum):
    NUMBER = "number"
    PLACEHOLDER = "placeholder"
    EMPTY = "empty"
    TEXT = "text"


@dataclass(frozen=True, slots=True)
class Value:
    kind: Kind
    number: Decimal | None = None
    note: str | None = None
    """Why the number is not simply what was printed: ``NOTE_APPROXIMATE`` or
    ``NOTE_LETTER_O`` (see the module docstring); ``None`` for a plain cell."""
    is_value: bool = field(init=False, repr=False, compare=False)
    """A number or a placeholder: something that fills one cell of a row (an attribute,
    not a property: the table scan asks it of every cell)."""

    def __post_init__(self) -> None:
        filled = self.kind is Kind.NUMBER or self.kind is Kind.PLACEHOLDER
        object.__setattr__(self, "is_value", filled)


EMPTY = Value(Kind.EMPTY)
TEXT = Value(Kind.TEXT)
PLACEHOLDER = Value(Kind.PLACEHOLDER)

MEASURE_WORDS: Final = ("件", "宗", "项", "个", "次", "人次", "条", "份", "家", "起", "例", "篇")
"""The measure words a count cell may end in (``12件``, ``3宗``, ``905项``, ``14人次``):
reports print the count with whichever word their office uses for a case, a matter or an
applicant. One list for every reader of a cell (``flat_tables`` may take it too)."""
_UNITS = "|".join(sorted((*MEASURE_WORDS, "万元"), key=len, reverse=True))
_DIGITS_PATTERN = rf"[+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:{_UNITS})?"
_LING_PATTERN = r"(?:〇|\d*(?:\d〇|〇\d)[\d〇]*)"
"""A count an OCR tool printed with 〇 for the digit 0: 〇 alone or beside ASCII digits
(``〇``, ``1〇``, ``2〇6``)."""
NUMBER_PATTERN = rf"(?:{_DIGITS_PATTERN}|{_LING_PATTERN}(?:{_UNITS})?)"
"""What a number cell prints, for splitting a line into cells (``tables_text``): digits,
or a count with 〇 for 0 (``read_value`` reads it and notes it)."""
_NUMBER_RE = re.compile(rf"^{_DIGITS_PATTERN}$")
_LING_RE = re.compile(rf"^{_LING_PATTERN}(?:{_UNITS})?$")
_GROUPED_RE = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_UNIT_RE = re.compile(rf"(?:{_UNITS})$")
_PLACEHOLDER_RE = re.compile(r"^(?:[-‐‑‒–—―－─━~～]+|[/／\\]|无|空|/|—/—|nan|NaN|None|<NA>)$")
"""Cells that say "nothing printed". ``nan``, ``NaN``, ``None`` and ``<NA>`` are how pandas
prints a blank cell (``DataFrame.to_markdown`` of a table a PDF extractor read; ``frames``
makes those among a table's labels blank)."""
_SPACE_RE = re.compile(r"\s+")
_OPEN = "（(\\[【"
_CLOSE = "）)\\]】"
_ANNOTATED_RE = re.compile(
    rf"^({NUMBER_PATTERN})"
    rf"(?:(?:[{_OPEN}][^{_OPEN}{_CLOSE}]+[{_CLOSE}])+|[{_OPEN}][^{_OPEN}{_CLOSE}]+"
    rf"|[，,；;](?:其中|含|包括)[^{_OPEN}{_CLOSE}]*)$"
)
"""A number followed by notes: in brackets of any kind (``55（含自然失效29件）``,
``12（其中修订4件）（含转发2件）``, ``3[到期失效]``), one whose closing bracket was lost
(``58（含自然失效9件``), or after a comma (``137件，其中变更12件``). The number is the
first figure."""
_FOOTNOTE_MARKS: Final = "*＊※①②③④⑤⑥⑦⑧⑨⑩"
"""Marks printed right after a cell's number to point to a footnote under the table
(``1204*``, ``56①``): the number is the cell's, the mark is dropped as a note in
brackets is."""
_PREFIX_RE = re.compile(r"^(共|合计|计|约|近)")
"""Words printed before a cell's number (``共218件``, ``约12000``)."""
_APPROXIMATE = frozenset(("约", "近"))
_LETTER_O_RE = re.compile(r"^[0-9OolI]{1,7}$")
"""A count whose zeros an OCR tool read as the letter O (``O``, ``1O``, ``2o5``) or
whose ones as the letter l or I (``l``, ``1l``, ``l2``)."""
_ONES = frozenset("lI")
NOTE_APPROXIMATE = "approximate"
NOTE_LETTER_O = "letter_o"
NOTE_LETTER_L = "letter_l"
NOTE_DASH_AS_YI = "dash_as_yi"
NOTE_LING = "ling_as_zero"
LING = "〇"
YI = "一"
"""A number cell that holds nothing but 一: the dash a scan's OCR (or a font) turned into
the character for one. Read as a placeholder (null), never as 1, and said."""
_CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_CHINESE_DIGITS.update({"六": 6, "七": 7, "八": 8, "九": 9})
_CHINESE_NUMBER_RE = re.compile(
    rf"^(?:[零〇]|[一二两三四五六七八九]?(?:百[零〇]?)?[一二三四五六七八九]?十?[一二三四五六七八九]?)"
    rf"(?:{_UNITS})?$"
)


NOTED_CELLS: set[str] = set()
"""Every cell text ``read_value`` gave a ``note``, so that a caller can tell in C whether
a table holds one (most never do). At most ``MAX_NOTED``; past that, ``noted_overflow``."""
MAX_NOTED = 50000


def noted_overflow() -> bool:
    """Whether ``NOTED_CELLS`` stopped growing: then it no longer lists every noted cell."""
    return len(NOTED_CELLS) >= MAX_NOTED


@lru_cache(maxsize=8192)
def read_value(text: str) -> Value:
    """Classify one cell's text (already normalised by the reader). Cached: the same
    cells (``0``, labels) come back in every report."""
    value = _read_value(text)
    if value.note is not None and len(NOTED_CELLS) < MAX_NOTED:
        NOTED_CELLS.add(text)
    return value


def _read_value(text: str) -> Value:
    cell = text.strip()
    if not cell:
        return EMPTY
    if len(cell) > 24:
        return TEXT
    if " " in cell or "\u3000" in cell:
        cell = _SPACE_RE.sub("", cell)
    first = cell[0]
    if first.isdigit() or first in "+-.":
        if _NUMBER_RE.match(cell):
            return Value(Kind.NUMBER, _decimal(_UNIT_RE.sub("", cell)))
        if cell[-1] in _FOOTNOTE_MARKS:
            return _footnoted(cell)
        annotated = _ANNOTATED_RE.match(cell)
        if annotated:  # 22（其中修订16件）: the cell's number is the first figure
            return read_value(annotated.group(1))
        if "," in cell and _GROUPED_RE.match(cell):
            return Value(Kind.NUMBER, _decimal(cell.replace(",", "")))
        if not cell.isdigit() and _LETTER_O_RE.match(cell):
            return _letter_o(cell)
        if LING in cell and _LING_RE.match(cell):
            return _ling(cell)
    elif first.isdecimal():
        # full-width or other decimal digits the reader left alone
        return read_value(normalize_label(cell))
    elif cell == YI:
        return Value(Kind.PLACEHOLDER, None, NOTE_DASH_AS_YI)
    elif first == LING and _LING_RE.match(cell):
        return _ling(cell)
    elif first in _CHINESE_FIRST and len(cell) <= 8:
        number = chinese_number(_UNIT_RE.sub("", cell) if _CHINESE_NUMBER_RE.match(cell) else "")
        if number is not None:
            return Value(Kind.NUMBER, Decimal(number))
    elif first in "OolI" and _LETTER_O_RE.match(cell):
        return _letter_o(cell)
    elif first in _PREFIX_FIRST:
        return _prefixed(cell)
    if _PLACEHOLDER_RE.match(cell):
        return PLACEHOLDER
    return TEXT


_CHINESE_FIRST = frozenset("零〇一二两三四五六七八九十百")
_PREFIX_FIRST = frozenset("共合计约近")


def _footnoted(cell: str) -> Value:
    """``1204*`` → 1204: a number followed by footnote marks only; anything else (``12*3``,
    ``1204*（注）``) is text."""
    number = cell.rstrip(_FOOTNOTE_MARKS)
    if not number:
        return TEXT
    value = read_value(number)
    if value.kind is not Kind.NUMBER or value.note is not None:
        return TEXT
    return value


def _letter_o(cell: str) -> Value:
    digits = cell.replace("O", "0").replace("o", "0")
    if _ONES.isdisjoint(cell):
        return Value(Kind.NUMBER, _decimal(digits), NOTE_LETTER_O)
    number = _decimal(digits.replace("l", "1").replace("I", "1"))
    return Value(Kind.NUMBER, number, NOTE_LETTER_L)


def _ling(cell: str) -> Value:
    """``2〇6`` → 206: 〇 among ASCII digits (or alone) is the digit 0, noted."""
    digits = _UNIT_RE.sub("", cell).replace(LING, "0")
    return Value(Kind.NUMBER, _decimal(digits), NOTE_LING)


def _prefixed(cell: str) -> Value:
    """``共218件`` → 218; ``约12000`` → 12000 noted as approximate; anything else is text."""
    match = _PREFIX_RE.match(cell)
    if match is None or len(cell) == match.end():
        return TEXT
    rest = read_value(cell[match.end() :])
    if rest.kind is not Kind.NUMBER or rest.note is not None:
        return TEXT
    if match.group(1) in _APPROXIMATE:
        return Value(Kind.NUMBER, rest.number, NOTE_APPROXIMATE)
    return rest


def chinese_number(text: str) -> int | None:
    """The value of a count written in Chinese numerals below 1000 (``零``, ``十二``,
    ``一百零五``); ``None`` for anything else."""
    if not text:
        return None
    if text in ("零", "〇"):
        return 0
    text = text.replace("零", "").replace("〇", "")  # 一百零五: the zero only holds a place
    total = 0
    digit: int | None = None
    for char in text:
        if char in _CHINESE_DIGITS:
            if digit is not None:
                return None  # two digits in a row: not a count ("一二")
            digit = _CHINESE_DIGITS[char]
        elif char == "十":
            total += 10 * (1 if digit is None else digit)
            digit = None
        elif char == "百":
            if digit is None:
                return None
            total += 100 * digit
            digit = None
        else:
            return None
    return total + (digit or 0)


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the regex only lets numbers through
        return None


def as_count(number: Decimal | None) -> int | None:
    """A whole number as ``int``; ``None`` for a fraction (the caller diagnoses it).

    Cached by value: the same few numbers fill most cells of every report."""
    if number is None:
        return None
    try:
        return _COUNTS[number]
    except KeyError:
        pass
    if len(_COUNTS) > _MAX_COUNTS:
        _COUNTS.clear()
    count = _COUNTS[number] = None if number != number.to_integral_value() else int(number)
    return count


_COUNTS: Final[dict[Decimal, int | None]] = {}
_MAX_COUNTS: Final = 4096


def as_counts(numbers: Sequence[Decimal | None]) -> list[int | None]:
    """``as_count`` of each number (compiled, a direct call with one lookup each: a
    report's tables hold a few hundred numbers, most of them the same few)."""
    return [as_count(number) for number in numbers]


def as_table2_value(number: Decimal | None) -> int | Decimal | None:
    """Table 二's counts keep a printed fraction as a ``Decimal`` so the checker sees it."""
    if number is None:
        return None
    if number == number.to_integral_value():
        return int(number)
    return number
