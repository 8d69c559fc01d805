"""``recognize``: a normalised ``Document`` → ``AnnualReport``, with diagnostics.

It finds the organ and year (``meta``), the six section headings (``sections``) and the
three tables by their labels (``tables``), reads the 2019 trial format as such, and
never raises on a document it was given: whatever it cannot find becomes a diagnostic
and null cells; a document with no title, no heading and no table at all is not a
report and gets one ``NO_REPORT`` error instead. ``confidence`` per table is the share
of the table's cells read with certainty (a row whose blanks or whose missing label had
to be placed by position counts half).

Crawled text whose cells ran together is also read by ``flat_tables``; per table the surer
of the two readings is kept, with its own notes only, and of two readings that differ, one
that read the order the table's header prints is kept over one that did not.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Sequence
from dataclasses import fields, is_dataclass
from decimal import Decimal
from itertools import chain, pairwise
from operator import attrgetter
from typing import Any, Final, TypeVar

from .. import schema as s
from ..model import AnnualReport, AppealCounts, DocumentCounts, Table2, Table3, Table4
from .cells import (
    NOTE_APPROXIMATE,
    NOTE_DASH_AS_YI,
    NOTE_LETTER_L,
    NOTE_LETTER_O,
    NOTED_CELLS,
    Kind,
    as_counts,
    as_table2_value,
    noted_overflow,
    read_value,
)
from .document import Document
from .flat_tables import Flat, flat_sections, read_flat
from .frames import may_hold_frames, pandas_frames
from .labels import LabelSet, table2_labels, table3_labels, table4_labels
from .meta import Meta, joint_message, other_spelling, read_meta
from .notes import Notes
from .placeholders import placeholders_as_zero
from .rows import Row, split_rows
from .sections import (
    find_headings,
    section_texts,
    table_line,
    title_key,
    without_title_number,
)
from .split_columns import join_split_columns
from .table4_layouts import table4_other_layouts
from .tables import (
    LAST_YEAR_CODE,
    Reading,
    read_table2,
    read_table3,
    read_table4,
    table4_header_words,
)

__all__ = ["recognize"]

T = TypeVar("T")


def recognize(document: Document) -> AnnualReport:
    """Recognise one document. See the module docstring."""
    notes = Notes(document.source)
    rows, frame_lines = split_rows(document)
    if may_hold_frames(document, frame_lines):
        rows = pandas_frames(rows, notes)
    no_headings: dict[str, int] = {}
    headings = _safe(notes, "章节标题", lambda: find_headings(rows), no_headings)
    no_meta = Meta(None, None, None, None, ())
    meta = _safe(notes, "元数据", lambda: read_meta(rows, headings, document.furniture), no_meta)
    spans = list(table_ranges(rows, headings))
    table_notes = [notes.child() for _ in range(3)]
    readings_found = [
        _read_one(rows, k, spans[k], table_notes[k], meta.year) for k in range(len(spans))
    ]
    for k, name in enumerate(_TABLE_NAMES):
        if "ROW_DUPLICATE" in _codes(table_notes[k].items):  # (a second organ's copy?)
            again = notes.child()
            cut = _first_organs_part(rows, spans[k], name, again)
            if cut != spans[k]:
                spans[k], table_notes[k] = cut, again
                readings_found[k] = _read_one(rows, k, cut, again, meta.year)
    if headings and any(map(_unsure, readings_found)):
        _tables_elsewhere(rows, headings, readings_found, table_notes)
    t2, t3, t4 = readings_found
    for table in table_notes:
        notes.adopt(table)
    flat = _flat(document, rows, (t2, t3, t4))
    readings = (("表二", t2), ("表三", t3), ("表四", t4))
    _safe(notes, "单元格注记", lambda: _noted_cells(rows, readings, notes), None)
    is_report = (
        meta.title is not None
        or bool(headings)
        or any(r.found for _, r in readings)
        or (flat is not None and flat.table3 is not None)
    )
    if not is_report:
        if not _unreadable(document):
            notes.add("NO_REPORT", "error", _no_report_message(readings))
    else:
        for (name, reading), key in zip(readings, ("table2", "table3", "table4"), strict=True):
            flat_found = flat is not None and (getattr(flat, key) is not None or flat.trial)
            if not reading.found and not flat_found:
                notes.add("TABLE_NOT_FOUND", "warning", f"找不到{name}，整张表留空")
    trial = flat is not None and flat.table3 is not None and flat.trial and not t3.found
    report_format = _format(t2, t3, meta.year, notes, trial=trial)
    excluded = _table_rows(t2, t3, t4)
    excluded.update(_table_titles(rows, headings, (t2, t3, t4), excluded), meta.title_rows)
    sections = section_texts(rows, headings, excluded)
    if flat is not None and flat.table3 is not None and len(headings) < len(s.SECTIONS):
        sections = flat_sections("\n".join(row.text for row in rows)) or sections
    _safe(notes, "表三占位符", lambda: placeholders_as_zero(t3, sections, notes), None)
    if is_report:
        found = set(headings) | {k for k, v in sections.items() if flat is not None}
        _diagnose_meta(meta, found, notes)
        if meta.signers:
            notes.add("ORGAN_JOINT", "info", joint_message(meta), signers=list(meta.signers))
        spelled = other_spelling(meta.organ, rows)
        if spelled:
            notes.add(
                "ORGAN_SPELLING",
                "warning",
                f"机关名称读作“{meta.organ}”，而落款、发布机构或正文中写作“{spelled}”，有字不同；"
                "其中一处可能是识别或录入错误，请核对",
                spelling=spelled,
            )
    table2 = Table2() if t2.trial else _table2(t2)
    table3, table4 = _table3(t3), _table4(t4)
    confidence = {
        "table2": 0.0 if t2.trial else t2.confidence,
        "table3": t3.confidence,
        "table4": t4.confidence,
    }
    if flat is not None:
        ours: dict[str, object] = {"table3": table3, "table4": table4}
        if not t2.trial:
            ours["table2"] = table2
        replaced = {
            key
            for key, reading, said in zip(_TABLES, (t2, t3, t4), table_notes, strict=True)
            if getattr(flat, key) is not None
            and _flat_supplies(key, reading, ours.get(key), flat, _codes(said.items))
        }
        ruled = {
            id(item): key
            for key, said in zip(_TABLES, table_notes, strict=True)
            if key in replaced
            for item in said.items
        }
        for key in replaced:
            confidence[key] = flat.confidence.get(key, 0.0)
        table2 = flat.table2 if "table2" in replaced and flat.table2 else table2
        table3 = flat.table3 if "table3" in replaced and flat.table3 else table3
        table4 = flat.table4 if "table4" in replaced and flat.table4 else table4
        notes.items = [
            i
            for i in notes.items
            if (owner := ruled.get(id(i), _row_table(i))) not in replaced
            or _doubt_stands(i, owner, flat)
        ]
        for item in flat.diagnostics:
            if _flat_table(item) not in replaced:
                continue  # (a note on a table the flat reading does not supply)
            extra: dict[str, Any] = {k: v for k, v in item.items() if k not in _FLAT_OWN_KEYS}
            notes.add(str(item["code"]), str(item["severity"]), str(item["message"]), **extra)
    return AnnualReport(
        organ=meta.organ,
        year=meta.year,
        table2=table2,
        table3=table3,
        table4=table4,
        sections=sections,
        source=document.source,
        diagnostics=tuple([*document.diagnostics, *notes.items]),
        format=report_format,
        confidence=confidence,
        title=meta.title,
        published=meta.published,
    )


_TABLES = ("table2", "table3", "table4")
_FLAT_OWN_KEYS = frozenset(("code", "severity", "message", "table"))
"""Keys of a flat reader's note that are not extra keys of the diagnostic: ``table`` says
which table the note is about, and is no key of ``annual-report/1``'s diagnostics."""
_ORDER_CODES = {
    "table3": frozenset({"COLUMNS_REORDERED", "TABLE3_TRANSPOSED"}),
    "table4": frozenset({"TABLE4_REORDERED", "TABLE4_ONE_CELL_A_ROW"}),
}
"""The notes a reader gives when it read a table in the order its header (or each row's
label) prints."""


