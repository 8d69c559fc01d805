"""Text normalisation before the recognizer looks at a document.

What real published reports do to their text, and what this module undoes:

* traditional characters (converted with opencc ``t2s`` when the text looks traditional);
* ruby pinyin copied along with the characters (``數(shù)據(jù)``);
* compatibility characters from PDF text layers (Kangxi radicals such as ``⼀`` for ``一``,
  CJK compatibility ideographs), full-width digits, letters and round brackets;
* doubled or stray punctuation (``,,`` ``,。`` ``,、`` at the start of a line), but a CSV
  row's doubled commas, its blank cells (``行政许可,0,,``: ``is_csv_row``);
* thousands separators inside numbers (``1,234`` → ``1234``);
* page numbers (``- 3 -``, ``第 3 页 共 9 页``) that land inside a table;
* vertical labels printed one character per line;
* tables drawn with box-drawing characters (tabulate's ``simple_outline``, ``┌─┬─┐`` rules
  and cells between ``│``): their rows become Markdown rows, their rules blank lines
  (``box_rows``);
* glyphs pdfminer could not map, printed as ``(cid:5571)``: one unknown character each
  (``UNKNOWN_CHARACTER``, which label matching lets stand for one of a label's).

Everything here is ``str.translate`` tables and compiled regexes: the parser has to read
hundreds of reports per second. Where the C module ``_html_scan`` is built, one pass of
it over a text (``text_marks``) tells which of the passes would change anything, and
only those are made. Deciding what a cell *means* (``-``, ``无``, empty) is the
recognizer's job; a lone dash of any kind is only folded to ``-`` here.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Final, Protocol

# ----------------------------------------------------------------------------- characters


def _compatibility_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    ranges = (
        range(0x2F00, 0x2FD6),  # Kangxi radicals
        range(0x2E80, 0x2EF4),  # CJK radicals supplement (the few NFKC maps)
        range(0xF900, 0xFADA),  # CJK compatibility ideographs
        range(0xFF10, 0xFF1A),  # full-width digits
        range(0xFF21, 0xFF3B),  # full-width Latin capitals
        range(0xFF41, 0xFF5B),  # full-width Latin small letters
    )
    for block in ranges:
        for code in block:
            char = chr(code)
            folded = unicodedata.normalize("NFKC", char)
            if folded != char and len(folded) == 1:
                table[code] = folded
    # radicals supplement forms that PDF fonts use for whole characters (no NFKC mapping)
    for radical, char in {
        "⺠": "民",
        "⻓": "长",
        "⻔": "门",
        "⻅": "见",
        "⻛": "风",
        "⻢": "马",
        "⻜": "飞",
        "⻚": "页",
        "⻋": "车",
        "⻰": "龙",
        "⻥": "鱼",
        "⻬": "齐",
        "⻩": "黄",
        "⻄": "西",
        "⻝": "食",
        "⻁": "虎",
        "⺟": "母",
        "⻉": "贝",
        "⻘": "青",
        "⻨": "麦",
    }.items():
        table[ord(radical)] = char
    table.update(
        {
            ord("（"): "(",
            ord("）"): ")",
            ord("％"): "%",
            ord("．"): ".",
            ord("／"): "/",
            ord("＋"): "+",
            ord("\u3000"): " ",  # ideographic space
            ord("\u00a0"): " ",  # no-break space
            ord("\u2002"): " ",
            ord("\u2003"): " ",
            ord("\u2009"): " ",
            ord("\u200b"): None,  # zero-width space
            ord("\u200c"): None,
            ord("\u200d"): None,
            ord("\u2060"): None,
            ord("\ufeff"): None,  # BOM / zero-width no-break space
            ord("\u00ad"): None,  # soft hyphen
            ord("\r"): None,
            ord("\x0b"): "\n",
            ord("\x0c"): "\n",
            ord("\u2028"): "\n",
            ord("\u2029"): "\n",
        }
    )
    return table


CHARACTER_TABLE: dict[int, str | None] = dict(_compatibility_table())
_CHARACTER_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(CHARACTER_TABLE)) + "]")
_CHARACTER_MAP = {chr(c): v or "" for c, v in CHARACTER_TABLE.items()}
_KEPT_BY_NFKC = tuple(
    chr(c) for c in sorted(CHARACTER_TABLE) if unicodedata.is_normalized("NFKC", chr(c))
)
"""The characters of the table that NFKC leaves as they are (zero-width spaces, line
breaks, radicals that have no NFKC mapping); NFKC changes every other one."""


def _has_foldable(text: str) -> bool:
    """Whether ``text`` may hold a character of ``CHARACTER_TABLE``: a text NFKC leaves
    as it is holds none that NFKC changes, and a substring search (in C, at memory speed)
    for each of the others costs far less than the class's test of every character (most
    texts, once normalised, hold none)."""
    if not unicodedata.is_normalized("NFKC", text):
        return True
    return any(map(text.__contains__, _KEPT_BY_NFKC))


def _fold_character(match: re.Match[str]) -> str:
    return _CHARACTER_MAP[match.group(0)]


# ----------------------------------------------------------------------------- traditional

# Common characters that exist only in traditional script (their simplified forms differ).
# A handful of hits in a document's text is a reliable sign it is traditional.
_TRADITIONAL_ONLY = frozenset(
    "國開關這數據發為與會時說於對門們條報處請機務審辦總計結東車書長間問"
    "區縣應當從來實現經濟過還進無體據產務權點樣見親區議訴複維統網際給"
    "萬個義於學職類點業設單員圍狀況責導範規節幣項辦覆蓋廳讓專號廣費際"
)
_TRADITIONAL_THRESHOLD = 8
"""How many traditional-only characters make a text traditional."""


_TRADITIONAL_RE = re.compile("[" + "".join(sorted(_TRADITIONAL_ONLY)) + "]")


def looks_traditional(text: str) -> bool:
    """A cheap test: does ``text`` contain enough traditional-only characters?"""
    return _traditional(text, _marks(text))


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


@lru_cache(maxsize=1)
def _t2s() -> _Converter:
    import opencc

    converter: _Converter = opencc.OpenCC("t2s")
    return converter


def to_simplified(text: str) -> str:
    """Traditional → simplified with opencc (the converter is built once per process)."""
    return _t2s().convert(text)


# ----------------------------------------------------------------------------- patterns

_TONE_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN_LETTERS = "abcdefghijklmnopqrstuvwxyzü"
_PINYIN_RE = re.compile(  # starts with "(" so the regex engine can skip to each one
    r"\((?:(?<=[\u3400-\u9fff]\()|(?<=[\u3400-\u9fff]\n\())"
    rf"[a-zü]*[{_TONE_VOWELS}][a-zü{_TONE_VOWELS}]*\)",
)
"""Ruby pinyin copied after a character, e.g. ``數(shù)``, also where a line broke
between them (a PDF table cell too narrow for ``總計(jì)`` prints ``總計`` / ``(jì)``)."""

_AFTER_COMMA_CHARS = ",，。、；;：:！!？?"
_AFTER_COMMA = f"[{_AFTER_COMMA_CHARS}]"
_COMMA_BEFORE_PUNCT_RES = (
    re.compile(rf",(?={_AFTER_COMMA})"),
    re.compile(rf"，(?={_AFTER_COMMA})"),
)
"""A comma before punctuation, one pattern per comma: a pattern that starts with one
character is searched for at memory speed, where one that starts with a class tests every
character (removing the ``,`` first, then the ``，``, removes the same commas as one pass:
a comma is removed by what follows it, and what follows a ``，`` is punctuation either
way when a ``,`` after it goes)."""
_CSV_ROW_RE: Final = re.compile(
    r'(?:"(?:[^"]|"")*"|[^,"|\t\uff5c]*)'
    r'(?:,(?![ ]*(?:[+-]?[0-9]+(?:\.[0-9]+)?[ ]*)?(?:,|$))(?:"(?:[^"]|"")*"|[^,"|\t\uff5c]+))*'
    r'(?:,[ ]*(?:(?:[+-]?[0-9]+(?:\.[0-9]+)?|"[0-9]{1,3}(?:,[0-9]{3})*(?:\.[0-9]+)?")[ ]*)?)+'
)
"""A line of a table exported as CSV whose blank cells doubled commas mark: a first cell
(a label, quoted or not), the row's further label cells if it has them (none blank nor a
number: Word's table-to-text prints table 三's group, item and sub-item each in its cell,
``三、本年度办理结果,(一)予以公开,,3,2``), then cells between ASCII commas each blank or a
number (a quoted one may be grouped: ``"1,234"``). No ``|`` or tab: another table's
separators."""
_CSV_VALUE_RE: Final = re.compile(r',[ ]*"?[+-]?[0-9]')
"""A number after the first cell: a line of a label and blanks alone is a heading, whose
commas are no cells."""
_COMMA_BEFORE_OTHER_PUNCT_RE: Final = re.compile(rf",(?={_AFTER_COMMA.replace(',', '')})")
"""A comma before punctuation but another comma."""
_STOPS = "。、；！？"
_REPEATED_STOPS = tuple(stop * 2 for stop in _STOPS)
_REPEATED_STOP_RE = re.compile(r"([。、；！？])\1+")
_CELL_SEPARATOR = "\x1f"
"""Joins the cells of a table so they are normalised in one pass (never in real text)."""
_LEADING_PUNCT_RE = re.compile(r"([\n\x1f])[ \t]*[,，、。；;]+")
"""Punctuation at the start of a line or cell (the one before the text: ``_START_PUNCT_RE``);
the line break or separator is kept by the substitution."""
_START_PUNCT_RE = re.compile(r"[ \t]*[,，、。；;]+")
_LEADING_CHARS = " \t,，、。；;"
"""What ``_LEADING_HINT_RES`` looks for after a line break or separator."""
_LEADING_HINT_RES = (re.compile(r"\n[ \t,，、。；;]"), re.compile(r"\x1f[ \t,，、。；;]"))
"""What every match of ``_LEADING_PUNCT_RE`` starts with: a search for it tries no more
than two characters at each separator, where the substitution starts a match (the
group, the repeats) at every separator of a page's joined texts; one pattern per
separator, each starting with its character (searched for at memory speed)."""
_THOUSANDS_RE = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d]|,\d)")
_THOUSANDS_HINT_RE = re.compile(r",\d{3}")
"""A cheap search that every match of ``_THOUSANDS_RE`` contains."""
_MULTI_SPACE_RE = re.compile(r"  +")

_DASHES = "-‐‑‒–—―－─━"
_LONE_DASH_RE = re.compile(r"^[-‐‑‒–—―－─━]+$")

_PAGE_NUMBER_RE = re.compile(
    r"^\s*(?:"
    r"[-‐‑‒–—―－]\s*\d{1,4}\s*[-‐‑‒–—―－]"  # - 3 -   — 3 —
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"  # 第3页 共9页
    r"|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页"  # 共9页 第3页
    r"|(?:page|Page|PAGE)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?"
    r"|\d{1,4}\s*/\s*\d{1,4}\s*页?"  # 3/9
    r")\s*$"
)

_CJK_RE = re.compile(r"[\u3400-\u9fff]")


def _strip_thousands(match: re.Match[str]) -> str:
    return match.group(0).replace(",", "")


# ----------------------------------------------------------------------------- marks

# What ``normalize_text``'s passes look for, found in one pass over a text by the C
# module ``_html_scan`` (``text_marks``) when it is built: a pass whose mark is missing
# would change nothing and is not made. Without the module every mark is set (``-1``)
# and each pass looks for itself, as it always did.
_M_FOLD: Final = 1
"""A character of ``CHARACTER_TABLE`` (``_CHARACTER_RE`` finds one)."""
_M_PINYIN: Final = 2
"""``(`` then a letter of ``_PINYIN_LETTERS`` or ``_TONE_VOWELS``, after a character of
``[\u3400-\u9fff]`` or one and a line break (every match of ``_PINYIN_RE`` is one)."""
_M_COMMA: Final = 4
"""``,`` before a character of ``_AFTER_COMMA_CHARS``."""
_M_FULL_COMMA: Final = 8
"""``，`` before a character of ``_AFTER_COMMA_CHARS``."""
_M_STOPS: Final = 16
"""One of ``_REPEATED_STOPS``."""
_M_LEADING: Final = 32
"""What ``_LEADING_HINT_RES`` find."""
_M_THOUSANDS: Final = 64
"""What ``_THOUSANDS_HINT_RE`` finds."""
_M_TRAILING_SPACE: Final = 128
"""A space before a line break or at the end."""
_M_TRADITIONAL_SHIFT: Final = 16
"""The bits from this one count the characters of ``_TRADITIONAL_ONLY`` (at most 255)."""

# the classes of characters ``text_marks`` is told (its T_ bits)
_C_FOLD = 1
_C_TRADITIONAL = 2
_C_CJK = 4
_C_AFTER_COMMA = 8
_C_LEADING = 16
_C_STOP = 32
_C_PINYIN = 64
_C_LOOK = 128


def _character_classes() -> bytes:
    """Each character's classes for ``text_marks``: one byte for each below U+10000 (no
    character of a class is above)."""
    table = bytearray(0x10000)
    table[0x3400:0xA000] = bytes([_C_CJK]) * (0xA000 - 0x3400)
    for chars, bit in (
        ("".join(map(chr, CHARACTER_TABLE)), _C_FOLD),
        ("".join(_TRADITIONAL_ONLY), _C_TRADITIONAL),
        (_AFTER_COMMA_CHARS, _C_AFTER_COMMA),
        (_LEADING_CHARS, _C_LEADING),
        (_STOPS, _C_STOP),
        (_PINYIN_LETTERS + _TONE_VOWELS, _C_PINYIN),
        ("(\n", _C_LOOK),
    ):
        for char in chars:
            table[ord(char)] |= bit
    return bytes(table)


def _scan_module() -> object | None:
    """The C module ``_html_scan``; ``None`` when it is not built or not in use."""
    try:
        return importlib.import_module(__name__.rpartition(".")[0] + "._html_scan")
    except ImportError:
        return None


_SCAN_MODULE = _scan_module()
_CLASSES: Final = _character_classes()
_TEXT_MARKS: Final[Callable[[str, bytes], int] | None] = getattr(_SCAN_MODULE, "text_marks", None)
_FINISHED_CELLS: Final[Callable[[list[str]], bool] | None] = getattr(
    _SCAN_MODULE, "finished_cells", None
)
"""``_finished`` of cells joined, without joining them (``_html_scan.finished_cells``)."""


_last_marks: tuple[str, int] = ("", 0)
"""The last text ``_marks`` looked at and its marks: a reader asks whether its text looks
traditional (``looks_traditional``), then normalises that same text."""


def _marks(text: str) -> int:
    """What the passes of ``normalize_text`` would find in ``text`` (the ``_M_`` bits);
    ``-1`` (every mark, none known) without the C module."""
    global _last_marks
    if _TEXT_MARKS is None:
        return -1
    last = _last_marks
    if text is last[0]:  # (the same string: its marks cannot have changed)
        return last[1]
    marks = _TEXT_MARKS(text, _CLASSES)
    _last_marks = (text, marks)
    return marks


def _no_marks(text: str) -> int:
    """Every mark, none known: each pass looks for itself (what ``_marks`` is without the
    C module)."""
    return -1


def _traditional(text: str, marks: int) -> bool:
    """``looks_traditional(text)``, told ``text``'s ``marks``."""
    if marks >= 0:
        return marks >> _M_TRADITIONAL_SHIFT >= _TRADITIONAL_THRESHOLD
    for hits, _ in enumerate(_TRADITIONAL_RE.finditer(text), start=1):
        if hits >= _TRADITIONAL_THRESHOLD:
            return True
    return False


