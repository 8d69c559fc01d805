"""One PDF page → text lines and ruled tables, from pdfium's text layer and path objects.

The national form is always printed with cell borders, so a table is found from its
ruling lines: thin path objects become horizontal and vertical edges, edges that touch
form a table (cut where two tables drawn touching meet: one on the other or side by
side, see ``_meeting``; or, where the lines are those of one table, at a row that opens
another table of the form, see ``_openings``), the distinct edge positions are the grid
lines, and a missing border between two neighbouring grid cells means they are one merged
cell, where together they
make a rectangle (grid cells joined in another shape lie outside the drawn cells: beside
header rows shorter than the body). Text inside a cell is read with pdfium's bounded-text
call (a name running on over a rule into the next cell, from its characters: it belongs
to the cell it begins in); text outside every table is grouped into lines by vertical
position. A table printed without ruling lines is found in those lines by its numbers
(lines ending in numbers that stand in the same columns) and laid out by its columns
(``unruled_lines``): each row becomes one line, its label's wrapped lines gathered into
it by where they stand beside its numbers, whatever the page or the label column's
width, and its numbers one cell per column, a blank cell kept blank; the numbers of two
lines that reach into each other, in other columns, are one row's (an OCR'd text layer
sets each word off its line: ``_one_row``). A page drawn glyph by glyph (Chromium) is read
as words first (``pdf_words``).

Text drawn over the page as a watermark (slanted off the page's axes, or nearly
transparent: a site's name, a print date and a serial number) is removed before any of
this (``_drop_overlays``): its digits were read into the cells and lines under it.

Coordinates here are top-down (0 at the top of the page), like reading order.
"""

from __future__ import annotations

import ctypes
import math
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from operator import attrgetter, itemgetter
from typing import Any

from .. import schema
from .cells import NUMBER_PATTERN
from .grid import RawCell
from .normalize import join_wrapped
from .pdf_words import drawn_glyph_by_glyph, glyph_words

TOLERANCE = 2.5
"""Points within which edges are the same line, touch or cover a point."""
MAX_TEXT_RUNS = 6000
"""Text runs on one page beyond which it is read as plain text (a dense report page has
about 2,000; 20,000 runs took 15 s through the line grouping)."""
MAX_PATHS = 4000
"""Path objects on one page beyond which no table is looked for (a ruled table page has a
few hundred; a 1000×1000 grid took 10.8 s and 636 MB)."""
THIN = 3.0
"""A path object at most this thick is a ruling line."""
SHORT = 3 * TOLERANCE
"""A crossing line at most this long does not tell where two tables meet."""

INSET = 3.0
"""Points by which a cell's text is looked for inside its vertical rules: pdfium gives
every character whose box touches the area asked for, so a character of the cell beside
that reaches over the rule (a narrow header cell's name wider than it, 社会公益组织 in a
column of numbers) was read in both cells, and the names of narrow cells ran together;
a cell's own characters lie wholly inside its rules and reach well past the inset. A
name reaching over by more than the inset (most of a character, or more) is read from its
characters instead, whole in the cell it begins in (``_overflowing``)."""

RawRows = list[list[RawCell]]


@dataclass(frozen=True)
class Edge:
    horizontal: bool
    position: float
    """y of a horizontal edge, x of a vertical one."""
    start: float
    end: float


@dataclass(frozen=True)
class TableBox:
    rows: RawRows
    left: float
    top: float
    right: float
    bottom: float
    columns: tuple[float, ...] = ()
    """The x of each vertical grid line."""
    open_top: bool = False
    """The first row was cut by a page break: it goes on from the previous page."""
    open_bottom: bool = False
    """The last row was cut by a page break: it goes on at the top of the next page."""
    row_lines: tuple[tuple[float, ...], ...] = ()
    """For each row, the x of the vertical rules that cross it (its own cell borders,
    not those of rows further down that reach out wider)."""
    split: bool = False
    """The table was drawn touching another one (one on the other or side by side, no
    gap) and cut from it on their ruling lines (``_tables_in``, ``_openings``)."""
    row_rules: tuple[float, ...] = ()
    """The y of each horizontal grid line: row ``i`` lies between the ``i``-th and the
    next."""

    def contains(self, x: float, y: float) -> bool:
        return self.left <= x <= self.right and self.top <= y <= self.bottom


def read_page(
    page: Any, dropped: list[int] | None = None
) -> tuple[list[tuple[float, str | TableBox]], float]:
    """Text lines and tables of a pypdfium2 page, top to bottom, and the page height;
    the number of text objects dropped as an overlay (``_drop_overlays``) is appended to
    ``dropped``, if given and any were."""
    import pypdfium2.raw as pdfium_c

    textpage = page.get_textpage()
    turn = _content_turn(textpage, pdfium_c)
    if turn or page.get_rotation() % 360:
        textpage.close()
        _upright(page, turn)
        textpage = page.get_textpage()
    if gone := _drop_overlays(page, pdfium_c):
        textpage.close()
        textpage = page.get_textpage()
        if dropped is not None:
            dropped.append(gone)
    _, height = page.get_size()
    try:
        if textpage.count_rects() > MAX_TEXT_RUNS:
            return _plain_page(textpage), float(height)
        bounds = []
        for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=8):
            box = obj.get_bounds()
            if _is_shading(obj, box, pdfium_c):
                continue
            bounds.append(box)
            if len(bounds) > MAX_PATHS:  # a drawing, not a ruled table: read the text only
                bounds = []
                break
        edges = _edges(bounds, height)
        runs = _runs(textpage, height)
        tables = _tables(edges, textpage, height, runs)
        items: list[tuple[float, str | TableBox]] = [(t.top, t) for t in tables]
        items.extend(_text_lines(textpage, height, tables, runs))
    finally:
        textpage.close()
    items.sort(key=lambda item: item[0])
    return items, float(height)


def _tables(
    edges: list[Edge], textpage: Any, height: float, runs: list[Run] | None = None
) -> list[TableBox]:
    """The ruled tables of a page: each group of touching edges cut into the tables
    its lines show (``_tables_in``), and each of those again where a row begins another
    table of the form (``_openings``: lines alone cannot tell two tables drawn one on
    the other whose column lines meet or go on into each other from one table)."""
    tables: list[TableBox] = []
    # only a run wider than twice the inset can reach over a rule by more than it
    wide = [run for run in runs or () if run[3] - run[2] > 2 * INSET]
    placed = _placed(runs or [])
    for group in _touching(edges):
        parts = _tables_in(group)
        for part in parts:
            table = _table(part, textpage, height, wide, split=len(parts) > 1, placed=placed)
            if table is None:
                continue
            cuts = _openings(table)
            if not cuts:
                tables.append(table)
                continue
            for piece in _cut_at(part, cuts, horizontal=True):
                cut = _table(piece, textpage, height, wide, split=True, placed=placed)
                if cut is not None:
                    tables.append(cut)
    return tables


def _openings(table: TableBox) -> list[float]:
    """The rules of ``table`` on which another table of the form begins, drawn touching
    the one above it: a row whose cells open a table (``_opens_table``: 申请人情况 or
    the note of table 三, 行政复议 beside 行政诉讼, table 二's 第二十条第（一）项, a
    section's heading as a row of one cell), whose top rule runs across the table (no
    cell of the rows above reaches down past it), under rows that hold numbers (a
    title or a unit row above a table's header stays with it)."""
    rows = table.rows
    if len(rows) < 3 or len(table.row_rules) != len(rows) + 1:
        return []
    cuts: list[float] = []
    reach = 0
    """The first row that no cell of the rows so far reaches."""
    numbers = False
    for i, row in enumerate(rows):
        if i and numbers and reach <= i and _opens_table(row):
            cuts.append(table.row_rules[i])
            numbers = False
        if row:
            reach = max(reach, i + max(map(_ROWSPAN, row)))
        if not numbers:
            numbers = any(cell.text.strip().isdigit() for cell in row)
    return cuts


_ROWSPAN = itemgetter(1)
"""A ``RawCell``'s rows."""


_OPENING_MARKS = ("申请人情况", "勾稽关系", schema.TABLE4_LITIGATION_HEADER, "第二十条")
"""Words one of which a row that opens a table holds (its cells' text without white
space), looked for before the cells are folded."""
_FIRST_MARKS = re.compile("[申勾诉訴第、]")
"""A character of each opening (``_opens_table``), in its raw text (simplified or
traditional)."""
_SIMPLIFIED = str.maketrans(
    "請況數據關係爲為複復議訴訟條項動開處應與於結報總計",
    "请况数据关系为为复复议诉讼条项动开处应与于结报总计",
)
"""The traditional characters of the openings' words, as simplified: the page's layout
is read before its text is (``normalize`` turns the whole text simplified later), and a
traditional report's touching tables open at the same rows."""
_HEADING_NUMERALS = {sec.numeral: sec for sec in schema.SECTIONS if sec.key in ("2", "3", "4")}
_TABLE2_FIRST = schema.normalize_label(schema.TABLE2_BLOCKS[0].heading)
_TABLE3_OPENINGS = (schema.TABLE3_APPLICANT_HEADER, *schema.TABLE3_NOTE_VARIANTS)


