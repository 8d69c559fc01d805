"""A page drawn glyph by glyph → its words, read from pdfium's characters.

Chromium draws a line one glyph at a time, and pdfium gives each glyph as a run of its
own. Read run by run, as ``pdf_layout`` reads a page drawn word by word, the digits of
one number stood as numbers of their own (48 read 4 and 8, in two columns: the row read
blank), a full-width comma's ink left a blank after it that parted a label into two
cells, and pdfium's text of a run's area gave a glyph whose box touches the next one's to
both (东川镇人民政府 read 东川镇人镇人民政府). Here the glyphs are joined into words
(one after the other on a line, at most a small gap apart; the blank that a full-width
punctuation mark holds beside its ink is no gap), each word's text its glyphs' characters.

pdfium also misplaces a glyph that Chromium draws inside a form (an element scaled by
CSS): its box stands elsewhere on the page, four times too large, while its text matrix
says where the page draws it (``_placed``); such glyphs are put back there.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from operator import itemgetter
from typing import Any

Run = tuple[float, float, float, float]
"""A run of text as pdfium groups characters: top, bottom, left, right (top-down)."""
Glyph = tuple[float, float, float, float, str]
"""One printed character: its box (top, bottom, left, right, top-down) and itself; a word
(``glyph_words``) has the same shape, with its text."""

LONG_RUNS = 0.05
"""Share of a page's runs longer than a few characters below which its text is drawn
glyph by glyph; a page drawn word by word or line by line has one in ten or more, even a
page of table 三 (its rows' labels)."""
LONG = 3.0
"""Text heights (at least ``MIN_HEIGHT``) a long run is wider than."""
MIN_HEIGHT = 4.0
"""Points: the height of a glyph as tall as a character (一 and — are as thin as a rule)."""
WORD_GAP = 0.3
"""Share of a text height within which two glyphs one after the other on a line are one
word (Chromium's glyphs of one word stand 0–2 points apart; columns, many more)."""
LINE_FIT = 1.3
"""Text heights within which a word's glyphs stand, from the top of the highest to the
bottom of the lowest: glyphs on one line (a comma low, a digit shorter than a
character), never two lines."""
MISPLACED = 2.5
"""Times the page's usual glyph height beyond which a glyph's box may be misplaced
(``_placed``)."""
OPENING_PUNCTUATION = frozenset("（《〈「『【〔［｛“‘")
CLOSING_PUNCTUATION = frozenset("，。、：；！？）》〉」』】〕］｝”’")
"""Full-width punctuation: its box is its ink, at one side of the character's width
(a comma's at the left, an opening bracket's at the right); the blank beside the ink
is the character's own, no gap between two words."""


def drawn_glyph_by_glyph(runs: list[Run]) -> bool:
    """Whether a page's text is drawn glyph by glyph, each glyph a run of its own
    (Chromium): hardly any run is longer than a few characters."""
    if not runs:
        return False
    long = sum(1 for r in runs if r[3] - r[2] > LONG * max(r[1] - r[0], MIN_HEIGHT))
    return long < LONG_RUNS * len(runs)


def glyph_words(
    textpage: Any, height: float, inside: Callable[[float, float], bool]
) -> list[Glyph]:
    """The words of a page drawn glyph by glyph, outside the areas where ``inside`` (a
    ruled table's cells, read on their own)."""
    glyphs = [
        glyph
        for glyph in _glyphs(textpage, height)
        if not inside((glyph[2] + glyph[3]) / 2, (glyph[0] + glyph[1]) / 2)
    ]
    if not glyphs:
        return []
    step = max(max(g[1] - g[0] for g in glyphs), MIN_HEIGHT)
    words: list[_Word] = []
    bands: dict[int, list[_Word]] = {}
    """The words still open (ending less than two steps left of the glyph at hand) by the
    band of the page their first glyph stands in."""
    for glyph in sorted(glyphs, key=itemgetter(2)):
        band = int((glyph[0] + glyph[1]) / 2 / step)
        best: _Word | None = None
        best_gap = float("inf")
        for near in (band - 1, band, band + 1):
            found = bands.get(near)
            if not found:
                continue
            found[:] = [w for w in found if w.right >= glyph[2] - 2 * step]
            for word in found:
                gap = word.gap_to(glyph)
                if gap < best_gap:
                    best, best_gap = word, gap
        if best is None:
            word = _Word(glyph)
            words.append(word)
            bands.setdefault(band, []).append(word)
        else:
            best.add(glyph)
    return [(w.top, w.bottom, w.left, w.right, _text(w.chars)) for w in words]


class _Word:
    """Glyphs joined into a word (``glyph_words``)."""

    __slots__ = ("bottom", "chars", "last", "left", "right", "size", "top")

    def __init__(self, glyph: Glyph) -> None:
        self.top, self.bottom, self.left, self.right = glyph[:4]
        self.size = glyph[1] - glyph[0]
        self.last = glyph
        self.chars = [glyph[4]]

    def add(self, glyph: Glyph) -> None:
        self.top = min(self.top, glyph[0])
        self.bottom = max(self.bottom, glyph[1])
        self.right = max(self.right, glyph[3])
        self.size = max(self.size, glyph[1] - glyph[0])
        self.last = glyph
        self.chars.append(glyph[4])

    def gap_to(self, glyph: Glyph) -> float:
        """The gap between this word and a glyph that may go on with it, ``inf`` where it
        does not: not on the word's line, or too far; a full-width punctuation mark's own
        blank (after the word's last glyph, or before the glyph) is no gap."""
        size = max(self.size, glyph[1] - glyph[0], MIN_HEIGHT)
        if max(self.bottom, glyph[1]) - min(self.top, glyph[0]) > LINE_FIT * size:
            return float("inf")
        gap = glyph[2] - self.right
        reach = WORD_GAP * size
        if gap < -reach or gap > size + reach:
            return float("inf")
        if self.last[4] in CLOSING_PUNCTUATION:
            gap -= max(0.0, size - (self.last[3] - self.last[2]))
        if glyph[4] in OPENING_PUNCTUATION:
            gap -= max(0.0, size - (glyph[3] - glyph[2]))
        return gap if gap <= reach else float("inf")


def _text(chars: list[str]) -> str:
    """Characters as pdfium gives them, one UTF-16 unit each: a character beyond the
    basic plane (a rare name's character) arrives as two halves, joined here."""
    text = "".join(chars)
    if text.isascii():
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _glyphs(textpage: Any, height: float) -> list[Glyph]:
    """The printed characters of a page with their boxes (top-down), in the order drawn;
    a misplaced glyph's box put back where the page draws it (``_placed``)."""
    import pypdfium2.raw as pdfium_c

    raw = textpage.raw
    left, right, low, high = (ctypes.c_double() for _ in range(4))
    boxes = (ctypes.byref(left), ctypes.byref(right), ctypes.byref(low), ctypes.byref(high))
    glyphs: list[Glyph] = []
    indices: list[int] = []
    for index in range(textpage.count_chars()):
        if pdfium_c.FPDFText_IsGenerated(raw, index) == 1:
            continue  # a space or line break pdfium adds between runs, not printed
        if not pdfium_c.FPDFText_GetCharBox(raw, index, *boxes) or right.value <= left.value:
            continue
        char = chr(pdfium_c.FPDFText_GetUnicode(raw, index))
        if char.isspace():
            continue
        glyphs.append((height - high.value, height - low.value, left.value, right.value, char))
        indices.append(index)
    if glyphs:
        heights = sorted(g[1] - g[0] for g in glyphs)
        usual = max(heights[len(heights) // 2], MIN_HEIGHT)
        for k, glyph in enumerate(glyphs):
            if glyph[1] - glyph[0] > MISPLACED * usual:
                glyphs[k] = _placed(raw, indices[k], glyph, height, pdfium_c)
    return glyphs


_PLACED = 1.0
"""Points within which a glyph's origin is where its text matrix puts it."""


def _placed(raw: Any, index: int, glyph: Glyph, height: float, pdfium_c: Any) -> Glyph:
    """A glyph taller than the page's usual ones, put back where the page draws it when
    pdfium misplaced it: drawn inside a form (Chromium draws an element scaled by CSS so,
    scaled by 0.24), its box was placed by its text object's own matrix, not by its text
    matrix (which says where the page draws it): the box stood elsewhere on the page,
    four times too large, its word read without it (中华 共和国) and the glyph as a line
    of its own. A glyph really that large (a title's) has its origin where its text
    matrix puts it, and is left alone."""
    inner = pdfium_c.FS_MATRIX()
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    if not (
        pdfium_c.FPDFText_GetMatrix(raw, index, ctypes.byref(inner))
        and pdfium_c.FPDFText_GetCharOrigin(
            raw, index, ctypes.byref(origin_x), ctypes.byref(origin_y)
        )
    ):
        return glyph
    if abs(origin_x.value - inner.e) + abs(origin_y.value - inner.f) <= _PLACED:
        return glyph
    obj = pdfium_c.FPDFText_GetTextObject(raw, index)
    outer = pdfium_c.FS_MATRIX()
    if not obj or not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(outer)):
        return glyph
    if inner.b or inner.c or outer.b or outer.c or not (inner.a and inner.d):
        return glyph  # turned or slanted: not the misplacing this puts right
    scale_x, scale_y = outer.a / inner.a, outer.d / inner.d
    if not (scale_x and scale_y):
        return glyph
    top, bottom, left, right, char = glyph
    xs = sorted(inner.e + (x - origin_x.value) / scale_x for x in (left, right))
    # top-down: y on the page is height - y in PDF space
    ys = sorted(height - (inner.f + (height - y - origin_y.value) / scale_y) for y in (top, bottom))
    return (ys[0], ys[1], xs[0], xs[1], char)
