"""PDF with a text layer → ``Document``.

pdfium (pypdfium2) gives the text layer and the ruling lines; ``pdf_layout`` finds the
ruled tables of each page (the national form is always printed with cell borders) and lays
their merged cells out on the real grid; the text outside the tables becomes lines in
reading order, each marked with its page.
Running headers and footers (the same text at the top or bottom of most pages, and page
numbers) are dropped, except the first of a running head that is the report's title (a
report may print its title only there). So is a site's floating side widget printed with
each page of a web page (分享 收藏 纠错 返回: short words alone on their line at the same height
on most pages, ``_drop_side_furniture``), also where one of its words falls on a line of
the text past a gap (a part's heading, which was not found). A table continued on the next
page arrives as two grids on consecutive pages; joining them is the recognizer's work,
except for a row that the page break cut in two (its borders open at the break): its two
pieces are joined into one row here, cell by cell, so that its label and numbers are read
together. The pieces are known by the vertical rules that cross them, the same on both
pages, even where the two tables' outlines differ (rows of more cells only on one page; a
table drawn touching the first piece and read with it); where the next page prints the
table's header rows again (Word's repeated header rows, a ``<thead>``), the rest is the
row under them; a row there that holds a number in a column where the cut row holds one is
the next row, not the rest (``_two_rows``: only a cell merged down into the cut row went
on). Page furniture between the two pieces (a page number, a running title, which in a PDF
of fewer than three pages is not known as a running head) does not keep them apart
(``_furniture``). A table printed without ruling lines arrives as lines, a row each
(``pdf_layout.unruled_lines``); a row that a page break cut, its numbers at the foot of a
page and its label at the top of the next, is joined there (``_join_cut_rows``).

A sheet printed 2-up (two portrait pages shrunk side by side on a landscape sheet by a
print driver) is read as its two pages, left first, numbered on as the report's pages
(``pdf_sheets``): read as one page, each line of the left page took the words of the
right page's line at its height.

A PDF without any text (a scan) is not guessed at: the document comes back empty with a
``PDF_NO_TEXT`` diagnostic. Tables drawn touching each other, which the layout cut
apart on their ruling lines, are named with their page in a ``TABLES_SPLIT`` note.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise
from typing import Any, TypeVar

from .document import Document, Grid, Line
from .grid import expand
from .meta import is_title_text
from .normalize import (
    is_page_number,
    join_wrapped,
    looks_traditional,
    normalize_text,
    without_wrapped_pinyin,
)
from .pdf_layout import TOLERANCE, LabelText, RowText, TableBox
from .pdf_sheets import SheetReader
from .read_text import numbered_lines, traditional_note
from .unreadable import UnreadableDocument

_EDGE_SHARE = 0.08
"""Lines within this share of the page height from its top or bottom may be running heads."""
_DIGITS_RE = re.compile(r"\d+")

PageItem = tuple[float, str | TableBox]
T = TypeVar("T")


MAX_PAGES = 500
"""Pages a PDF may have (a long annual report has about 30)."""


def read_pdf(data: bytes, source: str) -> Document:
    import pypdfium2

    document = Document(source=source, kind="pdf")
    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise UnreadableDocument(
                "ENCRYPTED",
                "PDF 设有打开密码（已加密），无法读取；请提供未加密的文件",
                source=source,
            ) from exc
        raise UnreadableDocument(
            "PDF_DAMAGED",
            "PDF 文件已损坏或不完整，无法读取；请重新获取原文件",
            source=source,
        ) from exc
    try:
        document.pages = len(pdf)
        if len(pdf) > MAX_PAGES:
            raise UnreadableDocument(
                "TOO_LARGE",
                f"PDF 有 {len(pdf):,} 页，超过 {MAX_PAGES} 页，不像年度报告，未读取",
                source=source,
            )
        dropped: list[int] = []
        raw_pages: list[tuple[list[PageItem], float]] = []
        sheets: list[int] = []
        """The sheet of the PDF each page read is on (a 2-up sheet holds two)."""
        reader = SheetReader()
        for i in range(len(pdf)):
            read = reader.read(pdf, i, dropped)
            raw_pages.extend(read)
            sheets.extend([i] * len(read))
        texts = [_has_text(items) for items, _ in raw_pages]
        pictures = [
            k + 1 for k, text in enumerate(texts) if not text and _has_picture(pdf[sheets[k]])
        ]
    except pypdfium2.PdfiumError as exc:
        raise UnreadableDocument(
            "PDF_DAMAGED",
            f"PDF 文件已损坏，无法读取页面（{exc}）；请重新获取原文件",
            source=source,
        ) from exc
    finally:
        pdf.close()
    if not any(texts):
        document.diagnostics.append(no_text_diagnostic(source, document.pages or 0))
        return document
    if pictures:
        document.diagnostics.append(pictures_note(source, pictures))
    if dropped:
        document.diagnostics.append(overlay_note(source, sum(dropped), len(dropped)))
    _join_cut_rows(raw_pages)
    running = _running_heads(raw_pages)
    _drop_side_furniture(raw_pages)
    titles_kept: set[str] = set()
    sample = "".join(
        item if isinstance(item, str) else "".join(cell.text for row in item.rows for cell in row)
        for items, _ in raw_pages[:6]
        for _, item in items
    )
    simplify = looks_traditional(sample)
    if simplify:
        document.diagnostics.append(traditional_note(source))
    document.diagnostics.extend(
        split_note(source, page_number, split)
        for page_number, (items, _) in enumerate(raw_pages, start=1)
        if (split := sum(1 for _, item in items if isinstance(item, TableBox) and item.split))
    )
    edges = [_edge_keys(items, height) for items, height in raw_pages]
    line_number = 0
    cut: Cut | None = None
    held: list[Line] = []
    """Page furniture under a cut row's first piece, left out if the row goes on."""
    for page_number, (items, height) in enumerate(raw_pages, start=1):
        pending: list[tuple[int | None, str]] = []
        # whether a line since the last table (or the page's top) is more than page
        # furniture in the page's margin: only such a line stands between a cut row's
        # pieces (a page number, a running title: the same on every page, but with
        # fewer than three pages not known as ``running``)
        solid = False
        neighbours = _neighbour_keys(edges, page_number - 1)
        for top, item in items:
            if isinstance(item, str):
                line_number += 1
                key = _head_key(item)
                if key in running:
                    if key in titles_kept or not is_title_text(item):
                        continue
                    titles_kept.add(key)  # the report's title as a running head: once
                if _BARE_NUMBER_RE.match(item) and not (
                    height * _EDGE_SHARE <= top <= height * (1 - _EDGE_SHARE)
                ):
                    continue  # a page number alone at the page's edge, also in a short PDF
                if cut is not None and not solid:
                    solid = not _furniture(item, top, height, neighbours)
                for text in normalize_text(item, simplify=simplify).split("\n"):
                    if pending and text.startswith("("):
                        text = without_wrapped_pinyin(pending[-1][1], text)
                    pending.append((line_number, text))
                continue
            lines = numbered_lines(pending, page=page_number)
            pending.clear()
            grid = expand(item.rows, simplify=simplify, page=page_number)
            at = cut.rest(item, grid, document) if cut and not (lines and solid) else None
            if cut is not None and at is not None and _two_rows(cut, grid, at, item.columns):
                at = None
            if cut is None or at is None:
                document.blocks.extend(held)
                document.blocks.extend(lines)
            else:
                bottom = _aligned(grid.rows[at], item.columns, cut.columns)
                document.blocks[-1], grid = _joined(cut.grid, grid, bottom, at)
            held = []
            solid = False
            if grid.rows:
                document.blocks.append(grid)
            cut = (
                Cut(
                    grid,
                    item.columns,
                    item.row_lines[-1] if item.row_lines else (),
                    is_open=item.open_bottom,
                )
                if grid.rows
                else None
            )
        lines = numbered_lines(pending, page=page_number)
        if cut is not None and lines and not solid and cut.grid.page == page_number:
            held.extend(lines)  # the first piece's page footer
            continue
        document.blocks.extend(held)
        held = []
        document.blocks.extend(lines)
        if lines:
            cut = None
    document.blocks.extend(held)
    return document