def _codes(items: Sequence[dict[str, Any]]) -> set[str]:
    return {str(item["code"]) for item in items}


def _flat_table(item: dict[str, object]) -> str | None:
    """The table a note of the flat reading is about (``Flat.note``)."""
    table = item.get("table")
    return table if isinstance(table, str) else None


def _row_table(item: dict[str, Any]) -> str:
    """The table a note's ``row`` names (``table3`` of ``table3.granted``), or ``""``."""
    return str(item.get("row", "")).split(".")[0]


def _doubt_stands(item: dict[str, Any], table: str, flat: Flat) -> bool:
    """Whether a note of the reading the flat one replaced on ``table`` still holds: a
    warning on a row the flat reading leaves wholly null too (``ROW_NOT_FOUND`` of a row
    whose label is printed otherwise), unless the flat reading says why (a cell printed blank)
    or reads the 2019 format, which has no such row. Without it, the null is silent."""
    row = str(item.get("row", ""))
    if item.get("severity") == "info" or not row.startswith(table + "."):
        return False
    key = row.removeprefix(table + ".")
    if flat.trial and key in s.TABLE3_2019_ONLY_2021_ROWS:
        return False  # (a row the 2019 format does not have: null as it should be)
    cells = _row_cells(getattr(flat, table), key)
    if cells is None or any(c is not None for c in cells):
        return False
    return not any(said.get("row") == row for said in flat.diagnostics)


def _row_cells(table: object, key: str) -> tuple[object, ...] | None:
    """The cells of row ``key`` of a model table (``None`` when it has no such row)."""
    if isinstance(table, Table3):
        return table.rows.get(key)
    value = getattr(table, key, _NO_ROW) if table is not None and "." not in key else _NO_ROW
    if value is _NO_ROW:
        return None
    return _cells(value)


_NO_ROW = object()


def _cells(value: object) -> tuple[object, ...]:
    """Every cell of a model table or row, in its fields' order (a number or ``None``)."""
    if isinstance(value, Table3):
        return tuple(chain.from_iterable(value.rows[k] for k in s.TABLE3_ROW_KEYS))
    if is_dataclass(value):
        return tuple(chain.from_iterable(_cells(getattr(value, f.name)) for f in fields(value)))
    return (value,)


def _reads_less(flat: object, ours: object) -> bool:
    """Whether the reading ``flat`` only leaves out cells of the reading ``ours``: every
    number it read, ``ours`` read in the same cell, and ``ours`` read some it did not."""
    if flat is None or ours is None or flat == ours:
        return False
    pairs = list(zip(_cells(flat), _cells(ours), strict=True))
    return all(f is None or f == o for f, o in pairs) and any(
        f is None and o is not None for f, o in pairs
    )


