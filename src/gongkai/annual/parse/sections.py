"""The six section headings (一、总体情况 … 六、其他需要报告的事项) and their texts.

A heading is a short row that starts with the section's numeral (``一、`` ``一.``
``第一部分``) followed by one of the section's variants from ``schema.SECTIONS``, in
order. A section whose title is worded differently (``一、工作开展情况``) is still found
when a short row with the right numeral stands between its neighbours' headings and is
not a label of a table (table 三's rows are numbered 一 to 四 too); the last, 六, after the
sections before it when its title still says ``其他`` or ``事项`` (``六、其他事项``).
``其它`` in a title is read as ``其他``.

A title may be decorated before its number or its words (a WeChat article's ``🌿 一、总体
情况``, ``二、📌 主动公开政府信息情况``, ``▲ 三、…``): pictographs, symbols and the marks
joining them are left out before the title is read; a line of decoration alone is none.

A page printed in two columns and copied as text puts the right column's lines after
the left column's, a wide gap between (eight spaces or more): a part whose heading is
found nowhere else but after such a gap (``3.危及“三安全一稳定” 0 0 …        六、其他需要
报告的事项``), after the parts found, starts there, and is read after the left column
(its place ``len(rows)``, past the last row: it ends no table); its text is what follows
the gap on the lines after it, up to the next such part or the column's end
(``_right_column``).

``title_key`` tells a line that is a part's title and nothing else, as the form words it,
numbered or not (the part's number or its table's): a title printed again over its table.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from .. import schema as s
from .cells import Kind, read_value
from .labels import table3_labels
from .rows import Row

NUMERALS = "一二三四五六"
FINANCIAL = "壹贰叁肆伍陆"
"""The numerals of cheques and contracts, ``壹、总体情况``: the same sections."""
_ROMAN = ("I", "II", "III", "IV", "V", "VI")
_HEADING_RE = re.compile(
    r"^(?:第?([一二三四五六壹贰叁肆伍陆])(?![十百零〇七八九拾一二三四五六壹贰叁肆伍陆项条款是])"
    r"(?:部分|章|节)?"
    r"|\(([一二三四五六])\)|([1-6])(?=[、.])|(VI|IV|V|III|II|I)(?![A-Za-z]))(?:[、.,:]|\s)*"
)
"""``一、`` ``第一部分`` ``第一章`` ``壹、``, not a larger number, an item (``第二十条第（一）
项``, a cell of table 二 alone in its row; ``第三项加第四项之和``, table 三's note wrapped in
its cell) or a paragraph's point (``一是加强领导``); and, matched only with the section's
own title, ``（一）``, ``1.`` ``1、`` (a converter's numbered list for an auto-numbered
heading) and the Roman ``Ⅰ、`` ``IV.`` (folded to Latin letters)."""
_TO_NUMERAL = str.maketrans(FINANCIAL, NUMERALS)
_CHINESE_FIRST = frozenset(NUMERALS + FINANCIAL + "第【［")
_NUMERAL_OF = (
    {f"({n})": n for n in NUMERALS}
    | {str(i): n for i, n in enumerate(NUMERALS, 1)}
    | dict(zip(_ROMAN, NUMERALS, strict=True))
)
"""The section numeral a bracketed, Arabic or Roman heading number stands for."""
ANY_NUMERAL = ""
"""A title printed in brackets with no number (``【总体情况】``): matched only whole, by
the section's own title."""
MAX_HEADING = 40
MAX_LOOSE_TITLE = 20
MAX_LOOSE_WORDED = 30
"""A title worded otherwise may be this long when it holds its section's own words
(``四、因政府信息公开工作被申请行政复议、提起行政诉讼情况``)."""
_LOOSE_WORDS = {
    "1": re.compile("总体|概况|基本情况"),
    "2": re.compile("主动公开"),
    "3": re.compile("依申请|公开申请"),
    "4": re.compile("复议|诉讼"),
    "5": re.compile("问题|改进"),
    "6": re.compile("其他|事项"),
}
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
_QUALIFIED_FIRST = frozenset("12本政的")


def _qualified(rest: str) -> str:
    """A heading's title without the year, organ and 政府信息公开工作 words before it."""
    return _WORK_RE.sub("", _QUALIFIER_RE.sub("", rest, count=1), count=1)