def _join_cut_rows(pages: list[tuple[list[PageItem], float]]) -> None:
    """A row of a table without ruling lines that a page break cut, its numbers at the
    foot of one page and its label at the top of the next (under the header printed
    again, over the table's next row): the label is joined to its numbers, in the row
    on the first page, and left out of the next."""
    for (items, height), (following, _) in pairwise(pages):
        last = _last_row(items, height)
        if last is None or items[last][1].labelled:  # type: ignore[union-attr]
            continue
        first = next((k for k, (_, item) in enumerate(following) if isinstance(item, RowText)), 0)
        start = first
        while start > 0:
            item = following[start - 1][1]
            if not (isinstance(item, LabelText) and item.above):
                break
            start -= 1
        if start == first:
            continue
        label = join_wrapped(str(item) for _, item in following[start:first])
        top, numbers = items[last]
        items[last] = (top, RowText(f"{label}\t{numbers}", labelled=True))
        del following[start:first]


def _last_row(items: list[PageItem], height: float) -> int | None:
    """The index of the page's last item when it is a row of a table without ruling
    lines, under which only the page's footer stands."""
    for k in range(len(items) - 1, -1, -1):
        top, item = items[k]
        if isinstance(item, RowText):
            return k
        if isinstance(item, TableBox | LabelText) or top < height * (1 - 2 * _EDGE_SHARE):
            return None
    return None


