"""The three tables, found by their labels rather than by position.

Every cell of a table region becomes a token: a value (a number or a placeholder), a
label of the form (from ``labels``) or other text. A row of the form starts at its label
and takes the values that follow, up to the next label or narrative text. So a blank
header cell, a merged block label or a row that starts in the wrong column moves nothing
but itself. When a row has the wrong number of values the reader fills only what is
certain and says why in a diagnostic:

* too many values, and exactly the rows whose labels are missing between this row and
  the next one can take them: they are given to those rows (``ROW_INFERRED``);
* too few values, but the label's own line or table row has the right number of cells
  counting blanks: the blanks are read as null (``CELL_BLANK`` / ``CELL_AMBIGUOUS``);
* otherwise the row stays null (``ROW_TOO_FEW`` / ``ROW_TOO_MANY``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise
from operator import attrgetter
from typing import Final

from .. import schema as s
from ..schema import normalize_label
from .cells import (
    EMPTY,
    NOTE_LING,
    NOTED_CELLS,
    Kind,
    Value,
    as_count,
    as_counts,
    as_table2_value,
    read_value,
)
from .labels import (
    Label,
    LabelSet,
    strip_numbering,
    table2_labels,
    table3_labels,
    table4_column_variants,
    table4_labels,
)
from .notes import Notes
from .rows import Row, by_row
from .table2_layouts import cells_under_labels, fees_in_yuan, joined_name, yuan_cells
from .table3_layouts import comparison_heads, one_year, sideways, without_comparisons

TEXT_KEY: Final = "\0text"
"""``choose`` returns this for a cell that is not a label at all."""


class Token:
    """One non-blank cell of a table region: a report's tables make a few hundred of these.
    A plain class: compiled (``native``) it is built by a direct call, where a named tuple
    goes through Python's generic call."""

    __slots__ = ("column", "labels", "row", "text", "value")

    def __init__(
        self, row: Row, column: int, text: str, value: Value, labels: tuple[Label, ...] = ()
    ) -> None:
        self.row = row
        self.column = column
        self.text = text
        self.value = value
        self.labels = labels

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.row.where()}, column {self.column})"


class Hit:
    """A label that starts a row, and the values that followed it (a plain class, as
    ``Token``)."""

    __slots__ = ("key", "label", "values")

    def __init__(self, key: str, label: Token, values: list[Token] | None = None) -> None:
        self.key = key
        self.label = label
        self.values: list[Token] = [] if values is None else values

    def __repr__(self) -> str:
        return f"Hit({self.key!r}, {self.label!r}, {len(self.values)} values)"


@dataclass
class Reading:
    """What a table reader found: cells by key, how sure it is, and where the table lies."""

    cells: dict[str, list[Decimal | None]] = field(default_factory=dict)
    certain: float = 0.0
    expected: int = 0
    first_row: int | None = None
    last_row: int | None = None
    found: bool = False
    trial: bool = False
    placeholders: dict[str, tuple[int, ...]] = field(default_factory=dict)
    """Positions of the cells of each row printed as a placeholder (``-``, ``无``…)."""

    @property
    def confidence(self) -> float:
        if not self.expected:
            return 0.0
        return round(min(1.0, self.certain / self.expected), 3)

    def touch(self, row: Row) -> None:
        if self.first_row is None or row.index < self.first_row:
            self.first_row = row.index
        if self.last_row is None or row.index > self.last_row:
            self.last_row = row.index


def tokens(
    rows: Sequence[Row], labels: LabelSet, widths: dict[str, int] | None = None
) -> list[Token]:
    """The table's tokens, a label wrapped over two lines joined; with ``widths`` (each
    row's number of cells, by key) a label cut in two by a stray separator is joined too
    (``_cut_label``)."""
    out: list[Token] = []
    cached = labels.classified  # ``classify``'s cache, read without a call per cell
    above = below = width = -1  # the last row's tokens out[above:below], when it ended in a value
    # the last line when it was a label's part of one cell without a number: where its
    # token stands in ``out`` (-1: joined to the row above, which ``undo`` gives back)
    lone: Token | None = None
    lone_at = -1
    undo: tuple[int, list[Token]] | None = None
    numbers_first = False  # a line printed its numbers before its label (``_values_and_label``)
    for row in rows:
        cells = row.cells
        start = len(out)
        fragments = 0  # cells of plain text, no label (a cut label's second piece is one)
        for column, cell in enumerate(cells):
            if not cell:  # a grid's rows are padded to its widest row
                continue
            found = cached.get(cell)
            value, matched = found if found is not None else labels.classify(cell)
            out.append(Token(row, column, cell, value, matched))
            if value.kind is _TEXT and (not matched or matched[0].near):
                fragments += 1  # (a piece only a few characters off a label may be one too)
        if fragments and widths is not None and len(out) - start > 2:
            _cut_label(out, start, labels, widths)
        end = len(out)
        if end == start:
            continue
        size = len(cells)
        if size < 2 and (matched or cell[0].isdigit()) and " " in cell and row.grid is None:
            split = None
            if cell[0].isdigit():
                least = 1 if numbers_first else _LEAST_TRAILING
                split = _values_and_label(row, cell, labels, least)
                numbers_first = numbers_first or split is not None
            if split is None and matched:
                split = _label_and_values(row, cell, labels)
            if split is not None:
                out[start:] = split
                size = len(split)
                value = split[-1].value
        if size < 2:
            # a text line of one cell may be a wrapped label's rest (a PDF's text laid out
            # by columns: the label's first part and the numbers on the line above); no
            # other line of one cell is part of a wrapped label
            lone, lone_at, undo = None, -1, None
            if row.grid is None and end - start == 1 and not value.is_value:
                lone, lone_at = out[start], start
            if row.grid is None and above >= 0 and not out[above].value.is_value:
                single = below == start
                if single:
                    joined = _wrapped_label(out[above:below], out[start:], labels)
                elif lone is not None and 0 < start - below < _MOST_PIECES:
                    joined = _pieces_joined(out, above, below, labels)
                else:
                    joined = None
                if joined is None and lone is not None and 0 < start - below < _MOST_ITEM_PIECES:
                    item = _item_pieces(out, above, below, labels)
                    if item is not None:
                        del out[below:]
                        out.append(item)
                        lone, lone_at = item, below
                if joined is not None:
                    del out[below:]
                    if lone is not None and single:
                        undo, lone_at = (above, out[above:below]), -1
                    else:
                        lone = None  # (its lines are one with the row above's label)
                    out[above:below] = joined
            continue
        if value.is_value:  # the row ends in a value: a row of the table (most rows)
            if lone is not None:
                # the line before, a label's start without its numbers (``5.要求行政机关
                # 确认或重新出`` over ``具已获取信息 0 0 …``)
                start -= _label_start(out, start, lone, lone_at, undo, labels)
                lone, lone_at, undo = None, -1, None
            above = start
            below = len(out)
            width = size
            continue
        lone, lone_at, undo = None, -1, None
        if below == start and size == width and not out[above].value.is_value:
            mine = out[start:]
            if not any(token.value.is_value for token in mine):
                joined = _wrapped_label(out[above:below], mine, labels)
                if joined is not None:
                    del out[start:]
                    out[above:below] = joined
                    continue  # the next line may hold more of the label
        above = below = width = -1
    return out


_TEXT: Final = Kind.TEXT
_LEAST_TRAILING: Final = 2
"""Numbers after a label on a line left whole (``_label_and_values``): one could be a
word of the label."""


def _label_and_values(row: Row, cell: str, labels: LabelSet) -> list[Token] | None:
    """A line left one cell though it is a label and its numbers between single spaces, too
    long for ``tables_text`` to split (``（六）其他处理1.申请人无正当理由逾期不补正、行政机关
    不再处理其政府信息公开申请 0 1 0 0 …``, fourteen numbers or numbers of three digits):
    the label's token and one token a number, when two numbers or more end the line and the
    words before them are a label of the table."""
    words = cell.split()
    first = len(words)
    while first > 1 and read_value(words[first - 1]).is_value:
        first -= 1
    if len(words) - first < _LEAST_TRAILING:
        return None
    text = " ".join(words[:first])
    if text[-1].isdigit() or text.endswith((".", "、")):
        return None  # (an item's number before the numbers: ``1.``, not a label)
    value, found = labels.classify(text)
    if not found:
        return None
    out = [Token(row, 0, text, value, found)]
    for column in range(first, len(words)):
        word = words[column]
        out.append(Token(row, column - first + 1, word, read_value(word)))
    return out


def _values_and_label(row: Row, cell: str, labels: LabelSet, least: int) -> list[Token] | None:
    """A line left one cell that prints its numbers before its label (``9 4 0 0 1 0 14
    （一）予以公开``: a PDF whose drawing order puts the numbers first): one token a number,
    then the label's, when ``least`` numbers or more open the line (two, or one once the
    table has shown such a line) and the words after them are a row label of the table.
    Which label takes these numbers is ``_values_before_labels``' to say."""
    words = cell.split()
    last = 0
    while last < len(words) - 1 and read_value(words[last]).is_value:
        if words[last].endswith((".", "、")):
            return None  # (an item's number: ``1.``, no value)
        last += 1
    if last < least:
        return None
    text = " ".join(words[last:])
    value, found = labels.classify(text)
    if not any(lb.kind == "row" for lb in found):
        return None
    out = [Token(row, column, words[column], read_value(words[column])) for column in range(last)]
    out.append(Token(row, last, text, value, found))
    return out


_HEADINGS: Final = frozenset(("group", "block"))
_MOST_PIECES: Final = 3
"""Lines of one cell, none a label's rest on its own, joined together to a row label
above them (``1.申请人无正`` 7 0 …, then ``当理由逾期不补``, ``正、行政机关不``)."""


def _pieces_joined(
    out: list[Token], above: int, below: int, labels: LabelSet
) -> list[Token] | None:
    """``_wrapped_label`` for the rest of a label wrapped over several lines of one cell
    (``out[below:]``, one token a line), none of which completes it alone: the label
    above (``out[above:below]``) is then a fragment that names no row on its own."""
    pieces = out[below:]
    first = pieces[0]
    for token in pieces:
        if token.value.kind is not _TEXT or any(lb.kind not in _PARTS for lb in token.labels):
            return None
        folded = normalize_label(token.text)
        if strip_numbering(folded) != folded:
            return None  # a numbered line starts a label (``二、上年结转政``), is no rest
    top = next((t for t in out[above:below] if t.column == first.column), None)
    if top is None or any(lb.kind == "row" and not lb.generic for lb in top.labels):
        return None
    text = "".join([t.text for t in pieces])
    value, found = labels.classify(text)
    return _wrapped_label(
        out[above:below], [Token(first.row, first.column, text, value, found)], labels
    )


_MOST_ITEM_PIECES: Final = 7
"""Lines of one cell an item's label is cut into after its group's heading
(``_item_pieces``): the longest, 2.申请人逾期未按收费通知要求……, in pieces of seven."""


def _item_pieces(out: list[Token], above: int, below: int, labels: LabelSet) -> Token | None:
    """A row label cut into lines of one cell right at the end of its group's heading,
    which took the row's numbers (``（三）不予公开 0 0 …``, then ``1.属于国家秘``, ``密``):
    the pieces (``out[below:]``, the first opening with an item's number, the rest with
    none) joined into one token, the item's label, when together they name a row of the
    group above (``out[above]``, a heading that names no row) and no other row. The
    group's numbers are given to the row later (``_numbers_of_cut_item``)."""
    pieces = out[below:]
    first = pieces[0]
    if _ITEM_RE.match(first.text) is None:
        return None
    for token in pieces:
        if token.value.kind is not _TEXT or any(lb.kind not in _PARTS for lb in token.labels):
            return None
    for token in pieces[1:]:
        folded = normalize_label(token.text)
        if strip_numbering(folded) != folded:
            return None  # another item's label
    group = _group_named(out[above])
    if group is None:
        return None
    text = "".join([t.text for t in pieces])
    value, found = labels.classify(text)
    if not found or found[0].kind != "row" or found[0].generic:
        return None
    key = found[0].key
    row = s.TABLE3_ROW_BY_KEY.get(key)
    if row is None or row.group != group:
        return None
    if any(lb.kind == "row" and lb.key != key for t in pieces for lb in t.labels):
        return None
    return Token(first.row, first.column, text, value, found)


def _group_named(token: Token) -> str | None:
    """The group of table 三 a heading names (``（三）不予公开``), when it names no row."""
    labels = token.labels
    if not labels or labels[0].kind != "group":
        return None
    if any(lb.kind == "row" and not lb.generic for lb in labels):
        return None
    return labels[0].key


def _label_start(
    out: list[Token],
    start: int,
    lone: Token,
    lone_at: int,
    undo: tuple[int, list[Token]] | None,
    labels: LabelSet,
) -> int:
    """A row label wrapped with its numbers after its second part: the line before
    (``lone``, a line of one cell without a number, at ``out[lone_at]``, or joined to the
    row above as the rest of its label, ``undo`` giving that row's tokens back) is the
    label's start, and the first cell of the line ``out[start:]`` its next part, when
    the two together are a row's label that neither names on its own, nor the row above
    (``5.要求行政机关确认或重新出`` / ``具已获取信息 0 0 …``, ``2.申请人逾期未按收`` /
    ``费通知要求缴纳费用、 0 0 …``). The joined token takes the second part's place; how
    many tokens before ``start`` went (0 or 1) is returned."""
    first = out[start]
    if (
        first.value.kind is not _TEXT
        or start + 1 >= len(out)
        or not out[start + 1].value.is_value
        or any(lb.kind == "row" and not lb.generic for lb in first.labels)
        or any(lb.kind not in _HEADINGS for lb in lone.labels)
    ):
        return 0
    text = f"{lone.text}{first.text}"
    value, found = labels.classify(text)
    if not found or found[0].kind != "row" or found[0].generic:
        return 0
    key = found[0].key
    if any(lb.kind == "row" and lb.key != key for lb in first.labels):
        return 0  # the second part names another row (a generic word: ``其他``)
    if undo is not None:
        at, before = undo
        now = out[at : at + len(before)]
        if any(
            lb.key == key
            for new, old in zip(now, before, strict=True)
            if new is not old
            for lb in old.labels
        ):
            return 0  # the line was the rest of the row above's label after all
        out[at : at + len(before)] = before
    out[start] = Token(first.row, first.column, text, value, found)
    if lone_at < 0:
        return 0
    del out[lone_at]
    return 1