# ----------------------------------------------------------------------------- API


_MARKDOWN_ESCAPE_RE: Final = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")
"""A backslash Markdown writers (html2text, pandoc) put before punctuation that would
otherwise mark something up (``3\\.其他``, ``\\*``): the character as printed. Not
``\\|``, a pipe inside a table's cell, which must not become a cell's border."""


UNKNOWN_CHARACTER: Final = "\ufffd"
"""One character the text has but does not say (the replacement character ``�``)."""
_GLYPH_CODE_RE: Final = re.compile(r"\(cid:\d+\)")
"""A glyph pdfminer (and pdfplumber) could not map to a character, printed as its code
(``属于国家(cid:5571)密``): one character, which no one knows."""


def glyph_codes(text: str) -> int:
    """How many glyphs ``text`` prints as a code (``(cid:5571)``), before normalising:
    each becomes one ``UNKNOWN_CHARACTER``."""
    if "(cid:" not in text:
        return 0
    return len(_GLYPH_CODE_RE.findall(text))


def normalize_text(text: str, *, simplify: bool | None = None) -> str:
    """Normalise a whole text (line breaks are kept, one for one).

    ``simplify``: convert traditional → simplified; ``None`` decides by
    ``looks_traditional(text)``. Readers decide once per document and pass it down.
    """
    if "\u2502" in text or "\u2503" in text or "\u2551" in text:  # │ ┃ ║
        text = box_rows(text)
    return _normalized(text, simplify, _marks)


