"""A sheet printed "2-up" — two portrait pages shrunk side by side on one landscape
sheet by a print driver — read as its two pages, left first.

Read as one page, each line of the left page was joined to the line of the right page at
the same height, and every row of a table came back with the other page's words in it.
A sheet is read as two pages when (``gutter``):

- it has the shape of two portrait pages side by side (``SHEET_SHAPE``: wider than high
  by a fifth, less than twice as wide; A4 landscape is 1.41) and is not turned by a
  ``/Rotate``: a portrait page, as nearly all are, never pays more than this look at
  its size;
- its text parts at a blank vertical strip, the gutter, that no text crosses from the
  sheet's first line to its last, lying about the middle of the sheet (``MIDDLE``) and
  wide (``GUTTER``: two pages' margins side by side, shrunk, are a tenth of the sheet or
  more; the gap between two columns of a table seldom a thirtieth);
- no ruling line spans the gutter, in one piece or in pieces end to end (a row's rule
  drawn cell by cell): a table across the sheet (a landscape table 三), a frame around
  it (the frame a print driver draws around each page reaches into the gutter, not
  across it);
- each side holds a page's worth of text: several lines (``SIDE_LINES``) a quarter of the
  sheet wide or more (``SIDE_WIDTH``), not a column of numbers or a signature;
- the two sides are pages of one layout: as wide, text and rules together, within
  ``SAME_WIDTH`` (a table without ruling lines on a landscape page, its labels on the
  left of a wide gap and its numbers on the right, has two sides of other widths).

A later sheet of the same size whose text leaves the first gutter blank is parted there
too, whatever each side holds (``SheetReader``): the print driver printed the whole
document 2-up, and its last sheet may hold one page, or a second one of a few lines.

Each half is read as a page of its own: the sheet is copied into a scratch document once
for each side, the objects of the other side are removed from each copy, and the copy is
read as any page. A print driver draws each page into a form (a Form XObject, shrunk by
its matrix); pdfium gives some characters of such a form their place in the form's own
space, not on the sheet (Chromium draws each glyph as a text object of its own: 石 of
红石区 came back far off its line), so the forms of a copy are first emptied onto the
page, each object moved by its form's matrix (``_flatten_forms``).

The pages of a sheet are numbered on from the pages before it (a sheet's right page is
the next page), so that a table cut at the foot of the left page goes on at the top of
the right one as it does across a page break.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from typing import Any

from .pdf_layout import THIN, TableBox, read_page

SHEET_SHAPE = (1.2, 2.0)
"""Width over height of a sheet of two portrait pages side by side: at least, below."""
GUTTER = 0.05
"""Share of the sheet's width at least which the blank gutter between two pages is wide."""
MIDDLE = (0.35, 0.65)
"""Shares of the sheet's width between which the gutter's middle lies."""
SIDE_LINES = 3
"""Lines of text each side of the gutter holds at least."""
SIDE_WIDTH = 0.25
"""Share of the sheet's width at least which each side's text spans."""
SAME_WIDTH = 0.8
"""Width of the narrower side over the wider's at least which the two are one layout."""
MAX_OBJECTS = 20000
"""Page objects looked at on one sheet (a report's sheet has a few thousand)."""
MAX_FORM_DEPTH = 8

Box = tuple[float, float, float, float]
"""left, bottom, right, top, on the sheet (PDF coordinates, 0 at the bottom)."""
Matrix = tuple[float, float, float, float, float, float]
PageRead = tuple[list[tuple[float, str | TableBox]], float]

_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class SheetReader:
    """Reads a PDF's sheets in order, each as one page or, a sheet printed 2-up, as its
    two pages (``gutter``); a later sheet of the same size is parted at the same gutter
    when its text leaves it blank (``_parted_at``), whatever each side holds: a print
    driver prints the whole document 2-up, and its last sheet may hold one page, or a
    second with a few lines only."""

    __slots__ = ("known",)

    def __init__(self) -> None:
        self.known: tuple[float, float, float] | None = None
        """The width and height of the first 2-up sheet and its gutter's middle."""

    def read(self, pdf: Any, index: int, dropped: list[int] | None = None) -> list[PageRead]:
        """The page ``index`` of ``pdf`` read as one page (``pdf_layout.read_page``), or
        as the pages of a 2-up sheet, left first."""
        page = pdf[index]
        sides = self._sides(page)
        if sides is None:
            return [read_page(page, dropped)]
        page.close()
        return list(_halves(pdf, index, *sides, dropped))

    def _sides(self, page: Any) -> tuple[float, bool, bool] | None:
        """The gutter's middle and whether each side (left, right) holds text, for a
        sheet read as two pages; ``None`` for one read as it is."""
        width, height = page.get_size()
        if not SHEET_SHAPE[0] * height <= width < SHEET_SHAPE[1] * height:
            return None
        if page.get_rotation() % 360:
            return None
        texts = _boxes(page, rules=False, width=None if self.known else width)
        if texts is None or (self.known is None and _widest_gap(texts, width) is None):
            return None  # a landscape table 三: its text leaves no gutter, its rules not read
        rules = _boxes(page, rules=True)
        if rules is None:
            return None
        middle = gutter(texts, rules, width)
        if middle is not None:
            if self.known is None:
                self.known = (width, height, middle)
            return middle, True, True
        if self.known is None:
            return None
        known_width, known_height, middle = self.known
        if abs(known_width - width) > 1 or abs(known_height - height) > 1:
            return None
        return _parted_at(texts, rules, middle, GUTTER * width)