_CACHED = 2 * MAX_HEADING
_fold = lru_cache(maxsize=4096)(s.normalize_label)
"""``normalize_label`` cached for short rows: headings come back in every report."""


def _candidate(row: Row) -> tuple[str, str] | None:
    """(numeral, folded rest) for a row that could be a heading: a row of one filled
    cell, a line or a table's first row (the heading merged into the table, printed in a
    cell across it: ``| 二、主动公开政府信息情况 | | |``)."""
    filled = row.filled
    if len(filled) != 1 and not _after_decoration(filled):
        return None
    text = filled[-1] if row.text[:1] == "|" else row.text
    head = text.lstrip()[:1]
    if head and head not in _ANY_FIRST and decorated(head):
        text = undecorated(text.lstrip())
        head = text[:1]
    if not head or head not in _ANY_FIRST:
        return None
    if len(text) > MAX_HEADING and _too_long(text):
        # a heading run into its paragraph (``一、总体情况。2025年，本局……``): only its
        # first characters are looked at, too many for a loose title (``_loose_headings``);
        # never a line holding a table's numbers (a crawled page's, read as a whole)
        if not _run_in_prose(text):
            return None
        text = text.lstrip()[: 2 * MAX_HEADING]
    folded = _fold(text) if len(text) <= _CACHED else s.normalize_label(text)
    if len(folded) > MAX_HEADING:
        if not _run_in_prose(text):
            return None
        folded = folded[:MAX_HEADING]
    if folded[:1] in _OPENING:
        return _in_brackets(folded)
    return _numbered_title(folded)


def _after_decoration(filled: list[str]) -> bool:
    """Whether a row's two filled cells are decoration and what it decorates (a line
    ``■　一、总体情况``, cut into cells at its wide space)."""
    return len(filled) == 2 and decorated(filled[0][:1]) and not undecorated(filled[0])


def _numbered_title(folded: str) -> tuple[str, str] | None:
    """(numeral, rest) of a folded row that starts with a heading's number."""
    if not folded or folded[0] not in _FOLDED_FIRST:
        if folded[:2] not in _DASH_FOR_ONE:
            return None
        folded = "一" + folded[1:]  # OCR's dash for the 一 of ``一、总体情况``
    match = _HEADING_RE.match(folded)
    if not match:
        return None
    chinese, bracketed, arabic, roman = match.groups()
    # a bracketed, Arabic or Roman number keeps its printed form: only the strict match
    # (the section's own title) reads it, never the loose one (``1.加强培训`` is a list
    # item)
    if chinese:
        numeral = chinese.translate(_TO_NUMERAL)
    else:
        numeral = f"({bracketed})" if bracketed else (arabic or roman)
    rest = folded[match.end() :]
    if decorated(rest[:1]):
        rest = undecorated(rest)
    return numeral, rest.replace("其它", "其他") if "它" in rest else rest


_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")
"""The zero-width joiner an emoji sequence is built with (``👨‍💻``), and its kin."""
_DECORATION_CATEGORIES = frozenset(("So", "Sk", "Me"))
"""Pictographs, dingbats, shapes and other symbols (``🌿 ▲ ● ★ ✅``), the skin tones
modifying an emoji, the keycap enclosing a digit."""
_SYMBOL_ARROWS = (0x2190, 0x21FF, 0x25A0, 0x25FF, 0x27F0, 0x297F, 0x2B00, 0x2BFF)
"""The blocks of arrows and shapes some of whose characters are math symbols (``→`` ``⇒``
``▷``): decoration all the same."""


def decorated(head: str) -> bool:
    """Whether ``head`` (a line's first character, or ``""``) is decoration a title may
    be printed after (``🌿`` ``▲`` ``★`` ``→``). Told cheaply for the characters lines
    start with (ASCII, Chinese, the numbering's), looked up only for the others."""
    return head >= "\u2000" and (head < "\u3000" or head >= "\U0001f000") and _decoration(head)


