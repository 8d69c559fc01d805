"""Table 四 in layouts besides the form's, tried by ``recognize`` after the usual reading
(``tables.read_table4``), each only when that reading says it may apply
(``table4_other_layouts``): printed one cell a line or turned on its side
(``table4_cells``), and printed with more or less than the form's fifteen cells:

* A sixteenth number after the fifteen on the value row (``read_past_fifteen``): the
  organ's count of all cases (案件合计), set apart with a ``SUBTOTAL_IGNORED`` note when
  the header names it (合计, 总计, 总数 in a cell after the fifteen columns, or a header
  cell that is no column of the form, 案件合计) or when it equals the three groups' 总计
  added; the fifteen are read the usual way. Otherwise it is not set apart: which of
  sixteen numbers is the extra one nothing says.
* No number at all, and under the header a grid's row of one cell (merged across it)
  saying no case happened (``本年度未发生政府信息公开行政复议、行政诉讼案件``,
  ``placeholders.no_case_said``): the groups it names are 0 in every cell, said with
  ``PLACEHOLDER_AS_ZERO`` quoting the words; a group it does not name stays null. A line
  of text is not read so: under a header whose numbers were left blank, it may be a
  note, and a blank stays null.
* A row of all groups' sums under the three groups (``合计 4 1 2 1 8``,
  ``read_without_total_row``): a check row of the organ's own, set apart. When its five
  numbers are the groups' column sums it is said with an info ``SUBTOTAL_IGNORED``; when
  they are not, with a warning saying so. The groups' cells are read as printed either
  way: the report's own arithmetic is reported, never repaired.
* A group the table does not print (``ROW_NOT_FOUND``) told instead in a sentence of
  part 四 naming that group and each of its five results with its count
  (``未经复议直接起诉的行政诉讼2件，其中结果维持1件、结果纠正0件、其他结果1件、尚未审结0件，
  总计2件``, ``groups_in_sentences``): read from the sentence when its 总计 is the four
  results added, said with an info note quoting it. A sentence naming fewer results, or
  two groups, is not read (a result left unsaid is no 0); one whose 总计 is not the sum
  leaves the group null, its ``ROW_NOT_FOUND`` saying why.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal

from .. import schema as s
from ..schema import normalize_label
from .cells import Value, read_value
from .notes import Notes
from .placeholders import no_case_said, table4_placeholders_as_zero
from .rows import Row
from .table4_cells import read_table4_cells, rows_name_columns
from .tables import Reading, read_table4

_WIDTH = len(s.TABLE4_GROUPS) * len(s.TABLE4_COLUMNS)
"""The form's cells in table 四."""
_GROUP_WIDTH = len(s.TABLE4_COLUMNS)
_TOTAL_WORDS = ("合计", "总计", "总数")
"""Words naming a count of all cases."""
_PLAIN_TOTALS = frozenset(normalize_label(v) for v in s.TABLE4_COLUMNS[-1].variants)
"""A column heading that is each group's own 总计, not one of all cases."""
_COLUMN_NAMES = tuple(normalize_label(c.label) for c in s.TABLE4_COLUMNS)
_GROUP_NAMES = tuple(
    normalize_label(v) for g in s.TABLE4_GROUPS for v in (*g.variants, s.TABLE4_LITIGATION_HEADER)
)


def _numbers(row: Row) -> list[tuple[int, Value]] | None:
    """The positions and values of the row's numbers when the numbers are its last
    filled cells (a label may lead them); ``None`` when a word follows a number."""
    out: list[tuple[int, Value]] = []
    for at, cell in enumerate(row.cells):
        if not cell:
            continue
        value = read_value(cell)
        if value.is_value:
            out.append((at, value))
        elif out:
            return None
    return out


def _value_row(rows: Sequence[Row]) -> tuple[int, list[tuple[int, Value]]] | None:
    """The one row of ``rows`` holding ``_WIDTH + 1`` numbers, with them; ``None`` when no
    row or another row holds numbers too."""
    found: tuple[int, list[tuple[int, Value]]] | None = None
    for k, row in enumerate(rows):
        numbers = _numbers(row)
        if numbers is None:
            return None
        if not numbers:
            continue
        if found is not None or len(numbers) != _WIDTH + 1:
            return None
        found = (k, numbers)
    return found