def gutter(texts: list[Box], rules: list[Box], width: float) -> float | None:
    """The x of the middle of the blank gutter that parts a 2-up sheet ``width`` wide,
    whose text and rules are ``texts`` and ``rules``, into its two pages, or ``None``
    for a sheet that is one page (see the module's rules)."""
    gap = _widest_gap(texts, width)
    if gap is None:
        return None
    start, end = gap
    if _spanned(rules, start, end):
        return None
    middle = (start + end) / 2
    left = [box for box in texts if box[2] <= start]
    right = [box for box in texts if box[0] >= end]
    if not (_page_of_text(left, width) and _page_of_text(right, width)):
        return None
    narrow, wide = sorted(
        (
            _width(left + [r for r in rules if r[0] + r[2] < 2 * middle]),
            _width(right + [r for r in rules if r[0] + r[2] >= 2 * middle]),
        )
    )
    return middle if narrow >= SAME_WIDTH * wide else None


def _width(boxes: list[Box]) -> float:
    return max(b[2] for b in boxes) - min(b[0] for b in boxes)


def _spanned(rules: list[Box], start: float, end: float) -> bool:
    """Whether a horizontal ruling line spans the strip from ``start`` to ``end``: one
    rule, or rules at one height end to end (a table's row rule drawn cell by cell; the
    sides of a drawn rectangle count as rules)."""
    pieces = sorted(_horizontal_pieces(rules))
    first = 0
    while first < len(pieces):
        last = first
        while last < len(pieces) and pieces[last][0] - pieces[first][0] <= THIN:
            last += 1
        if _covers(sorted((left, right) for _, left, right in pieces[first:last]), start, end):
            return True
        first = last
    return False


def _horizontal_pieces(rules: list[Box]) -> Iterator[tuple[float, float, float]]:
    """The height, left and right of each horizontal rule (of a rectangle: its top and
    bottom sides)."""
    for left, bottom, right, top in rules:
        if top - bottom <= THIN:
            yield (top + bottom) / 2, left, right
        elif right - left > THIN:
            yield top, left, right
            yield bottom, left, right


def _covers(spans: list[tuple[float, float]], start: float, end: float) -> bool:
    """Whether ``spans`` (sorted), joined where they meet, cover ``start`` to ``end``."""
    begin = reach = 0.0
    for number, (left, right) in enumerate(spans):
        if number == 0 or left > reach + THIN:
            begin, reach = left, right
        else:
            reach = max(reach, right)
        if begin <= start and reach >= end:
            return True
    return False


def _parted_at(
    texts: list[Box], rules: list[Box], middle: float, wide: float
) -> tuple[float, bool, bool] | None:
    """``middle`` and whether each side of it holds text, when some text does, none
    reaches into the strip ``wide`` around it and no rule spans that strip; else
    ``None`` (a sheet without text, a scan, is read as it is)."""
    start, end = middle - wide / 2, middle + wide / 2
    if any(left < end and right > start for left, _, right, _ in texts):
        return None
    if _spanned(rules, start, end):
        return None
    left = any(box[2] <= start for box in texts)
    right = any(box[0] >= end for box in texts)
    return (middle, left, right) if left or right else None


def _boxes(page: Any, *, rules: bool, width: float | None = None) -> list[Box] | None:
    """The boxes on the sheet of the page's text objects or, with ``rules``, of its
    ruling lines and outlines; ``None`` past ``MAX_OBJECTS``, or, given the sheet's
    ``width``, as soon as the text leaves no room for a gutter (``_may_part``, looked at
    after 64, 128, 256… objects)."""
    import pypdfium2.raw as pdfium_c

    found: list[Box] = []
    walk = _Walk(pdfium_c, pdfium_c.FPDF_PAGEOBJ_PATH if rules else pdfium_c.FPDF_PAGEOBJ_TEXT)
    walk.width = width
    walk.collect(page.raw, None, _IDENTITY, found, 0)
    return None if len(found) > MAX_OBJECTS or walk.closed else found