def _decoration(ch: str) -> bool:
    code = ord(ch)
    category = unicodedata.category(ch)
    if category in _DECORATION_CATEGORIES:
        return True
    if category == "Sm":
        ranges = _SYMBOL_ARROWS
        return any(ranges[i] <= code <= ranges[i + 1] for i in range(0, len(ranges), 2))
    return (
        ch in _ZERO_WIDTH
        or 0xFE00 <= code <= 0xFE0F  # variation selectors: ``☀️`` drawn as an emoji
        or 0xE0000 <= code <= 0xE01EF  # tags (a flag's region) and more selectors
    )


def undecorated(text: str) -> str:
    """``text`` without the decoration it starts with (``🌿`` ``☀️`` ``👨‍💻`` ``▲``) and
    the spaces between: empty for a line of decoration alone."""
    for at, ch in enumerate(text):
        if not (ch.isspace() or ch in _ZERO_WIDTH or _decoration(ch)):
            return text[at:]
    return ""


_OPENING = frozenset("【[")
_CLOSING = "】]"


def _in_brackets(folded: str) -> tuple[str, str] | None:
    """(numeral, rest) of a heading printed in square brackets (``【一、总体情况】``), the
    text after them kept (a paragraph run in); (``ANY_NUMERAL``, title without its
    small words) for a section's own title alone in them, with no number
    (``【总体情况】``)."""
    end = folded.find(_CLOSING[0] if folded[0] == "【" else _CLOSING[1])
    inside = folded[1:end] if end > 0 else folded[1:]
    numbered = _numbered_title(inside + folded[end + 1 :] if end > 0 else inside)
    if numbered is not None:
        return numbered
    title = _plain(inside.rstrip(":"))
    return (ANY_NUMERAL, title) if end > 0 and title in _BARE_TITLES else None


def _too_long(text: str) -> bool:
    """Whether ``text`` folds (``normalize_label``) to more than ``MAX_HEADING``
    characters, told without folding it: a paragraph that starts like a heading
    (``一是……``) is common, and folding it is the costliest step here. Text already in
    NFKC (the reader's output) folds to its characters other than white space, one for
    one; other text is left to the fold."""
    return unicodedata.is_normalized("NFKC", text) and len("".join(text.split())) > MAX_HEADING


_NUMBER_RE = re.compile(r"\d+")
MAX_RUN_IN_NUMBERS = 8
_PROSE_RE = re.compile("[。，；]")
_TABLE_RUN_RE = re.compile(r"\d{7}")


def _run_in_prose(text: str) -> bool:
    """Whether a long line is prose (sentences naming a few numbers, ``全年主动公开信息
    312条``), not a table flattened into a heading's line (dozens of numbers, or a
    crawled page's digits run together)."""
    return (
        _PROSE_RE.search(text) is not None
        and _TABLE_RUN_RE.search(text) is None
        and len(_NUMBER_RE.findall(text)) <= MAX_RUN_IN_NUMBERS
    )


_FOLDED_FIRST = frozenset(NUMERALS + FINANCIAL + "第(123456IV")
_DASHES = "-—–‐－"
_DASH_FOR_ONE = frozenset(f"{dash}、" for dash in _DASHES)
"""``-、`` ``—、``: OCR's reading of the ``一、`` numbering section 一."""
_PIPE_FIRST_RE = re.compile(rf"\|[\s|]*[{NUMERALS}第]")
"""A Markdown table's row whose first filled cell starts like a heading."""
_PIPE_NUMBERED_RE = re.compile(rf"\|[\s|]*(?:[(（][{NUMERALS}][)）]|[1-6１-６][、.．])")
"""A Markdown table's row whose first filled cell is numbered ``（二）`` or ``2.``: a
heading numbered so, merged into its table."""
_DIGITS = frozenset("123456１２３４５６")
_ROMAN_FIRST = frozenset("ⅠⅡⅢⅣⅤⅥIV")
_NOT_PLAIN = _DIGITS | _ROMAN_FIRST | frozenset("(（")
_ANY_FIRST = _CHINESE_FIRST | _NOT_PLAIN | frozenset(_DASHES)