def _flat_supplies(
    key: str, reading: Reading, ours: object, flat: Flat, said: Collection[str]
) -> bool:
    """Whether the flat reading of table ``key`` is kept over ``reading`` (the ruled-table
    reader's, giving ``ours``, with the codes of its notes ``said``): when there is none,
    or it is surer. One that only leaves out cells ``ours`` read is not kept, however sure
    it says it is. Where the two differ and only one read the order the table's header
    prints (``_ORDER_CODES``), that one is kept, however sure the other: a table 四 printed
    行政诉讼 first, read in the national order, has each number in the wrong group, and
    a tie must not go to the reading that did not look at the header."""
    if not reading.found:
        return True
    if _reads_less(getattr(flat, key), ours):
        return False
    order = _ORDER_CODES.get(key)
    if order is not None:
        flat_said = any(
            item["code"] in order and _flat_table(item) == key for item in flat.diagnostics
        )
        if flat_said != (not order.isdisjoint(said)) and getattr(flat, key) != ours:
            return flat_said
    return reading.confidence < flat.confidence.get(key, 0.0)


_NOTED_HINT_RE = re.compile("[OolI约近一]")
"""What every cell read with a ``note`` (``cells.read_value``) holds."""
_CELLS = attrgetter("cells")


def _noted_cells(
    rows: Sequence[Row], readings: Sequence[tuple[str, Reading]], notes: Notes
) -> None:
    """Say which cells of the tables were read as something else than printed: the
    letter O as the digit 0 and l or I as 1 (OCR), a lone 一 as a dash, an approximate
    figure (``约12000``)."""
    if not NOTED_CELLS:
        return  # no cell read so far (in this process) had a note: the usual case
    overflow = noted_overflow()
    for name, reading in readings:
        if reading.first_row is None or reading.last_row is None:
            continue
        span = rows[reading.first_row : reading.last_row + 1]
        if not overflow and NOTED_CELLS.isdisjoint(chain.from_iterable(map(_CELLS, span))):
            continue  # the usual table: nothing to say, found in C
        for row in span:
            noted = [c for c in row.cells if c and _NOTED_HINT_RE.search(c)]
            if not noted:
                continue
            values = [(c, read_value(c)) for c in noted]
            letters = [c for c, v in values if v.note == NOTE_LETTER_O]
            ones = [c for c, v in values if v.note == NOTE_LETTER_L]
            dashes = [c for c, v in values if v.note == NOTE_DASH_AS_YI]
            approximate = [c for c, v in values if v.note == NOTE_APPROXIMATE]
            if letters:
                notes.add(
                    "LETTER_O_AS_ZERO",
                    "warning",
                    f"{name}有{len(letters)}个单元格（{_quoted(letters)}）中的字母 O 按数字 0 读取"
                    "（文字识别常把 0 认作 O），请核对原件",
                    row,
                    cells=letters,
                )
            if ones:
                notes.add(
                    "LETTER_L_AS_ONE",
                    "warning",
                    f"{name}有{len(ones)}个单元格（{_quoted(ones)}）中的字母 l 或 I 按数字 1 读取"
                    "（文字识别常把 1 认作 l 或 I），请核对原件",
                    row,
                    cells=ones,
                )
            if dashes:
                notes.add(
                    "YI_AS_DASH",
                    "warning",
                    f"{name}有{len(dashes)}个数字单元格只印“一”，按短横（空白）读取为 null，"
                    "不读作 1（文字识别常把“—”认作“一”）；如原件为 1，请核对",
                    row,
                    cells=dashes,
                )
            if approximate:
                notes.add(
                    "APPROXIMATE_NUMBER",
                    "info",
                    f"{name}的{_quoted(approximate)}是约数，按所印数字读取",
                    row,
                    cells=approximate,
                )


def _quoted(cells: Sequence[str]) -> str:
    return "".join(f"“{c}”" for c in cells)


def _flat(document: Document, rows: Sequence[Row], readings: Sequence[Reading]) -> Flat | None:
    """Tables whose cell boundaries were lost (``flat_tables``), tried when table 三 was
    not read whole the usual way (a crawled table 三 with a row per line, only some rows
    spaced, reads in part) and the text holds digits right after a label; the caller
    keeps whichever reading is surer. A table 三 with every row read, some cells unsure,
    is left as it is: the flat reading finds rows, it does not settle cells. Tried too
    when table 二 or 四 was not read whole: a text whose table 三 has a row per line may
    print either of them on one line (its header words, then its numbers), or several of
    table 二's rows on a line."""
    table2, table3, table4 = readings
    if (
        table3.found
        and (
            table3.confidence >= 1.0
            or (not table3.trial and all(key in table3.cells for key in s.TABLE3_ROW_KEYS))
        )
        and _whole(table2)
        and _whole(table4)
    ):
        return None
    text = "\n".join(row.text for row in rows)
    if not _GLUED_RE.search(text):
        return None
    return read_flat(text)


def _whole(reading: Reading) -> bool:
    return reading.found and reading.confidence >= 1.0


_GLUED_RE = re.compile(r"(?:数量|予以公开|总计)[：:|｜]?\s*[\d〇]")


_APPENDIX_RE = re.compile(r"^附(?:表|件)\s*[0-9一二三四五六]*\s*[:：]?$")
_TABLE4_FIRST_WORD = s.normalize_label(s.TABLE4_GROUPS[0].label)
"""Table 四's first header word (行政复议), a title when alone on its line."""
_SECTION_TITLES = frozenset(s.normalize_label(sec.title) for sec in s.SECTIONS) | {
    _TABLE4_FIRST_WORD
}

_LONGEST_TITLE = 2 * max(len(t) for t in _SECTION_TITLES) + 10
"""Longer lines are never a title alone (numbering, spaces and brackets included)."""
_TITLE_ENDS = frozenset(
    "".join(t[-1] for t in _SECTION_TITLES) + "表件:：0123456789０１２３４５６７８９一二三四五六"
)
"""The last character of a title alone on its line (``_APPENDIX_RE`` included): most
lines end otherwise, and are not looked at further."""


