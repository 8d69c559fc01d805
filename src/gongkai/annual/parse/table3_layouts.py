"""Table 三 printed in a layout other than the form's, looked for only when its first line
of numbers is not a row of seven (``tables.read_table3`` asks, the usual table never):

* on its side (``sideways``, note ``TABLE3_TRANSPOSED``): the 25 row labels on one line
  (or one a cell), then seven lines each opening with an applicant column's name
  (自然人 … 总计; 法人或其他组织 | 商业企业; 法人或其他组织-商业企业) and holding that
  column's 25 numbers, number i being row i's, or, in a grid or a Markdown table whose
  header cells are the form's rows (under group cells, in any order), the row of the
  header cell above it;
* each cell beside last year's (``one_year``, note ``LAST_YEAR_LEFT_OUT``): a header line
  naming two consecutive years in turn under the seven columns (``2023年 2022年`` seven
  times) and every row fourteen numbers: the later year's are kept.

Before any of this, whatever the first line, columns of the organ's own after the form's
seven (``comparison_heads``: 上年同期, 同比增减, 占比, 备注; note ``LAST_YEAR_LEFT_OUT`` or
``EXTRA_COLUMNS_LEFT_OUT``) are set apart with their numbers, and percentages and 持平.

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
from .labels import table3_labels
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
    by_header: bool = False
    """Each number's row told by the header cell above it (a grid), not by its place."""


def sideways(stream: Sequence[Token], row_hits: Sequence[Hit], notes: Notes) -> Sideways | None:
    """Table 三 on its side (see the module docstring), its cells put in place and checked by
    the form's sums; ``None`` when the lines are not seven columns of 25 numbers named as
    the form names them, or the row labels printed before them are in an order no number
    could follow, or the sums fail badly (``_failing_sums``: then it is said, and nothing
    is read)."""
    lines = _column_lines(stream)
    if lines is None:
        return None
    first_row = lines[0][1].row
    order = by_header = _order_by_header(stream, first_row.index, lines)
    if order is None:
        order = _row_order(row_hits, first_row.index)
    if order is None:
        return None
    by_column = {column: values for column, _, values in lines}
    cells = {
        key: [by_column[column][i].value for column in _COLUMN_KEYS] for i, key in enumerate(order)
    }
    printed = tuple(column for column, _, _ in lines)
    found = Sideways(cells, printed, by_header=by_header is not None)
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
    found.rows = [name.row for _, name, _ in lines]
    found.rows.extend(hit.label.row for hit in row_hits if hit.key and not hit.values)
    above = _labels_line(stream, first_row)
    if above is not None:
        found.rows.append(above)
    notes.add(TRANSPOSED_CODE, "info", _sideways_message(found), first_row)
    return found


def _column_lines(stream: Sequence[Token]) -> list[tuple[str, Token, list[Token]]] | None:
    """Every line of the region holding a number, each as the applicant column its name
    cells say (``自然人``; ``法人或其他组织 | 商业企业``; ``法人或其他组织-商业企业``), the
    cell saying it and its numbers, when there are seven such lines, one for each column,
    each names then exactly ``ROWS`` numbers; else ``None``."""
    lines: list[tuple[str, Token, list[Token]]] = []
    i, end = 0, len(stream)
    while i < end:
        row = stream[i].row
        j = i
        while j < end and stream[j].row is row:
            j += 1
        line = stream[i:j]
        i = j
        first = next((k for k, token in enumerate(line) if token.value.is_value), -1)
        if first < 0:
            continue
        values = list(line[first:])
        named = _applicant(line[:first])
        if (
            named is None
            or len(values) != ROWS
            or not all(token.value.is_value for token in values)
        ):
            return None
        lines.append((named[0], named[1], values))
    if len(lines) != WIDTH or {column for column, _, _ in lines} != set(_COLUMN_KEYS):
        return None
    return lines


def _table_column(token: Token) -> int:
    """The table column a cell stands in (a merged cell before it counted), -1 when its
    line says nothing of columns."""
    column = token.row.column(token.column)
    return -1 if column is None else column


_LEVELS_RE: Final = re.compile(r"[-－—–/]")
"""What joins a column's group and its name in one cell (``法人或其他组织-商业企业``)."""