def _may_part(texts: list[Box], width: float) -> bool:
    """Whether the sheet's text found so far leaves room for a gutter: a strip
    ``GUTTER`` wide whose middle lies within ``MIDDLE``, not reached into by any box,
    that more text may yet narrow (beyond the text found, too)."""
    wide = GUTTER * width
    low, high = MIDDLE[0] * width, MIDDLE[1] * width
    reach = 0.0
    for left, _, right, _ in sorted(texts):
        if left - reach >= wide and reach + wide / 2 <= high and left - wide / 2 >= low:
            return True
        reach = max(reach, right)
    return width - reach >= wide and reach + wide / 2 <= high


def _widest_gap(texts: list[Box], width: float) -> tuple[float, float] | None:
    """The widest strip between ``MIDDLE``'s shares of the sheet's width that no text
    box reaches into, if ``GUTTER`` wide, as its left and right x."""
    best: tuple[float, float] | None = None
    reach: float | None = None
    for left, _, right, _ in sorted(texts):
        if reach is not None and left > reach:
            middle = (reach + left) / 2
            if (
                MIDDLE[0] * width <= middle <= MIDDLE[1] * width
                and left - reach >= GUTTER * width
                and (best is None or left - reach > best[1] - best[0])
            ):
                best = (reach, left)
        reach = right if reach is None else max(reach, right)
    return best


def _page_of_text(boxes: list[Box], width: float) -> bool:
    """Whether the text ``boxes`` of one side of a gutter are a page's worth: at least
    ``SIDE_LINES`` lines (runs of text apart in height) spanning ``SIDE_WIDTH`` of the
    sheet's width."""
    if not boxes:
        return False
    if max(b[2] for b in boxes) - min(b[0] for b in boxes) < SIDE_WIDTH * width:
        return False
    lines = 0
    low: float | None = None
    for _, bottom, _, top in sorted(boxes, key=lambda b: -b[3]):
        if low is None or top < low:
            lines += 1
            if lines >= SIDE_LINES:
                return True
            low = bottom
        else:
            low = min(low, bottom)
    return False


class _Walk:
    """Collects the boxes on the sheet of the objects of one kind (text, or paths that
    are ruling lines and outlines: not a filled area without a stroke) of a page and of
    the forms in it, with pdfium's calls and the out-values they fill made once."""

    __slots__ = ("at", "c", "closed", "kind", "look", "values", "width")

    def __init__(self, pdfium_c: Any, kind: int) -> None:
        self.c = pdfium_c
        self.kind = kind
        self.values = [ctypes.c_float() for _ in range(4)]
        self.at = [ctypes.byref(value) for value in self.values]
        self.width: float | None = None
        """The sheet's width, to stop once the text leaves no gutter."""
        self.look = 64
        """Boxes found at which the gutter is looked for next."""
        self.closed = False
        """The text found leaves no gutter: the walk stopped."""

    def collect(self, page: Any, form: Any, outer: Matrix, found: list[Box], depth: int) -> None:
        """Into ``found``, the boxes of the objects of ``page``, or of its form object
        ``form``, whose matrices around it are ``outer``."""
        c = self.c
        if form is None:
            count, get, holder = c.FPDFPage_CountObjects(page), c.FPDFPage_GetObject, page
        else:
            count, get, holder = c.FPDFFormObj_CountObjects(form), c.FPDFFormObj_GetObject, form
        kind_of, bounds, form_kind = (
            c.FPDFPageObj_GetType,
            c.FPDFPageObj_GetBounds,
            c.FPDF_PAGEOBJ_FORM,
        )
        path = self.kind == c.FPDF_PAGEOBJ_PATH
        left, bottom, right, top = self.values
        for index in range(count):
            if len(found) > MAX_OBJECTS or self.closed:
                return
            obj = get(holder, index)
            kind = kind_of(obj)
            if kind == form_kind:
                if depth < MAX_FORM_DEPTH:
                    inner = _times(_matrix(obj, c), outer)
                    self.collect(page, obj, inner, found, depth + 1)
                continue
            if kind != self.kind or not bounds(obj, *self.at):
                continue
            box = (left.value, bottom.value, right.value, top.value)
            if outer != _IDENTITY:
                box = _moved(box, outer)
            if path and _is_shading(obj, box, c):
                continue
            if box[2] > box[0] or path:
                found.append(box)
                if self.width is not None and len(found) == self.look:
                    self.look *= 2
                    self.closed = not _may_part(found, self.width)


def _is_shading(obj: Any, box: Box, pdfium_c: Any) -> bool:
    """Whether a path is a filled area without an outline that is not thin (a background,
    a shaded cell), never a ruling line: it may lie under both pages."""
    left, bottom, right, top = box
    if right - left <= THIN or top - bottom <= THIN:
        return False
    fill, stroke = ctypes.c_int(0), ctypes.c_int(0)
    if not pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke)):
        return False
    return fill.value != 0 and not stroke.value