def _table_titles(
    rows: Sequence[Row],
    headings: dict[str, int],
    readings: Sequence[Reading],
    table_rows: Collection[int],
) -> set[int]:
    """The rows that only title a table, left out of the sections' text: an appendix's
    title (``附表：``, ``附表二``), and a part's title printed again right above its table
    (``二、收到和处理政府信息公开申请情况`` over table 三 in an appendix). The same words
    over a paragraph are the narrative's own sub-heading (``（二）收到和处理政府信息公开申请
    情况`` in part 一, followed by what the organ did), and are kept. Only the sections'
    rows between the tables (``readings``, on ``table_rows``) are looked at."""
    titles: set[int] = set()
    marks = set(headings.values())
    for start, stop in _between(min(marks, default=len(rows)), len(rows), readings):
        for row in rows[start:stop]:
            text = row.text.rstrip()
            if not text or text[-1] not in _TITLE_ENDS or row.index in table_rows:
                continue  # (most rows: a sentence, a table's)
            kind = None if row.index in marks else _title_kind(text)
            if kind is _APPENDIX or (kind is _TITLE and _above_table(rows, row.index, table_rows)):
                titles.add(row.index)
    return titles


def _between(start: int, stop: int, readings: Sequence[Reading]) -> list[tuple[int, int]]:
    """The spans of ``[start, stop)`` outside the rows the tables were read from."""
    spans = sorted(
        (r.first_row, r.last_row)
        for r in readings
        if r.first_row is not None and r.last_row is not None
    )
    out = []
    for first, last in spans:
        if first > start:
            out.append((start, min(first, stop)))
        start = max(start, last + 1)
    if start < stop:
        out.append((start, stop))
    return out


_APPENDIX = "appendix"
_TITLE = "title"
_LOOK_AHEAD = 4
"""Rows looked at below a title for its table: blank rows and other titles between
(``附表二`` over ``三、收到和处理政府信息公开申请情况`` over the table)."""


def _title_kind(text: str) -> str | None:
    """``_APPENDIX`` for an appendix's title alone on its line, ``_TITLE`` for a part's
    title (numbered or not, ``sections.title_key``) or table 四's first header word alone
    (numbered or not), else ``None``."""
    stripped = text.strip()
    if len(stripped) > _LONGEST_TITLE or stripped[-1:] not in _TITLE_ENDS:
        return None
    if _APPENDIX_RE.match(stripped):
        return _APPENDIX
    folded = s.normalize_label(stripped)
    if title_key(folded) is not None or without_title_number(folded) == _TABLE4_FIRST_WORD:
        return _TITLE
    return None


def _above_table(rows: Sequence[Row], index: int, table_rows: Collection[int]) -> bool:
    """Whether the first rows below ``index`` that are neither blank nor a title are a
    table's: rows a table was read from, or a line of a table's own words and no
    sentence (a crawled table read from its text)."""
    for row in rows[index + 1 : index + 1 + _LOOK_AHEAD]:
        if row.index in table_rows:
            return True
        if not row.filled or _title_kind(row.text) is not None:
            continue
        return table_line(row.text)
    return False


def _safe(notes: Notes, what: str, step: Callable[[], T], fallback: T) -> T:
    """Run one step; a bug in it becomes an error diagnostic, not a lost batch. Running out
    of memory is not a bug of the step: it goes up to the batch (``MEMORY_LIMIT``)."""
    try:
        return step()
    except MemoryError:
        raise
    except Exception as exc:
        notes.add("INTERNAL_ERROR", "error", f"识别{what}时出错（{type(exc).__name__}: {exc}）")
        return fallback


def _unreadable(document: Document) -> bool:
    """Whether the reader already said why nothing could be read (a scan with no text
    layer, ``PDF_NO_TEXT``): ``NO_REPORT`` would only repeat it, and wrongly suggest the
    file is not a report."""
    return any(item.get("severity") == "error" for item in document.diagnostics)


def _no_report_message(readings: Sequence[tuple[str, Reading]]) -> str:
    """No title, no section heading and no table: the document is not a report (a news
    page, a list of links …); one error instead of a warning for everything missing."""
    first = s.SECTIONS[0]
    tables = "、".join(name for name, _ in readings)
    return (
        "没有找到政府信息公开工作年度报告（既没有年报标题，"
        f"也没有“{first.heading}”等{s.SECTIONS[-1].numeral}个部分的标题，也没有{tables}）"
    )


def _tables_elsewhere(
    rows: Sequence[Row],
    headings: dict[str, int],
    readings: list[Reading],
    table_notes: list[Notes],
) -> None:
    """Each table not found under its own heading (no cell, or only a few: a line of the
    narrative shaped like a row), looked for by its labels in the rest of the document
    (``_other_places``), replacing its reading in ``readings`` (and its notes in
    ``table_notes``) with a surer one. A table is taken only where most of its cells are
    read from rows (a line of the narrative, ``行政许可 805件``, is no table), and never from
    rows another table was read from. In each place only the tables still missing are
    read, the others only when one is found there (``_read_spans``, ``_narrowed``)."""
    for start, end in _other_places(headings, len(rows)):
        again = _Reread(rows[:end], start, table_notes)
        for i in range(len(readings)):
            if not _unsure(readings[i]):
                continue
            reading = again.reading(i)
            if (
                reading.confidence >= MIN_ELSEWHERE
                and reading.confidence > readings[i].confidence
                and not _overlaps(reading, _read_spans(readings, again, i))
            ):
                readings[i], table_notes[i] = reading, again.notes[i]
                _narrowed(readings, table_notes, again, i)
        if not any(map(_unsure, readings)):
            return


