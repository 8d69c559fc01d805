"""Table 四 in layouts besides the form's, tried by ``recognize`` after the usual reading
(``tables.read_table4``), each only when that reading says it may apply
(``table4_other_layouts``): printed one cell a line or turned on its side
(``table4_cells``).
"""

from __future__ import annotations

from collections.abc import Sequence

from .notes import Notes
from .rows import Row
from .table4_cells import read_table4_cells, rows_name_columns
from .tables import Reading


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
    warning when none does. Each is tried only when the usual reading says it may apply:
    the usual report costs a look at each line's first cell."""
    whole = reading.found and reading.confidence >= 1.0
    turned = whole and rows_name_columns(rows)
    if not whole or turned:
        reading, said = _another_layout(rows, reading, said, notes, lead, turned=turned)
    return reading, said


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