def _cut_label(out: list[Token], start: int, labels: LabelSet, widths: dict[str, int]) -> None:
    """A row label cut in two by a stray separator (an OCR tool's ``|`` inside
    ``3.危及“三安全|一稳定”``): the two pieces, side by side on one line, are joined into
    one token when together they are a row's label that neither names alone, the second
    piece is no label and no number, and exactly the row's cells follow on the line. The
    joined token stands in the second piece's column, where the label ends."""
    i = start
    while i < len(out) - 1:
        first, second = out[i], out[i + 1]
        i += 1
        if (
            (second.labels and not second.labels[0].near)
            or second.value.kind is not _TEXT
            or first.value.kind is not _TEXT
            or second.column != first.column + 1
        ):
            continue
        text = f"{first.text}{second.text}"
        value, found = labels.classify(text)
        row = next((lb.key for lb in found if lb.kind == "row"), None)
        if row is None or row not in widths:
            continue
        if not (first.labels and first.labels[0].near) and any(
            lb.kind == "row" and not lb.generic for lb in first.labels
        ):
            continue  # the first piece is a row's label of its own (the second a note), not
            # one only a few characters off a row's (a cut label's first piece often is)
        after = out[i + 1 :]
        if len(after) != widths[row] or not all(t.value.is_value for t in after):
            continue
        out[i - 1 : i + 1] = [Token(first.row, second.column, text, value, found)]
        return


_PARTS = frozenset(("row", "column"))
"""What the second line of a wrapped label may be on its own: a fragment of no label,
a row's label or a column's (``3.`` then ``其他``), never a block or group heading."""


def _wrapped_label(above: list[Token], below: list[Token], labels: LabelSet) -> list[Token] | None:
    """A row label wrapped over two lines of a ruled table (a grid table's cell, a
    converter's row per printed line): the values stand on the first line, after the
    label's first part, and the next line holds only the rest of the label, in the same
    column, with its number cells blank (``一、本年新收政府信息公开`` | 112 | …, then
    ``申请数量`` | | …). ``above``'s tokens with each label cell joined to the text
    below it, when the joined text is a row label of the table that neither part names
    otherwise (the first part a block label, no label, ``（三）不予公开 1.属于国``, or a
    generic word under another item number, ``2.其他``; the second a fragment,
    ``家秘密``, or the same row: ``规章`` over ``行政规范性文件`` are two rows);
    ``None`` when the line below is anything else (another row's label, a group or
    block heading)."""
    for token in below:
        if token.labels and (
            any(lb.kind not in _PARTS for lb in token.labels)
            or strip_numbering(normalize_label(token.text)) != normalize_label(token.text)
        ):
            return None  # a heading, or a numbered label (``(七)总计``) starts its own row
    by_column = {t.column: t for t in above}
    joined = list(above)
    changed = False
    for token in below:
        top = by_column.get(token.column)
        if top is None or top.value.is_value:
            return None
        text = f"{top.text}{token.text}"
        value, found = labels.classify(text)
        row = next((lb.key for lb in found if lb.kind == "row"), None)
        if row is None:
            return None
        second = {lb.key for lb in token.labels if lb.kind == "row"}
        named = {
            lb.key
            for lb in top.labels
            if lb.kind == "row" and (not lb.generic or _numbered_as(top.text, lb.key))
        }
        if (named and row not in named) or (second and row not in second):
            return None  # two rows' labels, one under the other
        joined[above.index(top)] = Token(top.row, top.column, text, value, found)
        changed = True
    return joined if changed else None


_ITEM_RE = re.compile(r"^\s*(\d+)\s*[.．、)）]")


def _numbered_as(text: str, key: str) -> bool:
    """Whether a cell that is a generic word of a row (``其他``, ``规章``) can be that row
    by its printed item number: ``2.其他`` is not 三（六）3 ``3.其他`` but the start of a
    longer label (``2.其他法律行政法规禁止公开``); an unnumbered cell can be."""
    item = _ITEM_RE.match(text)
    row = s.TABLE3_ROW_BY_KEY.get(key)
    if item is None or row is None or not row.number[-1:].isdigit():
        return True
    return item.group(1) == row.number[-1]


class Chooser:
    """What a label of one table starts (``scan``): each table's reader has its own. A
    class, not a closure: compiled (``native``), a closure and the function that made it
    refer to each other, so the tokens it saw would wait for the garbage collector."""

    __slots__ = ("reading",)

    def __init__(self, reading: Reading) -> None:
        self.reading = reading

    def choose(self, token: Token) -> str | None:
        """The row ``token`` starts (a key), ``None`` for another label of the table
        (a header, a column, a block heading), or ``TEXT_KEY`` for plain text."""
        return TEXT_KEY


def scan(stream: Iterable[Token], chooser: Chooser) -> list[Hit]:
    """Row labels with their values, in document order.

    ``chooser.choose`` names the row a label starts (a key), ``None`` for another label of
    the table (a header, a column, a block heading), or ``TEXT_KEY`` for plain text.
    Text right after a label (a label wrapped over two lines) is skipped; text after
    values, or any other label, ends the row. Values that follow no row label form an
    anonymous hit (key ``""``) whose label is the text before them, if any: a row whose
    label is missing or misprinted.
    """
    hits: list[Hit] = []
    current: Hit | None = None
    last_text: Token | None = None
    for token in stream:
        if token.value.is_value:
            if current is None:
                current = Hit("", last_text or token)
                hits.append(current)
            current.values.append(token)
            continue
        key = chooser.choose(token)
        if key == TEXT_KEY:
            if current is not None and current.values:
                current = None
            if current is None:
                last_text = token
            continue
        last_text = None
        if key is None:
            current = None
            continue
        current = Hit(key, token)
        hits.append(current)
    return hits


# ----------------------------------------------------------------------------- rows


@dataclass(frozen=True)
class RowSpec:
    key: str
    width: int
    title: str


def _labels_above_values(row_hits: list[Hit], by_key: dict[str, RowSpec]) -> None:
    """Several row labels printed side by side on one line and their numbers on the next
    (``| 规章 | 行政规范性文件 |`` then ``| 0 0 0 | 1 0 6 |``): the labels without numbers
    take, in order, as many of the numbers after the last one as their rows have cells,
    when the count matches exactly."""
    i = 0
    while i < len(row_hits):
        j = i
        while (
            j < len(row_hits)
            and row_hits[j].key in by_key
            and not row_hits[j].values
            and row_hits[j].label.row is row_hits[i].label.row
        ):
            j += 1
        if j > i and j < len(row_hits):
            last = row_hits[j]
            group = row_hits[i : j + 1]
            same_row = last.key in by_key and last.label.row is row_hits[i].label.row
            widths = [by_key[h.key].width for h in group] if same_row else []
            if (
                same_row
                and len(last.values) == sum(widths)
                and _value_lines(last.values, last.label.row) is not None
            ):
                values, start = last.values, 0
                for hit, width in zip(group, widths, strict=True):
                    hit.values = values[start : start + width]
                    start += width
        i = j + 1 if j > i else i + 1


def _values_above_labels(
    row_hits: list[Hit], by_key: dict[str, RowSpec], notes: Notes, table: str
) -> list[Hit]:
    """Rows printing their numbers on the line above their label (a PDF's text laid out
    so): read the usual way, each label would take the next row's numbers. A run of rows
    that alternates from a line of numbers without a label to a label without numbers
    (each label's line holding none, each line of numbers as many as the label below has
    cells, at least two labels; one, once the table has shown such a run) pairs each line
    with the label below, when no row of the form is missing before the run's first label
    (the first line could be that row's, its label lost: ``assign_rows`` infers it)."""
    for hit in row_hits:
        if not hit.key:
            break
    else:
        return row_hits  # every line of numbers has its label (the usual table)
    order = {key: i for i, key in enumerate(by_key)}
    found = {hit.key for hit in row_hits if hit.key}
    kept: list[Hit] = []
    paired: list[Hit] = []
    i = 0
    while i < len(row_hits):
        pairs = _run_above(row_hits, i, by_key, 1 if paired else 2)
        if pairs and _nothing_missing_before(kept, pairs[0][0], order, found):
            for label, line in pairs:
                label.values = line
                paired.append(label)
            kept.extend(label for label, _ in pairs)
            i += len(pairs) + 1
            continue
        kept.append(row_hits[i])
        i += 1
    if paired:
        notes.add(
            "VALUES_ABOVE_LABELS",
            "info",
            f"{table}“{by_key[paired[0].key].title}”等{len(paired)}行的数字印在行标签的上一行，"
            "按“数字在上、标签在下”配对读取",
            paired[0].label.row,
        )
    return kept


def _near_labels(hits: list[Hit], notes: Notes, table: str) -> None:
    """Say, once for the table, the rows found by a label printed a few characters off the
    form's (``labels``' nearest row: ``属于三类内容事务信息``), so that a reader sees which
    printed label was taken for which row."""
    near = [
        h for h in hits if h.key and ":" not in h.key and h.label.labels and h.label.labels[0].near
    ]
    if not near:
        return
    shown = near[:_NEAR_SHOWN]
    read_as = "，".join([f"“{h.label.text}”读作“{_row_title(table, h.key)}”" for h in shown])
    more = "等" if len(near) > _NEAR_SHOWN else ""
    notes.add(
        "LABEL_NEAR",
        "info",
        f"{table}有{len(near)}个行标签与国家格式的写法有几个字不同，"
        f"按最接近的一行读取：{read_as}{more}",
        near[0].label.row,
        labels=[h.label.text for h in near],
    )


_NEAR_SHOWN: Final = 3


def _row_title(table: str, key: str) -> str:
    """The national form's label of row ``key`` of ``table`` (表二, 表三, 表四)."""
    if table == "表三":
        row = s.TABLE3_ROW_BY_KEY.get(key)
        return row.full_label if row is not None else key
    specs = TABLE2_SPECS if table == "表二" else TABLE4_SPECS
    return next((spec.title for spec in specs if spec.key == key), key)


def _values_before_labels(row_hits: list[Hit], notes: Notes, table: str) -> list[Hit]:
    """Rows printing their numbers before their label on the label's own line
    (``9 4 0 0 1 0 14 （一）予以公开``: a PDF whose drawing order puts the numbers first):
    read the usual way, each label would take the next line's numbers. When no label has
    numbers after it on its own line and at least two labels, and more of them than the
    lines of numbers without a label, have numbers before them on their line, each label
    takes those; a line of numbers without a label stays a row without a label."""
    if not _numbers_before_labels(row_hits):
        return row_hits  # the usual table: a label's numbers follow it on its line
    keyed = [hit for hit in row_hits if hit.key]
    first = next((hit for hit in keyed if hit.values), None)
    if first is None or first.values[0].row.index == first.label.row.index:
        return row_hits
    labelled: dict[int, Hit] = {}
    for hit in keyed:
        line = hit.label.row.index
        if line in labelled or any(v.row.index == line for v in hit.values):
            return row_hits
        labelled[line] = hit
    own: dict[int, list[Token]] = {}
    for hit in row_hits:
        for token in hit.values:
            own.setdefault(token.row.index, []).append(token)
    taken = [line for line in own if line in labelled]
    if len(taken) < 2 or len(taken) <= len(own) - len(taken):
        return row_hits
    kept: list[Hit] = []
    for line in sorted({*labelled, *own}):
        label = labelled.get(line)
        values = own.get(line, [])
        if label is not None:
            label.values = values
            kept.append(label)
        elif values:
            kept.append(Hit("", values[0], values))
    notes.add(
        "VALUES_BEFORE_LABELS",
        "info",
        f"{table}各行的数字印在同一行的行标签之前（先数字、后标签），按各行自己的标签读取",
        keyed[0].label.row,
    )
    return kept


def _numbers_before_labels(row_hits: list[Hit]) -> bool:
    """Whether two labels or more stand on a line after numbers (read the usual way, the
    row before took them: its last value is on the label's line): a cheap first test."""
    seen = 0
    before: Hit | None = None
    for hit in row_hits:
        if (
            before is not None
            and hit.key
            and before.values
            and before.values[-1].row.index == hit.label.row.index
        ):
            seen += 1
            if seen >= 2:
                return True
        before = hit
    return False


_LEAST_BLOCK: Final = 3
"""Labels without numbers, then as many lines of numbers, paired in order
(``_labels_then_lines``) only from this many rows: fewer could be anything."""


