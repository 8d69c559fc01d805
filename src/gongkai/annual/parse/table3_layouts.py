"""Table 三 printed in a layout other than the form's, looked for only when its first line
of numbers is not a row of seven (``tables.read_table3`` asks, the usual table never):

* on its side (``sideways``, note ``TABLE3_TRANSPOSED``): the 25 row labels on one line
  (or one a cell), then seven lines each opening with an applicant column's name
  (自然人 … 总计) and holding that column's 25 numbers, number i being row i's;
* each cell beside last year's (``one_year``, note ``LAST_YEAR_LEFT_OUT``): a header line
  naming two consecutive years in turn under the seven columns (``2023年 2022年`` seven
  times) and every row fourteen numbers: the later year's are kept.

Neither repairs a number: a table on its side whose totals do not add up is read as printed
with less confidence, or, when most of them fail, not read at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise
from typing import TYPE_CHECKING, Final

from .. import schema as s
from .cells import Value
from .notes import Notes
from .rows import Row

if TYPE_CHECKING:
    from .tables import Hit, Token

TRANSPOSED_CODE: Final = "TABLE3_TRANSPOSED"
LAST_YEAR_CODE: Final = "LAST_YEAR_LEFT_OUT"
ROWS: Final = len(s.TABLE3_ROWS)
WIDTH: Final = s.TABLE3_WIDTH
_ROW_KEYS: Final = s.TABLE3_ROW_KEYS
_COLUMN_KEYS: Final = s.TABLE3_COLUMN_KEYS
_OUTCOMES: Final = frozenset(row.key for row in s.TABLE3_OUTCOME_ROWS)
_FIRST_ROW_WORDS: Final = "新收"
"""What the first row's label prints in every variant (一、本年新收……): a line holding it
right above the seven lines is their row labels' line."""
_SHOWN: Final = 3
"""Failing sums named in the note; the rest counted."""


@dataclass
class Sideways:
    """Table 三 read from lines of one column each: cells by row key in the form's column
    order, the columns in the order printed, the rows of the table, and the sums that fail."""

    cells: dict[str, list[Value]]
    printed: tuple[str, ...]
    rows: list[Row] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def sideways(stream: Sequence[Token], row_hits: Sequence[Hit], notes: Notes) -> Sideways | None:
    """Table 三 on its side (see the module docstring), its cells put in place and checked by
    the form's sums; ``None`` when the lines are not seven columns of 25 numbers named as
    the form names them, or the row labels printed before them are in an order no number
    could follow, or the sums fail badly (``_failing_sums``: then it is said, and nothing
    is read)."""
    lines = _column_lines(stream)
    if lines is None:
        return None
    first_row = lines[0][0].row
    order = _row_order(row_hits, first_row.index)
    if order is None:
        return None
    by_column = {_column_of(name): values for name, values in lines}
    cells = {
        key: [by_column[column][i].value for column in _COLUMN_KEYS] for i, key in enumerate(order)
    }
    printed = tuple(_column_of(name) for name, _ in lines)
    found = Sideways(cells, printed)
    found.failed, badly = _failing_sums(cells)
    if badly:
        notes.add(
            "VALUES_UNASSIGNED",
            "warning",
            f"表三似为横过来印（七行各以申请人列名开头，各有{ROWS}个数字），但按列读取时"
            f"{len(found.failed)}处合计不符，无法确定数字属于哪一行，未读取",
            first_row,
        )
        return None
    found.rows = [name.row for name, _ in lines]
    found.rows.extend(hit.label.row for hit in row_hits if hit.key and not hit.values)
    above = _labels_line(stream, first_row)
    if above is not None:
        found.rows.append(above)
    notes.add(TRANSPOSED_CODE, "info", _sideways_message(found), first_row)
    return found


def _column_of(token: Token) -> str:
    """The applicant column a line's first cell names (``_column_lines`` made sure of one)."""
    return next(lb.key for lb in token.labels if lb.kind == "column")