def _applicant(names: Sequence[Token]) -> tuple[str, Token] | None:
    """The applicant column the cells before a line's numbers name, the last that names
    one (a group's merged cell may come first), and that cell."""
    for token in reversed(names):
        column = next((lb.key for lb in token.labels if lb.kind == "column"), None)
        if column is None and _LEVELS_RE.search(token.text):
            last = _LEVELS_RE.split(token.text)[-1]
            column = next(
                (lb.key for lb in table3_labels().classify(last)[1] if lb.kind == "column"), None
            )
        if column is not None:
            return column, token
    return None


def _order_by_header(
    stream: Sequence[Token], before: int, lines: list[tuple[str, Token, list[Token]]]
) -> tuple[str, ...] | None:
    """The rows the numbers of each line stand for, by the header cell above each number
    (a grid or a Markdown table whose header cells are the form's rows, in any order,
    under group cells such as （三）不予公开): every line's numbers under the same cells,
    and those the form's 25 rows once each; else ``None``."""
    by_column: dict[int, str] = {}
    for token in stream:
        if token.row.index >= before:
            break
        row = next((lb.key for lb in token.labels if lb.kind == "row"), None)
        if row is not None and not token.value.is_value:
            by_column[_table_column(token)] = row  # a lower header row's item over its group's
    columns = [_table_column(token) for token in lines[0][2]]
    if any([_table_column(token) for token in values] != columns for _, _, values in lines):
        return None
    order = tuple(by_column.get(column, "") if column >= 0 else "" for column in columns)
    if set(order) != set(_ROW_KEYS) or len(order) != ROWS:
        return None
    return order


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
    said = f"表三横过来印：七行各以一个申请人列名开头（{names}），各有{ROWS}个数字，" + (
        "按列读取（每个数字属于其上方表头所印的表三那一行）"
        if found.by_header
        else "按列读取（每行第i个数字属于表三第i行）"
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


# ------------------------------------------------------------------ comparison columns

EXTRA_COLUMNS_CODE: Final = "EXTRA_COLUMNS_LEFT_OUT"
_COMPARISON_WORDS: Final = ("上年", "去年", "同期", "同比", "环比", "增减", "增幅", "占比", "备注")
"""What the header of a column of the organ's own says: last year's figures beside this
year's, a comparison of the two, a share, a remark."""
_LAST_YEAR_WORDS: Final = ("上年", "去年", "同期", "同比", "环比", "增减", "增幅")
_LONGEST_HEAD: Final = 12
"""A longer header cell is a sentence (a note on the table), not a column's name."""
_COMPARED_RE: Final = re.compile(r"[+\-－]?\d+(?:\.\d+)?\s*[%％]|持平")
"""A cell a comparison column holds, whatever its header: a percentage, or 持平."""


def comparison_heads(stream: Sequence[Token]) -> list[Token]:
    """The header cells before the table's first number that name a column of the organ's
    own (上年同期, 同比增减, 占比, 备注): short, no label of the form, in a table's row (a
    grid's, or a line of several cells)."""
    heads: list[Token] = []
    for token in stream:
        if token.value.is_value:
            break
        text = token.text
        if (
            not token.labels
            and len(text) <= _LONGEST_HEAD
            and (token.row.grid is not None or len(token.row.cells) > 1)
            and any(word in text for word in _COMPARISON_WORDS)
        ):
            heads.append(token)
    return heads


def _place(token: Token) -> tuple[int, int, int]:
    """Where a cell stands: its grid (-1 for a line of cells, told apart by how many cells
    it has) and its table column."""
    row = token.row
    if row.grid is not None:
        return row.grid, 0, _table_column(token)
    return -1, len(row.cells), token.column


def without_comparisons(stream: list[Token], heads: list[Token], notes: Notes) -> list[Token]:
    """The table's cells without those under ``heads`` and without percentages and 持平
    anywhere (a comparison's cells), the columns said: they are not the form's, and a row
    keeps only its seven cells."""
    places = {_place(head) for head in heads}
    kept = [
        token
        for token in stream
        if not (
            (token.value.is_value and _place(token) in places)
            or (not token.labels and _COMPARED_RE.fullmatch(token.text.strip()))
        )
    ]
    if len(kept) == len(stream):
        return stream
    names = list(dict.fromkeys(head.text for head in heads))
    last_year = any(word in name for name in names for word in _LAST_YEAR_WORDS)
    notes.add(
        LAST_YEAR_CODE if last_year else EXTRA_COLUMNS_CODE,
        "info",
        f"表三另印有{'、'.join(f'“{name}”' for name in names)}列（供对照，国家格式没有），"
        "这些列的数字未读取，每行只读取国家格式的七列",
        heads[0].row,
        columns=names,
    )
    return kept