def _labels_then_lines(
    row_hits: list[Hit], by_key: dict[str, RowSpec], notes: Notes, table: str
) -> None:
    """A table printed as a block of row labels, one a line and none with numbers, then
    a block of lines of numbers (a PDF's text boxes taken one after the other): all the
    numbers follow the last label. When they stand on exactly as many lines as the block
    has labels, each line as many numbers as its label's row has cells, line i is label
    i's; else nothing is paired (the rows say they are short of numbers)."""
    for hit in row_hits:
        if not hit.values:
            break
    else:
        return  # every label has its numbers (the usual table)
    i = 0
    while i < len(row_hits):
        j = i
        while j < len(row_hits) and row_hits[j].key and not row_hits[j].values:
            j += 1
        block = row_hits[i : j + 1]
        if j < len(row_hits) and len(block) >= _LEAST_BLOCK and block[-1].key:
            lines = _value_lines(block[-1].values, block[-1].label.row)
            widths = [by_key[h.key].width for h in block]
            if lines is not None and [len(line) for line in lines] == widths:
                for hit, line in zip(block, lines, strict=True):
                    hit.values = line
                notes.add(
                    "LABELS_THEN_VALUES",
                    "info",
                    f"{table}先印{len(block)}个行标签、再印同样多行数字，按顺序配对读取",
                    block[0].label.row,
                )
        i = j + 1


def _labels_then_columns(row_hits: list[Hit], specs: Sequence[RowSpec], notes: Notes) -> None:
    """Table 三 printed as its row labels, one a line and none with numbers, then its
    numbers one a line (a PDF's text from a pdfminer-based converter): all of them follow
    the last label. When there are exactly the table's cells, they stand either row by
    row or column by column (all 自然人, then all 商业企业, …); the order whose numbers
    add up as the form says (``_adds_up``) is read, when only one does (or both read the
    same); else nothing is paired, and that is said."""
    if len(row_hits) != len(specs) or row_hits[0].values:
        return  # (the usual table: the first row has its numbers)
    last = row_hits[-1]
    values = last.values
    n, width = len(specs), s.TABLE3_WIDTH
    if (
        len(values) != n * width
        or any(hit.key != spec.key for hit, spec in zip(row_hits, specs, strict=True))
        or any(hit.values for hit in row_hits[:-1])
        or any(len(token.row.cells) != 1 for token in values)
    ):
        return
    by_rows = [values[i * width : (i + 1) * width] for i in range(n)]
    by_columns = [[values[c * n + i] for c in range(width)] for i in range(n)]
    keys = [spec.key for spec in specs]
    fitting = [m for m in (by_rows, by_columns) if _adds_up(keys, m)]
    same = _numbers(by_rows) == _numbers(by_columns)
    if len(fitting) == 1 or (fitting and same):
        for hit, line in zip(row_hits, fitting[0], strict=True):
            hit.values = line
        order, other = ("逐行", "逐列") if fitting[0] is by_rows else ("逐列", "逐行")
        detail = "两种配对读出的数字相同" if same else f"{other}配对时不符"
        notes.add(
            "LABELS_THEN_VALUES",
            "info",
            f"表三先印{n}个行标签、再印{len(values)}个数字（每行一个）：{order}配对时各行、"
            f"各列的合计相符（{detail}），按{order}配对读取",
            row_hits[0].label.row,
        )
        return
    said = "都相符" if fitting else "都不相符"
    notes.add(
        "VALUES_UNASSIGNED",
        "warning",
        f"表三先印{n}个行标签、再印{len(values)}个数字（每行一个）：逐行配对和逐列配对的"
        f"合计{said}，无法确定数字的顺序，未读取",
        values[0].row,
    )


def _numbers(matrix: list[list[Token]]) -> list[list[Decimal | None]]:
    return [[token.value.number for token in line] for line in matrix]


_OUTCOMES: Final = frozenset(row.key for row in s.TABLE3_OUTCOME_ROWS)


def _adds_up(keys: list[str], matrix: list[list[Token]]) -> bool:
    """Whether table 三's rows (``keys``, each a line of ``matrix``) add up as the form
    says: each row's 总计 is the sum of its six columns; in each column （七）总计 is the
    sum of the outcome rows, and 一 plus 二 is （七） plus 四. A blank cell adds up to
    nothing certain: then no."""
    rows: dict[str, list[Decimal]] = {}
    for key, line in zip(keys, matrix, strict=True):
        numbers = [token.value.number for token in line]
        if None in numbers:
            return False
        rows[key] = [n for n in numbers if n is not None]
    if any(sum(row[:-1]) != row[-1] for row in rows.values()):
        return False
    received, carried, total = (
        rows.get("received"),
        rows.get("carried_over"),
        rows.get("handled_total"),
    )
    forward = rows.get("carried_forward")
    if received is None or carried is None or total is None or forward is None:
        return False
    for c, cell in enumerate(total):
        if sum(row[c] for key, row in rows.items() if key in _OUTCOMES) != cell:
            return False
        if received[c] + carried[c] != cell + forward[c]:
            return False
    return True


def _value_lines(values: list[Token], label: Row | None) -> list[list[Token]] | None:
    """``values`` by the line they stand on, in order; ``None`` when one stands on the
    line ``label`` (a label's own: the numbers printed beside it, not on lines of their
    own). What the row pairings (``_labels_above_values``, ``_values_above_labels``,
    ``_labels_then_lines``, ``_values_after_header``) ask of a hit's numbers."""
    lines: list[list[Token]] = []
    for token in values:
        if token.row is label:
            return None
        if lines and lines[-1][0].row is token.row:
            lines[-1].append(token)
        else:
            lines.append([token])
    return lines


def _one_line(values: list[Token], label: Row | None) -> bool:
    """Whether ``values`` stand on one line, not ``label``'s."""
    lines = _value_lines(values, label)
    return lines is not None and len(lines) == 1


def _run_above(
    row_hits: list[Hit], i: int, by_key: dict[str, RowSpec], least: int
) -> list[tuple[Hit, list[Token]]]:
    """The labels from ``row_hits[i + 1]`` on and the line of numbers above each, when
    ``row_hits[i]`` is a line of numbers without a label that starts such a run of at
    least ``least`` labels (see ``_values_above_labels``); else none."""
    first = row_hits[i]
    if first.key or not _one_line(first.values, None):
        return []
    pairs: list[tuple[Hit, list[Token]]] = []
    line = first.values
    for hit in row_hits[i + 1 :]:
        if not hit.key or len(line) != by_key[hit.key].width:
            return []
        pairs.append((hit, line))
        if not hit.values:
            return pairs if len(pairs) >= least else []
        if not _one_line(hit.values, hit.label.row):
            return []
        line = hit.values
    return []


def _nothing_missing_before(
    kept: list[Hit], label: Hit, order: dict[str, int], found: set[str]
) -> bool:
    """Whether every row of the form between the last label kept and ``label`` was found."""
    before = next((order[h.key] for h in reversed(kept) if h.key), -1)
    between = [key for key, at in order.items() if before < at < order[label.key]]
    return all(key in found for key in between)


def _values_after_header(row_hits: list[Hit], specs: Sequence[RowSpec]) -> list[Hit]:
    """A row printed as its label on one line and its numbers on the next, the table cut
    between the two (a page break, the header printed again): the numbers that follow the
    header, nothing but headings since the label, on one line laid out as the label's
    (``_under_label``) and exactly the row's cells, are the label's, when no row of the
    form up to the next label found is missing (the numbers could be that row's, its
    label lost: ``assign_rows`` infers it)."""
    order = {spec.key: i for i, spec in enumerate(specs)}
    found = {hit.key for hit in row_hits if hit.key}
    kept: list[Hit] = []
    for i, hit in enumerate(row_hits):
        last = kept[-1] if kept else None
        if (
            last is not None
            and not hit.key
            and last.key in order
            and not last.values
            and hit.label.value.is_value  # (no text between: it would be the row's label)
            and len(hit.values) == specs[order[last.key]].width
            and _under_label(last.label, hit.values)
        ):
            after = next((order[h.key] for h in row_hits[i + 1 :] if h.key in order), len(specs))
            if all(sp.key in found for sp in specs[order[last.key] + 1 : after]):
                last.values = hit.values
                continue
        kept.append(hit)
    return kept


def _under_label(label: Token, values: list[Token]) -> bool:
    """Whether ``values`` stand on one line after the label's, laid out as the label's
    line (as many cells), blank up to the label's column: a grid's too, the table cut in
    two grids between them."""
    if not _one_line(values, label.row):
        return False
    cells = values[0].row.cells
    return len(cells) == len(label.row.cells) and not any(cells[: label.column + 1])


def _without_row_numbers(
    row_hits: list[Hit], by_key: dict[str, RowSpec], notes: Notes, table: str
) -> list[Hit]:
    """A 序号 column: each row prints its number before its label, so the number follows
    the row above's values (one value too many there) or, before the first row, follows
    nothing. A value printed on the next label's own line, before that label, is that
    line's number, not the row above's: it is set aside, when that leaves the row above
    exactly its cells (or leaves nothing of a row with no label)."""
    numbers: list[Token] = []
    kept: list[Hit] = []
    for i, hit in enumerate(row_hits):
        following = row_hits[i + 1].label if i + 1 < len(row_hits) else None
        # (several labels side by side on one line each take the values after them)
        if following is None or not hit.values or (hit.key and following.row is hit.label.row):
            kept.append(hit)
            continue
        lead = 0
        for token in reversed(hit.values):
            if token.row is not following.row or token.column >= following.column:
                break
            lead += 1
        width = by_key[hit.key].width if hit.key in by_key else 0
        if lead and len(hit.values) - lead == width:
            numbers.extend(hit.values[-lead:])
            hit.values = hit.values[:-lead]
        if hit.key or hit.values:
            kept.append(hit)
    if numbers:
        printed = "、".join(t.text for t in numbers[:5]) + ("等" if len(numbers) > 5 else "")
        notes.add(
            "ROW_NUMBERS_IGNORED",
            "info",
            f"{table}有{len(numbers)}行在行标签前印有序号（{printed}），序号不是表中的数字，未读取",
            numbers[0].row,
        )
    _without_line_numbers(kept, by_key, notes, table)
    return kept


_MIN_NUMBERED_ROWS = 3


def _without_line_numbers(
    row_hits: list[Hit], by_key: dict[str, RowSpec], notes: Notes, table: str
) -> None:
    """A 行次 column after the labels: every row of the table prints one value more than
    its cells, and the first of them counts up the table (1, 2, 3…, a row not found
    skipped): those are the rows' numbers, set aside."""
    rows = [hit for hit in row_hits if hit.key in by_key and hit.values]
    if len(rows) < _MIN_NUMBERED_ROWS:
        return
    if any(len(hit.values) != by_key[hit.key].width + 1 for hit in rows):
        return
    firsts = [hit.values[0].text.strip() for hit in rows]
    if not all(f.isascii() and f.isdigit() for f in firsts):
        return
    counted = [int(f) for f in firsts]
    if counted[0] > len(by_key) or any(b <= a for a, b in pairwise(counted)):
        return
    for hit in rows:
        hit.values = hit.values[1:]
    printed = "、".join(firsts[:5]) + ("等" if len(firsts) > 5 else "")
    notes.add(
        "ROW_NUMBERS_IGNORED",
        "info",
        f"{table}有{len(rows)}行在行标签后印有行次（{printed}），行次不是表中的数字，未读取",
        rows[0].label.row,
    )


_COLUMN_LETTERS: Final = ("甲", "乙", "丙", "丁")
"""What a 栏次 row prints over the label columns, in order."""
_COLUMN_NUMBERS_HEADS: Final = frozenset(("栏次", "行次", "序号"))
"""What a 栏次 row may print first, over the labels, naming itself."""


def without_column_numbers(
    rows: Sequence[Row], width: int, notes: Notes, table: str, reading: Reading
) -> Sequence[Row]:
    """``rows`` without the table's 栏次 rows: under the header, a row numbering the
    columns of values 1, 2 … ``width`` (statistical forms print one, after 甲 乙 丙 over
    the label columns). It is no row of values: its last number is never the sum of the
    others (a row's 总计 is), and read as values it has no label to go with (table 三) or
    is taken for the value row itself (table 四). Set aside with an info note, its place
    kept in the table (``reading.touch``). Only a row whose text ends in ``width`` is
    looked at further."""
    last = str(width)
    spaced = " " + last
    numbered = [
        row
        for row in rows
        if _ends_with(row.cells, last, spaced) and _numbers_columns(row.cells, width)
    ]
    if not numbered:
        return rows
    for row in numbered:
        reading.touch(row)
    notes.add(
        "ROW_NUMBERS_IGNORED",
        "info",
        f"{table}表头下印有栏次（各列的编号1、2、3……{width}），栏次不是表中的数字，未读取",
        numbered[0],
    )
    return [row for row in rows if row not in numbered]


def _ends_with(cells: tuple[str, ...], last: str, spaced: str) -> bool:
    """Whether a row's last filled cell ends in the number ``last`` (``7``, or ``… 6 7``
    when a text line keeps numbers a single space apart in one cell): looked at in every
    row of the table's range, so only its last cells are."""
    for i in range(len(cells) - 1, -1, -1):
        cell = cells[i]
        if cell:
            return cell == last or cell.endswith(spaced)
    return False


def _numbers_columns(cells: Sequence[str], width: int) -> bool:
    """Whether ``cells`` (blanks aside) are 1, 2 … ``width``, after 甲 乙 丙 (in that
    order) or 栏次 over the label columns; words a single space apart in one cell (a
    text line split at wider gaps only) count as cells."""
    filled = " ".join(cells).split()
    lead = len(filled) - width
    if lead < 0 or lead > len(_COLUMN_LETTERS):
        return False
    head = filled[:lead]
    if head and not (
        tuple(head) == _COLUMN_LETTERS[:lead] or (lead == 1 and head[0] in _COLUMN_NUMBERS_HEADS)
    ):
        return False
    return all(cell == str(i) for i, cell in enumerate(filled[lead:], 1))