def _header_names_all_cases(rows: Sequence[Row]) -> str | None:
    """The heading of a column of all cases printed in the header (``rows``, above the
    value row): the last cell of a header row naming a total and no group, either after
    the fifteen columns of a grid or no heading of the form's own (案件合计, not 总计)."""
    for row in rows:
        filled = [(at, cell) for at, cell in enumerate(row.cells) if cell]
        if not filled:
            continue
        at, cell = filled[-1]
        folded = normalize_label(cell)
        if not any(w in folded for w in _TOTAL_WORDS) or any(g in folded for g in _GROUP_NAMES):
            continue
        column = row.column(at) if row.grid is not None else None
        if folded not in _PLAIN_TOTALS or (column is not None and column >= _WIDTH):
            return cell
    return None


def _is_sum_of_totals(numbers: list[Decimal | None]) -> bool:
    """Whether the last number is the three groups' 总计 added, each 总计 printed last of
    its five (the form's order) or first."""
    last = numbers[-1]
    if last is None:
        return False
    for first in (_GROUP_WIDTH - 1, 0):
        totals = [t for t in numbers[first:_WIDTH:_GROUP_WIDTH] if t is not None]
        if len(totals) == len(s.TABLE4_GROUPS) and sum(totals, Decimal(0)) == last:
            return True
    return False


def _without(row: Row, at: int) -> Row:
    """``row`` without its cell at ``at``."""
    cells = row.cells[:at] + row.cells[at + 1 :]
    columns = None if row.columns is None else row.columns[:at] + row.columns[at + 1 :]
    out = Row(
        row.index,
        cells,
        " ".join(c for c in cells if c),
        row.line,
        row.page,
        row.grid,
        row.grid_row,
        columns,
    )
    out.placed = row.placed
    return out


def read_past_fifteen(
    rows: Sequence[Row], notes: Notes, lead: Sequence[tuple[str, str]] = ()
) -> Reading | None:
    """Table 四 whose value row holds a sixteenth number after the fifteen, a count of
    all cases (see the module docstring): the fifteen read the usual way, the sixteenth
    set apart with a note; ``None`` when the rows are no such table."""
    found = _value_row(rows)
    if found is None:
        return None
    k, numbers = found
    extra_at = numbers[-1][0]
    header = _header_names_all_cases(rows[:k])
    if header is None and not _is_sum_of_totals([v.number for _, v in numbers]):
        return None
    trimmed = list(rows)
    trimmed[k] = _without(rows[k], extra_at)
    said = notes.child()
    reading = read_table4(trimmed, said, lead)
    if not reading.found or reading.confidence < 1.0:
        return None
    why = f"表头为“{header}”" if header is not None else "等于行政复议、行政诉讼三组“总计”之和"
    said.add(
        "SUBTOTAL_IGNORED",
        "info",
        f"表四在15格之后多印一个数字“{rows[k].cells[extra_at]}”（{why}），是全部案件的合计，"
        "不属于国家格式，未读取；15格按表头读取",
        rows[k],
    )
    notes.adopt(said)
    return reading


def _header_above(rows: Sequence[Row], grid: int) -> bool:
    """Whether ``rows`` hold a header of table 四's columns in the grid ``grid``: a row
    naming two of them."""
    for row in rows:
        if row.grid != grid:
            continue
        folded = normalize_label(row.text)
        if sum(1 for name in _COLUMN_NAMES if name in folded) >= 2:
            return True
    return False


def read_no_case_row(rows: Sequence[Row], notes: Notes) -> Reading | None:
    """Table 四 printing no number, whose value row is one cell saying no case happened
    (see the module docstring); ``None`` when the rows are no such table."""
    for k, row in enumerate(rows):
        if row.grid is None:
            continue  # a line of text under a header may be a note after a blank table
        filled = [cell for cell in row.cells if cell]
        if len(filled) != 1 or ("复议" not in filled[0] and "诉讼" not in filled[0]):
            continue
        said = no_case_said(filled)
        if said is None or not _header_above(rows[:k], row.grid):
            continue
        groups = said[1]
        reading = Reading(expected=_WIDTH, found=True)
        reading.touch(row)
        for group in groups:
            reading.cells[group] = [Decimal(0)] * _GROUP_WIDTH
            reading.certain += _GROUP_WIDTH
        names = "、".join(s.TABLE4_GROUP_BY_KEY[g].label for g in groups)
        notes.add(
            "PLACEHOLDER_AS_ZERO",
            "info",
            f"表四的数字行只印一句“{filled[0]}”，说明本年度没有此类案件：“{names}”各格按 0 读取",
            row,
        )
        left = [g for g in s.TABLE4_GROUP_KEYS if g not in groups]
        if left:
            notes.add(
                "ROW_NOT_FOUND",
                "warning",
                "表四的数字行只说“"
                + names
                + "”没有案件，“"
                + "、".join(s.TABLE4_GROUP_BY_KEY[g].label for g in left)
                + "”各格留空",
                row,
                cells=[s.table4_cell(g, c) for g in left for c in s.TABLE4_COLUMN_KEYS],
            )
        return reading
    return None