_BOX_BORDERS: Final = "\u2502\u2503\u2551"
"""A box-drawn table's cell borders: ``│``, ``┃``, ``║``."""
_BOX_BORDER_RE: Final = re.compile("[\u2502\u2503\u2551]")
_BOX_RULE_RE: Final = re.compile(r"^[ ─━═┌┬┐├┼┤└┴┘╞╪╡╒╤╕╘╧╛┏┳┓┣╋┫┗┻┛╔╦╗╠╬╣╚╩╝╟╫╢╓╥╖╙╨╜]+$")
"""A box-drawn table's rule (``┌────┬────┐``, ``├────┼────┤``, ``└────┴────┘``)."""
_BOX_RULE_FIRST: Final = frozenset("─━═┌├└╞╒╘┏┣┗╔╠╚╟╓╙")
"""How a rule line starts: a cheap test before ``_BOX_RULE_RE``."""


def box_rows(text: str) -> str:
    """``text`` with each line that starts and ends with a cell border (``│ 规章 │ 0 │``)
    a Markdown row (``| 规章 | 0 |``), and each rule line of box-drawing characters
    blank, like Markdown's alignment row, when the text has such a row; line breaks
    kept one for one. A ``│`` in prose, not at both ends of its line, stays as printed."""
    lines = text.split("\n")
    rows = False
    rules: list[int] = []
    for at, line in enumerate(lines):
        stripped = line.strip()
        if len(stripped) < 2:
            continue
        if stripped[0] in _BOX_BORDERS and stripped[-1] in _BOX_BORDERS:
            lines[at] = _BOX_BORDER_RE.sub("|", line)
            rows = True
        elif stripped[0] in _BOX_RULE_FIRST and _BOX_RULE_RE.match(stripped):
            rules.append(at)
    if not rows:
        return text  # a ``│`` in prose: a line of ``─`` there is no table's rule
    for at in rules:
        lines[at] = ""
    return "\n".join(lines)