def _numbered(text: str) -> bool:
    """Whether a line that starts with a digit or a bracket starts like a heading's number
    (``1.`` ``1、`` ``（一）``): the many lines of numbers (``12``, ``0``) and bracketed
    rows of table 三 (``（七）总计`` is one) are looked at no further."""
    if text[0] in _DIGITS:
        return text[1:2] in "、.．"
    if text[0] in _ROMAN_FIRST:
        return _ROMAN_RE.match(text) is not None
    return text[1:2] in NUMERALS and text[2:3] in ")）"


_ROMAN_RE = re.compile(r"(?:[ⅠⅡⅢⅣⅤⅥ]|VI|IV|V|III|II|I)(?:[、.．:：]|\s)")
"""A Roman number and the mark or space after it (``Ⅳ、`` ``IV.`` ``II 主动公开…``)."""


def find_headings(rows: Sequence[Row]) -> dict[str, int]:
    """Row index of each section heading found, keyed "1".."6"."""
    candidates: list[tuple[int, tuple[str, str]]] = []
    for row in rows:
        text = row.text
        head = text[:1]
        # decoration told by the first code point (``decorated``'s test, inline): the usual
        # line (Chinese, ASCII) pays no call and no slice for it
        code = ord(text[0]) if text else 0
        if (
            (
                head in _CHINESE_FIRST
                or head.isspace()
                or (head in _DASHES and text[1:2] == "、")
                or (code >= 0x2000 and (code < 0x3000 or code >= 0x1F000) and _decoration(head))
            )
            and (c := _candidate(row)) is not None
            and (c[0] in NUMERALS or c[0] == ANY_NUMERAL)
        ):
            candidates.append((row.index, c))
    headings = _strict_headings(candidates)
    if len(headings) < len(s.SECTIONS):
        # a heading merged into its table, as the first row's one cell across it
        # (``| 二、主动公开政府信息情况 | | |``): looked for only when a section is missing
        piped = [
            (row.index, c)
            for row in rows
            if row.text[:1] == "|"
            and _PIPE_FIRST_RE.match(row.text) is not None
            and (c := _candidate(row)) is not None
            and c[0] in NUMERALS
        ]
        if piped:
            every = sorted([*candidates, *piped])
            other = _strict_headings(every)
            if len(other) > len(headings):
                headings, candidates = other, every
    if len(headings) < len(s.SECTIONS):
        # bracketed or Arabic numbers (a sub-heading's style in most reports, a numbered
        # list in a converter's output) only when the headings numbered 一、 leave a
        # section out, and only when they find more
        numbered = [
            (row.index, c)
            for row in rows
            if (
                (row.text[:1] in _NOT_PLAIN and _numbered(row.text))
                or (row.text[:1] == "|" and _PIPE_NUMBERED_RE.match(row.text) is not None)
            )
            and (c := _candidate(row)) is not None
        ]
        if numbered:
            every = sorted([*candidates, *numbered])
            other = _strict_headings(every)
            if len(other) > len(headings):
                headings = other
    headings = _past_contents(rows, candidates, headings)
    _loose_headings(rows, candidates, headings)
    if len(headings) < len(s.SECTIONS):
        _bare_titles(rows, headings)
    if len(headings) < len(s.SECTIONS):
        for key in _right_column_headings(rows, headings):
            headings[key] = len(rows)
    return headings


_COLUMN_GAP_RE = re.compile(" {8,}")
"""The gap between a two-column page's left column and its right one, copied as text."""
_COLUMN_GAP = " " * 8


def _right_piece(row: Row) -> str | None:
    """What a line prints after its last wide gap (``_COLUMN_GAP_RE``), if anything."""
    text = row.text
    if _COLUMN_GAP not in text:
        return None
    piece = _COLUMN_GAP_RE.split(text)[-1].strip()
    return piece or None


def _right_heading(piece: str, index: int) -> str | None:
    """The key of the part whose heading ``piece`` (a right column's line) is."""
    found = _candidate(Row(index, (piece,), piece))
    if found is None or found[0] not in NUMERALS:
        return None
    numeral, rest = found
    for section in s.SECTIONS:
        if section.numeral == numeral and _own_title(rest, section.key):
            return section.key
    return None