class Cut:
    """The grid of a table whose last row a page break may have cut, waiting for the
    rest of that row at the top of the next page: its borders open at the break
    (``is_open``), or closed by a rule there (Word draws a cut row's borders on both
    pages), when the table's shape tells (``_complementary``)."""

    __slots__ = ("columns", "grid", "is_open", "lines")

    def __init__(
        self,
        grid: Grid,
        columns: tuple[float, ...],
        lines: tuple[float, ...] = (),
        *,
        is_open: bool = True,
    ) -> None:
        self.grid = grid
        self.columns = columns
        self.lines = lines
        """The vertical rules that cross the cut row."""
        self.is_open = is_open

    def rest(self, table: TableBox, grid: Grid, document: Document) -> int | None:
        """The row of ``table`` (read as ``grid``) that goes on with the cut row: its
        first row when its top is open and it ``fits``; else, when the table begins with
        the first piece's header rows printed again (Word's repeated header rows, a
        ``<thead>``), the row under them, if it follows the first piece in the document
        and is crossed by the cut row's vertical rules (the header's bottom rule closes
        it at the top). A table closed at the break goes on only at the top of the next
        page, in a row (its first, or the one under the header rows printed again)
        crossed by the same vertical rules whose cells complement the last row's: one
        holds a label and no numbers, the other numbers and no label. ``None``: the cut
        row does not go on here."""
        if self.is_open and table.open_top:
            return 0 if self.fits(table, grid, document) else None
        if not (document.blocks and document.blocks[-1] is self.grid):
            return None
        if not self.is_open and grid.page != (self.grid.page or 0) + 1:
            return None
        at = 0
        while (
            at < len(grid.rows) - 1
            and at < len(self.grid.rows) - 1
            and any(grid.rows[at])
            and _printed(grid, at) == _printed(self.grid, at)
        ):
            at += 1
        if not (
            (at or not self.is_open)
            and at < len(table.row_lines)
            and _same_rules(self.lines, table.row_lines[at])
        ):
            return None
        if self.is_open or _complementary(self.grid, grid, at, table.columns, self.columns):
            return at
        return None

    def fits(self, table: TableBox, grid: Grid, document: Document) -> bool:
        """Whether ``table`` (read as ``grid``) goes on where this one was cut: it
        follows it in the document with nothing between them, and either the two are
        as wide and the vertical rules of one are among the other's (a group's column
        that begins only in the rows on the next page adds a rule there), or the cut
        row's two pieces are crossed by the same vertical rules (``_same_rules``): the
        tables' outlines may differ where rows away from the break have cells of their
        own (table 三's rows of nine cells, only on the next page; a table drawn touching
        the first piece, read with it as one grid), the cut row's rules do not."""
        if not (
            document.blocks
            and document.blocks[-1] is self.grid
            and grid.rows
            and self.grid.rows
            and len(table.columns) >= 2
            and len(self.columns) >= 2
        ):
            return False
        fewer, more = sorted((table.columns, self.columns), key=len)
        return (
            abs(fewer[0] - more[0]) <= 2 * TOLERANCE
            and abs(fewer[-1] - more[-1]) <= 2 * TOLERANCE
            and all(any(abs(x - y) <= 2 * TOLERANCE for y in more) for x in fewer)
        ) or _same_rules(self.lines, table.row_lines[0] if table.row_lines else ())