def _normalized(text: str, simplify: bool | None, marks_of: Callable[[str], int]) -> str:
    """``normalize_text``, with the text's marks found by ``marks_of`` (``_marks``, or
    ``_no_marks``: the tests compare the two). Every pass that changes the text has its
    marks found again; a mark left set where the text no longer has it only costs the
    pass a look."""
    if "(cid:" in text:
        text = _GLYPH_CODE_RE.sub(UNKNOWN_CHARACTER, text)
    marks = marks_of(text)
    if marks & _M_FOLD and (marks >= 0 or _has_foldable(text)):
        text = _CHARACTER_RE.sub(_fold_character, text)
        marks = marks_of(text)
    if marks & _M_PINYIN and "(" in text:
        text = _PINYIN_RE.sub("", text)
        marks = marks_of(text)
    if simplify is None:
        simplify = _traditional(text, marks)
    if simplify:
        text = to_simplified(text)
        marks = marks_of(text)
    if marks & _M_COMMA and "," in text:
        text = _without_commas_before_punctuation(text)
        marks = marks_of(text)
    if marks & _M_FULL_COMMA and "，" in text:
        text = _COMMA_BEFORE_PUNCT_RES[1].sub("", text)
        marks = marks_of(text)
    if marks & _M_STOPS and (marks >= 0 or any(map(text.__contains__, _REPEATED_STOPS))):
        text = _REPEATED_STOP_RE.sub(r"\1", text)
        marks = marks_of(text)
    if marks & _M_LEADING and (marks >= 0 or any(hint.search(text) for hint in _LEADING_HINT_RES)):
        text = _LEADING_PUNCT_RE.sub(r"\1", text)
        marks = marks_of(text)
    start = _START_PUNCT_RE.match(text)
    if start:
        # (no mark is made: cutting the start finds nothing the marks missed)
        text = text[start.end() :]
    if "\\" in text:
        text = _MARKDOWN_ESCAPE_RE.sub(r"\1", text)
    if marks & _M_THOUSANDS and "," in text and (marks >= 0 or _THOUSANDS_HINT_RE.search(text)):
        text = _THOUSANDS_RE.sub(_strip_thousands, text)
    if marks & _M_TRAILING_SPACE and (marks >= 0 or " \n" in text or text.endswith(" ")):
        # line by line, not `` +$``: a regex retried at every space of a long run that
        # does not end a line takes time quadratic in the run
        text = "\n".join(line.rstrip(" ") for line in text.split("\n"))
    return text


