"""A plain-text report (pipe or tab tables, Markdown headings) laid out again as the
documents it was converted from: an HTML page with ruled tables, a DOCX, a PDF.

Reading a text fixture back through each format checks the format's reader on the same
shapes the fixture shows: a table row is a table row, a Markdown heading a paragraph,
``**bold**`` bold, ``<br>`` a line break inside the cell, and a ``|---|`` or ``+---+``
line nothing.
"""

from __future__ import annotations

import html
import io
import re

Block = str | list[list[str]]

_SEPARATOR_RE = re.compile(
    r"^\s*(?:\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?|\+(?:[-=:]+\+)+)\s*$"
)
"""A Markdown table's rule line (``|---|:---:|``) or a grid table's border (``+----+====+``)."""
_BOLD_RE = re.compile(r"\*\*(.+?)\*\*")
_BREAK_RE = re.compile(r"<br\s*/?>", re.IGNORECASE)
_STYLE = (
    "body{font-family:'Noto Sans CJK SC';font-size:10pt}"
    "table{border-collapse:collapse}td{border:1px solid #000;padding:1px 3px}"
)


def blocks(text: str) -> list[Block]:
    """Paragraphs and tables (runs of ``|`` or tab lines) of a text report."""
    out: list[Block] = []
    table: list[list[str]] = []
    for line in text.splitlines():
        if _SEPARATOR_RE.match(line):
            continue
        separator = "|" if "|" in line else ("\t" if "\t" in line else None)
        if separator is not None:
            cells = [c.strip() for c in line.split(separator)]
            if separator == "|" and line.strip().startswith("|"):
                cells = cells[1:]
            if separator == "|" and line.strip().endswith("|"):
                cells = cells[:-1]
            table.append(cells)
            continue
        if table:
            out.append(table)
            table = []
        paragraph = _BOLD_RE.sub(r"\1", line.strip().lstrip("#").strip())
        if paragraph:
            out.append(paragraph)
    if table:
        out.append(table)
    return out


def _cell_html(text: str) -> str:
    return "<br>".join(html.escape(part) for part in _BREAK_RE.split(_BOLD_RE.sub(r"\1", text)))


_NAV = "<nav><a href='/'>首页</a> | <a href='/gk'>政务公开</a></nav><div class='content'>"
_FOOTER = "</div><div class='footer'>版权所有</div>"


def as_html(text: str, *, furniture: bool = False) -> bytes:
    """The report as a page; with ``furniture``, inside a site's navigation and footer."""
    parts = [f"<html><head><meta charset='utf-8'><style>{_STYLE}</style></head><body>"]
    if furniture:
        parts.append(_NAV)
    for block in blocks(text):
        if isinstance(block, str):
            parts.append(f"<p>{html.escape(block)}</p>")
            continue
        rows = "".join(
            "<tr>" + "".join(f"<td>{_cell_html(c)}</td>" for c in row) + "</tr>" for row in block
        )
        parts.append(f"<table>{rows}</table>")
    if furniture:
        parts.append(_FOOTER)
    parts.append("</body></html>")
    return "".join(parts).encode("utf-8")


def as_docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    for block in blocks(text):
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        width = max(len(row) for row in block)
        table = document.add_table(rows=len(block), cols=width)
        # a row's cells once per row: ``table.cell(r, c)`` walks the whole table each time
        for cells, row in zip(table.rows, block, strict=True):
            placed = cells.cells
            for c, value in enumerate(row):
                placed[c].text = "\n".join(_BREAK_RE.split(_BOLD_RE.sub(r"\1", value)))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def as_pdf(text: str) -> bytes:
    import weasyprint

    data: bytes = weasyprint.HTML(string=as_html(text).decode("utf-8")).write_pdf()
    return data