_CJK_RE = re.compile(r"[\u3400-\u9fff]")


def _kinds(cells: list[str]) -> tuple[bool, bool]:
    """Whether ``cells`` hold a label (a text with a Chinese character) and whether they
    hold a number (digits without one)."""
    label = number = False
    for text in cells:
        if _CJK_RE.search(text):
            label = True
        elif any(c.isdigit() for c in text):
            number = True
    return label, number


def _complementary(
    upper: Grid, lower: Grid, at: int, columns: tuple[float, ...], target: tuple[float, ...]
) -> bool:
    """Whether the last row of ``upper`` and the row ``at`` of ``lower`` (between the
    vertical rules ``columns``; ``target``: those of ``upper``) are the two pieces of one
    row of a table of labels and numbers: one holds a label without numbers, the other
    numbers without a label, in other columns (a header row over a row of numbers, table
    四 broken under its header, holds its labels over the numbers). Not where a piece is
    already paired in its own table (``_paired``): a table that prints each row's label
    on one row and its numbers on the next, broken under a row of numbers, goes on with
    the next row's label; joined, each row after it took the numbers of the row before."""
    rest = _aligned(_own_below(lower, at), columns, target)
    kinds = _pieces(_own_above(upper), rest)
    if kinds is None:
        return False
    numbers_first = kinds == (False, True)
    return not (numbers_first and (_paired(upper, len(upper.rows) - 1) or _paired(lower, at + 1)))


def _own_above(grid: Grid) -> tuple[str, ...]:
    """The last row of ``grid``, without the cells merged down into it from above (三、本年度
    办理结果, a group's label): only a row's own cells tell what it holds."""
    row = len(grid.rows) - 1
    merged = grid.merged[row] if row < len(grid.merged) else ()
    above = grid.rows[row - 1] if row > 0 else ()
    return tuple(
        "" if j < len(merged) and merged[j] and j < len(above) and above[j] == t else t
        for j, t in enumerate(grid.rows[row])
    )


def _own_below(grid: Grid, at: int) -> tuple[str, ...]:
    """The row ``at`` of ``grid``, without the cells merged from it down into the rows
    below (a group's label, printed where the row's label is)."""
    below = grid.merged[at + 1] if at + 1 < len(grid.merged) else ()
    nxt = grid.rows[at + 1] if at + 1 < len(grid.rows) else ()
    return tuple(
        "" if j < len(below) and j < len(nxt) and below[j] and nxt[j] == t else t
        for j, t in enumerate(grid.rows[at])
    )


def _pieces(upper: tuple[str, ...], lower: tuple[str, ...]) -> tuple[bool, bool] | None:
    """Whether the upper piece holds the label (``(True, False)``) or the numbers
    (``(False, True)``) of a row whose other piece is ``lower``: one holds a label
    without numbers, the other numbers without a label, no column filled in both;
    ``None`` when they are not two such pieces."""
    if any(a.strip() and b.strip() for a, b in zip(upper, lower, strict=False)):
        return None
    (upper_label, upper_number), (lower_label, lower_number) = (
        _kinds(list(upper)),
        _kinds(list(lower)),
    )
    if upper_label and not upper_number and lower_number and not lower_label:
        return True, False
    if upper_number and not upper_label and lower_label and not lower_number:
        return False, True
    return None


def _paired(grid: Grid, row: int) -> bool:
    """Whether the row ``row`` of ``grid`` holds numbers without a label under a row
    that holds a label without numbers, in other columns: a row's two halves, printed
    one under the other (a PDF converted from a Markdown table of this shape)."""
    if not 0 < row < len(grid.rows):
        return False
    return _pieces(_own_above(grid.cut(0, row)), _own_below(grid, row)) == (True, False)


def _printed(grid: Grid, row: int) -> tuple[str, ...]:
    """The texts printed in a row of ``grid``: each merged cell once, without trailing
    blank cells (the same header row spans other grid columns on a page whose table has
    other column lines, and two grids are padded to their own widths)."""
    merged = grid.merged[row] if row < len(grid.merged) else ()
    texts = [t for j, t in enumerate(grid.rows[row]) if not (j < len(merged) and merged[j])]
    while texts and not texts[-1]:
        texts.pop()
    return tuple(texts)