class _Reread:
    """The three tables found by their labels in ``rows[start:]``, without headings,
    each read the first time it is asked for, with its own notes (children of the notes
    of the table's reading they may replace, ``table_notes``)."""

    __slots__ = ("notes", "ranges", "readings", "rows")

    def __init__(self, rows: Sequence[Row], start: int, table_notes: Sequence[Notes]) -> None:
        self.rows = rows
        self.ranges = table_ranges(rows, {}, start=start)
        self.readings: list[Reading | None] = [None, None, None]
        self.notes = [said.child() for said in table_notes]

    def reading(self, i: int) -> Reading:
        found = self.readings[i]
        if found is None:
            found = self.readings[i] = _read_one(self.rows, i, self.ranges[i], self.notes[i])
        return found


def _read_one(
    rows: Sequence[Row], i: int, span: tuple[int, int], notes: Notes, year: int | None = None
) -> Reading:
    """Table 二, 三 or 四 (by its index ``i``) read from ``rows[span]`` (table 三 with the
    report's ``year`` when known)."""
    if i == 0:
        return _safe(notes, "表二", lambda: read_table2(rows[slice(*span)], notes), Reading())
    if i == 1:
        return _safe(
            notes, "表三", lambda: _read_table3(rows[slice(*span)], notes, year), Reading()
        )
    return _safe(notes, "表四", lambda: _read_table4(rows, span, notes), Reading())


def _narrowed(
    readings: list[Reading], table_notes: list[Notes], again: _Reread, found: int
) -> None:
    """The tables read again beside the one ``found`` there that gave the same cells on
    fewer rows (a table read under its own heading on into the table found, whose rows
    it had read as its own: ``ROW_DUPLICATE`` for the other's 总计) take that reading,
    with its notes."""
    for j, reading in enumerate(readings):
        if j != found and reading.cells and _same_on_fewer_rows(reading, again.reading(j)):
            readings[j], table_notes[j] = again.reading(j), again.notes[j]


def _same_on_fewer_rows(reading: Reading, other: Reading) -> bool:
    """Whether ``other``, the same table read again elsewhere, gave ``reading``'s cells
    on fewer rows: a table read under its own heading with the next table under it too
    (their headings printed together, the next table's left out) reaches over the next
    table's rows; read again ended where the next table's labels begin, it keeps its
    cells and leaves those rows, and its rows are the ones ``other`` lies on."""
    return (
        bool(reading.cells)
        and other.cells == reading.cells
        and (_rows_of(other) < _rows_of(reading))
    )


def _rows_of(reading: Reading) -> int:
    if reading.first_row is None or reading.last_row is None:
        return 0
    return reading.last_row - reading.first_row + 1


def _unsure(reading: Reading) -> bool:
    """Whether a table read under its own heading is looked for elsewhere: no cell was
    read, or too few to be the table (the 2019 trial format's table 二 is read as such)."""
    return not reading.cells or (reading.confidence < MIN_ELSEWHERE and not reading.trial)


MIN_ELSEWHERE = 0.5
"""The least confidence of a table read outside its own section: a few lines of the
narrative shaped like rows read as a table would be a handful of cells out of dozens."""


def _other_places(headings: dict[str, int], size: int) -> list[tuple[int, int]]:
    """Where a table missing from its own section may be, as row spans, the likeliest
    first: after the last heading (the tables as an appendix, often numbered 一、二、三
    again), before the first, then inside each section in turn (a report whose first
    part holds the data under sub-headings of its own: ``第一部分 总体情况`` with
    ``一、主动公开政府信息情况`` and its table)."""
    marks = sorted(set(headings.values()))
    inside = [(a + 1, b) for a, b in pairwise(marks) if b > a + 1]
    return [(marks[-1] + 1, size), (0, marks[0]), *inside]


def _read_spans(
    readings: Sequence[Reading], again: _Reread, looked_for: int
) -> list[tuple[int, int]]:
    """The rows each table already read lies on, but the one ``looked_for`` (by its index
    in ``readings``): the rows of its reading again here when that is the same table on
    fewer rows (``_same_on_fewer_rows``)."""
    spans = []
    for i, reading in enumerate(readings):
        if i == looked_for or not reading.cells:
            continue
        other = again.reading(i)
        narrower = other if _same_on_fewer_rows(reading, other) else reading
        if narrower.first_row is not None and narrower.last_row is not None:
            spans.append((narrower.first_row, narrower.last_row))
    return spans