_SUM_WORDS = frozenset(normalize_label(w) for w in ("合计", "总计", "总数", "共计", "案件合计"))
"""The label of a row of all groups' sums."""


def _total_row(rows: Sequence[Row]) -> tuple[int, list[Decimal | None]] | None:
    """The last row of ``rows`` labelled as a sum of all groups (合计), naming no group,
    then five numbers, with them; ``None`` when there is none."""
    for k in range(len(rows) - 1, -1, -1):
        filled = [cell for cell in rows[k].cells if cell]
        if len(filled) != _GROUP_WIDTH + 1 or normalize_label(filled[0]) not in _SUM_WORDS:
            continue
        values = [read_value(cell) for cell in filled[1:]]
        if all(v.is_value for v in values):
            return k, [v.number for v in values]
    return None


def _column_sums(reading: Reading) -> list[Decimal | None]:
    """Each column's sum over the three groups; ``None`` where a cell is null."""
    sums: list[Decimal | None] = []
    for i in range(_GROUP_WIDTH):
        cells = [reading.cells.get(g, [None] * _GROUP_WIDTH)[i] for g in s.TABLE4_GROUP_KEYS]
        numbers = [c for c in cells if c is not None]
        sums.append(sum(numbers, Decimal(0)) if len(numbers) == len(cells) else None)
    return sums


def read_without_total_row(
    rows: Sequence[Row], reading: Reading, notes: Notes, lead: Sequence[tuple[str, str]] = ()
) -> Reading | None:
    """Table 四 read whole with numbers left over (``reading``) whose leftover is a row of
    all groups' sums under the groups (see the module docstring): the table read again
    without it, and the row set apart with a note; ``None`` when there is no such row or
    the table reads otherwise without it."""
    found = _total_row(rows)
    if found is None:
        return None
    k, printed = found
    if reading.last_row is not None and rows[k].index < reading.last_row:
        return None  # not under the groups' rows
    said = notes.child()
    again = read_table4([r for j, r in enumerate(rows) if j != k], said, lead)
    if again.cells != reading.cells or again.confidence < 1.0:
        return None
    label = next(cell for cell in rows[k].cells if cell)
    sums = _column_sums(again)
    shown = " ".join(str(n) for n in printed)
    if sums == printed:
        said.add(
            "SUBTOTAL_IGNORED",
            "info",
            f"表四三组之下的“{label}”行（{shown}）是三组各列之和，核对相符，不属于国家格式，未读取",
            rows[k],
        )
    else:
        added = " ".join("?" if n is None else str(n) for n in sums)
        said.add(
            "SUBTOTAL_IGNORED",
            "warning",
            f"表四三组之下的“{label}”行（{shown}）不等于三组各列之和（{added}），"
            "不属于国家格式，未读取；三组各格按所印读取，请核对",
            rows[k],
        )
    notes.adopt(said)
    return again


def table4_other_layouts(
    rows: Sequence[Row],
    reading: Reading,
    said: Notes,
    notes: Notes,
    lead: Sequence[tuple[str, str]] = (),
) -> tuple[Reading, Notes]:
    """The reading of table 四 in ``rows`` to keep, with its notes (children of ``notes``
    not yet adopted), given the usual reading and its notes ``said``: another layout's
    when the usual reading is not whole and that layout reads the table; when the lines
    are named by the form's columns (the table turned), the layout reading them so, and a
    warning when none does; placeholders read as 0 under a sentence saying no case
    happened (``placeholders``). Each is tried only when the usual reading says it may
    apply: the usual report costs a look at each line's first cell."""
    whole = reading.found and reading.confidence >= 1.0
    turned = whole and rows_name_columns(rows)
    if not whole or turned:
        reading, said = _another_layout(rows, reading, said, notes, lead, turned=turned)
    elif _said(said, "VALUES_UNASSIGNED"):
        other = notes.child()
        checked = read_without_total_row(rows, reading, other, lead)
        if checked is not None:
            reading, said = checked, other
    if not whole and _said(said, "ROW_NOT_FOUND"):
        groups_in_sentences(rows, reading, said)
    if reading.placeholders:
        table4_placeholders_as_zero(reading, (row.text for row in rows), said)
    return reading, said