def _same_rules(upper: tuple[float, ...], lower: tuple[float, ...]) -> bool:
    """Whether the vertical rules crossing a row cut by a page break (``upper``, its
    piece at the bottom of one page) and those crossing the first row of the next page
    (``lower``) are the same rules: as many, each within ``2 × TOLERANCE`` of its
    counterpart, at least three (a row of two cells or more)."""
    return (
        len(upper) >= 3
        and len(upper) == len(lower)
        and all(abs(x - y) <= 2 * TOLERANCE for x, y in zip(upper, lower, strict=True))
    )


def _two_rows(cut: Cut, grid: Grid, at: int, columns: tuple[float, ...]) -> bool:
    """Whether the row ``at`` of ``grid`` and the last row of the cut table both hold a
    number in the same column: two rows, not the two pieces of one (a number is printed
    once in its cell). The last row seemed cut only because a cell merged down into it
    (三、本年度办理结果, a group's label) goes on past the page break; joined, each cell
    held the digits of two rows (559 and 95 read 55995)."""
    upper = _own_above(cut.grid)
    lower = _aligned(_own_below(grid, at), columns, cut.columns)
    return any(
        _is_number_cell(a) and _is_number_cell(b) for a, b in zip(upper, lower, strict=False)
    )


def _is_number_cell(text: str) -> bool:
    return not _CJK_RE.search(text) and any(c.isdigit() for c in text)


def _padded(cells: tuple[T, ...], width: int, blank: T) -> tuple[T, ...]:
    return (*cells, *(blank,) * (width - len(cells)))


def _aligned(
    cells: tuple[str, ...], columns: tuple[float, ...], target: tuple[float, ...]
) -> tuple[str, ...]:
    """A row of cells between the vertical rules ``columns`` laid on the rules
    ``target`` of the table it goes on: each cell goes to the target column its middle
    falls in, the texts of cells that meet there joined (a merged cell's copies once)."""
    if len(columns) == len(target) or len(cells) != len(columns) - 1:
        return cells
    out = [""] * (len(target) - 1)
    last: list[str | None] = [None] * len(out)
    for j, text in enumerate(cells):
        middle = (columns[j] + columns[j + 1]) / 2
        i = next((k for k in range(len(out)) if target[k] <= middle < target[k + 1]), None)
        if i is None:
            continue
        if last[i] != text:
            out[i] += text
            last[i] = text
    return tuple(out)


def _joined(
    first: Grid, second: Grid, bottom: tuple[str, ...] | None = None, at: int = 0
) -> tuple[Grid, Grid]:
    """A table whose last row was cut, and the table that carries that row on (in its
    row ``at``, under the header rows printed again): the two pieces of the row become
    the first table's last row, each cell's texts joined as wrapped text
    (``1.申请人无正当理由逾`` + ``期不补正…``; ``10`` + ``件``), and the header rows
    printed again above the second piece are dropped (they repeat the first table's:
    the two are read as one table). Each table keeps its page. ``bottom``: the second
    piece laid on the first table's columns."""
    top = first.rows[-1]
    bottom = second.rows[at] if bottom is None else bottom
    top_merged = first.merged[-1] if first.merged else (False,) * len(top)
    # the two grids may be padded to different widths: the cut row keeps the first's
    width = len(top)
    bottom = _padded(bottom[:width], width, "")
    row = tuple(join_wrapped((a, b)) for a, b in zip(top, bottom, strict=True))
    merged = tuple(m and not b for m, b in zip(top_merged, bottom, strict=True))
    return (
        Grid(
            rows=(*first.rows[:-1], row),
            merged=(*first.merged[:-1], merged),
            number=first.number,
            page=first.page,
        ),
        Grid(
            rows=second.rows[at + 1 :],
            merged=second.merged[at + 1 :],
            number=second.number,
            page=second.page,
        ),
    )


def split_note(source: str, page: int, tables: int) -> dict[str, object]:
    """Tables drawn touching each other on ``page`` (one on the other or side by side,
    without a gap) were cut apart on their own ruling lines, and read as ``tables``
    grids: a reader of the output should know that the layout, not the document, drew
    the line between them."""
    return {
        "code": "TABLES_SPLIT",
        "severity": "info",
        "message": (
            f"{source}：第{page}页有几张表格紧贴在一起（上下或左右相接，中间没有间隔），"
            f"已按各自的表格线拆开，读作{tables}张表；如数字归属有误，请核对原件该页"
        ),
        "page": page,
    }