def positional(hit: Hit, width: int) -> list[Value] | None:
    """The row read by position on the label's own line, blanks included, when every
    value of the row is on that line and the line has room for exactly ``width`` cells;
    or on the line of its values, when they all stand on one line of the same table laid
    out in the same columns, blank up to the label's column (the label on one line, its
    numbers under the next columns on the next)."""
    row = _values_row(hit)
    if row is None:
        return None
    after = list(row.cells[hit.label.column + 1 :])
    if after and not after[-1] and row.grid is None and row.text.rstrip().endswith("|"):
        after.pop()  # the blank after a Markdown line's closing pipe is no cell
    trimmed = list(after)
    while trimmed and not trimmed[-1]:
        trimmed.pop()
    if len(trimmed) == width:
        chosen = trimmed
    elif len(trimmed) < width <= len(after):
        chosen = after[:width]
    else:
        return None
    values = [read_value(c) for c in chosen]
    if any(v.kind is Kind.TEXT for v in values):
        return None
    return values


def assign_rows(
    hits: list[Hit],
    specs: Sequence[RowSpec],
    reading: Reading,
    notes: Notes,
    table: str,
    optional: Iterable[str] = (),
) -> None:
    """Give each found row its values (see the module docstring) and diagnose the rest."""
    order = {spec.key: i for i, spec in enumerate(specs)}
    by_key = {spec.key: spec for spec in specs}
    row_hits = [hit for hit in hits if hit.key in order or (hit.key == "" and hit.values)]
    row_hits = _values_before_labels(row_hits, notes, table)
    row_hits = _values_above_labels(row_hits, by_key, notes, table)
    _labels_then_lines(row_hits, by_key, notes, table)
    if table == "表三":
        _labels_then_columns(row_hits, specs, notes)
    _labels_above_values(row_hits, by_key)
    row_hits = _values_after_header(row_hits, specs)
    row_hits = _without_row_numbers(row_hits, by_key, notes, table)
    found = {hit.key for hit in row_hits if hit.key}
    seen: set[str] = set()
    name = reading_name(table)
    # (``_gap`` and ``_infer`` are functions, not closures: see ``Chooser``)

    # the rows the table spans, applied to ``reading`` once at the end (a method call
    # per row is a good share of this loop)
    touched: list[Row] = []
    for i, hit in enumerate(row_hits):
        if hit.values:  # in document order: the first and the last are the bounds
            touched.append(hit.values[0].row)
            touched.append(hit.values[-1].row)
        if not hit.key:
            skipped = _gap(row_hits, i, specs, order, found)
            count = len(hit.values)
            if skipped and count == sum(sp.width for sp in skipped):
                label = hit.label.text if not hit.label.value.is_value else ""
                after = f"“{label}”后" if label else "无标签"
                _infer(reading, notes, table, hit.values, skipped, after, (seen, found))
                touched.append(hit.label.row)
            else:
                notes.add(
                    "VALUES_UNASSIGNED",
                    "warning",
                    f"{table}有{count}个数字前面没有可识别的行标签，未读取",
                    hit.values[0].row,
                )
            continue
        spec = by_key[hit.key]
        touched.append(hit.label.row)
        if hit.key in seen:
            if hit.values:
                notes.add(
                    "ROW_DUPLICATE",
                    "warning",
                    f"{table}“{spec.title}”再次出现，只读取第一次出现的数字",
                    hit.label.row,
                    row=f"{name}.{hit.key}",
                )
            continue
        if not hit.values and _later_has_values(row_hits[i + 1 :], hit.key):
            continue  # a label repeated without numbers (a wrapped header): the later one counts
        seen.add(hit.key)
        width = spec.width
        count = len(hit.values)
        if count == width:
            _set(reading, hit.key, [t.value for t in hit.values], width)
            continue
        if count > width:
            skipped = [
                sp
                for sp in _gap(row_hits, i, specs, order, found)
                if order[sp.key] > order[hit.key]
            ]
            if skipped and count == width + sum(sp.width for sp in skipped):
                _set(reading, hit.key, [t.value for t in hit.values[:width]], width)
                after = f"“{spec.title}”之后"
                _infer(reading, notes, table, hit.values[width:], skipped, after, (seen, found))
                continue
            if _merged_repeats(hit, width):
                _set(reading, hit.key, [hit.values[0].value], width)
                notes.add(
                    "MERGED_CELL_REPEATED",
                    "info",
                    f"{table}“{spec.title}”的数字{hit.values[0].text}在合并单元格的每一格重复出现"
                    f"（{count}次，转换工具所致），按一个数字读取",
                    hit.label.row,
                    row=f"{name}.{hit.key}",
                )
                continue
            notes.add(
                "ROW_TOO_MANY",
                "warning",
                f"{table}“{spec.title}”：应为{width}个数字，读到{count}个，"
                f"该行留空（无法确定哪些数字属于本行）",
                hit.label.row,
                row=f"{name}.{hit.key}",
            )
            continue
        values = positional(hit, width)
        heading = own = False
        if values is None and table == "表四" and count > 0:
            values = _under_heading(hit, width)
            if values is None:
                values = _own_table(hit, width)
                own = values is not None
            heading = values is not None
        blank = count == 0 and values is not None and _printed_blank(row_hits, i, width, by_key)
        if values is not None and (count > 0 or blank or hit.label.row.grid is not None):
            blanks = sum(1 for v in values if not v.is_value)
            if (
                own
                or blank
                or hit.label.row.grid is not None
                or (_ruled_under(hit) if heading else _ruled(hit, width))
            ):
                _set(reading, hit.key, values, width)
                notes.add(
                    "CELL_BLANK",
                    "info",
                    f"{table}“{spec.title}”有{blanks}个空白单元格，按 null 处理",
                    hit.label.row,
                    row=f"{name}.{hit.key}",
                )
            else:
                _set(reading, hit.key, values, width / 2)
                notes.add(
                    "CELL_AMBIGUOUS",
                    "warning",
                    f"{table}“{spec.title}”：应为{width}个数字，读到{count}个；"
                    f"按本行单元格的位置把{blanks}个空白单元格读作 null",
                    hit.label.row,
                    row=f"{name}.{hit.key}",
                )
            continue
        notes.add(
            "ROW_TOO_FEW",
            "warning",
            f"{table}“{spec.title}”：应为{width}个数字，读到{count}个，该行留空",
            hit.label.row,
            row=f"{name}.{hit.key}",
        )
    if touched:
        reading.touch(min(touched, key=_INDEX))
        reading.touch(max(touched, key=_INDEX))
    optional = set(optional)
    for spec in specs:
        if spec.key not in seen and spec.key not in optional and reading.found:
            notes.add(
                "ROW_NOT_FOUND",
                "warning",
                f"{table}中找不到“{spec.title}”这一行，该行留空",
                row=f"{name}.{spec.key}",
            )


_INDEX = attrgetter("index")


def _gap(
    row_hits: list[Hit], i: int, specs: Sequence[RowSpec], order: dict[str, int], found: set[str]
) -> list[RowSpec]:
    """Rows of the form between the keyed hits around ``row_hits[i]`` not found."""
    before = next((order[h.key] for h in reversed(row_hits[:i]) if h.key), -1)
    after = next((order[h.key] for h in row_hits[i + 1 :] if h.key), len(specs))
    return [sp for sp in specs[before + 1 : after] if sp.key not in found]


def _infer(
    reading: Reading,
    notes: Notes,
    table: str,
    values: list[Token],
    skipped: list[RowSpec],
    after: str,
    keys: tuple[set[str], set[str]],
) -> None:
    """``values`` read as the rows ``skipped``, in order (``ROW_INFERRED``); their keys
    added to both sets of ``keys`` (the rows seen, the rows found)."""
    seen, found = keys
    name = reading_name(table)
    position = 0
    for sp in skipped:
        chunk = values[position : position + sp.width]
        position += sp.width
        _set(reading, sp.key, [t.value for t in chunk], sp.width / 2)
        seen.add(sp.key)
        found.add(sp.key)
        notes.add(
            "ROW_INFERRED",
            "warning",
            f"{table}找不到“{sp.title}”的行标签，按位置把{after}的{sp.width}个数字读作该行",
            chunk[0].row,
            row=f"{name}.{sp.key}",
        )


def _values_row(hit: Hit) -> Row | None:
    """The line the row is read from by position (``positional``), if any."""
    label = hit.label.row
    row = hit.values[0].row if hit.values else label
    if any(v.row is not row for v in hit.values):
        return None
    if row is label:
        return row
    column = hit.label.column
    if (
        row.grid != label.grid
        or len(row.cells) != len(label.cells)
        or column < 0
        or any(row.cells[: column + 1])
    ):
        return None
    return row


def _under_heading(hit: Hit, width: int) -> list[Value] | None:
    """Table 四's group read by position under its name: a table of its own per group
    (``| 行政复议 | | | | |``, the five column names, then ``| 1 | 0 | 0 | 1 |  |``), the
    numbers on one line of the same table, as many cells, in the ``width`` columns that
    start at the name's, blank elsewhere; the name alone on its line."""
    label = hit.label.row
    row = hit.values[0].row
    column = hit.label.column
    if (
        row is label
        or any(v.row is not row for v in hit.values)
        or row.grid != label.grid
        or len(row.cells) != len(label.cells)
        or sum(1 for c in label.cells if c) != 1
        or any(row.cells[:column])
        or any(row.cells[column + width :])
    ):
        return None
    values = [read_value(c) for c in row.cells[column : column + width]]
    if len(values) != width or any(v.kind is Kind.TEXT for v in values):
        return None
    return values


def _own_table(hit: Hit, width: int) -> list[Value] | None:
    """Table 四's group as its name on a line of its own and, under it, a table of its
    own whose numbers' line has exactly ``width`` cells (a grid's row, a Markdown row
    between its outer pipes or one printed without them): the numbers read by their
    cells, blanks included (``行政诉讼（未经复议直接起诉）``, the five column names, then
    ``| 1 | 0 | 2 | 1 |  |`` or ``1 | 0 | 2 | 1 |``)."""
    label = hit.label.row
    row = hit.values[0].row
    if (
        row is label
        or any(v.row is not row for v in hit.values)
        or sum(1 for c in label.cells if c) != 1
        or (row.grid is not None and row.grid == label.grid)
    ):
        return None
    cells = row.cells
    if row.grid is None:
        text = row.text.strip()
        if label.grid is not None or "|" not in text:
            return None
        if text[:1] == "|":
            if text[-1:] != "|":
                return None  # (one outer pipe lost: where the blank is, no one can tell)
            cells = cells[1:-1]  # (the blanks outside the outer pipes)
    if len(cells) != width:
        return None
    values = [read_value(c) for c in cells]
    if any(v.kind is Kind.TEXT for v in values):
        return None
    return values


def _ruled_under(hit: Hit) -> bool:
    """Whether the numbers' line of ``_under_heading`` is a Markdown row with both outer
    pipes (then its blank cell's place is certain)."""
    text = hit.values[0].row.text
    return hit.values[0].row.grid is None and text[:1] == "|" and text[-1:] == "|"


def _merged_repeats(hit: Hit, width: int) -> bool:
    """A row of one cell whose number a converter wrote into every column its merged cell
    spans (``| 行政许可 | 4210 | 4210 | 4210 |``): the same text in each cell, all on the
    label's own line."""
    if width != 1:
        return False
    first = hit.values[0]
    return first.value.kind is Kind.NUMBER and all(
        t.text == first.text and t.row is hit.label.row for t in hit.values
    )


def _ruled(hit: Hit, width: int) -> bool:
    """Whether the line the row is read from is a Markdown table row with its outer pipes
    and exactly ``width`` cells after the label's column (``| 2.重复申请 | 3 | 0 | … | 0 |
    |``): then a blank cell's place is as certain as in a grid. (Splitting at the closing
    pipe leaves one empty cell after the row's last.) So it is for a PDF's row laid out by
    its table's columns (``Row.placed``) with exactly ``width`` cells after the label's,
    and for a line of a text copied from a spreadsheet (tab-separated, no page: a PDF's
    line is never so) with exactly ``width`` cells after the label's: a spreadsheet writes
    every cell, an empty one as nothing between two tabs."""
    row = _values_row(hit)
    if row is None:
        return False
    if row.placed:
        return len(row.cells) - hit.label.column - 1 == width
    text = row.text
    if row.grid is None and row.page is None and "\t" in text and "|" not in text:
        return len(row.cells) - hit.label.column - 1 == width
    return (
        row.grid is None
        and text[:1] == "|"
        and text[-1:] == "|"
        and len(row.cells) - hit.label.column - 2 == width
    )


def _width(hit: Hit, by_key: dict[str, RowSpec]) -> int:
    spec = by_key.get(hit.key)
    return 0 if spec is None else spec.width


def _printed_blank(row_hits: list[Hit], i: int, width: int, by_key: dict[str, RowSpec]) -> bool:
    """Whether ``row_hits[i]``, a row without a number, is printed with its cells blank
    as a Markdown table row (``| 3.要求提供公开出版物 | | | | | | | |``): both outer pipes,
    every cell after the label blank, as many as the row has, or as the lines of numbers
    of the rows around it (a converter pads each row to its table's width:
    ``| 行政强制 | | | |`` under ``| 行政处罚 | 12 | | |``); no numbers without a label,
    nor more than a row's, next to it (they could be the row's, printed above or below its
    label). A line of text with just the label says nothing of its cells."""
    row = row_hits[i].label.row
    if not _piped(row):
        return False
    cells = row.cells[row_hits[i].label.column + 1 : -1]  # (the blank after the last pipe)
    if len(cells) < width or any(cells):
        return False
    around = [row_hits[j] for j in (i - 1, i + 1) if 0 <= j < len(row_hits)]
    if any(hit.values and len(hit.values) != _width(hit, by_key) for hit in around):
        return False
    if len(cells) == width:
        return True
    return any(
        hit.values and _piped(hit.values[0].row) and len(hit.values[0].row.cells) == len(row.cells)
        for hit in around
    )