_SENTENCE_END_RE = re.compile(r"[。；;！!\n]")
_RESULT_RES = tuple(
    re.compile(rf"(?:{'|'.join(names)})(?:的|为|共)?[:：]?(\d+)(?:件|起|宗|个|例)")
    for names in (*((c.label,) for c in s.TABLE4_PARTS), ("总计", "合计", "共计"))
)
"""Each of a group's five results (the form's column names) with its count in a sentence:
``结果维持1件``; a count needs its measure word (a table's line of numbers has none)."""
_SENTENCE_WORD = s.TABLE4_PARTS[-1].label
"""A sentence giving every result names 尚未审结: only a line holding it is looked at."""


def _group_of(sentence: str) -> str | None:
    """The one table 四 group ``sentence`` names: a litigation group by its name, 行政复议
    only when no 诉讼 is named (``未经行政复议直接起诉`` names the other); ``None`` when it
    names none or two."""
    named = [g.key for g in s.TABLE4_GROUPS if g.parent and any(v in sentence for v in g.variants)]
    if not named and "诉讼" not in sentence:
        first = s.TABLE4_GROUPS[0]
        named = [first.key] if any(v in sentence for v in first.variants) else []
    return named[0] if len(named) == 1 else None


def _results(sentence: str) -> list[Decimal] | None:
    """The five results ``sentence`` gives, in the form's order, each named once with its
    count; ``None`` when one is missing or named twice."""
    out: list[Decimal] = []
    for pattern in _RESULT_RES:
        found = pattern.findall(sentence)
        if len(found) != 1:
            return None
        out.append(Decimal(found[0]))
    return out


def _sentences_of(rows: Sequence[Row]) -> dict[str, tuple[str, list[Decimal]]]:
    """Each group named by a sentence of ``rows`` giving its five results, with the
    sentence and the results (the first such sentence of each group)."""
    found: dict[str, tuple[str, list[Decimal]]] = {}
    for row in rows:
        if _SENTENCE_WORD not in row.text:
            continue
        text = row.text.replace(" ", "").replace("\u3000", "")
        for sentence in _SENTENCE_END_RE.split(text):
            group = _group_of(sentence)
            if group is None or group in found:
                continue
            results = _results(sentence)
            if results is not None:
                found[group] = (sentence, results)
    return found


def groups_in_sentences(rows: Sequence[Row], reading: Reading, notes: Notes) -> None:
    """The groups ``notes`` says table 四 does not print (``ROW_NOT_FOUND``) read from a
    sentence of part 四 (``rows``) giving their five results (see the module docstring),
    each said with an info note in place of its ``ROW_NOT_FOUND``."""
    missing = {
        str(item.get("row", "")).removeprefix("table4."): item
        for item in notes.items
        if item["code"] == "ROW_NOT_FOUND"
    }
    if not missing.keys() & set(s.TABLE4_GROUP_KEYS):
        return
    for group, (sentence, results) in _sentences_of(rows).items():
        item = missing.get(group)
        if item is None:
            continue
        label = s.TABLE4_GROUP_BY_KEY[group].label
        added = sum(results[:-1], Decimal(0))
        if added != results[-1]:
            item["message"] += (
                f"；第四部分的文字“{sentence}”写明该组各项结果，但总计{results[-1]}件"
                f"不等于前四项之和{added}件，未读取"
            )
            continue
        notes.items.remove(item)
        reading.cells[group] = list(results)
        reading.certain += _GROUP_WIDTH
        notes.add(
            "TABLE4_ONE_CELL_A_ROW",
            "info",
            f"表四未印“{label}”一组，第四部分的文字“{sentence}”写明该组各项结果，"
            "总计与四项之和相符，按文字读取",
        )


def _said(notes: Notes, code: str) -> bool:
    return any(item["code"] == code for item in notes.items)


def _another_layout(
    rows: Sequence[Row],
    reading: Reading,
    said: Notes,
    notes: Notes,
    lead: Sequence[tuple[str, str]],
    *,
    turned: bool,
) -> tuple[Reading, Notes]:
    """The usual reading (``reading``, ``said``) or another layout's, with its notes."""
    other = notes.child()
    cells = read_table4_cells(rows, other)
    if cells is not None and (turned or cells.confidence > reading.confidence):
        return cells, other
    if turned:
        said.add(
            "TABLE4_HEADINGS_CONFLICT",
            "warning",
            "表四各行以“结果维持”“总计”等列名开头，像是横过来印（转置），但无法按表头"
            "确定每个数字所属的组和列，按数字的先后顺序读取，请核对",
        )
        return reading, said
    more: Reading | None = None
    other = notes.child()
    if _said(said, "ROW_TOO_MANY"):
        more = read_past_fifteen(rows, other, lead)
    elif reading.found and not reading.cells:
        more = read_no_case_row(rows, other)
    return (more, other) if more is not None else (reading, said)