def _bounds(obj: Any, pdfium_c: Any, outer: Matrix) -> Box | None:
    """An object's box on the sheet: its bounds in its form's space, moved by ``outer``."""
    left, bottom = ctypes.c_float(), ctypes.c_float()
    right, top = ctypes.c_float(), ctypes.c_float()
    if not pdfium_c.FPDFPageObj_GetBounds(
        obj, ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top)
    ):
        return None
    box = (left.value, bottom.value, right.value, top.value)
    return box if outer == _IDENTITY else _moved(box, outer)


def _matrix(obj: Any, pdfium_c: Any) -> Matrix:
    found = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(found)):
        return _IDENTITY
    return (found.a, found.b, found.c, found.d, found.e, found.f)


def _times(inner: Matrix, outer: Matrix) -> Matrix:
    """``inner`` then ``outer`` (PDF's row-vector matrices)."""
    a, b, c, d, e, f = inner
    g, h, i, j, k, m = outer
    return (
        a * g + b * i,
        a * h + b * j,
        c * g + d * i,
        c * h + d * j,
        e * g + f * i + k,
        e * h + f * j + m,
    )


def _moved(box: Box, matrix: Matrix) -> Box:
    """The box around ``box``'s corners moved by ``matrix``."""
    a, b, c, d, e, f = matrix
    left, bottom, right, top = box
    xs, ys = [], []
    for x, y in ((left, bottom), (left, top), (right, bottom), (right, top)):
        xs.append(a * x + c * y + e)
        ys.append(b * x + d * y + f)
    return (min(xs), min(ys), max(xs), max(ys))


def _halves(
    pdf: Any, index: int, middle: float, left: bool, right: bool, dropped: list[int] | None
) -> Iterator[PageRead]:
    """The pages of the 2-up sheet ``index`` parted at ``middle``, left first, those
    sides only that hold text (``left``, ``right``), each read from a copy of the sheet
    that keeps only its own side's objects."""
    import pypdfium2
    import pypdfium2.raw as pdfium_c

    sides = [keep_left for keep_left, wanted in ((True, left), (False, right)) if wanted]
    scratch = pypdfium2.PdfDocument.new()
    try:
        scratch.import_pages(pdf, [index] * len(sides))
        for number, keep_left in enumerate(sides):
            half = scratch[number]
            _flatten_forms(half.raw, pdfium_c)
            _drop_other_half(half.raw, pdfium_c, middle, keep_left=keep_left)
            yield read_page(half, dropped)
            half.close()
    finally:
        scratch.close()


def _flatten_forms(page: Any, pdfium_c: Any) -> None:
    """Move the objects of each form object of ``page`` onto the page itself, by the
    form's matrix, and drop the emptied form (forms within forms too)."""
    for _ in range(MAX_FORM_DEPTH):
        forms = [
            obj
            for obj in (
                pdfium_c.FPDFPage_GetObject(page, i)
                for i in range(pdfium_c.FPDFPage_CountObjects(page))
            )
            if pdfium_c.FPDFPageObj_GetType(obj) == pdfium_c.FPDF_PAGEOBJ_FORM
        ]
        if not forms:
            return
        for form in forms:
            matrix = pdfium_c.FS_MATRIX(*_matrix(form, pdfium_c))
            inner = [
                pdfium_c.FPDFFormObj_GetObject(form, i)
                for i in range(pdfium_c.FPDFFormObj_CountObjects(form))
            ]
            for obj in inner:
                if not pdfium_c.FPDFFormObj_RemoveObject(form, obj):
                    continue
                pdfium_c.FPDFPageObj_TransformF(obj, ctypes.byref(matrix))
                pdfium_c.FPDFPage_InsertObject(page, obj)
            if pdfium_c.FPDFPage_RemoveObject(page, form):
                pdfium_c.FPDFPageObj_Destroy(form)


def _drop_other_half(page: Any, pdfium_c: Any, middle: float, *, keep_left: bool) -> None:
    """Remove from ``page`` the objects whose middle lies on the other side of
    ``middle`` (a page's frame may reach into the gutter past it)."""
    gone: list[Any] = []
    for i in range(pdfium_c.FPDFPage_CountObjects(page)):
        obj = pdfium_c.FPDFPage_GetObject(page, i)
        box = _bounds(obj, pdfium_c, _IDENTITY)
        if box is None:
            continue
        if ((box[0] + box[2]) / 2 >= middle) == keep_left:
            gone.append(obj)
    for obj in gone:
        if pdfium_c.FPDFPage_RemoveObject(page, obj):
            pdfium_c.FPDFPageObj_Destroy(obj)