def _piped(row: Row) -> bool:
    text = row.text.strip()
    return row.grid is None and text[:1] == "|" and text[-1:] == "|"


def _row_cells(row: Row, width: int) -> Sequence[str] | None:
    """The ``width`` cells of a grid's row or of a Markdown row between its outer pipes."""
    if row.grid is not None:
        return row.cells if len(row.cells) == width else None
    if not _piped(row) or len(row.cells) != width + 2 or row.cells[0] or row.cells[-1]:
        return None
    return row.cells[1:-1]


def _ruled_line(values: Sequence[Token], width: int) -> list[Value] | None:
    """Table 四's numbers on Markdown rows with their outer pipes and exactly ``width``
    cells between them (``| 3 | 1 | … |  | 1 | … |``), or on a grid's rows of ``width``
    cells: each read by its cell, a blank one as null. Such a row cut by a page break
    prints its first cells on one row and the rest, in the same columns, on the next
    (``| 3 | 1 | … |  |  |`` then ``|  |  | … | 1 | 0 |``): no column filled on both, they
    are one row. (Splitting a Markdown line leaves one empty cell before the opening pipe
    and one after the closing pipe.)"""
    rows: list[Row] = []
    for value in values:
        if not rows or value.row is not rows[-1]:
            rows.append(value.row)
    printed = [_row_cells(row, width) for row in rows]
    if any(p is None for p in printed):
        return None
    cells = [""] * width
    for row_cells in printed:
        for i, cell in enumerate(row_cells or ()):
            if cell.strip():
                if cells[i].strip():
                    return None  # two rows print this column: not one row cut in two
                cells[i] = cell
    read = [read_value(c) for c in cells]
    if any(v.kind is Kind.TEXT for v in read):
        return None
    return read


def _later_has_values(hits: list[Hit], key: str) -> bool:
    return any(h.key == key and h.values for h in hits)


def _ling_as_zero(stream: Sequence[Token], notes: Notes, table: str) -> None:
    """Say, once for the table, the number cells printed with 〇 for the digit 0 (an OCR
    tool's, or typed: ``〇``, ``2〇6``) that were read as 0."""
    if not NOTED_CELLS:
        return  # no cell read so far (in this process) had a note: the usual case
    cells = [token for token in stream if token.value.note == NOTE_LING]
    if not cells:
        return
    shown = list(dict.fromkeys(token.text for token in cells))
    quoted = "".join(f"“{text}”" for text in shown[:_LING_SHOWN])
    more = "等" if len(shown) > _LING_SHOWN else ""
    notes.add(
        "LETTER_O_AS_ZERO",
        "warning",
        f"{table}有{len(cells)}个数字单元格（{quoted}{more}）中的“〇”按数字 0 读取"
        "（文字识别常把 0 认作“〇”），请核对原件",
        cells[0].row,
        cells=shown,
    )


_LING_SHOWN: Final = 5
"""Distinct cells quoted in the note on 〇 read as 0 (all are in its ``cells``)."""


EXTRA_ROWS_CODE: Final = "EXTRA_ROWS_LEFT_OUT"
_OWN_ITEM_RE: Final = re.compile(r"[一二三四五六七八九十\d]*[、.．)）]?\s*行政[\u4e00-\u9fff]{2,4}")
"""A table 二 item of the organ's own (行政确认, 行政奖励, 行政检查, 行政裁决, 行政给付): the
form's items are 行政许可, 行政处罚, 行政强制 and the two documents, each a label."""
_BREAKDOWN: Final = "其中"
"""What opens the rows breaking a row of the form down (其中：网上申请, 信函申请 …)."""


def _without_own_rows(hits: list[Hit], rows: Sequence[Row], notes: Notes, table: str) -> list[Hit]:
    """``hits`` without the rows of the organ's own, each said in an info note: in table 二
    an item the form does not have (``_OWN_ITEM_RE``); in table 三 the rows under a 其中
    (a cell opening 其中, or a line of it right above) up to the next row of the form."""
    breakdown_rows = (
        {row.index for row in rows if any(c.startswith(_BREAKDOWN) for c in row.cells)}
        if table == "表三"
        else set()
    )
    kept: list[Hit] = []
    under = False  # the hits since a 其中 are its rows
    parent: list[Token] = []  # the numbers of the form's row a 其中 breaks down
    for hit in hits:
        if hit.key or not hit.values or hit.label.value.is_value:
            under = False
            parent = hit.values if hit.key else []
            kept.append(hit)
            continue
        row = hit.label.row.index
        if table == "表二":
            own = hit.label.text != "" and _OWN_ITEM_RE.fullmatch(hit.label.text) is not None
        else:
            under = under or row in breakdown_rows or row - 1 in breakdown_rows
            own = under and _within(hit.values, parent)
        if not own:
            kept.append(hit)
            continue
        notes.add(
            EXTRA_ROWS_CODE,
            "info",
            f"{table}“{hit.label.text}”一行（{len(hit.values)}个数字）"
            + ("是国家格式之外本机关自列的事项" if table == "表二" else "是上一行的“其中”细分")
            + "，国家格式没有这一行，未读取",
            hit.label.row,
        )
    return kept


def _within(part: list[Token], whole: list[Token]) -> bool:
    """Whether a breakdown's numbers are each at most its row's (the cells of a 其中 row
    are part of the cells above them), as far as both are numbers."""
    if len(part) != len(whole):
        return False
    for mine, theirs in zip(part, whole, strict=True):
        small, large = mine.value.number, theirs.value.number
        if small is not None and large is not None and small > large:
            return False
    return True


def reading_name(table: str) -> str:
    return {"表二": "table2", "表三": "table3", "表四": "table4"}.get(table, table)


def _set(reading: Reading, key: str, values: list[Value], certain: float) -> None:
    numbers: list[Decimal | None] = []
    placeholders: list[int] = []
    for i, value in enumerate(values):
        numbers.append(value.number)  # None unless a number
        if value.kind is _PLACEHOLDER:
            placeholders.append(i)
    reading.cells[key] = numbers
    reading.certain += certain
    if placeholders:
        reading.placeholders[key] = tuple(placeholders)
    else:
        reading.placeholders.pop(key, None)


_PLACEHOLDER: Final = Kind.PLACEHOLDER


# ----------------------------------------------------------------------------- table 二

TABLE2_SPECS: tuple[RowSpec, ...] = tuple(
    RowSpec(row.key, len(block.columns), row.label)
    for block in s.TABLE2_BLOCKS
    for row in block.rows
)


_TABLE2_WIDTHS: dict[str, int] = {spec.key: spec.width for spec in TABLE2_SPECS}


def read_table2(rows: Sequence[Row], notes: Notes) -> Reading:
    reading = Reading(expected=sum(spec.width for spec in TABLE2_SPECS))
    stream = tokens(rows, table2_labels(), _TABLE2_WIDTHS)
    _ling_as_zero(stream, notes, "表二")
    yuan = yuan_cells(stream)
    stream, last_year = _without_last_year(stream)
    if last_year:
        notes.add(
            LAST_YEAR_CODE,
            "info",
            f"表二每项并列印有上年和本年的数字（{'、'.join(last_year)}），"
            "只读取本年的列，上年的列未读取",
            columns=list(last_year),
        )
    if _long_format(stream, reading, notes):
        if yuan is not None:
            fees_in_yuan(reading, yuan, notes)
        return reading
    chooser = _Table2Chooser(reading)
    hits = scan(stream, chooser)
    _near_labels(hits, notes, "表二")
    hits = _values_before_labels(hits, notes, "表二")
    reading.found = reading.found or bool(hits)
    if chooser.trial:
        reading.trial = True
        for hit in hits:
            reading.touch(hit.label.row)
            for token in hit.values:
                reading.touch(token.row)
        return reading
    # the 规章 row is left out by organs that make no 规章 (most below a city's
    # government): a 行政规范性文件 row without it is the block as printed
    unprinted = (REGULATIONS,) if any(h.key == _NORMATIVE for h in hits) else ()
    if any(not hit.key and hit.values for hit in hits):
        hits = _without_own_rows(hits, rows, notes, "表二")
    assign_rows(hits, TABLE2_SPECS, reading, notes, "表二", unprinted)
    if unprinted and REGULATIONS not in reading.cells:
        reading.expected -= TABLE2_SPECS[0].width
        notes.add(
            "ROW_NOT_PRINTED",
            "info",
            "表二没有印“规章”这一行（不制定规章的机关常不印此行），该行留空",
            row=f"table2.{REGULATIONS}",
        )
    if yuan is not None:
        fees_in_yuan(reading, yuan, notes)
    return reading


REGULATIONS, _NORMATIVE = s.TABLE2_DOCUMENT_ROWS

_TABLE2_COLUMN_KEYS: Final = {
    row.key: tuple(c.key for c in block.columns) for block in s.TABLE2_BLOCKS for row in block.rows
}
_LEAST_LONG: Final = 3
"""Fewer lines naming a row and a column are no table 二 printed one cell a line."""


def _long_format(stream: list[Token], reading: Reading, notes: Notes) -> bool:
    """Table 二 printed one cell a line (``| 第二十条第（一）项 | 规章 | 本年制发件数 | 0 |``:
    条款 | 信息内容 | 统计指标 | 数值): each number put in the cell its line names (the
    row, then one of that row's columns). Tried only when the first row label's line
    names a column after it; every line holding a number must name a cell so, its number
    last (a placeholder before it is filler), else the table is read the usual way. A
    cell named twice keeps its first number (``ROW_DUPLICATE``); a cell never named stays
    null (``ROW_NOT_FOUND``)."""
    at = next((i for i, t in enumerate(stream) if any(lb.kind == "row" for lb in t.labels)), -1)
    if (at >= 0 and _column_after(stream, at)) or _first_line_joined(stream):
        cells = _long_cells(stream)
        said = "表二每行印一格（项目、统计指标、数值），共{}格，各数字按该行所印的项目和指标读取"
    elif _first_values_under_joined(stream):
        cells = cells_under_labels(stream, table2_labels())
        said = "表二印成一行项目名称、下一行数字（每格名称含项目和指标），共{}格，各数字按其上方的名称读取"
    else:
        return False  # the usual table: a row label, then its numbers
    if cells is None or len(cells) < _LEAST_LONG:
        return False
    filled: set[tuple[str, int]] = set()
    for key, columns in _TABLE2_COLUMN_KEYS.items():
        reading.cells[key] = [None] * len(columns)
    for key, position, token in cells:
        reading.touch(token.row)
        if (key, position) in filled:
            notes.add(
                "ROW_DUPLICATE",
                "warning",
                f"表二“{s.table2_row(key).label}”行第{position + 1}格再次出现，只读取第一次出现的数字",
                token.row,
            )
            continue
        filled.add((key, position))
        reading.cells[key][position] = token.value.number
        reading.certain += 1
        if token.value.kind is _PLACEHOLDER:
            held = reading.placeholders.get(key, ())
            reading.placeholders[key] = tuple(sorted((*held, position)))
    reading.found = True
    notes.add("TABLE2_ONE_CELL_A_ROW", "info", said.format(len(filled)), cells[0][2].row)
    missing = [
        f"{s.table2_row(key).label}第{i + 1}格"
        for key, columns in _TABLE2_COLUMN_KEYS.items()
        for i in range(len(columns))
        if (key, i) not in filled
    ]
    if missing:
        notes.add(
            "ROW_NOT_FOUND",
            "warning",
            f"表二每行印一格，找不到{'、'.join(missing[:3])}"
            f"{f'等{len(missing)}格' if len(missing) > 3 else ''}，留空",
        )
    return True


def _column_after(stream: list[Token], at: int) -> bool:
    """Whether a column label follows ``stream[at]`` on its line."""
    row = stream[at].row
    for i in range(at + 1, len(stream)):
        token = stream[i]
        if token.row is not row:
            return False
        if any(lb.kind == "column" for lb in token.labels):
            return True
    return False


def _long_cells(stream: list[Token]) -> list[tuple[str, int, Token]] | None:
    """The cells of a table 二 printed one a line: (row key, column position, the value's
    token), in order; ``None`` when a line holding a number names no cell."""
    out: list[tuple[str, int, Token]] = []
    for line in by_row(stream):
        numbered = [t for t in line if t.value.is_value]
        if not numbered:
            continue
        value = line[-1]
        if numbered[-1] is not value or any(
            t.value.kind is not _PLACEHOLDER for t in numbered[:-1]
        ):
            return None
        cell = _cell_named(line) or _cell_joined(line)
        if cell is None:
            return None
        out.append((*cell, value))
    return out


def _cell_named(line: list[Token]) -> tuple[str, int] | None:
    """The cell a line names by a cell of the item and one of the measure."""
    key = next(
        (
            lb.key
            for t in line
            for lb in t.labels
            if lb.kind == "row" and lb.key in _TABLE2_COLUMN_KEYS
        ),
        None,
    )
    if key is None:
        return None
    columns = _TABLE2_COLUMN_KEYS[key]
    named = {lb.key for t in line for lb in t.labels if lb.kind == "column" and lb.key in columns}
    if len(named) != 1:
        return None
    return key, columns.index(named.pop())


def _cell_joined(line: list[Token]) -> tuple[str, int] | None:
    """The cell a line names by one cell joining the item and the measure (``规章本年
    废止件数``)."""
    found = [
        joined_name(t.text, table2_labels()) for t in line if t.labels and not t.value.is_value
    ]
    named = [cell for cell in found if cell is not None]
    return named[0] if len(named) == 1 else None