def no_text_diagnostic(source: str, pages: int) -> dict[str, object]:
    return {
        "code": "PDF_NO_TEXT",
        "severity": "error",
        "message": f"{source}：共{pages}页，是扫描件，没有文字层，无法读取表格（需要先做文字识别）",
        "page": 1,
    }


def pictures_note(source: str, pages: list[int]) -> dict[str, object]:
    """Pages of a PDF with text elsewhere that hold a picture and no text (a scanned page
    or a table pasted as an image): what is on them is not read, and a user should know
    why a table is missing rather than think the report left it out."""
    listed = "、".join(f"第{page}页" for page in pages)
    return {
        "code": "PDF_PAGES_NO_TEXT",
        "severity": "warning",
        "message": (
            f"{source}：{listed}只有图片、没有文字层（扫描页或粘贴的图片），其上的内容（如表格）"
            "无法读取，未作猜测；需要先对这些页做文字识别"
        ),
        "page": pages[0],
    }


def overlay_note(source: str, objects: int, pages: int) -> dict[str, object]:
    """Text drawn slanted or nearly transparent over the pages (a site's watermark with its
    name, a download date and a number) was left out before the lines were read: a user
    should know that text of the PDF was not read, and why."""
    return {
        "code": "PDF_WATERMARK_DROPPED",
        "severity": "info",
        "message": (
            f"{source}：{pages}页上斜印或近乎透明的{objects}处文字（网站水印、下载日期和编号等）"
            "不是报告正文，已在读取前去掉，其中的数字不会混入表格"
        ),
    }


def _has_picture(page: Any) -> bool:
    import pypdfium2.raw as pdfium_c

    found = page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2)
    return next(iter(found), None) is not None


def _has_text(items: list[PageItem]) -> bool:
    return any(
        (
            item.strip()
            if isinstance(item, str)
            else any(c.text.strip() for r in item.rows for c in r)
        )
        for _, item in items
    )


_BARE_NUMBER_RE = re.compile(r"^\s*\d{1,4}\s*$")
_PIECES_RE = re.compile(r"\t|\s{2,}")


def _edge_keys(items: list[PageItem], height: float) -> set[str]:
    """The texts (digits ignored) of the lines at the top or bottom edge of a page."""
    return {
        _head_key(item)
        for top, item in items
        if isinstance(item, str)
        and (top < height * _EDGE_SHARE or top > height * (1 - _EDGE_SHARE))
    }


def _neighbour_keys(edges: list[set[str]], index: int) -> set[str]:
    """The edge texts of the pages before and after page ``index`` (0-based)."""
    out: set[str] = set()
    for other in (index - 1, index + 1):
        if 0 <= other < len(edges):
            out |= edges[other]
    return out


def _furniture(text: str, top: float, height: float, neighbours: set[str]) -> bool:
    """Whether a line next to a page break that cut a table row (under the row's first
    piece, or above the table that goes on at the top of the next page) is page
    furniture in the page's margin: within twice ``_EDGE_SHARE`` of the page's bottom
    (on the first piece's page) or of its top (on the next one), and made only of page numbers (``— 4 —``, ``第 1 页 共 2 页``, a bare
    ``4``), report titles (a running title) or texts that stand at an edge of the page
    before or after (digits ignored: a running head). A heading, a note or a sentence
    there is the document's text: the row does not go on across it."""
    if height * 2 * _EDGE_SHARE <= top <= height * (1 - 2 * _EDGE_SHARE):
        return False
    if _head_key(text) in neighbours:
        return True
    pieces = [piece.strip() for piece in _PIECES_RE.split(text) if piece.strip()]
    return bool(pieces) and all(
        is_page_number(piece)
        or _BARE_NUMBER_RE.match(piece) is not None
        or is_title_text(piece)
        or _head_key(piece) in neighbours
        for piece in pieces
    )


_SPACE_RE = re.compile(r"\s+")
_SIDE_TEXT = 8
"""Characters a word of a site's floating widget (分享, 返回顶部) may have."""
_LINE_HEIGHT = 16.0
"""Points a line's text may be high: a word joined to a line stands within this of the
line's top (its middle inside the line's first word, ``pdf_layout._text_lines``)."""