def _column_lines(stream: Sequence[Token]) -> list[tuple[Token, list[Token]]] | None:
    """Every line of the region holding a number, each as its first cell (an applicant
    column's name) and its numbers, when there are seven such lines, one for each column,
    each a name then exactly ``ROWS`` numbers; else ``None``."""
    lines: list[tuple[Token, list[Token]]] = []
    i, end = 0, len(stream)
    while i < end:
        row = stream[i].row
        j = i
        while j < end and stream[j].row is row:
            j += 1
        line = stream[i:j]
        i = j
        if not any(token.value.is_value for token in line):
            continue
        name, values = line[0], list(line[1:])
        if (
            len(values) != ROWS
            or not all(token.value.is_value for token in values)
            or not any(lb.kind == "column" for lb in name.labels)
        ):
            return None
        lines.append((name, values))
    if len(lines) != WIDTH or {_column_of(n) for n, _ in lines} != set(_COLUMN_KEYS):
        return None
    return lines


def _row_order(row_hits: Sequence[Hit], before: int) -> tuple[str, ...] | None:
    """The rows the numbers of each line stand for, in order: as the row labels printed
    above the lines list them when they are every row of the form once; the form's order
    when they are none (one long line no label was read from) or some, in the form's
    order; ``None`` when they are in another order yet not all there."""
    printed = [
        hit.key for hit in row_hits if hit.key and not hit.values and hit.label.row.index < before
    ]
    if len(printed) == ROWS and set(printed) == set(_ROW_KEYS):
        return tuple(printed)
    places = [_ROW_KEYS.index(key) for key in printed]
    if any(b <= a for a, b in pairwise(places)):
        return None
    return _ROW_KEYS


def _labels_line(stream: Sequence[Token], first: Row) -> Row | None:
    """The line right above the first column's, when it prints the first row's label (the
    row labels' line, part of the table, not of the section's text)."""
    previous: Row | None = None
    for token in stream:
        if token.row is first:
            break
        previous = token.row
    if previous is None or _FIRST_ROW_WORDS not in previous.text:
        return None
    return previous


def _failing_sums(cells: dict[str, list[Value]]) -> tuple[list[str], bool]:
    """The form's sums that fail, in words, and whether they fail badly: each row's 总计 is
    its six applicant columns' sum (which tells the columns apart); in each column
    （七）总计 is the outcome rows' sum, and 一 plus 二 is （七） plus 四 (which tell the
    rows apart). Only a sum with a number other than 0 in it says anything, and a sum with
    a blank cell is not checked; more than half of either kind failing is failing badly."""
    numbers = {key: [v.number for v in values] for key, values in cells.items()}
    failed: list[str] = []
    rows = _Tally()
    for key in _ROW_KEYS:
        row = numbers[key]
        if rows.check(row[:-1], row[-1:]):
            failed.append(f"“{s.TABLE3_ROW_BY_KEY[key].full_label}”的总计")
    columns = _Tally()
    for c, column in enumerate(s.TABLE3_COLUMNS):
        outcomes = [numbers[key][c] for key in _ROW_KEYS if key in _OUTCOMES]
        total = numbers["handled_total"][c]
        if columns.check(outcomes, [total]):
            failed.append(f"“{column.label}”列的（七）总计")
        received, carried, forward = (
            numbers[key][c] for key in ("received", "carried_over", "carried_forward")
        )
        if columns.check([received, carried], [total, forward]):
            failed.append(f"“{column.label}”列的“一加二等于三加四”")
    return failed, rows.bad or columns.bad