def _first_values_under_joined(stream: list[Token]) -> bool:
    """Whether the first number opens its line and the cell before it, on the line above,
    joins an item and a measure (a header row of 规章制发 | 规章废止 | … over the numbers)."""
    at = next((i for i, t in enumerate(stream) if t.value.is_value), -1)
    if at < 1 or stream[at - 1].row is stream[at].row:
        return False
    label = stream[at - 1]
    return bool(label.labels) and joined_name(label.text, table2_labels()) is not None


def _first_line_joined(stream: list[Token]) -> bool:
    """Whether the first line holding a number opens with a label joining an item and a
    measure (``规章本年制发件数 | 0``)."""
    at = next((i for i, t in enumerate(stream) if t.value.is_value), -1)
    if at < 1 or stream[at - 1].row is not stream[at].row:
        return False
    label = stream[at - 1]
    return bool(label.labels) and joined_name(label.text, table2_labels()) is not None


LAST_YEAR_CODE: Final = "LAST_YEAR_LEFT_OUT"
"""The code of the note saying last year's figures, printed for comparison, were left out
(``recognize`` says it too, of a whole table 三 of an earlier year)."""

_LAST_YEAR = "上年"
"""How a header cell of last year's figures begins (上年制发件数, 上年处理决定数量); the trial
form's 上一年项目数量 does not."""

_THIS_YEAR = "本年"
_LONGEST_HEAD = 20
"""A longer cell is text, not a column's header."""
_BLOCK_START = frozenset(("block", "header"))


def _without_last_year(stream: list[Token]) -> tuple[list[Token], tuple[str, ...]]:
    """Table 二 printed with a 上年 column beside each 本年 one (a header row holding
    both): the 上年 header cells and the values under them left out, and those headers'
    texts. A row under such a header whose cells do not line up with it (another number of
    cells) keeps none of its values: which of them are this year's cannot be told."""
    out: list[Token] = []
    seen: list[str] = []
    columns: frozenset[int] = frozenset()
    width = 0
    for row_tokens in by_row(stream):
        heads = [t for t in row_tokens if _is_last_year_head(t)]
        if heads and any(t.text.startswith(_THIS_YEAR) for t in row_tokens):
            columns = frozenset(t.column for t in heads)
            width = len(heads[0].row.cells)
            seen.extend(t.text for t in heads if t.text not in seen)
            out.extend(t for t in row_tokens if t not in heads)
            continue
        if any(lb.kind in _BLOCK_START for t in row_tokens for lb in t.labels[:1]):
            columns = frozenset()
        if columns:
            aligned = len(row_tokens[0].row.cells) == width
            out.extend(
                t
                for t in row_tokens
                if not t.value.is_value or (aligned and t.column not in columns)
            )
        else:
            out.extend(row_tokens)
    return out, tuple(seen)


def _is_last_year_head(token: Token) -> bool:
    return (
        not token.value.is_value
        and token.text.startswith(_LAST_YEAR)
        and len(token.text) <= _LONGEST_HEAD
        and not any(lb.kind == "row" for lb in token.labels)
    )


class _Table2Chooser(Chooser):
    """Table 二's rows; ``trial``: a label of the 2019 trial format was seen."""

    __slots__ = ("trial",)

    def __init__(self, reading: Reading) -> None:
        super().__init__(reading)
        self.trial = False

    def choose(self, token: Token) -> str | None:
        if not token.labels:
            return TEXT_KEY
        best = token.labels[0]
        if best.kind.startswith("trial"):
            self.trial = True
        if best.kind == "row":
            return best.key
        if best.kind == "trial_row":
            return f"trial:{best.key}"
        self.reading.found = True
        self.reading.touch(token.row)
        return None


# ----------------------------------------------------------------------------- table 三

TABLE3_SPECS: tuple[RowSpec, ...] = tuple(
    RowSpec(row.key, s.TABLE3_WIDTH, row.full_label) for row in s.TABLE3_ROWS
)


_TABLE3_WIDTHS: dict[str, int] = {spec.key: spec.width for spec in TABLE3_SPECS}


def read_table3(rows: Sequence[Row], notes: Notes) -> Reading:
    reading = Reading()
    rows = without_column_numbers(rows, s.TABLE3_WIDTH, notes, "表三", reading)
    stream = tokens(rows, table3_labels(), _TABLE3_WIDTHS)
    _ling_as_zero(stream, notes, "表三")
    heads = comparison_heads(stream)
    if heads:
        stream = without_comparisons(stream, heads, notes)
    hits = scan(stream, _Table3Chooser(reading, _header_rows(stream)))
    _near_labels(hits, notes, "表三")
    hits = _values_before_labels(hits, notes, "表三")
    reading.found = reading.found or bool(hits)
    row_hits = [h for h in hits if not h.key.startswith("group:")]
    first = _first_with_values(row_hits)
    # (the usual table's first line of numbers is a row of seven: never read otherwise)
    if (
        first is not None
        and len(first.values) != s.TABLE3_WIDTH
        and _other_layout(stream, row_hits, first, reading, notes)
    ):
        _integers_only(reading, notes)
        return reading
    _drop_subtotal_column(row_hits, _subtotal_header(stream), notes)
    trial_other = _trial_other(hits, row_hits)
    optional: tuple[str, ...] = ()
    if trial_other is not None:
        reading.trial = True
        optional = s.TABLE3_2019_ONLY_2021_ROWS
        trial_other.key = s.TABLE3_2019_OTHER.key
        row_hits = sorted([*row_hits, trial_other], key=_LABEL_ROW_INDEX)
    for i, hit in enumerate(hits):
        if hit.key.startswith("group:") and hit.values:
            if _numbers_of_cut_item(hits, i):
                continue
            reading.touch(hit.label.row)
            notes.add(
                "SUBTOTAL_IGNORED",
                "info",
                f"表三“{hit.label.text}”后有{len(hit.values)}个数字（分组小计），"
                "国家格式没有这一行，未读取",
                hit.label.row,
            )
    specs = TABLE3_SPECS
    if reading.trial:
        specs = tuple(sp for sp in specs if sp.key not in optional)
    reading.expected = len(specs) * s.TABLE3_WIDTH
    if any(not hit.key and hit.values for hit in row_hits):
        row_hits = _without_own_rows(row_hits, rows, notes, "表三")
    printed = _header_names(stream)
    without_total = _total_not_printed(printed, row_hits, notes)
    assign_rows(row_hits, specs, reading, notes, "表三", optional)
    _reorder_columns(printed, reading, notes, without_total)
    _integers_only(reading, notes)
    return reading


def _integers_only(reading: Reading, notes: Notes) -> None:
    """Say every cell of table 三 read as a number that is no whole count."""
    for key, values in reading.cells.items():
        if None not in as_counts(values):
            continue  # every cell blank or whole (the usual row)
        for i, number in enumerate(values):
            if number is not None and as_count(number) is None:
                column = s.TABLE3_COLUMNS[i]
                notes.add(
                    "CELL_NOT_INTEGER",
                    "warning",
                    f"表三“{s.TABLE3_ROW_BY_KEY[key].full_label}”行“{column.label}”列"
                    f"应为整数，读到{number}，按 null 处理",
                    cell=s.table3_cell(key, column.key),
                )


def _first_with_values(row_hits: list[Hit]) -> Hit | None:
    for hit in row_hits:
        if hit.values:
            return hit
    return None


def _other_layout(
    stream: list[Token], row_hits: list[Hit], first: Hit, reading: Reading, notes: Notes
) -> bool:
    """Table 三 printed on its side (read here whole: ``True``), or each cell beside last
    year's (``row_hits`` cut to this year's numbers, read on the usual way: ``False``); see
    ``table3_layouts``."""
    if not first.key and len(first.values) == len(TABLE3_SPECS):
        turned = sideways(stream, row_hits, notes)
        if turned is None:
            return False
        certain = 1.0 if not turned.failed else 0.5
        for key, values in turned.cells.items():
            _set(reading, key, values, s.TABLE3_WIDTH * certain)
        reading.expected = len(TABLE3_SPECS) * s.TABLE3_WIDTH
        for row in turned.rows:
            reading.touch(row)
        return True
    if len(first.values) == 2 * s.TABLE3_WIDTH:
        year = one_year(stream, row_hits, notes)
        if year is not None:
            reading.touch(year.row)
    return False


class _Table3Chooser(Chooser):
    """Table 三's rows; a generic row label (``其他``) starts a row only after a row
    label that is not generic (``started``), and never on a line of the header
    (``headers``: the header repeated after a page break prints the column 其他)."""

    __slots__ = ("headers", "started")

    def __init__(self, reading: Reading, headers: frozenset[int] = frozenset()) -> None:
        super().__init__(reading)
        self.started = False
        self.headers = headers

    def choose(self, token: Token) -> str | None:
        if not token.labels:
            return TEXT_KEY
        best = token.labels[0]
        row_label = next((lb for lb in token.labels if lb.kind == "row"), None)
        if (
            row_label is not None
            and (not row_label.generic or (self.started and token.row.index not in self.headers))
            and row_label.score >= best.score
        ):
            self.started = self.started or not row_label.generic
            return row_label.key
        self.reading.found = True
        self.reading.touch(token.row)
        if best.kind == "group":
            return f"group:{best.key}"
        return None


_LABEL_ROW_INDEX = attrgetter("label.row.index")
_MIN_HEADER_COLUMNS = 2


def _header_rows(stream: Sequence[Token]) -> frozenset[int]:
    """The lines of table 三's header: lines holding two or more column names and no
    number (``| 商业企业 | 科研机构 | … | 其他 |``), by row index."""
    names: dict[int, int] = {}
    valued: set[int] = set()
    for token in stream:
        index = token.row.index
        if token.value.is_value:
            valued.add(index)
        elif any(lb.kind == "column" for lb in token.labels):
            names[index] = names.get(index, 0) + 1
    return frozenset(i for i, n in names.items() if n >= _MIN_HEADER_COLUMNS and i not in valued)


def _subtotal_header(stream: Sequence[Token]) -> int | None:
    """Where table 三's header prints a 小计 column: 1 before the five
    organisation columns, 6 after them; ``None`` when it prints none or it cannot tell."""
    places: dict[str, int | None] = {}
    for token in stream:
        if token.value.is_value or any(lb.kind == "row" and not lb.generic for lb in token.labels):
            break
        text = "".join(token.text.split())
        if text.endswith("小计"):  # (合计 is a name of the 总计 column)
            places.setdefault("subtotal", token.row.column(token.column))
            continue
        column = next((lb.key for lb in token.labels if lb.kind == "column"), None)
        if column in ("commercial", "other"):
            places.setdefault(column, token.row.column(token.column))
    at, first, last = places.get("subtotal"), places.get("commercial"), places.get("other")
    if at is None or first is None or last is None:
        return None
    return 1 if at < first else 6 if at > last else None


def _drop_subtotal_column(row_hits: list[Hit], header: int | None, notes: Notes) -> None:
    """Table 三 printed with a 法人或其他组织 小计 column (eight numbers a row): the column
    whose every number is the sum of the five organisation columns, before them or after
    them, is left out, when the rows show it (a subtotal that is not 0 somewhere) and,
    where both places add up (the organisations' numbers all in one column), the header
    says which one is the 小计."""
    width = s.TABLE3_WIDTH
    wide = [h for h in row_hits if h.key and len(h.values) == width + 1]
    if len(wide) < 3 or len(wide) * 2 < sum(1 for h in row_hits if h.key and h.values):
        return
    places = {1: (2, 7), 6: (1, 6)}  # subtotal's position: the five it sums
    fitting = []
    for place, (first, last) in places.items():
        shown = False
        for hit in wide:
            numbers = [t.value.number for t in hit.values]
            parts = numbers[first:last]
            if numbers[place] is None or None in parts:
                continue
            if numbers[place] != sum(p for p in parts if p is not None):
                break
            shown = shown or numbers[place] != 0
        else:
            if shown:
                fitting.append(place)
    if header is not None:
        fitting = [place for place in fitting if place == header]
    if len(fitting) != 1:
        return
    place = fitting[0]
    for hit in wide:
        hit.values = [t for i, t in enumerate(hit.values) if i != place]
    notes.add(
        "SUBTOTAL_IGNORED",
        "info",
        f"表三有一列是“法人或其他组织”的小计（{len(wide)}行，每行为五类组织之和），"
        "国家格式没有这一列，未读取",
        wide[0].label.row,
    )


_ORGANISATION_COLUMNS = tuple(c.key for c in s.TABLE3_COLUMNS[1:6])
"""The columns printed under the merged header 法人或其他组织 in the national form."""


def _header_names(stream: Sequence[Token]) -> list[tuple[str, int | None, int]]:
    """Table 三's header: the labelled cells before the first row label or number, each
    as (column key, or ``organisation`` for the merged 法人或其他组织; its table column;
    its line's index)."""
    found: list[tuple[str, int | None, int]] = []
    for token in stream:
        if token.value.is_value or any(lb.kind == "row" and not lb.generic for lb in token.labels):
            break
        header = next((lb for lb in token.labels if lb.kind == "header"), None)
        if header is not None and header.key == "organisation":
            found.append((header.key, None, token.row.index))
            continue
        column = next((lb for lb in token.labels if lb.kind == "column"), None)
        if column is not None:
            found.append((column.key, token.row.column(token.column), token.row.index))
    return found


def header_order(stream: Sequence[Token]) -> tuple[str, ...] | None:
    """Table 三's column keys in the order its header prints them, when the header
    says so without doubt; ``None`` otherwise (the national order is then assumed).

    The header is the labelled cells before the first row label or number. Two readings
    must agree:

    * by place: the seven column labels sorted by their table column, each in its own
      column (a line of one cell has no column, so then there is no reading);
    * by order: the labels in reading order, where the five organisation columns take
      the place of the merged 法人或其他组织 above them (自然人 | 法人或其他组织 | 总计,
      then the five), as in the national form's two-level header.

    A header that places 总计 beside 申请人情况 on the first line reads differently by
    order and by place and is left alone.
    """
    return _order_of(_header_names(stream), s.TABLE3_COLUMN_KEYS)