def _right_column_headings(rows: Sequence[Row], headings: dict[str, int]) -> dict[str, int]:
    """The parts not found whose headings stand after a wide gap on a line (a right
    column), in order, each after every part found: their rows by key."""
    last = max((int(key) for key in headings), default=0)
    found: dict[str, int] = {}
    for row in rows:
        piece = _right_piece(row)
        if piece is None:
            continue
        key = _right_heading(piece, row.index)
        if key is None or key in headings or int(key) <= last:
            continue
        found[key] = row.index
        last = int(key)
    return found


MIN_LISTED = 3
"""How many headings in a row with nothing between them make a list of the sections."""


def _past_contents(
    rows: Sequence[Row], candidates: list[tuple[int, tuple[str, str]]], headings: dict[str, int]
) -> dict[str, int]:
    """The headings after a list of the section titles (a 目录, or a preface listing the
    six parts one a line): when the first headings found stand one under the other with
    no text between them, and the same sections are found again after them, the later
    ones are the headings (the list's lines are not, or every section's text is empty
    and the sixth's holds the report)."""
    found = sorted(headings.values())
    listed = 1
    while listed < len(found) and not any(
        rows[i].filled for i in range(found[listed - 1] + 1, found[listed])
    ):
        listed += 1
    if listed < MIN_LISTED:
        return headings
    end = found[listed - 1]
    again = _strict_headings([c for c in candidates if c[0] > end])
    keys = [key for key, index in headings.items() if index <= end]
    if not all(key in again for key in keys):
        return headings
    return {**headings, **again}


def _strict_headings(candidates: list[tuple[int, tuple[str, str]]]) -> dict[str, int]:
    """The sections whose own title follows their numeral, in order."""
    headings: dict[str, int] = {}
    after = -1
    for section in s.SECTIONS:
        for index, (numeral, rest) in candidates:
            if index <= after:
                continue
            if numeral == ANY_NUMERAL:
                found = rest in _BARE_BY_KEY[section.key]
            elif _NUMERAL_OF.get(numeral, numeral) != section.numeral:
                continue
            else:
                found = _own_title(rest, section.key)
            if found:
                headings[section.key] = index
                after = index
                break
    return headings


def _own_title(rest: str, key: str) -> bool:
    """Whether ``rest`` (a heading after its numeral) starts with section ``key``'s own
    title, as the form words it or with its small words typed otherwise
    (``行政复议和行政诉讼``, ``主动公开政府信息的情况``)."""
    variants = _VARIANTS[key]
    if rest.startswith(variants):
        return True
    qualified = _qualified(rest) if rest[:1] in _QUALIFIED_FIRST else rest
    if qualified is not rest and qualified.startswith(variants):
        return True
    return _plain(qualified).startswith(_PLAIN_VARIANTS[key])


_SMALL_WORDS_RE = re.compile("[的和及与、,]|以及")
"""The small words a title may be typed with or without, or with others in their place:
``行政复议、行政诉讼`` ``行政复议和行政诉讼`` ``行政复议及行政诉讼``."""


def _plain(title: str) -> str:
    """A title without its small words (``_SMALL_WORDS_RE``)."""
    return _SMALL_WORDS_RE.sub("", title)


_PLAIN_VARIANTS = {key: tuple(_plain(v) for v in variants) for key, variants in _VARIANTS.items()}
_BARE_BY_KEY = {key: frozenset(variants) for key, variants in _PLAIN_VARIANTS.items()}
"""The titles a section's heading may print alone in brackets, with no number (without
their small words)."""
_BARE_TITLES: frozenset[str] = frozenset().union(*_BARE_BY_KEY.values())


_TITLE_NUMBER_RE = re.compile(
    r"(?:第[一二三四五六]部分|[一二三四五六七八九十]+[、.,]|\([一二三四五六七八九十]+\)|\d+[、.]"
    r"|附?表[0-9一二三四五六]+[:、.]?)"
)
"""The number a part's title alone on its line may carry, folded: the part's own
(``二、`` ``（二）`` ``2.`` ``第二部分``) or its table's (``表1：`` ``附表二``)."""
_TITLE_KEYS = {s.normalize_label(sec.title): sec.key for sec in s.SECTIONS}


