"""PDF with a text layer → ``Document``.

pdfplumber finds the ruled tables of each page (the "lines" strategy: the national form is
always printed with cell borders) and lays their merged cells out on the real grid; the
text outside the tables becomes lines in reading order, each marked with its page.
Running headers and footers (the same text at the top or bottom of most pages, and page
numbers) are dropped. A table continued on the next page arrives as two grids on
consecutive pages; joining them is the recognizer's work.

A PDF without any text (a scan) is not guessed at: the document comes back empty with a
``PDF_NO_TEXT`` diagnostic.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from typing import Any

from .document import Document
from .grid import RawCell, expand
from .normalize import looks_traditional, normalize_text
from .read_text import numbered_lines, traditional_note
from .reader import UnreadableDocument

TABLE_SETTINGS: dict[str, Any] = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "join_tolerance": 3,
    "intersection_tolerance": 3,
}
_EDGE_SHARE = 0.08
"""Lines within this share of the page height from its top or bottom may be running heads."""
_DIGITS_RE = re.compile(r"\d+")

RawRows = list[list[RawCell]]
PageItem = tuple[float, str | RawRows]


def read_pdf(data: bytes, source: str) -> Document:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    document = Document(source=source, kind="pdf")
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            document.pages = len(pdf.pages)
            raw_pages = [_read_page(page) for page in pdf.pages]
    except Exception as exc:  # pdfminer raises many kinds; none may stop a batch
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise UnreadableDocument(
                "ENCRYPTED",
                "PDF 设有打开密码（已加密），无法读取；请提供未加密的文件",
                source=source,
            ) from exc
        raise UnreadableDocument(
            "PDF_DAMAGED",
            f"PDF 文件已损坏或不完整，无法读取（{cause}）；请重新获取原文件",
            source=source,
        ) from exc
    if not any(_has_text(items) for items, _ in raw_pages):
        document.diagnostics.append(no_text_diagnostic(source, document.pages or 0))
        return document
    running = _running_heads(raw_pages)
    sample = "".join(
        item if isinstance(item, str) else "".join(cell.text for row in item for cell in row)
        for items, _ in raw_pages[:6]
        for _, item in items
    )
    simplify = looks_traditional(sample)
    if simplify:
        document.diagnostics.append(traditional_note(source))
    line_number = 0
    for page_number, (items, _) in enumerate(raw_pages, start=1):
        pending: list[tuple[int | None, str]] = []
        for _, item in items:
            if isinstance(item, str):
                line_number += 1
                if _head_key(item) in running:
                    continue
                for text in normalize_text(item, simplify=simplify).split("\n"):
                    pending.append((line_number, text))
                continue
            document.blocks.extend(numbered_lines(pending, page=page_number))
            pending.clear()
            document.blocks.append(expand(item, simplify=simplify, page=page_number))
        document.blocks.extend(numbered_lines(pending, page=page_number))
    return document


def no_text_diagnostic(source: str, pages: int) -> dict[str, object]:
    return {
        "code": "PDF_NO_TEXT",
        "severity": "error",
        "message": f"{source}：共{pages}页，是扫描件，没有文字层，无法读取表格（需要先做文字识别）",
        "page": 1,
    }


def _has_text(items: list[PageItem]) -> bool:
    return any(
        (item.strip() if isinstance(item, str) else any(c.text.strip() for r in item for c in r))
        for _, item in items
    )


def _read_page(page: Any) -> tuple[list[PageItem], float]:
    """The page's text lines and raw tables (cells not yet normalised), top to bottom."""
    items: list[PageItem] = []
    tables = page.find_tables(TABLE_SETTINGS)
    boxes = [table.bbox for table in tables]
    for table in tables:
        rows = _raw_rows(table)
        if rows:
            items.append((table.bbox[1], rows))
    outside = page.filter(lambda obj: not _inside(obj, boxes)) if boxes else page
    for line in outside.extract_text_lines(return_chars=False, keep_blank_chars=False):
        items.append((line["top"], line["text"]))
    items.sort(key=lambda item: item[0])
    return items, float(page.height)


def _inside(obj: dict[str, Any], boxes: list[tuple[float, float, float, float]]) -> bool:
    if obj.get("object_type") != "char":
        return False
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _raw_rows(table: Any) -> list[list[RawCell]]:
    """Printed cells with the spans their boxes cover on the table's row/column lines."""
    texts: list[list[str | None]] = table.extract()
    rows = table.rows
    if not rows:
        return []
    width = max(len(row.cells) for row in rows)
    column_x0: list[float | None] = [None] * width
    for row in rows:
        for j, cell in enumerate(row.cells):
            if cell is not None and column_x0[j] is None:
                column_x0[j] = cell[0]
    row_top = [row.bbox[1] for row in rows]
    covered: set[tuple[int, int]] = set()
    out: list[list[RawCell]] = []
    for i, row in enumerate(rows):
        printed: list[RawCell] = []
        for j, cell in enumerate(row.cells):
            if cell is None:
                if (i, j) not in covered:
                    printed.append(RawCell(""))
                continue
            x1, bottom = cell[2], cell[3]
            colspan = 1
            while j + colspan < width and _before(column_x0[j + colspan], x1):
                colspan += 1
            rowspan = 1
            while i + rowspan < len(rows) and row_top[i + rowspan] < bottom - 1:
                rowspan += 1
            for dr in range(rowspan):
                for dc in range(colspan):
                    covered.add((i + dr, j + dc))
            text = texts[i][j] if i < len(texts) and j < len(texts[i]) else None
            printed.append(RawCell(text or "", rowspan, colspan))
        out.append(printed)
    return out


def _before(x0: float | None, x1: float) -> bool:
    return x0 is not None and x0 < x1 - 1


def _head_key(text: str) -> str:
    return _DIGITS_RE.sub("#", text.strip())


def _running_heads(pages: list[tuple[list[PageItem], float]]) -> set[str]:
    """Text that stands at the top or bottom edge of most pages (digits ignored)."""
    if len(pages) < 3:
        return set()
    counts: Counter[str] = Counter()
    for items, height in pages:
        seen: set[str] = set()
        for top, item in items:
            if isinstance(item, str) and (
                top < height * _EDGE_SHARE or top > height * (1 - _EDGE_SHARE)
            ):
                seen.add(_head_key(item))
        counts.update(seen)
    return {key for key, count in counts.items() if count >= max(3, len(pages) * 0.6)}
