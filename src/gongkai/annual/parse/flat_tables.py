"""Tables whose cell boundaries were lost: each row's label followed by one run of digits.

A crawler's ``get_text()`` prints ``一、本年新收政府信息公开申请数量3612000039`` and often the
whole report on one line. This module finds the form's row labels in their printed order
(spaces inside labels and between words ignored, spaces between digits kept as cell
boundaries), cuts the run of digits after each, and hands the runs to ``digit_runs``, which
decides the cells by the form's arithmetic. Labels are found as printed: quotes of any
kind, a pause (``、``) between words, a colon before the run, ``其它`` for ``其他``, a table
三 row's label with up to two characters typed into it (as ``labels`` reads a cell; a row
not found is said, ``ROW_NOT_FOUND``), the rest of a longer label after the variant found;
numbers printed with thousands separators end after their last group; item numbers
printed without a mark (``4保护第三方…``) are not read into the row above. A placeholder
among a row's numbers (``306—11—38``, ``6/41``) is a blank cell of its own: 0 for the
identities, null in the output. A table 三 whose header prints a 法人或其他组织 小计 column
has its rows read without it; one with a 序号 (行次) column, without the row numbers that
lead each run (the column after the label) or end it (the next line's, before its label),
when they grow row by row and more rows add up without them. A row with nothing to report
may print nothing (its cells blank); table 四 printed a row per group may print a group's
row with no digit (that group blank, the others decoded group by group). Table 四's header
words say the order its groups and columns are printed in (行政诉讼 before 行政复议, 总计
first, 尚未审结 before 其他结果), read as ``tables`` reads a ruled table's headings: the run
is split with each group's 总计 where the header puts it, each number goes to its group and
column, and ``TABLE4_REORDERED`` says so. A header word typed otherwise (``结果予以维持``,
``结果纠``, ``尚未审结案件``) is the form's, read so only where the words as printed stop
short of a run; part 四's title (``…行政复议、行政诉讼情况``) is not the header. Table 三
begins at its first row typed otherwise (``本年度新收…``) when the row as printed is only
in the narrative. A page may print table 二 after tables 三 and 四 (read there when no
other table 三 follows: never another year's), and table 四 before table 三. Table 二's
header typed otherwise (``现行有效的件数``, ``现行有效数量``) is found by its columns. Table
三's header words give its columns' order: organisations printed in another order go to
their columns (``COLUMNS_REORDERED``); 总计 or 自然人 elsewhere than the national form's
place leaves every row null, said (the decoder reads 自然人 first, 总计 last).

``read_flat(text)`` returns what it could decode per table (``None`` for a table it did not
find in this shape), with diagnostics for every run that was ambiguous or undecidable.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from itertools import pairwise
from typing import Final

from .. import schema as s
from ..model import AppealCounts, DocumentCounts, Table2, Table3, Table4
from . import digit_runs as d
from .labels import LOOSE_EXTRA, LOOSE_MIN, TABLE4_COLUMN_WORDS, table4_column_variants
from .tables import (
    TABLE4_COLUMN_ORDER,
    TABLE4_GROUP_ORDER,
    table4_column_order,
    table4_group_order,
    table4_headings_in,
    table4_in_form_order,
    table4_reordered_message,
)

_SPACE_RUN_RE = re.compile(r"(\s+)")
_GAP_CHARACTERS: Final = " \n\r\t\u3000"
"""The white space ``compact`` removes (other white space stays, except between digits)."""
_GAPS = str.maketrans("", "", _GAP_CHARACTERS)
_RUN_RE = re.compile(r"[\d ]*(?:(?<=\d)，\d{3}[\d ]*)*(?:\.\d+)?")
"""Digits, spaces between them (cell boundaries), a thousands separator (``1,234``) and the
decimals of an amount."""
_GROUP_END_RE = re.compile(r"，(\d{3})(?!，\d{3})")
_PLACEHOLDERS: Final = "/／\\-－—–"
"""What a cell with no number may print instead (a blank cell)."""
_DOC_CELLS_RE = re.compile(f"[\\d {_PLACEHOLDERS}]*")
_DOC_TOKEN_RE = re.compile(f"\\d+|[{_PLACEHOLDERS}]+")
_MIXED_RE = re.compile(f"\\d[ ]*[{_PLACEHOLDERS}]|[{_PLACEHOLDERS}][ ]*\\d")
"""A placeholder next to a number: a run holding blank cells among its numbers."""
_QUOTES: Final = "“”‘’「」『』'"
_BRACKET_PAIRS: Final = (
    ("(", "（"),
    (")", "）"),
    (",", "，"),
    ("．", "."),
    *((q, '"') for q in _QUOTES),
)
"""What ``compact`` replaces, one character at a time: ``str.translate`` with a dict raises
and clears a KeyError for every character it leaves (most of a Chinese text)."""
_BRACKETS = str.maketrans(dict(_BRACKET_PAIRS))
_PAUSES: Final = "、，"
_LABEL_PAUSE: Final = f"[{_PAUSES}]?"
"""What a printed label may hold between two of its words that the form's label does not
(``其他法律、行政法规禁止公开``, ``信访、举报、投诉类申请``)."""
_LABEL_COLON: Final = "[：:]?"
"""What a printed label may end with before its run of digits."""
TRIAL_TABLE2_HEADER: Final = "本年新制作数量"
MIN_ROWS: Final = 20
"""Table 三 is read this way only when this many of its 25 rows are found, …"""
MIN_RUNS: Final = 4
"""… this many with a run (a row with nothing to report may print nothing: its cells blank),
（七）总计 among them."""
_HANDLED: Final = "handled_total"


def compact(text: str) -> str:
    """Whitespace removed except between two digits (there it is a cell boundary, one space,
    however many the page printed). One split at the white space runs, each run decided by
    its neighbours: a page crawled onto one line has thousands of them."""
    for printed, form in _BRACKET_PAIRS:
        if printed in text:
            text = text.replace(printed, form)
    if "它" in text:  # (the form's 其他 printed 其它: a column, a row, table 四's header)
        text = text.replace("其它", "其他")
    words = text.split()  # (a C loop: a regex split tries every position of the page)
    if _only_gaps(text, words):
        return _joined(words)
    pieces = _SPACE_RUN_RE.split(text)  # text, run, text, run, …, text
    for i in range(1, len(pieces), 2):
        before, after = pieces[i - 1], pieces[i + 1]
        if before and after and before[-1].isdecimal() and after[0].isdecimal():
            pieces[i] = " "
        else:  # (white space the reader never prints, kept as the page has it)
            pieces[i] = pieces[i].translate(_GAPS)
    return "".join(pieces)


def _only_gaps(text: str, words: list[str]) -> bool:
    """Whether every white space character of ``text`` (all it has outside ``words``, its
    ``split()``) is one ``compact`` removes: none of ``\\xa0`` and the like to keep."""
    spaces = len(text) - sum(len(word) for word in words)
    for gap in _GAP_CHARACTERS:  # (most pages print only spaces and line breaks: first)
        if spaces == 0:
            return True
        spaces -= text.count(gap)
    return spaces == 0


def _joined(words: list[str]) -> str:
    """``words`` run together, one space between two digits (a cell boundary)."""
    out = words[:1]
    for i in range(1, len(words)):
        word = words[i]
        if word[0].isdecimal() and words[i - 1][-1].isdecimal():
            out.append(" ")
        out.append(word)
    return "".join(out)


@lru_cache(maxsize=256)
def _pattern(label: str) -> re.Pattern[str]:
    """``label`` as printed: quotes of any kind, a pause (``、``, ``，``) between two of
    its Chinese characters, and a colon after it (``行政许可：20``: the run after the
    colon)."""
    folded = compact(label)
    parts = [re.escape(folded[0])] if folded else []
    for before, ch in pairwise(folded):
        if _is_cjk(before) and _is_cjk(ch):
            parts.append(_LABEL_PAUSE)
        parts.append(re.escape(ch))
    return re.compile("".join(parts) + _LABEL_COLON)


@lru_cache(maxsize=256)
def _searched(label: str) -> tuple[re.Pattern[str], int]:
    """``_pattern(label)`` and the most characters it matches (a pause between every two
    characters, a colon after)."""
    return _pattern(label), 2 * len(compact(label)) + 1


_TYPED: Final = f"[^\\d\\s。；：:{_PLACEHOLDERS}]{{0,{LOOSE_EXTRA}}}?"
"""What may be typed between two characters of a label (never a digit: the run's)."""


@lru_cache(maxsize=256)
def _loose_pattern(label: str) -> re.Pattern[str] | None:
    """``label`` with characters typed between its own (``本机关不掌握相关的政府信息``,
    ``结转下一年度继续办理``), as ``labels`` reads a cell: for labels of ``LOOSE_MIN``
    characters or more; ``_find_loose`` keeps matches with at most ``LOOSE_EXTRA`` in all."""
    folded = compact(label)
    if len(folded) < LOOSE_MIN:
        return None
    return re.compile(_TYPED.join(re.escape(ch) for ch in folded) + _LABEL_COLON)


def _find_loose(
    body: str, labels: tuple[str, ...], start: int, stop: int
) -> tuple[int, int] | None:
    """The first occurrence between ``start`` and ``stop`` of any of ``labels`` with up to
    ``LOOSE_EXTRA`` characters typed into it (tried for a row not found as printed)."""
    best: tuple[int, int] | None = None
    for label in labels:
        pattern = _loose_pattern(label)
        if pattern is None:
            continue
        size = len(compact(label)) + LOOSE_EXTRA
        at = start
        while (m := pattern.search(body, at, stop)) is not None:
            printed = m.group(0).rstrip("：:")
            if len(printed) <= size:
                if best is None or m.start() < best[0]:
                    best = (m.start(), m.end())
                break
            at = m.start() + 1
    return best


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


@dataclass
class Flat:
    """What the flat reading found: tables (``None`` where not found) and diagnostics."""

    table2: Table2 | None = None
    table3: Table3 | None = None
    table4: Table4 | None = None
    confidence: dict[str, float] = field(default_factory=dict)
    diagnostics: list[dict[str, object]] = field(default_factory=list)
    end: int = 0
    trial: bool = False
    """The 2019 trial format: its table 二 (本年新制作数量 …) or its single （六）其他处理 row."""
    blank_cells: bool = False
    """Some run of tables 二 or 三 has fewer digits than its row has cells: the report
    prints blank cells, so any run may hold some (tables 二 and 四 are read so too)."""

    lone_dash: bool = False
    """Table 三 prints a lone ``—`` for a blank cell (dashes run together: one a cell)."""

    def note(self, table: str, code: str, severity: str, message: str, **extra: object) -> None:
        """A diagnostic on ``table`` (``table2``, ``table3``, ``table4``: its ``table`` key,
        which ``recognize`` reads to know whose notes to keep and leaves out of the
        report). A ``row`` key given as the row's key in its table (``granted``) is written
        as the other readers write it, with its table (``table3.granted``)."""
        row = extra.get("row")
        if isinstance(row, str) and not row.startswith(table + "."):
            extra["row"] = f"{table}.{row}"
        self.diagnostics.append(
            {"code": code, "severity": severity, "message": message, "table": table, **extra}
        )

    def note_table4(self, code: str, severity: str, message: str) -> None:
        """``note`` on table 四, for the readers of its header."""
        self.note("table4", code, severity, message)


def read_flat(text: str) -> Flat:
    flat = Flat()
    body = compact(text)
    lings = 0
    if LING in body:
        body, lings = ling_as_zero(body)
    if _names_cells(body):
        named = _named_tables(body)
        if named is not None:
            return named
    flat.trial = TRIAL_TABLE2_HEADER in body
    t3_start = _table3_start(body)
    if t3_start is not None:
        _table3(body, t3_start[0], flat)
    t2_end = t3_start[0] if t3_start is not None else len(body)
    if not _named_table2_whole(body[:t2_end], flat):
        _table2(body[:t2_end], flat)
    if flat.table3 is not None:
        end = flat.end
        _another_table3(body, end, flat)
        if flat.table2 is None and _table3_start(body[end:]) is None:
            _table2(body[end:], flat)  # printed after the others (never another year's)
        _table4(body, end, flat)
        if flat.table4 is None and t3_start is not None:  # table 四 before table 三
            _table4(body[: t3_start[0]], 0, flat)
        if flat.table4 is None:  # a row per group, its cells parted (``行政复议：1/0/0/0/1``)
            _separated_table4(body, end, flat)
        if flat.table4 is None:  # each cell named (``行政复议|结果维持|1|…``)
            _named_table4(body, end, flat)
    if lings:
        _note_lings(flat, lings)
    return flat


LING: Final = "〇"
_LING_RUN_RE: Final = re.compile(r"[\d〇](?:[\d〇 ]*[\d〇])?")
_NUMERAL_NEIGHBOURS: Final = frozenset("零〇一二两三四五六七八九十百千万年月日号")
"""Characters beside which 〇 is a Chinese numeral (``二〇二五年``), never a digit of a run."""


def ling_as_zero(body: str) -> tuple[str, int]:
    """``body`` (compacted) with 〇 read as the digit 0 in each run of digits that holds it
    (an OCR tool's 0, run together by a crawler: ``36〇〇〇〇39``), and how many were read
    so. A run counts when no Chinese numeral, 年, 月, 日 or 号 stands beside it
    (``二〇二五年`` stays a year; a numeral after it that opens a row's label, ``二、``, does
    not count) and it holds an ASCII digit or two 〇 or more; a lone 〇 (a cell of its own,
    ``行政事业性收费〇``) counts only in a text whose other runs print 0 so."""
    runs = [m for m in _LING_RUN_RE.finditer(body) if LING in m.group(0) and _apart(body, m)]
    many = [m for m in runs if m.group(0) != LING]
    if not many:
        return body, 0
    pieces: list[str] = []
    done = at = 0
    for m in runs:
        pieces.append(body[at : m.start()])
        pieces.append(m.group(0).replace(LING, "0"))
        at = m.end()
        done += m.group(0).count(LING)
    pieces.append(body[at:])
    return "".join(pieces), done


def _apart(body: str, m: re.Match[str]) -> bool:
    """Whether the run ``m`` stands apart from Chinese numerals and dates (see
    ``ling_as_zero``)."""
    before = body[m.start() - 1] if m.start() else ""
    after = body[m.end() : m.end() + 2]
    return before not in _NUMERAL_NEIGHBOURS and (
        after[:1] not in _NUMERAL_NEIGHBOURS or after[1:] == "、"
    )


def _note_lings(flat: Flat, lings: int) -> None:
    """Say once, on the first table the flat reading found, that 〇 was read as 0."""
    table = next(
        (key for key in ("table3", "table2", "table4") if getattr(flat, key) is not None), None
    )
    if table is None:
        return
    flat.note(
        table,
        "LETTER_O_AS_ZERO",
        "warning",
        f"表格连写的数字中有{lings}处“〇”按数字 0 读取（文字识别常把 0 认作“〇”），请核对原件",
    )


def _another_table3(body: str, end: int, flat: Flat) -> None:
    """A second table 三 after the one read (another year's tables appended, say): said
    when its numbers differ (a page printing the same report twice is not); the first is
    the one read."""
    found = _table3_start(body[end:])
    if found is None:
        return
    other = Flat()
    _table3(body, end + found[0], other)
    if other.table3 is not None and other.table3 != flat.table3:
        flat.note(
            "table3",
            "ROW_DUPLICATE",
            "warning",
            "表三在页面中出现了两次且数字不同（可能附有其他年度的表格），只读取了第一张，请核对",
        )


def _find_any(
    body: str, labels: tuple[str, ...], start: int, stop: int | None = None
) -> tuple[int, int] | None:
    """The first (earliest) occurrence of any of ``labels`` at or after ``start`` (and
    before ``stop``); the longest label wins at the same place."""
    end = len(body) if stop is None else stop
    together = _any_of(labels)
    if together is not None:
        m = together.search(body, start, end)
        return None if m is None else (m.start(), m.end())
    best: tuple[int, int] | None = None
    for label in labels:
        if not label:
            continue
        pattern, longest = _searched(label)
        # once one label is found, another is looked for only where it would start no later
        # (its whole match fits before this end: the same match as without it)
        m = pattern.search(body, start, end if best is None else min(end, best[0] + longest))
        if m and (
            best is None or m.start() < best[0] or (m.start() == best[0] and m.end() > best[1])
        ):
            best = (m.start(), m.end())
    return best


@lru_cache(maxsize=256)
def _any_of(labels: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern finding what ``_find_any`` finds with a search per label: the labels as
    printed, longest first. Its first match starts where the earliest label does, and is
    the longest there when any two labels found at one place are one the other's beginning
    (the longer wins: it is tried first, and the shorter found there stops before the
    longer's next character, a colon being none of theirs). ``None`` when two labels might
    be found at one place otherwise (they part at a pause, ``、`` or ``，``, one may skip)."""
    folded = sorted(
        dict.fromkeys(compact(label) for label in labels if label), key=len, reverse=True
    )
    if any(not f or "：" in f or ":" in f for f in folded):
        return None
    for i, longer in enumerate(folded):
        for shorter in folded[i + 1 :]:
            if not _never_found_together(longer, shorter):
                return None
    return re.compile("|".join(_pattern(label).pattern for label in folded))


def _never_found_together(longer: str, shorter: str) -> bool:
    """Whether the two (folded) labels are never found at one place but as ``shorter``
    the beginning of ``longer``: they part at a character neither may skip as a pause."""
    if longer.startswith(shorter):
        return True
    at = 0
    while longer[at] == shorter[at]:
        at += 1
    return at == 0 or (longer[at] not in _PAUSES and shorter[at] not in _PAUSES)


_ITEM_MARKS: Final = (".", "、", "）")
"""What follows an item number (``2.``, ``2、``, ``2）``; ``（2）`` opens with a bracket)."""
_NUMBERED_GAP_RE = re.compile(r"[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）")


def _run_after(body: str, end: int, next_item: str | None) -> tuple[str, int]:
    """The run of digits at ``end``; a trailing item number of the next row (``2.``,
    ``2、``, ``2）``) is not part of it."""
    m = _RUN_RE.match(body, end)
    run = m.group(0) if m else ""
    stop = end + len(run)
    if "，" in run:  # a number printed with thousands separators ends after its last group
        run = " ".join(_GROUP_END_RE.sub(r"\1 ", run).replace("，", "").split())
    if next_item and run.rstrip().endswith(next_item) and body[stop : stop + 1] in _ITEM_MARKS:
        run = run.rstrip()[: -len(next_item)]
    return run.strip(), stop


_SEPARATORS: Final = "、/／|｜，"
"""What a page may print between a row's cells instead of a space (``10、0、0``,
``8/8/0``, ``|34|3|``, ``10，0，0``); never a dash (a date's, or a blank cell's)."""
_PIPES: Final = "|｜"
"""Separators a row may also print before its first cell and after its last (a ruled
row run together: ``规章|0|0|0；``), with nothing between two for a blank cell."""
_BLANK: Final = "/"
"""A blank cell in a separated run (``_separated_run``): the placeholder the readers
make a blank cell of (``_cell_tokens``, ``_with_placeholders``)."""


@lru_cache(maxsize=8)
def _cell_re(separator: str) -> re.Pattern[str]:
    """One cell of a run whose cells ``separator`` parts: a number, or a placeholder made
    of other marks than the separator (with ``/`` between cells, ``—`` is a blank one)."""
    marks = re.escape(_PLACEHOLDERS.replace(separator, ""))
    return re.compile(f"\\d+(?:\\.\\d+)?|[{marks}]+")


def _may_separate(body: str, at: int, stop: int) -> bool:
    """Whether the run at ``at`` (as ``_run_after`` read it, up to ``stop``) may be parted
    by a separator (``_separated_run``): a separator after its first number (which
    ``_run_after`` may have taken for the next row's item number: ``2、``), or a pipe or a
    placeholder where it starts. (Most labels followed by ``、`` or ``，`` are longer
    labels printed with a pause: no number before it.)"""
    if stop >= len(body):
        return False
    if stop > at and body[stop - 1].isdigit():
        return body[stop] in _SEPARATORS
    return body[at] in _PIPES or body[at] in _PLACEHOLDERS


def _separated_run(body: str, at: int, width: int) -> tuple[str, int] | None:
    """The run at ``at`` when one separator (``_SEPARATORS``) parts it into exactly
    ``width`` cells, the row's (``行政复议：1/0/0/0/1``, ``数量：10、0、0、0、0、0、10``,
    ``规章|0|0|0``): its cells between spaces (a placeholder, or nothing between two
    pipes, is a blank cell, ``_BLANK``) and where it ends; ``None`` otherwise. Counted,
    not guessed: a ``/`` that does not part the run into the row's cells is a blank cell's
    placeholder (``6/41``), as the readers read it; ``，`` with a three-digit number after
    it may be a thousands separator (``1，234``), and is none here."""
    if at >= len(body):
        return None
    pipe = body[at] in _PIPES
    if pipe:
        separator, pos = body[at], at + 1
    else:
        first = _cell_re("").match(body, at)
        if first is None or first.end() >= len(body) or body[first.end()] not in _SEPARATORS:
            return None
        separator, pos = body[first.end()], at
    cell_re = _cell_re(separator)
    cells: list[str] = []
    while len(cells) <= width:
        m = cell_re.match(body, pos)
        cell = m.group(0) if m else ""
        if not cell and not pipe:
            return None  # (a separator before a word: ``12，其中``)
        cells.append(cell)
        pos += len(cell)
        if not body.startswith(separator, pos):
            break
        pos += 1
    if pipe and len(cells) == width + 1 and not cells[-1]:
        cells.pop()  # (the rule after a ruled row's last cell)
    if len(cells) != width or not any(c[:1].isdigit() for c in cells):
        return None
    if separator == "，" and any(len(c) == 3 and c.isdigit() for c in cells[1:]):
        return None
    if pos < len(body) and body[pos].isdigit():
        return None
    return " ".join(c if c[:1].isdigit() else _BLANK for c in cells), pos


def _table3_start(body: str) -> tuple[int, int] | None:
    """Where table 三 begins: an occurrence of its first row's label whose run of digits is
    followed at once by the second row's label (its numbering ``二、`` aside). The narrative
    often says ``本年新收政府信息公开申请24件，上年结转2件`` before the table: that is not the
    table. Labels are looked for as printed, then (none so followed) with up to
    ``LOOSE_EXTRA`` characters typed into either (``本年度新收政府信息公开申请数量``).
    Failing such an occurrence, the first one as printed."""
    first_row = s.TABLE3_ROWS[0]
    first = _find_any(body, first_row.variants, 0)
    found = first
    while found is not None:
        if _second_row_follows(body, found[1]):
            return found
        found = _find_any(body, first_row.variants, found[1])
    at = 0
    while (found := _find_loose(body, first_row.variants, at, len(body))) is not None:
        if _second_row_follows(body, found[1]):
            return found
        at = found[0] + 1
    return first


def _second_row_follows(body: str, end: int) -> bool:
    """Whether a run of digits at ``end`` is followed at once by table 三's second row's
    label, as printed or with up to ``LOOSE_EXTRA`` characters typed into it."""
    run, stop = _run_after(body, end, None)
    if not run:
        return False
    gap = _NUMBERED_GAP_RE.match(body, stop)
    at = gap.end() if gap else stop
    variants = s.TABLE3_ROWS[1].variants
    if any(body.startswith(compact(v), at) for v in variants):
        return True
    found = _find_loose(body, variants, at, min(len(body), at + _LOOSE_SPAN))
    return found is not None and found[0] == at


_LABEL_TAIL_RE = re.compile(r"[^\d\s]{1,40}?(?=\d)")
"""The rest of a printed label after the variant found in it (``申请人无正当理由逾期不补正``
of ``…逾期不补正，行政机关不再处理其政府信息公开申请``): text up to the run."""
_LOOKAHEAD_ROWS: Final = 3


def _after_label_tail(body: str, end: int, i: int, nxt: s.Table3Row | None) -> tuple[str, int]:
    """The run after the rest of row ``i``'s printed label, when no later row's label
    comes first (a row printed blank keeps its run empty: the next row's is not taken)."""
    tail = _LABEL_TAIL_RE.match(body, end)
    if tail is None:
        return "", end
    for later in s.TABLE3_ROWS[i + 1 : i + 1 + _LOOKAHEAD_ROWS]:
        found = _find_any(body, _row_labels(later), end, tail.end())
        if found is not None:
            return "", end
    return _run_after(body, tail.end(), _item_number(nxt) if nxt else None)


_ITEM_AFTER_RE: Final = re.compile(r"[-－]?\d{1,2}[.．、）]")
"""An item number and its mark (``3.``)."""


def _own_label(
    body: str, labels: tuple[str, ...], found: tuple[int, int] | None
) -> tuple[int, int] | None:
    """The row's own label where ``found`` is its group's heading printed on each row, the
    row's item number and one of its labels after it (``（六）其他处理3.其他：…``: the 3 is
    no run)."""
    while found is not None and (m := _ITEM_AFTER_RE.match(body, found[1])) is not None:
        again = _find_any(body, labels, m.end())
        if again is None or again[0] != m.end():
            break
        found = again
    return found


_ITEM_LABEL_RE: Final = re.compile(r"[-－]?(\d{1,2})[.．、）](?=[\u4e00-\u9fff])")
"""An item number and its mark before the words of a label (``-3.另行事项``)."""


_ITEM_MARK_CHARS: Final = (".", "．", "、", "）")


def _another_item_after(body: str, end: int, nxt: s.Table3Row | None) -> bool:
    """Whether a label found (ending at ``end``) is a group's heading printed before an
    item whose words are no label of the row (``（六）其他处理-3.另行事项0 0 …``, after
    ``_own_label``): the 3 is that item's number, not a run, and the row is not found
    here. An item numbered as the next row is that row's: this one printed blank."""
    at = end + (body[end : end + 1] in ("-", "－"))
    digits = at
    while digits < len(body) and digits - at < 3 and body[digits].isdigit():
        digits += 1
    if digits == at or body[digits : digits + 1] not in _ITEM_MARK_CHARS:
        return False  # (the usual row: its run of digits, no mark after them)
    m = _ITEM_LABEL_RE.match(body, end)
    return m is not None and (nxt is None or m.group(1) != _item_number(nxt))


_NUMBERING_RE = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)")


@lru_cache(maxsize=128)
def _unnumbered(label: str) -> str:
    """A row's printed label without its own numbering (``1.``, ``（七）``, ``一、``)."""
    return _NUMBERING_RE.sub("", label)


@lru_cache(maxsize=1024)
def _adds_up(run: str, total: int = s.TABLE3_WIDTH - 1) -> bool:
    """Whether ``run`` reads as a table 三 row whose 总计 (printed ``total``-th) adds up."""
    return bool(run) and d.adds_up(run, s.TABLE3_WIDTH, total=total)


_BARE_ITEMS: Final = 3
"""Rows whose run ends with the next row's item number, followed at once by its label,
that show a table printing its item numbers without a mark (with three in four such)."""


def _item_number(row: s.Table3Row) -> str | None:
    return _ITEM_NUMBERS[row.index]


def _row_labels(row: s.Table3Row) -> tuple[str, ...]:
    """What a row's label may be printed as: the form's without its numbering, variants."""
    return _ROW_LABELS[row.index]


_ITEM_NUMBERS: Final = tuple(
    m.group(1) if (m := re.match(r"(\d+)\.", row.label)) else None for row in s.TABLE3_ROWS
)
_ROW_LABELS: Final = tuple(
    (_unnumbered(row.label), *row.variants)
    + (s.TABLE3_2019_OTHER.variants if row.key == "other.other" else ())
    for row in s.TABLE3_ROWS
)
"""（六）其他处理 is the 2019 format's single row for ``other.other``."""


# ---------------------------------------------------------------------------- table 三


def _table3(body: str, start: int, flat: Flat) -> None:
    order = _table3_columns(body, start)
    columns = d.FORM_COLUMNS if order is None else _form_indexes(order)
    total = columns.index(s.TABLE3_WIDTH - 1)  # where each row prints its 总计
    subtotal = _subtotal_place(body, start)
    width = s.TABLE3_WIDTH + (subtotal is not None)
    separated: set[str] = set()  # rows whose cells a separator parts (``、``, ``/``, ``|``)
    runs: dict[str, str] = {}
    empty: list[str] = []
    pos = start
    rows = s.TABLE3_ROWS
    placed: dict[str, tuple[str, ...]] = {}  # rows printed with placeholders: their tokens
    numbered: list[str] = []  # rows whose run may end with the next row's bare item number
    bare: list[str] = []
    last: tuple[str, int] | None = None
    missing: list[str] = []
    for i, row in enumerate(rows):
        found = _own_label(body, _row_labels(row), _find_any(body, _row_labels(row), pos))
        if found is None:
            found = _find_loose(body, _row_labels(row), pos, _next_row_at(body, i, pos))
        nxt = rows[i + 1] if i + 1 < len(rows) else None
        if found is None or _another_item_after(body, found[1], nxt):
            missing.append(row.key)
            continue
        number = _item_number(row)
        if last is not None and number and last[1] == found[0]:
            numbered.append(last[0])
            if runs[last[0]].endswith(number):
                bare.append(last[0])
        last = None
        run, stop = _run_after(body, found[1], _item_number(nxt) if nxt else None)
        if _may_separate(body, found[1], stop):
            cut = _separated_run(body, found[1], width)
            if cut is not None:
                _separated_row(row.key, cut, runs, placed, separated)
                pos = flat.end = cut[1]
                continue
        tail = not run
        if tail:  # a variant matched the head of a longer printed label: its tail
            run, stop = _after_label_tail(body, found[1], i, nxt)
        marked = (
            _marked_run(body, found[1], stop, _item_number(nxt) if nxt else None)
            if tail or _placeholder_at(body, stop)
            else None
        )
        if marked is not None and not _adds_up(run, total):
            # placeholders (—, /) among the numbers: blank cells (after a whole row's
            # run, a dash is not its cell)
            run, stop, placed[row.key] = marked
        if run:
            runs[row.key] = run
            pos = stop
            flat.end = stop
            last = (row.key, stop)
        else:
            empty.append(row.key)
            pos = found[1]
    if len(runs) + len(empty) < MIN_ROWS or len(runs) < MIN_RUNS or _HANDLED not in runs:
        flat.end = start
        return
    if placed:
        _lay_placeholders(runs, placed, flat)
    table_wide = len(bare) >= _BARE_ITEMS and len(bare) * 4 >= len(numbered) * 3
    for key in bare:
        # the table prints its item numbers without a mark (4保护第三方合法权益): the
        # digits before such a label are its number, not the row above's last cell; a
        # row alone, when only the run without them adds up
        number = _item_number(rows[s.TABLE3_ROW_BY_KEY[key].index + 1]) or ""
        without = runs[key][: -len(number)].rstrip()
        if table_wide or (_adds_up(without, total) and not _adds_up(runs[key], total)):
            runs[key] = without
    kept = [k for k in runs if k not in placed and k not in separated]
    _drop_row_numbers(runs, kept, flat, total)
    if subtotal is not None and order is not None and not _decodable(order):
        _columns_not_decodable(order, flat)
        return
    if subtotal is not None:
        _drop_subtotals(runs, subtotal, flat)
    for key in empty:  # a row printed with every cell blank: blank, and adds nothing
        runs.setdefault(key, "")
    result = d.decode_table3(runs, columns=columns)
    trial_rows = not any(k in runs for k in s.TABLE3_2019_ONLY_2021_ROWS)
    for key in missing:
        if not (trial_rows and key in s.TABLE3_2019_ONLY_2021_ROWS):
            label = s.TABLE3_ROW_BY_KEY[key].full_label
            flat.note(
                "table3",
                "ROW_NOT_FOUND",
                "warning",
                f"表三中找不到“{label}”这一行，该行留空",
                row=key,
            )
    flat.blank_cells = flat.blank_cells or result.blanks
    cells: dict[str, tuple[int | None, ...]] = {}
    sure = 0
    flat.trial = flat.trial or trial_rows
    expected = [
        k for k in s.TABLE3_ROW_KEYS if not (trial_rows and k in s.TABLE3_2019_ONLY_2021_ROWS)
    ]
    for key in s.TABLE3_ROW_KEYS:
        decoded = result.rows.get(key)
        if decoded is None:
            cells[key] = (None,) * s.TABLE3_WIDTH
            continue
        cells[key] = decoded.cells  # (in the form's columns, whatever the order printed)
        if key in placed:  # the tokens as printed: laid over the cells as printed
            printed = _placeholders_blank(_in_printed_columns(decoded.cells, columns), placed[key])
            cells[key] = _in_form_columns(printed, columns)
        alternatives: list[list[int | None]] = [list(a) for a in decoded.alternatives]
        sure += decoded.unique
        if not decoded.unique:
            label = s.TABLE3_ROW_BY_KEY[key].full_label
            flat.note(
                "table3",
                _unsure_code(decoded),
                "warning",
                f"表三“{label}”行的数字串“{runs[key]}”：{decoded.reason}",
                row=key,
                alternatives=alternatives,
            )
    flat.table3 = Table3(cells)
    flat.confidence["table3"] = sure / len(expected)
    if order is not None:
        flat.note("table3", "COLUMNS_REORDERED", "info", _columns_message(order))


def _separated_row(
    key: str,
    cut: tuple[str, int],
    runs: dict[str, str],
    placed: dict[str, tuple[str, ...]],
    separated: set[str],
) -> None:
    """Row ``key``'s run parted by a separator (``_separated_run``): its cells, one a
    number; blank cells among them are laid as placeholders are (``_lay_placeholders``)."""
    run = cut[0]
    runs[key] = run
    separated.add(key)
    if _BLANK in run:
        placed[key] = tuple(run.split())


_ORGANISATIONS: Final = "organisations"
_TABLE3_HEADER_WORDS: Final = {
    **{compact(v): c.key for c in s.TABLE3_COLUMNS for v in c.variants},
    s.TABLE3_ORGANISATION_HEADER: _ORGANISATIONS,
}
_TABLE3_HEADER_RE: Final = re.compile(
    "|".join(re.escape(w) for w in sorted(_TABLE3_HEADER_WORDS, key=len, reverse=True))
)
_ORGANISATION_KEYS: Final = tuple(c.key for c in s.TABLE3_COLUMNS[1:6])
_NATURAL, _TOTAL = s.TABLE3_COLUMN_KEYS[0], s.TABLE3_COLUMN_KEYS[-1]


def _table3_columns(body: str, start: int) -> tuple[str, ...] | None:
    """The columns of table 三 in the order its header (from 申请人情况 to the first row),
    or a note printing the rows' order (``各行数字依次为自然人/商业企业/…/总计``), prints
    them, when that is not the national order; ``None`` for the national order or
    a header that does not name each column once. Run together, a header of two rows
    prints 自然人, 法人或其他组织 (over the five organisations) and 总计 before the
    organisations' own names: the three blocks' order is where 自然人, 法人或其他组织 (or
    the first organisation) and 总计 stand, the organisations' order their names'."""
    header = body[max(0, start - _HEADER_SPAN) : start]
    at = header.rfind(s.TABLE3_APPLICANT_HEADER)
    if at < 0:
        note = _order_note(body, start)
        if not note:
            return None
        header, at = note, 0
    words = [_TABLE3_HEADER_WORDS[m.group(0)] for m in _TABLE3_HEADER_RE.finditer(header, at)]
    columns = [w for w in words if w != _ORGANISATIONS]
    if len(columns) != s.TABLE3_WIDTH or set(columns) != set(s.TABLE3_COLUMN_KEYS):
        return None
    organisations = [w for w in columns if w in _ORGANISATION_KEYS]
    place = (
        words.index(_ORGANISATIONS) if _ORGANISATIONS in words else words.index(organisations[0])
    )
    blocks = sorted(
        (
            (words.index(_NATURAL), (_NATURAL,)),
            (place, tuple(organisations)),
            (words.index(_TOTAL), (_TOTAL,)),
        )
    )
    order = tuple(key for _, keys in blocks for key in keys)
    return None if order == s.TABLE3_COLUMN_KEYS else order


_ORDER_NOTE_RE: Final = re.compile("依次为|依次是|顺序为")
"""What opens a note printing the order of a table's cells in each row."""


def _order_note(body: str, start: int) -> str:
    """The words of a note printing the order of the cells of the table starting at
    ``start`` (``（各行数字依次为结果维持、结果纠正、…、总计）``): from its opening words to
    the table, within ``_HEADER_SPAN`` before it; ``""`` when none is printed."""
    window = body[max(0, start - _HEADER_SPAN) : start]
    ends = [m.end() for m in _ORDER_NOTE_RE.finditer(window)]
    return window[ends[-1] :] if ends else ""


def _form_indexes(order: tuple[str, ...]) -> tuple[int, ...]:
    """The form column of each column printed in ``order`` (``decode_table3``'s
    ``columns``)."""
    return tuple(s.TABLE3_COLUMN_BY_KEY[key].index for key in order)


def _decodable(order: tuple[str, ...]) -> bool:
    """Whether a 小计 column's runs printed in ``order`` are read as the national form's
    (``without_subtotal`` reads 自然人 first and 总计 last; the organisations in any
    order)."""
    return order[0] == _NATURAL and order[-1] == _TOTAL


def _in_form_columns(
    cells: Sequence[int | None], columns: tuple[int, ...]
) -> tuple[int | None, ...]:
    """A row's cells, printed in ``columns`` (each one's form column), in the form's order."""
    return tuple(cells[columns.index(i)] for i in range(len(cells)))


def _in_printed_columns(
    cells: Sequence[int | None], columns: tuple[int, ...]
) -> tuple[int | None, ...]:
    """A row's cells in the form's order, in the order printed (``columns``)."""
    return tuple(cells[i] for i in columns)


def _columns_message(order: tuple[str, ...]) -> str:
    labels = "、".join(s.TABLE3_COLUMN_BY_KEY[key].label for key in order)
    return f"表三表头的列顺序为“{labels}”，与国家格式不同，各列按表头读取"


def _columns_not_decodable(order: tuple[str, ...], flat: Flat) -> None:
    """Table 三's header prints a 小计 column and 总计 or 自然人 elsewhere than the national
    form: its runs cannot be read so (a row without its 小计 is read with 自然人 first,
    总计 last), and reading them as the national form's would put numbers in the wrong
    columns. Every row null, said."""
    flat.table3 = Table3({key: (None,) * s.TABLE3_WIDTH for key in s.TABLE3_ROW_KEYS})
    flat.confidence["table3"] = 0.0
    labels = "、".join(s.TABLE3_COLUMN_BY_KEY[key].label for key in order)
    flat.note(
        "table3",
        "UNDECODED_RUN",
        "warning",
        f"表三表头的列顺序为“{labels}”，且有“小计”列，自然人或总计不在国家格式的位置，"
        "连在一起的数字串无法按此拆分，各行留空",
        alternatives=[],
    )


_LOOSE_SPAN: Final = 160
"""How far after the last row found a row not found as printed is looked for loosely, when
no later row's label is found before."""


def _next_row_at(body: str, i: int, pos: int) -> int:
    """Where the first of the rows after row ``i`` found as printed begins (a row looked
    for loosely is looked for before it), at most ``_LOOSE_SPAN`` on."""
    stop = min(len(body), pos + _LOOSE_SPAN)
    for later in s.TABLE3_ROWS[i + 1 : i + 1 + _LOOKAHEAD_ROWS]:
        found = _find_any(body, _row_labels(later), pos, stop)
        if found is not None:
            return found[0]
    return stop


def _unsure_code(decoded: d.Decoded) -> str:
    """``AMBIGUOUS_RUN`` for a run read one way of several (the others listed, or too many
    to list: the reason says which), ``UNDECODED_RUN`` for one left null."""
    if decoded.alternatives or any(cell is not None for cell in decoded.cells):
        return "AMBIGUOUS_RUN"
    return "UNDECODED_RUN"


_MARKED_RUN_RE = re.compile(f"[\\d ]*(?:[{_PLACEHOLDERS}]+[\\d ]*)+")


def _placeholder_at(body: str, stop: int) -> bool:
    """Whether a placeholder follows the run ``_run_after`` read, ending at ``stop``: only
    then may the run hold placeholders among its numbers (``_marked_run``), since its first
    placeholder ends the digits ``_RUN_RE`` reads."""
    return stop < len(body) and body[stop] in _PLACEHOLDERS


def _marked_run(
    body: str, at: int, stop: int, next_item: str | None
) -> tuple[str, int, tuple[str, ...]] | None:
    """A table 三 run with placeholders among its numbers (``30 6 — 1 1 — 38``) and its
    tokens (``_lay_placeholders`` makes each placeholder a cell: 0 for the identities,
    blank again after decoding); ``None`` when the run at ``at`` holds no placeholder
    between numbers."""
    m = _MARKED_RUN_RE.match(body, at)
    if m is None or m.end() <= stop or not _MIXED_RE.search(m.group(0)):
        return None
    text = m.group(0)
    end = m.end()
    if next_item and text.rstrip().endswith(next_item) and body[end : end + 1] in _ITEM_MARKS:
        text = text.rstrip()[: -len(next_item)]
    tokens = tuple(_DOC_TOKEN_RE.findall(text))
    return " ".join(tokens), end, tokens


def _lay_placeholders(runs: dict[str, str], placed: dict[str, tuple[str, ...]], flat: Flat) -> None:
    """Each row printed with placeholders gets a run with a ``0`` for each blank cell and
    its tokens one per cell. Dashes run together (``—————``) are one cell each when the
    table prints a lone ``—`` anywhere, else ``——`` (two em dashes) is one cell."""
    lone = any(tok == "—" for tokens in placed.values() for tok in tokens)
    flat.lone_dash = lone
    for key, tokens in list(placed.items()):
        cells = _cell_tokens(tokens, lone, s.TABLE3_WIDTH)
        if cells is None:  # mixed placeholders: how many cells is unknown
            del placed[key]
            runs.pop(key, None)
        else:
            placed[key] = cells
            runs[key] = _zeros_for_blanks(cells)


def _cell_tokens(tokens: Sequence[str], lone: bool, width: int) -> tuple[str, ...] | None:
    """``tokens`` as cells: numbers (a run of digits may still be several cells) and
    placeholders, one per cell. Dashes run together are one cell each, or ``——`` is one
    cell: whichever leaves room for the row's ``width`` cells; if both do, the first
    when the report prints a lone ``—`` (``lone``). ``None`` for mixed placeholders or
    when neither fits."""
    fitting = []
    for single in (lone, not lone):
        cells: list[str] = []
        for tok in tokens:
            if tok.isdigit():
                cells.append(tok)
            elif set(tok) == {"—"} and not single and len(tok) % 2 == 0:
                cells.extend(["—"] * (len(tok) // 2))
            elif len(set(tok)) == 1:
                cells.extend(list(tok))
            else:
                return None
        blanks = sum(1 for c in cells if not c.isdigit())
        digits = sum(len(c) for c in cells if c.isdigit())
        if len(cells) <= width <= blanks + digits:
            fitting.append(tuple(cells))
    return fitting[0] if fitting else None


def _zeros_for_blanks(cells: Sequence[str]) -> str:
    """A run with a ``0`` for each placeholder's cell (0 for the identities)."""
    return " ".join(c if c.isdigit() else "0" for c in cells)


def _placeholders_blank(
    cells: tuple[int | None, ...], tokens: tuple[str, ...]
) -> tuple[int | None, ...]:
    """The decoded cells with each placeholder's cell blank (null); the row null when the
    cells cannot be laid over the tokens (never a placeholder read as 0)."""
    out: list[int | None] = []
    i = 0
    for tok in tokens:
        if not tok.isdigit():
            if i >= len(cells) or cells[i] != 0:
                return (None,) * len(cells)
            out.append(None)
            i += 1
            continue
        printed = ""
        while i < len(cells) and len(printed) < len(tok):
            value = cells[i]
            if value is None:
                return (None,) * len(cells)
            printed += str(value)
            out.append(value)
            i += 1
        if printed != tok:
            return (None,) * len(cells)
    return tuple(out) if i == len(cells) else (None,) * len(cells)


_NUMBER_STEP: Final = 3
"""How much a 序号 column's number may grow from one row with digits to the next (lines
without digits, a group's heading, take numbers too)."""
_FIRST_NUMBER: Final = 9
"""The largest number the first row may print in a 序号 column (header lines before it may
be numbered too)."""


def _drop_row_numbers(runs: dict[str, str], keys: Sequence[str], flat: Flat, total: int) -> None:
    """A 序号 (or 行次) column: every row's run begins with the row's own number (the column
    printed after the label) or ends with the next line's (printed before the label). It
    is read as such when the numbers grow by one to three from row to row over the whole
    table (the last row's run may end without one) and without them more rows add up."""
    texts = [runs[k] for k in keys]  # one space between digits already (``compact``)
    for lead in (True, False):
        numbers = _row_numbers(texts, lead)
        if numbers is None and not lead:
            numbers = _row_numbers(texts[:-1], lead)
        if numbers is None:
            continue
        kept = [
            text[len(n) :].lstrip() if lead else text[: len(text) - len(n)].rstrip()
            for text, n in zip(texts, numbers, strict=False)
        ]
        kept.extend(texts[len(numbers) :])
        if sum(_adds_up(k, total) for k in kept) <= sum(_adds_up(t, total) for t in texts):
            continue
        runs.update(zip(keys, kept, strict=True))
        printed = "、".join(numbers[:5]) + ("等" if len(numbers) > 5 else "")
        place = "行标签后" if lead else "行标签前"
        flat.note(
            "table3",
            "ROW_NUMBERS_IGNORED",
            "info",
            f"表三有{len(numbers)}行在{place}印有序号（{printed}），序号不是表中的数字，未读取",
        )
        return


def _row_numbers(texts: Sequence[str], lead: bool) -> tuple[str, ...] | None:
    """The numbers of a 序号 column at the start (``lead``) or end of every run, growing by
    one to ``_NUMBER_STEP`` from row to row; ``None`` when the runs hold no such numbers."""
    if not texts:
        return None
    states: dict[int, tuple[str, ...]] = {0: ()}
    for text in texts:
        nxt: dict[int, tuple[str, ...]] = {}
        for size in (1, 2):
            number = text[:size] if lead else text[-size:]
            if len(number) < size or not number.isdigit() or number[0] == "0":
                continue
            value = int(number)
            for last, path in states.items():
                step = value - last
                if 0 < step <= (_NUMBER_STEP if path else _FIRST_NUMBER):
                    nxt.setdefault(value, (*path, number))
        if not nxt:
            return None
        states = nxt
    return states[min(states)]


_HEADER_SPAN: Final = 80
"""How far before table 三's first row its column header is looked for."""


def _subtotal_place(body: str, start: int) -> int | None:
    """Where table 三's header prints a 法人或其他组织 小计 column (``digit_runs``'s
    ``SUBTOTAL_BEFORE`` or ``SUBTOTAL_AFTER``); ``None`` when it prints none."""
    header = body[max(0, start - _HEADER_SPAN) : start]
    at = header.rfind("小计")
    if at < 0:
        return None
    first = header.rfind(s.TABLE3_COLUMNS[1].label)
    last = header.rfind(s.TABLE3_COLUMNS[4].label)  # 法律服务机构 (其他 is in 法人或其他组织)
    if first < 0 or last < 0:
        return None
    return d.SUBTOTAL_BEFORE if at < first else d.SUBTOTAL_AFTER if at > last else None


def _drop_subtotals(runs: dict[str, str], place: int, flat: Flat) -> None:
    """Each row's run without its 小计 (eight numbers for seven cells); a row whose
    readings do not add up, or differ in their 小计, is not read (null, said)."""
    for key, run in list(runs.items()):
        kept = d.without_subtotal(run, place)
        if kept is None:
            del runs[key]
            label = s.TABLE3_ROW_BY_KEY[key].full_label
            flat.note(
                "table3",
                "UNDECODED_RUN",
                "warning",
                f"表三“{label}”行的数字串“{run}”：表头有“小计”列，本行没有小计等于五类组织之和、"
                "总计等于自然人加小计的唯一读法，各格留空",
                row=key,
                alternatives=[],
            )
        else:
            runs[key] = kept
    flat.note(
        "table3",
        "SUBTOTAL_IGNORED",
        "info",
        "表三有一列是“法人或其他组织”的小计（每行为五类组织之和），国家格式没有这一列，未读取",
    )


# ---------------------------------------------------------------------------- table 四


def _table4_words() -> re.Pattern[str]:
    words = {
        compact(w)
        for w in (
            *(v for g in s.TABLE4_GROUPS for v in (g.label, *g.variants)),
            *(v for c in s.TABLE4_COLUMNS for v in (c.label, *table4_column_variants(c))),
            s.TABLE4_LITIGATION_HEADER,
            *_UNIT_NOTES,
        )
    }
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(f"(?:{alternatives}|[：:，,；;])+")


_OTHER_COLUMN_WORDS: Final = {
    compact(word): compact(c.label)
    for c in s.TABLE4_COLUMNS
    for word in TABLE4_COLUMN_WORDS.get(c.key, ())
}
"""Table 四's column words some reports print for the form's (``尚在审理``, ``总数``): read
as the form's."""
_TOTAL_BEFORE_RUN_RE: Final = re.compile(r"(?:总计|合计)\d")
_UNIT_NOTES: Final = ("（单位：件）", "单位：件", "（件）", "单位:件")
_TABLE4_WORDS: Final = _table4_words()
"""Table 四's header words (and unit notes) run together: what may stand between its runs."""


def _header_words(body: str, pos: int) -> tuple[int, str] | None:
    """Table 四's header words at ``pos``: where they end and the words (each typed
    otherwise as the form prints it); ``None`` when no header word is there. Words are
    read as printed; only where those stop short of a run are they read typed otherwise
    (``_typed_words``)."""
    m = _TABLE4_WORDS.match(body, pos)
    end, words = (m.end(), m.group(0)) if m else (pos, "")
    if end < len(body) and _is_cjk(body[end]):
        typed = _typed_words(body, end, bool(words))
        if typed[0] > end:
            end, words = typed[0], words + typed[1]
    for printed, word in _OTHER_COLUMN_WORDS.items():
        words = words.replace(printed, word)
    return (end, words) if words else None


def _typed_words(body: str, pos: int, after_word: bool) -> tuple[int, str]:
    """Header words from ``pos`` of which some are typed otherwise: a word of four
    characters or more with up to ``LOOSE_EXTRA`` characters typed into it
    (``结果予以维持``) or one of its characters missing (``结果纠``), and up to
    ``LOOSE_EXTRA`` Chinese characters typed after a word, before the next word or the run
    (``尚未审结案件``, ``经复议后起诉``). Each word is given as the form prints it."""
    parts: list[str] = []
    while True:
        m = _TABLE4_WORDS.match(body, pos)
        if m is not None:
            parts.append(m.group(0))
            pos, after_word = m.end(), True
            continue
        typed = _typed_word(body, pos)
        if typed is not None:
            parts.append(typed[1])
            pos, after_word = typed[0], True
            continue
        skip = _typed_after(body, pos) if after_word else 0
        if not skip:
            return pos, "".join(parts)
        pos, after_word = pos + skip, False


def _typed_word(body: str, pos: int) -> tuple[int, str] | None:
    """The longest header word typed otherwise at ``pos`` (see ``_typed_words``)."""
    best: tuple[int, str] | None = None
    for pattern, word in _TYPED_HEADER_WORDS:
        m = pattern.match(body, pos)
        if m is None or m.end() - pos > len(word) + LOOSE_EXTRA:
            continue
        if best is None or m.end() > best[0]:
            best = (m.end(), word)
    return best


def _typed_after(body: str, pos: int) -> int:
    """How many Chinese characters (up to ``LOOSE_EXTRA``) at ``pos`` stand before a
    header word or a digit: typed after the word before them; 0 when none do."""
    for size in range(1, LOOSE_EXTRA + 1):
        nxt = pos + size
        if nxt >= len(body) or not _is_cjk(body[nxt - 1]):
            return 0
        if body[nxt].isdecimal() or _TABLE4_WORDS.match(body, nxt) is not None:
            return size
    return 0


_TYPED_HEADER_MIN: Final = 4
"""Characters a header word needs to be read typed otherwise."""


def _typed_header_words() -> tuple[tuple[re.Pattern[str], str], ...]:
    words = {
        compact(w)
        for w in (
            *(v for g in s.TABLE4_GROUPS for v in (g.label, *g.variants)),
            *(v for c in s.TABLE4_COLUMNS for v in (c.label, *table4_column_variants(c))),
            s.TABLE4_LITIGATION_HEADER,
        )
    }
    out = []
    for word in sorted(words, key=len, reverse=True):
        if len(word) < _TYPED_HEADER_MIN:
            continue
        typed = _TYPED.join(re.escape(ch) for ch in word)
        missing = "|".join(re.escape(word[:i] + word[i + 1 :]) for i in range(len(word)))
        out.append((re.compile(f"{typed}|{missing}"), word))
    return tuple(out)


_TYPED_HEADER_WORDS: Final = _typed_header_words()


_GROUP_RES: Final = tuple(
    re.compile(
        "|".join(
            re.escape(v)
            for v in sorted({compact(v) for v in (g.label, *g.variants)}, key=len, reverse=True)
        )
    )
    for g in s.TABLE4_GROUPS
)
_TOTAL_WORDS: Final = tuple(compact(v) for v in table4_column_variants(s.TABLE4_COLUMNS[-1]))


@dataclass
class _Table4Runs:
    run: str
    """Every run after the header, joined with a space (a cell boundary)."""
    headings: str = ""
    """The header words before the last run, run together (``tables.table4_headings_in``
    reads the order of the groups and columns they print)."""
    groups: list[str | None] | None = None
    """Each group's run when the table prints a row per group, each group's name over its
    own five columns (``None`` for a group whose row printed no digit), in the order
    printed; ``None`` when the runs cannot be told apart by group (the national layout:
    one header, one run)."""
    named: tuple[str, ...] = ()
    """The groups of ``groups``, in the order printed."""


def _table4_runs(body: str, start: int) -> _Table4Runs | None:
    """Table 四's digits from ``start`` (its first header word): one run after the header
    (the national layout), or a run after each group's header words (one row per group).
    ``None`` when no run follows."""
    runs: list[str] = []
    chunks: list[tuple[str, str | None]] = []  # header words and the run after them
    pos = start
    while True:
        words = _header_words(body, pos)
        at = words[0] if words else pos
        run, stop = _run_after(body, at, None)
        cut = _table4_separated(body, at, stop)
        if cut is not None:
            run, stop = cut
        marked = _marked_run(body, at, stop, None) if _placeholder_at(body, stop) else None
        if marked is not None and not _whole_before(run, body[stop : marked[1]]):
            if not words and _PAGE_NUMBER_RE.fullmatch(body[at : marked[1]].strip()):
                break  # a page number after the last run
            run, stop = marked[0], marked[1]  # placeholders (—, /) among the numbers: blanks
        if words:
            chunks.append((words[1], run or None))
        if not run or (not words and runs == []):
            break
        runs.append(run)
        pos = stop
        if sum(len(r.replace(" ", "")) for r in runs) >= len(s.TABLE4_COLUMNS) * 3 * d.MAX_DIGITS:
            break
        if not words:
            break
    if not runs:
        return None
    headings = _with_order_note(body, start, "".join(words for words, run in chunks[: len(runs)]))
    by_group = _by_group(chunks)
    if by_group is None:
        return _Table4Runs(" ".join(runs), headings)
    return _Table4Runs(" ".join(runs), headings, by_group[0], by_group[1])


def _with_order_note(body: str, start: int, headings: str) -> str:
    """Table 四's header words, after the columns' order a note before the table prints
    (``各行数字依次为结果维持/结果纠正/…/总计``) when the words name no column: the table is
    read in that order, as in its header's."""
    note = _order_note(body, start)
    if note and not any(kind == "column" for kind, _ in table4_headings_in(headings)):
        return note + headings
    return headings


def _table4_separated(body: str, at: int, stop: int) -> tuple[str, int] | None:
    """Table 四's run at ``at`` parted by a separator into one group's five cells or the
    table's fifteen (``行政复议：1/0/0/0/1``, ``|0|0|0|1|1``): its cells between spaces (a
    blank cell as a placeholder, read as ``_table4`` reads one) and where it ends."""
    if not _may_separate(body, at, stop):
        return None
    size = len(s.TABLE4_COLUMNS)
    return _separated_run(body, at, size) or _separated_run(body, at, size * len(s.TABLE4_GROUPS))


_PAGE_NUMBER_RE: Final = re.compile(f"[{_PLACEHOLDERS}] ?\\d{{1,3}} ?[{_PLACEHOLDERS}]")
"""A page number between dashes (``- 2 -``, ``—2—``) printed after a table's last run."""


def _whole_before(run: str, tail: str) -> bool:
    """Whether table 四's ``run`` is whole without the placeholders (and digits among them)
    printed after it: it adds up as all three groups (no cell is left for a placeholder),
    or as one group followed by a page number (``10001- 2 -``)."""
    if not run:
        return False
    groups = len(s.TABLE4_GROUPS)
    if _adds_up_as(run, groups):
        return True
    return _PAGE_NUMBER_RE.fullmatch(tail.strip()) is not None and _adds_up_as(run, 1)


def _adds_up_as(run: str, groups: int) -> bool:
    """Whether ``run`` reads as ``groups`` groups of table 四 each adding up, its 总计 in
    any column (the header's order is read later)."""
    size = len(s.TABLE4_COLUMNS)
    if len(run.replace(" ", "")) < size * groups:
        return False
    return any(d.adds_up(run, size, groups, total=total) for total in range(size))


def _by_group(
    chunks: Sequence[tuple[str, str | None]],
) -> tuple[list[str | None], tuple[str, ...]] | None:
    """The runs of a table printed a row per group, each to its group, and the groups in
    the order printed: the run after header words goes to the last group they name; a
    group named there before it, over its own columns (its 总计 before the next group's
    name), printed no digit. ``None`` unless every group is named so, each once."""
    out: list[str | None] = []
    order: list[int] = []
    for words, run in chunks:
        named = [(m.start(), i) for i, p in enumerate(_GROUP_RES) if (m := p.search(words))]
        named.sort()
        if not named and run is None:  # punctuation after the last run
            continue
        if not named or any(i in order for _, i in named):
            return None
        ends = [at for at, _ in named[1:]] + [len(words)]
        if not all(
            any(w in words[at:end] for w in _TOTAL_WORDS)
            for (at, _), end in zip(named, ends, strict=True)
        ):
            return None
        out.extend([None] * (len(named) - 1))
        out.append(run)
        order.extend(i for _, i in named)
    if len(out) != len(s.TABLE4_GROUPS):
        return None
    return out, tuple(s.TABLE4_GROUPS[i].key for i in order)


def _table4(body: str, start: int, flat: Flat) -> None:
    """Table 四 after table 三: the first place where its header words lead to runs holding
    its 15 cells' digits. The narrative before it (``行政复议1件``) is not the table; a table
    printed with blank cells (fewer digits) is taken where its header ends in 总计. Its
    header may begin with any group's name or 行政诉讼 (a table printing 行政诉讼 first)."""
    labels = _TABLE4_ANCHORS
    anchor = _find_any(body, labels, start)
    chosen: _Table4Runs | None = None
    short: _Table4Runs | None = None
    while anchor is not None:
        title = _in_title(body, anchor[0])
        if title is not None:  # the part's title names 行政复议 and 行政诉讼 too
            anchor = _find_any(body, labels, title)
            continue
        found = _table4_runs(body, anchor[0])
        if found is not None:
            if len(found.run.replace(" ", "")) >= len(s.TABLE4_COLUMNS) * len(s.TABLE4_GROUPS):
                chosen = found
                break
            if short is None and (
                _TOTAL_BEFORE_RUN_RE.search(body, anchor[0], anchor[0] + 200)
                or _ends_in_columns(found.headings)
            ):
                short = found
        anchor = _find_any(body, labels, anchor[1])
    chosen = chosen or short
    if chosen is None:
        return
    run = chosen.run
    order = _table4_order(chosen.headings, flat)
    groups_order, columns_order = order or (TABLE4_GROUP_ORDER, TABLE4_COLUMN_ORDER)
    total = columns_order.index("total")
    if (
        chosen.groups is not None
        and None in chosen.groups
        and chosen.named == groups_order
        and not _MIXED_RE.search(run)
    ):
        _table4_by_group(chosen.groups, flat, order)
        return
    tokens: tuple[str, ...] | None = None
    if _MIXED_RE.search(run):
        found_tokens = _DOC_TOKEN_RE.findall(run)
        lone = "—" in found_tokens or flat.lone_dash
        tokens = _cell_tokens(found_tokens, lone, len(s.TABLE4_COLUMNS) * len(s.TABLE4_GROUPS))
        if tokens is None:
            return
        run = _zeros_for_blanks(tokens)
    decoded = d.decode_table4(run, blanks=flat.blank_cells, total=total)
    cells = decoded.cells
    if tokens is not None:
        cells = _placeholders_blank(cells, tokens)
    alternatives: list[list[int | None]] = [list(a) for a in decoded.alternatives]
    if order is not None:  # read in the order printed: each number to its group and column
        cells = tuple(table4_in_form_order(cells, *order))
        alternatives = [table4_in_form_order(a, *order) for a in alternatives]
    size = len(s.TABLE4_COLUMNS)
    groups = [cells[i : i + size] for i in range(0, len(cells), size)]
    flat.table4 = Table4(*(AppealCounts(*g) for g in groups))
    flat.confidence["table4"] = 1.0 if decoded.unique else 0.5
    if not decoded.unique:
        flat.note(
            "table4",
            _unsure_code(decoded),
            "warning",
            f"表四的数字串“{run}”：{decoded.reason}",
            alternatives=alternatives,
        )
    if decoded.reason == d.GROUPS_FROM_LEFT_REASON:
        _blank_groups_said(flat, groups)
    if order is not None:
        flat.note("table4", "TABLE4_REORDERED", "info", table4_reordered_message(*order))


def _blank_groups_said(flat: Flat, cells: Sequence[Sequence[int | None]]) -> None:
    """``CELL_BLANK`` for each group of table 四 (``cells``, in the form's order) left
    blank after a run read into the groups before it (``digit_runs.GROUPS_FROM_LEFT_REASON``)."""
    for group, values in zip(s.TABLE4_GROUPS, cells, strict=True):
        if all(v is None for v in values):
            flat.note(
                "table4",
                "CELL_BLANK",
                "info",
                f"表四“{_group_name(group)}”一组没有印数字，五格按空白读作 null",
                row=f"table4.{group.key}",
            )


def _group_name(group: s.Table4Group) -> str:
    """``行政复议``, ``行政诉讼（复议后起诉）``."""
    return group.label if group.parent is None else f"{group.parent}（{group.label}）"


def _in_title(body: str, at: int) -> int | None:
    """Where part 四's title ends when ``at`` is inside it (``行政复议、行政诉讼情况``), else
    ``None``: its header words are not the table's."""
    reach = 2 * _TABLE4_TITLE_LENGTH  # (a pause may stand between any two characters)
    m = _TABLE4_TITLE_RE.search(body, max(0, at - reach), at + reach)
    while m is not None and m.end() <= at:
        m = _TABLE4_TITLE_RE.search(body, m.end(), at + reach)
    return m.end() if m is not None and m.start() <= at else None


_TABLE4_TITLE_RE: Final = re.compile(
    "|".join(
        (
            *(
                _pattern(t).pattern.removesuffix(_LABEL_COLON)
                for t in sorted(
                    {s.SECTIONS[3].title, *s.SECTIONS[3].variants}, key=len, reverse=True
                )
                if "、" in t
            ),
            f"{s.SECTIONS[3].numeral}、[^\\d。；：:]{{0,40}}?(?:行政复议|行政诉讼)"
            "[^\\d。；：:]{0,20}?情况",
        )
    )
)
"""Part 四's title: as the form words it, or 四、 … 行政复议 or 行政诉讼 … 情况 (``四、因政府信息
公开工作被申请行政复议和提起行政诉讼情况``)."""
_TABLE4_TITLE_LENGTH: Final = max(len(v) for v in (s.SECTIONS[3].title, *s.SECTIONS[3].variants))


def _ends_in_columns(words: str) -> bool:
    """Whether header words end with a group's five column names, in whatever order (a
    table printing 总计 first ends its header in 尚未审结)."""
    found = table4_headings_in(words)
    return len(found) >= len(s.TABLE4_COLUMNS) and all(
        kind == "column" for kind, _ in found[-len(s.TABLE4_COLUMNS) :]
    )


_TABLE4_ANCHORS: Final = (
    *(v for g in s.TABLE4_GROUPS for v in g.variants),
    s.TABLE4_LITIGATION_HEADER,
)
"""What table 四's header may begin with: a group's name, or 行政诉讼."""


def _table4_order(headings: str, flat: Flat) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The order of table 四's groups and of their columns its header words print (read as
    ``tables`` reads a table's headings; contradictory ones said there); ``None`` for the
    national form's order."""
    if headings in _QUIET_ORDERS:  # (most reports print the same few header texts)
        return _QUIET_ORDERS[headings]
    notes = len(flat.diagnostics)
    found = table4_headings_in(headings)
    groups = table4_group_order(found, flat.note_table4)
    columns = table4_column_order(found, flat.note_table4)
    order = (
        None
        if groups is None and columns is None
        else (groups or TABLE4_GROUP_ORDER, columns or TABLE4_COLUMN_ORDER)
    )
    if len(flat.diagnostics) == notes and len(_QUIET_ORDERS) < 256:
        _QUIET_ORDERS[headings] = order
    return order


_QUIET_ORDERS: Final[dict[str, tuple[tuple[str, ...], tuple[str, ...]] | None]] = {}
"""``_table4_order`` of header texts read before that said nothing (no conflict to note)."""


def _table4_by_group(
    runs: Sequence[str | None],
    flat: Flat,
    order: tuple[tuple[str, ...], tuple[str, ...]] | None,
) -> None:
    """Table 四 printed a row per group, some group's row with no digit: that group's cells
    are blank (null), the others decoded group by group (``runs`` and each group's cells in
    the order ``order`` prints them, by default the national form's)."""
    groups_order, columns_order = order or (TABLE4_GROUP_ORDER, TABLE4_COLUMN_ORDER)
    total = columns_order.index("total")
    size = len(s.TABLE4_COLUMNS)
    printed: list[int | None] = []
    unsure = False
    for key, run in zip(groups_order, runs, strict=True):
        if run is None:
            printed.extend([None] * size)
            continue
        decoded = d.decode_groups(run, size, blanks=flat.blank_cells, total=total)
        printed.extend(decoded.cells)
        if not decoded.unique:
            unsure = True
            source = [columns_order.index(c) for c in TABLE4_COLUMN_ORDER]
            flat.note(
                "table4",
                _unsure_code(decoded),
                "warning",
                f"表四“{s.TABLE4_GROUP_BY_KEY[key].label}”的数字串“{run}”：{decoded.reason}",
                alternatives=[[a[i] for i in source] for a in decoded.alternatives],
            )
    cells = table4_in_form_order(printed, *order) if order is not None else printed
    flat.table4 = Table4(*(AppealCounts(*cells[i : i + size]) for i in range(0, len(cells), size)))
    flat.confidence["table4"] = 0.5 if unsure else 1.0
    if order is not None:
        flat.note("table4", "TABLE4_REORDERED", "info", table4_reordered_message(*order))


# ---------------------------------------------------------------------------- table 二


def _table2(body: str, flat: Flat) -> None:
    header = _table2_header(body, flat.trial)
    if header is None:
        return
    pos = header[1]
    values: dict[str, object] = {}
    unsure = 0
    runs: dict[str, str] = {}
    missing: list[str] = []
    empty: list[str] = []
    for key in (*s.TABLE2_DOCUMENT_ROWS, *s.TABLE2_COUNT_ROWS, s.TABLE2_FEES_ROW):
        labels = s.table2_row(key).variants
        found = _find_any(body, labels, pos) or _find_loose(
            body, labels, pos, min(len(body), pos + _LOOSE_SPAN)
        )
        if found is None:
            missing.append(key)
            continue
        unit = _UNIT_AFTER_LABEL_RE.match(body, found[1])
        if unit is not None:  # 行政事业性收费（万元）12.5: the run after the unit
            found = (found[0], unit.end())
        cut = _table2_separated(body, found[1], key)
        if cut is not None:
            values[key], pos = cut
            continue
        if key in s.TABLE2_DOCUMENT_ROWS:
            marked = _DOC_CELLS_RE.match(body, found[1])
            text = marked.group(0) if marked else ""
            if _MIXED_RE.search(text):  # numbers and placeholders: each its own cell
                cells = _with_placeholders(text)
                values[key] = DocumentCounts(*(cells or ()))
                pos = found[1] + len(text)
                if cells is None:
                    unsure += 1
                    flat.note(
                        "table2",
                        "UNDECODED_RUN",
                        "warning",
                        f"表二“{s.table2_row(key).label}”行的“{text.strip()}”：数字与空白占位符"
                        "（/、—）合起来不是三格，无法确定各格，留空",
                        alternatives=[],
                    )
                continue
        at = found[1]
        tail = _TABLE2_TAIL_RE.match(body, at)
        if tail is not None:  # 行政许可决定2861: the row's words go on before its run
            at = tail.end()
        run, pos = _run_after(body, at, None)
        if run:
            runs[key] = run
        elif body[at : at + 1] not in _PLACEHOLDERS:  # (a placeholder is a blank printed)
            empty.append(key)
    flat.blank_cells = flat.blank_cells or any(
        len(runs[key].replace(" ", "")) < len(s.TABLE2_BLOCKS[0].columns)
        for key in s.TABLE2_DOCUMENT_ROWS
        if key in runs
    )
    for key, run in runs.items():
        row = s.table2_row(key)
        if key in s.TABLE2_DOCUMENT_ROWS:
            decoded = d.decode_documents(run, blanks=flat.blank_cells)
            values[key] = DocumentCounts(*decoded.cells)
            if not decoded.unique:
                unsure += 1
                flat.note(
                    "table2",
                    _unsure_code(decoded),
                    "warning",
                    f"表二“{row.label}”行的数字串“{run}”：{decoded.reason}",
                    alternatives=[list(a) for a in decoded.alternatives],
                )
        elif key == s.TABLE2_FEES_ROW:
            values[key] = d.decode_amount(run)
        else:
            digits = run.replace(" ", "")
            values[key] = int(digits) if digits.isdigit() else None
    if not values:
        return
    for key in [] if flat.trial else missing:  # (the 2019 table 二 has other items)
        flat.note(
            "table2",
            "ROW_NOT_FOUND",
            "warning",
            f"表二中找不到“{s.table2_row(key).label}”这一行，该行留空",
            row=key,
        )
    for key in [] if flat.trial else empty:
        if key in values:
            continue
        flat.note(
            "table2",
            "CELL_BLANK",
            "info",
            f"表二“{s.table2_row(key).label}”这一行的标签后面没有印数字（空白格），按 null 读取",
            row=key,
        )
    flat.table2 = Table2(
        regulations=_docs(values.get("regulations")),
        normative_documents=_docs(values.get("normative_documents")),
        licensing=_int(values.get("licensing")),
        punishment=_int(values.get("punishment")),
        coercion=_int(values.get("coercion")),
        fees=values.get("fees") if isinstance(values.get("fees"), Decimal) else None,  # type: ignore[arg-type]
    )
    # each unsure document row halves it; with both unsure the table is still read (its
    # other rows are sure): at 0 it lost to a reading of no table at all
    flat.confidence["table2"] = 0.5**unsure


def _table2_separated(body: str, at: int, key: str) -> tuple[object, int] | None:
    """Table 二's row ``key`` when a separator parts its run into its cells (``规章|0|0|0``,
    ``规章：0、0、3``, ``行政许可|96``; ``_separated_run``): its value (a blank cell null)
    and where it ends."""
    if at >= len(body) or not (body[at] in _PIPES or body[at].isdigit()):
        return None
    documents = key in s.TABLE2_DOCUMENT_ROWS
    cut = _separated_run(body, at, len(s.TABLE2_DOCUMENT_COLUMNS) if documents else 1)
    if cut is None:
        return None
    cells = cut[0].split()
    if documents:
        return DocumentCounts(*(int(c) if c.isdigit() else None for c in cells)), cut[1]
    if key == s.TABLE2_FEES_ROW:
        return (None if cells[0] == _BLANK else d.decode_amount(cells[0])), cut[1]
    return (int(cells[0]) if cells[0].isdigit() else None), cut[1]


_TABLE2_TAIL_RE: Final = re.compile(
    r"(?:决定书|决定数量|决定|数量|件数|措施|事项|项目)[：:]?(?=\d)"
)
"""Words some reports print after a table 二 row's label, before its run (``行政许可决定``,
``行政强制措施``, ``行政处罚数量``): the row's own words, never another row's."""
_UNIT_AFTER_LABEL_RE: Final = re.compile(r"（(?:单位[：:])?(?:件|个|项|次|万元|元)）[：:]?")
"""A unit printed in brackets after a table 二 row's label, before its run."""


def _table2_header(body: str, trial: bool) -> tuple[int, int] | None:
    """Where table 二's header ends: at 现行有效件数 as printed; failing that (not in the 2019
    format, whose columns differ), at it with up to ``LOOSE_EXTRA`` characters typed in
    (``现行有效的件数``), or at another of the document rows' columns (本年制发件数,
    本年废止件数: ``现行有效数量``), as printed or so typed."""
    in_force = (s.T2_IN_FORCE.label,)
    found = _find_any(body, in_force, 0)
    if found is not None or trial:
        return found
    columns = tuple(c.label for c in s.TABLE2_DOCUMENT_COLUMNS)
    return (
        _find_loose(body, in_force, 0, len(body))
        or _find_any(body, columns, 0)
        or _find_loose(body, columns, 0, len(body))
    )


def _with_placeholders(text: str) -> tuple[int | None, ...] | None:
    """A 规章 / 行政规范性文件 row printed with a placeholder (``/``, ``—``) in some cells and
    numbers in others (``6/41``): each placeholder a blank cell, each number one cell,
    when that makes the row's three; ``None`` otherwise (``641/``: which two numbers?)."""
    tokens = _DOC_TOKEN_RE.findall(text)
    if len(tokens) != len(s.TABLE2_DOCUMENT_COLUMNS):
        return None
    if any(len(n) > 1 and n[0] == "0" for n in tokens if n.isdigit()):
        return None
    return tuple(int(tok) if tok.isdigit() else None for tok in tokens)


_TABLE2_CELLS: Final = sum(len(block.rows) * len(block.columns) for block in s.TABLE2_BLOCKS)


def _docs(value: object) -> DocumentCounts:
    return value if isinstance(value, DocumentCounts) else DocumentCounts()


def _int(value: object) -> int | None:
    return value if isinstance(value, int) else None


# ---------------------------------------------------------------------------- cells named

_NAMED_NUMBER: Final = (
    f"(\\d{{1,3}}(?:，\\d{{3}})+(?!\\d)|\\d+(?:\\.\\d+)?|[{_PLACEHOLDERS}]+)"
    "(?:件|个|项|次|人次|万元|元)?[，、；;。|｜]?"
)
"""A named cell's number (its thousands separated or not: ``1，206``, never read as 1), or
a placeholder (a blank cell), its unit, and what ends it (a pipe too:
``行政复议|结果维持|1|结果纠正|0|…``)."""


def _names_re(names: Sequence[str]) -> re.Pattern[str]:
    """One cell named by its column: one of ``names`` (the longest first), a colon or not,
    its number."""
    words = sorted({compact(n) for n in names}, key=len, reverse=True)
    return re.compile(f"({'|'.join(re.escape(w) for w in words)})[：:|｜]?{_NAMED_NUMBER}")


_TABLE3_NAMES: Final = {compact(v): c.key for c in s.TABLE3_COLUMNS for v in c.variants}
_TABLE3_NAMED_RE: Final = _names_re(list(_TABLE3_NAMES))
_TABLE4_NAMES: Final = {
    compact(v): c.key for c in s.TABLE4_COLUMNS for v in table4_column_variants(c)
}
_TABLE4_NAMED_RE: Final = _names_re(list(_TABLE4_NAMES))
_FEES_NAMES: Final = (
    "本年收费金额（单位：万元）",
    "本年收费金额（万元）",
    "本年收费金额",
    "收费金额",
)
_TABLE2_NAMES: Final = {
    **{compact(c.label): c.key for c in s.TABLE2_DOCUMENT_COLUMNS},
    # (a sentence's words: ``本年制发0件，本年废止0件，现行有效0件``)
    **{compact(c.label).removesuffix("件数"): c.key for c in s.TABLE2_DOCUMENT_COLUMNS},
    compact(s.T2_DECISIONS.label): s.T2_DECISIONS.key,
    "处理决定数量": s.T2_DECISIONS.key,
    **{compact(n): s.T2_FEES.key for n in _FEES_NAMES},
}
_TABLE2_NAMED_RE: Final = _names_re(list(_TABLE2_NAMES))
_GROUP_WORDS_RE: Final = re.compile(
    "复议后起诉|复议后|未经复议直接起诉|未经复议|直接起诉|行政复议|行政法复议"
)
_GROUP_OF_WORD: Final = {
    "复议后起诉": "litigation_after_reconsideration",
    "复议后": "litigation_after_reconsideration",
    "未经复议直接起诉": "litigation_direct",
    "未经复议": "litigation_direct",
    "直接起诉": "litigation_direct",
    "行政复议": "reconsideration",
    "行政法复议": "reconsideration",
}
"""What names a group of table 四 before its cells (the last such word before them)."""
_NAMED_TAIL: Final = 40
"""The most characters of a label's rest (after the variant found) before its first named
cell (``（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理…：自然人1``)."""
_NAMED_SPAN: Final = 600
"""How far after the row before a row's label is looked for (a missing row's label found
much later, in another table or the narrative, is not that row)."""
_NAMED_FIRST: Final = compact(s.TABLE3_COLUMNS[0].label)
_GROUP_HEADER: Final = s.TABLE3_ORGANISATION_HEADER
"""The header over table 三's five organisation columns, which a page naming each cell
may print among them (a phone page's card: 自然人, 6, 法人或其他组织, 商业企业, 4, …)."""
_TABLE2_ROWS: Final = (*s.TABLE2_DOCUMENT_ROWS, *s.TABLE2_COUNT_ROWS, s.TABLE2_FEES_ROW)


def _names_cells(body: str) -> bool:
    """Whether ``body`` names table 三's cells by their columns (``自然人31``, ``自然人：36``):
    the first column's name followed by a number, found without a pattern (the usual page
    prints 自然人 only in the header, before 法人或其他组织)."""
    at = body.find(_NAMED_FIRST)
    while at >= 0:
        after = at + len(_NAMED_FIRST)
        if body[after : after + 1] in ("：", ":"):
            after += 1
        if body[after : after + 1].isdigit():
            return True
        at = body.find(_NAMED_FIRST, after)
    return False


def _named_tables(body: str) -> Flat | None:
    """The tables of a text that names each cell by its column after its row's label
    (``一、本年新收政府信息公开申请数量：自然人31，商业企业6，…，总计39。``, a text version
    for screen readers): each number goes to the column it names, in whatever order; a
    column not named is a blank cell (null, never 0). ``None`` when table 三 is not so
    printed; tables 二 and 四 not so printed are left to the other readers (``None``)."""
    flat = Flat()
    start = _named_table3(body, flat)
    if start is None:
        return None
    _named_table2(body[:start], flat)
    _named_table4(body, flat.end, flat)
    return flat


def _named_cells(
    body: str, at: int, pattern: re.Pattern[str], names: dict[str, str], least: int
) -> tuple[dict[str, str], int] | None:
    """The cells named at ``at`` (after a colon, and the rest of a longer label: no digit,
    no full stop) as {column key: number as printed} and where they end; ``None`` for
    fewer than ``least``. A column named twice ends the row (the next row's cells)."""
    if body[at : at + 1] in ("：", ":"):
        at += 1
    first = pattern.search(body, at, at + _NAMED_TAIL + 40)
    if first is None or any(c.isdigit() or c in "。；" for c in body[at : first.start()]):
        return None
    if first.start() - at > _NAMED_TAIL:
        return None
    cells: dict[str, str] = {}
    pos = first.start()
    while (m := pattern.match(body, pos)) is not None:
        key = names[m.group(1)]
        if key in cells:
            break
        cells[key] = m.group(2)
        pos = m.end()
        if body.startswith(_GROUP_HEADER, pos):  # (a card's 法人或其他组织 over its columns)
            pos += len(_GROUP_HEADER)
    return (cells, pos) if len(cells) >= least else None


def _named_row(
    body: str,
    labels: tuple[str, ...],
    pos: int,
    stop: int,
    table: tuple[re.Pattern[str], dict[str, str], int],
) -> tuple[dict[str, str], int, int] | None:
    """A row's label at or after ``pos`` (starting before ``stop``) followed by its named
    cells: the cells, where the label starts and where the cells end."""
    pattern, names, least = table
    at = pos
    while (found := _find_any(body, labels, at, stop)) is not None:
        named = _named_cells(body, found[1], pattern, names, least)
        if named is not None:
            return named[0], found[0], named[1]
        at = found[1]
    return None


def _named_count(printed: str | None) -> int | None:
    if printed is not None and "，" in printed:
        printed = printed.replace("，", "")
    return int(printed) if printed is not None and printed.isdigit() else None


def _named_blanks(named: dict[str, str], columns: dict[str, str]) -> str:
    """The columns a row does not name (or names with a placeholder), by their names."""
    return "、".join(
        f"“{name}”"
        for key, name in columns.items()
        if key not in named or not named[key][0].isdigit()
    )


def _named_table3(body: str, flat: Flat) -> int | None:
    """Table 三 with its cells named (see ``_named_tables``) into ``flat``; where it begins,
    or ``None`` when fewer than ``MIN_ROWS`` of its rows are so printed."""
    table = (_TABLE3_NAMED_RE, _TABLE3_NAMES, 2)
    rows: dict[str, tuple[int | None, ...]] = {}
    blanks: dict[str, str] = {}
    start: int | None = None
    pos = 0
    columns = {c.key: c.label for c in s.TABLE3_COLUMNS}
    for row in s.TABLE3_ROWS:
        stop = len(body) if start is None else min(len(body), pos + _NAMED_SPAN)
        found = _named_row(body, _row_labels(row), pos, stop, table)
        if found is None:
            continue
        named, at, pos = found
        start = at if start is None else start
        rows[row.key] = tuple(_named_count(named.get(k)) for k in s.TABLE3_COLUMN_KEYS)
        blank = _named_blanks(named, columns)
        if blank:
            blanks[row.key] = blank
    if start is None or len(rows) < MIN_ROWS:
        return None
    flat.end = pos
    flat.table3 = Table3({k: rows.get(k, (None,) * s.TABLE3_WIDTH) for k in s.TABLE3_ROW_KEYS})
    flat.confidence["table3"] = len(rows) / len(s.TABLE3_ROW_KEYS)
    for key in s.TABLE3_ROW_KEYS:
        label = s.TABLE3_ROW_BY_KEY[key].full_label
        if key not in rows:
            flat.note(
                "table3",
                "ROW_NOT_FOUND",
                "warning",
                f"表三中找不到“{label}”这一行，该行留空",
                row=key,
            )
        elif key in blanks:
            flat.note(
                "table3",
                "CELL_BLANK",
                "info",
                f"表三“{label}”行没有印{blanks[key]}一格的数字，按空白读作 null",
                row=key,
            )
    return start


def _named_table2(body: str, flat: Flat) -> None:
    """Table 二 with its cells named (``规章：本年制发件数0，本年废止件数0，现行有效件数0``,
    ``行政许可：本年处理决定数量73``) into ``flat``, when any of its rows is so printed."""
    table = (_TABLE2_NAMED_RE, _TABLE2_NAMES, 1)
    values: dict[str, dict[str, str]] = {}
    pos = 0
    for key in _TABLE2_ROWS:
        found = _named_row(body, s.table2_row(key).variants, pos, len(body), table)
        if found is not None:
            values[key], _, pos = found
    if not values:
        return
    missing = [k for k in _TABLE2_ROWS if k not in values]
    for key in missing:
        flat.note(
            "table2",
            "ROW_NOT_FOUND",
            "warning",
            f"表二中找不到“{s.table2_row(key).label}”这一行，该行留空",
            row=key,
        )
    fees = values.get(s.TABLE2_FEES_ROW, {}).get(s.T2_FEES.key)
    flat.table2 = Table2(
        regulations=_named_documents(values.get("regulations")),
        normative_documents=_named_documents(values.get("normative_documents")),
        licensing=_named_count(values.get("licensing", {}).get(s.T2_DECISIONS.key)),
        punishment=_named_count(values.get("punishment", {}).get(s.T2_DECISIONS.key)),
        coercion=_named_count(values.get("coercion", {}).get(s.T2_DECISIONS.key)),
        fees=_named_amount(fees),
    )
    flat.confidence["table2"] = 0.5 ** len(missing)


_TABLE2_FIRST_NAMES: Final = (
    (compact(s.T2_MADE.label).removesuffix("件数"), "件数"),
    (compact(s.T2_DECISIONS.label), ""),
)
"""Words one of which names a cell of every table 二 naming its cells (``本年制发件数0``,
``本年制发0件``, ``本年处理决定数量37``), with what may follow them before the number."""


def _names_table2_cells(body: str) -> bool:
    """Whether ``body`` may name table 二's cells (``_TABLE2_FIRST_NAMES`` before a number),
    found without a pattern (most pages print the words only in the header)."""
    for word, rest in _TABLE2_FIRST_NAMES:
        at = body.find(word)
        while at >= 0:
            after = at + len(word)
            if rest and body.startswith(rest, after):
                after += len(rest)
            if body[after : after + 1] in ("：", ":", "|", "｜"):
                after += 1
            if body[after : after + 1].isdigit():
                return True
            at = body.find(word, after)
    return False


def _named_table2_whole(body: str, flat: Flat) -> bool:
    """Table 二 read with its cells named (``1.规章：本年制发件数0，本年废止件数0，…``) into
    ``flat`` when every row is so printed (a table 三 printed otherwise: a text version
    of each table, its own way); ``False`` (``flat`` untouched) when not."""
    if not _names_table2_cells(body):
        return False
    named = Flat()
    _named_table2(body, named)
    if named.table2 is None or named.diagnostics:
        return False
    flat.table2 = named.table2
    flat.confidence["table2"] = named.confidence["table2"]
    return True


def _named_documents(named: dict[str, str] | None) -> DocumentCounts:
    if named is None:
        return DocumentCounts()
    return DocumentCounts(*(_named_count(named.get(c.key)) for c in s.TABLE2_DOCUMENT_COLUMNS))


def _named_amount(printed: str | None) -> Decimal | None:
    if printed is None or not printed[0].isdigit():
        return None
    return Decimal(printed.replace("，", ""))


def _named_table4(body: str, start: int, flat: Flat) -> None:
    """Table 四 with its cells named (``行政复议：结果维持2，结果纠正0，…，总计4。``) into
    ``flat``: each group's cells after the words naming the group (the last of them
    before its cells: ``行政诉讼（复议后起诉）：``), when any group is so printed."""
    groups: dict[str, dict[str, str]] = {}
    pos = start
    while (m := _TABLE4_NAMED_RE.search(body, pos)) is not None:
        named = _named_cells(body, m.start(), _TABLE4_NAMED_RE, _TABLE4_NAMES, 2)
        if named is None or set(named[0]) <= {"total"}:
            pos = m.end()
            continue
        words = list(_GROUP_WORDS_RE.finditer(body, pos, m.start()))
        group = _GROUP_OF_WORD[words[-1].group(0)] if words else None
        if group is not None and group not in groups:
            groups[group] = named[0]
        pos = named[1]
    if not groups:
        return
    flat.table4 = Table4(
        *(
            AppealCounts(
                *(_named_count(groups.get(g.key, {}).get(k)) for k in s.TABLE4_COLUMN_KEYS)
            )
            for g in s.TABLE4_GROUPS
        )
    )
    for g in s.TABLE4_GROUPS:
        if g.key not in groups:
            flat.note(
                "table4",
                "ROW_NOT_FOUND",
                "warning",
                f"表四中找不到“{_group_name(g)}”一组，该组留空",
                row=g.key,
            )
    flat.confidence["table4"] = len(groups) / len(s.TABLE4_GROUPS)


_GROUP_NAME_END: Final = "）)：:"
"""What may stand between a group's name and its run (``行政诉讼（复议后起诉）：``)."""


def _separated_table4(body: str, start: int, flat: Flat) -> None:
    """Table 四 printed a row per group, its five cells parted by a separator after the
    words naming the group (``行政复议：1/0/0/0/1``, ``行政诉讼（复议后起诉）：0、0、0、0、0``;
    ``_separated_run``) into ``flat``: each group's cells in the order a note before the
    table prints (``依次为结果维持、…、总计``), by default the form's; a group not so printed
    null, said (``ROW_NOT_FOUND``)."""
    size = len(s.TABLE4_COLUMNS)
    groups: dict[str, list[str]] = {}
    first: int | None = None
    for m in _GROUP_WORDS_RE.finditer(body, start):
        at = m.end()
        while at < len(body) and body[at] in _GROUP_NAME_END:
            at += 1
        cut = _separated_run(body, at, size)
        group = _GROUP_OF_WORD[m.group(0)]
        if cut is None or group in groups:
            continue
        groups[group] = cut[0].split()
        first = m.start() if first is None else first
    if first is None:
        return
    columns = table4_column_order(table4_headings_in(_order_note(body, first)), flat.note_table4)
    printed = columns or TABLE4_COLUMN_ORDER
    flat.table4 = Table4(
        *(
            AppealCounts(
                *(_separated_cell(groups.get(g.key), printed.index(k)) for k in TABLE4_COLUMN_ORDER)
            )
            for g in s.TABLE4_GROUPS
        )
    )
    for g in s.TABLE4_GROUPS:
        if g.key not in groups:
            flat.note(
                "table4",
                "ROW_NOT_FOUND",
                "warning",
                f"表四中找不到“{_group_name(g)}”一组，该组留空",
                row=g.key,
            )
    flat.confidence["table4"] = len(groups) / len(s.TABLE4_GROUPS)
    if columns is not None:
        order = (TABLE4_GROUP_ORDER, columns)
        flat.note("table4", "TABLE4_REORDERED", "info", table4_reordered_message(*order))


def _separated_cell(cells: list[str] | None, at: int) -> int | None:
    """A group's cell as printed at ``at`` (``_separated_table4``): null when blank."""
    if cells is None or not cells[at].isdigit():
        return None
    return int(cells[at])


# ---------------------------------------------------------------------------- sections

_FURNITURE: Final = (
    "分享到",
    "打印本页",
    "关闭窗口",
    "【打印】",
    "【关闭】",
    "扫一扫在手机打开当前页",
)
_TABLE4_HEADS: Final = (*(g.label for g in s.TABLE4_GROUPS), s.TABLE4_LITIGATION_HEADER)
_TABLE_STARTS: Final = {
    "2": ("第二十条第（一）项", s.TABLE2_CONTENT_HEADER),
    "3": (*s.TABLE3_NOTE_VARIANTS, s.TABLE3_APPLICANT_HEADER),
    "4": tuple(
        f"{first}{word}"
        for first in _TABLE4_HEADS
        for word in (
            *_TABLE4_HEADS,
            s.TABLE4_COLUMNS[0].label,
            f"{s.TABLE4_COLUMNS[-1].label}{s.TABLE4_COLUMNS[0].label}",
        )
        if word != first
    ),
}
"""Where the table of sections 二–四 begins: the section's text ends there. Table 四's
header begins with a group's name or 行政诉讼 (printed first or not) followed by another
or by its first column (结果维持, or 总计 then 结果维持)."""


@lru_cache(maxsize=128)
def _spaced(label: str) -> re.Pattern[str]:
    """``label`` allowing whitespace between any two characters, brackets either width."""
    parts = []
    for ch in label:
        folded = ch.translate(_BRACKETS)
        if folded in "（）":
            parts.append("[（(]" if folded == "（" else "[）)]")
        else:
            parts.append(re.escape(ch))
    return re.compile(r"\s*".join(parts))


_LAST_TITLE_RE: Final = re.compile(
    rf"{s.SECTIONS[-1].numeral}\s*、\s*(?:[^\s\d。，；：:、]{{0,10}}?事项|其他(?:情况|说明)?)"
)
"""Section 六's title worded otherwise (``六、其他事项``, ``六、其他需报告的事项``): after the
sections before it, as ``sections`` finds it (by 其他 or 事项; no table row is ``六、``)."""

_TABLE_START_RES: Final = {
    key: re.compile("|".join(_spaced(m).pattern for m in markers))
    for key, markers in _TABLE_STARTS.items()
}
"""``_TABLE_STARTS``, each section's markers as one pattern: one search finds the earliest."""


def flat_sections(text: str) -> dict[str, str]:
    """The six sections of a report printed as one run of text (no line breaks between
    headings): each heading found in order, its text up to the next; sections 二–四 end
    where their table begins, since the table is read as a table."""
    found: list[tuple[str, int, int]] = []
    pos = 0
    # headings are looked for with 其它 read as 其他 (same length: the text is cut as printed)
    folded = text.replace("其它", "其他") if "它" in text else text
    for section in s.SECTIONS:
        m = _spaced(section.heading).search(folded, pos)
        if m is None:
            for variant in sorted(section.variants, key=len, reverse=True):
                m = _spaced(f"{section.numeral}、{variant}").search(folded, pos)
                if m is not None:
                    break
        if m is None and section is s.SECTIONS[-1] and found:
            m = _LAST_TITLE_RE.search(folded, pos)
        if m is None:
            continue
        found.append((section.key, m.start(), m.end()))
        pos = m.end()
    if 0 < len(found) < len(s.SECTIONS):
        found = _out_of_order(folded, found)
    out: dict[str, str] = {}
    for i, (key, _, end) in enumerate(found):
        stop = found[i + 1][1] if i + 1 < len(found) else len(text)
        body = text[end:stop]
        starts = _TABLE_START_RES.get(key)
        m = starts.search(body) if starts is not None else None
        if m is not None:  # (the earliest of the markers: two may overlap)
            body = body[: m.start()].rstrip(" \n（(")
        if i + 1 == len(found):
            body = _without_signature(_without_furniture(body))
        out[key] = " ".join(body.split())
    return {key: out[key] for key in s.SECTION_KEYS if key in out}  # (in the form's order)


def _out_of_order(text: str, found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """``found`` with the sections not found after the ones before them looked for by their
    whole heading anywhere (a page printing part 二 and its table after parts 三 and 四),
    in the order printed."""
    keys = {key for key, _, _ in found}
    more = list(found)
    for section in s.SECTIONS:
        if section.key in keys:
            continue
        m = _spaced(section.heading).search(text)
        if m is not None and not any(a < m.end() and m.start() < b for _, a, b in more):
            more.append((section.key, m.start(), m.end()))
    return sorted(more, key=lambda item: item[1])


_SIGNATURE_TAIL_RE: Final = re.compile(
    r"(?:^|(?<=[。；！？.;!?]))\s*(?:[\u3400-\u9fff（）()]{2,40}?"
    r"(?:局|委员会|委|办公室|办|人民政府|政府|管委会|管理委员会|中心|厅|院|署|处|所|站|队)\s*)*"
    r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$"
)
"""The signature a crawled page runs on after the last section's last sentence: organs'
names (each ending as an organ's does) and the date, nothing else (``截至2024年12月31日``
is no signature)."""


def _without_signature(text: str) -> str:
    """The last section's text without the signature and date it runs on into."""
    m = _SIGNATURE_TAIL_RE.search(text)
    return text[: m.start()] if m is not None and m.start() > 0 else text


def _without_furniture(text: str) -> str:
    cut = len(text)
    for word in _FURNITURE:
        at = text.find(word)
        if at >= 0:
            cut = min(cut, at)
    return text[:cut]