def _overlaps(reading: Reading, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether ``reading`` lies on rows of one of ``spans``."""
    first, last = reading.first_row, reading.last_row
    if first is None or last is None:
        return False
    return any(first <= other_last and other_first <= last for other_first, other_last in spans)


def _read_table4(rows: Sequence[Row], span: tuple[int, int], notes: Notes) -> Reading:
    """Table 四 in ``rows[span]``, with the header words printed after the part's title on
    the line before it (``四、政府信息公开行政复议、行政诉讼情况 行政诉讼``): a table printing
    行政诉讼 first may begin its header on the title's line, and without that word its
    groups would be read in the national order."""
    start, end = span
    lead: list[tuple[str, str]] = []
    if 0 < start <= len(rows) and start < end:
        text = rows[start - 1].text
        after = max((text.rfind(t) + len(t) for t in _TABLE4_TITLES if t in text), default=-1)
        if after >= 0 and len(text) - after <= _LONGEST_LEAD:
            lead = table4_header_words(text[after:])
    if start >= end:
        return read_table4(rows[start:end], notes, lead)
    usual = notes.child()
    table = rows[start:end]
    reading = read_table4(table, usual, lead)
    reading, usual = table4_other_layouts(table, reading, usual, notes, lead)
    notes.adopt(usual)
    return reading


_TABLE4_TITLES = tuple(sorted({s.SECTIONS[3].title, *s.SECTIONS[3].variants}, key=len))
_LONGEST_LEAD = 200
"""More text after the title is not a header's words."""


def _read_table3(rows: Sequence[Row], notes: Notes, year: int | None = None) -> Reading:
    """Table 三, its columns joined first when it is printed as two tables; last year's
    table printed after it for comparison left out (``_this_years_table3``)."""
    if year is not None:
        reading = _this_years_table3(rows, notes, year)
        if reading is not None:
            return reading
    return _read_one_table3(rows, notes)


def _read_one_table3(rows: Sequence[Row], notes: Notes) -> Reading:
    """Table 三, its columns joined first when it is printed as two tables."""
    joined, last = join_split_columns(rows)
    reading = read_table3(joined, notes)
    if last is not None and reading.found:
        reading.touch(last)
    return reading


_YEAR_NAMED_RE = re.compile(r"((?:19|20)\d\d)\s*年")
_LAST_YEAR_RE = re.compile(
    r"上一?年度?[^。；，,：:]{0,20}?(?:对照|对比)|(?:对照|对比)[^。；，,：:]{0,8}?上一?年度"
)
"""上年度 and 对照/对比 in one clause (``上年度申请情况如下表供对照``); ``与上年相比，……，供对照``
is two."""


def _names_earlier_year(text: str, year: int) -> bool:
    """A line introducing another year's figures: it names a year before the report's
    (``2022年度……如下表，供对照``) or compares with 上年度."""
    if any(int(m.group(1)) < year for m in _YEAR_NAMED_RE.finditer(text)):
        return True
    return _LAST_YEAR_RE.search(text) is not None


_TABLE3_FIRST_WORDS = "新收"
"""What table 三's first row (一、本年新收……, every variant) prints: two tables need it twice."""


def _complete_table3(reading: Reading) -> bool:
    return (
        reading.found and not reading.trial and all(k in reading.cells for k in s.TABLE3_ROW_KEYS)
    )


def _this_years_table3(rows: Sequence[Row], notes: Notes, year: int) -> Reading | None:
    """A complete table 三, then a line naming an earlier year, then another complete
    table 三: the second is last year's, printed for comparison. This year's is read and
    the other left out with one note (not a ``ROW_DUPLICATE`` on each of its rows);
    ``None`` when the region holds no such pair."""
    starts = [k for k, row in enumerate(rows) if _TABLE3_FIRST_WORDS in row.text]
    if len(starts) < 2:  # (the usual report: one table, not read again)
        return None
    for k, row in enumerate(rows):
        if not starts[0] < k < starts[-1] or not _names_earlier_year(row.text, year):
            continue
        ours, theirs = notes.child(), notes.child()
        reading = _read_one_table3(rows[:k], ours)
        if not _complete_table3(reading):
            continue
        later = _read_one_table3(rows[k + 1 :], theirs)
        if not _complete_table3(later) or later.last_row is None:
            continue
        notes.adopt(ours)
        notes.add(
            LAST_YEAR_CODE,
            "info",
            "表三之后印有此行所称往年的表三（供对照），只读取本年度的表三，往年的未读取",
            row,
        )
        if reading.last_row is None or later.last_row > reading.last_row:
            reading.last_row = later.last_row  # its rows are the table's, not section text
        return reading
    return None


# ----------------------------------------------------------------------------- regions


_ORGAN_SUBHEADING_RE: Final = re.compile(
    r"\(([一二三四五])\)(\S{1,24}?(?:政府|办公室|委员会|局|厅|委|办|署|中心))"
)


_SUBHEADING_BEFORE: Final = 3
_TABLE_NAMES: Final = ("表二", "表三", "表四")


def _first_organs_part(
    rows: Sequence[Row], span: tuple[int, int], name: str, notes: Notes
) -> tuple[int, int]:
    """``span`` cut before a second organ's copy of the table: a joint report (a
    government and its office) may print each table once per organ, each under a
    sub-heading naming it (``(一)县人民政府``, ``(二)县人民政府办公室``). The first organ's
    is the report's (its title's organ); the others are left out and said, not read
    again as duplicates of its rows. Looked for only where a table read duplicate rows."""
    first, last = span
    named: list[tuple[int, str]] = []
    # (the first organ's sub-heading may stand just before a table found by its labels)
    for i in range(max(0, first - _SUBHEADING_BEFORE), last):
        row = rows[i]
        if (
            row.text[:1] == "("
            and len(row.cells) == 1
            and (m := _ORGAN_SUBHEADING_RE.fullmatch(row.text)) is not None
        ):
            named.append((i, m.group(1) + m.group(2)))
    if len(named) < 2 or not named[0][1].startswith("一") or not named[1][1].startswith("二"):
        return span
    at, second = named[1]
    notes.add(
        "TABLES_PER_ORGAN",
        "info",
        f"联合发布的报告为每个机关各印一套{name}：读取“{named[0][1][1:]}”的一套，"
        f"其后“{second[1:]}”等机关的未读取",
        rows[at],
    )
    return first, at


def table_ranges(
    rows: Sequence[Row], headings: dict[str, int], start: int = 0
) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]]:
    """Row ranges holding tables 二, 三 and 四: between the section headings when they
    are there, otherwise from the first row at or after ``start`` that holds a label only
    that table has, each table looked for on its own: a report may print them in any
    order (table 四 before table 三 under one part, an appendix printing 三, 二, 四).

    A table ends at the next section heading or at the first row of another table found
    by its labels, whichever comes first; a table found by its labels also ends where
    another table with a heading somewhere else begins by its own labels (its heading
    left out, printed as a picture, or the tables put together before or after the
    narrative): without its heading, a table does not run on into the next one (whose
    总计 would be read again as its own)."""
    end = len(rows)
    marks = sorted(set(headings.values()))
    if all(key in headings for key in _TABLE_KEYS):  # (the usual report: no label read)
        return _under_headings(marks, end, headings)
    sets = _label_sets()
    found = [
        headings[key] + 1
        if key in headings
        else _anchor(rows, sets[k], start, end, [o for o in sets if o is not sets[k]])
        for k, key in enumerate(_TABLE_KEYS)
    ]
    starts = [
        found[k] if key in headings else _with_values(rows, sets, k, found, marks, end)
        for k, key in enumerate(_TABLE_KEYS)
    ]
    ranges = [(0, 0), (0, 0), (0, 0)]
    for k, first in enumerate(starts):
        if first is None:
            continue
        own = _TABLE_KEYS[k] in headings
        last = _next_mark(marks, first, end, own=own)
        for j, other in enumerate(starts):
            if j == k or other is None or _TABLE_KEYS[j] in headings:
                continue
            if first < other < last or (other == first and j > k):
                last = other  # (a table found by its labels after this one's first row)
        if not own:
            for j, key in enumerate(_TABLE_KEYS):
                if j == k or key not in headings:
                    continue
                later = _anchor(rows, sets[j], first, last, [sets[k]])
                # (this table's own rows again after it: the other's header words were
                # printed over this table's next part, a converter's wrong header)
                if (
                    later is not None
                    and later > first
                    and _anchor(rows, sets[k], later + 1, last, [sets[j]]) is None
                ):
                    last = later
        ranges[k] = (first, last)
    return ranges[0], ranges[1], ranges[2]