def without_title_number(folded: str) -> str:
    """``folded`` (a line folded by ``schema.normalize_label``) without the number a
    part's title may carry before it (``_TITLE_NUMBER_RE``), nor the decoration before
    the number or the words (``📌二、`` ``二、📌``)."""
    if decorated(folded[:1]):
        folded = undecorated(folded)
    number = _TITLE_NUMBER_RE.match(folded)
    if number is None:
        return folded
    rest = folded[number.end() :]
    return undecorated(rest) if decorated(rest[:1]) else rest


def title_key(folded: str) -> str | None:
    """The part (section key ``"1"`` to ``"6"``) whose title, as the form words it,
    ``folded`` (a line folded by ``schema.normalize_label``) is, whole and numbered or
    not: ``三、收到和处理政府信息公开申请情况``, ``第二部分主动公开政府信息情况``,
    ``附表3:政府信息公开行政复议、行政诉讼情况``, ``总体情况``. ``None`` for any other line
    (a title worded otherwise or run into its paragraph is ``find_headings``' to find)."""
    return _TITLE_KEYS.get(without_title_number(folded))


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
        last = section is s.SECTIONS[-1] and before >= 0
        if not later and not last:
            continue  # never guess the last sections: the tables' own rows look alike
        until = min(later, default=len(rows))
        for index, (numeral, rest) in candidates:
            if not before < index < until or numeral != section.numeral:
                continue
            if last and _OTHER_MATTERS_RE.search(rest) is None:
                continue
            if not rest or any(ch.isdigit() for ch in rest):
                continue
            if len(rest) > MAX_LOOSE_TITLE and not (
                len(rest) <= MAX_LOOSE_WORDED and _LOOSE_WORDS[section.key].search(rest)
            ):
                continue
            if labels.match(rows[index].text):
                continue
            headings[section.key] = index
            break


MIN_BARE_TITLES = 4
"""Fewer lines that are exactly parts' titles, in the form's order, may be words of the
text (a line ``总体情况`` alone): not taken for the parts' titles."""


def _bare_titles(rows: Sequence[Row], headings: dict[str, int]) -> None:
    """Part titles printed without their numbers (a CMS's bold lines ``总体情况``,
    ``主动公开政府信息情况``…): a line of one cell that is exactly one part's title (or
    its variant) is taken for a part not found otherwise, when at least four such lines
    come in the form's order, in order with the parts found (``title_key``)."""
    found: dict[str, int] = {}
    for row in rows:
        text = row.text
        if len(text) > MAX_LOOSE_WORDED or len(row.filled) != 1:
            continue
        key = title_key(_fold(text.strip()))
        if key is not None and key not in found:
            found[key] = row.index
    if len(found) < MIN_BARE_TITLES:
        return
    merged = {**found, **headings}
    places = [merged[key] for key in sorted(merged)]
    if places == sorted(places) and len(set(places)) == len(places):
        headings.update(merged)


_OTHER_MATTERS_RE = re.compile(r"^其他|事项")
"""Words of section 六's title worded otherwise (``六、其他需报告的事项``, ``六、其他事项``):
the last section is found by its numeral only with one of them, after the sections
before it (no table's row is numbered ``六、``)."""


def section_texts(
    rows: Sequence[Row], headings: dict[str, int], table_rows: set[int]
) -> dict[str, str]:
    """The text under each heading found, without the rows the tables were read from:
    sections 二 to 四 are their tables, so their text is only what the document printed
    outside the table (often nothing)."""
    found = sorted((index, key) for key, index in headings.items())
    texts: dict[str, str] = {}
    left: dict[int, str] = {}
    right_column = bool(found) and found[-1][0] >= len(rows)
    if right_column:  # parts of a page's right column
        right = {key for key, index in headings.items() if index >= len(rows)}
        texts, left = _right_column(rows, right)
        found = [(index, key) for index, key in found if key not in right]
    for n, (index, key) in enumerate(found):
        end = found[n + 1][0] if n + 1 < len(found) else len(rows)
        tables = key in _TABLE_SECTIONS
        run_in = _run_in(rows[index], key)
        lines: list[str] = [run_in] if run_in and not (tables and table_line(run_in)) else []
        for row in rows[index + 1 : end]:
            if row.index not in table_rows and row.filled:
                text = left.get(row.index, row.text) if left else row.text
                if tables and table_line(text):
                    continue
                lines.append(text)
        texts[key] = "\n".join(lines).strip()
    if right_column:  # (the right column's parts were read first: put in the form's order)
        return {key: texts[key] for key in s.SECTION_KEYS if key in texts}
    return texts


