"""HTML (any page that holds the report) → ``Document``.

Scripts, styles, navigation, menus, breadcrumbs and footers are dropped; block elements
become lines in reading order; every innermost ``<table>`` becomes a ``Grid`` with rowspan
and colspan expanded. Tables that only lay out the page (they contain other tables) are
read as containers, not as grids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import lxml.etree

from .detect import Decoded
from .document import Document
from .grid import RawCell, expand
from .normalize import join_wrapped, looks_traditional, normalize_text
from .read_text import encoding_notes, numbered_lines, traditional_note

_SKIP = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "aside",
        "form",
        "select",
        "option",
        "button",
        "iframe",
        "svg",
        "canvas",
        "object",
        "embed",
        "head",
        "input",
        "textarea",
        "map",
    }
)
_PAGE_FRAME = frozenset({"header", "footer"})
_BLOCK = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "blockquote",
        "pre",
        "hr",
        "tr",
        "td",
        "th",
        "table",
        "caption",
        "center",
        "address",
        "figure",
        "figcaption",
        "body",
        "html",
        "title",
        "tbody",
        "thead",
        "tfoot",
    }
)
_CLUTTER_RE = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|menus|breadcrumbs?|crumbs?|footer|foot|"
    r"sidebar|share|toolbar|topbar|login|copyright|friendlinks?|skip)(?:$|[\s_-])",
    re.IGNORECASE,
)
_SPACE_RE = re.compile(r"[ \t\r\n\f\v]+")
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>")
_SPAN_SPELLINGS = tuple(
    f"{kind}{span}"
    for kind in ("row", "col", "Row", "Col", "ROW", "COL")
    for span in ("span", "Span", "SPAN")
)
"""How ``rowspan`` and ``colspan`` are written in real pages: substring searches, since a
case-insensitive regex over a whole page costs several times more."""


_HTML_PARSER = lxml.etree.HTMLParser()


@dataclass
class _Collector:
    """Raw (not yet normalised) lines and tables in reading order."""

    blocks: list[tuple[str, int | None] | tuple[list[list[RawCell]], int | None]] = field(
        default_factory=list
    )
    pieces: list[str] = field(default_factory=list)
    line: int | None = None
    spans: bool = True
    """Whether the page has merged cells anywhere (``rowspan``, ``colspan``)."""

    def text(self, text: str | None, line: int | None) -> None:
        if text:
            if self.line is None and text.strip():
                self.line = line
            self.pieces.append(text)

    def flush(self) -> None:
        if self.pieces:
            text = _SPACE_RE.sub(" ", "".join(self.pieces)).strip()
            if text:
                self.blocks.append((text, self.line))
        self.pieces = []
        self.line = None

    def raw_line(self, text: str, line: int | None) -> None:
        self.flush()
        self.blocks.append((text, line))


def read_html(decoded: Decoded, source: str) -> Document:
    """A decoded HTML page as normalised lines and grids."""
    document = Document(source=source, kind="html")
    document.diagnostics.extend(encoding_notes(decoded, source))
    markup = _XML_DECL_RE.sub("", decoded.text, count=1)
    try:
        # etree's HTML parser builds plain elements; lxml.html's document_fromstring calls
        # back into Python for every element to pick its class, which costs a third of
        # the read.
        root = lxml.etree.fromstring(markup, _HTML_PARSER)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError):
        return document
    if root is None:
        return document
    collector = _Collector(spans=any(spelling in markup for spelling in _SPAN_SPELLINGS))
    _walk(root, collector, in_article=False)
    collector.flush()
    simplify = looks_traditional("".join(_raw_texts(collector)))
    if simplify:
        document.diagnostics.append(traditional_note(source))
    pending: list[tuple[int | None, str]] = []
    for content, number in collector.blocks:
        if isinstance(content, str):
            pending.extend(
                (None if number is None else number + i, text)
                for i, text in enumerate(normalize_text(content, simplify=simplify).split("\n"))
            )
            continue
        document.blocks.extend(numbered_lines(pending))
        pending.clear()
        document.blocks.append(expand(content, simplify=simplify, number=number))
    document.blocks.extend(numbered_lines(pending))
    return document


def _raw_texts(collector: _Collector) -> list[str]:
    out: list[str] = []
    for content, _ in collector.blocks:
        if isinstance(content, str):
            out.append(content)
        else:
            out.extend(cell.text for row in content for cell in row)
        if len(out) > 400:
            break
    return out


def _walk(element: lxml.etree._Element, out: _Collector, *, in_article: bool) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    tag = tag.lower()
    if not tag or tag in _SKIP or _is_clutter(element, tag, in_article):
        return
    line = element.sourceline
    if tag == "table" and not _has_nested_table(element):
        out.flush()
        out.blocks.append((_table_cells(element, spans=out.spans), line))
        return
    if tag == "pre":
        out.flush()
        for offset, text in enumerate("".join(element.itertext()).split("\n")):
            out.raw_line(text, line + offset if line is not None else None)
        return
    block = tag in _BLOCK
    if block:
        out.flush()
    out.text(element.text, line)
    inside = in_article or tag in ("article", "main")
    for child in element:
        _walk(child, out, in_article=inside)
        out.text(child.tail, child.sourceline)
    if block:
        out.flush()


def _is_clutter(element: lxml.etree._Element, tag: str, in_article: bool) -> bool:
    if tag in _PAGE_FRAME and not in_article:
        return True
    if element.get("role") in ("navigation", "banner", "contentinfo", "search"):
        return True
    if element.get("hidden") is not None or "display:none" in (element.get("style") or "").replace(
        " ", ""
    ):
        return True
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    return bool(names.strip()) and bool(_CLUTTER_RE.search(names))


def _has_nested_table(table: lxml.etree._Element) -> bool:
    return next(table.iterdescendants("table"), None) is not None


def _table_cells(table: lxml.etree._Element, *, spans: bool) -> list[list[RawCell]]:
    """The table's rows of cells. ``spans``: the page has a rowspan or colspan somewhere
    (else reading two attributes of every cell would cost more than the rest of it)."""
    rows: list[list[RawCell]] = []
    row: list[RawCell] | None = None
    new = tuple.__new__  # RawCell(...) without the named tuple's Python-level __new__
    for element in table.iter("tr", "td", "th"):
        if element.tag == "tr":
            row = []
            rows.append(row)
            continue
        if row is None:
            continue
        text = _cell_text(element) if len(element) else (element.text or "")
        if spans:
            rowspan, colspan = element.get("rowspan"), element.get("colspan")
            if rowspan is not None or colspan is not None:
                row.append(new(RawCell, (text, _span(rowspan), _span(colspan))))
                continue
        row.append(new(RawCell, (text, 1, 1)))
    return rows


def _cell_text(cell: lxml.etree._Element) -> str:
    """The cell's text with ``<br>`` and paragraphs as line breaks, wrapped text joined."""
    parts: list[str] = []
    current: list[str] = []

    def visit(node: lxml.etree._Element) -> None:
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if tag in ("script", "style"):
            return
        if tag in _BLOCK:
            parts.append("".join(current))
            current.clear()
        if node.text:
            current.append(node.text)
        for child in node:
            visit(child)
            if child.tail:
                current.append(child.tail)
        if tag in _BLOCK:
            parts.append("".join(current))
            current.clear()

    visit(cell)
    parts.append("".join(current))
    pieces = [_SPACE_RE.sub(" ", p).strip() for p in parts]
    return "\n".join(p for p in pieces if p) if len(pieces) > 1 else join_wrapped(pieces)


def _span(value: str | None) -> int:
    """A ``rowspan``/``colspan`` value; 1 when absent, unreadable or absurd (a number of
    thousands of digits would not even convert)."""
    if not value:
        return 1
    digits = re.match(r"\s*(\d{1,6})(?!\d)", value)
    return int(digits.group(1)) if digits else 1