def _under_headings(
    marks: Sequence[int], end: int, headings: dict[str, int]
) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]]:
    """Each table from the row after its heading to the next heading."""
    h2, h3, h4 = (headings[key] + 1 for key in _TABLE_KEYS)
    return (
        (h2, _next_mark(marks, h2, end, own=True)),
        (h3, _next_mark(marks, h3, end, own=True)),
        (h4, _next_mark(marks, h4, end, own=True)),
    )


def _next_mark(marks: Sequence[int], first: int, end: int, *, own: bool) -> int:
    """The first heading at or after ``first`` (after it for a table found by its
    labels), else ``end``. A table under its heading starts on the row after it, and a
    heading on that row (headings printed together) ends it there."""
    after = bisect_left(marks, first) if own else bisect_right(marks, first)
    return marks[after] if after < len(marks) else end


def _with_values(
    rows: Sequence[Row],
    sets: Sequence[LabelSet],
    k: int,
    starts: Sequence[int | None],
    marks: Sequence[int],
    end: int,
) -> int | None:
    """Table ``k``'s first row found by its labels that has values before the next
    heading or other table: a line of the narrative may be one of its labels alone
    (``（三）行政复议情况`` over a paragraph in part 一, before the tables printed there),
    and the table is then the next such row. With none, the first row found."""
    first = starts[k]
    bounds = [*marks, *(b for j, b in enumerate(starts) if j != k and b is not None)]
    others = [o for o in sets if o is not sets[k]]
    at = first
    while at is not None:
        stop = min((b for b in bounds if b > at), default=end)
        if not _holds_number(rows, at, stop):
            if stop >= end:
                break
            at = _anchor(rows, sets[k], stop, end, others)
        elif _others_follow(rows, at, stop, sets[k], others):
            at = _anchor(rows, sets[k], at + 1, end, others)
        else:
            return at
    return first


def _others_follow(
    rows: Sequence[Row], at: int, stop: int, own: LabelSet, others: Sequence[LabelSet]
) -> bool:
    """Whether the first labelled row after ``at`` is another table's: ``at`` is then
    this table's header words printed over the other's rows (a converter repeating the
    wrong header over a table's next part), not this table's start."""
    for row in rows[at + 1 : stop]:
        if _any_label(row.cells, own):
            return False
        if any(_any_label(row.cells, o) for o in others):
            return True
    return False


def _holds_number(rows: Sequence[Row], start: int, stop: int) -> bool:
    """Whether a cell of ``rows[start:stop]`` is a number (not a sentence holding one)."""
    for row in rows[start : min(stop, len(rows))]:
        for cell in row.cells:
            if cell and _DIGIT_RE.search(cell) and read_value(cell).kind is Kind.NUMBER:
                return True
    return False


_TABLE_KEYS = ("2", "3", "4")


def _label_sets() -> tuple[LabelSet, LabelSet, LabelSet]:
    return table2_labels(), table3_labels(), table4_labels()