def _opens_table(row: list[RawCell]) -> bool:
    """Whether a row's cells are those that open a table of the form: table 三's
    申请人情况 or its note, table 四's 行政复议 beside 行政诉讼, table 二's first block
    heading alone, or the heading of section 二, 三 or 四 alone (printed inside the
    frame)."""
    if _FIRST_MARKS.search("".join([cell.text for cell in row])) is None:
        return False  # most rows: none of the characters the openings begin with
    filled = [text for cell in row if (text := "".join(cell.text.split()).translate(_SIMPLIFIED))]
    if len(filled) == 1 and filled[0][:1] in _HEADING_NUMERALS and filled[0][1:2] == "、":
        section = _HEADING_NUMERALS[filled[0][0]]
        folded = schema.normalize_label(filled[0][2:])
        return any(folded.startswith(v) for v in section.variants)
    joined = "".join(filled)
    if not any(mark in joined for mark in _OPENING_MARKS):
        return False
    folded_cells = [schema.normalize_label(text) for text in filled]
    if len(folded_cells) == 1 and folded_cells[0] == _TABLE2_FIRST:
        return True
    if any(mark in text for text in folded_cells for mark in _TABLE3_OPENINGS):
        return True
    return (
        schema.TABLE4_GROUPS[0].label in folded_cells
        and schema.TABLE4_LITIGATION_HEADER in folded_cells
    )


ANGLE_SAMPLES = 64
"""Characters whose angle is looked at to tell which way a page's text runs."""