def _right_column(rows: Sequence[Row], keys: set[str]) -> tuple[dict[str, str], dict[int, str]]:
    """The texts of the parts ``keys`` a page's right column prints (see the module
    docstring): from each one's heading, what its lines print after the wide gap, up to
    the next one's heading or the first line without a gap; and each such line's own
    text without it (the left column's)."""
    starts = {index: key for key, index in _right_column_headings(rows, {}).items() if key in keys}
    texts: dict[str, str] = {}
    left: dict[int, str] = {}
    if not starts:
        return texts, left
    lines: dict[str, list[str]] = {key: [] for key in starts.values()}
    key: str | None = None
    last = max(starts)
    for row in rows[min(starts) :]:
        piece = _right_piece(row)
        if row.index in starts:
            key = starts[row.index]
        elif piece is None:  # the column ends (or pauses, a later part's heading to come)
            if row.index > last:
                break
            key = None
            continue
        elif key is not None:
            lines[key].append(piece)
        if key is not None:
            left[row.index] = _COLUMN_GAP_RE.split(row.text)[0].strip()
    for name, found in lines.items():
        texts[name] = "\n".join(found).strip()
    return texts, left


_TABLE_SECTIONS = frozenset("234")
_TABLE_WORDS_RE = re.compile(
    "第二十条第|现行有效件数|本年制发件数|处理决定数量|收费金额|申请人情况|商业企业|科研机构"
    "|本年新收|上年结转|予以公开|结转下年度|结果维持|结果纠正|尚未审结|复议后起诉|直接起诉"
    "|信息内容|行政复议|行政诉讼"
)
"""Words of the three tables' rows and headers."""


def table_line(text: str) -> bool:
    """A line of a table the tables' readers read from the text itself (a crawled page's
    rows, digits run together): no sentence, and the tables' own words."""
    return "。" not in text and _TABLE_WORDS_RE.search(text) is not None


_PRINTED_TITLES = {
    sec.key: tuple(sorted({sec.title, *sec.variants}, key=len, reverse=True)) for sec in s.SECTIONS
}
_AFTER_TITLE = " \u3000。.．:：，,；;、】]"


_MARK_RE = re.compile("[。.．:：，,；;]")
MAX_LEFTOVER = 6
"""A title's own last words the form's wording leaves after it (``的情况``, ``措施``)."""


def _run_in(row: Row, key: str) -> str:
    """The text printed on a heading's own line after its title (``一、总体情况。2025年，
    本局……``): part of the section's text. Not the title's own last words where it is
    worded otherwise (``二、主动公开政府信息的情况``, ``…改进措施。``); empty when the
    title is not found as printed."""
    filled = row.filled
    text = filled[0] if row.text[:1] == "|" and len(filled) == 1 else row.text
    for title in _PRINTED_TITLES[key]:
        at = text.find(title)
        if at >= 0:
            after = _after_title(text[at + len(title) :].rstrip())
            # the title's decoration after it (``二、主动公开政府信息情况 📌``): none of the text
            return undecorated(after) if decorated(after[:1]) else after
    return ""


def _after_title(tail: str) -> str:
    if not tail or tail[0] in _AFTER_TITLE:
        return tail.lstrip(_AFTER_TITLE)
    mark = _MARK_RE.search(tail, 0, MAX_LEFTOVER + 1)
    if mark is not None and not any(ch.isdigit() for ch in tail[: mark.start()]):
        return tail[mark.end() :].lstrip(_AFTER_TITLE)  # the title's last words, then text
    sentence = len(tail) > MAX_LEFTOVER and tail[-1] in "。."
    return tail if sentence or len(tail) > MAX_LOOSE_TITLE else ""


@lru_cache(maxsize=8192)
def _label_text(cells: tuple[str, ...]) -> str:
    """A table row's text cells (its labels) without its numbers. Cached: table rows
    come back in every report."""
    return " ".join(c for c in cells if c and read_value(c).kind is Kind.TEXT)