def _drop_side_furniture(pages: list[tuple[list[PageItem], float]]) -> None:
    """Drop a site's floating widget printed with each page (分享 收藏 纠错 返回): short
    words without digits that stand alone on their line at the same height on most
    pages (at least two), there and where such a word is joined past a gap (a tab or a
    space) to the end of a line of the text beside it (a part's heading, a sentence:
    not a row of short words, a table's column names), which is kept without it."""
    if len(pages) < 2:
        return
    alone: dict[str, list[tuple[int, float]]] = {}
    joined: dict[str, list[tuple[int, float]]] = {}
    for number, (items, _) in enumerate(pages):
        for top, item in items:
            piece = _side_piece(item)
            if piece and isinstance(item, str):
                if not _SPACE_RE.search(item.strip()):
                    alone.setdefault(piece, []).append((number, top))
                elif _after_text(item):
                    joined.setdefault(piece, []).append((number, top))
    need = max(2, len(pages) * 0.6)
    places: dict[str, list[float]] = {}
    for piece, seen in alone.items():
        for _, top in seen:
            on = {n for n, other in seen if abs(other - top) <= TOLERANCE}
            on.update(n for n, other in joined.get(piece, ()) if _beside(top, other))
            if len(on) >= need:
                places.setdefault(piece, []).append(top)
    if places:
        for number, (items, height) in enumerate(pages):
            pages[number] = (_without_side(items, places), height)


def _without_side(items: list[PageItem], places: dict[str, list[float]]) -> list[PageItem]:
    kept: list[PageItem] = []
    for top, item in items:
        piece = _side_piece(item)
        if isinstance(item, str) and piece in places:
            rest = item.rstrip()[: -len(piece)].rstrip()
            if not rest and any(abs(top - t) <= TOLERANCE for t in places[piece]):
                continue
            if rest and _after_text(item) and any(_beside(t, top) for t in places[piece]):
                item = rest
        kept.append((top, item))
    return kept


def _after_text(line: str) -> bool:
    """Whether what stands before a line's last piece is a line of text (a heading, a
    sentence), not a row of short words (a table's column names: 维持 纠正 结果 审结 总计)."""
    before = _SPACE_RE.split(line.strip())[:-1]
    return len(before) == 1 or any(len(piece) > _SIDE_TEXT for piece in before)


def _beside(top: float, line_top: float) -> bool:
    """Whether a word at ``top`` may be joined to a line at ``line_top``."""
    return -_LINE_HEIGHT / 2 <= top - line_top <= _LINE_HEIGHT


def _side_piece(item: str | TableBox) -> str:
    """A short word without digits that is a line's whole text or its last piece past a
    gap (a tab or a space), else ``""``; never a row of a table laid out without ruling
    lines."""
    if not isinstance(item, str) or isinstance(item, RowText | LabelText):
        return ""
    piece = _SPACE_RE.split(item.strip())[-1]
    if not piece or len(piece) > _SIDE_TEXT or _DIGITS_RE.search(piece):
        return ""
    return piece


def _head_key(text: str) -> str:
    return _DIGITS_RE.sub("#", text.strip())


def _running_heads(pages: list[tuple[list[PageItem], float]]) -> set[str]:
    """Text that stands at the top or bottom edge of most pages (digits ignored), or of
    most odd or most even pages (a book layout: the organ's name on the left-hand pages,
    the title on the right-hand ones)."""
    if len(pages) < 3:
        return set()
    counts: list[Counter[str]] = [Counter(), Counter()]
    for number, (items, height) in enumerate(pages):
        seen: set[str] = set()
        for top, item in items:
            if isinstance(item, str) and (
                top < height * _EDGE_SHARE or top > height * (1 - _EDGE_SHARE)
            ):
                seen.add(_head_key(item))
        counts[number % 2].update(seen)
    sides = (len(pages) - len(pages) // 2, len(pages) // 2)
    running = {
        key
        for key in counts[0] | counts[1]
        if counts[0][key] + counts[1][key] >= max(3, len(pages) * 0.6)
    }
    for side, count in zip(sides, counts, strict=True):
        running.update(key for key, n in count.items() if n >= max(2, side * 0.6))
    return running