def _anchor(
    rows: Sequence[Row],
    labels: LabelSet,
    start: int,
    end: int,
    others: Sequence[LabelSet] = (),
) -> int | None:
    """The first row in ``[start, end)`` with a cell that is a non-generic label.

    With ``others`` (the labels of the other tables), a row whose first such cell is a
    label of another table is still that table's: a grid that runs on into the next
    table's (two tables touching on a PDF page, read as one) may carry a stray cell of
    the next table's header in its own first row, and the table starts at its own header,
    not there. Such a row is the anchor only when no later row is (both tables printed on
    one line).

    When no row holds a label, the table's header may have its words wrapped in their
    cells (a grid table converted to text, a line per printed line: ``行政`` over
    ``复议``): the first of two lines of as many cells, neither holding a digit, whose
    cells joined one to the one under it make a label."""
    shared: int | None = None
    stop = min(end, len(rows))
    for row in rows[start:stop]:
        cells = row.cells
        for i, cell in enumerate(cells):
            if _is_label(cell, labels):
                if not others or not any(_any_label(cells[:i], o) for o in others):
                    return row.index
                if shared is None:  # another table's row
                    shared = row.index
                break
    if shared is not None:
        return shared
    for n in range(start, stop - 1):  # no row is a label: a header wrapped in its cells?
        cells, below = rows[n].cells, rows[n + 1].cells
        if (
            len(cells) > 1
            and len(below) == len(cells)
            and _DIGIT_RE.search(rows[n].text) is None
            and _DIGIT_RE.search(rows[n + 1].text) is None
            and _any_label(_joined(cells, below), labels)
        ):
            return rows[n].index
    return None


_DIGIT_RE = re.compile(r"\d")
"""A digit: a line holding one is a row of values, not a header's line."""


def _any_label(cells: Sequence[str], labels: LabelSet) -> bool:
    """Whether a cell is a non-generic label of ``labels``."""
    return any(_is_label(cell, labels) for cell in cells)


def _joined(cells: Sequence[str], below: Sequence[str]) -> list[str]:
    """Each cell joined to the cell under it where both hold text (else ``""``): the
    words of a header cell wrapped over two lines."""
    return [
        top + bottom if top and bottom else "" for top, bottom in zip(cells, below, strict=True)
    ]


def _is_label(cell: str, labels: LabelSet) -> bool:
    """Whether ``cell`` is a non-generic label of ``labels``."""
    return bool(cell) and any(not lb.generic for lb in labels.match(cell))


def _table_rows(*readings: Reading) -> set[int]:
    out: set[int] = set()
    for reading in readings:
        if reading.first_row is not None and reading.last_row is not None:
            out.update(range(reading.first_row, reading.last_row + 1))
    return out


# ----------------------------------------------------------------------------- format


def _format(
    t2: Reading, t3: Reading, year: int | None, notes: Notes, *, trial: bool = False
) -> str | None:
    """The layout the tables follow; ``trial`` when they were read from digit runs
    (``flat_tables``) in the 2019 trial layout."""
    trial2, trial3 = t2.trial or trial, t3.trial or trial
    if trial2 or trial3:
        notes.add(
            "TRIAL_FORMAT",
            "info",
            f"按{s.FORMAT_NAMES[s.FORMAT_2019]}识别（表三“其他处理”为一行）"
            if trial3 and not trial2
            else f"按{s.FORMAT_NAMES[s.FORMAT_2019]}识别",
        )
        if trial2:
            notes.add(
                "TRIAL_TABLE2",
                "info",
                "试行格式的表二（本年新制作数量、本年新公开数量等）与2021格式各项不对应，表二留空",
            )
        return s.FORMAT_2019
    if t2.cells or t3.cells:
        return s.FORMAT_2021
    return s.format_for_year(year) if year is not None else None


def _diagnose_meta(meta: Meta, headings: Collection[str], notes: Notes) -> None:
    if meta.organ is None:
        notes.add("ORGAN_NOT_FOUND", "info", "标题、发布机构和落款中都找不到发布机关，organ 留空")
    elif meta.organ_note is not None:
        organ_note = meta.organ_note
        found: dict[str, Any] = {"field": organ_note.field} if organ_note.field else {}
        notes.add(organ_note.code, organ_note.severity, organ_note.message, **found)
    if meta.year is None:
        notes.add("YEAR_NOT_FOUND", "warning", "标题和统计期限中都找不到报告年度，year 留空")
    elif meta.year_note is not None:
        note = meta.year_note
        extra: dict[str, Any] = {
            k: v for k, v in (("other", note.other), ("date", note.date)) if v is not None
        }
        notes.add(note.code, "warning", note.message, **extra)
    for section in s.SECTIONS:
        if section.key not in headings:
            notes.add(
                "SECTION_NOT_FOUND",
                "warning",
                f"找不到第{section.numeral}部分“{section.heading}”的标题",
                section=section.key,
            )


# ----------------------------------------------------------------------------- tables


def _values(reading: Reading, key: str, width: int) -> list[Decimal | None]:
    return reading.cells.get(key) or [None] * width


def _table2(reading: Reading) -> Table2:
    def counts(key: str) -> DocumentCounts:
        made, repealed, in_force = _values(reading, key, 3)
        return DocumentCounts(
            as_table2_value(made), as_table2_value(repealed), as_table2_value(in_force)
        )

    def single(key: str) -> int | Decimal | None:
        return as_table2_value(_values(reading, key, 1)[0])

    return Table2(
        regulations=counts("regulations"),
        normative_documents=counts("normative_documents"),
        licensing=single("licensing"),
        punishment=single("punishment"),
        coercion=single("coercion"),
        fees=_values(reading, s.TABLE2_FEES_ROW, 1)[0],
    )


def _table3(reading: Reading) -> Table3:
    return Table3(
        {
            key: tuple(as_counts(values))
            for key, values in reading.cells.items()
            if key in s.TABLE3_ROW_BY_KEY
        }
    )


def _table4(reading: Reading) -> Table4:
    groups = {
        key: AppealCounts(*as_counts(_values(reading, key, len(s.TABLE4_COLUMNS))))
        for key in s.TABLE4_GROUP_KEYS
    }
    return Table4(**groups)