def _without_commas_before_punctuation(text: str) -> str:
    """``text`` without the ASCII commas before punctuation (``,。`` ``,,``), except a
    comma before a comma in a CSV row (``is_csv_row``): that is a blank cell's. Only the
    lines (or cells) holding ``,,`` are looked at, each once."""
    drop = _COMMA_BEFORE_PUNCT_RES[0]
    at = text.find(",,")
    if at < 0:
        return drop.sub("", text)
    parts: list[str] = []
    done = 0
    while at >= 0:
        start = max(text.rfind("\n", 0, at), text.rfind(_CELL_SEPARATOR, 0, at)) + 1
        end = _piece_end(text, at)
        if is_csv_row(text[start:end]):
            parts.append(drop.sub("", text[done:start]))
            parts.append(_COMMA_BEFORE_OTHER_PUNCT_RE.sub("", text[start:end]))
            done = end
        at = text.find(",,", end)
    parts.append(drop.sub("", text[done:]))
    return "".join(parts)


def _piece_end(text: str, at: int) -> int:
    """Where the line (or cell) holding ``text[at]`` ends."""
    end = len(text)
    for separator in ("\n", _CELL_SEPARATOR):
        found = text.find(separator, at, end)
        if found >= 0:
            end = found
    return end


def is_csv_row(line: str) -> bool:
    """Whether ``line`` is a row of a table exported as CSV, its doubled commas blank cells
    (``行政许可,0,,``, ``规章,1,,3``): a first cell, then cells between ASCII commas each
    blank or a number, one a number at least. Prose (``2024年,,市数据局``), a heading
    (``第二十条第(五)项,,,``) or a header line (``信息内容,本年处理决定数量,,``) is none:
    their doubled commas are stray."""
    return _CSV_ROW_RE.fullmatch(line) is not None and _CSV_VALUE_RE.search(line) is not None