class _Tally:
    """Sums checked and failed, of one kind."""

    def __init__(self) -> None:
        self.checked = 0
        self.failed = 0

    def check(self, parts: Sequence[Decimal | None], whole: Sequence[Decimal | None]) -> bool:
        """Whether ``parts`` fail to add up to ``whole`` (counted when they say anything)."""
        if None in parts or None in whole or (not any(parts) and not any(whole)):
            return False
        self.checked += 1
        if _sum(parts) == _sum(whole):
            return False
        self.failed += 1
        return True

    @property
    def bad(self) -> bool:
        return self.failed * 2 > self.checked


def _sum(numbers: Sequence[Decimal | None]) -> Decimal:
    return sum((n for n in numbers if n is not None), Decimal(0))


def _sideways_message(found: Sideways) -> str:
    names = "、".join(s.TABLE3_COLUMN_BY_KEY[key].label for key in found.printed)
    said = (
        f"表三横过来印：七行各以一个申请人列名开头（{names}），各有{ROWS}个数字，"
        f"按列读取（每行第i个数字属于表三第i行）"
    )
    if not found.failed:
        return f"{said}；各行总计、各列（七）总计和“一加二等于三加四”都相符"
    shown = "、".join(found.failed[:_SHOWN])
    more = f"等{len(found.failed)}处" if len(found.failed) > _SHOWN else ""
    return f"{said}；{shown}{more}与各项之和不符，按所印数字读取、未更正，请核对"


# ----------------------------------------------------------------------------- two years

_YEAR_RE: Final = re.compile(r"((?:19|20)\d\d)年度?")


@dataclass(frozen=True)
class YearHeader:
    """A header line naming two consecutive years in turn, once for each column's two cells."""

    row: Row
    kept: int
    other: int
    positions: tuple[int, ...]
    """Where the kept year's numbers stand in a row's fourteen."""


def one_year(stream: Sequence[Token], row_hits: Sequence[Hit], notes: Notes) -> YearHeader | None:
    """Each cell printed as two years' numbers (see the module docstring): every row's
    numbers cut to the later year's, when a header line before the first number names the
    two years in turn (``2023年 2022年`` seven times, or ``2022年 2023年``) and every line of
    numbers holds fourteen; ``None`` (nothing changed) otherwise."""
    header = _year_header(stream)
    valued = [hit for hit in row_hits if hit.values]
    if header is None or any(len(hit.values) != 2 * WIDTH for hit in valued):
        return None
    for hit in valued:
        hit.values = [hit.values[i] for i in header.positions]
    columns = [f"{column.label}（{header.other}年）" for column in s.TABLE3_COLUMNS]
    notes.add(
        LAST_YEAR_CODE,
        "info",
        f"表三每个单元格并列印有{header.kept}年和{header.other}年两个数字（表头两个年份交替"
        f"印了{WIDTH}次，每行{2 * WIDTH}个数字）：只读取较晚的{header.kept}年的{WIDTH}列，"
        f"{header.other}年的{WIDTH}列（{'、'.join(columns[:2])}……）未读取",
        header.row,
        columns=columns,
    )
    return header


def _year_header(stream: Sequence[Token]) -> YearHeader | None:
    """The line before the first number whose every word is a year (``2023年``, ``2022年度``),
    fourteen of them, two consecutive years in turn."""
    line: list[Token] = []
    for token in stream:
        if token.value.is_value:
            break
        if line and line[0].row is not token.row:
            found = _years(line)
            if found is not None:
                return found
            line = []
        line.append(token)
    return _years(line) if line else None


def _years(line: list[Token]) -> YearHeader | None:
    words = " ".join(token.text for token in line).split()
    if len(words) != 2 * WIDTH:
        return None
    years: list[int] = []
    for word in words:
        match = _YEAR_RE.fullmatch(word)
        if match is None:
            return None
        years.append(int(match.group(1)))
    first, second = years[0], years[1]
    if abs(first - second) != 1 or years != [first, second] * WIDTH:
        return None
    kept = max(first, second)
    positions = tuple(i for i, year in enumerate(years) if year == kept)
    return YearHeader(line[0].row, kept, min(first, second), positions)