def _content_turn(textpage: Any, pdfium_c: Any) -> int:
    """Degrees (clockwise) the page's content must be turned for its text to stand
    upright: 0 for a page as most are; 90, 180 or 270 for one whose text runs down or up
    the page in its own coordinates (a landscape table 三 drawn turned a quarter on a
    portrait page, shown upright by the page's ``/Rotate``, or not at all)."""
    count = textpage.count_chars()
    if count <= 0:
        return 0
    step = max(1, count // ANGLE_SAMPLES)
    turns: Counter[int] = Counter()
    for index in range(0, count, step):
        angle = pdfium_c.FPDFText_GetCharAngle(textpage.raw, index)
        if angle >= 0:  # -1: no angle (a generated space)
            turns[round(math.degrees(angle) / 90) % 4 * 90] += 1
    if not turns:
        return 0
    angle, _ = turns.most_common(1)[0]
    return (360 - angle) % 360


def _upright(page: Any, turn: int) -> None:
    """Turn a page's content clockwise by ``turn`` degrees so that its text stands
    upright, and drop the page's ``/Rotate``: lines and ruling lines are then found as
    on any page (read in the content's own coordinates, the text lines of such a page
    ran down it and no table was found); with ``turn`` 0, only the ``/Rotate`` goes (the
    content already stands upright in its own coordinates)."""
    import pypdfium2

    page.set_rotation(0)
    if not turn:
        return
    left, bottom, right, top = page.get_mediabox()
    width, height = right - left, top - bottom
    # PDF matrices map (x, y) to (a·x + c·y + e, b·x + d·y + f)
    a, b, c, d, e, f = {
        90: (0, -1, 1, 0, 0, width),
        180: (-1, 0, 0, -1, width, height),
        270: (0, 1, -1, 0, height, 0),
    }[turn]
    matrix = (
        pypdfium2.PdfMatrix()
        .translate(-left, -bottom)
        .multiply(pypdfium2.PdfMatrix(a, b, c, d, e, f))
    )
    for obj in list(page.get_objects(max_depth=0)):
        obj.transform(matrix)
    shown = (width, height) if turn == 180 else (height, width)
    page.set_mediabox(0, 0, *shown)
    page.set_cropbox(0, 0, *shown)


OVERLAY_SKEW = math.radians(5)
"""Angle off the page's axes beyond which a text object is drawn slanted: a diagonal
watermark, never a line of the report (a landscape table's text turned a quarter is
turned upright before this is looked at; vertical header cells stand at 90°)."""
OVERLAY_ALPHA = 80
"""Fill opacity (of 255) at most which a text object is a faint overlay (a site's
watermark printed at 10–30 %); 0 is left alone: an invisible text layer (OCR) is the
page's text."""


def _drop_overlays(page: Any, pdfium_c: Any) -> int:
    """Remove the page's text drawn over it as a watermark — slanted off its axes or
    nearly transparent — and give how many text objects went: its digits (a date, a
    serial number) were read into the cells and lines under it. Nothing is removed from
    a page whose text is mostly such (it is the page's text, however drawn)."""
    found: list[tuple[Any, Any]] = []
    total = _overlays(page.raw, pdfium_c, None, _IDENTITY, found)
    if not found or 2 * len(found) > total:
        return 0
    for obj, form in found:
        if form is None:
            pdfium_c.FPDFPage_RemoveObject(page.raw, obj)
        else:
            pdfium_c.FPDFFormObj_RemoveObject(form, obj)
        pdfium_c.FPDFPageObj_Destroy(obj)
    return len(found)


_IDENTITY = (1.0, 0.0, 0.0, 1.0)
_MAX_FORM_DEPTH = 8


def _overlays(
    page: Any,
    pdfium_c: Any,
    form: Any,
    outer: tuple[float, float, float, float],
    found: list[tuple[Any, Any]],
    depth: int = 0,
) -> int:
    """The text objects of ``page`` (or of its form object ``form``) that are overlays,
    appended to ``found`` with the form holding them; gives how many text objects there
    are. ``outer`` is the linear part of the forms' matrices around them."""
    if form is None:
        count, get = pdfium_c.FPDFPage_CountObjects(page), pdfium_c.FPDFPage_GetObject
        holder = page
    else:
        count, get = pdfium_c.FPDFFormObj_CountObjects(form), pdfium_c.FPDFFormObj_GetObject
        holder = form
    kind_of, matrix_of = pdfium_c.FPDFPageObj_GetType, pdfium_c.FPDFPageObj_GetMatrix
    fill_of = pdfium_c.FPDFPageObj_GetFillColor
    text_kind, form_kind = pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_PAGEOBJ_FORM
    matrix = pdfium_c.FS_MATRIX()
    at = ctypes.byref(matrix)
    colour = [ctypes.c_uint() for _ in range(4)]
    alpha = colour[3]
    colour_at = [ctypes.byref(c) for c in colour]
    upright = outer == _IDENTITY
    total = 0
    for index in range(count):
        obj = get(holder, index)
        kind = kind_of(obj)
        if kind == form_kind and depth < _MAX_FORM_DEPTH:
            if matrix_of(obj, at):
                inner = _times((matrix.a, matrix.b, matrix.c, matrix.d), outer)
                total += _overlays(page, pdfium_c, obj, inner, found, depth + 1)
            continue
        if kind != text_kind:
            continue
        total += 1
        if not matrix_of(obj, at):
            continue
        a, b = matrix.a, matrix.b
        if not upright:
            a, b, _, _ = _times((a, b, matrix.c, matrix.d), outer)
        if (b and a and _slanted(a, b)) or (
            fill_of(obj, *colour_at) and 0 < alpha.value <= OVERLAY_ALPHA
        ):
            found.append((obj, form))
    return total


def _times(
    inner: tuple[float, float, float, float], outer: tuple[float, float, float, float]
) -> tuple[float, float, float, float]:
    """The linear part of ``inner`` then ``outer`` (PDF's row-vector matrices)."""
    a, b, c, d = inner
    e, f, g, h = outer
    return (a * e + b * g, a * f + b * h, c * e + d * g, c * f + d * h)


def _slanted(a: float, b: float) -> bool:
    """Whether a text object whose matrix begins ``a b`` runs off the page's axes."""
    off = abs(math.atan2(b, a)) % (math.pi / 2)
    return OVERLAY_SKEW < off < math.pi / 2 - OVERLAY_SKEW


def _is_shading(obj: Any, box: tuple[float, float, float, float], pdfium_c: Any) -> bool:
    """Whether a path object is a filled area without an outline that is not thin: a
    cell's or a row's background (a table shaded in stripes, a grey header), never a
    ruling line. Borders are stroked lines or thin filled bars; a shaded cell's
    rectangle read as a frame made each shaded row a table of its own and joined the
    plain rows between them into one cell."""
    left, bottom, right, top = box
    if right - left <= THIN or top - bottom <= THIN:
        return False
    fill, stroke = ctypes.c_int(0), ctypes.c_int(0)
    if not pdfium_c.FPDFPath_GetDrawMode(obj.raw, ctypes.byref(fill), ctypes.byref(stroke)):
        return False
    return fill.value != 0 and not stroke.value


def _plain_page(textpage: Any) -> list[tuple[float, str | TableBox]]:
    """A page with more text runs than any report page: its text in reading order, one
    line per line, without looking for tables (bounded work on a hostile page)."""
    text = textpage.get_text_range()
    return [(float(n), line) for n, line in enumerate(text.splitlines()) if line.strip()]


def _edges(bounds: list[tuple[float, float, float, float]], height: float) -> list[Edge]:
    edges: list[Edge] = []
    for left, bottom, right, top in bounds:
        w, h = right - left, top - bottom
        y_top, y_bottom = height - top, height - bottom
        if h <= THIN and w > THIN:
            edges.append(Edge(True, (y_top + y_bottom) / 2, left, right))
        elif w <= THIN and h > THIN:
            edges.append(Edge(False, (left + right) / 2, y_top, y_bottom))
        elif w > THIN and h > THIN:  # a stroked rectangle: its four sides
            edges.extend(
                (
                    Edge(True, y_top, left, right),
                    Edge(True, y_bottom, left, right),
                    Edge(False, left, y_top, y_bottom),
                    Edge(False, right, y_top, y_bottom),
                )
            )
    return _merged(edges)


def _snap(values: list[float]) -> dict[float, float]:
    """Each value → the mean of its cluster (values within ``TOLERANCE`` of a neighbour)."""
    out: dict[float, float] = {}
    cluster: list[float] = []
    for value in sorted(set(values)):
        if cluster and value - cluster[-1] > TOLERANCE:
            mean = sum(cluster) / len(cluster)
            out.update(dict.fromkeys(cluster, mean))
            cluster = []
        cluster.append(value)
    if cluster:
        mean = sum(cluster) / len(cluster)
        out.update(dict.fromkeys(cluster, mean))
    return out


def _merged(edges: list[Edge]) -> list[Edge]:
    """Edges on the same snapped line joined where they overlap or nearly touch."""
    out: list[Edge] = []
    for horizontal in (True, False):
        group = [e for e in edges if e.horizontal is horizontal]
        snap = _snap([e.position for e in group])
        by_line: dict[float, list[tuple[float, float]]] = {}
        for edge in group:
            by_line.setdefault(snap[edge.position], []).append((edge.start, edge.end))
        for position, spans in by_line.items():
            spans.sort()
            start, end = spans[0]
            for s, e in spans[1:]:
                if s <= end + TOLERANCE:
                    end = max(end, e)
                else:
                    out.append(Edge(horizontal, position, start, end))
                    start, end = s, e
            out.append(Edge(horizontal, position, start, end))
    return out


def _crosses(a: Edge, b: Edge) -> bool:
    h, v = (a, b) if a.horizontal else (b, a)
    return (
        h.start - TOLERANCE <= v.position <= h.end + TOLERANCE
        and v.start - TOLERANCE <= h.position <= v.end + TOLERANCE
    )


def _touching(edges: list[Edge]) -> list[list[Edge]]:
    """Groups of edges connected by crossings (each group one table)."""
    parent = list(range(len(edges)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    horizontals = [i for i, e in enumerate(edges) if e.horizontal]
    verticals = [i for i, e in enumerate(edges) if not e.horizontal]
    for i in horizontals:
        for j in verticals:
            if _crosses(edges[i], edges[j]):
                parent[find(i)] = find(j)
    groups: dict[int, list[Edge]] = {}
    for i, edge in enumerate(edges):
        groups.setdefault(find(i), []).append(edge)
    return list(groups.values())


def _tables_in(group: list[Edge]) -> list[list[Edge]]:
    """A group of touching edges cut into the tables drawn touching in it: one on the
    other (table 二 on table 三, 三 on 四, no gap between them: the bottom rule of one is
    the top rule of the other) or side by side (the right border of one is the left
    border of the other). Read as one grid, each table's rules cut the other's cells into
    slivers, or its rows into the other's rows (行政复议's numbers under 行政诉讼's
    labels)."""
    if len(group) < 8:
        return [group]
    stacked = _cut(group, horizontal=True)
    parts = [side for part in stacked for side in _cut(part, horizontal=False)]
    if len(stacked) < 2:
        return parts
    sides = _cut(group, horizontal=False)
    if len(sides) < 2:
        return parts
    # cut both ways: tables side by side whose rows meet at a shared rule (a row of
    # the one at the first rule of the other's columns) look cut across there; tables
    # one on the other whose lines go on into each other look cut down a shared line.
    # The cuts that leave fewer tables explain the lines: the other way cuts the tables
    # it missed again into pieces.
    across = [part for side in sides for part in _cut(side, horizontal=True)]
    return across if len(across) < len(parts) else parts


def _cut(group: list[Edge], *, horizontal: bool) -> list[list[Edge]]:
    """``group`` cut at each of its rules (horizontal ones: tables one on the other;
    vertical ones: side by side) where two tables meet (``_meeting``)."""
    rules = [e for e in group if e.horizontal is horizontal]
    crossing = [e for e in group if e.horizontal is not horizontal]
    if len(rules) < 3 or len(crossing) < 3:
        return [group]
    cuts = _meeting(rules, crossing)
    if not cuts:
        return [group]
    return _cut_at(group, cuts, horizontal=horizontal)


def _cut_at(group: list[Edge], cuts: list[float], *, horizontal: bool) -> list[list[Edge]]:
    """``group`` cut at the rules at ``cuts`` (horizontal ones: tables one on the other;
    vertical ones: side by side): each part holds the rules between two cuts and the
    crossing lines clipped to them."""
    rules = [e for e in group if e.horizontal is horizontal]
    crossing = [e for e in group if e.horizontal is not horizontal]
    bounds = [-math.inf, *cuts, math.inf]
    parts = []
    for low, high in pairwise(bounds):
        part = [e for e in rules if low - TOLERANCE <= e.position <= high + TOLERANCE]
        part.extend(
            Edge(e.horizontal, e.position, max(e.start, low), min(e.end, high))
            for e in crossing
            if e.start < high - TOLERANCE and e.end > low + TOLERANCE
        )
        parts.append(part if horizontal else _clipped_borders(part, (low, high)))
    return parts


def _clipped_borders(part: list[Edge], cut: tuple[float, float]) -> list[Edge]:
    """A table cut off at the side of a taller one: its shared border kept to its own
    height (running on past its last rule, it read as a row cut by a page break)."""
    rows = [e.position for e in part if e.horizontal]
    if not rows:
        return part
    top, bottom = min(rows), max(rows)
    return [
        Edge(False, e.position, max(e.start, top), min(e.end, bottom))
        if not e.horizontal and any(abs(e.position - c) <= TOLERANCE for c in cut)
        else e
        for e in part
    ]


def _meeting(rules: list[Edge], crossing: list[Edge]) -> list[float]:
    """Positions of the rules (running across the whole group) at which two tables
    meet, found from the crossing lines.

    Inside one table its crossing lines run from one side of it to the other; a line
    stops only at a merged cell, and the lines on both sides of a merged cell are at
    the same places. So two tables meet where lines end (nothing within ``2 ×
    TOLERANCE`` of them goes on) and, after that, other lines begin at places where
    nothing was before (``_boundaries``: table 三's lines under table 二's), or, side by
    side, where the rows of the right side begin above or end below those of the left
    (``_rows_differ``: 行政复议's three rows beside 行政诉讼's four), or, one on the
    other, where the columns below a rule reach out beyond those above it (``_widens``:
    a narrower table on a wider one whose column lines go on as the wider one's).
    Table 三's header cells, 三、本年度办理结果 and the group labels stop lines, but no
    line begins after that at a new place."""
    extent: dict[float, list[float]] = {}
    for edge in crossing:
        if edge.end - edge.start <= SHORT:
            continue  # a box a few points high (an empty row squeezed flat) is no line
        span = extent.setdefault(edge.position, [edge.start, edge.end])
        span[0] = min(span[0], edge.start)
        span[1] = max(span[1], edge.end)
    positions = sorted(extent)
    if not positions:
        return []
    # a column line may go on a few points aside (a header's labels narrower than the
    # body's); a row line never does: rows of one table are one table's rows
    reach = TOLERANCE if rules[0].horizontal is False else 2 * TOLERANCE
    spans: list[tuple[float, float]] = []
    low = 0
    for position in positions:
        while positions[low] < position - reach:
            low += 1
        high = low
        start, end = extent[positions[low]]
        while high + 1 < len(positions) and positions[high + 1] <= position + reach:
            high += 1
            start = min(start, extent[positions[high]][0])
            end = max(end, extent[positions[high]][1])
        spans.append((start, end))
    first, last = positions[0], positions[-1]
    rule_positions = {e.position for e in rules}
    top, bottom = min(rule_positions), max(rule_positions)
    across = sorted(
        {
            e.position
            for e in rules
            if e.start <= first + TOLERANCE
            and e.end >= last - TOLERANCE
            and top + TOLERANCE < e.position < bottom - TOLERANCE
        }
    )
    cuts = _boundaries(spans, across)
    differ = _widens if rules[0].horizontal else _rows_differ
    cuts.extend(at for at in across if at not in cuts and differ(at, crossing, rules))
    return sorted(cuts)


def _boundaries(spans: list[tuple[float, float]], across: list[float]) -> list[float]:
    """Rules (of ``across``) between crossing lines that end (a line with its near
    neighbours: ``spans``) and lines that begin later at a new place: the upper table's
    own columns end at or above its bottom rule, the lower one's begin at or below its
    top rule. Rows between the two, where neither has a column of its own (table 二's
    blocks of two columns, table 三's first row), go to the upper table: the cut is
    the last rule before the row where the new lines begin, or that row's own top rule
    where the old lines end on it."""
    ends = sorted(end for _, end in spans)
    cuts: list[float] = []
    for begin in sorted(start for start, _ in spans):
        after = cuts[-1] + TOLERANCE if cuts else -math.inf
        ended = [end for end in ends if after < end <= begin + TOLERANCE]
        if not ended:
            continue
        last_end = ended[-1]
        before = [r for r in across if last_end - TOLERANCE <= r < begin - TOLERANCE]
        if before:
            cuts.append(before[-1])
        elif abs(last_end - begin) <= TOLERANCE:
            cuts.extend(r for r in across if abs(r - begin) <= TOLERANCE)
    return sorted(set(cuts))


def _rows_differ(at: float, rows: list[Edge], borders: list[Edge]) -> bool:
    """Whether the rows that reach the vertical line ``at`` from its right begin above or
    end below those that reach it from its left, each side with a border of its own as
    high as its rows: a table beside a taller one on its right (行政复议's three rows
    beside 行政诉讼's four). The other way round it may be one table whose last (or
    first) rows have fewer cells (a Word table's cells shift left), and is left whole,
    unless each side's first row is one cell as wide as that side (``_headed``): two
    tables, each under its own heading, a taller one on the left of a shorter one."""
    left = [e.position for e in rows if e.start < at - TOLERANCE and e.end >= at - TOLERANCE]
    right = [e.position for e in rows if e.end > at + TOLERANCE and e.start <= at + TOLERANCE]
    if len(left) < 2 or len(right) < 2:
        return False
    if (
        min(right) >= min(left) - 2 * TOLERANCE
        and max(right) <= max(left) + 2 * TOLERANCE
        and not (
            (min(right) > min(left) + 2 * TOLERANCE or max(right) < max(left) - 2 * TOLERANCE)
            and _headed(left, borders, at, -1)
            and _headed(right, borders, at, 1)
        )
    ):
        return False  # rows with fewer cells than others end short of the right side
    return _bordered(borders, (min(left), max(left)), at, -1) and _bordered(
        borders, (min(right), max(right)), at, 1
    )


def _headed(rows: list[float], borders: list[Edge], at: float, side: int) -> bool:
    """Whether the first row of those reaching the vertical line ``at`` from ``side``
    (-1 left, 1 right) is one cell as wide as that side: no vertical line between its
    outer border and ``at`` crosses it. A table beside a shorter one on its right, each
    under a heading of its own (行政诉讼 beside 行政复议, table 二's blocks side by
    side), is two tables; a table whose last rows have fewer cells than the rows above
    has cells all along its first row."""
    first = min(rows)
    below = [y for y in rows if y > first + TOLERANCE]
    if not below:
        return False
    middle = (first + min(below)) / 2
    crossing = [
        e.position
        for e in borders
        if (e.position - at) * side > TOLERANCE
        and e.end - e.start > SHORT
        and e.start < middle < e.end
    ]
    return len(crossing) == 1


def _widens(at: float, columns: list[Edge], borders: list[Edge]) -> bool:
    """Whether the columns that reach the horizontal rule ``at`` from below begin left of
    those that reach it from above (and may end right of them), and those from above
    lie within them, each part with a rule of its own as wide as its columns: a
    narrower table on a wider one, centred or to the right, drawn touching (a column
    line of the upper one may go on as one of the lower one's, so no line ends on the
    rule). Rows with fewer cells than those below them (an HTML or Word table whose
    header rows have fewer cells than its body) end short on the right, never on the
    left: where the two begin at the same left border it may be one table, and where a
    wider part lies on a narrower one it may be one whose last rows have fewer cells;
    these are cut only where lines end and others begin (``_boundaries``). Nor is it cut where a line
    inside the wider part comes down from above and goes on below that part's last rule:
    that is the border of a table beside it (a taller table on the left, whose heading
    row stands above the top of a shorter one on its right)."""
    above = [
        e.position
        for e in columns
        if e.start < at - TOLERANCE and e.end >= at - TOLERANCE and e.end - e.start > SHORT
    ]
    below = [
        e.position
        for e in columns
        if e.end > at + TOLERANCE and e.start <= at + TOLERANCE and e.end - e.start > SHORT
    ]
    if len(above) < 2 or len(below) < 2:
        return False
    upper, lower = (min(above), max(above)), (min(below), max(below))
    if not (lower[0] < upper[0] - 2 * TOLERANCE and lower[1] >= upper[1] - 2 * TOLERANCE):
        return False
    if not _bordered(borders, upper, at, -1):
        return False
    bottoms = [
        e.position
        for e in borders
        if e.position > at + TOLERANCE
        and e.start <= lower[0] + TOLERANCE
        and e.end >= lower[1] - TOLERANCE
    ]
    if not bottoms:
        return False
    bottom = max(bottoms)
    return not any(
        lower[0] + TOLERANCE < e.position < lower[1] - TOLERANCE
        and e.start < at - TOLERANCE
        and e.end > bottom + TOLERANCE
        for e in columns
    )


def _bordered(borders: list[Edge], rows: tuple[float, float], at: float, side: int) -> bool:
    """Whether a vertical line on ``side`` (-1 left, 1 right) of ``at`` runs from the
    first to the last of ``rows``."""
    top, bottom = rows
    return any(
        (e.position - at) * side > TOLERANCE
        and e.start <= top + TOLERANCE
        and e.end >= bottom - TOLERANCE
        for e in borders
    )


def _covers(spans: list[tuple[float, float]], point: float) -> bool:
    return any(start - TOLERANCE <= point <= end + TOLERANCE for start, end in spans)


def _spans_by_line(edges: list[Edge]) -> dict[float, list[tuple[float, float]]]:
    lines: dict[float, list[tuple[float, float]]] = {}
    for edge in edges:
        lines.setdefault(edge.position, []).append((edge.start, edge.end))
    return lines


OPEN_END = 4.0
"""Points that a table's vertical rules run past its first or last horizontal rule before
that end is read as an open row (a row that a page break cut: its cells go on at the top
of the next page, and neither fragment has a border at the break)."""


def _open_ends(horizontals: list[Edge], verticals: list[Edge]) -> tuple[Edge | None, Edge | None]:
    """A closing rule for the top and for the bottom of the table where the vertical
    rules run on past the outermost horizontal rule (``None`` where they do not), so that
    the cut row there is read as a row."""
    top = min(e.position for e in horizontals)
    bottom = max(e.position for e in horizontals)
    left = min(e.position for e in verticals)
    right = max(e.position for e in verticals)
    first_start = min(e.start for e in verticals)
    last_end = max(e.end for e in verticals)
    return (
        Edge(True, first_start, left, right) if first_start < top - OPEN_END else None,
        Edge(True, last_end, left, right) if last_end > bottom + OPEN_END else None,
    )


def _table(
    group: list[Edge],
    textpage: Any,
    height: float,
    runs: list[Run] | None = None,
    *,
    split: bool = False,
    placed: Placed | None = None,
) -> TableBox | None:
    horizontals = [e for e in group if e.horizontal]
    verticals = [e for e in group if not e.horizontal]
    cut: tuple[Edge | None, Edge | None] = (None, None)
    if horizontals and verticals:
        cut = _open_ends(horizontals, verticals)
    horizontals.extend(edge for edge in cut if edge is not None)
    ys = sorted({e.position for e in horizontals})
    xs = sorted({e.position for e in verticals})
    if len(ys) < 2 or len(xs) < 2 or (len(ys) < 3 and len(xs) < 3):
        return None  # a rule or a frame, not a table
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    rows_at, columns_at = _spans_by_line(horizontals), _spans_by_line(verticals)
    parent = {(i, j): (i, j) for i in range(n_rows) for j in range(n_cols)}

    def find(cell: tuple[int, int]) -> tuple[int, int]:
        while parent[cell] != cell:
            parent[cell] = parent[parent[cell]]
            cell = parent[cell]
        return cell

    row_lines: list[tuple[float, ...]] = []
    for i in range(n_rows):
        middle_y = (ys[i] + ys[i + 1]) / 2
        crossed = [_covers(columns_at[x], middle_y) for x in xs]
        row_lines.append(tuple(x for x, crosses in zip(xs, crossed, strict=True) if crosses))
        for j in range(n_cols):
            middle_x = (xs[j] + xs[j + 1]) / 2
            if j > 0 and not crossed[j]:
                parent[find((i, j))] = find((i, j - 1))
            if i > 0 and not _covers(rows_at[ys[i]], middle_x):
                parent[find((i, j))] = find((i - 1, j))
    first: dict[tuple[int, int], tuple[int, int]] = {}
    last: dict[tuple[int, int], tuple[int, int]] = {}
    size: Counter[tuple[int, int]] = Counter()
    for i in range(n_rows):
        for j in range(n_cols):
            root = find((i, j))
            first.setdefault(root, (i, j))
            last_i, last_j = last.get(root, (i, j))
            last[root] = (max(last_i, i), max(last_j, j))
            size[root] += 1
    # a merged cell is a rectangle; grid cells joined into another shape lie outside the
    # drawn cells (beside header rows shorter than the body, Word's rows of fewer cells):
    # each is read on its own (read as one cell as large as their outline, it held the
    # texts of the cells they surround)
    outside = {
        root
        for root, (first_i, first_j) in first.items()
        if size[root] != (last[root][0] - first_i + 1) * (last[root][1] - first_j + 1)
    }
    over = _overflowing(runs or [], xs, ys, columns_at)
    pieces: list[Piece] | None = None
    rows: RawRows = []
    for i in range(n_rows):
        row: list[RawCell] = []
        for j in range(n_cols):
            root = find((i, j))
            if root in outside:
                last_i, last_j = i, j
            elif first[root] != (i, j):
                continue
            else:
                last_i, last_j = last[root]
            left, right = xs[j], xs[last_j + 1]
            top, bottom = ys[i], ys[last_i + 1]
            if over and any(_reaches(run, left, top, right, bottom) for run in over):
                if pieces is None:
                    pieces = _pieces(textpage, height, ys[0], ys[-1])
                text = _text_of(pieces, left, top, right, bottom)
            else:
                inset = min(INSET, (right - left) / 4)
                text = textpage.get_text_bounded(
                    left=left + inset, bottom=height - bottom, right=right - inset, top=height - top
                )
                if "\n" in text and placed is not None:
                    box = (left + inset, top, right - inset, bottom)
                    text = _by_position(text, placed, textpage, height, box)
            row.append(RawCell(text.replace("\r\n", "\n"), last_i - i + 1, last_j - j + 1))
        rows.append(row)
    return TableBox(
        rows,
        xs[0],
        ys[0],
        xs[-1],
        ys[-1],
        columns=tuple(xs),
        open_top=cut[0] is not None,
        open_bottom=cut[1] is not None,
        row_lines=tuple(row_lines),
        split=split,
        row_rules=tuple(ys),
    )


Run = tuple[float, float, float, float]
"""A run of text as pdfium groups characters: top, bottom, left, right (top-down)."""
TextRun = tuple[float, float, float, float, str]
"""A run of text outside the ruled tables, with its text."""
Piece = tuple[float, float, float, float, float, str]
"""Characters printed one after another: where the first begins (x, and the middle of
its line), the top and bottom of that line, the right edge of the last, the text."""


def _runs(textpage: Any, height: float) -> list[Run]:
    runs: list[Run] = []
    for index in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(index)
        runs.append((height - top, height - bottom, left, right))
    return runs


Placed = tuple[list[float], list[tuple[float, float, float, float, int]]]
"""The page's runs sorted by top, with their tops (for bisecting) and each run's place
in the order the page draws them."""


def _placed(runs: list[Run]) -> Placed:
    ordered = sorted((*run, index) for index, run in enumerate(runs))
    return [run[0] for run in ordered], ordered


def _by_position(
    text: str,
    placed: Placed,
    textpage: Any,
    height: float,
    box: tuple[float, float, float, float],
) -> str:
    """A cell's text of several lines (``text``, in the order the page draws them) with
    its lines top to bottom: a converter that draws each line as a box of its own may
    draw them in any order (止公开 before 2.其他法律行政法规禁), and a cell's lines are read
    by where they stand. ``text`` is kept when drawn in reading order (the usual PDF)."""
    left, top, right, bottom = box
    tops, ordered = placed
    mine = [
        run
        for run in ordered[bisect_right(tops, top - TOLERANCE) : bisect_right(tops, bottom)]
        if top <= (run[0] + run[1]) / 2 <= bottom and left <= (run[2] + run[3]) / 2 <= right
    ]
    drawn = sorted(mine, key=itemgetter(4))
    if all(
        later[0] >= earlier[0] - (earlier[1] - earlier[0]) / 2
        or later[2] >= earlier[3]  # a cell's next run on the line, right of the last
        for earlier, later in pairwise(drawn)
    ):
        return text
    lines: list[tuple[float, float]] = []
    """Each line's top and bottom: a run that shares half its height or the line's (a
    full stop low on the line, a quotation mark high on it) is on it."""
    for run in mine:  # by top
        if lines:
            line_top, line_bottom = lines[-1]
            shared = min(line_bottom, run[1]) - max(line_top, run[0])
            if shared >= min(line_bottom - line_top, run[1] - run[0]) / 2:
                lines[-1] = (min(line_top, run[0]), max(line_bottom, run[1]))
                continue
        lines.append((run[0], run[1]))
    out = []
    for line_top, line_bottom in lines:
        line = textpage.get_text_bounded(
            left=left, bottom=height - line_bottom, right=right, top=height - line_top
        )
        out.append(line.replace("\r\n", "").strip())
    return "\n".join(out)


def _overflowing(
    runs: list[Run],
    xs: list[float],
    ys: list[float],
    columns_at: dict[float, list[tuple[float, float]]],
) -> list[Run]:
    """The runs of text in the table that cross one of its vertical rules by more than
    ``INSET`` (a name wider than its narrow header cell, not wrapped): read by the
    bounded area of each cell, their last characters went to the cell beside."""
    if len(xs) < 3:
        return []
    top, bottom, inner = ys[0], ys[-1], xs[1:-1]
    out: list[Run] = []
    for run in runs:
        y_top, y_bottom, left, right = run
        middle = (y_top + y_bottom) / 2
        if not top <= middle <= bottom or right - left <= 2 * INSET:
            continue
        at = bisect_right(inner, left + INSET)
        while at < len(inner) and inner[at] < right - INSET:
            if _covers(columns_at[inner[at]], middle):
                out.append(run)
                break
            at += 1
    return out


def _reaches(run: Run, left: float, top: float, right: float, bottom: float) -> bool:
    """Whether ``run`` lies in the rows of a cell and reaches into its columns."""
    y_top, y_bottom, run_left, run_right = run
    return top <= (y_top + y_bottom) / 2 <= bottom and _overlaps(run_left, run_right, left, right)


def _overlaps(left: float, right: float, other_left: float, other_right: float) -> bool:
    """Whether two spans across the page share more than an edge: text reaching into a
    ruled cell's columns, or a wrapped label's piece under the one above it."""
    return left < other_right and other_left < right


def _pieces(textpage: Any, height: float, top: float, bottom: float) -> list[Piece]:
    """The characters whose middle lies between ``top`` and ``bottom``, in the order
    printed, cut into pieces where one is printed over the one before (a name running
    on into the next cell, whose own name begins under its last characters), goes back,
    leaves a gap or starts another line: each piece is one text, wherever it ends."""
    import pypdfium2.raw as pdfium_c

    left, right, low, high = (ctypes.c_double() for _ in range(4))
    boxes = (ctypes.byref(left), ctypes.byref(right), ctypes.byref(low), ctypes.byref(high))
    pieces: list[Piece] = []
    current: list[str] = []
    start = (0.0, 0.0, 0.0, 0.0)
    previous: tuple[float, float] | None = None
    """The right edge and the middle of the last character."""
    for index in range(textpage.count_chars()):
        if not pdfium_c.FPDFText_GetCharBox(textpage.raw, index, *boxes):
            continue
        y_top, y_bottom = height - high.value, height - low.value
        middle = (y_top + y_bottom) / 2
        if right.value <= left.value or not top <= middle <= bottom:
            continue
        if pdfium_c.FPDFText_IsGenerated(textpage.raw, index) == 1:
            continue  # a space or line break pdfium adds between pieces, not printed
        char = chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, index))
        size = y_bottom - y_top
        if previous is None or not (
            abs(middle - previous[1]) <= size / 2
            and previous[0] - 1.0 <= left.value <= previous[0] + size / 2
        ):
            if current:
                pieces.append((*start, previous[0] if previous else 0.0, _joined(current)))
            current = []
            # where the text begins: its first character's left edge
            start = (min(left.value + 0.5, right.value), middle, y_top, y_bottom)
        current.append(char)
        previous = (right.value, middle)
    if current and previous:
        pieces.append((*start, previous[0], _joined(current)))
    return pieces


def _joined(units: list[str]) -> str:
    """Characters as pdfium gives them, one UTF-16 unit each: a character beyond the
    basic plane (a rare name's character) arrives as two halves, joined here."""
    text = "".join(units)
    if text.isascii():
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _text_of(pieces: list[Piece], left: float, top: float, right: float, bottom: float) -> str:
    """The text of a cell read from the pieces that begin in it, line by line (pieces on
    one line apart by a gap joined by a space)."""
    mine = sorted(
        (p for p in pieces if left <= p[0] <= right and top <= p[1] <= bottom),
        key=lambda p: (p[2], p[0]),
    )
    lines: list[list[Piece]] = []
    for piece in mine:
        if lines and lines[-1][0][2] <= piece[1] <= lines[-1][0][3]:
            lines[-1].append(piece)
        else:
            lines.append([piece])
    texts = []
    for line in lines:
        line.sort()
        text = line[0][5].strip()
        for before, piece in pairwise(line):
            gap = piece[0] - before[4] > (piece[3] - piece[2]) / 2
            text += (" " if gap else "") + piece[5].strip()
        texts.append(text)
    return "\n".join(texts)


def _text_lines(
    textpage: Any, height: float, tables: list[TableBox], page_runs: list[Run]
) -> list[tuple[float, str | TableBox]]:
    """Text runs outside the tables, grouped into lines (top, text)."""
    outside = [
        r
        for r in page_runs
        if not any(t.contains((r[2] + r[3]) / 2, (r[0] + r[1]) / 2) for t in tables)
    ]
    if drawn_glyph_by_glyph(outside):
        runs = glyph_words(textpage, height, lambda x, y: any(t.contains(x, y) for t in tables))
    else:
        runs = _run_texts(textpage, height, outside)
    runs.sort(key=lambda r: (r[0], r[2]))
    groups: list[list[TextRun]] = []
    current: list[TextRun] = []
    for run in runs:
        if current:
            top, bottom = current[0][0], current[0][1]
            middle = (run[0] + run[1]) / 2
            if not top <= middle <= bottom:
                groups.append(current)
                current = []
        current.append(run)
    if current:
        groups.append(current)
    return unruled_lines(groups)


def _run_texts(textpage: Any, height: float, outside: list[Run]) -> list[TextRun]:
    """Each run with its text, read from its area (runs of white space left out)."""
    runs: list[TextRun] = []
    for run in outside:
        y_top, y_bottom, left, right = run
        text = textpage.get_text_bounded(
            left=left, bottom=height - y_bottom, right=right, top=height - y_top
        )
        if "\n" in text:  # glyphs of the line above or under reach into the run
            text = _own_line(textpage, height, run, outside)
        if text.strip():
            runs.append((y_top, y_bottom, left, right, text.rstrip()))
    return runs


def _own_line(textpage: Any, height: float, run: Run, runs: list[Run]) -> str:
    """The text of ``run`` read between the runs above and under it that reach into it
    (an OCR'd text layer's lines set closer than their glyphs are high): pdfium gives
    every character whose box touches the area asked for, and a run read with the line
    above's lowest glyphs was read twice (（四 and then （四）无)."""
    top, bottom, left, right = run
    middle = (top + bottom) / 2
    for other in runs:
        if other is run or not _overlaps(left, right, other[2], other[3]):
            continue
        if other[0] < top < other[1] < middle:
            top = other[1] + _CLEAR
        elif middle < other[0] < bottom < other[1]:
            bottom = other[0] - _CLEAR
    text: str = textpage.get_text_bounded(
        left=left, bottom=height - bottom, right=right, top=height - top
    )
    return text


_CLEAR = 0.05
"""Points by which an area asked for keeps clear of a box: pdfium gives a character whose
box touches the area."""


def _line(runs: list[TextRun]) -> tuple[float, str | TableBox]:
    runs = sorted(runs, key=lambda r: r[2])
    size = max(r[1] - r[0] for r in runs)
    text = runs[0][4]
    for previous, run in pairwise(runs):
        gap = run[2] - previous[3]
        text += ("\t" if gap > 2 * size else " " if gap > 0.5 * size else "") + run[4]
    return runs[0][0], text


# ------------------------------------------------------------- tables without ruling lines

_VALUE_RUN_RE = re.compile(rf"^(?:{NUMBER_PATTERN}|[-‐‑‒–—―－─━~～]+|[/／]|无)$")
"""A token of a run that is a table's value: a number or a placeholder printed for one."""
_MAX_ROW_GAP = 24.0
"""Text heights between two rows' numbers of one table (labels wrapped over many lines
between them, ten lines or more in a narrow column), beyond which they are two tables."""
_MAX_WRAPPED = 12
"""Lines of label text above a table's first numbers or under its last ones that may
belong to its rows."""
_EMPTY_ROW = 1.0
"""What a row with no label text in a column of labels costs (in text heights): a row's
label is seldom blank, but may be."""
_LEFT_OUT = 1.0
"""What a piece of label text left out of every row costs (in text heights) where it
stands between two rows' numbers: it is a row's label (only over the first row or under
the last may it be a header's or a note's). Read by where a row's numbers stand in its
label, a label line over them was left out when the words sat off their lines (an OCR'd
text layer), the label's lines no longer centred on its numbers."""
_ALIGNMENTS = (0.5, 0.0, 1.0)
"""Where a row's numbers stand beside its label, as a share of the label's height:
centred (an HTML cell), at its first line (Word's cells), at its last; the first that
fits best is taken."""


_LONE = -2
"""``_value_tail`` of a line of one number alone: a row's number beside a label wrapped
above and under it (table 二's rows of one number), if label text stands next to it;
else a page number, or a number of the text."""


def _is_value_run(text: str) -> bool:
    tokens = text.split()
    return bool(tokens) and all(_VALUE_RUN_RE.match(token) for token in tokens)


def _value_tail(line: list[TextRun]) -> int:
    """Where the numbers at the end of ``line`` (its runs left to right) begin, ``-1``
    when it does not end in a table's numbers: one number after a label needs the gap of
    a column before it (a sentence may end in a number), two or more a gap wider than a
    space; numbers alone on a line need two of them (a page number is no row)."""
    at = len(line)
    while at > 0 and _is_value_run(line[at - 1][4]):
        at -= 1
    if at == len(line):
        return -1
    tail = line[at:]
    if not any(char.isdigit() for run in tail for char in run[4]):
        return -1
    count = sum(len(run[4].split()) for run in tail)
    if at == 0:
        return 0 if count >= 2 else _LONE
    size = max(r[1] - r[0] for r in line)
    gap = tail[0][2] - line[at - 1][3]
    if gap <= 0.5 * size or (count < 2 and gap <= 2 * size):
        return -1
    return at


class RowText(str):
    """A row of a table without ruling lines, laid out as one line (``unruled_lines``):
    ``labelled`` when it holds label text (a page break may leave a row's numbers on one
    page and its label on the next)."""

    labelled: bool

    def __new__(cls, text: str, *, labelled: bool) -> RowText:
        self = super().__new__(cls, text)
        self.labelled = labelled
        return self


class LabelText(str):
    """Label text of a table without ruling lines that stands beside no row's numbers
    (a header's, a note's, or the label of a row a page break cut): ``above`` the
    table's first numbers or not."""

    above: bool

    def __new__(cls, text: str, *, above: bool) -> LabelText:
        self = super().__new__(cls, text)
        self.above = above
        return self


class _Piece:
    """The text of one cell on one printed line of a table without ruling lines."""

    __slots__ = ("bottom", "left", "line", "right", "text", "top")

    def __init__(self, runs: list[TextRun], line: int) -> None:
        self.top = min(r[0] for r in runs)
        self.bottom = max(r[1] for r in runs)
        self.left = runs[0][2]
        self.right = max(r[3] for r in runs)
        self.line = line
        size = self.bottom - self.top
        text = runs[0][4].strip()
        for previous, run in pairwise(runs):
            text += (" " if run[2] - previous[3] > 0.3 * size else "") + run[4].strip()
        self.text = text

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


def _pieces_of(runs: list[TextRun], line: int) -> list[_Piece]:
    """A line's runs of label text cut into the cells they stand in: runs apart by more
    than a space are in two cells."""
    out: list[_Piece] = []
    current: list[TextRun] = []
    for run in runs:
        if current and run[2] - current[-1][3] > 0.6 * (run[1] - run[0]):
            out.append(_Piece(current, line))
            current = []
        current.append(run)
    if current:
        out.append(_Piece(current, line))
    return out


class _ValueLine:
    __slots__ = ("bottom", "index", "lines", "runs", "top")

    def __init__(self, index: int, runs: list[TextRun]) -> None:
        self.index = index
        self.lines = [index]
        """The lines the row's numbers stand on: one, or those of a row jittered off its
        baseline (``_one_row``)."""
        self.runs = runs
        self.top = min(r[0] for r in runs)
        self.bottom = max(r[1] for r in runs)

    def gather(self, other: _ValueLine) -> None:
        """Take the numbers of ``other``, a piece of the same row (``_one_row``)."""
        self.lines.append(other.index)
        self.runs = sorted([*self.runs, *other.runs], key=itemgetter(2))
        self.top = min(self.top, other.top)
        self.bottom = max(self.bottom, other.bottom)

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


def unruled_lines(lines: list[list[TextRun]]) -> list[tuple[float, str | TableBox]]:
    """Text lines (each its runs, in reading order) as the page's lines, where the rows
    of a table printed without ruling lines are laid out by its columns: each row one
    line, its label's wrapped lines joined into it (those above and under its numbers,
    wherever the label column wraps), its numbers one cell per column of the table (a
    cell left blank kept blank). Lines of no such table come back as laid out."""
    lines = [sorted(line, key=itemgetter(2)) for line in lines]
    tails = [_value_tail(line) for line in lines]
    if all(t == -1 for t in tails):
        return [_line(line) for line in lines]
    for i, tail in enumerate(tails):
        if tail == _LONE:
            tails[i] = 0 if _beside_label(lines, tails, i) or _beside_row(lines, tails, i) else -1
    out: list[tuple[float, str | TableBox]] = []
    done: set[int] = set()
    for first, last, split in _regions(lines, tails):
        rewritten = _region_rows(lines, tails, first, last, split)
        if rewritten is None:
            continue
        rows, used = rewritten
        out.extend(rows)
        done.update(used)
    out.extend(_line(line) for i, line in enumerate(lines) if i not in done)
    if done:
        out.sort(key=itemgetter(0))
    return out


def _beside_label(lines: list[list[TextRun]], tails: list[int], i: int) -> bool:
    """Whether a line of one number alone has a line of label text (left of the number)
    next to it, within a line's gap above or under it."""
    number = lines[i][0]
    size = number[1] - number[0]
    for k in (i - 1, i + 1):
        if not 0 <= k < len(lines) or tails[k] >= 0 or not _label_only(lines[k], number[2]):
            continue
        other = lines[k]
        gap = other[0][0] - number[1] if k > i else number[0] - other[0][1]
        if gap <= 1.5 * max(size, other[0][1] - other[0][0]):
            return True
    return False


def _beside_row(lines: list[list[TextRun]], tails: list[int], i: int) -> bool:
    """Whether a line of one number alone is a piece of the row of numbers next to it,
    jittered off that row's baseline (``_one_row``)."""
    return any(
        0 <= k < len(lines) and tails[k] >= 0 and _one_row(lines[k][tails[k] :], lines[i])
        for k in (i - 1, i + 1)
    )


_ROW_OVERLAP = 0.3
"""Share of a number's height by which the numbers of two lines that are one row reach
into each other."""


def _one_row(upper: list[TextRun], lower: list[TextRun]) -> bool:
    """Whether the numbers of two lines are those of one row whose words sit off a shared
    baseline (an OCR'd text layer, words up to 0.7 mm up or down): side by side in
    different columns (no number of one above a number of the other) and reaching into
    each other from top to bottom, which the numbers of two rows never do; read as two
    lines, each row lost the cells of the other."""
    top = max(min(r[0] for r in upper), min(r[0] for r in lower))
    bottom = min(max(r[1] for r in upper), max(r[1] for r in lower))
    size = min(min(r[1] - r[0] for r in upper), min(r[1] - r[0] for r in lower))
    if bottom - top < _ROW_OVERLAP * size:
        return False
    return not _columns_meet(upper, lower)


def _label_only(line: list[TextRun], split: float) -> bool:
    return line[-1][3] <= split + 1.0


def _regions(lines: list[list[TextRun]], tails: list[int]) -> list[tuple[int, int, float]]:
    """The tables without ruling lines among ``lines``: the first and last line of each
    (its numbers' lines, and lines of label text around and between them) and where its
    numbers' columns begin."""
    found: list[tuple[int, int, float]] = []
    i = floor = 0
    """``floor``: the first line after the last table found (no line is in two)."""
    n = len(lines)
    while i < n:
        if tails[i] < 0:
            i += 1
            continue
        start = end = i
        split = lines[i][tails[i]][2]
        size = max(r[1] - r[0] for r in lines[i])
        j = i + 1
        while j < n:
            if tails[j] >= 0:
                candidate = min(split, lines[j][tails[j]][2])
                previous = lines[end]
                if (
                    lines[j][0][0] - previous[0][1] <= _MAX_ROW_GAP * size
                    and all(_label_only(lines[k], candidate) for k in range(end + 1, j))
                    and (
                        _columns_meet(previous[tails[end] :], lines[j][tails[j] :])
                        or _one_row(previous[tails[end] :], lines[j][tails[j] :])
                    )
                ):
                    end, split = j, candidate
                    j += 1
                    continue
                break
            if not _label_only(lines[j], split):
                break
            j += 1
        # label lines just above the first numbers and just under the last ones
        first = start
        while (
            first > floor
            and start - first < _MAX_WRAPPED
            and tails[first - 1] < 0
            and _label_only(lines[first - 1], split)
            and lines[first][0][0] - lines[first - 1][0][1] <= 1.5 * size
        ):
            first -= 1
        last = end
        while (
            last + 1 < n
            and last - end < _MAX_WRAPPED
            and tails[last + 1] < 0
            and _label_only(lines[last + 1], split)
            and lines[last + 1][0][0] - lines[last][0][1] <= 1.5 * size
        ):
            last += 1
        found.append((first, last, split))
        i = floor = last + 1
    return found


def _columns_meet(upper: list[TextRun], lower: list[TextRun]) -> bool:
    """Whether two lines' numbers stand in the same columns (one of them at least)."""
    return any(a[2] <= b[3] and b[2] <= a[3] for a in upper for b in lower)


def _region_rows(
    lines: list[list[TextRun]], tails: list[int], first: int, last: int, split: float
) -> tuple[list[tuple[float, str | TableBox]], set[int]] | None:
    """The rows of one table without ruling lines, each as one line, and the lines they
    were made of; ``None`` when laying the table out by its columns changes nothing (no
    label is wrapped, no cell is left blank)."""
    values: list[_ValueLine] = []
    pieces: list[_Piece] = []
    for k in range(first, last + 1):
        line = lines[k]
        at = tails[k] if tails[k] >= 0 else len(line)
        if tails[k] >= 0:
            value_line = _ValueLine(k, line[at:])
            if values and _one_row(values[-1].runs, value_line.runs):
                values[-1].gather(value_line)
            else:
                values.append(value_line)
        if at:
            pieces.extend(_pieces_of(line[:at], k))
    bands = _bands(values)
    wrapped = any(tails[k] < 0 for k in range(first, last + 1))
    blank = bands is not None and any(len(v.runs) < len(bands) for v in values)
    jittered = any(len(v.lines) > 1 for v in values)
    if not values or not (wrapped or blank or jittered):
        return None
    size = max(p.bottom - p.top for p in pieces) if pieces else values[0].bottom - values[0].top
    on_line = {k: r for r, v in enumerate(values) for k in v.lines}
    own, groups, numbers = _kinds_of(pieces, size)
    row_chains, group_chains = _chains(own, size), _chains(groups, size)
    best: list[list[int]] | None = None
    best_cost = math.inf
    for share in _ALIGNMENTS:
        cost = 0.0
        assigned: list[list[int]] = []
        for chain in row_chains:
            rows, chain_cost = _assign(chain, values, on_line, share, size)
            cost += chain_cost
            assigned.append(rows)
        if cost < best_cost - 0.5:
            best, best_cost = assigned, cost
    assert best is not None
    cells: list[list[tuple[float, list[_Piece]]]] = [[] for _ in values]
    tops = [v.top for v in values]
    """Where each row's line stands: its numbers' line, or its own label's first line."""
    used_pieces: set[int] = set()
    for chain, rows in zip(row_chains, best, strict=True):
        by_row: dict[int, list[_Piece]] = {}
        for piece, row in zip(chain, rows, strict=True):
            if row >= 0:
                by_row.setdefault(row, []).append(piece)
        for row, mine in by_row.items():
            cells[row].append((min(p.left for p in mine), mine))
            tops[row] = min(tops[row], min(p.top for p in mine))
            used_pieces.update(id(p) for p in mine)
    for piece in numbers:  # a row's number printed before its label (序号): its own cell
        if (number_row := on_line.get(piece.line)) is not None:
            cells[number_row].append((piece.left, [piece]))
            used_pieces.add(id(piece))
    for chain in group_chains:
        group_row = next(
            (
                r
                for r, v in enumerate(values)
                if chain[0].top - size <= v.middle <= chain[-1].bottom + size
            ),
            None,
        )
        if group_row is not None:
            cells[group_row].append((min(p.left for p in chain), chain))
            used_pieces.update(id(p) for p in chain)
    out: list[tuple[float, str | TableBox]] = []
    for row, value_line in enumerate(values):
        texts = [
            join_wrapped(p.text for p in sorted(mine, key=attrgetter("top")))
            for _, mine in sorted(cells[row], key=itemgetter(0))
        ]
        labelled = bool(texts)
        texts.extend(_value_cells(value_line, bands))
        out.append((tops[row], RowText("\t".join(texts), labelled=labelled)))
    # label text of no row (a header's, a note's) stays as printed, line by line
    left_over: dict[int, list[TextRun]] = {}
    for piece in pieces:
        if id(piece) not in used_pieces:
            left_over.setdefault(piece.line, []).append(
                (piece.top, piece.bottom, piece.left, piece.right, piece.text)
            )
    for runs in left_over.values():
        top, text = _line(runs)
        out.append((top, LabelText(str(text), above=top < values[0].top)))
    return out, set(range(first, last + 1))


def _bands(values: list[_ValueLine]) -> list[tuple[float, float]] | None:
    """The columns of a table's numbers: where the numbers of its rows stand one under
    the other; ``None`` where they do not fall into columns (a run of several numbers,
    two numbers of a row in one column)."""
    spans = sorted((r[2], r[3]) for v in values for r in v.runs)
    if any(len(r[4].split()) != 1 for v in values for r in v.runs):
        return None
    bands: list[list[float]] = []
    for left, right in spans:
        if bands and left <= bands[-1][1]:
            bands[-1][1] = max(bands[-1][1], right)
        else:
            bands.append([left, right])
    out = [(a, b) for a, b in bands]
    for v in values:
        seen = [_band_of(r, out) for r in v.runs]
        if len(set(seen)) != len(seen):
            return None
    return out


def _band_of(run: TextRun, bands: list[tuple[float, float]]) -> int:
    middle = (run[2] + run[3]) / 2
    return next((i for i, (a, b) in enumerate(bands) if a <= middle <= b), -1)


def _value_cells(line: _ValueLine, bands: list[tuple[float, float]] | None) -> list[str]:
    """A row's numbers, one cell per column of the table, blank where the row prints none."""
    if bands is None:
        return [token for run in line.runs for token in run[4].split()]
    cells = [""] * len(bands)
    for run in line.runs:
        cells[_band_of(run, bands)] = run[4].strip()
    return cells


def _chains(pieces: list[_Piece], size: float) -> list[list[_Piece]]:
    """Pieces of label text one under the other in one column (each overlapping the next
    across, at most a line's gap apart): a cell's wrapped lines, and the cells of the
    rows above and under it, which ``_assign`` parts again."""
    ordered = sorted(pieces, key=attrgetter("top"))
    parent = list(range(len(ordered)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, upper in enumerate(ordered):
        for j in range(i + 1, len(ordered)):
            lower = ordered[j]
            if lower.middle <= upper.bottom:
                continue  # on the same line
            if lower.top - upper.bottom > 1.5 * size:
                break
            if _overlaps(lower.left, lower.right, upper.left, upper.right):
                parent[find(j)] = find(i)
                break
    chains: dict[int, list[_Piece]] = {}
    for i, piece in enumerate(ordered):
        chains.setdefault(find(i), []).append(piece)
    return [sorted(c, key=attrgetter("middle")) for c in chains.values()]


def _kinds_of(pieces: list[_Piece], size: float) -> tuple[list[_Piece], ...]:
    """The pieces of label text parted into the rows' own labels, the labels of groups
    of rows (a merged cell on the left, 三、本年度办理结果 or （五）不予处理, with the rows'
    labels to its right, within a line above or under it: a group's label is not parted
    among its rows) and numbers printed before a row's label (a 序号 column)."""
    own: list[_Piece] = []
    groups: list[_Piece] = []
    numbers: list[_Piece] = []
    for piece in pieces:
        if _is_value_run(piece.text):
            numbers.append(piece)
        elif any(
            other.left >= piece.right - 1.0
            and other.top < piece.bottom + size
            and other.bottom > piece.top - size
            for other in pieces
        ):
            groups.append(piece)
        else:
            own.append(piece)
    return own, groups, numbers


def _assign(
    chain: list[_Piece],
    values: list[_ValueLine],
    on_line: dict[int, int],
    share: float,
    size: float,
) -> tuple[list[int], float]:
    """Each piece of a column of labels given to the row (an index of ``values``) whose
    numbers it stands beside, ``-1`` for a piece of no row (a header's, above the first
    numbers, or a note's under the last): the pieces of a row are those one under the
    other around its numbers, so that its numbers stand at ``share`` of its label's
    height (0.5: in the middle). Each piece goes to one of the two rows whose numbers are
    nearest above and under it; the cut between them is chosen for the whole column at
    once (the cost of each row: how far its numbers stand from where its label puts them)."""
    top, bottom = chain[0].top - size, chain[-1].bottom + size
    rows = [r for r, v in enumerate(values) if top <= v.middle <= bottom]
    if not rows:
        return [-1] * len(chain), 0.0
    # slots: pieces above rows[0] (index 0), between rows[k-1] and rows[k] (k), under
    # the last (len(rows)); pieces on a row's line are that row's
    fixed: dict[int, int] = {}
    gaps: list[list[int]] = [[] for _ in range(len(rows) + 1)]
    for i, piece in enumerate(chain):
        row = on_line.get(piece.line)
        if row is not None and row in rows:
            fixed[i] = rows.index(row)
            continue
        k = sum(1 for r in rows if values[r].middle < piece.middle)
        gaps[k].append(i)
    own: list[list[int]] = [[i for i, k in fixed.items() if k == r] for r in range(len(rows))]

    def cost(k: int, lower: list[int], upper: list[int]) -> float:
        mine = [*lower, *own[k], *upper]
        if not mine:
            return _EMPTY_ROW * size
        value = values[rows[k]]
        block_top = min(chain[i].top for i in mine)
        block_bottom = max(chain[i].bottom for i in mine)
        return abs((1 - share) * (block_top - value.top) + share * (block_bottom - value.bottom))

    # table[c] after row k: least cost with the cut in gap k+1 at c (the first c
    # pieces of that gap to row k)
    # c pieces above are no row's: a header's, over the table's first row; between two
    # rows (a row above lies further than the window) a piece is a row's label
    above = _LEFT_OUT * size if rows[0] > 0 else 0.0
    under = _LEFT_OUT * size if rows[-1] < len(values) - 1 else 0.0
    previous = {c: c * above for c in range(len(gaps[0]) + 1)}
    choices: list[dict[int, int]] = []
    for k in range(len(rows)):
        below = gaps[k + 1]
        current: dict[int, float] = {}
        chosen: dict[int, int] = {}
        for c in range(len(below) + 1):
            best = math.inf
            for cut, before in previous.items():
                total = before + cost(k, gaps[k][cut:], below[:c])
                if total < best:
                    best, chosen[c] = total, cut
            current[c] = best
        choices.append(chosen)
        previous = current
    # the pieces under the last row not taken by it are no row's
    last = len(gaps[-1])
    end = min(previous, key=lambda c: (previous[c] + (last - c) * under, -c))
    total = previous[end] + (last - end) * under
    out = [-1] * len(chain)
    cut = end
    for k in range(len(rows) - 1, -1, -1):
        start = choices[k][cut]
        for i in [*gaps[k][start:], *own[k], *gaps[k + 1][:cut]]:
            out[i] = rows[k]
        cut = start
    return out, total