def without_wrapped_pinyin(previous: str, line: str) -> str:
    """``line`` without the ruby pinyin it starts with when ``previous``, the line before
    it, ends with the character the pinyin belongs to (lines normalised one by one, as a
    PDF page's, cannot see the character before their first ``(``)."""
    if not line.startswith("(") or not previous or not _CJK_RE.match(previous[-1]):
        return line
    return _PINYIN_RE.sub("", previous[-1] + line, count=1)[1:]


def normalize_cell(text: str, *, simplify: bool = False) -> str:
    """Normalise one table cell: text wrapped inside the cell is joined into one line
    (vertical labels one character per line become one word), a lone dash of any kind
    becomes ``-``, spaces are collapsed and trimmed."""
    return _finish_cell(normalize_text(text, simplify=simplify))


def normalize_cells(texts: list[str], *, simplify: bool = False) -> list[str]:
    """``normalize_cell`` over many cells at once (one pass of every pattern)."""
    return finish_cells(normalize_texts(texts, simplify=simplify))


def normalize_texts(texts: list[str], *, simplify: bool = False) -> list[str]:
    """``normalize_text`` over many texts at once (one pass of every pattern over them
    joined), except that a text's last line keeps its trailing spaces: a reader strips
    cells (``finish_cells``) and lines itself."""
    return normalize_joined(join_texts(texts), texts, simplify=simplify)