def _order_of(
    found: list[tuple[str, int | None, int]], keys: tuple[str, ...]
) -> tuple[str, ...] | None:
    """``header_order`` of a header printing the columns ``keys`` (the seven, or the six
    applicant columns of a table printed without its 总计)."""
    placed = [(x, key) for key, x, _ in found if key != "organisation"]
    if len(placed) != len(keys) or {key for _, key in placed} != set(keys):
        return None
    columns = [x for x, _ in placed]
    if None in columns or len(set(columns)) != len(columns):
        return None
    by_place = tuple(key for _, key in sorted(placed))
    outer = sorted(["organisation", *(k for k in keys if k not in _ORGANISATION_COLUMNS)])
    return by_place if _by_order([key for key, _, _ in found], outer) == by_place else None


def _by_order(printed: list[str], outer_keys: list[str]) -> tuple[str, ...] | None:
    if "organisation" not in printed:
        return tuple(printed)
    inner = [k for k in printed if k in _ORGANISATION_COLUMNS]
    outer = [k for k in printed if k not in _ORGANISATION_COLUMNS]
    if printed[-len(inner) :] != inner or sorted(outer) != outer_keys:
        return None
    at = outer.index("organisation")
    return (*outer[:at], *inner, *outer[at + 1 :])


def _total_not_printed(
    printed: list[tuple[str, int | None, int]], row_hits: list[Hit], notes: Notes
) -> bool:
    """Table 三 printed without its 总计 column: a header naming 自然人 and the five
    organisation columns and no 总计, and six numbers a row. Each such row is given a
    blank 总计 (null: not printed, never summed), and that is said."""
    names = {key for key, _, _ in printed}
    if "total" in names or not names >= _APPLICANT_KEYS:
        return False
    counts = [len(h.values) for h in row_hits if h.key and h.values]
    six = s.TABLE3_WIDTH - 1
    if not counts or max(counts) != six or 2 * counts.count(six) < len(counts):
        return False
    for hit in row_hits:
        if hit.key and len(hit.values) == six:
            last = hit.values[-1]
            hit.values.append(Token(last.row, last.column + 1, "", EMPTY))
    notes.add(
        "CELL_BLANK",
        "info",
        "表三没有印“总计”一列（表头只有自然人和五类法人或其他组织），各行的“总计”留空"
        "（null），不按各列相加填入",
        row_hits[0].label.row,
    )
    return True


_APPLICANT_KEYS: Final = frozenset(c.key for c in s.TABLE3_APPLICANT_COLUMNS)


def _reorder_columns(
    printed: list[tuple[str, int | None, int]],
    reading: Reading,
    notes: Notes,
    without_total: bool = False,
) -> None:
    """Put each value in its column when the header prints the columns in another order;
    a header printing 总计 before other columns whose order it does not say leaves the
    table blank (never read by position)."""
    if without_total:
        six = _order_of(printed, tuple(c.key for c in s.TABLE3_APPLICANT_COLUMNS))
        order = None if six is None else (*six, "total")
    else:
        order = _order_of(printed, s.TABLE3_COLUMN_KEYS)
    if order is None:
        if not without_total and _total_before_others(printed):
            _leave_blank(printed, reading, notes)
        elif not without_total and _total_first_by_sums(reading.cells.values(), s.TABLE3_WIDTH):
            _total_first(reading, notes)
        return
    if order == s.TABLE3_COLUMN_KEYS:
        return
    source = [order.index(key) for key in s.TABLE3_COLUMN_KEYS]
    for key, values in reading.cells.items():
        if len(values) == s.TABLE3_WIDTH:
            reading.cells[key] = [values[i] for i in source]
    for key, positions in reading.placeholders.items():
        moved = (s.TABLE3_COLUMN_KEYS.index(order[p]) for p in positions if p < len(order))
        reading.placeholders[key] = tuple(sorted(moved))
    shown = order[:-1] if without_total else order
    labels = "、".join(s.TABLE3_COLUMN_BY_KEY[key].label for key in shown)
    notes.add(
        "COLUMNS_REORDERED",
        "info",
        f"表三表头的列顺序为“{labels}”，与国家格式不同，各列按表头读取",
    )


def _total_first_by_sums(rows: Iterable[Sequence[Decimal | None]], width: int) -> bool:
    """Whether the rows of ``width`` cells (table 三's rows, table 四's groups), read in
    the national order, say their 总计 was printed first: a header whose words do not say
    the order leaves only the rows' sums. At least two rows fail 总计 = the sum of the
    others in the national order and hold it with the first cell as 总计, none holds only
    the national order, and fewer fail both (a single row off is a report's misprint;
    every row off by the same shift is a misplacement). A row whose first and last cells
    are equal (``3 0 0 0 0 0 3``, most rows of a small office) tells neither order: it is
    looked at only to count the rows failing both."""
    whole = [row for row in rows if len(row) == width and not any([n is None for n in row])]
    telling = [row for row in whole if row[0] != row[-1]]
    first = neither = 0
    for row in telling:
        total = sum([n for n in row if n is not None])
        as_printed = total == 2 * (row[-1] or 0)  # (the others add up to the last)
        shifted = total == 2 * (row[0] or 0)
        if as_printed:
            return False  # a row in the national order: the usual table, known at once
        if shifted:
            first += 1
        else:
            neither += 1
    if first < 2:
        return False
    for row in whole:
        if row[0] == row[-1] and any([n for n in row[1:-1]]):
            neither += 1  # (equal ends, the middle not zero: fails both orders)
    return neither < first


def _total_first(reading: Reading, notes: Notes) -> None:
    """Move each row's first cell (its 总计) to the form's last column."""
    last = s.TABLE3_WIDTH - 1
    for key, values in reading.cells.items():
        if len(values) == s.TABLE3_WIDTH:
            reading.cells[key] = [*values[1:], values[0]]
    for key, positions in reading.placeholders.items():
        moved = (last if p == 0 else p - 1 for p in positions)
        reading.placeholders[key] = tuple(sorted(moved))
    notes.add(
        "COLUMNS_REORDERED",
        "info",
        "表三表头的列名未能全部识别，但按国家格式的列顺序各行的“总计”都不等于六类申请人"
        "之和，而把每行第一个数字当作“总计”时各行都相加相符：表三的“总计”列印在最前，"
        "按各行的加总关系读取",
    )


def _total_before_others(printed: list[tuple[str, int | None, int]]) -> bool:
    """Whether the header prints 总计 (合计) in a column left of another of its names, the
    columns under 法人或其他组织 aside when that header is printed (the form's two-level
    header, flattened to one line, prints them after 总计): an order other than the
    form's, so its columns are never read by position."""
    keys = {key for key, _, _ in printed}
    inner = _ORGANISATION_COLUMNS if "organisation" in keys else ()
    at = [x for key, x, _ in printed if key == "total" and x is not None]
    others = [x for key, x, _ in printed if key not in inner and key != "total" and x is not None]
    return bool(at) and bool(others) and min(at) < max(others)


def _leave_blank(
    printed: list[tuple[str, int | None, int]], reading: Reading, notes: Notes
) -> None:
    names = {key for key, _, _ in printed}
    missing = "、".join(c.label for c in s.TABLE3_COLUMNS if c.key not in names)
    reading.cells.clear()
    reading.placeholders.clear()
    reading.certain = 0.0
    notes.add(
        "COLUMNS_REORDERED",
        "warning",
        f"表三表头把“总计”印在其他列之前，列顺序与国家格式不同，但表头中有的列名未能识别"
        f"（未识别：{missing or '无'}），无法确定各列顺序；表三不按位置读取，整张表留空",
    )


def _trial_other(hits: list[Hit], row_hits: list[Hit]) -> Hit | None:
    """In the 2019 trial format （六）其他处理 is one row with its own numbers; not when
    its label goes on with the first item's number (``（六）其他处理1.申``, a label of the
    2021 form wrapped with its numbers on a later line)."""
    split_rows = {"other.no_correction", "other.fee_unpaid"}
    if any(h.key in split_rows for h in row_hits):
        return None
    return next(
        (
            h
            for h in hits
            if h.key == f"group:{s.TABLE3_2019_OTHER.group or 'other'}"
            and h.values
            and not _FIRST_ITEM_AFTER_RE.search(h.label.text)
        ),
        None,
    )


def _numbers_of_cut_item(hits: list[Hit], i: int) -> bool:
    """Whether ``hits[i]``, a group's heading with numbers, is the first piece of a row
    label cut into lines (``_item_pieces``): the next hit is a row of that group without
    numbers, its label (opening with the item's number) alone on the line right after the
    heading's, and no line of numbers without a label follows it (they would be its own).
    The heading's numbers are then the row's, not a subtotal: they are moved to it."""
    group = hits[i]
    if i + 1 >= len(hits) or len(group.values) != s.TABLE3_WIDTH:
        return False
    item = hits[i + 1]
    label = item.label
    row = s.TABLE3_ROW_BY_KEY.get(item.key)
    if (
        row is None
        or item.values
        or group.key != f"group:{row.group}"
        or label.row.index != group.label.row.index + 1
        or len(label.row.cells) != 1
        or _ITEM_RE.match(label.text) is None
        or any(token.row is not group.label.row for token in group.values)
    ):
        return False
    if i + 2 < len(hits) and not hits[i + 2].key and hits[i + 2].values:
        return False
    item.values = group.values
    group.values = []
    return True


_FIRST_ITEM_AFTER_RE = re.compile(r"其他处理\s*[(（]?[1１][.．、)）]")


# ----------------------------------------------------------------------------- table 四

TABLE4_WIDTH = len(s.TABLE4_COLUMNS)
TABLE4_SPECS: tuple[RowSpec, ...] = tuple(
    RowSpec(g.key, TABLE4_WIDTH, g.label) for g in s.TABLE4_GROUPS
)


_TABLE4_BY_KEY: Final = {spec.key: spec for spec in TABLE4_SPECS}


def read_table4(rows: Sequence[Row], notes: Notes, lead: Sequence[tuple[str, str]] = ()) -> Reading:
    """Table 四 in ``rows``; ``lead`` holds the headings printed before its first row, on
    the line of the part's title (``四、……行政诉讼情况 行政诉讼``: ``table4_header_words``)."""
    reading = Reading(expected=len(TABLE4_SPECS) * TABLE4_WIDTH)
    rows = without_column_numbers(rows, len(TABLE4_SPECS) * TABLE4_WIDTH, notes, "表四", reading)
    stream = tokens(rows, table4_labels())
    _ling_as_zero(stream, notes, "表四")
    hits = scan(stream, _Table4Chooser(reading))
    _near_labels(hits, notes, "表四")
    keyed = [h for h in hits if h.key and h.values]
    if keyed and any(len(h.values) > TABLE4_WIDTH for h in keyed):
        # a 行次 column after the group names, as in table 三 (``ROW_NUMBERS_IGNORED``)
        _without_line_numbers(keyed, _TABLE4_BY_KEY, notes, "表四")
    if keyed and all(len(h.values) <= TABLE4_WIDTH for h in keyed):
        assign_rows(hits, TABLE4_SPECS, reading, notes, "表四")
        if not reading.cells:
            return reading  # no group read: nothing to put in order (a crawled page's
            # header over one run of digits, ``flat_tables`` reads it and says so)
        headings = [*lead, *_table4_headings(stream)]
        columns = table4_column_order(headings, notes.add)
        if columns is not None:
            _reorder_table4(reading, TABLE4_GROUP_ORDER, columns, notes)
        else:
            _total_first_unless_named(headings, reading, notes)
        return reading
    values = _flat_values(stream, len(TABLE4_SPECS) * TABLE4_WIDTH)
    if not values:
        if reading.found:
            notes.add("ROW_NOT_FOUND", "warning", "表四中找不到数字，整张表留空")
        return reading
    reading.found = True
    for token in values:
        reading.touch(token.row)
    width = len(TABLE4_SPECS) * TABLE4_WIDTH
    read: list[Value] | None = [t.value for t in values] if len(values) == width else None
    certain = float(width)
    if read is None and len(values) < width:
        first = values[0]
        hit = Hit("all", Token(first.row, -1, "", first.value), values)
        ruled = _ruled_line(values, width)
        # a Markdown row between its outer pipes with too few cells lost one: which, no
        # position says (the blank before its opening pipe is no cell)
        read = ruled if ruled is not None or _piped(first.row) else positional(hit, width)
        sure = first.row.grid is not None or ruled is not None
        certain = float(width) if sure else width / 2
        if read is not None:
            notes.add(
                "CELL_BLANK" if sure else "CELL_AMBIGUOUS",
                "info" if sure else "warning",
                f"表四：应为{width}个数字，读到{len(values)}个；按单元格位置把空白读作 null",
                first.row,
            )
    if read is None:
        code = "ROW_TOO_MANY" if len(values) > width else "ROW_TOO_FEW"
        notes.add(
            code,
            "warning",
            f"表四：应为{width}个数字（行政复议、未经复议直接起诉、复议后起诉各5个），"
            f"读到{len(values)}个，整张表留空",
            values[0].row,
        )
        return reading
    for i, spec in enumerate(TABLE4_SPECS):
        _set(reading, spec.key, read[i * TABLE4_WIDTH : (i + 1) * TABLE4_WIDTH], 0)
    reading.certain = certain
    headings = [*lead, *_table4_headings(stream)]
    groups = table4_group_order(headings, notes.add)
    columns = table4_column_order(headings, notes.add)
    if groups is not None or columns is not None:
        _reorder_table4(
            reading,
            TABLE4_GROUP_ORDER if groups is None else groups,
            TABLE4_COLUMN_ORDER if columns is None else columns,
            notes,
        )
    if columns is None:
        _total_first_unless_named(headings, reading, notes)
    return reading