def join_texts(texts: list[str]) -> str:
    """The texts joined as ``normalize_texts`` joins them (by a character no text holds,
    in the usual case)."""
    return _CELL_SEPARATOR.join(texts)


def normalize_joined(joined: str, texts: list[str], *, simplify: bool = False) -> list[str]:
    """``normalize_texts(texts)`` for a reader that has joined them already
    (``join_texts``) to look at them: they are not joined again."""
    if not texts:
        return []
    if joined.count(_CELL_SEPARATOR) != len(texts) - 1:  # a text holds the separator
        return [normalize_text(t, simplify=simplify) for t in texts]
    normalized = normalize_text(joined, simplify=simplify)
    if normalized is joined:  # (no pass changed a thing: the texts as they are)
        return list(texts)
    return normalized.split(_CELL_SEPARATOR)


def finish_cells(texts: list[str]) -> list[str]:
    """Normalised texts as cells (see ``normalize_cell``)."""
    return finish_cells_spaced(texts)[0]


def finish_cells_spaced(texts: list[str]) -> tuple[list[str], bool]:
    """``finish_cells``, and whether the finished cells are evenly spaced
    (``evenly_spaced``): the usual table's cells are, which its first test tells at no
    cost, so that a reader of the grid need not join its cells to look again."""
    if _cells_finished(texts):
        return list(texts), True
    finish = _finish_cell
    cells = [t if not t or t.isdigit() else finish(t) for t in texts]  # most cells are counts
    return cells, evenly_spaced("\0".join(cells))


_OTHER_DASHES = (*_DASHES.replace("-", ""), "--")


def evenly_spaced(joined: str) -> bool:
    """Whether folding white space runs to one space (``" ".join(cell.split())``) would
    leave every cell of cells joined by NUL as it is: no white space at a cell's start or
    end, none doubled, none other than a plain space. These few passes in C over the
    joined cells cost less than folding each cell."""
    return " ".join(joined.split()) == joined and "\0 " not in joined and " \0" not in joined


def _cells_finished(texts: list[str]) -> bool:
    """``_finished`` of the texts joined by NUL; in C without joining them when the module
    is built."""
    if _FINISHED_CELLS is not None:
        return _FINISHED_CELLS(texts)
    return _finished("\0".join(texts))


def _finished(joined: str) -> bool:
    """Whether ``_finish_cell`` would leave every cell of cells joined by NUL as it is:
    evenly spaced (``evenly_spaced``) and no dash but a lone ``-``. A table's cells
    usually are."""
    return evenly_spaced(joined) and not any(map(joined.__contains__, _OTHER_DASHES))


def _finish_cell(text: str) -> str:
    if not text or text.isdigit():
        return text
    if "\n" in text:
        text = join_wrapped(part.strip() for part in text.split("\n"))
    text = _MULTI_SPACE_RE.sub(" ", text.replace("\t", " ")).strip()
    if text and text[0] in _DASHES and _LONE_DASH_RE.match(text):
        return "-"
    return text


def join_wrapped(parts: Iterable[str]) -> str:
    """Join pieces of one wrapped text: no space between Chinese characters, one space
    between Latin words or numbers."""
    out = ""
    for part in parts:
        if not part:
            continue
        if out and not (_CJK_RE.match(out[-1]) or _CJK_RE.match(part[0])):
            out += " "
        out += part
    return out


def is_page_number(line: str) -> bool:
    """A page header or footer line such as ``- 3 -`` or ``第 3 页 共 9 页``."""
    return bool(_PAGE_NUMBER_RE.match(line))


def is_vertical_piece(line: str) -> bool:
    """One Chinese character alone on a line: a piece of a vertically printed label
    (``零`` alone is a table cell holding 0, never part of a label)."""
    stripped = line.strip()
    return len(stripped) == 1 and stripped != "零" and bool(_CJK_RE.match(stripped))