def _total_first_unless_named(
    headings: list[tuple[str, str]], reading: Reading, notes: Notes
) -> None:
    """Each group's 总计 moved from the first column to the last when the headings do not
    name the five columns (a header naming them says their order) and the groups' sums
    say it was printed first."""
    if {key for kind, key in headings if kind == "column"} >= _TABLE4_COLUMN_SET:
        return
    if _total_first_by_sums(reading.cells.values(), TABLE4_WIDTH):
        _table4_total_first(reading, notes)


_TABLE4_COLUMN_SET: Final = frozenset(s.TABLE4_COLUMN_KEYS)


def _table4_total_first(reading: Reading, notes: Notes) -> None:
    """Move each group's first cell (its 总计) to the form's last column: the headings
    do not say the columns' order, the groups' sums do (``_total_first_by_sums``)."""
    last = TABLE4_WIDTH - 1
    for key, values in reading.cells.items():
        if len(values) == TABLE4_WIDTH:
            reading.cells[key] = [*values[1:], values[0]]
    for key, positions in reading.placeholders.items():
        reading.placeholders[key] = tuple(sorted(last if p == 0 else p - 1 for p in positions))
    notes.add(
        "TABLE4_REORDERED",
        "info",
        "表四的列标题未能全部识别，但按国家格式的列顺序各组的“总计”都不等于其余四列之和，"
        "而把每组第一个数字当作“总计”时各组都相加相符：各组的“总计”印在最前，"
        "按各组的加总关系读取",
    )


class _Table4Chooser(Chooser):
    """Table 四's groups."""

    __slots__ = ()

    def choose(self, token: Token) -> str | None:
        if not token.labels:
            return TEXT_KEY
        self.reading.found = True
        self.reading.touch(token.row)
        best = token.labels[0]
        if best.kind == "column":
            # a column header between a group's name and its numbers (the group, then
            # 结果维持 … 总计, then five numbers) is skipped like a label wrapped onto
            # the next line: the numbers stay the group's
            return TEXT_KEY
        return best.key if best.kind == "group" else None


TABLE4_GROUP_ORDER: tuple[str, ...] = tuple(spec.key for spec in TABLE4_SPECS)
TABLE4_COLUMN_ORDER: tuple[str, ...] = s.TABLE4_COLUMN_KEYS
_RECONSIDERATION, _DIRECT, _AFTER = TABLE4_GROUP_ORDER
_LITIGATION = "litigation"
"""The key of the 行政诉讼 heading over the two litigation groups (``labels``)."""


def _table4_headings(stream: Sequence[Token]) -> list[tuple[str, str]]:
    """Table 四's headings before its last number, in reading order: (kind, key) with
    kind ``group`` (a group's name or the 行政诉讼 heading, key ``litigation``) or
    ``column``. A cell naming two of them (the part's title, 行政复议、行政诉讼情况) names
    none. (``table4_headings_in`` reads them from a crawled page's header words.)"""
    last = len(stream) - 1
    while last >= 0 and not stream[last].value.is_value:
        last -= 1
    out: list[tuple[str, str]] = []
    for i in range(last):
        token = stream[i]
        labels = token.labels
        if not labels:
            continue  # (a value has none)
        first = labels[0]
        if first.kind not in _TABLE4_HEADING_KINDS or any(
            lb.kind != first.kind or lb.key != first.key for lb in labels[1:]
        ):
            continue
        if len(token.text) >= first.score + 3 and _names_several(token.text):
            continue  # the text of several cells run together (a PDF's overflowing cell)
        out.append(("column" if first.kind == "column" else "group", first.key))
    return out


def _names_several(text: str) -> bool:
    folded = normalize_label(text)
    return len({key for variant, key in _TABLE4_NAMES if variant in folded}) > 1


_TABLE4_HEADING_KINDS = frozenset(("group", "header", "column"))
_TABLE4_NAMES: tuple[tuple[str, str], ...] = tuple(
    (folded, key)
    for variants, key in (
        *((g.variants, g.key) for g in s.TABLE4_GROUPS),
        ((s.TABLE4_LITIGATION_HEADER,), _LITIGATION),
        *((table4_column_variants(c), c.key) for c in s.TABLE4_COLUMNS),
    )
    for folded in map(normalize_label, variants)
    if len(folded) > 2
)
"""The names of table 四's groups and columns that are not generic words, folded: a
cell holding two of them is no heading."""


def table4_headings_in(words: str) -> list[tuple[str, str]]:
    """Table 四's headings in its header words run together, as a crawled page prints them
    (``行政诉讼行政复议未经复议直接起诉复议后起诉总计结果维持…``, whitespace already
    removed): ``_table4_headings``'s (kind, key) pairs, each name found left to right, the
    longest at each place (``其他结果`` before ``其他``); what is no name (a unit note,
    punctuation) is skipped."""
    if "其它" in words:
        words = words.replace("其它", "其他")
    return [_TABLE4_WORD_KEYS[m.group(0)] for m in _TABLE4_WORD_RE.finditer(words)]


_TABLE4_WORD_KEYS: dict[str, tuple[str, str]] = {
    variant: (kind, key)
    for variants, kind, key in (
        *((g.variants, "group", g.key) for g in s.TABLE4_GROUPS),
        ((s.TABLE4_LITIGATION_HEADER,), "group", _LITIGATION),
        *((table4_column_variants(c), "column", c.key) for c in s.TABLE4_COLUMNS),
    )
    for variant in variants
}
_TABLE4_WORD_RE = re.compile(
    "|".join(re.escape(w) for w in sorted(_TABLE4_WORD_KEYS, key=len, reverse=True))
)


def table4_header_words(text: str) -> list[tuple[str, str]]:
    """``table4_headings_in`` for text that holds nothing but table 四's header words
    (white space and a unit note such as ``（单位：件）`` between them); ``[]`` for any
    other text (a sentence naming 行政诉讼 and 行政复议 says nothing of the table's order)."""
    folded = "".join(text.split())
    if not folded or _TABLE4_WORDS_ONLY_RE.fullmatch(folded) is None:
        return []
    return table4_headings_in(folded)


_TABLE4_WORDS_ONLY_RE = re.compile(
    f"(?:{_TABLE4_WORD_RE.pattern}|[(（]?单位[:：]件[)）]|[(（]件[)）])+"
)


def _before(first: list[int], second: list[int]) -> bool | None:
    """Whether every place in ``first`` comes before every place in ``second`` (True),
    every one after (False), or they interleave (None)."""
    if max(first) < min(second):
        return True
    if min(first) > max(second):
        return False
    return None


def table4_group_order(
    headings: list[tuple[str, str]], note: Callable[[str, str, str], None]
) -> tuple[str, ...] | None:
    """The three groups in the order the table prints them, read from its headings
    (行政复议, 行政诉讼, 未经复议直接起诉, 复议后起诉): which of 行政复议 and 行政诉讼 comes
    first (from 行政诉讼's own heading where printed, else from its two groups'), and
    which of the two litigation groups. ``None`` when the headings do not say, or
    contradict each other (then with a warning, given to ``note``): the national order is
    assumed."""
    places: dict[str, list[int]] = {}
    for i, (kind, key) in enumerate(_printed_once(headings)):
        if kind == "group":
            places.setdefault(key, []).append(i)
    reconsideration = places.get(_RECONSIDERATION)
    direct, after = places.get(_DIRECT), places.get(_AFTER)
    litigation = places.get(_LITIGATION)
    sub: tuple[str, ...] = (_DIRECT, _AFTER)
    conflict = ""
    if direct and after:
        ahead = _before(direct, after)
        if ahead is None:
            conflict = "“未经复议直接起诉”和“复议后起诉”的表头交错出现"
        elif not ahead:
            sub = (_AFTER, _DIRECT)
    first = True  # 行政复议 before 行政诉讼
    if reconsideration and not conflict:
        if litigation:
            ahead = _before(reconsideration, litigation)
            if ahead is None:
                conflict = "“行政复议”和“行政诉讼”的表头交错出现"
        elif direct or after:
            ahead = _before(reconsideration, (direct or []) + (after or []))
            if ahead is None:
                conflict = "“行政复议”的表头夹在行政诉讼的两组之间"
        else:
            ahead = True
        first = bool(ahead)
    if conflict:
        note(
            "TABLE4_HEADINGS_CONFLICT",
            "warning",
            f"表四{conflict}，无法按表头确定各组的顺序，按国家格式的位置读取，请核对",
        )
        return None
    order = (_RECONSIDERATION, *sub) if first else (*sub, _RECONSIDERATION)
    return None if order == TABLE4_GROUP_ORDER else order


def _printed_once(headings: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The headings with a run of them that names a group and is printed again right
    after itself (a converter repeating the header's rows) read once: the same groups
    again are no other order."""
    out = list(headings)
    i = 0
    while i < len(out):
        for size in range(2, (len(out) - i) // 2 + 1):
            run = out[i : i + size]
            if run == out[i + size : i + 2 * size] and any(k == "group" for k, _ in run):
                del out[i + size : i + 2 * size]
                break
        else:
            i += 1
    return out


def table4_column_order(
    headings: list[tuple[str, str]], note: Callable[[str, str, str], None]
) -> tuple[str, ...] | None:
    """The five columns of a group in the order the table's headings print them (结果维持
    … 总计, once for each group or once for all): ``None`` when they are not all printed
    or print the national order; when the groups' headings disagree, or name a column
    twice, ``None`` with a warning."""
    printed = [key for kind, key in headings if kind == "column"]
    width = TABLE4_WIDTH
    if not printed or len(printed) % width:
        return None
    chunks = {tuple(printed[i : i + width]) for i in range(0, len(printed), width)}
    if chunks == {TABLE4_COLUMN_ORDER}:
        return None
    if len(chunks) != 1 or len(set(printed[:width])) != width:
        note(
            "TABLE4_HEADINGS_CONFLICT",
            "warning",
            "表四各组的列标题（结果维持、结果纠正、其他结果、尚未审结、总计）顺序不一致"
            "或有重复，无法按表头确定各列，按国家格式的位置读取，请核对",
        )
        return None
    return tuple(printed[:width])


def _reorder_table4(
    reading: Reading, groups: tuple[str, ...], columns: tuple[str, ...], notes: Notes
) -> None:
    """Move the groups read by position (``reading.cells`` keyed in the national order)
    and each group's columns to where the table's headings put them."""
    cells = reading.cells
    placeholders = reading.placeholders
    printed_cells = {
        key: cells.get(spec) for key, spec in zip(groups, TABLE4_GROUP_ORDER, strict=True)
    }
    printed_blanks = {
        key: placeholders.get(spec) for key, spec in zip(groups, TABLE4_GROUP_ORDER, strict=True)
    }
    source = [columns.index(key) for key in TABLE4_COLUMN_ORDER]
    for key in TABLE4_GROUP_ORDER:
        values = printed_cells[key]
        if values is None:
            cells.pop(key, None)
        elif len(values) == TABLE4_WIDTH:
            cells[key] = [values[i] for i in source]
        else:
            cells[key] = values
        positions = printed_blanks[key]
        if positions is None:
            placeholders.pop(key, None)
        else:
            placeholders[key] = tuple(
                sorted(TABLE4_COLUMN_ORDER.index(columns[p]) for p in positions if p < TABLE4_WIDTH)
            )
    notes.add("TABLE4_REORDERED", "info", table4_reordered_message(groups, columns))


def table4_reordered_message(groups: tuple[str, ...], columns: tuple[str, ...]) -> str:
    """What ``TABLE4_REORDERED`` says: the order of the groups and of the columns printed."""
    said = []
    if groups != TABLE4_GROUP_ORDER:
        said.append(
            "各组的顺序为“" + "、".join(s.TABLE4_GROUP_BY_KEY[k].label for k in groups) + "”"
        )
    if columns != TABLE4_COLUMN_ORDER:
        labels = {c.key: c.label for c in s.TABLE4_COLUMNS}
        said.append("各组的列顺序为“" + "、".join(labels[k] for k in columns) + "”")
    return f"表四表头所示{'，'.join(said)}，与国家格式不同，各数字按表头归入各组、各列"


def table4_in_form_order(
    cells: Sequence[int | None], groups: tuple[str, ...], columns: tuple[str, ...]
) -> list[int | None]:
    """Table 四's 15 cells read in the order printed (``groups`` of ``columns``) put in
    the national form's order (行政复议, 未经复议直接起诉, 复议后起诉; 结果维持 … 总计)."""
    out: list[int | None] = []
    for group in TABLE4_GROUP_ORDER:
        at = groups.index(group) * TABLE4_WIDTH
        out.extend(cells[at + columns.index(column)] for column in TABLE4_COLUMN_ORDER)
    return out


def _flat_values(stream: list[Token], width: int) -> list[Token]:
    """Table 四 as printed by the form: three header rows, then one row of 15 values.

    Runs of values separated only by labels of the table are one row split over
    several tables or lines (行政复议 in one table, 行政诉讼 in the next): they are
    read on until there are ``width`` values; plain text after values ends the row."""
    values: list[Token] = []
    for token in stream:
        if token.value.is_value:
            values.append(token)
        elif values and (not token.labels or len(values) >= width):
            break
    return values


def table2_value(number: Decimal | None) -> int | Decimal | None:
    return as_table2_value(number)
